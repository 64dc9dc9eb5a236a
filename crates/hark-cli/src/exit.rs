//! Exit statuses, one meaning each, documented in `--help`; a failure's status follows
//! its kind (`hark_core::ProblemKind`).

use std::process::ExitCode;

use hark_core::ProblemKind;

pub const HELP: &str = "\
Exit status:
  0  success (doctor: every check passed; inspect/convert: the note can be sent)
  1  the command ran and found a problem (doctor: a check failed; inspect/convert: the
     note does not fit the platform's limits)
  2  the command line was wrong (or named an account or a send that does not exist)
  3  Hark itself failed (e.g. could not write its output)
  4  the input file cannot be used (not audio Hark reads, damaged, or unreadable)
  5  the platform refused (credentials, recipient, messaging window, quota, …): the same
     send will fail again until the remedy printed with it is done
  6  a temporary failure (network, rate limit, platform busy): the same send may work
     later; the note is kept in the history either way
  7  the outcome is unknown: the request to send went out and its answer was lost or
     unreadable, so the customer may have the note; check the conversation before
     sending it again (hark resend asks for --force)";

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
