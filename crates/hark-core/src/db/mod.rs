//! Hark's local database: profiles (without their secrets) and the send history.
//!
//! One SQLite file in the data directory, opened in WAL mode so that the app and a
//! `hark` command can use it at the same time. The schema is versioned with SQLite's
//! `user_version` and migrated forward on open (`migrations.rs`).

mod error;
mod migrations;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::Connection;

use crate::paths;

pub use error::DbError;
pub use migrations::SCHEMA_VERSION;

/// The database file's name inside the data directory.
pub const FILE_NAME: &str = "hark.db";

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::UserError;

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
}
