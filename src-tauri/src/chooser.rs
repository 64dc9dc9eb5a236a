//! The system's file dialog: a file the person picks there is one the page may then
//! have Hark read (a note to import, a list of contacts).

use crate::CommandError;
use crate::state::{Hark, blocking};

/// Asks the person for one file of the kind `filter` names (with these extensions);
/// the one they pick is taken as chosen. `None` when they cancel.
pub async fn choose_one(
    app: tauri::AppHandle,
    state: &Hark,
    filter: &'static str,
    extensions: &'static [&'static str],
) -> Result<Option<String>, CommandError> {
    use tauri_plugin_dialog::DialogExt;
    let picked = blocking(move || {
        Ok(app
            .dialog()
            .file()
            .add_filter(filter, extensions)
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok()))
    })
    .await?;
    Ok(picked.map(|path| {
        state.choose(std::slice::from_ref(&path));
        path.display().to_string()
    }))
}
