use hark_core::UserError;
use serde::Serialize;

/// What a command returns on failure; the UI shows `message` and `remedy`.
#[derive(Debug, Clone, Serialize, specta::Type, thiserror::Error)]
#[error("{message}")]
pub struct CommandError {
    /// Stable code, e.g. `data_dir_unavailable`.
    pub code: String,
    pub message: String,
    pub remedy: String,
}

impl<E: UserError> From<E> for CommandError {
    fn from(err: E) -> Self {
        CommandError {
            code: err.code().to_string(),
            message: err.to_string(),
            remedy: err.remedy(),
        }
    }
}
