//! The rig: real components started for a test and stopped when it ends.
//!
//! Each piece is private to the test that starts it (its own runtime folder, bus,
//! display and ports), so tests can run side by side, and each stops in `Drop`, so a
//! failing test leaves nothing running.
//!
//! - [`pulse::VirtualMic`]: a PulseAudio server whose default source plays a signal.
//! - [`keychain::Keychain`]: a private D-Bus session with gnome-keyring's Secret
//!   Service, unlocked.
//! - [`desktop::AppSession`]: Xvfb + tauri-driver + WebKitWebDriver driving the real app.
//! - [`bins`]: the workspace's built binaries (`hark`, `hark-app`).
//! - [`db_lock::DbLock`]: another program holding the database's write lock.
//! - [`faults::FaultProxy`]: a proxy that injects network faults in front of a fake.
//! - [`shell::Shell`]: a stand-in desktop shell (tray host, notification server).
//! - [`small_disk::SmallDisk`]: a tmpfs over a folder, to fill.
//! - [`x_capture`]: a window's picture from the X server, as PNG.

pub mod accounts;
pub mod api_server;
pub mod bins;
pub mod db_lock;
pub mod desktop;
pub mod fakes;
pub mod faults;
pub mod file_server;
pub mod keychain;
pub mod media;
pub mod process;
pub mod pulse;
pub mod recording;
pub mod shell;
pub mod small_disk;
pub mod wait;
pub mod words;
pub mod x_capture;

/// Environment variables to hand to a child process.
pub type Env = Vec<(String, String)>;
