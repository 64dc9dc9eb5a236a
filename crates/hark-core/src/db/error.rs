//! What can go wrong with Hark's database, in words.

use std::path::PathBuf;

use crate::UserError;
use crate::i18n::{Said, Words};
use crate::paths::DataDirError;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error(transparent)]
    DataDir(#[from] DataDirError),
    #[error("{}", self.english())]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{}", self.english())]
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

    fn said(&self) -> Option<Said> {
        let at = |id: &str, path: &PathBuf| Words::new(id).text("path", path.display().to_string());
        match self {
            DbError::DataDir(e) => e.said(),
            DbError::Sqlite { path, source } => Some(Said::new(
                at("error-database-error", path).text("detail", source.to_string()),
                if self.is_disk_full() {
                    Words::new("remedy-database-disk-full")
                } else {
                    at("remedy-database-error", path)
                },
            )),
            DbError::TooNew { path, found, known } => Some(Said::new(
                at("error-database-too-new", path)
                    .number("found", *found)
                    .number("known", *known),
                Words::new("remedy-database-too-new"),
            )),
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
