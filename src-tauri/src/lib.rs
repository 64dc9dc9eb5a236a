//! The desktop shell: window, commands that call hark-core, nothing else.

// A command's error is made once and serialised to the UI; its size on the stack does
// not matter, and a flat struct keeps the TypeScript shape flat.
#![allow(clippy::result_large_err)]

pub mod bindings;
mod clip_protocol;
mod commands;
mod error;
mod fixes;
mod shortcut;
mod state;

pub use error::CommandError;

/// Set (to anything) by end-to-end tests, in a build with the `e2e` feature only: lets
/// the page deliver a file drop event, close and size the window.
pub const E2E_DROP_ENV: &str = "HARK_E2E_DROP";

/// Opens the main window and runs until it closes.
pub fn run() {
    let commands = bindings::builder();
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
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
            // Closing with a recording or an unsent note asks first (the page shows
            // the question and calls `quit` when the agent says so).
            if let tauri::WindowEvent::CloseRequested { api, .. } = event
                && window.state::<state::Hark>().has_unfinished_work()
            {
                api.prevent_close();
                let _ = window.emit(commands::quit::CLOSE_REQUESTED, ());
            }
        })
        .setup(move |app| {
            commands.mount_events(app);
            shortcut::register(app.handle());
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
