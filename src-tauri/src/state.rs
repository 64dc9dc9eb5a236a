//! What the shell keeps while the window is open: the outbox (accounts, history) and
//! the clips being previewed.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use hark_core::audio::convert::Note;
use hark_core::draft::Draft;
use hark_core::i18n::Words;
use hark_core::outbox::Outbox;
use hark_core::record::Recording;

use crate::CommandError;

/// A clip ready to preview, and (when it fits) to send: a draft, open in the window.
pub struct StoredClip {
    /// The note as made for the platform, or `None` when the file cannot fit. Its bytes
    /// are not held (a ten-minute note is megabytes): they are in the draft, on disk,
    /// and read back when the note is sent (`Note::bytes` is empty here).
    pub note: Option<Note>,
    /// Where it is kept on disk (so a closed window or a crash loses nothing), and
    /// what it can be made again from.
    pub draft: Draft,
    /// How often the note was made again (part of its audio address, so that the
    /// webview never plays an earlier one from its cache).
    pub revision: u32,
    /// What the preview plays: the note itself when the webview's player reads its
    /// format (Ogg/Opus), else the note decoded by Hark (WAV).
    pub audio: Playable,
}

/// Audio for the webview's player, with its type: a file on disk (a note itself, or a
/// note decoded at its codec's own rate), read a range at a time when asked.
#[derive(Clone)]
pub struct Playable {
    pub path: PathBuf,
    pub mime: &'static str,
}

/// Whether `bytes` begin an Ogg/Opus stream (which WebKit's GStreamer plays).
pub fn is_ogg_opus(bytes: &[u8]) -> bool {
    bytes.starts_with(b"OggS") && bytes.get(28..36) == Some(b"OpusHead".as_slice())
}

pub struct Hark {
    outbox: Result<Outbox, CommandError>,
    pub clips: Mutex<HashMap<String, StoredClip>>,
    recording: Mutex<Option<Recording>>,
    input_test: Mutex<Option<Recording>>,
    quitting: std::sync::atomic::AtomicBool,
    /// Set to stop the import under way (one at a time: the window waits for it).
    work_cancel: Arc<std::sync::atomic::AtomicBool>,
    /// The files the person chose (dropped on the window, picked in the dialog): the
    /// only ones the page may have imported.
    chosen: Mutex<std::collections::HashSet<std::path::PathBuf>>,
    /// Files opened with Hark that the page has not taken yet.
    opened: Mutex<Vec<PathBuf>>,
    /// Sends under way (each holds a `Sending` guard).
    sending: std::sync::atomic::AtomicUsize,
}

/// A send under way, counted while it lives.
pub struct Sending<'a>(&'a Hark);

impl Drop for Sending<'_> {
    fn drop(&mut self) {
        self.0
            .sending
            .fetch_sub(1, std::sync::atomic::Ordering::AcqRel);
    }
}

impl Hark {
    pub fn open() -> Hark {
        Hark {
            outbox: Outbox::open_default().map_err(CommandError::from),
            clips: Mutex::new(HashMap::new()),
            recording: Mutex::new(None),
            input_test: Mutex::new(None),
            quitting: std::sync::atomic::AtomicBool::new(false),
            work_cancel: Arc::new(std::sync::atomic::AtomicBool::new(false)),
            chosen: Mutex::new(Default::default()),
            opened: Mutex::new(Vec::new()),
            sending: std::sync::atomic::AtomicUsize::new(0),
        }
    }

    /// Records files the person chose, so that the page may import them.
    pub fn choose(&self, paths: &[std::path::PathBuf]) {
        let mut chosen = self.chosen.lock().unwrap_or_else(|p| p.into_inner());
        // A link dropped from a browser arrives as a "path" naming it: not a file.
        for path in paths
            .iter()
            .filter(|p| !p.to_str().is_some_and(hark_core::audio::link::is_link))
        {
            chosen.insert(path.canonicalize().unwrap_or_else(|_| path.clone()));
        }
    }

    /// Files opened with Hark: chosen, and waiting for the page to take them.
    pub fn open_files(&self, paths: Vec<PathBuf>) {
        self.choose(&paths);
        self.opened
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend(paths);
    }

    /// The opened files the page has not taken yet (and no longer waiting).
    pub fn take_opened(&self) -> Vec<PathBuf> {
        std::mem::take(&mut *self.opened.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// Whether the person chose `path` (by any name that leads to the same file).
    pub fn was_chosen(&self, path: &std::path::Path) -> bool {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.chosen
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .contains(&path)
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

    /// Whether closing the window now would end work the agent has not finished: a
    /// recording under way, or a note in the preview that was not handed to the outbox.
    pub fn has_unfinished_work(&self) -> bool {
        if self.quitting.load(std::sync::atomic::Ordering::Acquire) {
            return false;
        }
        self.recording().is_some()
            || self
                .clips()
                .values()
                .any(|c| c.draft.info.sent_as.is_none())
    }

    /// Counts a send as under way until the guard is dropped.
    pub fn start_sending(&self) -> Sending<'_> {
        self.sending
            .fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        Sending(self)
    }

    /// Whether Hark is recording or sending: work that goes on with the window closed
    /// (in the tray).
    pub fn is_busy(&self) -> bool {
        self.recording().is_some() || self.sending.load(std::sync::atomic::Ordering::Acquire) > 0
    }

    /// A new import begins: the flag its work watches, not cancelled.
    pub fn start_work(&self) -> Arc<std::sync::atomic::AtomicBool> {
        self.work_cancel
            .store(false, std::sync::atomic::Ordering::Release);
        self.work_cancel.clone()
    }

    /// Stops the import under way.
    pub fn cancel_work(&self) {
        self.work_cancel
            .store(true, std::sync::atomic::Ordering::Release);
    }

    /// The agent chose to quit: the window closes without asking again.
    pub fn set_quitting(&self) {
        self.quitting
            .store(true, std::sync::atomic::Ordering::Release);
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
                Words::new("app-error-worker-stopped").text("detail", e.to_string()),
                Words::new("app-remedy-restart"),
            ))
        })
}
