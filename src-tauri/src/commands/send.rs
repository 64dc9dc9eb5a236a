//! Sending a previewed clip, with upload progress through a channel (at most 30
//! messages a second).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use hark_core::Problem;
use hark_core::i18n::{Surface, Words};
use hark_core::outbox::{Clip, SendRequest, Sender, Sent};
use hark_core::platform::{Platform, Progress, ProgressFn, SendOptions};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager};

use super::clips::{clip_gone, with_bytes};
use crate::state::{Hark, blocking};
use crate::{CommandError, lang};

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    tag = "step"
)]
pub enum SendProgress {
    /// Waiting to stay within the platform's rate limit.
    Waiting {
        secs: f64,
        reason: String,
    },
    Uploading {
        sent: f64,
        total: f64,
    },
    Sending,
    Retrying {
        attempt: u32,
        in_secs: f64,
        reason: String,
    },
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SentView {
    /// The send's row in the history.
    pub send_id: u32,
    pub account: String,
    pub platform: Platform,
    pub recipient: String,
    /// Their name among the account's contacts; `None` for someone not named yet, whom
    /// the window offers to name.
    pub recipient_name: Option<String>,
    /// The platform's message id (WeChat gives none).
    pub message_id: Option<String>,
    pub media_id: Option<String>,
    pub sent_at: String,
}

pub fn sent_view(s: &Sent) -> SentView {
    SentView {
        send_id: s.id as u32,
        account: s.profile.clone(),
        platform: s.receipt.platform,
        recipient: s.receipt.recipient.clone(),
        recipient_name: s.recipient_name.clone(),
        message_id: s.receipt.message_id.clone(),
        media_id: s.receipt.media_id.clone(),
        sent_at: s.receipt.sent_at.clone(),
    }
}

/// Forwards core progress to the UI, upload ticks throttled to 30 a second (the last
/// one, at 100 %, always goes).
pub fn forward(channel: Channel<SendProgress>) -> ProgressFn {
    let last = Arc::new(Mutex::new(None::<Instant>));
    Arc::new(move |p| {
        let message = match p {
            // The shell marks the draft (send_clip); the page needs nothing.
            Progress::Queued { .. } => return,
            // The window sends notes it has in its preview, never a link.
            Progress::Fetching { .. } => return,
            Progress::Uploading { sent, total } => {
                let mut last = last.lock().unwrap_or_else(|e| e.into_inner());
                let due = last.is_none_or(|t| t.elapsed() >= Duration::from_millis(33));
                if !due && sent < total {
                    return;
                }
                *last = Some(Instant::now());
                SendProgress::Uploading {
                    sent: sent as f64,
                    total: total as f64,
                }
            }
            Progress::Waiting { secs, platform } => SendProgress::Waiting {
                secs,
                reason: lang::current()
                    .say(&Words::new("progress-paced").words("platform", platform.name_words())),
            },
            Progress::Sending => SendProgress::Sending,
            Progress::Retrying {
                attempt,
                in_secs,
                error,
            } => SendProgress::Retrying {
                attempt,
                in_secs,
                reason: Problem::said_in(&*error, lang::current(), Surface::App).message,
            },
        };
        let _ = channel.send(message);
    })
}

/// Sends the clip to `to` through the account: checked, kept, recorded, then sent.
#[tauri::command]
#[specta::specta]
pub async fn send_clip(
    app: AppHandle,
    clip_id: String,
    account_id: String,
    to: String,
    human_agent: bool,
    as_file: bool,
    on_progress: Channel<SendProgress>,
) -> Result<SentView, CommandError> {
    let state = app.state::<Hark>();
    let outbox = state.outbox()?.clone();
    let (note, draft) = {
        let clips = state.clips();
        let clip = clips.get(&clip_id).ok_or_else(clip_gone)?;
        let note = clip.note.clone().ok_or_else(|| {
            CommandError::shell(
                "does_not_fit",
                Words::new("app-error-does-not-fit"),
                Words::new("app-remedy-does-not-fit"),
            )
        })?;
        (note, clip.draft.clone())
    };
    let note = with_bytes(note, &draft)?;
    let duration_ms = note.duration_ms;
    // The notification names the account as the agent knows it.
    let account = outbox
        .profiles()
        .get(&account_id)
        .map(|p| p.name)
        .unwrap_or_else(|_| account_id.clone());
    let recipient = to.clone();
    let forward = forward(on_progress);
    // Counted as under way: closing the window keeps Hark running (in the tray).
    let _sending = state.start_sending();
    // Once the outbox has the note (its history row and its own copy), the draft is
    // marked with the send's id: it is never offered back as unsent after a restart,
    // whatever happens next.
    let progress: ProgressFn = Arc::new(move |p| {
        if let Progress::Queued { send_id } = p {
            let _ = draft.clone().mark_sent(send_id);
        }
        forward(p)
    });
    let result = blocking(move || {
        outbox
            .send(
                SendRequest {
                    sender: Sender::Profile(account_id),
                    to,
                    clip: Clip::Note(note),
                    options: SendOptions {
                        human_agent,
                        as_file,
                    },
                    clean: false,
                    api_send: None,
                    again: None,
                },
                &progress,
            )
            .map(|s| sent_view(&s))
            .map_err(|e| CommandError::from_outbox(&e))
    })
    .await;
    let send_id = match &result {
        Ok(sent) => Some(sent.send_id as i64),
        Err(e) => e.send_id.map(i64::from),
    };
    if let (Some(id), Some(clip)) = (send_id, state.clips().get_mut(&clip_id)) {
        clip.draft.info.sent_as = Some(id);
    }
    crate::notify::send_ended(
        &app,
        &crate::notify::SendEnded {
            duration_ms,
            account: &account,
            recipient: &recipient,
            result: result.as_ref().map(|_| ()),
        },
    );
    crate::heap::give_back();
    result
}
