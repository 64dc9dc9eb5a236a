//! The files opened with Hark (a command line, "Open with Hark", a second launch).

use crate::state::Hark;

/// The files opened since the page last asked, oldest first; the page imports the
/// newest (as it does a drop). Each has been taken as the person's choice.
#[tauri::command]
#[specta::specta]
pub fn take_opened_files(state: tauri::State<'_, Hark>) -> Vec<String> {
    state
        .take_opened()
        .into_iter()
        .map(|path| path.display().to_string())
        .collect()
}
