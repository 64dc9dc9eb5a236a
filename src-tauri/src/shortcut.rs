//! The global shortcut that toggles recording from anywhere (another app in front):
//! Ctrl+Shift+Space (Cmd+Shift+Space on macOS). The shell tells the window, which
//! starts or stops the recording exactly as the record button does.

use tauri::{AppHandle, Emitter, Runtime};
use tauri_plugin_global_shortcut::{GlobalShortcutExt, ShortcutState};

pub const SHORTCUT: &str = "CommandOrControl+Shift+Space";
/// The event the window listens for.
pub const TOGGLE_EVENT: &str = "hark://toggle-recording";

/// Registers the shortcut. A desktop that refuses global shortcuts (some Wayland
/// compositors) leaves the app fully usable; the reason goes to stderr.
pub fn register<R: Runtime>(app: &AppHandle<R>) {
    let result = app
        .global_shortcut()
        .on_shortcut(SHORTCUT, |app, _, event| {
            if event.state == ShortcutState::Pressed {
                let _ = app.emit_to("main", TOGGLE_EVENT, ());
            }
        });
    if let Err(err) = result {
        eprintln!("Hark: the global shortcut {SHORTCUT} is not available here: {err}");
    }
}
