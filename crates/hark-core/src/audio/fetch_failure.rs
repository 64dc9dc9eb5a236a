//! Why a link (`audio::link`) gave no audio: the reason an `audio_fetch_failed` error
//! carries.

use crate::i18n::Words;

/// Why a link gave no audio.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchFailure {
    /// Not an https link, or http to an address on the internet.
    NotAllowed,
    /// Redirected to an address that is not https, or too many times.
    BadRedirect,
    /// The server says there is nothing there (404, 410).
    NotFound(u16),
    /// The server refused (any other status that is not success).
    Refused(u16),
    /// Larger than any source of a note for the platform.
    TooLarge { max: u64 },
    /// The server stopped sending, or the whole fetch took too long.
    TimedOut,
    /// The server could not be reached (the detail is the system's).
    Unreachable(String),
    /// The server's certificate is not one this computer trusts (the detail is the TLS
    /// library's).
    Untrusted(String),
    /// What came is not audio Hark reads: the words naming what it is.
    NotAudio(Words),
}

impl FetchFailure {
    /// The reason in words (the catalogs' `fetch-…`).
    pub fn words(&self) -> Words {
        match self {
            FetchFailure::NotAllowed => Words::new("fetch-not-allowed"),
            FetchFailure::BadRedirect => Words::new("fetch-bad-redirect"),
            FetchFailure::NotFound(status) => {
                Words::new("fetch-not-found").number("status", f64::from(*status))
            }
            FetchFailure::Refused(status) => {
                Words::new("fetch-refused").number("status", f64::from(*status))
            }
            FetchFailure::TooLarge { max } => {
                Words::new("fetch-too-large").number("max", *max as f64)
            }
            FetchFailure::TimedOut => Words::new("fetch-timed-out"),
            FetchFailure::Unreachable(detail) => {
                Words::new("fetch-unreachable").text("detail", detail.clone())
            }
            FetchFailure::Untrusted(detail) => {
                Words::new("fetch-untrusted").text("detail", detail.clone())
            }
            FetchFailure::NotAudio(found) => {
                Words::new("fetch-not-audio").words("found", found.clone())
            }
        }
    }

    /// A failure that may not happen again (the network, a slow server).
    pub fn is_temporary(&self) -> bool {
        matches!(self, FetchFailure::TimedOut | FetchFailure::Unreachable(_))
    }
}
