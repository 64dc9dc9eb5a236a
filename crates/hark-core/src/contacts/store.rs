//! Contacts in the database, one address book per account.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

use super::csv::CsvRow;
use super::error::ContactError;
use super::fold::folded;
use super::model::{Contact, Origin};
use crate::clock::{now_ms, rfc3339};
use crate::db::{Db, DbError};
use crate::i18n::{Said, Words};
use crate::platform::SendError;
use crate::profile::Profile;
use crate::{ProblemKind, UserError};

/// The address books. Cheap to clone.
#[derive(Clone)]
pub struct Contacts {
    db: Db,
}

/// What `import` did.
#[derive(Debug, Default, PartialEq, serde::Serialize)]
pub struct Imported {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Rows whose id the platform could never take: line and why.
    #[serde(skip)]
    pub bad: Vec<(u64, Words)>,
}

/// A contact's id as `profile`'s platform wants it, or why it cannot be one.
fn platform_id(profile: &Profile, id: &str) -> Result<String, Box<SendError>> {
    crate::platform::recipient(profile.platform, id).map_err(Box::new)
}

impl Contacts {
    pub fn new(db: Db) -> Contacts {
        Contacts { db }
    }

    /// `profile`'s contacts, by name (the ones not named yet last).
    pub fn list(&self, profile: &Profile) -> Result<Vec<Contact>, DbError> {
        let mut all = self.query("WHERE profile_id = ?1", params![profile.id])?;
        all.sort_by_cached_key(|c| (c.name.is_none(), c.name.as_deref().map(folded)));
        Ok(all)
    }

    /// Adds a contact typed in (or names the one that has this id already).
    pub fn add(
        &self,
        profile: &Profile,
        name: &str,
        id: &str,
        note: Option<&str>,
    ) -> Result<Contact, AddError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(AddError::Contact(ContactError::EmptyName));
        }
        let id = platform_id(profile, id).map_err(AddError::Id)?;
        self.db.execute(
            "INSERT INTO contacts (profile_id, platform_id, name, note, origin, named, created_at)
             VALUES (?1, ?2, ?3, ?4, 'typed', 1, ?5)
             ON CONFLICT (profile_id, platform_id) DO UPDATE
                SET name = excluded.name, named = 1, note = COALESCE(excluded.note, note)",
            params![profile.id, id, name, note, now_ms()],
        )?;
        Ok(self.by_id(profile, &id)?.expect("just written"))
    }

    /// Keeps an id a note was sent to, so that the agent can name it; a contact that
    /// has it already is left as it is.
    pub fn learn(&self, profile: &Profile, id: &str) -> Result<(), DbError> {
        self.db.execute(
            "INSERT INTO contacts (profile_id, platform_id, origin, created_at)
             VALUES (?1, ?2, 'learned', ?3) ON CONFLICT (profile_id, platform_id) DO NOTHING",
            params![profile.id, id, now_ms()],
        )?;
        Ok(())
    }

    /// Adds the rows of a file (or of the platform's list) as imported contacts. A row
    /// whose id is known already renames it only if the agent never named it in Hark,
    /// so that importing again adds nothing twice and undoes no rename.
    pub fn import(&self, profile: &Profile, rows: &[CsvRow]) -> Result<Imported, DbError> {
        let mut done = Imported::default();
        for row in rows {
            let id = match platform_id(profile, &row.id) {
                Ok(id) => id,
                Err(e) => {
                    let why = e.said().map_or_else(
                        || Words::new("said-as-is").text("text", e.message.clone()),
                        |said| said.message,
                    );
                    done.bad.push((row.line, why));
                    continue;
                }
            };
            let before = self.by_id(profile, &id)?;
            if let (Some(c), Some(at)) = (&before, row.last_heard_ms) {
                self.db.execute(
                    "UPDATE contacts SET last_heard_at = MAX(COALESCE(last_heard_at, 0), ?2)
                     WHERE id = ?1",
                    params![c.id, at],
                )?;
            }
            match before {
                None => {
                    self.db.execute(
                        "INSERT INTO contacts (profile_id, platform_id, name, note, origin,
                            last_heard_at, created_at)
                         VALUES (?1, ?2, NULLIF(?3, ''), ?4, 'imported', ?5, ?6)",
                        params![
                            profile.id,
                            id,
                            row.name,
                            row.note,
                            row.last_heard_ms,
                            now_ms()
                        ],
                    )?;
                    done.added += 1;
                }
                Some(c)
                    if !row.name.is_empty()
                        && !self.named(c.id)?
                        && c.name.as_deref() != Some(row.name.as_str()) =>
                {
                    self.db.execute(
                        "UPDATE contacts SET name = ?2 WHERE id = ?1",
                        params![c.id, row.name],
                    )?;
                    done.updated += 1;
                }
                Some(_) => done.unchanged += 1,
            }
        }
        Ok(done)
    }

    /// Gives a contact (found by name or id) a new name, kept over later imports.
    pub fn rename(
        &self,
        profile: &Profile,
        query: &str,
        name: &str,
    ) -> Result<Contact, ContactError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(ContactError::EmptyName);
        }
        let c = self.one(profile, query)?;
        self.db
            .execute(
                "UPDATE contacts SET name = ?2, named = 1 WHERE id = ?1",
                params![c.id, name],
            )
            .map_err(|e| ContactError::Db(Box::new(e)))?;
        Ok(Contact {
            name: Some(name.to_owned()),
            ..c
        })
    }

    /// Removes a contact found by name or id.
    pub fn remove(&self, profile: &Profile, query: &str) -> Result<Contact, ContactError> {
        let c = self.one(profile, query)?;
        self.db
            .execute("DELETE FROM contacts WHERE id = ?1", params![c.id])
            .map_err(|e| ContactError::Db(Box::new(e)))?;
        Ok(c)
    }

    /// What `to` names among `profile`'s contacts: the one with this id, else the one
    /// with this name (case and accents aside); `None` when it names none (it may be an
    /// id typed in full). More than one with the name is ambiguous.
    pub fn resolve(&self, profile: &Profile, to: &str) -> Result<Option<Contact>, ContactError> {
        let db = |e| ContactError::Db(Box::new(e));
        if let Ok(id) = platform_id(profile, to)
            && let Some(c) = self.by_id(profile, &id).map_err(db)?
        {
            return Ok(Some(c));
        }
        let wanted = folded(to);
        let named: Vec<Contact> = self
            .list(profile)
            .map_err(db)?
            .into_iter()
            .filter(|c| c.name.as_deref().is_some_and(|n| folded(n) == wanted))
            .collect();
        match named.len() {
            0 => Ok(None),
            1 => Ok(named.into_iter().next()),
            _ => Err(ContactError::Ambiguous {
                query: to.to_owned(),
                matches: named
                    .iter()
                    .map(|c| format!("{} ({})", c.label(), c.platform_id))
                    .collect(),
            }),
        }
    }

    /// The contacts of `profile` whose name or id holds `text` (case and accents aside),
    /// names that start with it first.
    pub fn search(&self, profile: &Profile, text: &str) -> Result<Vec<Contact>, DbError> {
        let wanted = folded(text);
        let mut found: Vec<(bool, Contact)> = self
            .list(profile)?
            .into_iter()
            .filter_map(|c| {
                let name = c.name.as_deref().map(folded).unwrap_or_default();
                let starts = name.starts_with(&wanted);
                (starts || name.contains(&wanted) || c.platform_id.contains(text.trim()))
                    .then_some((!starts, c))
            })
            .collect();
        found.sort_by_key(|(later, _)| *later);
        Ok(found.into_iter().map(|(_, c)| c).collect())
    }

    /// The names of a profile's contacts by platform id (for the history).
    pub fn names(&self, profile_id: &str) -> Result<HashMap<String, String>, DbError> {
        let conn = self.db.lock();
        let mut stmt = conn
            .prepare(
                "SELECT platform_id, name FROM contacts WHERE profile_id = ?1 AND name IS NOT NULL",
            )
            .map_err(|e| self.db.err(e))?;
        let rows = stmt
            .query_map(params![profile_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.db.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.db.err(e))
    }

    fn one(&self, profile: &Profile, query: &str) -> Result<Contact, ContactError> {
        match self.resolve(profile, query)? {
            Some(c) => Ok(c),
            None => Err(ContactError::NotFound {
                query: query.to_owned(),
            }),
        }
    }

    fn named(&self, id: i64) -> Result<bool, DbError> {
        let conn = self.db.lock();
        conn.query_row(
            "SELECT named FROM contacts WHERE id = ?1",
            params![id],
            |r| r.get::<_, bool>(0),
        )
        .optional()
        .map(|n| n.unwrap_or(false))
        .map_err(|e| self.db.err(e))
    }

    fn by_id(&self, profile: &Profile, id: &str) -> Result<Option<Contact>, DbError> {
        Ok(self
            .query(
                "WHERE profile_id = ?1 AND platform_id = ?2",
                params![profile.id, id],
            )?
            .into_iter()
            .next())
    }

    fn query(&self, filter: &str, params: impl rusqlite::Params) -> Result<Vec<Contact>, DbError> {
        let conn = self.db.lock();
        let sql = format!(
            "SELECT id, profile_id, platform_id, name, note, origin, last_heard_at, created_at
             FROM contacts {filter}"
        );
        let mut stmt = conn.prepare(&sql).map_err(|e| self.db.err(e))?;
        let rows = stmt
            .query_map(params, |r| {
                let origin: String = r.get(5)?;
                Ok(Contact {
                    id: r.get(0)?,
                    profile_id: r.get(1)?,
                    platform_id: r.get(2)?,
                    name: r.get(3)?,
                    note: r.get(4)?,
                    origin: Origin::from_id(&origin).unwrap_or(Origin::Typed),
                    last_heard_at: r.get::<_, Option<i64>>(6)?.map(rfc3339),
                    last_heard_ms: r.get(6)?,
                    created_at: rfc3339(r.get(7)?),
                })
            })
            .map_err(|e| self.db.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.db.err(e))
    }
}

/// Why a contact could not be added: what is wrong with it, or with its id.
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    #[error(transparent)]
    Contact(#[from] ContactError),
    #[error(transparent)]
    Id(Box<SendError>),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl AddError {
    fn inner(&self) -> &dyn UserError {
        match self {
            AddError::Contact(e) => e,
            AddError::Id(e) => e.as_ref(),
            AddError::Db(e) => e,
        }
    }
}

impl UserError for AddError {
    fn code(&self) -> &'static str {
        self.inner().code()
    }
    fn said(&self) -> Option<Said> {
        self.inner().said()
    }
    fn kind(&self) -> ProblemKind {
        match self {
            // An id that cannot be one is a mistake in what was typed.
            AddError::Id(_) => ProblemKind::Usage,
            _ => self.inner().kind(),
        }
    }
}
