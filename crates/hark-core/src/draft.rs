//! Drafts: notes made but not sent, kept on disk so that a closed window, a crash or a
//! power cut loses nothing.
//!
//! One folder per draft in `<data>/drafts/<id>/`: `draft.json` (what it is, where it
//! came from), the note as made for its platform, and, for a recording, `take.wav`, the
//! raw take (before cleanup and encoding). A note can be made again for another
//! platform from its source: the raw take, or the imported file where it lies (Hark
//! never copies, moves or deletes the agent's own files). A draft handed to the outbox
//! is marked with its send's id, so it is never offered back once the history has it.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::audio::convert::{ConvertOptions, Note, convert, convert_with};
use crate::audio::error::ClipError;
use crate::audio::watch::Watch;
use crate::files::write_atomically;
use crate::platform::Platform;

/// The folder (in the data folder) that keeps the drafts.
pub const DRAFTS_DIR: &str = "drafts";
/// The raw take of a recording, inside its draft's folder.
pub const TAKE_FILE: &str = "take.wav";
const INFO_FILE: &str = "draft.json";

/// Where a draft's audio came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Recorded in Hark: the source is the raw take in the draft's folder.
    Recorded,
    /// A file the agent dropped or picked: the source is that file, where it lies.
    Imported,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DraftInfo {
    pub id: String,
    pub origin: Origin,
    /// Seconds since the Unix epoch when the draft was made.
    pub created: u64,
    /// The file the note is made from.
    pub source: PathBuf,
    /// The file's name as the agent knows it (an import).
    pub source_name: Option<String>,
    /// Clean up when making the note (a recording made with cleanup on).
    pub clean: bool,
    /// Keep only the part that fits the platform's duration limit.
    pub trim: bool,
    /// The platform the current note was made for, and its file in the folder.
    pub platform: Platform,
    pub note_file: Option<String>,
    pub duration_ms: u64,
    /// The note is the imported file itself (it already fitted the platform).
    #[serde(default)]
    pub passed_through: bool,
    /// The note keeps only the part that fitted the platform's duration limit.
    #[serde(default)]
    pub trimmed: bool,
    /// Set once the outbox has the note (its send's id): nothing left to recover.
    #[serde(default)]
    pub sent_as: Option<i64>,
}

/// A draft on disk.
#[derive(Debug, Clone)]
pub struct Draft {
    pub info: DraftInfo,
    pub dir: PathBuf,
}

/// The drafts of one data folder.
#[derive(Debug, Clone)]
pub struct Drafts {
    dir: PathBuf,
}

impl Drafts {
    pub fn new(data_dir: &Path) -> Drafts {
        Drafts {
            dir: data_dir.join(DRAFTS_DIR),
        }
    }

    /// Makes an empty draft's folder; the caller adds its note (and take) and saves it.
    pub fn create(
        &self,
        origin: Origin,
        source: Option<&Path>,
        platform: Platform,
        clean: bool,
    ) -> std::io::Result<Draft> {
        std::fs::create_dir_all(&self.dir)?;
        // A fresh name: create_dir fails rather than reuse an existing folder.
        let (id, dir) = loop {
            let id = format!("d{:012x}", fastrand::u64(..) & 0xffff_ffff_ffff);
            let dir = self.dir.join(&id);
            match std::fs::create_dir(&dir) {
                Ok(()) => break (id, dir),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        };
        let source = match source {
            Some(path) => path.to_path_buf(),
            None => dir.join(TAKE_FILE),
        };
        Ok(Draft {
            info: DraftInfo {
                id,
                origin,
                created: unix_now(),
                source_name: (origin == Origin::Imported)
                    .then(|| source.file_name().map(|n| n.to_string_lossy().into_owned()))
                    .flatten(),
                source,
                clean,
                trim: false,
                platform,
                note_file: None,
                duration_ms: 0,
                passed_through: false,
                trimmed: false,
                sent_as: None,
            },
            dir,
        })
    }

    /// The draft `id`, if it is on disk.
    pub fn get(&self, id: &str) -> Option<Draft> {
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        read(&self.dir.join(id))
    }

    /// Drafts not yet handed to the outbox, newest first. Folders left by a draft that
    /// was sent (or never finished) are removed on the way.
    pub fn unsent(&self) -> Vec<Draft> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<Draft> = entries
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .filter_map(|e| match read(&e.path()) {
                Some(d) if d.info.sent_as.is_none() && d.info.note_file.is_some() => Some(d),
                Some(d) if d.info.sent_as.is_some() => {
                    d.remove();
                    None
                }
                // No note yet: a draft being made right now (or one a crash cut short,
                // whose source is still where it was, or still in the spool).
                _ => None,
            })
            .collect();
        found.sort_by_key(|d| std::cmp::Reverse(d.info.created));
        found
    }
}

fn read(dir: &Path) -> Option<Draft> {
    let info: DraftInfo = serde_json::from_slice(&std::fs::read(dir.join(INFO_FILE)).ok()?).ok()?;
    Some(Draft {
        info,
        dir: dir.to_path_buf(),
    })
}

impl Draft {
    /// Makes the note for `platform` from the draft's source (the raw take, or the
    /// imported file), keeps it in the folder and saves the draft.
    pub fn make_note(&mut self, platform: Platform, watch: &Watch<'_>) -> Result<Note, ClipError> {
        let note = convert_with(
            &self.info.source,
            platform,
            ConvertOptions {
                clean: self.info.clean,
                trim_to_limit: self.info.trim,
            },
            watch,
        )?;
        self.keep_note(&note)
            .map_err(|source| ClipError::Unreadable {
                path: self.dir.clone(),
                source,
            })?;
        Ok(note)
    }

    /// The note for `platform`: the one kept, when it was made for that platform, else
    /// one made now from the source.
    pub fn note_for(&mut self, platform: Platform, watch: &Watch<'_>) -> Result<Note, ClipError> {
        match self.note_path() {
            Some(path) if self.info.platform == platform && path.is_file() => {
                // The kept note is already the platform's format: read as it is, with
                // its checks computed again from its own bytes.
                let mut note = convert(&path, platform, ConvertOptions::default())?;
                note.passed_through = self.info.passed_through;
                note.trimmed_to_limit = self.info.trimmed;
                Ok(note)
            }
            _ => self.make_note(platform, watch),
        }
    }

    /// Keeps `note` as the draft's note (replacing the one made for another platform)
    /// and saves the draft.
    pub fn keep_note(&mut self, note: &Note) -> std::io::Result<PathBuf> {
        let file = note.file_name.to_string();
        let path = self.dir.join(&file);
        write_atomically(&path, &note.bytes)?;
        if let Some(old) = self.info.note_file.replace(file.clone())
            && old != file
        {
            let _ = std::fs::remove_file(self.dir.join(old));
        }
        self.info.platform = note.platform;
        self.info.duration_ms = note.duration_ms;
        self.info.passed_through = note.passed_through;
        self.info.trimmed = note.trimmed_to_limit;
        self.save()?;
        Ok(path)
    }

    /// The note's file, once one was made.
    pub fn note_path(&self) -> Option<PathBuf> {
        self.info.note_file.as_ref().map(|f| self.dir.join(f))
    }

    /// Writes `draft.json` (atomically, flushed to disk).
    pub fn save(&self) -> std::io::Result<()> {
        let json = serde_json::to_vec_pretty(&self.info).map_err(std::io::Error::other)?;
        write_atomically(&self.dir.join(INFO_FILE), &json)?;
        sync_dir(&self.dir);
        Ok(())
    }

    /// The outbox has the note (send `id`): the draft is never offered back.
    pub fn mark_sent(&mut self, id: i64) -> std::io::Result<()> {
        self.info.sent_as = Some(id);
        self.save()
    }

    /// Deletes the draft's folder: its note and raw take (never an imported file).
    pub fn remove(&self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Flushes a folder's entries (a rename inside it) to disk; best effort.
fn sync_dir(dir: &Path) {
    if let Ok(f) = std::fs::File::open(dir) {
        let _ = f.sync_all();
    }
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::test_signals::tone_wav;

    #[test]
    fn an_imported_draft_is_made_again_for_another_platform_and_the_source_is_left_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let source = tmp.path().join("reply.wav");
        tone_wav(&source, 16_000, 2.0);
        let drafts = Drafts::new(&tmp.path().join("data"));
        let mut draft = drafts
            .create(Origin::Imported, Some(&source), Platform::Whatsapp, false)
            .unwrap();
        let ogg = draft.make_note(Platform::Whatsapp, &Watch::none()).unwrap();
        assert_eq!(ogg.platform, Platform::Whatsapp);
        let found = drafts.unsent();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].info.source_name.as_deref(), Some("reply.wav"));
        assert!(found[0].note_path().unwrap().ends_with("voice-note.ogg"));

        let amr = draft.make_note(Platform::Wechat, &Watch::none()).unwrap();
        assert!(amr.bytes.starts_with(b"#!AMR\n"));
        let again = drafts.get(&draft.info.id).unwrap();
        assert_eq!(again.info.platform, Platform::Wechat);
        // Only the latest note is kept.
        let files: Vec<_> = std::fs::read_dir(&draft.dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(files.len(), 2, "{files:?}");

        draft.remove();
        assert!(drafts.unsent().is_empty());
        assert!(source.is_file(), "the agent's own file stays");
    }

    #[test]
    fn a_draft_handed_to_the_outbox_is_not_offered_back_and_its_folder_goes() {
        let tmp = tempfile::tempdir().unwrap();
        let source = tmp.path().join("reply.wav");
        tone_wav(&source, 16_000, 1.0);
        let drafts = Drafts::new(tmp.path());
        let mut draft = drafts
            .create(Origin::Imported, Some(&source), Platform::Telegram, false)
            .unwrap();
        draft.make_note(Platform::Telegram, &Watch::none()).unwrap();
        draft.mark_sent(7).unwrap();
        assert!(drafts.unsent().is_empty());
        assert!(!draft.dir.exists());
    }

    #[test]
    fn a_draft_without_a_note_is_not_offered_and_odd_ids_are_not_read() {
        let tmp = tempfile::tempdir().unwrap();
        let drafts = Drafts::new(tmp.path());
        let draft = drafts
            .create(Origin::Recorded, None, Platform::Whatsapp, true)
            .unwrap();
        draft.save().unwrap();
        assert!(drafts.unsent().is_empty());
        assert!(drafts.get(&draft.info.id).is_some());
        assert!(drafts.get("../etc").is_none());
        assert!(drafts.get("").is_none());
    }
}
