//! Starting Hark at login, in the tray: the desktop's own autostart entry (an XDG
//! autostart file on Linux, a login item on macOS, a Run key on Windows), written and
//! removed by Tauri's autostart plugin. The entry starts `hark-app --in-tray`.

use hark_core::i18n::Words;
use tauri::{AppHandle, Runtime};
use tauri_plugin_autostart::ManagerExt;

use crate::CommandError;

/// The argument the autostart entry passes: start with the window hidden in the tray.
pub const IN_TRAY: &str = "--in-tray";

/// The plugin, named as the desktop lists Hark.
pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    tauri_plugin_autostart::Builder::new()
        .app_name("Hark")
        .arg(IN_TRAY)
        .build()
}

/// Whether Hark starts at login.
pub fn is_on<R: Runtime>(app: &AppHandle<R>) -> bool {
    app.autolaunch().is_enabled().unwrap_or(false)
}

/// Turns starting at login on or off.
pub fn set<R: Runtime>(app: &AppHandle<R>, on: bool) -> Result<(), CommandError> {
    if on == is_on(app) {
        return Ok(());
    }
    #[cfg(target_os = "linux")]
    if on {
        // The plugin makes the autostart folder but not the config folder above it.
        use tauri::Manager;
        if let Ok(home) = app.path().home_dir() {
            let _ = std::fs::create_dir_all(home.join(".config"));
        }
    }
    let manager = app.autolaunch();
    let done = if on {
        manager.enable()
    } else {
        manager.disable()
    };
    done.map_err(|err| {
        let message = match on {
            true => "app-error-autostart-on",
            false => "app-error-autostart-off",
        };
        CommandError::shell(
            "autostart_failed",
            Words::new(message).text("detail", err.to_string()),
            Words::new("app-remedy-autostart"),
        )
        .in_field("startAtLogin")
    })
}
