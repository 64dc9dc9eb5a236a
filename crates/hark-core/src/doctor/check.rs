//! One check of `hark doctor` and its outcome.

use serde::Serialize;

use crate::UserError;
use crate::i18n::{Lang, Surface, Words};

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
    /// The verdict and the remedy in the catalog's words (the English above is made
    /// from them), for another language.
    #[serde(skip)]
    said: (Option<Words>, Option<Words>),
}

impl Check {
    pub(super) fn ok(id: &'static str, title: &'static str, verdict: Words) -> Self {
        Check {
            id,
            title,
            status: Status::Ok,
            verdict: Lang::En.say(&verdict),
            code: None,
            remedy: None,
            said: (Some(verdict), None),
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
            said: err
                .said()
                .map_or((None, None), |said| (Some(said.message), Some(said.remedy))),
        }
    }

    /// What was checked, in `lang` (`doctor-<id>`).
    pub fn title_in(&self, lang: Lang) -> String {
        lang.say(&Words::new(format!("doctor-{}", self.id.replace('_', "-"))))
    }

    /// What was found, in `lang` (English where the catalog does not have it).
    pub fn verdict_in(&self, lang: Lang) -> String {
        self.said
            .0
            .as_ref()
            .map_or_else(|| self.verdict.clone(), |words| lang.say(words))
    }

    /// What to do, in `lang`, as the command line says it.
    pub fn remedy_in(&self, lang: Lang) -> Option<String> {
        let remedy = self.remedy.as_ref()?;
        Some(
            self.said
                .1
                .as_ref()
                .map_or_else(|| remedy.clone(), |words| lang.say_for(Surface::Cli, words)),
        )
    }
}
