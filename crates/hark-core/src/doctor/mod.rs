//! `hark doctor`: what an agent or their IT runs when something does not work.
//!
//! Each check makes a real call (opens the microphone's format, round-trips a value
//! through the keychain, writes to the data folder) and ends in a verdict a person can
//! read, with what to do about a problem.

mod audio;
mod check;
mod data_dir;
mod keychain;

pub use check::{Check, Status};

use serde::Serialize;

use crate::audio::InputInventory;

/// Everything `hark doctor` found.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub version: &'static str,
    /// True when every check passed.
    pub ok: bool,
    pub checks: Vec<Check>,
    /// The input devices, when they could be listed.
    pub audio: Option<InputInventory>,
    /// The data folder, when the OS could name one.
    pub data_dir: Option<std::path::PathBuf>,
}

/// Runs every check; the slow ones (sound server, keychain) run side by side.
pub fn run() -> Report {
    let (audio, keychain, data_dir) = std::thread::scope(|s| {
        let audio = s.spawn(audio::check);
        let keychain = s.spawn(keychain::check);
        let data_dir = data_dir::check();
        (
            audio.join().expect("audio check panicked"),
            keychain.join().expect("keychain check panicked"),
            data_dir,
        )
    });
    let (audio_check, inventory) = audio;
    let checks = vec![audio_check, keychain, data_dir];
    Report {
        version: crate::VERSION,
        ok: checks.iter().all(|c| c.status == Status::Ok),
        checks,
        audio: inventory,
        data_dir: crate::paths::data_dir(),
    }
}
