use serde::Serialize;

use crate::CommandError;

/// What the About line and the empty history show.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    /// Where notes, history and settings are kept.
    pub data_dir: String,
}

/// The app's version and data folder (created if missing).
#[tauri::command]
#[specta::specta]
pub fn app_info() -> Result<AppInfo, CommandError> {
    let dir = hark_core::paths::ensure_data_dir()?;
    Ok(AppInfo {
        version: hark_core::VERSION.to_string(),
        data_dir: dir.display().to_string(),
    })
}
