//! The events the shell sends the page, by name (the page listens in App.svelte).

/// The window was asked to close with work in it: the page asks the agent first.
pub const CLOSE_REQUESTED: &str = "hark://close-requested";
/// The global shortcut in toggle mode: start or stop recording.
pub const TOGGLE_RECORDING: &str = "hark://toggle-recording";
/// The global shortcut in hold-to-talk mode: `true` when the keys go down, `false`
/// when they are let go.
pub const HOLD_RECORDING: &str = "hark://hold-recording";
/// Files were opened (a launch with files, or "Open with Hark"): the page takes them
/// with `take_opened_files`.
pub const FILES_OPENED: &str = "hark://files-opened";
