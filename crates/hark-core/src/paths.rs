//! Where Hark keeps its files.

use std::path::{Path, PathBuf};

use crate::UserError;
use crate::i18n::{Said, Words};

/// Overrides the data directory (tests, portable installs).
pub const DATA_DIR_ENV: &str = "HARK_DATA_DIR";

/// The data directory: `$HARK_DATA_DIR` if set, else the OS's per-user data directory
/// (`$XDG_DATA_HOME/hark` on Linux, `~/Library/Application Support/app.hark.Hark` on
/// macOS, `%APPDATA%\Hark\data` on Windows). `None` only when the OS reports no home.
pub fn data_dir() -> Option<PathBuf> {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("app", "Hark", "Hark")
            .map(|dirs| dirs.data_dir().to_path_buf()),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DataDirError {
    #[error("{}", self.words().english())]
    NoHome,
    #[error("{}", self.words().english())]
    NotWritable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl DataDirError {
    fn words(&self) -> Said {
        match self {
            DataDirError::NoHome => Said::new(
                Words::new("error-data-dir-no-home"),
                Words::new("remedy-data-dir-no-home").text("env", DATA_DIR_ENV),
            ),
            DataDirError::NotWritable { path, source } => {
                let path = path.display().to_string();
                Said::new(
                    Words::new("error-data-dir-unavailable")
                        .text("path", path.clone())
                        .text("detail", source.to_string()),
                    Words::new("remedy-data-dir-unavailable")
                        .text("path", path)
                        .text("env", DATA_DIR_ENV),
                )
            }
        }
    }
}

impl UserError for DataDirError {
    fn code(&self) -> &'static str {
        match self {
            DataDirError::NotWritable { source, .. } if crate::files::is_disk_full(source) => {
                "disk_full"
            }
            _ => "data_dir_unavailable",
        }
    }
    fn said(&self) -> Option<Said> {
        Some(self.words())
    }
}

/// Creates the data directory if needed, private to the user (0700: it holds the
/// notes and the history), and proves it writable by writing and removing a small
/// file; a disk that is merely full passes (reading the history needs no room, and
/// each write says when the disk is full). Returns the directory.
pub fn ensure_data_dir() -> Result<PathBuf, DataDirError> {
    let dir = data_dir().ok_or(DataDirError::NoHome)?;
    check_writable(&dir)?;
    Ok(dir)
}

fn check_writable(dir: &Path) -> Result<(), DataDirError> {
    let fail = |source| DataDirError::NotWritable {
        path: dir.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(dir).map_err(fail)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir).map_err(fail)?.permissions().mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(fail)?;
        }
    }
    let probe = dir.join(format!(".write-check-{}", std::process::id()));
    match std::fs::write(&probe, b"ok") {
        Ok(()) => std::fs::remove_file(&probe).map_err(fail),
        Err(e) if crate::files::is_disk_full(&e) => {
            let _ = std::fs::remove_file(&probe);
            Ok(())
        }
        Err(e) => Err(fail(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_writable_folder_passes_and_is_left_clean() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("nested/data");
        check_writable(&dir).unwrap();
        assert!(dir.is_dir());
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn the_data_folder_is_private_to_the_user() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        std::fs::create_dir(&dir).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        check_writable(&dir).unwrap();
        let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
    }

    #[test]
    fn a_path_under_a_file_is_reported_with_its_path() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("plain-file");
        std::fs::write(&file, b"x").unwrap();
        let err = check_writable(&file.join("data")).unwrap_err();
        assert_eq!(err.code(), "data_dir_unavailable");
        assert!(err.to_string().contains("plain-file"), "{err}");
        assert!(err.remedy().contains(DATA_DIR_ENV));
    }
}
