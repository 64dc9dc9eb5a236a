//! Working through the API's queue: each send goes through the outbox like any other
//! (the same checks, conversion, history and pacing); its outcome is written back to
//! the queue and, where the request asked, posted to its callback URL.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::callback::Callbacks;
use super::error::ApiError;
use super::queue::{ApiSend, ApiSends, ApiStatus, Audio};
use super::request::{HUMAN_AGENT, INLINE_DIR};
use super::sessions::Sessions;
use crate::Problem;
use crate::outbox::{Again, Clip, Outbox, OutboxError, SendRecord, SendRequest, Sender, State};
use crate::platform::{Progress, ProgressFn, SendOptions};

/// Sends what the API queued.
#[derive(Clone)]
pub struct Worker {
    outbox: Outbox,
    sends: ApiSends,
    sessions: Arc<Sessions>,
    callbacks: Arc<Callbacks>,
}

impl Worker {
    pub fn new(outbox: Outbox, sessions: Arc<Sessions>) -> Worker {
        let sends = ApiSends::new(outbox.db().clone());
        let callbacks = Arc::new(Callbacks::start(sends.clone()));
        Worker {
            outbox,
            sends,
            sessions,
            callbacks,
        }
    }

    /// Once every worker has stopped: posts the callbacks still waiting, for a few
    /// seconds (the rest go at the next start).
    pub fn finish(&self) {
        self.callbacks.finish(Duration::from_secs(5));
    }

    /// Settles what a process that stopped left open: a send that reached the history
    /// takes the outcome recorded there (a note that may have gone out stays unknown,
    /// never sent again by itself); one that never reached the platform goes back in
    /// the queue, unless it needs a session's credentials, which were never kept.
    pub fn recover(&self) -> Result<(), ApiError> {
        let open = self.sends.open()?;
        // Callbacks a stopped server never got an answer to go again (a receiver may
        // so hear of a send twice, never not at all).
        let uncalled = self.sends.uncalled()?;
        self.sweep_inline(&open);
        for send in open {
            let mut record = match send.send_id {
                Some(id) => self.outbox.history().get(id)?,
                None => None,
            };
            // A row sent again since (by this queue before a stop, or by an agent's
            // resend) has its outcome in the newest row of the line.
            while let Some(again) = record.as_ref().and_then(|r| r.resent_as) {
                record = self.outbox.history().get(again)?;
                if let Some(r) = &record {
                    self.sends.set_send_id(&send.id, r.id)?;
                }
            }
            let settled = match record {
                Some(r) if r.state == State::Sent => {
                    Some((ApiStatus::Sent, Some(receipt(&r)), None))
                }
                Some(r) if r.state == State::Failed => {
                    Some((ApiStatus::Failed, None, Some(problem(&r, false))))
                }
                Some(r) if r.state == State::Unknown => {
                    Some((ApiStatus::Unknown, None, Some(problem(&r, true))))
                }
                // Not begun.
                None if send.status == ApiStatus::Queued => None,
                // Interrupted before its message call, or before its history row (one
                // server at a time works a data folder's queue: `hark serve` locks it).
                _ => {
                    tracing::info!(api_send = %send.id, "back in the queue");
                    self.sends.requeue(&send.id)?;
                    None
                }
            };
            match settled {
                Some((status, receipt, error)) => {
                    let done = self.sends.finish(&send.id, status, receipt, error)?;
                    self.call_back(&done);
                }
                None if send.account.is_some() && send.profile.is_none() => {
                    let lost = Problem::of(&ApiError::SessionNotKept);
                    let done = self.sends.finish(
                        &send.id,
                        ApiStatus::Failed,
                        None,
                        Some(serde_json::to_value(lost).expect("serialises")),
                    )?;
                    self.call_back(&done);
                }
                None => {}
            }
        }
        for done in uncalled {
            self.call_back(&done);
        }
        Ok(())
    }

    /// Removes audio sent inline that no open send will read: a server stopped between
    /// keeping a request's audio and queuing it (or its answer) leaves such a file.
    /// (One server works a data folder at a time, and this runs before it answers.)
    fn sweep_inline(&self, open: &[ApiSend]) {
        let kept: std::collections::HashSet<&std::path::Path> = open
            .iter()
            .filter_map(|s| match &s.audio {
                Some(Audio::File(path)) => Some(path.as_path()),
                _ => None,
            })
            .collect();
        let dir = self.outbox.data_dir().join(INLINE_DIR);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return;
        };
        for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            if path.is_file() && !kept.contains(path.as_path()) {
                tracing::info!(file = %path.display(), "audio no send will read, removed");
                let _ = std::fs::remove_file(&path);
            }
        }
    }

    /// Works until `stop` is set: the next send whose account is free, else waits.
    pub fn run(&self, stop: &AtomicBool) {
        while !stop.load(Ordering::Relaxed) {
            match self.sends.claim() {
                Ok(Some(send)) => {
                    let id = send.id.clone();
                    // A fault in one send must not stop the queue: it stays "sending",
                    // and the next start settles it from the history.
                    let worked =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.work(send)));
                    if worked.is_err() {
                        tracing::error!(api_send = %id, "the send stopped on a fault");
                    }
                }
                Ok(None) => self.sessions.wait(Duration::from_millis(500)),
                Err(e) => {
                    tracing::warn!(error = %e, "the queue could not be read");
                    self.sessions.wait(Duration::from_secs(1));
                }
            }
        }
    }

    /// Sends one claimed send and records its outcome.
    pub fn work(&self, send: ApiSend) -> Option<ApiSend> {
        let id = send.id.clone();
        let sender = match (&send.profile, send.account.is_some()) {
            (Some(profile), _) => Some(Sender::Profile(profile.clone())),
            (None, true) => self
                .sessions
                .take(&id)
                .map(|s| Sender::Session(Box::new(s))),
            (None, false) => None,
        };
        let clip = match &send.audio {
            Some(Audio::Url(url)) => Some(Clip::Link(url.clone())),
            Some(Audio::File(path)) => Some(Clip::File(path.clone())),
            None => None,
        };
        let (Some(sender), Some(clip)) = (sender, clip) else {
            let lost = serde_json::to_value(Problem::of(&ApiError::SessionNotKept)).ok();
            return self.settle(&id, ApiStatus::Failed, None, lost);
        };
        let sends = self.sends.clone();
        let for_progress = id.clone();
        let progress: ProgressFn = Arc::new(move |p| {
            if let Progress::Queued { send_id } = p
                && let Err(e) = sends.set_send_id(&for_progress, send_id)
            {
                tracing::warn!(api_send = %for_progress, error = %e, "its history row was not noted");
            }
        });
        let result = self.outbox.send(
            SendRequest {
                sender,
                to: send.recipient.clone(),
                clip,
                options: SendOptions {
                    human_agent: send.tag.as_deref() == Some(HUMAN_AGENT),
                    as_file: false,
                },
                clean: false,
                api_send: Some(id.clone()),
                // Back in the queue after a stop: the row it left (interrupted, its note
                // never sent) is done with once this one is queued, and this one does not
                // go if an agent sent that one again meanwhile.
                again: send.send_id.map(|of| Again {
                    of,
                    confirmed: false,
                }),
            },
            &progress,
        );
        match result {
            Ok(sent) => {
                let receipt = serde_json::to_value(&sent.receipt).ok();
                self.settle(&id, ApiStatus::Sent, receipt, None)
            }
            Err(e) => {
                let status = match e {
                    OutboxError::Unknown { .. } => ApiStatus::Unknown,
                    _ => ApiStatus::Failed,
                };
                let error = serde_json::to_value(Problem::of(&e)).ok();
                self.settle(&id, status, None, error)
            }
        }
    }

    fn settle(
        &self,
        id: &str,
        status: ApiStatus,
        receipt: Option<serde_json::Value>,
        error: Option<serde_json::Value>,
    ) -> Option<ApiSend> {
        match self.sends.finish(id, status, receipt, error) {
            Ok(done) => {
                tracing::info!(api_send = %id, status = ?status, "done");
                self.sessions.settled();
                self.call_back(&done);
                Some(done)
            }
            Err(e) => {
                // The history has the outcome; the next start settles the queue from it.
                tracing::warn!(api_send = %id, error = %e, "its outcome was not recorded");
                None
            }
        }
    }

    fn call_back(&self, done: &ApiSend) {
        self.callbacks.post(done.clone());
    }
}

/// A history row's receipt, as a send returns it.
fn receipt(r: &SendRecord) -> serde_json::Value {
    serde_json::json!({
        "platform": r.platform,
        "recipient": r.recipient,
        "message_id": r.message_id,
        "media_id": r.media_id,
        "sent_at": r.finished_at,
    })
}

/// A history row's error, as a send returns it.
fn problem(r: &SendRecord, unknown: bool) -> serde_json::Value {
    let error = Box::new(r.error.clone().unwrap_or_else(|| {
        crate::outbox::StoredError::from(&crate::platform::SendError::say(
            crate::platform::ErrorCode::Network,
            crate::i18n::Said::new(
                crate::i18n::Words::new("error-api-stopped-while-sending"),
                crate::i18n::Words::new("remedy-api-stopped-while-sending"),
            ),
        ))
    }));
    let e = if unknown {
        OutboxError::Unknown {
            id: r.id,
            platform: r.platform,
            error,
        }
    } else {
        OutboxError::Failed { id: r.id, error }
    };
    serde_json::to_value(Problem::of(&e)).expect("serialises")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::queue::NewApiSend;
    use crate::db::Db;
    use crate::platform::Platform;

    #[test]
    fn inline_audio_no_open_send_reads_is_removed_at_the_start() {
        let tmp = tempfile::tempdir().unwrap();
        let db = Db::open(&tmp.path().join("hark.db")).unwrap();
        let outbox = Outbox::new(db.clone(), tmp.path().to_path_buf());
        let dir = tmp.path().join(INLINE_DIR);
        std::fs::create_dir_all(&dir).unwrap();
        let queued = dir.join("snd_queued.audio");
        let orphan = dir.join("snd_orphan.audio");
        std::fs::write(&queued, b"RIFF").unwrap();
        std::fs::write(&orphan, b"RIFF").unwrap();
        ApiSends::new(db)
            .enqueue(
                &NewApiSend {
                    id: "snd_queued".into(),
                    key_id: "k1".into(),
                    idempotency_key: None,
                    fingerprint: "f".into(),
                    platform: Platform::Sandbox,
                    recipient: "someone".into(),
                    profile: Some("sandbox".into()),
                    account: None,
                    audio: Audio::File(queued.clone()),
                    tag: None,
                    callback_url: None,
                },
                10,
            )
            .unwrap();
        Worker::new(outbox, Arc::new(Sessions::default()))
            .recover()
            .unwrap();
        assert!(queued.is_file(), "a queued send's audio stays");
        assert!(!orphan.exists(), "audio no send reads goes");
    }
}
