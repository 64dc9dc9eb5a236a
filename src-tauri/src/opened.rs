//! Files handed to Hark by the desktop: `hark-app FILE`, "Open with Hark" on a file,
//! or a second launch with a file while Hark is running (the single-instance plugin
//! brings the arguments to the running window). Each is the person's choice, like a
//! file dropped on the window: it is queued for the page, which imports the newest.

use std::path::{Path, PathBuf};

use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::events;
use crate::state::Hark;

/// The files named on a command line: every argument after the program's name that
/// is not an option, resolved against `cwd` (the launching process's folder).
pub fn files_in(args: impl IntoIterator<Item = String>, cwd: &Path) -> Vec<PathBuf> {
    args.into_iter()
        .skip(1)
        .filter(|arg| !arg.is_empty() && !arg.starts_with('-'))
        .map(|arg| cwd.join(arg))
        .collect()
}

/// Takes `paths` as chosen and tells the page; brings the window to the front.
pub fn open<R: Runtime>(app: &AppHandle<R>, paths: Vec<PathBuf>) {
    if !paths.is_empty() {
        app.state::<Hark>().open_files(paths);
        let _ = app.emit_to("main", events::FILES_OPENED, ());
    }
    show_window(app);
}

/// Brings the window to the front (from the tray, or from behind other windows).
pub fn show_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

/// The D-Bus name that makes Hark one instance per data folder: a second launch with
/// the same folder hands its files to the first, while Harks with their own folders
/// (a portable copy, the tests) run side by side.
pub fn instance_id(identifier: &str, data_dir: Option<&Path>) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    data_dir.hash(&mut hasher);
    // A bus name's elements may not begin with a digit.
    format!("{identifier}.i{:016x}", hasher.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_line_names_files_after_the_program_and_options_are_skipped() {
        let args = ["hark-app", "note.m4a", "--verbose", "/tmp/abs.wav", ""].map(String::from);
        assert_eq!(
            files_in(args, Path::new("/home/agent")),
            [
                PathBuf::from("/home/agent/note.m4a"),
                PathBuf::from("/tmp/abs.wav")
            ]
        );
        assert!(files_in(["hark-app".to_string()], Path::new("/")).is_empty());
    }

    #[test]
    fn each_data_folder_is_its_own_instance_and_the_name_is_a_valid_bus_name() {
        let a = instance_id(
            "app.hark.desktop",
            Some(Path::new("/home/a/.local/share/hark")),
        );
        let b = instance_id("app.hark.desktop", Some(Path::new("/tmp/portable")));
        assert_ne!(a, b);
        assert_eq!(
            a,
            instance_id(
                "app.hark.desktop",
                Some(Path::new("/home/a/.local/share/hark"))
            )
        );
        for name in [a, b] {
            for element in name.split('.') {
                assert!(!element.is_empty() && !element.starts_with(|c: char| c.is_ascii_digit()));
                assert!(
                    element
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                );
            }
        }
    }
}
