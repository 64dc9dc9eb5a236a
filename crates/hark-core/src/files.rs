//! Writing files so that a crash never leaves half of one, nor loses one that was
//! reported written.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::i18n::{Said, Words};

/// A file Hark was asked to write and could not.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::UserError::english(self))]
pub struct WriteError {
    pub path: PathBuf,
    #[source]
    pub source: std::io::Error,
}

impl crate::UserError for WriteError {
    fn code(&self) -> &'static str {
        if is_disk_full(&self.source) {
            "disk_full"
        } else {
            "file_unwritable"
        }
    }

    fn said(&self) -> Option<Said> {
        let (message, remedy) = match is_disk_full(&self.source) {
            true => ("error-file-disk-full", "remedy-file-disk-full"),
            false => ("error-file-unwritable", "remedy-file-unwritable"),
        };
        Some(Said::new(
            Words::new(message)
                .text("path", self.path.display().to_string())
                .text("detail", self.source.to_string()),
            Words::new(remedy),
        ))
    }
}

/// [`write_atomically`], with an error a person can act on.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_atomically(path, bytes).map_err(|source| WriteError {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes to a new temporary file beside `path` (created exclusively, so it is never
/// someone else's file), flushes it to disk, renames it over `path`, and flushes the
/// folder so that the rename itself survives a power cut: a reader, or a restart after
/// a crash, sees the old file or the new one, never half of one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut attempt = 0;
    let (tmp, mut file) = loop {
        let tmp = path.with_file_name(format!(".{name}.{:08x}.part", fastrand::u32(..)));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(file) => break (tmp, file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 8 => {
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    };
    let mut write = || -> std::io::Result<()> {
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)?;
        sync_folder_of(path)
    };
    write().inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Flushes the folder holding `path`, so that a file created or renamed in it stays
/// after a power cut.
pub fn sync_folder_of(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    if let Some(folder) = path.parent() {
        std::fs::File::open(folder)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Whether an I/O error says the disk (or the user's quota on it) is full.
pub fn is_disk_full(error: &std::io::Error) -> bool {
    matches!(
        error.kind(),
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_appears_whole_and_no_temporary_file_stays() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("note.ogg");
        write_atomically(&path, b"first").unwrap();
        write_atomically(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 1);
        let err = write_atomically(&tmp.path().join("missing/x"), b"x");
        assert!(err.is_err());
    }

    #[test]
    fn a_full_disk_is_told_apart() {
        let full = std::io::Error::from_raw_os_error(28); // ENOSPC
        assert!(is_disk_full(&full));
        assert!(!is_disk_full(&std::io::Error::from(
            std::io::ErrorKind::PermissionDenied
        )));
    }
}
