//! One check of `hark doctor` and its outcome.

use serde::Serialize;

use crate::UserError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    Problem,
}

/// One check's outcome.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    /// `audio`, `keychain` or `data_dir`.
    pub id: &'static str,
    /// What was checked, for people ("Microphone").
    pub title: &'static str,
    pub status: Status,
    /// One sentence on what was found.
    pub verdict: String,
    /// The stable error code, for a problem.
    pub code: Option<&'static str>,
    /// What to do, for a problem.
    pub remedy: Option<String>,
}

impl Check {
    pub(super) fn ok(id: &'static str, title: &'static str, verdict: String) -> Self {
        Check {
            id,
            title,
            status: Status::Ok,
            verdict,
            code: None,
            remedy: None,
        }
    }

    pub(super) fn problem(id: &'static str, title: &'static str, err: &dyn UserError) -> Self {
        Check {
            id,
            title,
            status: Status::Problem,
            verdict: err.to_string(),
            code: Some(err.code()),
            remedy: Some(err.remedy()),
        }
    }
}
