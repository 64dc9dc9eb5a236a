//! Closing the window never loses a note: while a recording is under way or a note is
//! unsent, the window asks first (the shell holds the close and tells the page); the
//! agent's answer comes back here.

use tauri::{AppHandle, State};

use super::record::keep_take;
use crate::CommandError;
use crate::state::{Hark, blocking};

/// Quits Hark. A recording under way is stopped and kept as a draft first; unsent
/// notes are drafts already. All of them are offered back at the next start.
#[tauri::command]
#[specta::specta]
pub async fn quit(app: AppHandle, state: State<'_, Hark>) -> Result<(), CommandError> {
    let recording = state.recording().take();
    if let Some(recording) = recording {
        let data_dir = state.data_dir()?;
        blocking(move || keep_take(&data_dir, recording).map(|_| ())).await?;
    }
    state.set_quitting();
    app.exit(0);
    Ok(())
}
