//! Notes left unsent by a closed window or a crash, offered back at the next start:
//! drafts (a recording stopped, or a file imported, and not sent) and takes whose
//! recording was cut off (the spool of a process that is gone).

use hark_core::audio::watch::Watch;
use hark_core::draft::{Drafts, Origin, TAKE_FILE};
use hark_core::i18n::Words;
use hark_core::platform::Platform;
use hark_core::record::spool;
use serde::Serialize;
use tauri::State;

use super::clips::{ClipView, io_error, make_clip};
use crate::CommandError;
use crate::state::{Hark, blocking};

#[derive(Debug, Clone, Copy, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum DraftKind {
    /// A recording that was stopped and not sent.
    Recorded,
    /// A file that was dropped or picked and not sent.
    Imported,
    /// A recording cut off while it was under way (the window closed, Hark crashed).
    Interrupted,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DraftView {
    pub id: String,
    pub kind: DraftKind,
    /// When it was made (RFC 3339, UTC).
    pub created_at: String,
    pub duration_ms: u32,
    /// The imported file's name.
    pub name: Option<String>,
    /// The platform it was made for.
    pub platform: Platform,
}

/// Unsent notes and cut-off recordings from earlier runs, newest first (none of the
/// ones open in this window).
#[tauri::command]
#[specta::specta]
pub async fn unsent_drafts(state: State<'_, Hark>) -> Result<Vec<DraftView>, CommandError> {
    let data_dir = state.data_dir()?;
    let open: Vec<String> = state.clips().keys().cloned().collect();
    blocking(move || {
        let mut found: Vec<(u64, DraftView)> = Drafts::new(&data_dir)
            .unsent()
            .into_iter()
            .filter(|d| !open.contains(&d.info.id))
            .map(|d| {
                let view = DraftView {
                    id: d.info.id.clone(),
                    kind: match d.info.origin {
                        Origin::Recorded => DraftKind::Recorded,
                        Origin::Imported => DraftKind::Imported,
                    },
                    created_at: rfc3339(d.info.created),
                    duration_ms: d.info.duration_ms as u32,
                    name: d.info.source_name.clone(),
                    platform: d.info.platform,
                };
                (d.info.created, view)
            })
            .collect();
        found.extend(
            spool::interrupted(&data_dir.join("spool"))
                .into_iter()
                .filter(|t| {
                    // A take cut off before any sound reached the disk holds nothing.
                    if t.duration_ms == 0 {
                        t.remove();
                    }
                    t.duration_ms > 0
                })
                // A take names its platform by id; one this Hark does not know (a
                // newer Hark's) is left for that Hark.
                .filter_map(|t| {
                    let view = DraftView {
                        id: t.info.id.clone(),
                        kind: DraftKind::Interrupted,
                        created_at: rfc3339(t.info.started),
                        duration_ms: t.duration_ms as u32,
                        name: None,
                        platform: t.info.platform.parse().ok()?,
                    };
                    Some((t.info.started, view))
                }),
        );
        found.sort_by_key(|(created, _)| std::cmp::Reverse(*created));
        Ok(found.into_iter().map(|(_, v)| v).collect())
    })
    .await
}

/// Opens an unsent note (or a cut-off recording) in the preview, made for `platform`.
#[tauri::command]
#[specta::specta]
pub async fn restore_draft(
    state: State<'_, Hark>,
    id: String,
    platform: Platform,
) -> Result<ClipView, CommandError> {
    let data_dir = state.data_dir()?;
    let (stored, view) = blocking(move || {
        let drafts = Drafts::new(&data_dir);
        if let Some(draft) = drafts.get(&id) {
            return make_clip(draft, platform, 0, &Watch::none());
        }
        let take = spool::interrupted(&data_dir.join("spool"))
            .into_iter()
            .find(|t| t.info.id == id)
            .ok_or_else(gone)?;
        // The cut-off take becomes a draft like any stopped recording: its raw take
        // first, then the note; the spool goes only once both are on disk.
        let recorded_for: Platform = take.info.platform.parse().unwrap_or(platform);
        let mut draft = drafts
            .create(Origin::Recorded, None, recorded_for, take.info.clean)
            .map_err(io_error)?;
        draft.info.trim = true;
        take.to_wav(&draft.dir.join(TAKE_FILE)).map_err(io_error)?;
        let made = make_clip(draft, platform, 0, &Watch::none());
        if made.is_ok() {
            take.remove();
        }
        made
    })
    .await?;
    state.clips().insert(view.id.clone(), stored);
    Ok(view)
}

/// Throws away an unsent note or a cut-off recording, from disk.
#[tauri::command]
#[specta::specta]
pub async fn discard_draft(state: State<'_, Hark>, id: String) -> Result<(), CommandError> {
    let data_dir = state.data_dir()?;
    blocking(move || {
        if let Some(draft) = Drafts::new(&data_dir).get(&id) {
            draft.remove();
        } else if let Some(take) = spool::interrupted(&data_dir.join("spool"))
            .into_iter()
            .find(|t| t.info.id == id)
        {
            take.remove();
        }
        Ok(())
    })
    .await
}

fn gone() -> CommandError {
    CommandError::shell(
        "draft_gone",
        Words::new("app-error-draft-gone"),
        Words::new("app-remedy-draft-gone"),
    )
}

fn rfc3339(unix_secs: u64) -> String {
    hark_core::clock::rfc3339(unix_secs as i64 * 1000)
}
