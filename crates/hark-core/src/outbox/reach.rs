//! How far sent notes got, where the platform says (a WhatsApp gateway's acks:
//! delivered, read, played): asked after the send, on demand, and kept in the history.
//! Elsewhere a sent note stays "sent": the platform accepted it, and says no more.

use std::collections::BTreeMap;

use rusqlite::params;

use super::error::OutboxError;
use super::history::{COLUMNS, History, SendRecord, State, row_to_record};
use super::send::Outbox;
use crate::clock::now_ms;
use crate::db::DbError;
use crate::platform::{Reached, SendError, connect};

/// How long after a send Hark keeps asking how far it got.
const ASKED_FOR_MS: i64 = 7 * 24 * 3_600_000;
/// How many sends one refresh asks about at most.
const MOST_ASKED: usize = 200;

/// What a refresh found.
#[derive(Debug, Default)]
pub struct Refreshed {
    /// Sends asked about.
    pub asked: usize,
    /// Sends that got further.
    pub changed: usize,
    /// Accounts the platform could not be asked for (by name), and why.
    pub failed: Vec<(String, SendError)>,
}

impl History {
    /// Sent notes from the last week on platforms that say how far a note got, not
    /// played yet: the ones worth asking about, newest first.
    fn awaiting_reach(&self) -> Result<Vec<SendRecord>, DbError> {
        let since = now_ms() - ASKED_FOR_MS;
        let conn = self.db.lock();
        let mut stmt = conn
            .prepare(&format!(
                "SELECT {COLUMNS} FROM sends WHERE status = 'sent' AND message_id IS NOT NULL
                   AND finished_at >= ?1 AND (reached IS NULL OR reached != 'played')
                 ORDER BY id DESC LIMIT ?2"
            ))
            .map_err(|e| self.db.err(e))?;
        let rows = stmt
            .query_map(params![since, MOST_ASKED as i64], row_to_record)
            .map_err(|e| self.db.err(e))?;
        let all = rows
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.db.err(e))?;
        Ok(all
            .into_iter()
            .filter(|r| r.state == State::Sent && r.platform.facts().reports_reach)
            .collect())
    }

    /// Records how far a sent note got; it never goes back (a late answer saying
    /// "delivered" after "played" is kept as played).
    pub fn mark_reached(&self, id: i64, reached: Reached) -> Result<bool, DbError> {
        let before = self.get(id)?.and_then(|r| r.reached);
        if before.is_some_and(|b| b >= reached) {
            return Ok(false);
        }
        self.db.execute(
            "UPDATE sends SET reached = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, reached.id(), now_ms()],
        )?;
        Ok(true)
    }
}

impl Outbox {
    /// Asks the platforms how far the last week's sent notes got, where they say, and
    /// keeps what they answer; an account whose platform cannot be reached now is said
    /// in `failed`, and the others are asked all the same.
    pub fn refresh_reached(&self) -> Result<Refreshed, OutboxError> {
        let mut done = Refreshed::default();
        let mut by_account: BTreeMap<String, Vec<SendRecord>> = BTreeMap::new();
        for send in self.history().awaiting_reach()? {
            by_account
                .entry(send.profile_id.clone())
                .or_default()
                .push(send);
        }
        for (account, sends) in by_account {
            let Ok(profile) = self.profiles().get(&account) else {
                continue;
            };
            let secrets = self.profiles().secrets(&profile)?;
            let hide = secrets.values();
            let client = match connect(&profile.account(), secrets, self.data_dir()) {
                Ok(client) => client,
                Err(e) => {
                    done.failed.push((profile.name.clone(), e.redact(&hide)));
                    continue;
                }
            };
            for send in sends {
                let Some(message_id) = send.message_id.as_deref() else {
                    continue;
                };
                done.asked += 1;
                match client.reached(&send.recipient, message_id) {
                    Ok(Some(reached)) => {
                        if self.history().mark_reached(send.id, reached)? {
                            done.changed += 1;
                        }
                    }
                    Ok(None) => {}
                    Err(e) => {
                        // The account's platform cannot be asked now: the rest of its
                        // sends would fail alike.
                        done.failed.push((profile.name.clone(), e.redact(&hide)));
                        break;
                    }
                }
            }
        }
        Ok(done)
    }
}
