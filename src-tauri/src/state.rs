//! What the shell keeps while the window is open: the outbox (accounts, history) and
//! the clips being previewed.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;

use hark_core::audio::convert::Note;
use hark_core::outbox::Outbox;
use hark_core::record::Recording;

use crate::CommandError;

/// A clip ready to preview, and (when it fits) to send.
pub struct StoredClip {
    /// The note as made for the platform, or `None` when the file cannot fit.
    pub note: Option<Note>,
    /// The decoded audio the preview plays (WAV).
    pub wav: Vec<u8>,
}

pub struct Hark {
    outbox: Result<Outbox, CommandError>,
    pub clips: Mutex<HashMap<String, StoredClip>>,
    recording: Mutex<Option<Recording>>,
    input_test: Mutex<Option<Recording>>,
}

impl Hark {
    pub fn open() -> Hark {
        Hark {
            outbox: Outbox::open_default().map_err(CommandError::from),
            clips: Mutex::new(HashMap::new()),
            recording: Mutex::new(None),
            input_test: Mutex::new(None),
        }
    }

    pub fn outbox(&self) -> Result<&Outbox, CommandError> {
        self.outbox.as_ref().map_err(Clone::clone)
    }

    pub fn data_dir(&self) -> Result<PathBuf, CommandError> {
        Ok(self.outbox()?.data_dir().to_path_buf())
    }

    /// The recording under way, if any.
    pub fn recording(&self) -> std::sync::MutexGuard<'_, Option<Recording>> {
        self.recording.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A microphone test under way (Settings), if any.
    pub fn input_test(&self) -> std::sync::MutexGuard<'_, Option<Recording>> {
        self.input_test.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn clips(&self) -> std::sync::MutexGuard<'_, HashMap<String, StoredClip>> {
        self.clips.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Runs blocking core work (network, keychain, decoding) off the UI's thread.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, CommandError> + Send + 'static,
) -> Result<T, CommandError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .unwrap_or_else(|e| {
            Err(CommandError::shell(
                "internal_error",
                format!("Hark's worker stopped unexpectedly: {e}"),
                "Try again; if it keeps happening, restart Hark.",
            ))
        })
}
