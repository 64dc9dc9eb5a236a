//! A sent or received note made audible for a player that cannot read its format (AMR
//! always; AAC where the webview has no AAC decoder): decoded once to WAV on disk, in
//! the data folder's `played/`, and served from there a range at a time. A player asks
//! for a note several times as it plays and seeks; decoding it whole in memory for each
//! request cost the app a WAV's size (5.8 MB a minute of AAC) every time.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::error::ClipError;
use super::preview;

/// The folder, under the data folder.
pub const PLAYED_DIR: &str = "played";

/// How many decoded notes are kept: the ones played last.
const KEEP: usize = 4;

/// One decoding at a time: two requests for the same note must not write one file.
static DECODING: Mutex<()> = Mutex::new(());

/// The WAV of the note at `note`, decoded now unless it already was (since the note
/// last changed).
pub fn decoded(data_dir: &Path, note: &Path) -> Result<PathBuf, ClipError> {
    let unreadable = |source| ClipError::Unreadable {
        path: note.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(note).map_err(unreadable)?;
    let changed = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let stem = note.file_stem().and_then(|s| s.to_str()).unwrap_or("note");
    let dir = data_dir.join(PLAYED_DIR);
    let wav = dir.join(format!("{stem}-{}-{changed}.wav", meta.len()));
    let _one = DECODING.lock().unwrap_or_else(|p| p.into_inner());
    if wav.is_file() {
        return Ok(wav);
    }
    std::fs::create_dir_all(&dir).map_err(unreadable)?;
    let made = preview::stream(note, 0, 1, Some(&wav));
    prune(&dir, &wav);
    made.map(|_| wav)
}

/// Leaves the `KEEP` notes decoded last (`newest` among them) and no unfinished file.
fn prune(dir: &Path, newest: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut kept: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
    for path in entries.flatten().map(|e| e.path()) {
        if path.extension().is_some_and(|e| e == "wav") {
            let at = std::fs::metadata(&path)
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            kept.push((at, path));
        } else {
            let _ = std::fs::remove_file(&path);
        }
    }
    kept.sort_by_key(|(at, path)| std::cmp::Reverse((path == newest, *at)));
    for (_, old) in kept.into_iter().skip(KEEP) {
        let _ = std::fs::remove_file(old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::encode::{Encode, WavEncoder};

    /// A WAV of `ms` of a tone: a "note" any decoder reads.
    fn note(path: &Path, ms: u32) {
        let mut wav = WavEncoder::new(8000).unwrap();
        let samples: Vec<f32> = (0..ms * 8).map(|i| (i as f32 * 0.3).sin() * 0.5).collect();
        wav.push(&samples).unwrap();
        std::fs::write(path, wav.finish().unwrap()).unwrap();
    }

    #[test]
    fn a_note_is_decoded_once_and_again_when_it_changes() {
        let data = tempfile::tempdir().unwrap();
        let sent = tempfile::tempdir().unwrap();
        let amr = sent.path().join("7.amr");
        note(&amr, 500);
        let first = decoded(data.path(), &amr).unwrap();
        let read = hound::WavReader::open(&first).unwrap();
        assert_eq!(read.spec().sample_rate, 8000);
        assert_eq!(read.duration(), 4000);
        let stamp = std::fs::metadata(&first).unwrap().modified().unwrap();
        assert_eq!(decoded(data.path(), &amr).unwrap(), first, "decoded once");
        assert_eq!(
            std::fs::metadata(&first).unwrap().modified().unwrap(),
            stamp
        );

        note(&amr, 250);
        let second = decoded(data.path(), &amr).unwrap();
        assert_ne!(second, first, "a changed note is decoded again");
        assert_eq!(hound::WavReader::open(&second).unwrap().duration(), 2000);
    }

    #[test]
    fn only_the_notes_played_last_are_kept_and_nothing_half_made() {
        let data = tempfile::tempdir().unwrap();
        let sent = tempfile::tempdir().unwrap();
        let dir = data.path().join(PLAYED_DIR);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("cut-off.wav.part"), b"RIFF").unwrap();
        let mut made = Vec::new();
        for n in 0..KEEP + 3 {
            let path = sent.path().join(format!("{n}.amr"));
            note(&path, 100);
            made.push(decoded(data.path(), &path).unwrap());
        }
        let mut left: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        left.sort();
        assert_eq!(left.len(), KEEP, "{left:?}");
        assert!(left.contains(made.last().unwrap()), "the newest is kept");
        assert!(left.iter().all(|p| p.extension().unwrap() == "wav"));
    }

    #[test]
    fn a_note_that_cannot_be_read_says_so_and_leaves_nothing() {
        let data = tempfile::tempdir().unwrap();
        let sent = tempfile::tempdir().unwrap();
        let bad = sent.path().join("9.amr");
        std::fs::write(&bad, b"#!AMR\n not really").unwrap();
        assert!(decoded(data.path(), &bad).is_err());
        assert!(decoded(data.path(), &sent.path().join("gone.amr")).is_err());
        let dir = data.path().join(PLAYED_DIR);
        let left = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
        assert_eq!(left, 0);
    }
}
