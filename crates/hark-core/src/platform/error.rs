//! One error language for every platform: a stable code, a sentence, a remedy, whether
//! trying again can help, and the platform's own code and message (for support).

use std::fmt;

use serde::Serialize;

use crate::i18n::{Lang, Said, Surface, Words};
use crate::{ProblemKind, SendFacts, UserError};

/// The stable codes shared by every platform (shared/design.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    InvalidToken,
    RecipientNotFound,
    MessagingWindowClosed,
    MessageNotAllowed,
    QuotaExceeded,
    RateLimited,
    AudioTooLarge,
    AudioTooLong,
    UnsupportedAudio,
    AudioFetchFailed,
    AccountNotVerified,
    Network,
    PlatformError,
    /// Hark's own: the disk holding the data folder is full.
    DiskFull,
    /// Hark's own: a file in the data folder could not be written.
    FolderUnwritable,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 15] = [
        ErrorCode::InvalidToken,
        ErrorCode::RecipientNotFound,
        ErrorCode::MessagingWindowClosed,
        ErrorCode::MessageNotAllowed,
        ErrorCode::QuotaExceeded,
        ErrorCode::RateLimited,
        ErrorCode::AudioTooLarge,
        ErrorCode::AudioTooLong,
        ErrorCode::UnsupportedAudio,
        ErrorCode::AudioFetchFailed,
        ErrorCode::AccountNotVerified,
        ErrorCode::Network,
        ErrorCode::PlatformError,
        ErrorCode::DiskFull,
        ErrorCode::FolderUnwritable,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidToken => "invalid_token",
            ErrorCode::RecipientNotFound => "recipient_not_found",
            ErrorCode::MessagingWindowClosed => "messaging_window_closed",
            ErrorCode::MessageNotAllowed => "message_not_allowed",
            ErrorCode::QuotaExceeded => "quota_exceeded",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::AudioTooLarge => "audio_too_large",
            ErrorCode::AudioTooLong => "audio_too_long",
            ErrorCode::UnsupportedAudio => "unsupported_audio",
            ErrorCode::AudioFetchFailed => "audio_fetch_failed",
            ErrorCode::AccountNotVerified => "account_not_verified",
            ErrorCode::Network => "network",
            ErrorCode::PlatformError => "platform_error",
            ErrorCode::DiskFull => "disk_full",
            ErrorCode::FolderUnwritable => "folder_unwritable",
        }
    }

    /// A failure on this computer, not the platform's answer.
    pub fn is_local(self) -> bool {
        matches!(self, ErrorCode::DiskFull | ErrorCode::FolderUnwritable)
    }

    /// The catalog's id of the code's sentence (`error-invalid-token`); its remedy's is
    /// the same with `remedy-`.
    pub fn message_id(self) -> String {
        format!("error-{}", self.as_str().replace('_', "-"))
    }

    pub fn remedy_id(self) -> String {
        format!("remedy-{}", self.as_str().replace('_', "-"))
    }

    /// Whether trying the same thing again later can succeed, by default for the code.
    pub fn retryable(self) -> bool {
        matches!(
            self,
            ErrorCode::RateLimited | ErrorCode::Network | ErrorCode::AudioFetchFailed
        )
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The platform's own words, kept for support (secrets already redacted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RawError {
    /// e.g. `45015`, `100/2018001`, `131047`, `HTTP 403`.
    pub code: String,
    pub message: String,
}

/// Whether the platform may hold the message although the send did not succeed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// It certainly does not: the message call never reached it, or it refused the
    /// message in a way its documentation describes. Sending again is safe.
    #[default]
    NotSent,
    /// It may: the message call went out and its answer was lost, cut off or could not
    /// be read. Sending again may give the customer the note twice.
    Unknown,
}

/// A send, upload or verification that did not work.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SendError {
    pub code: ErrorCode,
    pub message: String,
    pub remedy: String,
    pub retryable: bool,
    /// Whether the platform may have the message all the same.
    pub delivery: Delivery,
    /// Seconds the platform asked us to wait, when it said.
    pub retry_after_secs: Option<u64>,
    pub raw: Option<Box<RawError>>,
    /// The message and remedy as the catalog's words, for another language. `message`
    /// and `remedy` are their English; a client that rewords them in English only
    /// leaves these behind, and `said()` then no longer offers them.
    #[serde(skip)]
    pub said: Option<Box<Said>>,
}

impl SendError {
    pub fn new(code: ErrorCode, message: impl Into<String>, remedy: impl Into<String>) -> Self {
        SendError {
            code,
            message: message.into(),
            remedy: remedy.into(),
            retryable: code.retryable(),
            delivery: Delivery::NotSent,
            retry_after_secs: None,
            raw: None,
            said: None,
        }
    }

    /// An error in the catalog's words: its English `message` and `remedy` (the
    /// command line's) are made from them.
    pub fn say(code: ErrorCode, said: Said) -> Self {
        let mut e = SendError::new(
            code,
            Lang::En.say(&said.message),
            Lang::En.say_for(Surface::Cli, &said.remedy),
        );
        e.said = Some(Box::new(said));
        e
    }

    /// A file in the data folder that could not be written (`what` says which, for
    /// people): `disk_full` when the disk is full, else `folder_unwritable`.
    pub fn local(what: Words, path: &std::path::Path, error: &std::io::Error) -> Self {
        let path = path.display().to_string();
        if crate::files::is_disk_full(error) {
            let message = Words::new("error-disk-full-writing")
                .words("what", what)
                .text("path", path);
            SendError::say(
                ErrorCode::DiskFull,
                Said::new(message, Words::new("remedy-disk-full-writing")),
            )
        } else {
            let message = Words::new("error-folder-unwritable-writing")
                .words("what", what)
                .text("path", path)
                .text("detail", error.to_string());
            SendError::say(
                ErrorCode::FolderUnwritable,
                Said::new(message, Words::new("remedy-folder-unwritable-writing")),
            )
        }
        .retryable(true)
    }

    /// The same error in other words of the catalog: the sentence, the remedy or both
    /// (`None` keeps that part). Each is said with its arguments (see `about`).
    pub fn reworded(mut self, message: Option<Words>, remedy: Option<Words>) -> Self {
        let kept = self.said.take().map(|said| *said);
        let (old_message, old_remedy) = match kept {
            Some(said) => (said.message, said.remedy),
            None => (
                Words::new("said-as-is").text("text", self.message.clone()),
                Words::new("said-as-is").text("text", self.remedy.clone()),
            ),
        };
        let said = Said::new(message.unwrap_or(old_message), remedy.unwrap_or(old_remedy));
        self.message = Lang::En.say(&said.message);
        self.remedy = Lang::En.say_for(Surface::Cli, &said.remedy);
        self.said = Some(Box::new(said));
        self
    }

    /// The same error, its remedy followed by more of the catalog's words: message
    /// `id`, which says the remedy so far as `$remedy`.
    pub fn remedy_then(self, id: &str) -> Self {
        let so_far = match self.said() {
            Some(said) => said.remedy,
            None => Words::new("said-as-is").text("text", self.remedy.clone()),
        };
        self.reworded(None, Some(Words::new(id).words("remedy", so_far)))
    }

    pub fn delivery(mut self, delivery: Delivery) -> Self {
        self.delivery = delivery;
        self
    }

    pub fn raw(mut self, code: impl fmt::Display, message: impl Into<String>) -> Self {
        self.raw = Some(Box::new(RawError {
            code: code.to_string(),
            message: message.into(),
        }));
        self
    }

    pub fn retryable(mut self, retryable: bool) -> Self {
        self.retryable = retryable;
        self
    }

    pub fn retry_after(mut self, secs: Option<u64>) -> Self {
        self.retry_after_secs = secs;
        self
    }

    /// Removes every occurrence of `secrets` from the message and the raw message.
    pub fn redact(mut self, secrets: &[String]) -> Self {
        self.message = redact(&self.message, secrets);
        self.remedy = redact(&self.remedy, secrets);
        if let Some(raw) = self.raw.as_mut() {
            raw.message = redact(&raw.message, secrets);
        }
        self.said = self
            .said
            .map(|said| Box::new(said.edit_text(&|text| redact(text, secrets))));
        self
    }
}

impl fmt::Display for SendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SendError {}

impl UserError for SendError {
    fn code(&self) -> &'static str {
        self.code.as_str()
    }
    fn remedy(&self) -> String {
        self.remedy.clone()
    }
    fn said(&self) -> Option<Said> {
        // Only while the English is still theirs: a client's rewording (or the
        // redaction of a secret) in English alone is said in English.
        let said = self.said.as_deref()?;
        (Lang::En.say(&said.message) == self.message
            && Lang::En.say_for(Surface::Cli, &said.remedy) == self.remedy)
            .then(|| said.clone())
    }

    fn kind(&self) -> ProblemKind {
        if self.retryable {
            ProblemKind::Temporary
        } else {
            ProblemKind::Refused
        }
    }
    fn send_facts(&self) -> SendFacts {
        SendFacts {
            retryable: Some(self.retryable),
            raw_code: self.raw.as_ref().map(|r| r.code.clone()),
            raw_message: self.raw.as_ref().map(|r| r.message.clone()),
            ..SendFacts::default()
        }
    }
}

/// The standard sentence and remedy for `code` on `platform` (the catalog's
/// `error-<code>` and `remedy-<code>`); clients override them where the platform's own
/// error says more.
pub fn described(code: ErrorCode, platform: super::Platform) -> SendError {
    SendError::say(
        code,
        Said {
            message: about(platform, code.message_id()),
            remedy: about(platform, code.remedy_id()),
        },
    )
}

/// Message `id` about `platform`: its name (`$platform`), key (`$key`) and who it
/// sends to (`$hint`), as every platform error may say them.
pub fn about(platform: super::Platform, id: impl Into<String>) -> Words {
    Words::new(id)
        .words("platform", platform.name_words())
        .text("key", platform.id())
        .words("hint", Words::new(format!("recipient-{}", platform.id())))
}

/// `text` with each secret (of 4 characters or more) replaced by `[redacted]`.
pub fn redact(text: &str, secrets: &[String]) -> String {
    let mut out = text.to_owned();
    for secret in secrets.iter().filter(|s| s.len() >= 4) {
        if out.contains(secret.as_str()) {
            out = out.replace(secret.as_str(), "[redacted]");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Problem;

    /// Each code on each platform has a sentence and a remedy in each language, for
    /// each surface: whole (no placeable left unfilled), in the language, and in the
    /// window without a command to type.
    #[test]
    fn every_code_is_said_in_every_language_on_every_surface() {
        let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for platform in super::super::Platform::ALL {
            for code in ErrorCode::ALL {
                let e = described(code, platform);
                assert!(e.said().is_some(), "{code:?}: English is the catalog's");
                for lang in Lang::ALL {
                    for surface in [Surface::Cli, Surface::App] {
                        let p = Problem::said_in(&e, lang, surface);
                        let what = format!("{code:?} on {platform:?} in {lang:?} {surface:?}");
                        for text in [&p.message, &p.remedy] {
                            assert!(!text.is_empty(), "{what}");
                            assert!(!text.contains('{'), "{what}: {text}");
                            assert!(!text.starts_with("error-") && !text.starts_with("remedy-"));
                            assert_eq!(han(text), lang == Lang::ZhCn, "{what}: {text}");
                        }
                        if surface == Surface::App {
                            assert!(
                                !p.remedy.contains("hark ") && !p.remedy.contains('`'),
                                "{what}: {}",
                                p.remedy
                            );
                        }
                    }
                }
            }
        }
        let wechat = described(ErrorCode::InvalidToken, super::super::Platform::Wechat);
        let p = Problem::said_in(&wechat, Lang::ZhCn, Surface::App);
        assert!(p.message.starts_with("微信"), "{}", p.message);
        assert!(p.remedy.contains("AppSecret") && p.remedy.contains("IP 白名单"));
    }

    #[test]
    fn a_reworded_error_is_said_in_english_only() {
        let mut e = described(ErrorCode::Network, super::super::Platform::Telegram);
        e.message = "Telegram went quiet.".into();
        assert_eq!(e.said(), None);
        let p = Problem::said_in(&e, Lang::ZhCn, Surface::Cli);
        assert_eq!(p.message, "Telegram went quiet.");
    }

    #[test]
    fn codes_are_the_documented_snake_case_names() {
        let json = serde_json::to_string(&ErrorCode::ALL).unwrap();
        let names: Vec<String> = serde_json::from_str(&json).unwrap();
        let direct: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(names, direct);
        assert!(direct.contains(&"messaging_window_closed"));
    }

    #[test]
    fn redaction_removes_secrets_everywhere() {
        let secrets = vec!["s3cr3t-token".to_string(), "ab".to_string()];
        let e = SendError::new(
            ErrorCode::Network,
            "failed: ?access_token=s3cr3t-token",
            "ab",
        )
        .raw(1, "echo s3cr3t-token")
        .redact(&secrets);
        assert!(!format!("{e:?}").contains("s3cr3t-token"));
        assert_eq!(e.remedy, "ab", "too short to be a secret, left alone");
    }

    #[test]
    fn redaction_reaches_the_words_of_every_language() {
        let secrets = vec!["s3cr3t-token".to_string()];
        let said = Said::new(
            Words::new("error-unknown-platform").text("name", "bot s3cr3t-token/x"),
            Words::new("remedy-unknown-platform"),
        );
        let e = SendError::say(ErrorCode::Network, said).redact(&secrets);
        for lang in Lang::ALL {
            let p = Problem::said_in(&e, lang, Surface::App);
            assert!(p.message.contains("[redacted]"), "{lang:?}: {}", p.message);
            assert!(!format!("{p:?}{e:?}").contains("s3cr3t-token"), "{lang:?}");
        }
    }
}
