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

use super::history::{History, NewSend, StoredError};
use super::pace;
use crate::UserError;
use crate::audio::convert::{ConvertOptions, Note, convert};
use crate::audio::error::ClipError;
use crate::db::{Db, DbError};
use crate::paths;
use crate::platform::{Outgoing, Progress, ProgressFn, Receipt, SendError, SendOptions, connect};
use crate::profile::{ProfileError, Profiles};

/// The folder (in the data folder) that keeps every note Hark has sent or will send.
pub const OUTBOX_DIR: &str = "outbox";

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
    #[error("{}", error.message)]
    Failed { id: i64, error: Box<StoredError> },
}

impl UserError for OutboxError {
    fn code(&self) -> &'static str {
        match self {
            OutboxError::Profile(e) => e.code(),
            OutboxError::Clip(e) => e.code(),
            OutboxError::Rejected(e) => e.code.as_str(),
            OutboxError::Db(e) => e.code(),
            OutboxError::Io { .. } => "outbox_unwritable",
            OutboxError::Failed { error, .. } => crate::platform::ErrorCode::ALL
                .iter()
                .map(|c| c.as_str())
                .find(|c| *c == error.code)
                .unwrap_or("platform_error"),
        }
    }

    fn remedy(&self) -> String {
        match self {
            OutboxError::Profile(e) => e.remedy(),
            OutboxError::Clip(e) => e.remedy(),
            OutboxError::Rejected(e) => e.remedy.clone(),
            OutboxError::Db(e) => e.remedy(),
            OutboxError::Io { .. } => {
                "Check that the data folder is on a disk with free space.".into()
            }
            OutboxError::Failed { error, .. } => error.remedy.clone(),
        }
    }
}

impl OutboxError {
    /// The error as the platform reported it, when it came from the platform.
    pub fn stored(&self) -> Option<&StoredError> {
        match self {
            OutboxError::Failed { error, .. } => Some(error),
            _ => None,
        }
    }
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
        Outbox {
            profiles: Profiles::new(db.clone()),
            history: History::new(db),
            data_dir,
        }
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
        let client = connect(&profile, secrets, &self.data_dir).map_err(rejected)?;
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
        let client = connect(&profile, secrets, &self.data_dir).map_err(rejected)?;

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
        let outgoing = Outgoing {
            bytes: &note.bytes,
            format: note.format,
            duration: Duration::from_millis(note.duration_ms),
        };
        match client.send(&outgoing, &to, &request.options, progress) {
            Ok(receipt) => {
                self.history.mark_sent(id, &receipt)?;
                tracing::info!(send = id, "sent");
                self.profiles.record_check(
                    &profile.id,
                    None,
                    &format!("A note went out at {}", receipt.sent_at),
                )?;
                Ok(Sent {
                    id,
                    profile: profile.name,
                    receipt,
                    format: note.format.label(),
                    bytes: note.size,
                    duration_ms: note.duration_ms,
                    passed_through: note.passed_through,
                })
            }
            Err(e) => {
                // The clients redact already; this is the last line of defence before
                // the error reaches the database and the screen.
                let stored = StoredError::from(&e.redact(&hide));
                self.history.mark_failed(id, &stored)?;
                tracing::info!(send = id, code = %stored.code, "failed");
                if matches!(
                    stored.code.as_str(),
                    "invalid_token" | "account_not_verified"
                ) {
                    self.profiles
                        .record_check(&profile.id, Some(&stored.code), &stored.message)?;
                }
                Err(OutboxError::Failed {
                    id,
                    error: Box::new(stored),
                })
            }
        }
    }

    /// Sends the note of an earlier send (failed, interrupted or sent) again, to the
    /// same recipient with the same account and options, as a new send.
    pub fn resend(&self, id: i64, progress: &ProgressFn) -> Result<Sent, OutboxError> {
        let Some(old) = self.history.get(id)? else {
            return Err(OutboxError::Rejected(Box::new(SendError::new(
                crate::platform::ErrorCode::PlatformError,
                format!("There is no send #{id} in the history."),
                "`hark history` lists the sends.",
            ))));
        };
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
            crate::db::now_ms(),
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
