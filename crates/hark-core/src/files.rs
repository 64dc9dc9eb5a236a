//! Writing files so that a crash never leaves half of one.

use std::io::Write;
use std::path::Path;

/// Writes to a temporary file beside `path`, flushes it to disk, then renames: a
/// reader (or a restart after a crash) never sees half a file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_file_name(format!(
        ".{}.part",
        path.file_name().unwrap_or_default().to_string_lossy()
    ));
    let write = || -> std::io::Result<()> {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    };
    write().inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
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
}
