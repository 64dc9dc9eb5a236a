//! How a command fails: with a problem a person reads (in their language), printed once by `main` in the
//! command's format (text, or JSON with `--json`) with the exit status its kind
//! decides; or with an error of Hark's own in writing its output.

use hark_core::i18n::Surface;
use hark_core::{Problem, UserError};

use crate::lang::lang;

pub enum Failure {
    Problem { problem: Box<Problem>, json: bool },
    Output(anyhow::Error),
}

impl<E: Into<anyhow::Error>> From<E> for Failure {
    fn from(err: E) -> Self {
        Failure::Output(err.into())
    }
}

/// What a command returns: its exit status, or how it failed.
pub type Ran = Result<crate::exit::Exit, Failure>;

/// `?` for an error a person reads: `step().or_report(json)?`.
pub trait OrReport<T> {
    fn or_report(self, json: bool) -> Result<T, Failure>;
}

impl<T, E: UserError> OrReport<T> for Result<T, E> {
    fn or_report(self, json: bool) -> Result<T, Failure> {
        self.map_err(|e| Failure::Problem {
            problem: Box::new(Problem::said_in(&e, lang(), Surface::Cli)),
            json,
        })
    }
}

/// Fails with `err`, for a problem found by the command itself.
pub fn fail<T>(err: &impl UserError, json: bool) -> Result<T, Failure> {
    Err(Failure::Problem {
        problem: Box::new(Problem::said_in(err, lang(), Surface::Cli)),
        json,
    })
}
