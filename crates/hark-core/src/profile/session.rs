//! An account given for one request (the local API's `session`): the platform's
//! credentials as the hosted voice-note services take them, named as the account
//! table names them (`page_access_token`, `access_token`, …). Used for that send and
//! never written anywhere: the history keeps only a name made of its non-secret fields.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use super::model::{Invalid, NewProfile, Profile, validate};
use crate::i18n::Words;
use crate::platform::{Platform, credentials};
use crate::secret::{Secret, Secrets};

/// An account for one send; its secrets live in memory only.
#[derive(Clone)]
pub struct Session {
    profile: Profile,
    secrets: Secrets,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("platform", &self.profile.platform)
            .field("fields", &self.profile.fields)
            .finish_non_exhaustive()
    }
}

impl Session {
    /// Reads `given` as the account table of `platform` names its fields: secrets to
    /// memory, the rest as an account's fields, checked as for a new account.
    pub fn parse(platform: Platform, given: &BTreeMap<String, String>) -> Result<Session, Invalid> {
        let mut fields = BTreeMap::new();
        let mut secrets = Secrets::default();
        for (key, value) in given {
            let field = credentials::field(platform, key).ok_or_else(|| {
                Invalid::new(
                    key,
                    Words::new("error-session-unknown-field")
                        .text("field", key.clone())
                        .words("platform", platform.name_words()),
                )
            })?;
            if field.secret {
                secrets.insert(key.clone(), Secret::new(value.clone()));
            } else {
                fields.insert(key.clone(), value.clone());
            }
        }
        let new = NewProfile {
            platform,
            name: "session".into(),
            fields,
            secrets,
        };
        let fields = validate(&new)?;
        // The same account in every request gets the same id (pacing reads the history
        // by it); it is made of non-secret fields only.
        let digest = Sha256::digest(serde_json::to_vec(&fields).expect("strings serialise"));
        let id = format!(
            "{SESSION_ID_PREFIX}{}-{}",
            platform.id(),
            crate::hex::hex(&digest[..6])
        );
        Ok(Session {
            profile: Profile {
                id,
                name: SESSION_NAME.into(),
                platform,
                fields,
                secret_keys: new.secrets.iter().map(|(k, _)| k.clone()).collect(),
                created_at: 0,
                updated_at: 0,
                check: None,
            },
            secrets: new.secrets,
        })
    }

    /// The account as a profile that is in no database.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    pub fn secrets(&self) -> &Secrets {
        &self.secrets
    }
}

/// How the history names the account of a send made with a session.
pub const SESSION_NAME: &str = "API session";
/// How a session's account id begins (then its platform and a hash of its fields).
pub const SESSION_ID_PREFIX: &str = "session-";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_keeps_secrets_apart_and_names_the_account_without_them() {
        let given = BTreeMap::from([
            ("page_id".to_owned(), "104728372938472".to_owned()),
            (
                "page_access_token".to_owned(),
                "EAAJ-session-token".to_owned(),
            ),
        ]);
        let session = Session::parse(Platform::Messenger, &given).unwrap();
        assert_eq!(session.secrets().values(), vec!["EAAJ-session-token"]);
        assert_eq!(session.profile().fields.len(), 1);
        assert!(!format!("{session:?}").contains("EAAJ"));
        // Another token for the same Page is the same account.
        let other = BTreeMap::from([
            ("page_id".to_owned(), "104728372938472".to_owned()),
            ("page_access_token".to_owned(), "EAAJ-another".to_owned()),
        ]);
        let again = Session::parse(Platform::Messenger, &other).unwrap();
        assert_eq!(again.profile().id, session.profile().id);
        assert!(!session.profile().id.contains("EAAJ"));
    }

    #[test]
    fn a_session_is_checked_as_an_account_is() {
        let missing = BTreeMap::from([("page_id".to_owned(), "1047".to_owned())]);
        assert_eq!(
            Session::parse(Platform::Messenger, &missing)
                .unwrap_err()
                .field,
            "page_access_token"
        );
        let unknown = BTreeMap::from([("token".to_owned(), "x".to_owned())]);
        assert_eq!(
            Session::parse(Platform::Telegram, &unknown)
                .unwrap_err()
                .field,
            "token"
        );
    }
}
