//! The history of sends (with resend) and the sandbox's inbox.

use std::collections::HashMap;

use hark_core::Problem;
use hark_core::i18n::{Surface, Words};
use hark_core::outbox::{SendRecord, State};
use hark_core::platform::{Platform, Reached, sandbox};
use serde::Serialize;
use tauri::ipc::Channel;

use super::clips::audio_url;
use super::send::{SendProgress, SentView, forward, sent_view};
use crate::CommandError;
use crate::fixes::{Fix, fix_for, without_commands};
use crate::own_audio::{self, OwnAudio};
use crate::state::{Hark, Playable, blocking, is_ogg_opus};

/// Where a send stands, as the window shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum SendState {
    Queued,
    Sending,
    /// The platform's receipt was read.
    Sent,
    /// The platform does not have it: sending again is safe.
    Failed,
    /// The platform may have it: sending again asks first.
    Unknown,
    /// Hark stopped before it went out: sending again is safe.
    Interrupted,
}

impl From<State> for SendState {
    fn from(state: State) -> Self {
        match state {
            State::Queued => SendState::Queued,
            State::Sending => SendState::Sending,
            State::Sent => SendState::Sent,
            State::Failed => SendState::Failed,
            State::Unknown => SendState::Unknown,
            State::Interrupted => SendState::Interrupted,
        }
    }
}

/// How far a sent note got, where the platform says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum ReachedView {
    Delivered,
    Read,
    Played,
}

impl From<Reached> for ReachedView {
    fn from(r: Reached) -> Self {
        match r {
            Reached::Delivered => ReachedView::Delivered,
            Reached::Read => ReachedView::Read,
            Reached::Played => ReachedView::Played,
        }
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SendView {
    pub id: u32,
    pub state: SendState,
    pub account: String,
    pub platform: Platform,
    pub platform_name: String,
    pub recipient: String,
    /// The recipient's name among the account's contacts, when they have one.
    pub recipient_name: Option<String>,
    pub created_at: String,
    pub duration_ms: u32,
    pub bytes: u32,
    pub message_id: Option<String>,
    pub media_id: Option<String>,
    /// How far it got, where the platform says (a gateway); `None` elsewhere, where
    /// "sent" means the platform accepted it.
    pub reached: Option<ReachedView>,
    /// Whether the platform says how far a note got (so "sent" may grow).
    pub reports_reach: bool,
    pub error_code: Option<String>,
    pub error_message: Option<String>,
    pub error_remedy: Option<String>,
    pub retryable: bool,
    /// The control that fixes the error, which the window offers beside it.
    pub fix: Option<Fix>,
    pub audio_url: String,
    /// The note itself, for a player that reads its format (not for Ogg/Opus, which
    /// `audio_url` serves as it is).
    pub own_audio: Option<OwnAudio>,
    /// Sent by another program through Hark's local send API (`hark serve`).
    pub from_api: bool,
    /// Sent again since (by a resend, or the API's queue after a stop): the newer send
    /// says where the note stands, and this one offers no resend of its own.
    pub resent: bool,
    /// Sent with a session's credentials (through the local API), never kept: the
    /// history cannot send it again.
    pub by_session: bool,
}

fn view(r: &SendRecord) -> SendView {
    let lang = crate::lang::current();
    // The error in the window's language and with the window's remedy where the history
    // keeps it in the catalog's words; else its English, without commands to type.
    let (message, remedy, fix) = match &r.error {
        Some(e) => {
            let fix = fix_for(&e.code, e.raw_message.as_deref(), &e.remedy);
            match &e.said {
                Some(said) => (
                    Some(lang.say(&said.message)),
                    Some(lang.say_for(Surface::App, &said.remedy)),
                    fix,
                ),
                None => (
                    Some(e.message.clone()),
                    Some(without_commands(&e.remedy)),
                    fix,
                ),
            }
        }
        None => (None, None, None),
    };
    SendView {
        id: r.id as u32,
        state: r.state.into(),
        account: r.profile_name.clone(),
        platform: r.platform,
        platform_name: r.platform.facts().name.into(),
        recipient: r.recipient.clone(),
        recipient_name: None,
        created_at: r.created_at.clone(),
        duration_ms: r.duration_ms as u32,
        bytes: r.note_bytes as u32,
        message_id: r.message_id.clone(),
        media_id: r.media_id.clone(),
        reached: r.reached.map(ReachedView::from),
        reports_reach: r.platform.facts().reports_reach,
        error_code: r.error.as_ref().map(|e| e.code.clone()),
        error_message: message,
        error_remedy: remedy,
        retryable: r.state == State::Interrupted
            || (r.state == State::Failed && r.error.as_ref().is_some_and(|e| e.retryable)),
        fix,
        audio_url: audio_url(&format!("send/{}", r.id)),
        from_api: r.api_send.is_some(),
        resent: r.resent_as.is_some(),
        by_session: r.by_session(),
        own_audio: own_audio::offer(
            std::path::Path::new(&r.note_path),
            &audio_url(&format!("send/{}", r.id)),
        ),
    }
}

/// Up to `limit` sends older than send `before` (from the newest when null) that
/// match `query` (recipient, account, platform, message id, state), newest first.
#[tauri::command]
#[specta::specta]
pub async fn history(
    state: tauri::State<'_, Hark>,
    query: String,
    before: Option<u32>,
    limit: u32,
) -> Result<Vec<SendView>, CommandError> {
    let outbox = state.outbox()?;
    let sends = outbox
        .history()
        .search(&query, before.map(i64::from), limit as usize)?;
    // Each account's contacts' names, read once per account.
    let mut names: HashMap<String, HashMap<String, String>> = HashMap::new();
    Ok(sends
        .iter()
        .map(|r| {
            let known = names
                .entry(r.profile_id.clone())
                .or_insert_with(|| outbox.contacts().names(&r.profile_id).unwrap_or_default());
            SendView {
                recipient_name: known.get(&r.recipient).cloned(),
                ..view(r)
            }
        })
        .collect())
}

/// The same note, to the same person, through the same account, as a new send. A
/// send the customer has or may have (sent, unknown) goes only when `confirmed`: the
/// window asks first (`may_duplicate` otherwise).
#[tauri::command]
#[specta::specta]
pub async fn resend(
    state: tauri::State<'_, Hark>,
    send_id: u32,
    confirmed: bool,
    on_progress: Channel<SendProgress>,
) -> Result<SentView, CommandError> {
    let outbox = state.outbox()?.clone();
    let progress = forward(on_progress);
    blocking(move || {
        outbox
            .resend(send_id as i64, confirmed, &progress)
            .map(|s| sent_view(&s))
            .map_err(|e| CommandError::from_outbox(&e))
    })
    .await
}

/// What asking how far the notes got found: how many got further, and the accounts
/// whose platform could not be asked now (with why, in the window's words).
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RefreshView {
    pub changed: u32,
    pub failed: Vec<String>,
}

/// Asks the platforms that say so how far the last week's sent notes got (a gateway:
/// delivered, read, played), and keeps it in the history.
#[tauri::command]
#[specta::specta]
pub async fn refresh_reached(state: tauri::State<'_, Hark>) -> Result<RefreshView, CommandError> {
    let outbox = state.outbox()?.clone();
    blocking(move || {
        let done = outbox
            .refresh_reached()
            .map_err(|e| CommandError::from_outbox(&e))?;
        let lang = crate::lang::current();
        Ok(RefreshView {
            changed: done.changed as u32,
            failed: done
                .failed
                .iter()
                .map(|(account, e)| {
                    let why = Problem::said_in(e, lang, Surface::App).message;
                    crate::lang::say(
                        &Words::new("history-not-refreshed")
                            .text("account", account.clone())
                            .text("why", why),
                    )
                })
                .collect(),
        })
    })
    .await
}

/// For a send whose outcome is unknown, asks the platform whether it has the note
/// (where it can be asked: a gateway lists the chat's messages) and returns the send
/// as it now stands: sent if it has it, failed if it has not, else still unknown.
#[tauri::command]
#[specta::specta]
pub async fn check_send(
    state: tauri::State<'_, Hark>,
    send_id: u32,
) -> Result<SendView, CommandError> {
    let outbox = state.outbox()?.clone();
    blocking(move || {
        outbox
            .check_unknown(send_id as i64)
            .map(|r| view(&r))
            .map_err(|e| CommandError::from_outbox(&e))
    })
    .await
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct InboxItem {
    pub message_id: String,
    pub recipient: String,
    /// The recipient's name among the sandbox account's contacts, when they have one.
    pub recipient_name: Option<String>,
    pub received_at: String,
    pub duration_ms: u32,
    pub bytes: u32,
    pub audio_url: String,
}

/// What the sandbox received, newest first.
#[tauri::command]
#[specta::specta]
pub async fn inbox(state: tauri::State<'_, Hark>) -> Result<Vec<InboxItem>, CommandError> {
    let dir = state.data_dir()?;
    let items = sandbox::inbox(&dir).map_err(|e| {
        CommandError::shell(
            "inbox_unreadable",
            Words::new("app-error-inbox-unreadable").text("detail", e.to_string()),
            Words::new("app-remedy-inbox-unreadable"),
        )
    })?;
    // The sandbox account's contacts, by id.
    let outbox = state.outbox()?;
    let names = outbox
        .profiles()
        .list()
        .unwrap_or_default()
        .into_iter()
        .find(|p| p.platform == Platform::Sandbox)
        .and_then(|p| outbox.contacts().names(&p.id).ok())
        .unwrap_or_default();
    Ok(items
        .into_iter()
        .map(|d| InboxItem {
            audio_url: audio_url(&format!("inbox/{}", d.message_id)),
            recipient_name: names.get(&d.recipient).cloned(),
            message_id: d.message_id,
            recipient: d.recipient,
            received_at: d.received_at,
            duration_ms: d.duration_ms as u32,
            bytes: d.bytes as u32,
        })
        .collect())
}

/// What the player gets for a clip, a history entry or an inbox note, for the
/// protocol handler: an Ogg/Opus note as it is (WebKit's GStreamer plays it), anything
/// else decoded once to WAV on disk (`hark_core::audio::played`).
pub fn audio_of(hark: &Hark, path: &str) -> Option<Playable> {
    if !path.starts_with("send/") && !path.starts_with("inbox/") {
        return hark.clips().get(path).map(|c| c.audio.clone());
    }
    let file = note_of(hark, path)?;
    if is_ogg_opus(&crate::own_audio::head(&file)?) {
        return Some(Playable {
            path: file,
            mime: "audio/ogg",
        });
    }
    let wav = hark_core::audio::played::decoded(&hark.data_dir().ok()?, &file).ok()?;
    Some(Playable {
        path: wav,
        mime: "audio/wav",
    })
}

/// The file of the note at a `clip:` path: a history entry's, a sandbox note's, or the
/// note made for a clip in the preview (none for a file that cannot be sent).
pub fn note_of(hark: &Hark, path: &str) -> Option<std::path::PathBuf> {
    if let Some(id) = path.strip_prefix("send/") {
        let id: i64 = id.parse().ok()?;
        let record = hark.outbox().ok()?.history().get(id).ok()??;
        Some(std::path::PathBuf::from(record.note_path))
    } else if let Some(id) = path.strip_prefix("inbox/") {
        let dir = hark.data_dir().ok()?;
        Some(
            sandbox::inbox(&dir)
                .ok()?
                .into_iter()
                .find(|d| d.message_id == id)?
                .file,
        )
    } else {
        let clips = hark.clips();
        let clip = clips.get(path)?;
        clip.note.as_ref()?;
        clip.draft.note_path()
    }
}
