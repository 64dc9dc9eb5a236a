//! What can be wrong with an audio file someone gives Hark.

use std::path::PathBuf;

use crate::{ProblemKind, UserError};

#[derive(Debug, thiserror::Error)]
pub enum ClipError {
    #[error("Hark cannot use this file: it is {found}.")]
    Unsupported { found: String },
    #[error("This audio file is damaged or incomplete: {detail}.")]
    Corrupt { detail: String },
    #[error("Hark could not read {path}: {source}")]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "The file is {bytes} bytes, far larger than any voice note (the most Hark reads is {max} bytes)."
    )]
    TooBig { bytes: u64, max: u64 },
    #[error("Hark could not encode the note: {detail}.")]
    Encode { detail: String },
    /// The note cannot be sent as it is: the verdict that failed says why.
    #[error("{}", .0.message)]
    DoesNotFit(crate::platform::Verdict),
    /// Whoever waited for the work stopped it.
    #[error("The file was not imported: you cancelled it.")]
    Cancelled,
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
        }
    }

    fn remedy(&self) -> String {
        match self {
            ClipError::Cancelled => "Drop or choose it again when you want it.".into(),
            ClipError::Unsupported { .. } => "Use an audio file: MP3, M4A/AAC, Ogg (Opus or \
                Vorbis), WebM, WAV, FLAC or AMR. Other files can be exported to one of these \
                from most audio apps."
                .into(),
            ClipError::Corrupt { .. } => "Export or download the file again, or record the \
                note instead."
                .into(),
            ClipError::Unreadable { .. } => {
                "Check that the file exists and that you may read it, then try again.".into()
            }
            ClipError::TooBig { .. } => "Pick the right file, or cut the recording down to the \
                part you want to send."
                .into(),
            ClipError::Encode { .. } => "Try again; if it keeps happening, send the file to \
                support with the output of `hark doctor`."
                .into(),
            ClipError::DoesNotFit(v) => v.remedy.clone().unwrap_or_default(),
        }
    }

    fn kind(&self) -> ProblemKind {
        match self {
            ClipError::DoesNotFit(_) => ProblemKind::DoesNotFit,
            ClipError::Encode { .. } | ClipError::Cancelled => ProblemKind::Local,
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
