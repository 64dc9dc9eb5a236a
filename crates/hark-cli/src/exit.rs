//! Exit statuses, one meaning each, documented in `--help`.

use std::process::ExitCode;

pub const HELP: &str = "\
Exit status:
  0  success (for `doctor`: every check passed)
  1  the command ran and found a problem (for `doctor`: at least one check failed)
  2  the command line was wrong (clap's usage error)
  3  Hark itself failed (e.g. could not write its output)";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Ok,
    Problem,
    Failure,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(match exit {
            Exit::Ok => 0,
            Exit::Problem => 1,
            Exit::Failure => 3,
        })
    }
}
