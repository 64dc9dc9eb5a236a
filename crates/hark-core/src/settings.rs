//! The agent's preferences, in the database (never a secret): which microphone, whether
//! recordings are cleaned up, the theme, the language. Unknown or damaged values read as defaults.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::db::{Db, DbError};
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// The input device's id (`hark devices`), or `None` for the system's default.
    pub input_device: Option<String>,
    /// Trim silence, remove DC and level the loudness while recording.
    pub clean: bool,
    /// `system` (follow the OS), `light` or `dark`.
    pub theme: String,
    /// The app's global recording shortcut, as an accelerator ("Ctrl+Alt+R").
    pub shortcut: String,
    pub shortcut_mode: ShortcutMode,
    /// The app's language, or `None` to follow the system's locale.
    pub language: Option<Lang>,
}

/// The app's shortcut until the agent chooses other keys.
pub const DEFAULT_SHORTCUT: &str = "CommandOrControl+Shift+Space";

/// How the app's global recording shortcut works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum ShortcutMode {
    /// Press to start, press again to stop.
    #[default]
    Toggle,
    /// Records while the keys are held; the note is kept when they are let go.
    Hold,
}

impl ShortcutMode {
    fn as_str(self) -> &'static str {
        match self {
            ShortcutMode::Toggle => "toggle",
            ShortcutMode::Hold => "hold",
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            input_device: None,
            clean: true,
            theme: "system".into(),
            shortcut: DEFAULT_SHORTCUT.into(),
            shortcut_mode: ShortcutMode::Toggle,
            language: None,
        }
    }
}

pub const THEMES: [&str; 3] = ["system", "light", "dark"];

impl Settings {
    pub fn load(db: &Db) -> Result<Settings, DbError> {
        let conn = db.lock();
        let get = |key: &str| -> Result<Option<String>, DbError> {
            conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| db.err(e))
        };
        let defaults = Settings::default();
        Ok(Settings {
            input_device: get("input_device")?.filter(|d| !d.is_empty()),
            clean: get("clean")?.map_or(defaults.clean, |v| v != "false"),
            theme: get("theme")?
                .filter(|t| THEMES.contains(&t.as_str()))
                .unwrap_or(defaults.theme),
            shortcut: get("shortcut")?
                .filter(|k| !k.trim().is_empty())
                .unwrap_or(defaults.shortcut),
            shortcut_mode: match get("shortcut_mode")?.as_deref() {
                Some("hold") => ShortcutMode::Hold,
                _ => ShortcutMode::Toggle,
            },
            language: get("language")?.and_then(|tag| Lang::from_tag(&tag)),
        })
    }

    pub fn save(&self, db: &Db) -> Result<(), DbError> {
        let theme = if THEMES.contains(&self.theme.as_str()) {
            self.theme.as_str()
        } else {
            "system"
        };
        let mut conn = db.lock();
        let tx = conn.transaction().map_err(|e| db.err(e))?;
        for (key, value) in [
            (
                "input_device",
                self.input_device.clone().unwrap_or_default(),
            ),
            ("clean", self.clean.to_string()),
            ("theme", theme.to_owned()),
            ("shortcut", self.shortcut.clone()),
            ("shortcut_mode", self.shortcut_mode.as_str().to_owned()),
            (
                "language",
                self.language.map(Lang::tag).unwrap_or_default().to_owned(),
            ),
        ] {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )
            .map_err(|e| db.err(e))?;
        }
        tx.commit().map_err(|e| db.err(e))
    }
}

/// The account the agent chose last (its id), selected again at the next start.
pub fn last_account(db: &Db) -> Result<Option<String>, DbError> {
    let conn = db.lock();
    conn.query_row(
        "SELECT value FROM settings WHERE key = 'last_account'",
        [],
        |r| r.get::<_, String>(0),
    )
    .optional()
    .map(|v| v.filter(|id| !id.is_empty()))
    .map_err(|e| db.err(e))
}

pub fn remember_account(db: &Db, id: &str) -> Result<(), DbError> {
    db.lock()
        .execute(
            "INSERT INTO settings (key, value) VALUES ('last_account', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [id],
        )
        .map(|_| ())
        .map_err(|e| db.err(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_bad_values_read_as_defaults() {
        let tmp = tempfile::tempdir().unwrap();
        let db = Db::open(&tmp.path().join("hark.db")).unwrap();
        assert_eq!(Settings::load(&db).unwrap(), Settings::default());
        let mine = Settings {
            input_device: Some("pulseaudio:vmic".into()),
            clean: false,
            theme: "dark".into(),
            shortcut: "Ctrl+Alt+R".into(),
            shortcut_mode: ShortcutMode::Hold,
            language: Some(Lang::ZhCn),
        };
        mine.save(&db).unwrap();
        assert_eq!(Settings::load(&db).unwrap(), mine);
        db.lock()
            .execute(
                "UPDATE settings SET value = 'purple' WHERE key = 'theme'",
                [],
            )
            .unwrap();
        assert_eq!(Settings::load(&db).unwrap().theme, "system");
        db.lock()
            .execute(
                "UPDATE settings SET value = 'sideways' WHERE key = 'shortcut_mode'",
                [],
            )
            .unwrap();
        assert_eq!(
            Settings::load(&db).unwrap().shortcut_mode,
            ShortcutMode::Toggle
        );
        db.lock()
            .execute(
                "UPDATE settings SET value = 'tlh' WHERE key = 'language'",
                [],
            )
            .unwrap();
        assert_eq!(Settings::load(&db).unwrap().language, None, "the system's");
    }

    #[test]
    fn the_last_account_is_remembered_apart_from_the_settings() {
        let tmp = tempfile::tempdir().unwrap();
        let db = Db::open(&tmp.path().join("hark.db")).unwrap();
        assert_eq!(last_account(&db).unwrap(), None);
        remember_account(&db, "p7").unwrap();
        remember_account(&db, "p9").unwrap();
        Settings::default().save(&db).unwrap();
        assert_eq!(last_account(&db).unwrap().as_deref(), Some("p9"));
    }
}
