//! Clips: a dropped or picked file made into the platform's note, checked, and made
//! audible for the preview (served to the webview as `clip://localhost/<id>`).

use hark_core::audio::convert::{ConvertOptions, Note, convert};
use hark_core::audio::error::ClipError;
use hark_core::audio::{inspect, preview};
use hark_core::platform::{Level, Platform, Verdict, limits};
use serde::Serialize;
use tauri::State;

use crate::CommandError;
use crate::state::{Hark, Playable, StoredClip, blocking};

/// Bars in the preview's waveform.
pub const BARS: usize = 160;

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ClipView {
    pub id: String,
    pub platform: String,
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
    /// Where the preview's audio is served.
    pub audio_url: String,
    /// The file's name, for an import.
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VerdictView {
    /// `format`, `duration`, `size`, `play_icon`.
    pub check: String,
    /// `ok`, `warn` or `fail`.
    pub level: String,
    pub code: Option<String>,
    pub message: String,
    /// The fix, for a warning or a failure.
    pub remedy: Option<String>,
}

pub fn verdict_view(v: &Verdict) -> VerdictView {
    VerdictView {
        check: v.check.into(),
        level: match v.level {
            Level::Ok => "ok",
            Level::Warn => "warn",
            Level::Fail => "fail",
        }
        .into(),
        code: v.code.map(str::to_owned),
        message: v.message.clone(),
        remedy: v.remedy.clone(),
    }
}

/// The URL the webview plays a clip from (Windows serves custom schemes over http).
pub fn audio_url(path: &str) -> String {
    if cfg!(windows) {
        format!("http://clip.localhost/{path}")
    } else {
        format!("clip://localhost/{path}")
    }
}

fn new_id() -> String {
    format!("c{:012x}", fastrand::u64(..) & 0xffff_ffff_ffff)
}

/// Makes `path` into `platform`'s note (or, when it cannot fit, says why), and keeps it
/// for the preview and the send. `trim` keeps the start of a file that is too long.
#[tauri::command]
#[specta::specta]
pub async fn import_clip(
    state: State<'_, Hark>,
    path: String,
    platform: String,
    trim: bool,
) -> Result<ClipView, CommandError> {
    let platform: Platform = platform.parse().map_err(CommandError::from)?;
    let data_dir = state.data_dir()?;
    let (stored, view) = blocking(move || make_clip(&data_dir, &path, platform, trim)).await?;
    state.clips().insert(view.id.clone(), stored);
    Ok(view)
}

fn make_clip(
    data_dir: &std::path::Path,
    path: &str,
    platform: Platform,
    trim: bool,
) -> Result<(StoredClip, ClipView), CommandError> {
    let source = std::path::Path::new(path);
    let name = source.file_name().map(|n| n.to_string_lossy().into_owned());
    let id = new_id();
    let opts = ConvertOptions {
        clean: false,
        trim_to_limit: trim,
    };
    match convert(source, platform, opts) {
        Ok(note) => keep_note(data_dir, note, name),
        Err(ClipError::DoesNotFit(failed)) => {
            // Nothing can be sent, but the agent still sees (and hears) the file, and
            // what to do about it.
            let info = inspect::inspect(source)?;
            let heard = preview::preview(source, BARS)?;
            let facts = platform.facts();
            let mut verdicts = vec![failed.clone()];
            if failed.check != "duration"
                && let Some(max) = facts.max_duration
            {
                verdicts.push(Verdict {
                    check: "duration",
                    level: Level::Ok,
                    code: None,
                    message: format!(
                        "Duration {} — within {}'s {}",
                        limits::clock(info.duration()),
                        facts.name,
                        limits::clock(max)
                    ),
                    remedy: None,
                });
            }
            let view = ClipView {
                id: id.clone(),
                platform: platform.id().into(),
                // Nothing was made for the platform: this is the file as it is.
                format: format!("{} (not converted)", info.format_label()),
                duration_ms: info.duration_ms as u32,
                bytes: info.bytes as u32,
                passed_through: false,
                trimmed: false,
                verdicts: verdicts.iter().map(verdict_view).collect(),
                sendable: false,
                peaks: heard.peaks,
                audio_url: audio_url(&id),
                source: name,
            };
            Ok((
                StoredClip {
                    note: None,
                    audio: Playable {
                        bytes: heard.wav,
                        mime: "audio/wav",
                    },
                },
                view,
            ))
        }
        Err(other) => Err(other.into()),
    }
}

/// Keeps a note made for a platform (imported or recorded) in the data folder, and
/// makes it audible for the preview.
pub fn keep_note(
    data_dir: &std::path::Path,
    note: Note,
    source: Option<String>,
) -> Result<(StoredClip, ClipView), CommandError> {
    let id = new_id();
    let dir = data_dir.join("clips");
    std::fs::create_dir_all(&dir).map_err(io_error)?;
    let kept = dir.join(format!("{id}-{}", note.file_name));
    hark_core::files::write_atomically(&kept, &note.bytes).map_err(io_error)?;
    let heard = preview::preview(&kept, BARS)?;
    let view = ClipView {
        id: id.clone(),
        platform: note.platform.id().into(),
        format: note.format.label().into(),
        duration_ms: note.duration_ms as u32,
        bytes: note.size as u32,
        passed_through: note.passed_through,
        trimmed: note.trimmed_to_limit,
        verdicts: note.verdicts.iter().map(verdict_view).collect(),
        sendable: !note.verdicts.iter().any(|v| v.level == Level::Fail),
        peaks: heard.peaks,
        audio_url: audio_url(&id),
        source,
    };
    let audio = Playable::of(&note.bytes, || heard.wav);
    Ok((
        StoredClip {
            note: Some(note),
            audio,
        },
        view,
    ))
}

fn io_error(e: std::io::Error) -> CommandError {
    CommandError::shell(
        "clip_unwritable",
        format!("Hark could not keep the note in its data folder: {e}"),
        "Check that the disk has free space.",
    )
}

/// Forgets a clip (after it was sent or discarded).
#[tauri::command]
#[specta::specta]
pub fn discard_clip(state: State<'_, Hark>, id: String) {
    state.clips().remove(&id);
}
