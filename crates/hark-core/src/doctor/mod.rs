//! `hark doctor`: what an agent or their IT runs when something does not work.
//!
//! Each check makes a real call (opens the microphone's format, round-trips a value
//! through the keychain, writes to the data folder) and ends in a verdict a person can
//! read, with what to do about a problem.

mod audio;
mod data_dir;
mod keychain;

use serde::Serialize;

use crate::UserError;
use crate::audio::InputInventory;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    Problem,
}

/// One check's outcome.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    /// `audio`, `keychain` or `data_dir`.
    pub id: &'static str,
    /// What was checked, for people ("Microphone").
    pub title: &'static str,
    pub status: Status,
    /// One sentence on what was found.
    pub verdict: String,
    /// The stable error code, for a problem.
    pub code: Option<&'static str>,
    /// What to do, for a problem.
    pub remedy: Option<String>,
}

impl Check {
    fn ok(id: &'static str, title: &'static str, verdict: String) -> Self {
        Check {
            id,
            title,
            status: Status::Ok,
            verdict,
            code: None,
            remedy: None,
        }
    }

    fn problem(id: &'static str, title: &'static str, err: &dyn UserError) -> Self {
        Check {
            id,
            title,
            status: Status::Problem,
            verdict: err.to_string(),
            code: Some(err.code()),
            remedy: Some(err.remedy()),
        }
    }
}

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
