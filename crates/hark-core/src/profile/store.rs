//! Profiles on disk: the row in the database, the secrets in the keychain.
//!
//! Secrets are filed under the profile's id (`profile:<id>:<key>`), not its name, so
//! a rename never touches the keychain and a secret cannot end up under a stale name.
//! Writes go keychain first, database second, and undo the keychain on a database
//! failure; removal goes the other way round, so neither leaves an orphan.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rusqlite::{OptionalExtension, params};

use crate::clock::now_ms;
use crate::db::{Db, DbError};
use crate::i18n::{Lang, Said, Surface, Words};
use crate::platform::Platform;
use crate::platform::credentials;
use crate::{ProblemKind, UserError};

use super::keychain::{Keychain, KeychainError};
use super::model::{
    Check, Invalid, NewProfile, Profile, keychain_account, token_mode, validate, validate_with,
};
use crate::secret::{Secret, Secrets};

#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("{}", self.english())]
    NotFound(String),
    #[error("{}", self.english())]
    NameTaken(String),
    #[error("{}", .0.problem)]
    Invalid(Invalid),
    #[error("{}", self.english())]
    SecretMissing { name: String, key: String },
    #[error(transparent)]
    Keychain(#[from] KeychainError),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl UserError for ProfileError {
    fn code(&self) -> &'static str {
        match self {
            ProfileError::NotFound(_) => "profile_not_found",
            ProfileError::NameTaken(_) => "profile_name_taken",
            ProfileError::Invalid(_) => "invalid_profile",
            ProfileError::SecretMissing { .. } => "secret_missing",
            ProfileError::Keychain(e) => e.code(),
            ProfileError::Db(e) => e.code(),
        }
    }

    fn remedy(&self) -> String {
        match self {
            ProfileError::Keychain(e) => e.remedy(),
            ProfileError::Db(e) => e.remedy(),
            _ => self
                .said()
                .map(|said| Lang::En.say_for(Surface::Cli, &said.remedy))
                .unwrap_or_default(),
        }
    }

    fn said(&self) -> Option<Said> {
        let named = |id: &str, name: &str| Words::new(id).text("name", name);
        match self {
            ProfileError::NotFound(name) => Some(Said::new(
                named("error-profile-not-found", name),
                Words::new("remedy-profile-not-found"),
            )),
            ProfileError::NameTaken(name) => Some(Said::new(
                named("error-profile-name-taken", name),
                Words::new("remedy-profile-name-taken"),
            )),
            ProfileError::SecretMissing { name, key } => Some(Said::new(
                named("error-secret-missing", name).text("key", key.clone()),
                named("remedy-secret-missing", name),
            )),
            ProfileError::Invalid(i) => {
                let flag = credentials_flag(&i.field).unwrap_or_else(|| "none".into());
                Some(Said::new(
                    i.words.clone().unwrap_or_else(|| {
                        Words::new("said-as-is").text("text", i.problem.clone())
                    }),
                    Words::new("remedy-invalid-profile").text("flag", flag),
                ))
            }
            ProfileError::Keychain(e) => e.said(),
            ProfileError::Db(e) => e.said(),
        }
    }

    fn kind(&self) -> ProblemKind {
        match self {
            ProfileError::NotFound(_) | ProfileError::NameTaken(_) | ProfileError::Invalid(_) => {
                ProblemKind::Usage
            }
            _ => ProblemKind::Local,
        }
    }
}

fn credentials_flag(field: &str) -> Option<String> {
    let secret = Platform::ALL
        .iter()
        .filter_map(|p| credentials::field(*p, field))
        .any(|f| f.secret);
    (!secret).then(|| format!("--{}", field.replace('_', "-")))
}

/// The profile store. The keychain is opened only when a secret is needed, so the
/// sandbox works on a computer without one.
#[derive(Clone)]
pub struct Profiles {
    db: Db,
    keychain: OnceLock<Keychain>,
}

impl Profiles {
    pub fn new(db: Db) -> Profiles {
        Profiles {
            db,
            keychain: OnceLock::new(),
        }
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    fn keychain(&self) -> Result<&Keychain, KeychainError> {
        if let Some(k) = self.keychain.get() {
            return Ok(k);
        }
        let opened = Keychain::open()?;
        Ok(self.keychain.get_or_init(|| opened))
    }

    /// Adds a profile: validates it, stores its secrets in the keychain, then its row.
    pub fn add(&self, new: NewProfile) -> Result<Profile, ProfileError> {
        let fields = validate(&new).map_err(ProfileError::Invalid)?;
        let name = new.name.trim().to_owned();
        if self.find_exact(&name)?.is_some() {
            return Err(ProfileError::NameTaken(name));
        }
        let now = now_ms();
        let profile = Profile {
            id: new_id(),
            name,
            platform: new.platform,
            fields,
            secret_keys: new.secrets.iter().map(|(k, _)| k.clone()).collect(),
            created_at: now,
            updated_at: now,
            check: None,
        };
        if !new.secrets.is_empty() {
            let keychain = self.keychain()?;
            let mut stored: Vec<String> = Vec::new();
            for (key, secret) in new.secrets.iter() {
                let account = profile.keychain_account(key);
                if let Err(e) = keychain.set(&account, secret.expose()) {
                    for account in stored {
                        let _ = keychain.delete(&account);
                    }
                    return Err(e.into());
                }
                stored.push(account);
            }
        }
        if let Err(e) = self.insert(&profile) {
            if let Ok(keychain) = self.keychain() {
                for key in &profile.secret_keys {
                    let _ = keychain.delete(&profile.keychain_account(key));
                }
            }
            return Err(e);
        }
        Ok(profile)
    }

    fn insert(&self, p: &Profile) -> Result<(), ProfileError> {
        let conn = self.db.lock();
        let result = conn.execute(
            "INSERT INTO profiles (id, name, platform, fields, secrets, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                p.id,
                p.name,
                p.platform.id(),
                serde_json::to_string(&p.fields).expect("strings serialise"),
                serde_json::to_string(&p.secret_keys).expect("strings serialise"),
                p.created_at,
                p.updated_at
            ],
        );
        match result {
            Ok(_) => Ok(()),
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                Err(ProfileError::NameTaken(p.name.clone()))
            }
            Err(e) => Err(self.db.err(e).into()),
        }
    }

    /// Every profile, sandbox first, then by name.
    pub fn list(&self) -> Result<Vec<Profile>, ProfileError> {
        let conn = self.db.lock();
        let mut stmt = conn
            .prepare(
                "SELECT id, name, platform, fields, secrets, created_at, updated_at, checked_at,
                    check_error, check_detail, check_said FROM profiles
                 ORDER BY platform = 'sandbox' DESC, name COLLATE NOCASE",
            )
            .map_err(|e| self.db.err(e))?;
        let rows = stmt
            .query_map([], row_to_profile)
            .map_err(|e| self.db.err(e))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.db.err(e).into())
    }

    /// The profile named `name` (any case), or with that id.
    pub fn get(&self, name_or_id: &str) -> Result<Profile, ProfileError> {
        let key = name_or_id.trim();
        if let Some(p) = self.find_exact(key)? {
            return Ok(p);
        }
        let conn = self.db.lock();
        conn.query_row(
            "SELECT id, name, platform, fields, secrets, created_at, updated_at, checked_at,
                    check_error, check_detail, check_said FROM profiles
             WHERE id = ?1",
            [key],
            row_to_profile,
        )
        .optional()
        .map_err(|e| self.db.err(e))?
        .ok_or_else(|| ProfileError::NotFound(key.to_owned()))
    }

    fn find_exact(&self, name: &str) -> Result<Option<Profile>, ProfileError> {
        let conn = self.db.lock();
        conn.query_row(
            "SELECT id, name, platform, fields, secrets, created_at, updated_at, checked_at,
                    check_error, check_detail, check_said FROM profiles
             WHERE name = ?1",
            [name],
            row_to_profile,
        )
        .optional()
        .map_err(|e| self.db.err(e).into())
    }

    /// Renames a profile; its secrets stay where they are (filed under its id).
    pub fn rename(&self, name_or_id: &str, new_name: &str) -> Result<Profile, ProfileError> {
        let mut profile = self.get(name_or_id)?;
        let probe = NewProfile {
            platform: Platform::Sandbox,
            name: new_name.into(),
            fields: BTreeMap::new(),
            secrets: Secrets::default(),
        };
        validate(&probe).map_err(ProfileError::Invalid)?;
        let new_name = new_name.trim().to_owned();
        if let Some(other) = self.find_exact(&new_name)?
            && other.id != profile.id
        {
            return Err(ProfileError::NameTaken(new_name));
        }
        let now = now_ms();
        self.db.execute(
            "UPDATE profiles SET name = ?1, updated_at = ?2 WHERE id = ?3",
            params![new_name, now, profile.id],
        )?;
        profile.name = new_name;
        profile.updated_at = now;
        Ok(profile)
    }

    /// Edits a profile: its name, all of its non-secret fields, and the secrets given
    /// (others stay as they are; secrets the new fields no longer use are removed).
    pub fn update(
        &self,
        name_or_id: &str,
        name: &str,
        fields: BTreeMap<String, String>,
        secrets: Secrets,
    ) -> Result<Profile, ProfileError> {
        let old = self.get(name_or_id)?;
        let edit = NewProfile {
            platform: old.platform,
            name: name.into(),
            fields,
            secrets,
        };
        let mode = token_mode(old.platform, &edit.fields);
        let still_used = |key: &str| {
            credentials::field(old.platform, key).is_some_and(|f| f.required.applies(mode))
        };
        let kept: Vec<String> = old
            .secret_keys
            .iter()
            .filter(|k| still_used(k))
            .cloned()
            .collect();
        let fields = validate_with(&edit, &kept).map_err(ProfileError::Invalid)?;
        let name = edit.name.trim().to_owned();
        if let Some(other) = self.find_exact(&name)?
            && other.id != old.id
        {
            return Err(ProfileError::NameTaken(name));
        }
        // Secrets go only where they were given for: a new address needs them again.
        if let Some(moved) = ["api_base", "relay_url"]
            .into_iter()
            .find(|key| old.fields.get(*key) != fields.get(*key))
        {
            let Some(missing) = kept.iter().find(|k| edit.secrets.get(k.as_str()).is_none()) else {
                return self.save_edit(&old, name, fields, kept, edit.secrets);
            };
            let label = |key: &str| Words::new(format!("field-{}-{key}", old.platform.id()));
            let words = Words::new("profile-secret-for-moved-address")
                .words("label", label(missing))
                .words("moved", label(moved));
            return Err(ProfileError::Invalid(Invalid::new(missing, words)));
        }
        self.save_edit(&old, name, fields, kept, edit.secrets)
    }

    /// Writes an edit: the new secrets first (remembering what they replace), then the
    /// row; only once the row is written are the secrets it no longer uses removed. If
    /// the row cannot be written, the replaced secrets are put back.
    fn save_edit(
        &self,
        old: &Profile,
        name: String,
        fields: BTreeMap<String, String>,
        kept: Vec<String>,
        secrets: Secrets,
    ) -> Result<Profile, ProfileError> {
        let dropped: Vec<String> = old
            .secret_keys
            .iter()
            .filter(|k| !kept.contains(k) && secrets.get(k.as_str()).is_none())
            .cloned()
            .collect();
        let mut replaced: Vec<(String, Option<String>)> = Vec::new();
        if !secrets.is_empty() {
            let keychain = self.keychain()?;
            for (key, secret) in secrets.iter() {
                let account = old.keychain_account(key);
                let before = keychain.get(&account).ok().flatten();
                if let Err(e) = keychain.set(&account, secret.expose()) {
                    self.restore(old, &replaced);
                    return Err(e.into());
                }
                replaced.push((key.clone(), before));
            }
        }
        let mut secret_keys = kept;
        for (key, _) in secrets.iter() {
            if !secret_keys.contains(key) {
                secret_keys.push(key.clone());
            }
        }
        let profile = Profile {
            name,
            fields,
            secret_keys,
            updated_at: now_ms(),
            ..old.clone()
        };
        let written = self.db.execute(
            "UPDATE profiles SET name = ?1, fields = ?2, secrets = ?3, updated_at = ?4
                 WHERE id = ?5",
            params![
                profile.name,
                serde_json::to_string(&profile.fields).expect("strings serialise"),
                serde_json::to_string(&profile.secret_keys).expect("strings serialise"),
                profile.updated_at,
                profile.id
            ],
        );
        if let Err(e) = written {
            self.restore(old, &replaced);
            return Err(e.into());
        }
        if !dropped.is_empty() {
            let keychain = self.keychain()?;
            for key in &dropped {
                // The row no longer names it; a secret left behind here is harmless
                // and the next edit or removal of the account tries again.
                if let Err(e) = keychain.delete(&old.keychain_account(key)) {
                    tracing::warn!(error = %e, "an unused secret stays in the keychain");
                }
            }
        }
        Ok(profile)
    }

    /// Puts back the secrets an edit replaced (or removes those it added).
    fn restore(&self, old: &Profile, replaced: &[(String, Option<String>)]) {
        let Ok(keychain) = self.keychain() else {
            return;
        };
        for (key, before) in replaced {
            let account = old.keychain_account(key);
            match before {
                Some(value) => {
                    let _ = keychain.set(&account, value);
                }
                None => {
                    let _ = keychain.delete(&account);
                }
            }
        }
    }

    /// Records what a verification (or a send) said about the account.
    pub fn record_check(
        &self,
        id: &str,
        error: Option<&str>,
        detail: &Words,
    ) -> Result<(), ProfileError> {
        let said = serde_json::to_string(detail).ok();
        self.db.execute(
            "UPDATE profiles SET checked_at = ?2, check_error = ?3, check_detail = ?4,
                 check_said = ?5 WHERE id = ?1",
            params![id, now_ms(), error, Lang::En.say(detail), said],
        )?;
        Ok(())
    }

    /// Replaces (or adds) one secret of a profile.
    pub fn set_secret(
        &self,
        name_or_id: &str,
        key: &str,
        secret: &Secret,
    ) -> Result<Profile, ProfileError> {
        let mut profile = self.get(name_or_id)?;
        let is_secret = credentials::field(profile.platform, key).is_some_and(|f| f.secret);
        if !is_secret || secret.expose().is_empty() || secret.expose().contains(char::is_whitespace)
        {
            let words = if is_secret {
                Words::new("profile-bad-secret")
            } else {
                Words::new("profile-no-such-secret")
                    .words("platform", profile.platform.name_words())
                    .text("key", key)
            };
            return Err(ProfileError::Invalid(Invalid::new(key, words)));
        }
        // As for an edit: the secret first, then the row; if the row cannot be written,
        // the secret it replaced is put back (or the new one removed).
        let keychain = self.keychain()?;
        let account = profile.keychain_account(key);
        let before = keychain.get(&account).ok().flatten();
        keychain.set(&account, secret.expose())?;
        let old = profile.clone();
        if !profile.secret_keys.iter().any(|k| k == key) {
            profile.secret_keys.push(key.into());
        }
        profile.updated_at = now_ms();
        let written = self.db.execute(
            "UPDATE profiles SET secrets = ?1, updated_at = ?2 WHERE id = ?3",
            params![
                serde_json::to_string(&profile.secret_keys).expect("strings serialise"),
                profile.updated_at,
                profile.id
            ],
        );
        if let Err(e) = written {
            self.restore(&old, &[(key.to_owned(), before)]);
            return Err(e.into());
        }
        Ok(profile)
    }

    /// Removes a profile and its keychain entries. With no keychain, nothing is
    /// removed (so that no secret is left behind without its profile).
    pub fn remove(&self, name_or_id: &str) -> Result<Profile, ProfileError> {
        let profile = self.get(name_or_id)?;
        if !profile.secret_keys.is_empty() {
            let keychain = self.keychain()?;
            for key in &profile.secret_keys {
                keychain.delete(&profile.keychain_account(key))?;
            }
        }
        self.db
            .lock()
            .execute("DELETE FROM profiles WHERE id = ?1", [&profile.id])
            .map_err(|e| self.db.err(e))?;
        Ok(profile)
    }

    /// The profile's secrets, from the keychain. A secret the profile should have but
    /// the keychain lost is an error that says how to enter it again.
    pub fn secrets(&self, profile: &Profile) -> Result<Secrets, ProfileError> {
        let mut secrets = Secrets::default();
        if profile.secret_keys.is_empty() {
            return Ok(secrets);
        }
        let keychain = self.keychain()?;
        for key in &profile.secret_keys {
            match keychain.get(&keychain_account(&profile.id, key))? {
                Some(value) => secrets.insert(key.clone(), Secret::new(value)),
                None => {
                    return Err(ProfileError::SecretMissing {
                        name: profile.name.clone(),
                        key: key.clone(),
                    });
                }
            }
        }
        Ok(secrets)
    }
}

fn row_to_profile(row: &rusqlite::Row<'_>) -> rusqlite::Result<Profile> {
    let platform: String = row.get(2)?;
    let fields: String = row.get(3)?;
    let secrets: String = row.get(4)?;
    let bad = |what: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            2,
            rusqlite::types::Type::Text,
            format!("a profile row holds an unknown {what}").into(),
        )
    };
    Ok(Profile {
        id: row.get(0)?,
        name: row.get(1)?,
        platform: platform.parse().map_err(|_| bad("platform"))?,
        fields: serde_json::from_str(&fields).map_err(|_| bad("field list"))?,
        secret_keys: serde_json::from_str(&secrets).map_err(|_| bad("secret list"))?,
        created_at: row.get(5)?,
        updated_at: row.get(6)?,
        check: match row.get::<_, Option<i64>>(7)? {
            Some(at) => Some(Check {
                at,
                error: row.get(8)?,
                detail: row.get::<_, Option<String>>(9)?.unwrap_or_default(),
                said: row
                    .get::<_, Option<String>>(10)?
                    .and_then(|json| serde_json::from_str(&json).ok()),
            }),
            None => None,
        },
    })
}

/// A short random id, e.g. `p7f3a91c2d04e`.
fn new_id() -> String {
    format!("p{:012x}", fastrand::u64(..) & 0xffff_ffff_ffff)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::SANDBOX_ID;

    fn store() -> (tempfile::TempDir, Profiles) {
        let tmp = tempfile::tempdir().unwrap();
        let db = Db::open(&tmp.path().join("hark.db")).unwrap();
        (tmp, Profiles::new(db))
    }

    #[test]
    fn a_fresh_database_has_the_sandbox_and_it_needs_no_keychain() {
        let (_tmp, profiles) = store();
        let all = profiles.list().unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].platform, Platform::Sandbox);
        let sandbox = profiles.get("sandbox").unwrap();
        assert!(profiles.secrets(&sandbox).unwrap().is_empty());
        assert!(profiles.keychain.get().is_none(), "keychain never opened");
    }

    #[test]
    fn names_are_unique_in_any_case_and_renames_keep_the_id() {
        let (_tmp, profiles) = store();
        let err = profiles.rename("Sandbox", "  ").unwrap_err();
        assert_eq!(err.code(), "invalid_profile");
        let renamed = profiles.rename("SANDBOX", "Practice").unwrap();
        assert_eq!(renamed.id, SANDBOX_ID);
        assert_eq!(profiles.get("practice").unwrap().name, "Practice");
        assert_eq!(profiles.get("sandbox").unwrap().name, "Practice", "by id");
        assert_eq!(
            profiles.get("nobody").unwrap_err().code(),
            "profile_not_found"
        );
        let removed = profiles.remove("Practice").unwrap();
        assert_eq!(removed.id, SANDBOX_ID);
        assert!(profiles.list().unwrap().is_empty());
    }
}
