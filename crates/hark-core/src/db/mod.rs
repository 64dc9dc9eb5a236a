//! Hark's local database: profiles (without their secrets) and the send history.
//!
//! One SQLite file in the data directory, opened in WAL mode so that the app and a
//! `hark` command can use it at the same time. The schema is versioned with SQLite's
//! `user_version` and migrated forward on open (`migrations.rs`).

mod migrations;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::Connection;

use crate::UserError;
use crate::paths::{self, DataDirError};

pub use migrations::SCHEMA_VERSION;

/// The database file's name inside the data directory.
pub const FILE_NAME: &str = "hark.db";

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

/// A shared handle on the database. Cheap to clone.
#[derive(Clone)]
pub struct Db {
    conn: Arc<Mutex<Connection>>,
    path: PathBuf,
}

impl Db {
    /// Opens (creating and migrating if needed) the database in the data directory.
    pub fn open_default() -> Result<Db, DbError> {
        let dir = paths::ensure_data_dir()?;
        Db::open(&dir.join(FILE_NAME))
    }

    /// Opens (creating and migrating if needed) the database at `path`.
    pub fn open(path: &Path) -> Result<Db, DbError> {
        let err = |source| DbError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        let mut conn = Connection::open(path).map_err(err)?;
        conn.busy_timeout(Duration::from_secs(10)).map_err(err)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(err)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(err)?;
        migrations::migrate(&mut conn, path)?;
        Ok(Db {
            conn: Arc::new(Mutex::new(conn)),
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The connection, for one unit of work.
    pub fn lock(&self) -> MutexGuard<'_, Connection> {
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs one statement that changes rows; how many it changed.
    pub fn execute(&self, sql: &str, params: impl rusqlite::Params) -> Result<usize, DbError> {
        self.lock().execute(sql, params).map_err(|e| self.err(e))
    }

    /// Wraps a SQLite error with this database's path.
    pub fn err(&self, source: rusqlite::Error) -> DbError {
        DbError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }
}

/// Milliseconds since the Unix epoch: how every timestamp is stored.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}

/// A stored timestamp as RFC 3339 (UTC), for people and JSON.
pub fn rfc3339(ms: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp_nanos(ms as i128 * 1_000_000)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| ms.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_is_at_the_current_schema_and_reopens() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(FILE_NAME);
        let db = Db::open(&path).unwrap();
        let version: u32 = db
            .lock()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        drop(db);
        Db::open(&path).unwrap();
    }

    #[test]
    fn a_database_from_a_newer_hark_is_refused_not_damaged() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(FILE_NAME);
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
                .unwrap();
        }
        let err = Db::open(&path).err().expect("refused");
        assert_eq!(err.code(), "database_too_new");
        let conn = Connection::open(&path).unwrap();
        let version: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION + 1);
    }

    #[test]
    fn timestamps_read_as_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_700_000_000_123), "2023-11-14T22:13:20.123Z");
    }
}
