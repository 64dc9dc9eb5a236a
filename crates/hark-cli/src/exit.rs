//! Exit statuses, one meaning each, documented in `--help`.

use std::process::ExitCode;

use hark_core::audio::ClipError;
use hark_core::outbox::OutboxError;
use hark_core::profile::ProfileError;

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

/// The exit status for an account error: a name that is missing, taken or invalid is
/// the command line's fault.
pub fn for_profile(err: &ProfileError) -> Exit {
    match err {
        ProfileError::NotFound(_) | ProfileError::NameTaken(_) | ProfileError::Invalid(_) => {
            Exit::Usage
        }
        _ => Exit::Failure,
    }
}

/// The exit status for an audio error.
pub fn for_clip(err: &ClipError) -> Exit {
    match err {
        ClipError::DoesNotFit(_) => Exit::Problem,
        ClipError::Encode { .. } => Exit::Failure,
        _ => Exit::Unusable,
    }
}

/// The exit status for a send or verification error.
pub fn for_outbox(err: &OutboxError) -> Exit {
    match err {
        OutboxError::Profile(e) => for_profile(e),
        OutboxError::Clip(e) => for_clip(e),
        OutboxError::Rejected(e) if e.retryable => Exit::Temporary,
        OutboxError::Rejected(_) => Exit::Refused,
        OutboxError::Failed { error, .. } if !error.is_platform_code() => Exit::Failure,
        OutboxError::Failed { error, .. } if error.retryable => Exit::Temporary,
        OutboxError::Failed { .. } => Exit::Refused,
        OutboxError::Unknown { .. } => Exit::Unknown,
        OutboxError::MayDuplicate { .. } | OutboxError::StillSending(_) => Exit::Problem,
        OutboxError::NoSuchSend(_) => Exit::Usage,
        OutboxError::Db(_) | OutboxError::Io { .. } => Exit::Failure,
    }
}
