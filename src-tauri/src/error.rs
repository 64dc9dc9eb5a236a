use hark_core::i18n::Surface;
use hark_core::outbox::OutboxError;
use hark_core::{Problem, UserError};
use serde::Serialize;

use crate::fixes::{Fix, for_window};

/// What a command returns on failure; the UI shows `message` and `remedy`.
#[derive(Debug, Clone, Serialize, specta::Type, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{message}")]
pub struct CommandError {
    /// Stable code, e.g. `data_dir_unavailable`, `invalid_token`.
    pub code: String,
    pub message: String,
    pub remedy: String,
    /// For a send: whether trying again can help (the UI offers Retry).
    pub retryable: Option<bool>,
    /// The platform's own code and words, for support.
    pub raw_code: Option<String>,
    pub raw_message: Option<String>,
    /// The send's row in the history, when it got that far.
    pub send_id: Option<u32>,
    /// The control that fixes it, which the window offers beside the remedy.
    pub fix: Option<Fix>,
    /// The form field at fault (an account's `name` or one of its fields), shown next
    /// to that field.
    pub field: Option<String>,
}

impl<E: UserError> From<E> for CommandError {
    fn from(err: E) -> Self {
        CommandError::of(&err)
    }
}

impl CommandError {
    /// `err` as the window shows it, in the window's language: the core's one shape
    /// of a failure with the window's remedy (from the catalog, or, for a sentence the
    /// catalog does not have yet, the command line's without its commands) and the fix
    /// the window offers.
    pub fn of(err: &(impl UserError + ?Sized)) -> CommandError {
        let problem = Problem::said_in(err, crate::lang::current(), Surface::App);
        let commandless = err.said().is_some();
        CommandError::from_problem(problem, commandless)
    }

    /// The core's one shape of a failure, as the window shows it: the same code,
    /// sentence and platform's words as the CLI prints, the remedy without commands to
    /// type (`commandless`: it has none already), and the fix the window offers.
    fn from_problem(p: Problem, commandless: bool) -> CommandError {
        CommandError {
            code: p.code,
            message: p.message,
            remedy: p.remedy,
            retryable: p.send.retryable,
            raw_code: p.send.raw_code,
            raw_message: p.send.raw_message,
            send_id: p.send.send_id.map(|id| id as u32),
            fix: None,
            field: None,
        }
        .for_window(commandless)
    }

    /// A send's or a verification's failure, with what the platform said.
    pub fn from_outbox(err: &OutboxError) -> CommandError {
        CommandError::of(err)
    }

    /// An account that cannot be saved as it is, with the field at fault.
    pub fn from_profile(err: hark_core::profile::ProfileError) -> CommandError {
        use hark_core::profile::ProfileError;
        let field = match &err {
            ProfileError::Invalid(i) => Some(i.field.clone()),
            ProfileError::NameTaken(_) => Some("name".to_string()),
            _ => None,
        };
        CommandError {
            field,
            ..CommandError::from(err)
        }
    }

    /// The remedy as the window says it (no command to type), with its fix.
    fn for_window(mut self, commandless: bool) -> Self {
        let (remedy, fix) = for_window(&self.code, self.raw_message.as_deref(), &self.remedy);
        if !commandless {
            self.remedy = remedy;
        }
        self.fix = fix;
        self
    }

    /// The same error, shown next to the form field `field`.
    pub fn in_field(mut self, field: &str) -> Self {
        self.field = Some(field.to_owned());
        self
    }

    /// An error of the shell's own (a clip that is gone, a task that stopped), with no
    /// platform details.
    pub fn shell(code: &str, message: impl Into<String>, remedy: impl Into<String>) -> Self {
        CommandError {
            code: code.into(),
            message: message.into(),
            remedy: remedy.into(),
            retryable: None,
            raw_code: None,
            raw_message: None,
            send_id: None,
            fix: None,
            field: None,
        }
    }
}
