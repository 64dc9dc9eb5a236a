//! What can go wrong with Hark's database, in words.

use std::path::PathBuf;

use crate::UserError;
use crate::paths::DataDirError;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error(transparent)]
    DataDir(#[from] DataDirError),
    #[error("Hark's database {path} could not be used: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "Hark's database {path} was written by a newer Hark (schema {found}, this Hark knows up to {known})."
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        known: u32,
    },
}

impl UserError for DbError {
    fn code(&self) -> &'static str {
        match self {
            DbError::DataDir(e) => e.code(),
            DbError::Sqlite { .. } if self.is_disk_full() => "disk_full",
            DbError::Sqlite { .. } => "database_error",
            DbError::TooNew { .. } => "database_too_new",
        }
    }

    fn remedy(&self) -> String {
        match self {
            DbError::DataDir(e) => e.remedy(),
            DbError::Sqlite { .. } if self.is_disk_full() => {
                "Free some space on the disk that holds Hark's data folder, then try again.".into()
            }
            DbError::Sqlite { path, .. } => format!(
                "Check that {} is on a disk with free space and not open in another program; \
                 if it is damaged, move it aside and Hark starts a new one (your accounts' \
                 secrets stay in the keychain).",
                path.display()
            ),
            DbError::TooNew { .. } => "Update Hark to the newest version.".into(),
        }
    }
}

impl DbError {
    /// Whether SQLite could not write because the disk is full. SQLite says so
    /// itself, or (writing its WAL) reports only an I/O error: then a one-byte probe
    /// beside the database tells.
    pub fn is_disk_full(&self) -> bool {
        let DbError::Sqlite {
            path,
            source: rusqlite::Error::SqliteFailure(e, _),
        } = self
        else {
            return false;
        };
        match e.code {
            rusqlite::ErrorCode::DiskFull => true,
            rusqlite::ErrorCode::SystemIoFailure => {
                let probe = path.with_extension(format!("space-check-{}", std::process::id()));
                let full = std::fs::write(&probe, b"x")
                    .err()
                    .is_some_and(|e| crate::files::is_disk_full(&e));
                let _ = std::fs::remove_file(&probe);
                full
            }
            _ => false,
        }
    }
}
