//! What can be wrong with an audio file someone gives Hark.

use std::path::PathBuf;

use crate::i18n::{Lang, Said, Surface, Words};
use crate::{ProblemKind, UserError};

#[derive(Debug, thiserror::Error)]
pub enum ClipError {
    #[error("{}", self.english())]
    /// What the file is instead (`sniff::found`).
    Unsupported { found: Words },
    #[error("{}", self.english())]
    Corrupt { detail: String },
    #[error("{}", self.english())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", self.english())]
    TooBig { bytes: u64, max: u64 },
    #[error("{}", self.english())]
    Encode { detail: String },
    /// The note cannot be sent as it is: the verdict that failed says why.
    #[error("{}", .0.message)]
    DoesNotFit(Box<crate::platform::Verdict>),
    /// Whoever waited for the work stopped it.
    #[error("{}", self.english())]
    Cancelled,
    /// A link gave no audio (`link`): the link as it may be shown, and why.
    #[error("{}", self.english())]
    Fetch {
        link: String,
        reason: super::fetch_failure::FetchFailure,
    },
}

impl UserError for ClipError {
    fn code(&self) -> &'static str {
        match self {
            ClipError::Unsupported { .. } => "unsupported_audio",
            ClipError::Corrupt { .. } => "corrupt_audio",
            ClipError::Unreadable { .. } => "file_unreadable",
            ClipError::TooBig { .. } => "audio_too_large",
            ClipError::Encode { .. } => "encode_failed",
            ClipError::DoesNotFit(v) => v.code.unwrap_or("audio_does_not_fit"),
            ClipError::Cancelled => "cancelled",
            ClipError::Fetch { .. } => "audio_fetch_failed",
        }
    }

    fn remedy(&self) -> String {
        match self {
            ClipError::DoesNotFit(v) => v.remedy.clone().unwrap_or_default(),
            _ => self
                .said()
                .map(|said| Lang::En.say_for(Surface::Cli, &said.remedy))
                .unwrap_or_default(),
        }
    }

    fn said(&self) -> Option<Said> {
        let id = self.code().replace('_', "-");
        let words = Words::new(format!("error-clip-{id}"));
        let message = match self {
            ClipError::Unsupported { found } => words.words("found", found.clone()),
            ClipError::Corrupt { detail } | ClipError::Encode { detail } => {
                words.text("detail", detail.clone())
            }
            ClipError::Unreadable { path, source } => words
                .text("path", path.display().to_string())
                .text("detail", source.to_string()),
            ClipError::TooBig { bytes, max } => words
                .number("bytes", *bytes as f64)
                .number("max", *max as f64),
            ClipError::Cancelled => words,
            ClipError::Fetch { link, reason } => words
                .text("link", link.clone())
                .words("reason", reason.words()),
            // The verdict's own line and fix (platform/limits.rs).
            ClipError::DoesNotFit(v) => return v.said(),
        };
        Some(Said::new(message, Words::new(format!("remedy-clip-{id}"))))
    }

    fn kind(&self) -> ProblemKind {
        match self {
            ClipError::DoesNotFit(_) => ProblemKind::DoesNotFit,
            ClipError::Encode { .. } | ClipError::Cancelled => ProblemKind::Local,
            ClipError::Fetch { reason, .. } if reason.is_temporary() => ProblemKind::Temporary,
            ClipError::Fetch { .. } => ProblemKind::Unusable,
            ClipError::Unsupported { .. }
            | ClipError::Corrupt { .. }
            | ClipError::Unreadable { .. }
            | ClipError::TooBig { .. } => ProblemKind::Unusable,
        }
    }
}

pub fn corrupt(detail: impl std::fmt::Display) -> ClipError {
    ClipError::Corrupt {
        detail: detail.to_string(),
    }
}
