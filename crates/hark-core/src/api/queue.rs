//! The API's queue: one row per accepted request, written before it is answered, and
//! moved queued → sending → sent, failed or unknown as the outbox sends it. Sends on
//! one account go one at a time (so the platform's pace holds); the first request
//! with an `Idempotency-Key` is the one every retry of it gets back.

use std::collections::BTreeMap;
use std::path::PathBuf;

use rusqlite::{OptionalExtension, TransactionBehavior, params};
use serde::Serialize;

use super::error::ApiError;
use crate::clock::{now_ms, rfc3339};
use crate::db::Db;
use crate::platform::Platform;

/// Where an API send stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ApiStatus {
    /// Accepted and waiting for its turn.
    Queued,
    /// Being fetched, converted or sent.
    Sending,
    /// The platform took it: `receipt` says how.
    Sent,
    /// It did not go out, and never will unless asked again: `error` says why.
    Failed,
    /// The message call may have reached the platform: the customer may have it.
    /// Hark never sends it again by itself.
    Unknown,
}

impl ApiStatus {
    fn id(self) -> &'static str {
        match self {
            ApiStatus::Queued => "queued",
            ApiStatus::Sending => "sending",
            ApiStatus::Sent => "sent",
            ApiStatus::Failed => "failed",
            ApiStatus::Unknown => "unknown",
        }
    }

    fn parse(s: &str) -> ApiStatus {
        match s {
            "queued" => ApiStatus::Queued,
            "sending" => ApiStatus::Sending,
            "sent" => ApiStatus::Sent,
            "failed" => ApiStatus::Failed,
            _ => ApiStatus::Unknown,
        }
    }

    /// Whether the send has its outcome.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            ApiStatus::Sent | ApiStatus::Failed | ApiStatus::Unknown
        )
    }
}

/// Where the audio of a request is.
#[derive(Debug, Clone, PartialEq)]
pub enum Audio {
    /// A link, fetched when the send's turn comes.
    Url(String),
    /// Audio that came in the request, kept in the data folder until it is sent.
    File(PathBuf),
}

/// One request to the API, as it stands.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ApiSend {
    pub id: String,
    pub status: ApiStatus,
    pub platform: Platform,
    pub recipient: String,
    /// The account's profile id, or `None` for a send with a `session`.
    pub profile: Option<String>,
    /// The link the audio came from, without its query (a signed link's signature), or
    /// `None` for audio given inline.
    pub audio_url: Option<String>,
    pub tag: Option<String>,
    pub callback_url: Option<String>,
    /// Its row in Hark's history, once it has one.
    pub send_id: Option<i64>,
    /// The platform's receipt, once sent.
    pub receipt: Option<serde_json::Value>,
    /// What went wrong (code, message, remedy, as everywhere in Hark).
    pub error: Option<serde_json::Value>,
    /// What the callback URL answered, once called.
    pub callback: Option<serde_json::Value>,
    pub created_at: String,
    pub updated_at: String,
    /// The key that asked for it.
    #[serde(skip)]
    pub key_id: String,
    /// The audio as the request gave it (a link with its query).
    #[serde(skip)]
    pub audio: Option<Audio>,
    /// A session's non-secret fields.
    #[serde(skip)]
    pub account: Option<BTreeMap<String, String>>,
}

/// A request to queue.
#[derive(Debug, Clone)]
pub struct NewApiSend {
    pub id: String,
    pub key_id: String,
    pub idempotency_key: Option<String>,
    /// A hash of the request without its secrets: a retry with the same key must match.
    pub fingerprint: String,
    pub platform: Platform,
    pub recipient: String,
    pub profile: Option<String>,
    pub account: Option<BTreeMap<String, String>>,
    pub audio: Audio,
    pub tag: Option<String>,
    pub callback_url: Option<String>,
}

/// What queueing a request did.
#[derive(Debug)]
pub enum Enqueued {
    /// A new send.
    New(ApiSend),
    /// A retry of a request already taken: its send, as it stands.
    Again(ApiSend),
}

#[derive(Clone)]
pub struct ApiSends {
    db: Db,
}

const COLUMNS: &str = "id, status, platform, recipient, profile, audio_url, tag, callback_url, \
    send_id, receipt, error, callback, created_at, updated_at, key_id, audio_file, account";

impl ApiSends {
    pub fn new(db: Db) -> ApiSends {
        ApiSends { db }
    }

    /// Queues `new` unless its Idempotency-Key was seen with this key before, and
    /// unless `most` sends are queued already.
    pub fn enqueue(&self, new: &NewApiSend, most: usize) -> Result<Enqueued, ApiError> {
        let mut conn = self.db.lock();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| self.db.err(e))?;
        if let Some(key) = &new.idempotency_key {
            let first = tx
                .query_row(
                    &format!(
                        "SELECT {COLUMNS}, fingerprint FROM api_sends
                         WHERE key_id = ?1 AND idempotency_key = ?2"
                    ),
                    params![new.key_id, key],
                    |row| Ok((row_to_send(row)?, row.get::<_, String>(17)?)),
                )
                .optional()
                .map_err(|e| self.db.err(e))?;
            if let Some((first, fingerprint)) = first {
                return if fingerprint == new.fingerprint {
                    Ok(Enqueued::Again(first))
                } else {
                    Err(ApiError::IdempotencyConflict {
                        key: key.clone(),
                        first: first.id,
                    })
                };
            }
        }
        let queued: usize = tx
            .query_row(
                "SELECT COUNT(*) FROM api_sends WHERE status IN ('queued', 'sending')",
                [],
                |row| row.get::<_, i64>(0),
            )
            .map_err(|e| self.db.err(e))? as usize;
        if queued >= most {
            return Err(ApiError::QueueFull { queued });
        }
        let now = now_ms();
        let (audio_url, audio_file) = match &new.audio {
            Audio::Url(url) => (Some(url.clone()), None),
            Audio::File(path) => (None, Some(path.display().to_string())),
        };
        tx.execute(
            "INSERT INTO api_sends (id, key_id, idempotency_key, fingerprint, platform, recipient,
                profile, account, audio_url, audio_file, tag, callback_url, status, created_at,
                updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'queued', ?13, ?13)",
            params![
                new.id,
                new.key_id,
                new.idempotency_key,
                new.fingerprint,
                new.platform.id(),
                new.recipient,
                new.profile,
                new.account
                    .as_ref()
                    .map(|a| serde_json::to_string(a).expect("strings serialise")),
                audio_url,
                audio_file,
                new.tag,
                new.callback_url,
                now
            ],
        )
        .map_err(|e| self.db.err(e))?;
        tx.commit().map_err(|e| self.db.err(e))?;
        drop(conn);
        Ok(Enqueued::New(
            self.get(&new.id)?.expect("the send was just written"),
        ))
    }

    /// Takes the oldest queued send whose account has no send under way, and marks it
    /// sending.
    pub fn claim(&self) -> Result<Option<ApiSend>, ApiError> {
        let mut conn = self.db.lock();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| self.db.err(e))?;
        let next: Option<String> = tx
            .query_row(
                &format!(
                    "SELECT q.id FROM api_sends q WHERE q.status = 'queued' AND NOT EXISTS (
                        SELECT 1 FROM api_sends b WHERE b.status = 'sending'
                        AND {LANE_B} = {LANE_Q})
                     ORDER BY q.seq LIMIT 1"
                ),
                [],
                |row| row.get(0),
            )
            .optional()
            .map_err(|e| self.db.err(e))?;
        let Some(id) = next else {
            return Ok(None);
        };
        tx.execute(
            "UPDATE api_sends SET status = 'sending', updated_at = ?2 WHERE id = ?1",
            params![id, now_ms()],
        )
        .map_err(|e| self.db.err(e))?;
        tx.commit().map_err(|e| self.db.err(e))?;
        drop(conn);
        self.get(&id)
    }

    /// Records the history row a send got.
    pub fn set_send_id(&self, id: &str, send_id: i64) -> Result<(), ApiError> {
        self.db.execute(
            "UPDATE api_sends SET send_id = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, send_id, now_ms()],
        )?;
        Ok(())
    }

    /// Records a send's outcome, and lets go of what it no longer needs: the link's
    /// query (a signed link's signature) and audio that came inline.
    pub fn finish(
        &self,
        id: &str,
        status: ApiStatus,
        receipt: Option<serde_json::Value>,
        error: Option<serde_json::Value>,
    ) -> Result<ApiSend, ApiError> {
        let before = self
            .get(id)?
            .ok_or_else(|| ApiError::SendNotFound { id: id.into() })?;
        let shown = match &before.audio {
            Some(Audio::Url(url)) => Some(crate::audio::link::shown_link(url)),
            _ => None,
        };
        self.db.execute(
            "UPDATE api_sends SET status = ?2, receipt = ?3, error = ?4, audio_url = ?5,
                audio_file = NULL, updated_at = ?6 WHERE id = ?1",
            params![
                id,
                status.id(),
                receipt.map(|r| r.to_string()),
                error.map(|e| e.to_string()),
                shown,
                now_ms()
            ],
        )?;
        if let Some(Audio::File(path)) = &before.audio {
            let _ = std::fs::remove_file(path);
        }
        self.get(id)?
            .ok_or_else(|| ApiError::SendNotFound { id: id.into() })
    }

    /// Puts a send back in the queue (it was under way in a process that is gone, and
    /// never reached the platform). It keeps the history row it left, which its next
    /// attempt marks as sent again.
    pub fn requeue(&self, id: &str) -> Result<(), ApiError> {
        self.db.execute(
            "UPDATE api_sends SET status = 'queued', updated_at = ?2 WHERE id = ?1",
            params![id, now_ms()],
        )?;
        Ok(())
    }

    /// Records what the callback URL answered.
    pub fn set_callback(&self, id: &str, callback: &serde_json::Value) -> Result<(), ApiError> {
        self.db.execute(
            "UPDATE api_sends SET callback = ?2 WHERE id = ?1",
            params![id, callback.to_string()],
        )?;
        Ok(())
    }

    pub fn get(&self, id: &str) -> Result<Option<ApiSend>, ApiError> {
        let conn = self.db.lock();
        conn.query_row(
            &format!("SELECT {COLUMNS} FROM api_sends WHERE id = ?1"),
            params![id],
            row_to_send,
        )
        .optional()
        .map_err(|e| self.db.err(e).into())
    }

    /// The newest `limit` sends (of one status, if given), newest first.
    pub fn list(&self, status: Option<ApiStatus>, limit: usize) -> Result<Vec<ApiSend>, ApiError> {
        let conn = self.db.lock();
        let mut stmt = conn
            .prepare(&format!(
                "SELECT {COLUMNS} FROM api_sends WHERE ?1 IS NULL OR status = ?1
                 ORDER BY seq DESC LIMIT ?2"
            ))
            .map_err(|e| self.db.err(e))?;
        let rows = stmt
            .query_map(
                params![status.map(ApiStatus::id), limit as i64],
                row_to_send,
            )
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(|e| self.db.err(e))?;
        Ok(rows)
    }

    /// Sends not finished (queued, or under way when a process stopped), oldest first.
    pub fn open(&self) -> Result<Vec<ApiSend>, ApiError> {
        self.select("status IN ('queued', 'sending')")
    }

    /// Finished sends whose callback has no answer recorded (a server stopped before
    /// it was posted, or while it was), oldest first.
    pub fn uncalled(&self) -> Result<Vec<ApiSend>, ApiError> {
        self.select(
            "status IN ('sent', 'failed', 'unknown') AND callback_url IS NOT NULL
             AND callback IS NULL",
        )
    }

    fn select(&self, filter: &str) -> Result<Vec<ApiSend>, ApiError> {
        let conn = self.db.lock();
        let mut stmt = conn
            .prepare(&format!(
                "SELECT {COLUMNS} FROM api_sends WHERE {filter} ORDER BY seq"
            ))
            .map_err(|e| self.db.err(e))?;
        let rows = stmt
            .query_map([], row_to_send)
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(|e| self.db.err(e))?;
        Ok(rows)
    }
}

/// The account a send goes out on: its profile, or a session's platform and fields.
const LANE_Q: &str = "COALESCE(q.profile, q.platform || ':' || q.account)";
const LANE_B: &str = "COALESCE(b.profile, b.platform || ':' || b.account)";

fn row_to_send(row: &rusqlite::Row<'_>) -> rusqlite::Result<ApiSend> {
    let json = |i: usize| -> rusqlite::Result<Option<serde_json::Value>> {
        Ok(row
            .get::<_, Option<String>>(i)?
            .and_then(|s| serde_json::from_str(&s).ok()))
    };
    let platform: String = row.get(2)?;
    let url: Option<String> = row.get(5)?;
    let file: Option<String> = row.get(15)?;
    let audio = match (&url, file) {
        (_, Some(file)) => Some(Audio::File(PathBuf::from(file))),
        (Some(url), None) => Some(Audio::Url(url.clone())),
        (None, None) => None,
    };
    Ok(ApiSend {
        id: row.get(0)?,
        status: ApiStatus::parse(&row.get::<_, String>(1)?),
        platform: platform.parse().unwrap_or(Platform::Sandbox),
        recipient: row.get(3)?,
        profile: row.get(4)?,
        audio_url: url.as_deref().map(crate::audio::link::shown_link),
        tag: row.get(6)?,
        callback_url: row.get(7)?,
        send_id: row.get(8)?,
        receipt: json(9)?,
        error: json(10)?,
        callback: json(11)?,
        created_at: rfc3339(row.get(12)?),
        updated_at: rfc3339(row.get(13)?),
        key_id: row.get(14)?,
        audio,
        account: row
            .get::<_, Option<String>>(16)?
            .and_then(|s| serde_json::from_str(&s).ok()),
    })
}
