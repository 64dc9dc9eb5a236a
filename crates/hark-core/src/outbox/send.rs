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

use super::error::{OutboxError, local};
use super::history::{Again, History, NewSend, SendRecord, State};
use super::pace;
use super::stored_error::StoredError;
use crate::audio::convert::{ConvertOptions, Note, convert};
use crate::contacts::Contacts;
use crate::db::{Db, DbError};
use crate::i18n::{Said, Words};
use crate::paths;
use crate::platform::{
    Delivery, ErrorCode, Listing, Lookup, Outgoing, Progress, ProgressFn, Receipt, SendError,
    SendOptions, connect,
};
use crate::profile::{Profiles, Session};

/// The folder (in the data folder) that keeps every note Hark has sent or will send.
pub const OUTBOX_DIR: &str = "outbox";
/// Receipts the history could not record when they came (a full disk), in the outbox
/// folder; the next start records them.
const RECEIPTS_DIR: &str = "receipts";

/// What to send.
pub enum Clip {
    /// Any audio file: checked and converted for the platform.
    File(PathBuf),
    /// Audio at a link (`audio::link`): fetched, then as a file.
    Link(String),
    /// A note already made for the platform (a recording).
    Note(Note),
}

/// The account a note goes out on.
pub enum Sender {
    /// A profile's name or id: its secrets come from the keychain.
    Profile(String),
    /// An account given for this send only (the local API's `session`).
    Session(Box<Session>),
}

pub struct SendRequest {
    pub sender: Sender,
    pub to: String,
    pub clip: Clip,
    pub options: SendOptions,
    /// Clean up the audio (trim silence, level) while converting a file.
    pub clean: bool,
    /// The local API's id for this send, when it came through the API.
    pub api_send: Option<String>,
    /// The earlier send whose note this one sends again, if it does.
    pub again: Option<Again>,
}

/// A note that went out.
#[derive(Debug, Clone, Serialize)]
pub struct Sent {
    /// Its row in the history.
    pub id: i64,
    pub profile: String,
    pub receipt: Receipt,
    /// The recipient's name among the account's contacts; `None` for an id not named
    /// yet (which the agent is offered to name).
    pub recipient_name: Option<String>,
    pub format: &'static str,
    pub bytes: u64,
    pub duration_ms: u64,
    /// The file was already the platform's format and went as it was.
    pub passed_through: bool,
    /// Why the history could not record the receipt, when it could not (the note went
    /// out all the same; the receipt is kept and recorded at the next start).
    pub unrecorded: Option<String>,
}

/// Cheap to clone: the clones share the database and the keychain connection.
#[derive(Clone)]
pub struct Outbox {
    profiles: Profiles,
    history: History,
    contacts: Contacts,
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
            contacts: Contacts::new(db.clone()),
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

    pub fn contacts(&self) -> &Contacts {
        &self.contacts
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Adds the people the platform says wrote to the account to its contacts (where the
    /// platform can be asked; see `Client::people`).
    pub fn import_people(
        &self,
        profile: &str,
        seen: &dyn Fn(usize),
    ) -> Result<(Listing, crate::contacts::Imported), OutboxError> {
        let profile = self.profiles.get(profile)?;
        let secrets = self.profiles.secrets(&profile)?;
        let hide = secrets.values();
        let rejected = |e: SendError| OutboxError::Rejected(Box::new(e.redact(&hide)));
        let client = connect(&profile.account(), secrets, &self.data_dir).map_err(rejected)?;
        let listing = client.people(seen).map_err(rejected)?;
        let mut done = crate::contacts::Imported::default();
        if let Listing::People(people) = &listing {
            let rows: Vec<_> = people
                .iter()
                .enumerate()
                .map(|(i, p)| crate::contacts::CsvRow {
                    line: i as u64 + 1,
                    name: p.name.clone().unwrap_or_default(),
                    id: p.id.clone(),
                    note: None,
                    last_heard_ms: p.last_heard_ms,
                })
                .collect();
            done = self.contacts.import(&profile, &rows)?;
        }
        Ok((listing, done))
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
                &Words::new("account-verified-as").text("account", v.account.clone()),
            )?,
            Err(OutboxError::Rejected(e)) if e.code != crate::platform::ErrorCode::Network => {
                let detail = match crate::UserError::said(e.as_ref()) {
                    Some(said) => said.message,
                    None => Words::new("said-as-is").text("text", e.message.clone()),
                };
                self.profiles
                    .record_check(&profile.id, Some(e.code.as_str()), &detail)?
            }
            Err(_) => {}
        }
        result
    }

    pub fn send(&self, request: SendRequest, progress: &ProgressFn) -> Result<Sent, OutboxError> {
        let (profile, session) = match request.sender {
            Sender::Profile(name) => (self.profiles.get(&name)?, None),
            Sender::Session(session) => (session.profile().clone(), Some(session)),
        };
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
            Clip::Link(link) => {
                let fetched = crate::audio::link::fetch(
                    &link,
                    crate::audio::link::size_cap(Some(platform)),
                    &self.data_dir.join(crate::audio::link::FETCHED_DIR),
                    &|got, total| {
                        progress(Progress::Fetching { got, total });
                        true
                    },
                )?;
                let note = convert(
                    &fetched.path,
                    platform,
                    ConvertOptions {
                        clean: request.clean,
                        trim_to_limit: false,
                    },
                )?;
                (note, Some(fetched.shown))
            }
            Clip::Note(note) if note.platform == platform => (note, None),
            Clip::Note(note) => {
                let said = Said::new(
                    Words::new("error-made-for-another-platform")
                        .words("made_for", note.platform.name_words())
                        .words("platform", platform.name_words()),
                    Words::new("remedy-made-for-another-platform"),
                );
                let error = SendError::say(crate::platform::ErrorCode::UnsupportedAudio, said);
                return Err(OutboxError::Rejected(Box::new(error)));
            }
        };
        if request.options.as_file && platform != crate::platform::Platform::Telegram {
            let said = Said::new(
                Words::new("error-no-notes-as-files").words("platform", platform.name_words()),
                Words::new("remedy-no-notes-as-files"),
            );
            let error = SendError::say(crate::platform::ErrorCode::PlatformError, said);
            return Err(OutboxError::Rejected(Box::new(error)));
        }
        // A contact's name, or an id typed in full (a session has no contacts).
        let contact = match session {
            None => self.contacts.resolve(&profile, &request.to)?,
            Some(_) => None,
        };
        let (to, recipient_name) = match contact {
            Some(contact) => (contact.platform_id, contact.name),
            None => (
                crate::platform::recipient(platform, &request.to)
                    .map_err(|e| OutboxError::Rejected(Box::new(e)))?,
                None,
            ),
        };
        let secrets = match &session {
            None => self.profiles.secrets(&profile)?,
            Some(session) => session.secrets().clone(),
        };
        let hide = secrets.values();
        let rejected = |e: SendError| OutboxError::Rejected(Box::new(e.redact(&hide)));
        // A session's client is its own: what a client keeps between sends (WeChat's
        // token) is never shared with another request's credentials.
        let client_id = match (&session, &request.api_send) {
            (Some(_), Some(api_send)) => format!("{}-{api_send}", profile.id),
            _ => profile.id.clone(),
        };
        let account = crate::platform::Account {
            id: &client_id,
            ..profile.account()
        };
        let client = connect(&account, secrets, &self.data_dir).map_err(rejected)?;

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
            api_send: request.api_send.clone(),
            again: request.again,
        })?;
        let Some(id) = id else {
            // Sent again already, by another resend (or the API's queue): this note
            // does not go, and its copy is not kept.
            let _ = std::fs::remove_file(&note_path);
            let of = request.again.map_or(0, |a| a.of);
            let again = self.history.get(of)?.and_then(|r| r.resent_as).unwrap_or(0);
            return Err(OutboxError::AlreadyResent { id: of, again });
        };

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
                platform,
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
                if session.is_none() {
                    // A new id is kept in the address book, to be named.
                    let _ = self.contacts.learn(&profile, &to);
                    // The account's status dot; a note that went out is not undone by it.
                    let _ = self.profiles.record_check(
                        &profile.id,
                        None,
                        &Words::new("account-note-went-out").text("when", receipt.sent_at.clone()),
                    );
                }
                Ok(Sent {
                    id,
                    profile: profile.name,
                    receipt,
                    recipient_name,
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
                if session.is_none()
                    && matches!(
                        stored.code.as_str(),
                        "invalid_token" | "account_not_verified"
                    )
                {
                    let _ = self.profiles.record_check(
                        &profile.id,
                        Some(&stored.code),
                        &stored.said.as_ref().map_or_else(
                            || Words::new("said-as-is").text("text", stored.message.clone()),
                            |said| said.message.clone(),
                        ),
                    );
                }
                let error = Box::new(stored);
                Err(if unknown {
                    OutboxError::Unknown {
                        id,
                        platform,
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
                let platform = profile.platform;
                let said = Said {
                    message: Words::new("error-lost-and-not-arrived")
                        .words("platform", platform.name_words()),
                    remedy: Words::new("remedy-lost-and-not-arrived"),
                };
                let lost = SendError::say(ErrorCode::Network, said).retryable(true);
                self.history.mark_failed(id, &StoredError::from(&lost))?;
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
        let platform = old.platform;
        if old.by_session() && self.profiles.get(&old.profile_id).is_err() {
            return Err(OutboxError::SessionNotKept(id));
        }
        match (old.state, old.resent_as) {
            (State::Queued | State::Sending, _) => return Err(OutboxError::StillSending(id)),
            (_, Some(again)) if !confirmed => return Err(OutboxError::AlreadyResent { id, again }),
            _ => {}
        }
        match old.state {
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
                sender: Sender::Profile(old.profile_id),
                to: old.recipient,
                clip: Clip::File(PathBuf::from(old.note_path)),
                options: SendOptions {
                    human_agent: old.human_agent,
                    as_file: old.as_file,
                },
                clean: false,
                api_send: None,
                again: Some(Again { of: id, confirmed }),
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
