use hark_core::UserError;
use hark_core::outbox::OutboxError;
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
        CommandError::shell(err.code(), err.to_string(), err.remedy()).for_window()
    }
}

impl CommandError {
    /// A send's or a verification's failure, with what the platform said.
    pub fn from_outbox(err: &OutboxError) -> CommandError {
        let mut out = CommandError::shell(err.code(), err.to_string(), err.remedy());
        match err {
            OutboxError::Unknown { id, error, .. } => {
                // Not "try again": the customer may have it.
                out.retryable = Some(false);
                out.raw_code = error.raw_code.clone();
                out.raw_message = error.raw_message.clone();
                out.send_id = Some(*id as u32);
            }
            OutboxError::MayDuplicate { id, .. } => {
                out.retryable = Some(false);
                out.send_id = Some(*id as u32);
            }
            OutboxError::Failed { id, error } => {
                out.retryable = Some(error.retryable);
                out.raw_code = error.raw_code.clone();
                out.raw_message = error.raw_message.clone();
                out.send_id = Some(*id as u32);
            }
            OutboxError::Rejected(e) => {
                out.retryable = Some(e.retryable);
                out.raw_code = e.raw.as_ref().map(|r| r.code.clone());
                out.raw_message = e.raw.as_ref().map(|r| r.message.clone());
            }
            _ => {}
        }
        out.for_window()
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
    fn for_window(mut self) -> Self {
        let (remedy, fix) = for_window(&self.code, self.raw_message.as_deref(), &self.remedy);
        self.remedy = remedy;
        self.fix = fix;
        self
    }

    /// An error with no platform details: the shell's own (a clip that is gone, a task
    /// that stopped) or the core's.
    /// The same error, shown next to the form field `field`.
    pub fn in_field(mut self, field: &str) -> Self {
        self.field = Some(field.to_owned());
        self
    }

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
