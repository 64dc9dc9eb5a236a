//! A send: check + convert + keep + record + pace + upload + send + record.
//!
//! Everything that can be known locally is checked before the first request: the
//! account exists and its secrets are in the keychain, the note fits the platform
//! (converted with the audio pipeline when needed), the recipient has the platform's
//! form. Then the note is written into the outbox folder and its row queued, so a
//! crash from here on never loses it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;

use super::history::{History, NewSend, SendRecord, State, StoredError};
use super::pace;
use crate::audio::convert::{ConvertOptions, Note, convert};
use crate::audio::error::ClipError;
use crate::db::{Db, DbError};
use crate::paths;
use crate::platform::{
    Delivery, ErrorCode, Lookup, Outgoing, Progress, ProgressFn, Receipt, SendError, SendOptions,
    connect,
};
use crate::profile::{ProfileError, Profiles};
use crate::{Outcome, ProblemKind, SendFacts, UserError};

/// The folder (in the data folder) that keeps every note Hark has sent or will send.
pub const OUTBOX_DIR: &str = "outbox";
/// Receipts the history could not record when they came (a full disk), in the outbox
/// folder; the next start records them.
const RECEIPTS_DIR: &str = "receipts";

/// What to send.
pub enum Clip {
    /// Any audio file: checked and converted for the platform.
    File(PathBuf),
    /// A note already made for the platform (a recording).
    Note(Note),
}

pub struct SendRequest {
    /// The profile's name or id.
    pub profile: String,
    pub to: String,
    pub clip: Clip,
    pub options: SendOptions,
    /// Clean up the audio (trim silence, level) while converting a file.
    pub clean: bool,
}

/// A note that went out.
#[derive(Debug, Clone, Serialize)]
pub struct Sent {
    /// Its row in the history.
    pub id: i64,
    pub profile: String,
    pub receipt: Receipt,
    pub format: &'static str,
    pub bytes: u64,
    pub duration_ms: u64,
    /// The file was already the platform's format and went as it was.
    pub passed_through: bool,
    /// Why the history could not record the receipt, when it could not (the note went
    /// out all the same; the receipt is kept and recorded at the next start).
    pub unrecorded: Option<String>,
}

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
    #[error("Hark could not keep the note in {}: {source}", path.display())]
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
    #[error("{} Hark cannot tell whether {platform} took the note.", error.message)]
    Unknown {
        id: i64,
        platform: &'static str,
        error: Box<StoredError>,
    },
    /// The history has no send with this id (not the platform's doing).
    #[error("There is no send #{0} in the history.")]
    NoSuchSend(i64),
    /// A resend of a send that has not finished yet.
    #[error("Send #{0} is still under way.")]
    StillSending(i64),
    /// A resend that could give the customer the note twice, refused until confirmed.
    #[error("{}", match state {
        State::Sent => format!("Send #{id} was delivered: the customer already has this note."),
        _ => format!("Send #{id} may already be with the customer: Hark could not tell whether {platform} took it."),
    })]
    MayDuplicate {
        id: i64,
        state: State,
        platform: &'static str,
    },
}

impl UserError for OutboxError {
    fn code(&self) -> &'static str {
        match self {
            OutboxError::Profile(e) => e.code(),
            OutboxError::Clip(e) => e.code(),
            OutboxError::Rejected(e) => e.code.as_str(),
            OutboxError::Db(e) => e.code(),
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
        }
    }

    fn remedy(&self) -> String {
        match self {
            OutboxError::Profile(e) => e.remedy(),
            OutboxError::Clip(e) => e.remedy(),
            OutboxError::Rejected(e) => e.remedy.clone(),
            OutboxError::Db(e) => e.remedy(),
            OutboxError::Io { source, .. } if crate::files::is_disk_full(source) => {
                "Free some space on the disk that holds Hark's data folder, then send again.".into()
            }
            OutboxError::Io { .. } => {
                "Check that the data folder exists and that you may write to it.".into()
            }
            OutboxError::Failed { error, .. } => error.remedy.clone(),
            OutboxError::Unknown { .. } => UNKNOWN_REMEDY.into(),
            OutboxError::NoSuchSend(_) => {
                "Check the send's number in the history (hark history lists them).".into()
            }
            OutboxError::StillSending(_) => {
                "Wait for it to finish; the history shows how it ends.".into()
            }
            OutboxError::MayDuplicate {
                state: State::Sent,
                id,
                ..
            } => {
                format!("To send it once more all the same, confirm it (hark resend --force {id}).")
            }
            OutboxError::MayDuplicate { id, .. } => format!(
                "Check the conversation: if the note is not there, send it again and confirm \
                 it (hark resend --force {id})."
            ),
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
            OutboxError::MayDuplicate { .. } | OutboxError::StillSending(_) => {
                ProblemKind::HeldBack
            }
            OutboxError::NoSuchSend(_) => ProblemKind::Usage,
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
            OutboxError::MayDuplicate { id, .. } => SendFacts {
                retryable: Some(false),
                send_id: Some(*id),
                ..SendFacts::default()
            },
            OutboxError::Rejected(e) => e.send_facts(),
            _ => SendFacts::default(),
        }
    }
}

/// What to do about a send whose outcome is unknown.
pub const UNKNOWN_REMEDY: &str = "Check the conversation before sending again: the customer \
    may already have this note. The note is kept in the history.";

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
            | OutboxError::MayDuplicate { id, .. } => Some(*id),
            _ => None,
        }
    }
}

/// A database failure as a send's error (the disk is full, most likely).
fn local(e: &DbError) -> SendError {
    let code = if e.is_disk_full() {
        ErrorCode::DiskFull
    } else {
        ErrorCode::FolderUnwritable
    };
    SendError::new(code, e.to_string(), e.remedy())
}

/// Cheap to clone: the clones share the database and the keychain connection.
#[derive(Clone)]
pub struct Outbox {
    profiles: Profiles,
    history: History,
    data_dir: PathBuf,
}

impl Outbox {
    /// The outbox in the data folder (`HARK_DATA_DIR` or the OS's).
    pub fn open_default() -> Result<Outbox, DbError> {
        let dir = paths::ensure_data_dir()?;
        let db = Db::open(&dir.join(crate::db::FILE_NAME))?;
        Ok(Outbox::new(db, dir))
    }

    pub fn new(db: Db, data_dir: PathBuf) -> Outbox {
        let outbox = Outbox {
            profiles: Profiles::new(db.clone()),
            history: History::new(db),
            data_dir,
        };
        outbox.record_kept_receipts();
        outbox
    }

    /// The database (settings live there too).
    pub fn db(&self) -> &Db {
        self.profiles.db()
    }

    pub fn profiles(&self) -> &Profiles {
        &self.profiles
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Checks the account with a cheap real call.
    pub fn verify(&self, profile: &str) -> Result<crate::platform::Verified, OutboxError> {
        let profile = self.profiles.get(profile)?;
        let secrets = self.profiles.secrets(&profile)?;
        let hide = secrets.values();
        let rejected = |e: SendError| OutboxError::Rejected(Box::new(e.redact(&hide)));
        let client = connect(&profile.account(), secrets, &self.data_dir).map_err(rejected)?;
        let result = client.verify().map_err(rejected);
        // The status dot follows what the platform said; a network failure says
        // nothing about the account.
        match &result {
            Ok(v) => self.profiles.record_check(
                &profile.id,
                None,
                &format!("Verified as {}", v.account),
            )?,
            Err(OutboxError::Rejected(e)) if e.code != crate::platform::ErrorCode::Network => self
                .profiles
                .record_check(&profile.id, Some(e.code.as_str()), &e.message)?,
            Err(_) => {}
        }
        result
    }

    pub fn send(&self, request: SendRequest, progress: &ProgressFn) -> Result<Sent, OutboxError> {
        let profile = self.profiles.get(&request.profile)?;
        let platform = profile.platform;
        let (note, source) = match request.clip {
            Clip::File(path) => {
                let note = convert(
                    &path,
                    platform,
                    ConvertOptions {
                        clean: request.clean,
                        trim_to_limit: false,
                    },
                )?;
                (note, Some(path.display().to_string()))
            }
            Clip::Note(note) if note.platform == platform => (note, None),
            Clip::Note(note) => {
                return Err(OutboxError::Rejected(Box::new(SendError::new(
                    crate::platform::ErrorCode::UnsupportedAudio,
                    format!(
                        "This recording was made for {}, not {}.",
                        note.platform.facts().name,
                        platform.facts().name
                    ),
                    "Choose the account again so that Hark re-encodes the recording for it.",
                ))));
            }
        };
        if request.options.as_file && platform != crate::platform::Platform::Telegram {
            return Err(OutboxError::Rejected(Box::new(SendError::new(
                crate::platform::ErrorCode::PlatformError,
                format!(
                    "{} takes voice notes only, not notes sent as a file.",
                    platform.facts().name
                ),
                "Send it as a voice note.",
            ))));
        }
        let to = crate::platform::recipient(platform, &request.to)
            .map_err(|e| OutboxError::Rejected(Box::new(e)))?;
        let secrets = self.profiles.secrets(&profile)?;
        let hide = secrets.values();
        let rejected = |e: SendError| OutboxError::Rejected(Box::new(e.redact(&hide)));
        let client = connect(&profile.account(), secrets, &self.data_dir).map_err(rejected)?;

        let note_path = self.keep(&note)?;
        let id = self.history.queue(&NewSend {
            profile_id: profile.id.clone(),
            profile_name: profile.name.clone(),
            platform,
            recipient: to.clone(),
            source,
            note_path: note_path.display().to_string(),
            note_format: note.format,
            note_bytes: note.size,
            duration_ms: note.duration_ms,
            options: request.options.clone(),
        })?;

        tracing::info!(
            send = id,
            platform = platform.id(),
            bytes = note.size,
            "queued"
        );
        progress(Progress::Queued { send_id: id });
        let wait = pace::wait_before(&self.history, platform, &profile.id, &to, id)?;
        if !wait.is_zero() {
            progress(Progress::Waiting {
                secs: wait.as_secs_f64(),
                reason: format!(
                    "{} paces sends to stay within its rate limit",
                    platform.facts().name
                ),
            });
            std::thread::sleep(wait);
        }
        self.history.mark_sending(id)?;
        // Before the call that creates the message, the row says so: a process that dies
        // from here on leaves a send that may have arrived, never one offered again as
        // if it had not. If that cannot be written, the call does not go out.
        match client.http() {
            Some(http) => {
                let history = self.history.clone();
                http.before_message(Box::new(move || {
                    history.mark_message_call(id).map_err(|e| local(&e))
                }));
            }
            None => self.history.mark_message_call(id)?,
        }
        let outgoing = Outgoing {
            bytes: &note.bytes,
            format: note.format,
            duration: Duration::from_millis(note.duration_ms),
        };
        match client.send(&outgoing, &to, &request.options, progress) {
            Ok(receipt) => {
                let unrecorded = self.record_sent(id, &receipt);
                tracing::info!(send = id, "sent");
                // The account's status dot; a note that went out is not undone by it.
                let _ = self.profiles.record_check(
                    &profile.id,
                    None,
                    &format!("A note went out at {}", receipt.sent_at),
                );
                Ok(Sent {
                    id,
                    profile: profile.name,
                    receipt,
                    format: note.format.label(),
                    bytes: note.size,
                    duration_ms: note.duration_ms,
                    passed_through: note.passed_through,
                    unrecorded,
                })
            }
            Err(e) => {
                // The clients redact already; this is the last line of defence before
                // the error reaches the database and the screen.
                let unknown = e.delivery == Delivery::Unknown;
                let stored = StoredError::from(&e.redact(&hide));
                let recorded = if unknown {
                    self.history.mark_unknown(id, &stored)
                } else {
                    self.history.mark_failed(id, &stored)
                };
                if let Err(db) = recorded {
                    // The row keeps the stage it reached, which says as much once this
                    // process is gone; the error the platform gave matters more here.
                    tracing::warn!(send = id, error = %db, "the outcome could not be recorded");
                }
                tracing::info!(send = id, code = %stored.code, unknown, "not sent");
                if matches!(
                    stored.code.as_str(),
                    "invalid_token" | "account_not_verified"
                ) {
                    let _ = self.profiles.record_check(
                        &profile.id,
                        Some(&stored.code),
                        &stored.message,
                    );
                }
                let error = Box::new(stored);
                Err(if unknown {
                    OutboxError::Unknown {
                        id,
                        platform: platform.facts().name,
                        error,
                    }
                } else {
                    OutboxError::Failed { id, error }
                })
            }
        }
    }

    /// Records a receipt; when the history cannot (a full disk), keeps it in a file for
    /// the next start to record, and says why.
    fn record_sent(&self, id: i64, receipt: &Receipt) -> Option<String> {
        let error = self.history.mark_sent(id, receipt).err()?;
        tracing::warn!(send = id, error = %error, "the receipt could not be recorded");
        let dir = self.data_dir.join(OUTBOX_DIR).join(RECEIPTS_DIR);
        let json = serde_json::json!({ "id": id, "receipt": receipt }).to_string();
        let kept = std::fs::create_dir_all(&dir).and_then(|()| {
            crate::files::write_atomically(&dir.join(format!("{id}.json")), json.as_bytes())
        });
        Some(match kept {
            Ok(()) => format!(
                "{error} The receipt is kept and goes into the history when Hark next starts."
            ),
            Err(_) => format!(
                "{error} Until it can, the history shows this send as unknown; its receipt is \
                 the one printed here."
            ),
        })
    }

    /// Records the receipts kept while the history could not take them.
    fn record_kept_receipts(&self) {
        let dir = self.data_dir.join(OUTBOX_DIR).join(RECEIPTS_DIR);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return;
        };
        for path in entries.flatten().map(|e| e.path()) {
            #[derive(serde::Deserialize)]
            struct Kept {
                id: i64,
                receipt: Receipt,
            }
            let kept = std::fs::read(&path)
                .ok()
                .and_then(|b| serde_json::from_slice::<Kept>(&b).ok());
            if let Some(kept) = kept
                && self.history.mark_sent(kept.id, &kept.receipt).is_ok()
            {
                tracing::info!(send = kept.id, "a kept receipt was recorded");
                let _ = std::fs::remove_file(&path);
            }
        }
    }

    /// For a send whose outcome is unknown, asks the platform whether it has the note,
    /// where it can be asked (a gateway lists a chat's messages), and records what it
    /// says: found is sent, with the platform's receipt; not there is failed, and
    /// safe to send again. Returns the send as it now stands.
    pub fn check_unknown(&self, id: i64) -> Result<SendRecord, OutboxError> {
        let record = self.record(id)?;
        if record.state != State::Unknown {
            return Ok(record);
        }
        let profile = self.profiles.get(&record.profile_id)?;
        let secrets = self.profiles.secrets(&profile)?;
        let hide = secrets.values();
        let client = connect(&profile.account(), secrets, &self.data_dir)
            .map_err(|e| OutboxError::Rejected(Box::new(e.redact(&hide))))?;
        // An unknown send always has its attempt's time; without it, a note sent
        // earlier could be taken for this one.
        let Some(since) = record.attempted_at_ms else {
            return Ok(record);
        };
        match client.find_sent(&record.recipient, since) {
            Lookup::Found(receipt) => {
                tracing::info!(send = id, "the platform has the note");
                self.history.mark_sent(id, &receipt)?;
            }
            Lookup::NotFound => {
                tracing::info!(send = id, "the platform does not have the note");
                let p = profile.platform.facts().name;
                self.history.mark_failed(
                    id,
                    &StoredError {
                        code: ErrorCode::Network.as_str().into(),
                        message: format!(
                            "The answer to this send was lost, and {p} has no such note in \
                             the chat: it did not arrive."
                        ),
                        remedy: "Send it again.".into(),
                        retryable: true,
                        raw_code: None,
                        raw_message: None,
                    },
                )?;
            }
            Lookup::CannotAsk => {}
            Lookup::Failed(e) => {
                tracing::info!(send = id, error = %e.redact(&hide).message, "could not ask");
            }
        }
        self.record(id)
    }

    fn record(&self, id: i64) -> Result<SendRecord, OutboxError> {
        self.history.get(id)?.ok_or(OutboxError::NoSuchSend(id))
    }

    /// Sends the note of an earlier send again, to the same recipient with the same
    /// account and options, as a new send. A failed or interrupted send goes at once.
    /// One the customer has, or may have (sent, unknown), goes only when `confirmed`;
    /// for an unknown one the platform is asked first where it can be, and one it has
    /// is never sent again unconfirmed.
    pub fn resend(
        &self,
        id: i64,
        confirmed: bool,
        progress: &ProgressFn,
    ) -> Result<Sent, OutboxError> {
        let mut old = self.record(id)?;
        if old.state == State::Unknown && !confirmed {
            old = self.check_unknown(id)?;
        }
        let platform = old.platform.facts().name;
        match old.state {
            State::Queued | State::Sending => return Err(OutboxError::StillSending(id)),
            State::Sent | State::Unknown if !confirmed => {
                return Err(OutboxError::MayDuplicate {
                    id,
                    state: old.state,
                    platform,
                });
            }
            _ => {}
        }
        self.send(
            SendRequest {
                profile: old.profile_id,
                to: old.recipient,
                clip: Clip::File(PathBuf::from(old.note_path)),
                options: SendOptions {
                    human_agent: old.human_agent,
                    as_file: old.as_file,
                },
                clean: false,
            },
            progress,
        )
    }

    /// Writes the note into the outbox folder, whole or not at all.
    fn keep(&self, note: &Note) -> Result<PathBuf, OutboxError> {
        let dir = self.data_dir.join(OUTBOX_DIR);
        let ext = Path::new(note.file_name)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("bin");
        let path = dir.join(format!(
            "{}-{:06x}.{ext}",
            crate::clock::now_ms(),
            fastrand::u32(..0xff_ffff)
        ));
        std::fs::create_dir_all(&dir)
            .and_then(|()| crate::files::write_atomically(&path, &note.bytes))
            .map_err(|source| OutboxError::Io {
                path: path.clone(),
                source,
            })?;
        Ok(path)
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
        })
    }

    /// What a person is told of a send that went wrong, as one `Problem`: whose doing
    /// it was (the CLI's exit status), whether to try again, what the platform may have.
    #[test]
    fn a_send_that_went_wrong_is_one_problem_with_what_the_platform_said() {
        let unknown = Problem::of(&OutboxError::Unknown {
            id: 7,
            platform: "WhatsApp",
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
            platform: "Telegram",
        });
        assert_eq!(twice.kind, ProblemKind::HeldBack);
        assert_eq!(twice.send.send_id, Some(3));
    }
}
