//! API keys: `hark_` and 32 random bytes, shown once when made and kept only as their
//! SHA-256 (a key is as random as a hash, so a plain hash is as safe as a slow one and
//! lets a request's key be found by it).

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::error::ApiError;
use crate::clock::{now_ms, rfc3339};
use crate::db::Db;

/// How every key begins (so that a key pasted somewhere it should not be is known).
pub const KEY_PREFIX: &str = "hark_";

/// A key as listed: never the key itself.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ApiKey {
    pub id: String,
    pub name: String,
    /// The key's first characters, to tell keys apart.
    pub prefix: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

#[derive(Clone)]
pub struct ApiKeys {
    db: Db,
}

const COLUMNS: &str = "id, name, prefix, created_at, last_used_at, revoked_at";

impl ApiKeys {
    pub fn new(db: Db) -> ApiKeys {
        ApiKeys { db }
    }

    /// Makes a key named `name`: the key as listed, and the key itself (shown once).
    pub fn create(&self, name: &str) -> Result<(ApiKey, String), ApiError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ApiError::EmptyKeyName);
        }
        let random = |len| crate::hex::random(len).map_err(|e| ApiError::Random(e.to_string()));
        let secret = format!("{KEY_PREFIX}{}", random(32)?);
        let id = format!("key_{}", random(6)?);
        let prefix = secret[..KEY_PREFIX.len() + 6].to_owned();
        let result = self.db.lock().execute(
            "INSERT INTO api_keys (id, name, prefix, hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, name, prefix, hash(&secret), now_ms()],
        );
        match result {
            Ok(_) => {}
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                return Err(ApiError::KeyNameTaken {
                    name: name.to_owned(),
                });
            }
            Err(e) => return Err(self.db.err(e).into()),
        }
        let key = self.find(&id)?.expect("the key was just written");
        Ok((key, secret))
    }

    /// Every key, revoked ones too, oldest first.
    pub fn list(&self) -> Result<Vec<ApiKey>, ApiError> {
        let conn = self.db.lock();
        let mut stmt = conn
            .prepare(&format!(
                "SELECT {COLUMNS} FROM api_keys ORDER BY created_at, id"
            ))
            .map_err(|e| self.db.err(e))?;
        let rows = stmt
            .query_map([], row_to_key)
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(|e| self.db.err(e))?;
        Ok(rows)
    }

    /// Revokes the key with this name or id: requests with it are refused from now on.
    pub fn revoke(&self, name_or_id: &str) -> Result<ApiKey, ApiError> {
        let key = self
            .find(name_or_id)?
            .ok_or_else(|| ApiError::KeyNotFound {
                query: name_or_id.to_owned(),
            })?;
        self.db.execute(
            "UPDATE api_keys SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL",
            params![key.id, now_ms()],
        )?;
        Ok(self.find(&key.id)?.unwrap_or(key))
    }

    /// The key a request carries, if it is one of ours and not revoked.
    pub fn check(&self, secret: &str) -> Result<ApiKey, ApiError> {
        if !secret.starts_with(KEY_PREFIX) {
            return Err(ApiError::Unauthorized);
        }
        let conn = self.db.lock();
        let found = conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM api_keys WHERE hash = ?1 AND revoked_at IS NULL"),
                params![hash(secret)],
                row_to_key,
            )
            .optional()
            .map_err(|e| self.db.err(e))?;
        let key = found.ok_or(ApiError::Unauthorized)?;
        // When it was last used is for `hark api-key list`: a disk too full to note it
        // must not refuse the key (reading a send's status needs no room).
        if let Err(e) = conn.execute(
            "UPDATE api_keys SET last_used_at = ?2 WHERE id = ?1",
            params![key.id, now_ms()],
        ) {
            tracing::warn!(error = %e, "when the key was last used was not noted");
        }
        Ok(key)
    }

    fn find(&self, name_or_id: &str) -> Result<Option<ApiKey>, ApiError> {
        let conn = self.db.lock();
        conn.query_row(
            &format!("SELECT {COLUMNS} FROM api_keys WHERE id = ?1 OR name = ?1"),
            params![name_or_id.trim()],
            row_to_key,
        )
        .optional()
        .map_err(|e| self.db.err(e).into())
    }
}

fn row_to_key(row: &rusqlite::Row<'_>) -> rusqlite::Result<ApiKey> {
    let at = |ms: Option<i64>| ms.map(rfc3339);
    Ok(ApiKey {
        id: row.get(0)?,
        name: row.get(1)?,
        prefix: row.get(2)?,
        created_at: rfc3339(row.get(3)?),
        last_used_at: at(row.get(4)?),
        revoked_at: at(row.get(5)?),
    })
}

fn hash(secret: &str) -> String {
    crate::hex::hex(&Sha256::digest(secret.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> (tempfile::TempDir, ApiKeys) {
        let tmp = tempfile::tempdir().unwrap();
        let db = Db::open(&tmp.path().join("hark.db")).unwrap();
        (tmp, ApiKeys::new(db))
    }

    #[test]
    fn a_key_works_until_it_is_revoked_and_only_its_hash_is_kept() {
        let (tmp, keys) = keys();
        let (made, secret) = keys.create(" zendesk ").unwrap();
        assert_eq!(made.name, "zendesk");
        assert!(secret.starts_with(KEY_PREFIX) && secret.len() == KEY_PREFIX.len() + 64);
        assert!(secret.starts_with(&made.prefix));
        assert_eq!(keys.check(&secret).unwrap().id, made.id);
        assert!(keys.list().unwrap()[0].last_used_at.is_some());
        // Another key, or this one changed, is not it.
        let (_, other) = keys.create("bot").unwrap();
        assert_ne!(other, secret);
        let mut wrong = secret.clone();
        wrong.pop();
        wrong.push(if secret.ends_with('0') { '1' } else { '0' });
        assert!(matches!(keys.check(&wrong), Err(ApiError::Unauthorized)));
        assert!(matches!(keys.check(""), Err(ApiError::Unauthorized)));
        // The database holds its hash, never the key.
        let kept: String = keys
            .db
            .lock()
            .query_row("SELECT hash FROM api_keys WHERE id = ?1", [&made.id], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(kept, hash(&secret));
        for file in std::fs::read_dir(tmp.path()).unwrap() {
            let bytes = std::fs::read(file.unwrap().path()).unwrap();
            assert!(!bytes.windows(secret.len()).any(|w| w == secret.as_bytes()));
        }
        let revoked = keys.revoke("zendesk").unwrap();
        assert!(revoked.revoked_at.is_some());
        assert!(matches!(keys.check(&secret), Err(ApiError::Unauthorized)));
        assert!(keys.check(&other).is_ok());
    }

    #[test]
    fn names_are_unique_and_not_empty() {
        let (_tmp, keys) = keys();
        keys.create("zapier").unwrap();
        assert!(matches!(
            keys.create("zapier"),
            Err(ApiError::KeyNameTaken { .. })
        ));
        assert!(matches!(keys.create("  "), Err(ApiError::EmptyKeyName)));
        assert!(matches!(
            keys.revoke("nope"),
            Err(ApiError::KeyNotFound { .. })
        ));
    }
}
