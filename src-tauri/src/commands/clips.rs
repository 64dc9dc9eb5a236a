//! Clips: a dropped or picked file made into the platform's note, checked, and made
//! audible for the preview (served to the webview as `clip://localhost/<id>`).

use hark_core::audio::convert::Note;
use hark_core::audio::error::ClipError;
use hark_core::audio::watch::{Step, Watch};
use hark_core::audio::{inspect, preview};
use hark_core::draft::{Draft, Drafts, Origin};
use hark_core::i18n::{Surface, Words};
use hark_core::platform::{Level, Platform, Verdict, VerdictCheck, limits};
use serde::Serialize;
use tauri::State;
use tauri::ipc::Channel;

use crate::CommandError;
use crate::own_audio::{self, OwnAudio};
use crate::state::{Hark, Playable, StoredClip, blocking, is_ogg_opus};

/// Bars in the preview's waveform.
pub const BARS: usize = 160;
/// The note decoded for the player (AMR and AAC, which the webview cannot play), in
/// the draft's folder.
const PREVIEW_FILE: &str = "preview.wav";

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ClipView {
    pub id: String,
    pub platform: Platform,
    /// What would be sent, e.g. "AMR-NB"; for a file that cannot be sent, what it is.
    pub format: String,
    pub duration_ms: u32,
    /// The note's size, or the file's when it cannot be sent.
    pub bytes: u32,
    /// The file already was the platform's format and goes as it is.
    pub passed_through: bool,
    pub trimmed: bool,
    pub verdicts: Vec<VerdictView>,
    /// No verdict fails: Send may be pressed.
    pub sendable: bool,
    /// The waveform of what the customer will hear, 0..1 per bar.
    pub peaks: Vec<f32>,
    /// Where the preview's audio is served: a note Ogg/Opus as it is, else decoded to
    /// WAV (a file that cannot be sent: the file decoded).
    pub audio_url: String,
    /// The note itself, for a player that reads its format.
    pub own_audio: Option<OwnAudio>,
    /// The file's name, for an import.
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VerdictView {
    pub check: VerdictCheck,
    pub level: Level,
    pub code: Option<String>,
    pub message: String,
    /// The fix, for a warning or a failure.
    pub remedy: Option<String>,
}

pub fn verdict_view(v: &Verdict) -> VerdictView {
    // In the window's language, with the window's fix (the button beside a note too
    // long keeps the part that fits; no command to type).
    let lang = crate::lang::current();
    VerdictView {
        check: v.check,
        level: v.level,
        code: v.code.map(str::to_owned),
        message: v.message_in(lang),
        remedy: v.remedy_in(lang, Surface::App),
    }
}

/// The URL the webview plays a clip from: the loopback server's, else the `clip:`
/// scheme's (which Windows serves over http).
pub fn audio_url(path: &str) -> String {
    if let Some(url) = crate::audio_server::url(path) {
        url
    } else if cfg!(windows) {
        format!("http://clip.localhost/{path}")
    } else {
        format!("clip://localhost/{path}")
    }
}

/// Makes `path` into `platform`'s note (or, when it cannot fit, says why), and keeps it
/// as a draft for the preview and the send. `trim` keeps the start of a file that is
/// too long.
#[tauri::command]
#[specta::specta]
pub async fn import_clip(
    state: State<'_, Hark>,
    path: String,
    platform: Platform,
    trim: bool,
    on_progress: Channel<ImportProgress>,
) -> Result<ClipView, CommandError> {
    if !state.was_chosen(std::path::Path::new(&path)) {
        return Err(CommandError::shell(
            "file_not_chosen",
            Words::new("app-error-file-not-chosen"),
            Words::new("app-remedy-file-not-chosen"),
        ));
    }
    let drafts = Drafts::new(&state.data_dir()?);
    let cancel = state.start_work();
    let (stored, view) = blocking(move || {
        let source = std::path::Path::new(&path);
        let mut draft = drafts
            .create(Origin::Imported, Some(source), platform, false)
            .map_err(io_error)?;
        draft.info.trim = trim;
        let report = progress_to(on_progress);
        make_clip(draft, platform, 0, &Watch::new(&report, &cancel))
    })
    .await?;
    state.clips().insert(view.id.clone(), stored);
    Ok(view)
}

/// Asks the person for an audio file (the system's file dialog); the one they pick may
/// then be imported. `None` when they cancel.
#[tauri::command]
#[specta::specta]
pub async fn choose_file(
    app: tauri::AppHandle,
    state: State<'_, Hark>,
) -> Result<Option<String>, CommandError> {
    const AUDIO: &[&str] = &[
        "mp3", "m4a", "mp4", "aac", "ogg", "oga", "opus", "wav", "webm", "mka", "flac", "amr",
    ];
    crate::chooser::choose_one(app, &state, "Audio", AUDIO).await
}

/// Makes the note in the preview again, for `platform` (the account changed) or
/// keeping only the part that fits (`trim`), from its source: the raw take of a
/// recording, or the imported file.
#[tauri::command]
#[specta::specta]
pub async fn remake_clip(
    state: State<'_, Hark>,
    id: String,
    platform: Platform,
    trim: bool,
    on_progress: Channel<ImportProgress>,
) -> Result<ClipView, CommandError> {
    let (mut draft, revision) = {
        let clips = state.clips();
        let clip = clips.get(&id).ok_or_else(clip_gone)?;
        (clip.draft.clone(), clip.revision + 1)
    };
    draft.info.trim |= trim;
    let cancel = state.start_work();
    let (stored, view) = blocking(move || {
        let report = progress_to(on_progress);
        make_clip(draft, platform, revision, &Watch::new(&report, &cancel))
    })
    .await?;
    state.clips().insert(view.id.clone(), stored);
    Ok(view)
}

/// How far an import (or a note being made again) got.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase", tag = "step")]
pub enum ImportProgress {
    /// Fetching the audio at a link: bytes so far, and all of them when the server said.
    Fetching { got: f64, total: Option<f64> },
    /// Reading the file through; how long it is is not known yet.
    Reading,
    /// Making the note: the fraction done, 0..1.
    Converting { fraction: f64 },
}

/// Sends the work's steps to the page, at most 30 a second.
pub fn progress_to(channel: Channel<ImportProgress>) -> impl Fn(Step) + Sync {
    let last = std::sync::Mutex::new(None::<std::time::Instant>);
    move |step| {
        let mut last = last.lock().unwrap_or_else(|e| e.into_inner());
        if last.is_some_and(|t| t.elapsed() < std::time::Duration::from_millis(33)) {
            return;
        }
        *last = Some(std::time::Instant::now());
        let _ = channel.send(match step {
            Step::Reading => ImportProgress::Reading,
            Step::Converting(fraction) => ImportProgress::Converting { fraction },
        });
    }
}

/// Stops the import (or the remaking of a note) under way; its draft goes.
#[tauri::command]
#[specta::specta]
pub fn cancel_import(state: State<'_, Hark>) {
    state.cancel_work();
}

pub fn clip_gone() -> CommandError {
    CommandError::shell(
        "clip_gone",
        Words::new("app-error-clip-gone"),
        Words::new("app-remedy-clip-gone"),
    )
}

/// The draft's note for `platform` (the kept one, or one made now from the source),
/// made audible for the preview; or, when the audio cannot fit the platform, the file
/// as it is with what to do about it.
pub fn make_clip(
    mut draft: Draft,
    platform: Platform,
    revision: u32,
    watch: &Watch<'_>,
) -> Result<(StoredClip, ClipView), CommandError> {
    match draft.note_for(platform, watch) {
        // `note_for` has kept the note in the draft (made now, or already there).
        Ok(note) => open_clip(draft, note, revision),
        Err(ClipError::DoesNotFit(failed)) => {
            // Nothing can be sent, but the agent still sees (and hears) the file, and
            // what to do about it.
            let source = draft.info.source.clone();
            let info = inspect::inspect(&source)?;
            let decoded = draft.dir.join(PREVIEW_FILE);
            let heard = preview::stream(&source, BARS, info.duration_ms, Some(&decoded))?;
            let mut verdicts = vec![*failed.clone()];
            if failed.check != VerdictCheck::Duration && platform.facts().max_duration.is_some() {
                verdicts.push(limits::duration_verdict(platform, info.duration()));
            }
            draft.info.platform = platform;
            let id = draft.info.id.clone();
            let view = ClipView {
                id: id.clone(),
                platform,
                // Nothing was made for the platform: this is the file as it is.
                format: crate::lang::current()
                    .say(&Words::new("clip-not-converted").words("format", info.format_words())),
                duration_ms: info.duration_ms as u32,
                bytes: info.bytes as u32,
                passed_through: false,
                trimmed: false,
                verdicts: verdicts.iter().map(verdict_view).collect(),
                sendable: false,
                peaks: heard.peaks,
                audio_url: audio_url(&format!("{id}?v={revision}")),
                own_audio: None,
                source: draft.info.source_name.clone(),
            };
            Ok((
                StoredClip {
                    note: None,
                    audio: Playable {
                        path: decoded,
                        mime: "audio/wav",
                    },
                    draft,
                    revision,
                },
                view,
            ))
        }
        Err(other) => {
            // Nothing to preview: a draft that was never shown goes (an open one stays,
            // with the note it had).
            if draft.info.note_file.is_none() {
                draft.remove();
            }
            Err(other.into())
        }
    }
}

/// Makes the note (kept in its draft) audible for the preview.
pub fn open_clip(
    draft: Draft,
    note: Note,
    revision: u32,
) -> Result<(StoredClip, ClipView), CommandError> {
    let kept = draft.note_path().ok_or_else(clip_gone)?;
    // What the player plays is on disk, read a range at a time when asked: the note
    // itself for Ogg/Opus, else the note decoded at the codec's own rate (AMR 8 kHz).
    // Both, and the waveform, come from one streaming pass.
    let audio = if is_ogg_opus(&note.bytes) {
        Playable {
            path: kept.clone(),
            mime: "audio/ogg",
        }
    } else {
        Playable {
            path: draft.dir.join(PREVIEW_FILE),
            mime: "audio/wav",
        }
    };
    let decoded = match &audio {
        Playable { path, .. } if path != &kept => Some(path.clone()),
        _ => None,
    };
    let heard = preview::stream(&kept, BARS, note.duration_ms, decoded.as_deref())?;
    let id = draft.info.id.clone();
    let view = ClipView {
        id: id.clone(),
        platform: note.platform,
        format: note.format.label().into(),
        duration_ms: note.duration_ms as u32,
        bytes: note.size as u32,
        passed_through: note.passed_through,
        trimmed: note.trimmed_to_limit,
        verdicts: note.verdicts.iter().map(verdict_view).collect(),
        sendable: !note.verdicts.iter().any(|v| v.level == Level::Fail),
        peaks: heard.peaks,
        audio_url: audio_url(&format!("{id}?v={revision}")),
        own_audio: own_audio::offer(&kept, &audio_url(&format!("{id}?v={revision}"))),
        source: draft.info.source_name.clone(),
    };
    // Making a long note (decoding, encoding, the preview's pass) freed far more than
    // it keeps.
    crate::heap::give_back();
    Ok((
        StoredClip {
            note: Some(Note {
                bytes: Vec::new(),
                ..note
            }),
            audio,
            draft,
            revision,
        },
        view,
    ))
}

/// The note kept for a clip with its bytes, read back from the draft (the preview does
/// not hold them): exactly the note that was made and checked, or `clip_gone`.
pub fn with_bytes(note: Note, draft: &Draft) -> Result<Note, CommandError> {
    let bytes = draft
        .note_path()
        .and_then(|path| std::fs::read(path).ok())
        .filter(|bytes| bytes.len() as u64 == note.size)
        .ok_or_else(clip_gone)?;
    Ok(Note { bytes, ..note })
}

pub fn io_error(e: std::io::Error) -> CommandError {
    CommandError::shell(
        "clip_unwritable",
        Words::new("app-error-clip-unwritable").text("detail", e.to_string()),
        Words::new("app-remedy-clip-unwritable"),
    )
}

/// Forgets a clip after it was sent or discarded: its draft (note and raw take) is
/// deleted from disk; an imported file stays where it is.
#[tauri::command]
#[specta::specta]
pub fn discard_clip(state: State<'_, Hark>, id: String) {
    if let Some(clip) = state.clips().remove(&id) {
        clip.draft.remove();
    }
    crate::heap::give_back();
}
