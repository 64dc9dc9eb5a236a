//! The error a send ended with, as the history keeps it: the platform's code and words,
//! and the catalog's, so that it is said again in the reader's language.

use serde::Serialize;

use crate::i18n::Said;
use crate::platform::{ErrorCode, SendError};

/// The error a failed send ended with.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StoredError {
    pub code: String,
    pub message: String,
    pub remedy: String,
    pub retryable: bool,
    pub raw_code: Option<String>,
    pub raw_message: Option<String>,
    /// The message and remedy in the catalog's words, when they are (for another
    /// language).
    #[serde(skip)]
    pub said: Option<Said>,
}

impl From<&SendError> for StoredError {
    fn from(e: &SendError) -> Self {
        StoredError {
            code: e.code.as_str().into(),
            message: e.message.clone(),
            remedy: e.remedy.clone(),
            retryable: e.retryable,
            raw_code: e.raw.as_ref().map(|r| r.code.clone()),
            raw_message: e.raw.as_ref().map(|r| r.message.clone()),
            said: crate::UserError::said(e),
        }
    }
}

impl StoredError {
    /// A failure of Hark's own (keychain, disk) rather than the platform's.
    pub fn local(error: &dyn crate::UserError) -> StoredError {
        StoredError {
            code: error.code().into(),
            message: error.to_string(),
            remedy: error.remedy(),
            retryable: true,
            raw_code: None,
            raw_message: None,
            said: error.said(),
        }
    }

    /// Whether the code is one of the platforms' shared codes (not Hark's own, such
    /// as a full disk).
    pub fn is_platform_code(&self) -> bool {
        ErrorCode::ALL
            .iter()
            .any(|c| c.as_str() == self.code && !c.is_local())
    }
}
