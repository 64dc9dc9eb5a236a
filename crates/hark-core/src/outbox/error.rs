//! Why a send did not happen, or did not surely happen, as the person is told.

use std::path::PathBuf;

use super::history::State;
use super::stored_error::StoredError;
use crate::audio::error::ClipError;
use crate::contacts::ContactError;
use crate::db::DbError;
use crate::i18n::{Lang, Said, Surface, Words};
use crate::platform::{ErrorCode, Platform, SendError};
use crate::profile::ProfileError;
use crate::{Outcome, ProblemKind, SendFacts, UserError};

#[derive(Debug, thiserror::Error)]
pub enum OutboxError {
    #[error(transparent)]
    Profile(#[from] ProfileError),
    #[error(transparent)]
    Clip(#[from] ClipError),
    /// Refused before anything was queued (e.g. a recipient the platform cannot have).
    #[error(transparent)]
    Rejected(Box<SendError>),
    #[error(transparent)]
    Db(#[from] DbError),
    /// `--to` names contacts ambiguously, or the address book failed.
    #[error(transparent)]
    Contact(#[from] ContactError),
    #[error("{}", self.english())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The send was recorded and then failed; the history row holds the same error.
    /// The platform certainly does not have the note.
    #[error("{}", error.message)]
    Failed { id: i64, error: Box<StoredError> },
    /// The message call went out and what became of it cannot be known: the platform
    /// may have the note. The history row says the same.
    #[error("{}", self.english())]
    Unknown {
        id: i64,
        platform: Platform,
        error: Box<StoredError>,
    },
    /// The history has no send with this id (not the platform's doing).
    #[error("{}", self.english())]
    NoSuchSend(i64),
    /// A resend of a send that has not finished yet.
    #[error("{}", self.english())]
    StillSending(i64),
    /// A resend that could give the customer the note twice, refused until confirmed.
    #[error("{}", self.english())]
    MayDuplicate {
        id: i64,
        state: State,
        platform: Platform,
    },
    /// A resend of a send that was already sent again (as send `again`), refused until
    /// confirmed.
    #[error("{}", self.english())]
    AlreadyResent { id: i64, again: i64 },
    /// A resend of a send made with a session's credentials, which were never kept.
    #[error("{}", self.english())]
    SessionNotKept(i64),
}

impl UserError for OutboxError {
    fn code(&self) -> &'static str {
        match self {
            OutboxError::Profile(e) => e.code(),
            OutboxError::Clip(e) => e.code(),
            OutboxError::Rejected(e) => e.code.as_str(),
            OutboxError::Db(e) => e.code(),
            OutboxError::Contact(e) => e.code(),
            OutboxError::Io { source, .. } if crate::files::is_disk_full(source) => "disk_full",
            OutboxError::Io { .. } => "folder_unwritable",
            OutboxError::Failed { error, .. } => ErrorCode::ALL
                .iter()
                .map(|c| c.as_str())
                .find(|c| *c == error.code)
                .unwrap_or("platform_error"),
            OutboxError::Unknown { .. } => "delivery_unknown",
            OutboxError::NoSuchSend(_) => "send_not_found",
            OutboxError::StillSending(_) => "send_in_progress",
            OutboxError::MayDuplicate { .. } => "may_duplicate",
            OutboxError::AlreadyResent { .. } => "already_resent",
            OutboxError::SessionNotKept(_) => "session_not_kept",
        }
    }

    fn remedy(&self) -> String {
        match self {
            OutboxError::Profile(e) => e.remedy(),
            OutboxError::Clip(e) => e.remedy(),
            OutboxError::Rejected(e) => e.remedy.clone(),
            OutboxError::Db(e) => e.remedy(),
            OutboxError::Failed { error, .. } => error.remedy.clone(),
            OutboxError::Contact(_)
            | OutboxError::Io { .. }
            | OutboxError::Unknown { .. }
            | OutboxError::NoSuchSend(_)
            | OutboxError::StillSending(_)
            | OutboxError::MayDuplicate { .. }
            | OutboxError::AlreadyResent { .. }
            | OutboxError::SessionNotKept(_) => self
                .said()
                .map(|said| Lang::En.say_for(Surface::Cli, &said.remedy))
                .unwrap_or_default(),
        }
    }

    fn said(&self) -> Option<Said> {
        // A send's number is an id, not an amount: said as it is.
        let about_send = |message: &str, id: &i64| Words::new(message).text("id", id.to_string());
        match self {
            OutboxError::Profile(e) => e.said(),
            OutboxError::Clip(e) => e.said(),
            OutboxError::Rejected(e) => e.said(),
            OutboxError::Db(e) => e.said(),
            OutboxError::Contact(e) => e.said(),
            OutboxError::Io { path, source } => {
                let (message, remedy) = match crate::files::is_disk_full(source) {
                    true => ("error-disk-full-writing", "remedy-disk-full-writing"),
                    false => (
                        "error-folder-unwritable-writing",
                        "remedy-folder-unwritable-writing",
                    ),
                };
                Some(Said {
                    message: Words::new(message)
                        .words("what", Words::new("writing-outbox-note"))
                        .text("path", path.display().to_string())
                        .text("detail", source.to_string()),
                    remedy: Words::new(remedy),
                })
            }
            OutboxError::Failed { error, .. } => error.said.clone(),
            OutboxError::Unknown {
                platform, error, ..
            } => {
                let cause = match &error.said {
                    Some(said) => said.message.clone(),
                    None => Words::new("said-as-is").text("text", error.message.clone()),
                };
                Some(Said {
                    message: Words::new("error-delivery-unknown")
                        .words("cause", cause)
                        .words("platform", platform.name_words()),
                    remedy: Words::new("remedy-delivery-unknown"),
                })
            }
            OutboxError::NoSuchSend(id) => Some(Said {
                message: about_send("error-send-not-found", id),
                remedy: Words::new("remedy-send-not-found"),
            }),
            OutboxError::StillSending(id) => Some(Said {
                message: about_send("error-send-in-progress", id),
                remedy: Words::new("remedy-send-in-progress"),
            }),
            OutboxError::MayDuplicate {
                id,
                state,
                platform,
            } => {
                let state = if *state == State::Sent {
                    "sent"
                } else {
                    "unknown"
                };
                let about = |message: &str| {
                    about_send(message, id)
                        .text("state", state)
                        .words("platform", platform.name_words())
                };
                Some(Said {
                    message: about("error-may-duplicate"),
                    remedy: about("remedy-may-duplicate"),
                })
            }
            OutboxError::AlreadyResent { id, again } => {
                let about =
                    |message: &str| about_send(message, id).text("again", again.to_string());
                Some(Said {
                    message: about("error-already-resent"),
                    remedy: about("remedy-already-resent"),
                })
            }
            OutboxError::SessionNotKept(id) => Some(Said {
                message: about_send("error-resend-session-not-kept", id),
                remedy: Words::new("remedy-resend-session-not-kept"),
            }),
        }
    }

    fn kind(&self) -> ProblemKind {
        match self {
            OutboxError::Profile(e) => e.kind(),
            OutboxError::Clip(e) => e.kind(),
            OutboxError::Rejected(e) => e.kind(),
            // A failure of Hark's own, kept in the history as the send's error.
            OutboxError::Failed { error, .. } if !error.is_platform_code() => ProblemKind::Local,
            OutboxError::Failed { error, .. } if error.retryable => ProblemKind::Temporary,
            OutboxError::Failed { .. } => ProblemKind::Refused,
            OutboxError::Unknown { .. } => ProblemKind::Unknown,
            OutboxError::MayDuplicate { .. }
            | OutboxError::AlreadyResent { .. }
            | OutboxError::StillSending(_) => ProblemKind::HeldBack,
            OutboxError::NoSuchSend(_) | OutboxError::SessionNotKept(_) => ProblemKind::Usage,
            OutboxError::Contact(e) => e.kind(),
            OutboxError::Db(_) | OutboxError::Io { .. } => ProblemKind::Local,
        }
    }

    fn send_facts(&self) -> SendFacts {
        match self {
            OutboxError::Failed { id, error } | OutboxError::Unknown { id, error, .. } => {
                let failed = matches!(self, OutboxError::Failed { .. });
                SendFacts {
                    // Not "try again" for an unknown outcome: the customer may have it.
                    retryable: Some(error.retryable && failed),
                    outcome: Some(if failed {
                        Outcome::Failed
                    } else {
                        Outcome::Unknown
                    }),
                    cause_code: Some(error.code.clone()),
                    raw_code: error.raw_code.clone(),
                    raw_message: error
                        .raw_code
                        .as_ref()
                        .map(|_| error.raw_message.clone().unwrap_or_default()),
                    send_id: Some(*id),
                }
            }
            OutboxError::MayDuplicate { id, .. } | OutboxError::AlreadyResent { id, .. } => {
                SendFacts {
                    retryable: Some(false),
                    send_id: Some(*id),
                    ..SendFacts::default()
                }
            }
            OutboxError::Rejected(e) => e.send_facts(),
            _ => SendFacts::default(),
        }
    }
}

impl OutboxError {
    /// The error as the platform reported it, when it came from the platform.
    pub fn stored(&self) -> Option<&StoredError> {
        match self {
            OutboxError::Failed { error, .. } | OutboxError::Unknown { error, .. } => Some(error),
            _ => None,
        }
    }

    /// The history row the error is about, when there is one.
    pub fn send_id(&self) -> Option<i64> {
        match self {
            OutboxError::Failed { id, .. }
            | OutboxError::Unknown { id, .. }
            | OutboxError::MayDuplicate { id, .. }
            | OutboxError::AlreadyResent { id, .. } => Some(*id),
            _ => None,
        }
    }
}

/// A database failure as a send's error (the disk is full, most likely).
pub(super) fn local(e: &DbError) -> SendError {
    let code = if e.is_disk_full() {
        ErrorCode::DiskFull
    } else {
        ErrorCode::FolderUnwritable
    };
    match e.said() {
        Some(said) => SendError::say(code, said),
        None => SendError::new(code, e.to_string(), e.remedy()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Problem;

    fn stored(code: &str, retryable: bool) -> Box<StoredError> {
        Box::new(StoredError {
            code: code.into(),
            message: "WhatsApp is busy.".into(),
            remedy: "Send again in a moment.".into(),
            retryable,
            raw_code: Some("131000".into()),
            raw_message: Some("Something went wrong".into()),
            said: None,
        })
    }

    /// What a person is told of a send that went wrong, as one `Problem`: whose doing
    /// it was (the CLI's exit status), whether to try again, what the platform may have.
    #[test]
    fn a_send_that_went_wrong_is_one_problem_with_what_the_platform_said() {
        let unknown = Problem::of(&OutboxError::Unknown {
            id: 7,
            platform: Platform::Whatsapp,
            error: stored("platform_error", true),
        });
        assert_eq!(unknown.code, "delivery_unknown");
        assert_eq!(unknown.kind, ProblemKind::Unknown);
        assert_eq!(unknown.send.outcome, Some(Outcome::Unknown));
        assert_eq!(unknown.send.retryable, Some(false), "never 'try again'");
        assert_eq!(unknown.send.cause_code.as_deref(), Some("platform_error"));
        assert_eq!(unknown.send.raw_code.as_deref(), Some("131000"));
        assert_eq!(unknown.send.send_id, Some(7));

        let failed = Problem::of(&OutboxError::Failed {
            id: 8,
            error: stored("rate_limited", true),
        });
        assert_eq!(failed.kind, ProblemKind::Temporary);
        assert_eq!(failed.send.outcome, Some(Outcome::Failed));
        assert_eq!(failed.send.retryable, Some(true));

        let refused = Problem::of(&OutboxError::Failed {
            id: 9,
            error: stored("invalid_token", false),
        });
        assert_eq!(refused.kind, ProblemKind::Refused);
        let local = Problem::of(&OutboxError::Failed {
            id: 10,
            error: stored("disk_full", false),
        });
        assert_eq!(
            local.kind,
            ProblemKind::Local,
            "a full disk is not the platform's"
        );

        let missing = Problem::of(&OutboxError::NoSuchSend(999));
        assert_eq!(
            (missing.code.as_str(), missing.kind),
            ("send_not_found", ProblemKind::Usage)
        );
        assert_eq!(missing.send, SendFacts::default());
        let twice = Problem::of(&OutboxError::MayDuplicate {
            id: 3,
            state: State::Sent,
            platform: Platform::Telegram,
        });
        assert_eq!(twice.kind, ProblemKind::HeldBack);
        assert_eq!(twice.send.send_id, Some(3));
    }

    /// A send's problem in the reader's language: the platform's words as it said them.
    #[test]
    fn a_send_that_went_wrong_is_said_in_the_readers_language() {
        use crate::i18n::{Lang, Surface};
        use crate::platform::error::described;
        let refused = described(ErrorCode::InvalidToken, Platform::Whatsapp)
            .raw(190, "Error validating access token");
        let failed = OutboxError::Failed {
            id: 4,
            error: Box::new(StoredError::from(&refused)),
        };
        let zh = Problem::said_in(&failed, Lang::ZhCn, Surface::Cli);
        assert!(
            zh.message.contains("WhatsApp不接受此账号的凭据"),
            "{}",
            zh.message
        );
        assert!(
            zh.remedy.contains("hark profile set-secret"),
            "{}",
            zh.remedy
        );
        assert_eq!(
            zh.send.raw_message.as_deref(),
            Some("Error validating access token")
        );
        let en = Problem::said_in(&failed, Lang::En, Surface::Cli);
        assert_eq!(
            en,
            Problem::of(&failed),
            "English is the catalog's either way"
        );

        let unknown = OutboxError::Unknown {
            id: 5,
            platform: Platform::Wechat,
            error: Box::new(StoredError::from(&described(
                ErrorCode::Network,
                Platform::Wechat,
            ))),
        };
        assert_eq!(
            Problem::said_in(&unknown, Lang::ZhCn, Surface::Cli).message,
            "无法连接微信。Hark 无法确定微信是否已收到这条语音。"
        );
        assert_eq!(
            unknown.to_string(),
            "WeChat could not be reached. Hark cannot tell whether WeChat took the note."
        );
        let again = OutboxError::MayDuplicate {
            id: 12345,
            state: State::Sent,
            platform: Platform::Telegram,
        };
        let app = Problem::said_in(&again, Lang::En, Surface::App);
        assert!(!app.remedy.contains("hark"), "{}", app.remedy);
        assert!(again.remedy().contains("hark resend --force 12345"));
        assert_eq!(
            Problem::said_in(&OutboxError::NoSuchSend(999), Lang::ZhCn, Surface::Cli).message,
            "历史记录中没有第 999 号发送。"
        );
    }
}
