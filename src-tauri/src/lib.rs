//! The desktop shell: window, commands that call hark-core, nothing else.

pub mod bindings;
mod commands;
mod error;

pub use error::CommandError;

/// Opens the main window and runs until it closes.
pub fn run() {
    let commands = bindings::builder();
    let result = tauri::Builder::default()
        .invoke_handler(commands.invoke_handler())
        .setup(move |app| {
            commands.mount_events(app);
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
