//! Exit statuses, one meaning each, documented in `--help` (`help-hark.after` in the
//! catalogs); a failure's status follows its kind (`hark_core::ProblemKind`).

use std::process::ExitCode;

use hark_core::ProblemKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Ok,
    Problem,
    Failure,
    Unusable,
    Usage,
    Refused,
    Temporary,
    Unknown,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(match exit {
            Exit::Ok => 0,
            Exit::Problem => 1,
            Exit::Failure => 3,
            Exit::Unusable => 4,
            Exit::Usage => 2,
            Exit::Refused => 5,
            Exit::Temporary => 6,
            Exit::Unknown => 7,
        })
    }
}

/// The exit status for a problem of `kind`.
pub fn for_kind(kind: ProblemKind) -> Exit {
    match kind {
        ProblemKind::Usage => Exit::Usage,
        ProblemKind::Local => Exit::Failure,
        ProblemKind::Unusable => Exit::Unusable,
        ProblemKind::DoesNotFit | ProblemKind::Device | ProblemKind::HeldBack => Exit::Problem,
        ProblemKind::Refused => Exit::Refused,
        ProblemKind::Temporary => Exit::Temporary,
        ProblemKind::Unknown => Exit::Unknown,
    }
}
