//! The desktop shell: window, commands that call hark-core, nothing else.

// A command's error is made once and serialised to the UI; its size on the stack does
// not matter, and a flat struct keeps the TypeScript shape flat.
#![allow(clippy::result_large_err)]

mod audio_server;
mod autostart;
pub mod bindings;
mod byte_range;
mod chooser;
mod clip_protocol;
mod commands;
mod compositing;
mod error;
mod events;
mod fixes;
mod heap;
mod lang;
mod notify;
mod opened;
mod own_audio;
mod shortcut;
mod state;
mod tray;

pub use error::CommandError;

/// Set (to anything) by end-to-end tests, in a build with the `e2e` feature only: lets
/// the page deliver a file drop event, close and size the window.
pub const E2E_DROP_ENV: &str = "HARK_E2E_DROP";

/// The app's identifier (tauri.conf.json), which names its single-instance lock.
const IDENTIFIER: &str = "app.hark.desktop";

/// Remembers the window's size, place and maximised state, in the data folder (beside
/// the settings, so that each data folder has its own; the plugin joins the name to
/// its config folder, and an absolute name replaces that folder).
fn window_state<R: tauri::Runtime>(
    data_dir: Option<&std::path::Path>,
) -> tauri::plugin::TauriPlugin<R> {
    use tauri_plugin_window_state::StateFlags;
    let mut builder = tauri_plugin_window_state::Builder::new()
        .with_state_flags(StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED);
    if let Some(dir) = data_dir {
        builder = builder.with_filename(dir.join("window-state.json").display().to_string());
    }
    builder.build()
}

/// Opens the main window and runs until it closes.
pub fn run() {
    heap::configure();
    compositing::configure();
    let commands = bindings::builder();
    let data_dir = hark_core::paths::data_dir();
    // Bound before the window opens, so that every note the page is given is served by
    // it (see `audio_server`).
    let audio_server = audio_server::Bound::new();
    let result = tauri::Builder::default()
        // First, so that a second launch hands over its files and ends before the
        // rest starts: one Hark per data folder, brought to the front.
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(opened::instance_id(IDENTIFIER, data_dir.as_deref()))
                .callback(|app, args, cwd| {
                    opened::open(app, opened::files_in(args, std::path::Path::new(&cwd)))
                })
                .build(),
        )
        .plugin(window_state(data_dir.as_deref()))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(autostart::plugin())
        .plugin(tauri_plugin_global_shortcut::Builder::new().build())
        .manage(state::Hark::open())
        .register_uri_scheme_protocol("clip", clip_protocol::handle)
        .invoke_handler(commands.invoke_handler())
        .on_window_event(|window, event| {
            use tauri::{Emitter, Manager};
            // A file dropped on the window is one the person chose: the page may import
            // it (and nothing else it names).
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                window.state::<state::Hark>().choose(paths);
            }
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                let hark = window.state::<state::Hark>();
                if hark.is_busy() && tray::host_present() {
                    // Recording or sending goes on, in the tray (said once a run).
                    api.prevent_close();
                    let _ = window.hide();
                    notify::kept_in_tray(window.app_handle(), hark.recording().is_some());
                } else if hark.has_unfinished_work() {
                    // With a recording or an unsent note (and no tray to keep it in),
                    // closing asks first: the page shows the question and calls `quit`
                    // when the agent says so.
                    api.prevent_close();
                    let _ = window.emit(events::CLOSE_REQUESTED, ());
                }
            }
        })
        .setup(move |app| {
            use tauri::Manager;
            commands.mount_events(app);
            if let Some(server) = audio_server {
                let handle = app.handle().clone();
                server.serve(std::sync::Arc::new(
                    move |path: &str, query: Option<&str>| {
                        clip_protocol::audio_at(&handle.state::<state::Hark>(), path, query)
                    },
                ));
            }
            // `hark-app FILE` (and "Open with Hark"): the file goes to the preview.
            let cwd = std::env::current_dir().unwrap_or_default();
            let files = opened::files_in(std::env::args(), &cwd);
            if !files.is_empty() {
                app.state::<state::Hark>().open_files(files);
            }
            let saved = app
                .state::<state::Hark>()
                .outbox()
                .ok()
                .and_then(|o| hark_core::settings::Settings::load(o.db()).ok())
                .unwrap_or_default();
            lang::choose(saved.language);
            shortcut::register_saved(app.handle(), &saved.shortcut, saved.shortcut_mode);
            tray::install(app.handle());
            // Started at login (`--in-tray`): the window stays hidden in the tray, if
            // the desktop shows one; otherwise, and always else, it is shown.
            let in_tray = std::env::args().any(|a| a == autostart::IN_TRAY);
            if !(in_tray && tray::host_present())
                && let Some(window) = app.get_webview_window("main")
            {
                let _ = window.show();
            }
            #[cfg(feature = "e2e")]
            if std::env::var_os(E2E_DROP_ENV).is_some() {
                // End-to-end tests cannot drag a file from another program, so they
                // deliver a drop as the window does: the `tauri://drag-drop` event
                // sent to this webview, which the shell hears too and takes as chosen.
                // Only in an e2e build, with this variable set, may the page send it;
                // likewise close the window as its close button does, and size it as a
                // person would.
                use tauri::{Listener, Manager};
                app.add_capability(
                    tauri::ipc::CapabilityBuilder::new("e2e-drop")
                        .window("main")
                        .permission("core:event:allow-emit-to")
                        .permission("core:window:allow-close")
                        .permission("core:window:allow-set-size"),
                )?;
                let handle = app.handle().clone();
                app.listen_any("tauri://drag-drop", move |event| {
                    #[derive(serde::Deserialize)]
                    struct Dropped {
                        paths: Vec<std::path::PathBuf>,
                    }
                    if let Ok(dropped) = serde_json::from_str::<Dropped>(event.payload()) {
                        handle.state::<state::Hark>().choose(&dropped.paths);
                    }
                });
            }
            Ok(())
        })
        .run(tauri::generate_context!());
    if let Err(err) = result {
        eprintln!(
            "Hark could not open its window: {err}\n\
             Check that a desktop session is running (DISPLAY or WAYLAND_DISPLAY is set), \
             or use the `hark` command, which needs no window."
        );
        std::process::exit(1);
    }
}
