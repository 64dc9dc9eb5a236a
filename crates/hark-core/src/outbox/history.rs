//! The send history: one row per note, written before any network I/O and moved
//! through queued → sending → sent (with its receipt), failed (with its error: the
//! platform certainly does not have the note) or unknown (the message call may have
//! reached the platform). How far a send got (its [`Stage`]) is written before each
//! step, so a row left by a process that is gone reads as interrupted (safe to send
//! again) or, once its message call had begun, as unknown.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::stored_error::StoredError;
use crate::clock::{now_ms, rfc3339};
use crate::db::{Db, DbError};
use crate::platform::{Platform, Reached, Receipt, SendOptions, Target};

/// Where a send stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Queued,
    Sending,
    /// The platform's answer was read and holds its receipt.
    Sent,
    /// The platform certainly does not have the note: sending again is safe.
    Failed,
    /// The message call may have reached the platform (its answer was lost, cut off or
    /// unreadable, or Hark stopped while it was out): the customer may have the note.
    /// Sending again asks first.
    Unknown,
    /// Hark stopped (a crash, a power cut) before the message call began: the note is
    /// kept and the platform never had it.
    Interrupted,
}

/// How far a send got; written before each step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// In the history, its note kept; nothing has gone out.
    Queued,
    /// Fetching a token, uploading: nothing that creates a message.
    Preparing,
    /// The call that creates the message has begun.
    Message,
    /// The send has its outcome.
    Answered,
}

impl Stage {
    fn parse(s: &str) -> Stage {
        match s {
            "queued" => Stage::Queued,
            "preparing" => Stage::Preparing,
            "answered" => Stage::Answered,
            // Anything else may have been past its message call.
            _ => Stage::Message,
        }
    }
}

/// What a new row records.
#[derive(Debug, Clone)]
pub struct NewSend {
    pub profile_id: String,
    pub profile_name: String,
    pub platform: Platform,
    pub recipient: String,
    pub source: Option<String>,
    pub note_path: String,
    pub note_format: Target,
    pub note_bytes: u64,
    pub duration_ms: u64,
    pub options: SendOptions,
    /// The local API's id for the send, when it came through the API.
    pub api_send: Option<String>,
    /// The earlier send this one sends again, if it does.
    pub again: Option<Again>,
}

impl SendRecord {
    /// Sent with a session's credentials (through the local API), which Hark never
    /// keeps: it cannot be sent again from the history.
    pub fn by_session(&self) -> bool {
        use crate::profile::session::{SESSION_ID_PREFIX, SESSION_NAME};
        self.profile_name == SESSION_NAME && self.profile_id.starts_with(SESSION_ID_PREFIX)
    }
}

/// A send that sends an earlier one's note again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Again {
    /// The earlier send.
    pub of: i64,
    /// Meant even if the earlier send was already sent again.
    pub confirmed: bool,
}

/// One row of the history.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SendRecord {
    pub id: i64,
    pub state: State,
    /// How far it got.
    pub stage: Stage,
    pub profile_id: String,
    pub profile_name: String,
    pub platform: Platform,
    pub recipient: String,
    pub source: Option<String>,
    pub note_path: String,
    pub note_format: String,
    pub note_bytes: u64,
    pub duration_ms: u64,
    pub human_agent: bool,
    /// Sent as a file, not a voice message (Telegram).
    pub as_file: bool,
    pub attempts: u32,
    pub message_id: Option<String>,
    pub media_id: Option<String>,
    pub error: Option<StoredError>,
    pub created_at: String,
    pub finished_at: Option<String>,
    /// When the last attempt began (ms since the epoch), for asking the platform
    /// whether it has the note.
    #[serde(skip)]
    pub attempted_at_ms: Option<i64>,
    /// How far the note got, where the platform says (delivered, read, played).
    pub reached: Option<Reached>,
    /// The local API's id for the send, when it came through the API.
    pub api_send: Option<String>,
    /// The send that sent this one's note again, when one did: this one is done with.
    pub resent_as: Option<i64>,
}

#[derive(Clone)]
pub struct History {
    pub(super) db: Db,
}

pub(super) const COLUMNS: &str = "id, status, owner_pid, profile_id, profile_name, platform, recipient, \
    source, note_path, note_format, note_bytes, duration_ms, options, attempts, message_id, \
    media_id, error_code, error_message, error_remedy, error_retryable, raw_code, raw_message, \
    created_at, finished_at, stage, attempted_at, error_said, reached, api_send, resent_as";

impl History {
    pub fn new(db: Db) -> History {
        History { db }
    }

    /// Records a note as queued; returns its id. A send that sends an earlier one again
    /// marks that one as sent again in the same step, and is not queued (`Ok(None)`)
    /// when that one was already sent again and this is not `confirmed`: two clicks on
    /// one Resend, or the API's queue after an agent's resend, send the note once.
    pub fn queue(&self, new: &NewSend) -> Result<Option<i64>, DbError> {
        let now = now_ms();
        let mut conn = self.db.lock();
        let tx = conn.transaction().map_err(|e| self.db.err(e))?;
        tx.execute(
            "INSERT INTO sends (profile_id, profile_name, platform, recipient, source, note_path,
                note_format, note_bytes, duration_ms, options, status, owner_pid, created_at,
                updated_at, api_send)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'queued', ?11, ?12, ?12, ?13)",
            params![
                new.profile_id,
                new.profile_name,
                new.platform.id(),
                new.recipient,
                new.source,
                new.note_path,
                new.note_format.label(),
                new.note_bytes as i64,
                new.duration_ms as i64,
                serde_json::to_string(&new.options).expect("serialises"),
                std::process::id(),
                now,
                new.api_send
            ],
        )
        .map_err(|e| self.db.err(e))?;
        let id = tx.last_insert_rowid();
        if let Some(again) = new.again {
            let marked = tx
                .execute(
                    "UPDATE sends SET resent_as = ?2, updated_at = ?3
                     WHERE id = ?1 AND (resent_as IS NULL OR ?4)",
                    params![again.of, id, now, again.confirmed],
                )
                .map_err(|e| self.db.err(e))?;
            if marked == 0 {
                return Ok(None);
            }
        }
        tx.commit().map_err(|e| self.db.err(e))?;
        Ok(Some(id))
    }

    /// The moment the request goes out (pacing counts from it while the send is under
    /// way, and from its answer once it has one).
    pub fn mark_sending(&self, id: i64) -> Result<(), DbError> {
        let now = now_ms();
        self.db.execute(
            "UPDATE sends SET status = 'sending', stage = 'preparing', owner_pid = ?2,
                    attempts = attempts + 1,
                    attempted_at = ?3, updated_at = ?3, error_code = NULL, error_message = NULL,
                    error_remedy = NULL, error_retryable = NULL, raw_code = NULL, error_said = NULL,
                    raw_message = NULL
                 WHERE id = ?1",
            params![id, std::process::id(), now],
        )?;
        Ok(())
    }

    /// The call that creates the message is about to go out: from here on, a process
    /// that dies leaves the send unknown.
    pub fn mark_message_call(&self, id: i64) -> Result<(), DbError> {
        self.db.execute(
            "UPDATE sends SET stage = 'message', updated_at = ?2 WHERE id = ?1",
            params![id, now_ms()],
        )?;
        Ok(())
    }

    pub fn mark_sent(&self, id: i64, receipt: &Receipt) -> Result<(), DbError> {
        let now = now_ms();
        self.db.execute(
            "UPDATE sends SET status = 'sent', stage = 'answered', message_id = ?2,
                    media_id = ?3, receipt = ?4, error_code = NULL, error_message = NULL,
                    error_remedy = NULL, error_retryable = NULL, raw_code = NULL, error_said = NULL,
                    raw_message = NULL, finished_at = ?5, updated_at = ?5
                 WHERE id = ?1",
            params![
                id,
                receipt.message_id,
                receipt.media_id,
                serde_json::to_string(receipt).expect("serialises"),
                now
            ],
        )?;
        Ok(())
    }

    /// Records a failure: a platform's (`SendError`) or Hark's own (any code).
    pub fn mark_failed(&self, id: i64, error: &StoredError) -> Result<(), DbError> {
        self.finish(id, "failed", error)
    }

    /// Records a send whose message call may have reached the platform, with what
    /// happened to its answer.
    pub fn mark_unknown(&self, id: i64, error: &StoredError) -> Result<(), DbError> {
        self.finish(id, "unknown", error)
    }

    fn finish(&self, id: i64, status: &str, error: &StoredError) -> Result<(), DbError> {
        let now = now_ms();
        self.db.execute(
            "UPDATE sends SET status = ?9, stage = 'answered', error_code = ?2, error_message = ?3,
                    error_remedy = ?4, error_retryable = ?5, raw_code = ?6, raw_message = ?7,
                    finished_at = ?8, updated_at = ?8, error_said = ?10
                 WHERE id = ?1",
            params![
                id,
                error.code,
                error.message,
                error.remedy,
                error.retryable,
                error.raw_code,
                error.raw_message,
                now,
                status,
                error
                    .said
                    .as_ref()
                    .and_then(|said| serde_json::to_string(said).ok())
            ],
        )?;
        Ok(())
    }

    /// The newest `limit` sends, newest first.
    pub fn list(&self, limit: usize) -> Result<Vec<SendRecord>, DbError> {
        let conn = self.db.lock();
        let mut stmt = conn
            .prepare(&format!(
                "SELECT {COLUMNS} FROM sends ORDER BY id DESC LIMIT ?1"
            ))
            .map_err(|e| self.db.err(e))?;
        let rows = stmt
            .query_map([limit as i64], row_to_record)
            .map_err(|e| self.db.err(e))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.db.err(e))
    }

    /// Up to `limit` sends older than send `before` (all when `None`), newest first,
    /// whose recipient, account, platform, message or media id, or state contains
    /// `query` (case ignored; an empty query matches every send).
    pub fn search(
        &self,
        query: &str,
        before: Option<i64>,
        limit: usize,
    ) -> Result<Vec<SendRecord>, DbError> {
        let pattern = format!(
            "%{}%",
            query
                .trim()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        let conn = self.db.lock();
        let mut stmt = conn
            .prepare(&format!(
                "SELECT {COLUMNS} FROM sends
                 WHERE id < ?1
                   AND (recipient LIKE ?2 ESCAPE '\\' OR profile_name LIKE ?2 ESCAPE '\\'
                        OR platform LIKE ?2 ESCAPE '\\' OR message_id LIKE ?2 ESCAPE '\\'
                        OR media_id LIKE ?2 ESCAPE '\\' OR status LIKE ?2 ESCAPE '\\')
                 ORDER BY id DESC LIMIT ?3"
            ))
            .map_err(|e| self.db.err(e))?;
        let rows = stmt
            .query_map(
                rusqlite::params![before.unwrap_or(i64::MAX), pattern, limit as i64],
                row_to_record,
            )
            .map_err(|e| self.db.err(e))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.db.err(e))
    }

    pub fn get(&self, id: i64) -> Result<Option<SendRecord>, DbError> {
        self.db
            .lock()
            .query_row(
                &format!("SELECT {COLUMNS} FROM sends WHERE id = ?1"),
                [id],
                row_to_record,
            )
            .optional()
            .map_err(|e| self.db.err(e))
    }

    /// When a note last went out on this account (to this recipient, if given),
    /// other than the send `except`, in milliseconds since the epoch: when the platform
    /// answered it, or when it started for one still under way. (The platform counts
    /// from when it handled the request, which lies between the two.)
    pub fn last_attempt(
        &self,
        profile_id: &str,
        recipient: Option<&str>,
        except: i64,
    ) -> Result<Option<i64>, DbError> {
        let conn = self.db.lock();
        let result = match recipient {
            Some(r) => conn.query_row(
                "SELECT MAX(COALESCE(finished_at, attempted_at)) FROM sends
                 WHERE profile_id = ?1 AND recipient = ?2 AND id != ?3",
                params![profile_id, r, except],
                |row| row.get::<_, Option<i64>>(0),
            ),
            None => conn.query_row(
                "SELECT MAX(COALESCE(finished_at, attempted_at)) FROM sends
                 WHERE profile_id = ?1 AND id != ?2",
                params![profile_id, except],
                |row| row.get::<_, Option<i64>>(0),
            ),
        };
        result.map_err(|e| self.db.err(e))
    }
}

fn process_alive(pid: u32) -> bool {
    pid == std::process::id() || crate::record::spool::process_alive(pid)
}

pub(super) fn row_to_record(row: &rusqlite::Row<'_>) -> rusqlite::Result<SendRecord> {
    let status: String = row.get(1)?;
    let owner: Option<u32> = row.get(2)?;
    let stage = Stage::parse(&row.get::<_, String>(24)?);
    let state = match status.as_str() {
        "sent" => State::Sent,
        "failed" => State::Failed,
        "unknown" => State::Unknown,
        open => {
            if owner.is_some_and(process_alive) {
                if open == "queued" {
                    State::Queued
                } else {
                    State::Sending
                }
            } else if stage == Stage::Message {
                State::Unknown
            } else {
                State::Interrupted
            }
        }
    };
    let platform: String = row.get(5)?;
    let options: String = row.get(12)?;
    let options: SendOptions = serde_json::from_str(&options).unwrap_or_default();
    let error_code: Option<String> = row.get(16)?;
    let error = match error_code {
        Some(code) => Some(StoredError {
            code,
            message: row.get::<_, Option<String>>(17)?.unwrap_or_default(),
            remedy: row.get::<_, Option<String>>(18)?.unwrap_or_default(),
            retryable: row.get::<_, Option<bool>>(19)?.unwrap_or(false),
            raw_code: row.get(20)?,
            raw_message: row.get(21)?,
            said: row
                .get::<_, Option<String>>(26)?
                .and_then(|json| serde_json::from_str(&json).ok()),
        }),
        None => None,
    };
    Ok(SendRecord {
        id: row.get(0)?,
        state,
        stage,
        profile_id: row.get(3)?,
        profile_name: row.get(4)?,
        platform: platform.parse().unwrap_or(Platform::Sandbox),
        recipient: row.get(6)?,
        source: row.get(7)?,
        note_path: row.get(8)?,
        note_format: row.get(9)?,
        note_bytes: row.get::<_, i64>(10)? as u64,
        duration_ms: row.get::<_, i64>(11)? as u64,
        human_agent: options.human_agent,
        as_file: options.as_file,
        attempts: row.get(13)?,
        message_id: row.get(14)?,
        media_id: row.get(15)?,
        error,
        created_at: rfc3339(row.get(22)?),
        finished_at: row.get::<_, Option<i64>>(23)?.map(rfc3339),
        attempted_at_ms: row.get(25)?,
        reached: row
            .get::<_, Option<String>>(27)?
            .as_deref()
            .and_then(Reached::from_id),
        api_send: row.get(28)?,
        resent_as: row.get(29)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::ErrorCode;

    fn new_send() -> NewSend {
        NewSend {
            profile_id: "p1".into(),
            profile_name: "Support".into(),
            platform: Platform::Telegram,
            recipient: "42".into(),
            source: Some("reply.wav".into()),
            note_path: "/tmp/n.ogg".into(),
            note_format: Target::OggOpus,
            note_bytes: 1000,
            duration_ms: 2000,
            options: SendOptions::default(),
            api_send: None,
            again: None,
        }
    }

    #[test]
    fn a_send_sent_again_is_marked_once_and_not_twice_unless_confirmed() {
        let tmp = tempfile::tempdir().unwrap();
        let history = History::new(Db::open(&tmp.path().join("h.db")).unwrap());
        let first = history.queue(&new_send()).unwrap().unwrap();
        assert_eq!(history.get(first).unwrap().unwrap().resent_as, None);
        let again = |confirmed| NewSend {
            again: Some(Again {
                of: first,
                confirmed,
            }),
            ..new_send()
        };
        let second = history.queue(&again(false)).unwrap().unwrap();
        assert_eq!(history.get(first).unwrap().unwrap().resent_as, Some(second));
        // Sent again already: a second resend, unconfirmed, queues nothing.
        assert_eq!(history.queue(&again(false)).unwrap(), None);
        assert_eq!(history.list(10).unwrap().len(), 2);
        // Confirmed, it goes, and the first now names the newest.
        let third = history.queue(&again(true)).unwrap().unwrap();
        assert_eq!(history.get(first).unwrap().unwrap().resent_as, Some(third));
        assert_eq!(history.get(second).unwrap().unwrap().resent_as, None);
    }

    #[test]
    fn a_send_moves_from_queued_to_sent_with_its_receipt() {
        let tmp = tempfile::tempdir().unwrap();
        let history = History::new(Db::open(&tmp.path().join("h.db")).unwrap());
        let id = history.queue(&new_send()).unwrap().unwrap();
        assert_eq!(history.get(id).unwrap().unwrap().state, State::Queued);
        assert_eq!(history.last_attempt("p1", Some("42"), -1).unwrap(), None);
        history.mark_sending(id).unwrap();
        assert!(
            history
                .last_attempt("p1", Some("42"), -1)
                .unwrap()
                .is_some()
        );
        assert_eq!(history.last_attempt("p1", Some("42"), id).unwrap(), None);
        let receipt = Receipt {
            platform: Platform::Telegram,
            recipient: "42".into(),
            message_id: Some("7".into()),
            media_id: None,
            delivered_to: None,
            sent_at: crate::clock::rfc3339(crate::clock::now_ms()),
        };
        history.mark_sent(id, &receipt).unwrap();
        let rec = history.get(id).unwrap().unwrap();
        assert_eq!(rec.state, State::Sent);
        assert_eq!(rec.message_id.as_deref(), Some("7"));
        assert_eq!(rec.attempts, 1);
        assert!(rec.finished_at.is_some());
    }

    #[test]
    fn the_history_is_searched_and_paged_from_the_newest() {
        let tmp = tempfile::tempdir().unwrap();
        let history = History::new(Db::open(&tmp.path().join("h.db")).unwrap());
        let mut ids = Vec::new();
        for (i, to) in ["4242", "100_%x", "4243", "li.wei"].iter().enumerate() {
            let mut send = new_send();
            send.recipient = (*to).into();
            if i == 2 {
                send.profile_name = "Night shift".into();
            }
            ids.push(history.queue(&send).unwrap().unwrap());
        }
        let to = |rows: Vec<SendRecord>| -> Vec<String> {
            rows.into_iter().map(|r| r.recipient).collect()
        };
        assert_eq!(
            to(history.search("", None, 10).unwrap()),
            ["li.wei", "4243", "100_%x", "4242"]
        );
        assert_eq!(
            to(history.search("424", None, 10).unwrap()),
            ["4243", "4242"]
        );
        assert_eq!(to(history.search("NIGHT", None, 10).unwrap()), ["4243"]);
        // % and _ are letters here, not wildcards.
        assert_eq!(to(history.search("_%", None, 10).unwrap()), ["100_%x"]);
        assert_eq!(to(history.search("0_", None, 10).unwrap()), ["100_%x"]);
        // Pages: two at a time, each older than the last one shown.
        let first = history.search("", None, 2).unwrap();
        let older = history.search("", Some(first[1].id), 2).unwrap();
        assert_eq!(to(older), ["100_%x", "4242"]);
        assert!(history.search("", Some(ids[0]), 2).unwrap().is_empty());
    }

    #[test]
    fn a_row_left_by_a_dead_process_reads_as_interrupted() {
        let tmp = tempfile::tempdir().unwrap();
        let db = Db::open(&tmp.path().join("h.db")).unwrap();
        let history = History::new(db.clone());
        let id = history.queue(&new_send()).unwrap().unwrap();
        history.mark_sending(id).unwrap();
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        db.lock()
            .execute(
                "UPDATE sends SET owner_pid = ?1 WHERE id = ?2",
                params![dead, id],
            )
            .unwrap();
        // Dead while preparing (token, upload): the platform never had it.
        assert_eq!(history.get(id).unwrap().unwrap().state, State::Interrupted);
        // Dead once the message call had begun: it may have.
        history.mark_message_call(id).unwrap();
        let row = history.get(id).unwrap().unwrap();
        assert_eq!((row.state, row.stage), (State::Unknown, Stage::Message));
    }

    #[test]
    fn an_unknown_send_keeps_what_happened_and_a_later_receipt_clears_it() {
        let tmp = tempfile::tempdir().unwrap();
        let history = History::new(Db::open(&tmp.path().join("h.db")).unwrap());
        let id = history.queue(&new_send()).unwrap().unwrap();
        history.mark_sending(id).unwrap();
        history.mark_message_call(id).unwrap();
        let lost = StoredError {
            code: "network".into(),
            message: "Telegram stopped answering".into(),
            remedy: "Check the conversation".into(),
            retryable: false,
            raw_code: None,
            raw_message: None,
            said: None,
        };
        history.mark_unknown(id, &lost).unwrap();
        let row = history.get(id).unwrap().unwrap();
        assert_eq!((row.state, row.stage), (State::Unknown, Stage::Answered));
        assert_eq!(row.error.as_ref(), Some(&lost));
        // An error in the catalog's words keeps them, for the reader's language.
        let said = StoredError::from(&crate::platform::error::described(
            ErrorCode::Network,
            Platform::Telegram,
        ));
        assert!(said.said.is_some());
        history.mark_unknown(id, &said).unwrap();
        assert_eq!(history.get(id).unwrap().unwrap().error, Some(said));
        history.mark_unknown(id, &lost).unwrap();
        history
            .mark_sent(
                id,
                &Receipt {
                    platform: Platform::Telegram,
                    recipient: "42".into(),
                    message_id: Some("9".into()),
                    media_id: None,
                    delivered_to: None,
                    sent_at: crate::clock::rfc3339(crate::clock::now_ms()),
                },
            )
            .unwrap();
        let row = history.get(id).unwrap().unwrap();
        assert_eq!((row.state, row.error), (State::Sent, None));
    }
}
