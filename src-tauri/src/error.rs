use hark_core::i18n::{Surface, Words};
use hark_core::outbox::OutboxError;
use hark_core::{Problem, UserError};
use serde::Serialize;

use crate::fixes::{Fix, fix_for, without_commands};

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
    /// of a failure with the window's remedy (the catalog's, or, for a sentence the
    /// catalog does not have yet, the command line's without its commands) and the fix
    /// the window offers (chosen from the code, the platform's words and the English
    /// remedy, whatever the language).
    pub fn of(err: &(impl UserError + ?Sized)) -> CommandError {
        let fix = fix_for(
            err.code(),
            err.send_facts().raw_message.as_deref(),
            &err.remedy(),
        );
        let p = Problem::said_in(err, crate::lang::current(), Surface::App);
        CommandError {
            code: p.code,
            message: p.message,
            remedy: if err.said().is_some() {
                p.remedy
            } else {
                without_commands(&err.remedy())
            },
            retryable: p.send.retryable,
            raw_code: p.send.raw_code,
            raw_message: p.send.raw_message,
            send_id: p.send.send_id.map(|id| id as u32),
            fix,
            field: None,
        }
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

    /// The same error, shown next to the form field `field`.
    pub fn in_field(mut self, field: &str) -> Self {
        self.field = Some(field.to_owned());
        self
    }

    /// An error of the shell's own (a clip that is gone, a task that stopped), with no
    /// platform details.
    /// Something of the window's own that failed (a thread, an event): the error's own
    /// words, and try again.
    pub fn internal(err: &dyn std::fmt::Display) -> Self {
        let message = Words::new("app-error-internal").text("detail", err.to_string());
        CommandError::shell("internal_error", message, Words::new("app-remedy-internal"))
    }

    pub fn shell(code: &str, message: Words, remedy: Words) -> Self {
        CommandError {
            code: code.into(),
            message: crate::lang::say(&message),
            remedy: crate::lang::say(&remedy),
            retryable: None,
            raw_code: None,
            raw_message: None,
            send_id: None,
            fix: None,
            field: None,
        }
    }
}
