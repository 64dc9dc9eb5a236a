//! Audio from a link, pasted or dropped on the window: fetched into a draft of its own
//! (so that the note can be made again from it, and survives a restart), then made
//! into the account's note as a chosen file is.

use std::sync::atomic::Ordering;

use hark_core::audio::link;
use hark_core::audio::watch::Watch;
use hark_core::draft::{Drafts, Origin};
use hark_core::platform::Platform;
use tauri::State;
use tauri::ipc::Channel;

use super::clips::{ClipView, ImportProgress, io_error, make_clip, progress_to};
use crate::CommandError;
use crate::state::{Hark, blocking};

/// The folder of a draft that a link's file is fetched into.
const LINKED_DIR: &str = "linked";

/// Fetches the audio at `link` and makes it into `platform`'s note for the preview, as
/// `import_clip` does a file; progress comes as `Fetching`, then as for a file, and
/// `cancel_import` stops it.
#[tauri::command]
#[specta::specta]
pub async fn import_link(
    state: State<'_, Hark>,
    link: String,
    platform: Platform,
    on_progress: Channel<ImportProgress>,
) -> Result<ClipView, CommandError> {
    let drafts = Drafts::new(&state.data_dir()?);
    let cancel = state.start_work();
    let (stored, view) = blocking(move || {
        let mut draft = drafts
            .create(Origin::Imported, None, platform, false)
            .map_err(io_error)?;
        // In a folder of its own: a link may name its file as the draft names its own
        // (draft.json, preview.wav), and must never stand in for one.
        let into = draft.dir.join(LINKED_DIR);
        let fetched = std::fs::create_dir(&into).map_err(io_error).and_then(|()| {
            let cap = link::size_cap(Some(platform));
            link::fetch_into(&link, cap, &into, &|got, total| {
                let _ = on_progress.send(ImportProgress::Fetching {
                    got: got as f64,
                    total: total.map(|t| t as f64),
                });
                !cancel.load(Ordering::Acquire)
            })
            .map_err(CommandError::from)
        });
        let (file, shown) = match fetched {
            Ok(got) => got,
            Err(e) => {
                draft.remove();
                return Err(e);
            }
        };
        draft.info.source = file;
        draft.info.source_name = Some(shown);
        let report = progress_to(on_progress);
        make_clip(draft, platform, 0, &Watch::new(&report, &cancel))
    })
    .await?;
    state.clips().insert(view.id.clone(), stored);
    Ok(view)
}
