//! The shape every user-facing failure shares, and the one type it reaches a person in.
//!
//! Each domain error (a clip, an account, a send, the database…) implements `UserError`:
//! a stable code, its sentence (`to_string()`), a remedy, what kind of failure it is,
//! and, for a send, what the platform said. `Problem::of` turns any of them into the
//! one `Problem` that the CLI prints (text or JSON) and the app shows; the CLI's exit
//! status follows its `kind`. The UI and the CLI never show a Debug dump.

use serde::Serialize;

use crate::i18n::{Lang, Said, Surface};

/// An error a person will read.
pub trait UserError: std::error::Error {
    /// A stable snake_case code such as `keychain_unavailable`.
    fn code(&self) -> &'static str;
    /// What to do about it, as a sentence (the command line's, in English): by
    /// default the catalog's remedy of `said()`.
    fn remedy(&self) -> String {
        self.said()
            .map(|said| Lang::En.say_for(Surface::Cli, &said.remedy))
            .unwrap_or_default()
    }
    /// What kind of failure it is (Hark's own, unless the error says otherwise).
    fn kind(&self) -> ProblemKind {
        ProblemKind::Local
    }
    /// The sentence and remedy in the catalog's words, so that they can be said in
    /// the reader's language and for where they read it. `None`: English only (the
    /// sentence is `to_string()`, the remedy `remedy()`).
    fn said(&self) -> Option<Said> {
        None
    }
    /// The sentence in English, made from `said()`: the `Display` of an error whose
    /// words are the catalog's (`#[error("{}", self.english())]`).
    fn english(&self) -> String {
        self.said().map(|said| said.english()).unwrap_or_default()
    }
    /// For a send or a verification: what the platform said, and the history row.
    fn send_facts(&self) -> SendFacts {
        SendFacts::default()
    }
}

/// What kind of failure a problem is: whose doing, and whether trying again helps. The
/// CLI's exit status is chosen from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// What was asked for names something that does not exist or is not valid as
    /// given: an account, a send, a field, a platform.
    Usage,
    /// Hark itself could not do it: the database, a disk, the keychain, a folder.
    Local,
    /// The input file cannot be used (not audio Hark reads, damaged, unreadable).
    Unusable,
    /// The note does not fit the platform's limits.
    DoesNotFit,
    /// The microphone or the sound system could not be used.
    Device,
    /// Hark held a send back: the customer has or may have the note, or it is still
    /// under way.
    HeldBack,
    /// The platform refused: the same request fails again until the remedy is done.
    Refused,
    /// A temporary failure (network, rate limit, platform busy): it may work later.
    Temporary,
    /// The request to send went out and its answer was lost: the customer may have
    /// the note.
    Unknown,
}

/// What a failed send or verification adds: whether the same send may work later, what
/// the platform may have, the platform's own code and words, the history row.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SendFacts {
    pub retryable: Option<bool>,
    /// `failed` (the platform does not have the note) or `unknown` (it may).
    pub outcome: Option<Outcome>,
    /// For a send that failed or may have arrived: the code of what went wrong.
    pub cause_code: Option<String>,
    pub raw_code: Option<String>,
    pub raw_message: Option<String>,
    pub send_id: Option<i64>,
}

/// What the platform has of a send that went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// It certainly does not have the note.
    Failed,
    /// It may have it: the answer to the send was lost.
    Unknown,
}

/// A failure as it reaches a person: the same fields in the CLI's text and JSON and in
/// the app. The platform's own words stay as the platform said them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub code: String,
    pub message: String,
    pub remedy: String,
    pub kind: ProblemKind,
    #[serde(flatten)]
    pub send: SendFacts,
}

impl Problem {
    /// The problem `err` is, in English, with the command line's remedy.
    pub fn of(err: &(impl UserError + ?Sized)) -> Problem {
        Problem {
            code: err.code().to_owned(),
            message: err.to_string(),
            remedy: err.remedy(),
            kind: err.kind(),
            send: err.send_facts(),
        }
    }

    /// The problem `err` is, in `lang`, with the remedy for `surface`. The platform's
    /// own words stay as the platform said them.
    pub fn said_in(err: &(impl UserError + ?Sized), lang: Lang, surface: Surface) -> Problem {
        let mut problem = Problem::of(err);
        if let Some(said) = err.said() {
            problem.message = lang.say(&said.message);
            problem.remedy = lang.say_for(surface, &said.remedy);
        }
        problem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("No account is called “{0}”.")]
    struct Missing(String);

    impl UserError for Missing {
        fn code(&self) -> &'static str {
            "profile_not_found"
        }
        fn remedy(&self) -> String {
            "Check the name.".into()
        }
        fn kind(&self) -> ProblemKind {
            ProblemKind::Usage
        }
    }

    #[test]
    fn a_problem_carries_every_field_in_json() {
        let p = Problem::of(&Missing("Shop".into()));
        assert_eq!(p.kind, ProblemKind::Usage);
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["code"], "profile_not_found");
        assert_eq!(json["message"], "No account is called “Shop”.");
        assert_eq!(json["kind"], "usage");
        for key in ["retryable", "outcome", "raw_code", "raw_message", "send_id"] {
            assert!(
                json[key].is_null() && json.get(key).is_some(),
                "{key}: {json}"
            );
        }
    }
}
