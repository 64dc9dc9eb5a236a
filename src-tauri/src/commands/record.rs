//! Recording from the window: start, pause, resume, stop (the note is ready at once:
//! it was encoded while the agent spoke), discard. The level, timer and size go to the
//! UI through a channel, at most 30 times a second.

use std::time::Duration;

use hark_core::i18n::{Surface, Words};
use hark_core::platform::Platform;
use hark_core::record::{EndReason, RecordOptions, Recording, State as RecState};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

use hark_core::draft::{Drafts, Origin, TAKE_FILE};

use super::clips::{ClipView, io_error, open_clip};
use crate::CommandError;
use crate::state::{Hark, StoredClip, blocking};

/// How often the UI hears about a recording (≤ 30 a second).
const TICK: Duration = Duration::from_millis(34);

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RecordingStatus {
    pub state: RecState,
    pub elapsed_ms: u32,
    /// The platform's limit (or none).
    pub limit_ms: Option<u32>,
    pub size_estimate: u32,
    /// Loudness of the last moment, −60 (silence) to 0 dBFS.
    pub rms_dbfs: f32,
    pub peak_dbfs: f32,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RecordedClip {
    pub clip: ClipView,
    pub ended_by: EndReason,
    /// Nothing louder than −60 dBFS was heard: a muted or dead microphone.
    pub silent: bool,
    /// What went wrong with the device, when it stopped the take.
    pub device_problem: Option<String>,
}

/// Starts recording from `device` (or the one chosen in Settings, or the system's
/// default), cleaning up as Settings say, encoding `platform`'s note
/// as it goes; status arrives on `on_status` until the take ends.
#[tauri::command]
#[specta::specta]
pub async fn start_recording(
    app: AppHandle,
    state: State<'_, Hark>,
    platform: Platform,
    device: Option<String>,
    on_status: Channel<RecordingStatus>,
) -> Result<(), CommandError> {
    let spool_dir = state.data_dir()?.join("spool");
    let settings = hark_core::settings::Settings::load(state.outbox()?.db())?;
    let device = device.or(settings.input_device);
    if let Some(test) = state.input_test().take() {
        test.cancel();
    }
    if state.recording().is_some() {
        return Err(CommandError::shell(
            "already_recording",
            Words::new("app-error-already-recording"),
            Words::new("app-remedy-already-recording"),
        ));
    }
    let recording = blocking(move || {
        Recording::start(RecordOptions {
            platform,
            device,
            max_duration: None,
            spool_dir,
            clean: settings.clean,
        })
        .map_err(CommandError::from)
    })
    .await?;
    *state.recording() = Some(recording);
    crate::tray::show_recording(&app, true);
    std::thread::Builder::new()
        .name("recording-status".into())
        .spawn(move || {
            loop {
                let hark = app.state::<Hark>();
                let status = match hark.recording().as_ref() {
                    Some(r) => r.status(),
                    None => break,
                };
                let ended = !matches!(status.state, RecState::Recording | RecState::Paused);
                let sent = on_status.send(RecordingStatus {
                    state: status.state,
                    elapsed_ms: status.elapsed.as_millis() as u32,
                    limit_ms: status.limit.map(|l| l.as_millis() as u32),
                    size_estimate: status.size_estimate as u32,
                    rms_dbfs: status.level.rms_dbfs,
                    peak_dbfs: status.level.peak_dbfs,
                });
                if ended || sent.is_err() {
                    break;
                }
                std::thread::sleep(TICK);
            }
            crate::tray::show_recording(&app, false);
        })
        .map_err(|e| CommandError::internal(&e))?;
    Ok(())
}

fn no_recording() -> CommandError {
    CommandError::shell(
        "not_recording",
        Words::new("app-error-not-recording"),
        Words::new("app-remedy-not-recording"),
    )
}

#[tauri::command]
#[specta::specta]
pub fn pause_recording(state: State<'_, Hark>) -> Result<(), CommandError> {
    state.recording().as_ref().ok_or_else(no_recording)?.pause();
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub fn resume_recording(state: State<'_, Hark>) -> Result<(), CommandError> {
    state
        .recording()
        .as_ref()
        .ok_or_else(no_recording)?
        .resume();
    Ok(())
}

/// Ends the take and keeps it: the note (already encoded) goes to the preview.
#[tauri::command]
#[specta::specta]
pub async fn stop_recording(state: State<'_, Hark>) -> Result<RecordedClip, CommandError> {
    let recording = state.recording().take().ok_or_else(no_recording)?;
    let data_dir = state.data_dir()?;
    let (stored, recorded) = blocking(move || keep_take(&data_dir, recording)).await?;
    state.clips().insert(recorded.clip.id.clone(), stored);
    Ok(recorded)
}

/// Stops `recording` and keeps the take as a draft: the note, then the raw take, and
/// only then does the spool go, so that a crash at any point leaves the take somewhere
/// it is offered back.
pub fn keep_take(
    data_dir: &std::path::Path,
    recording: Recording,
) -> Result<(StoredClip, RecordedClip), CommandError> {
    let take = recording.stop().map_err(CommandError::from)?;
    let platform = take.note.platform;
    let cleaned = take.note.cleanup.is_some();
    let mut draft = Drafts::new(data_dir)
        .create(Origin::Recorded, None, platform, cleaned)
        .map_err(io_error)?;
    // A recording stops at the platform's limit: made again for another platform, it
    // keeps the part that fits that one.
    draft.info.trim = true;
    draft.keep_note(&take.note).map_err(io_error)?;
    let ended_by = take.ended_by;
    let silent = take.silent;
    let device_problem = take.device_error.as_ref().map(|e| {
        let p = hark_core::Problem::said_in(e, crate::lang::current(), Surface::App);
        format!("{} {}", p.message, p.remedy)
    });
    let note = take.note.clone();
    take.keep_raw(&draft.dir.join(TAKE_FILE))
        .map_err(io_error)?;
    let (stored, clip) = open_clip(draft, note, 0)?;
    let recorded = RecordedClip {
        clip,
        ended_by,
        silent,
        device_problem,
    };
    Ok((stored, recorded))
}

/// Throws the take away, spool and all.
#[tauri::command]
#[specta::specta]
pub fn discard_recording(state: State<'_, Hark>) -> Result<(), CommandError> {
    if let Some(recording) = state.recording().take() {
        recording.cancel();
    }
    crate::heap::give_back();
    Ok(())
}
