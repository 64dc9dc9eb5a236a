//! Exit statuses, one meaning each, documented in `--help`.

use std::process::ExitCode;

pub const HELP: &str = "\
Exit status:
  0  success (doctor: every check passed; inspect/convert: the note can be sent)
  1  the command ran and found a problem (doctor: a check failed; inspect/convert: the
     note does not fit the platform's limits)
  2  the command line was wrong
  3  Hark itself failed (e.g. could not write its output)
  4  the input file cannot be used (not audio Hark reads, damaged, or unreadable)";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Ok,
    Problem,
    Failure,
    Unusable,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(match exit {
            Exit::Ok => 0,
            Exit::Problem => 1,
            Exit::Failure => 3,
            Exit::Unusable => 4,
        })
    }
}
