//! The OS keychain, the only place a secret is ever stored.
//!
//! Secret Service (gnome-keyring, KWallet) on Linux, Keychain on macOS, Credential
//! Manager on Windows, all through the `keyring-core` API. There is deliberately no
//! fallback: with no keychain, Hark refuses to store a secret rather than write it in
//! plain text.

use std::sync::{Arc, mpsc};
use std::time::Duration;

use keyring_core::{CredentialStore, Entry, Error as StoreError};

use crate::UserError;
use crate::i18n::{Said, Words};

/// The keychain "service" under which every Hark secret is filed.
pub const SERVICE: &str = "hark";

/// How long a keychain call may take before Hark says it did not answer (an unlock
/// prompt nobody answers, a hung daemon).
pub const ANSWER_TIMEOUT: Duration = Duration::from_secs(20);

#[derive(Debug, thiserror::Error)]
pub enum KeychainError {
    #[error("{}", self.words().english())]
    Unavailable { detail: String },
    #[error("{}", self.words().english())]
    Locked { detail: String },
    #[error("{}", self.words().english())]
    NoAnswer,
    #[error("{}", self.words().english())]
    Failed { detail: String },
}

impl KeychainError {
    /// Its sentence and remedy in the catalog's words; the keychain's own words
    /// (`detail`) are said as they are.
    fn words(&self) -> Said {
        let (id, detail) = match self {
            KeychainError::Unavailable { detail } => ("keychain-unavailable", detail),
            KeychainError::Locked { detail } => ("keychain-locked", detail),
            KeychainError::Failed { detail } => ("keychain-error", detail),
            KeychainError::NoAnswer => {
                let secs = ANSWER_TIMEOUT.as_secs() as f64;
                return Said::new(
                    Words::new("error-keychain-no-answer").number("secs", secs),
                    Words::new("remedy-keychain-locked"),
                );
            }
        };
        Said::new(
            Words::new(format!("error-{id}")).text("detail", detail.clone()),
            Words::new(format!("remedy-{id}")),
        )
    }
}

impl UserError for KeychainError {
    fn code(&self) -> &'static str {
        match self {
            KeychainError::Unavailable { .. } => "keychain_unavailable",
            KeychainError::Locked { .. } => "keychain_locked",
            KeychainError::NoAnswer => "keychain_no_answer",
            KeychainError::Failed { .. } => "keychain_error",
        }
    }

    fn said(&self) -> Option<Said> {
        Some(self.words())
    }
}

fn classify(err: StoreError) -> KeychainError {
    let detail = err.to_string();
    match err {
        StoreError::NoStorageAccess(_) => KeychainError::Locked { detail },
        StoreError::PlatformFailure(_) | StoreError::NotSupportedByStore(_) => {
            KeychainError::Unavailable { detail }
        }
        _ => KeychainError::Failed { detail },
    }
}

/// A connection to the OS keychain.
#[derive(Clone)]
pub struct Keychain {
    store: Arc<CredentialStore>,
}

impl Keychain {
    /// Connects to the platform's keychain.
    pub fn open() -> Result<Self, KeychainError> {
        with_timeout(|| native_store().map(|store| Keychain { store }))
    }

    /// Stores `secret` under `account`, replacing any earlier value.
    pub fn set(&self, account: &str, secret: &str) -> Result<(), KeychainError> {
        let entry = self.entry(account)?;
        let secret = secret.to_owned();
        with_timeout(move || entry.set_password(&secret).map_err(classify))
    }

    /// The secret stored under `account`, if any.
    pub fn get(&self, account: &str) -> Result<Option<String>, KeychainError> {
        let entry = self.entry(account)?;
        with_timeout(move || match entry.get_password() {
            Ok(secret) => Ok(Some(secret)),
            Err(StoreError::NoEntry) => Ok(None),
            Err(err) => Err(classify(err)),
        })
    }

    /// Removes the secret stored under `account`; `false` if there was none.
    pub fn delete(&self, account: &str) -> Result<bool, KeychainError> {
        let entry = self.entry(account)?;
        with_timeout(move || match entry.delete_credential() {
            Ok(()) => Ok(true),
            Err(StoreError::NoEntry) => Ok(false),
            Err(err) => Err(classify(err)),
        })
    }

    /// Proves the keychain is reachable, unlocked and writable by storing, reading back
    /// and deleting a throw-away value. Leaves nothing behind.
    pub fn probe(&self) -> Result<(), KeychainError> {
        let account = format!("doctor-probe-{}", std::process::id());
        let value = format!("probe-{:x}", nanos());
        self.set(&account, &value)?;
        let read = self.get(&account);
        let deleted = self.delete(&account);
        match read? {
            Some(back) if back == value => deleted.map(|_| ()),
            _ => Err(KeychainError::Failed {
                detail: "a value written to the keychain could not be read back".into(),
            }),
        }
    }

    fn entry(&self, account: &str) -> Result<Entry, KeychainError> {
        self.store.build(SERVICE, account, None).map_err(classify)
    }
}

fn nanos() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default()
}

/// Runs a keychain call on its own thread so that a daemon that never answers (or an
/// unlock prompt left open) becomes `NoAnswer` instead of a hang.
fn with_timeout<T: Send + 'static>(
    call: impl FnOnce() -> Result<T, KeychainError> + Send + 'static,
) -> Result<T, KeychainError> {
    with_deadline(ANSWER_TIMEOUT, call)
}

fn with_deadline<T: Send + 'static>(
    deadline: Duration,
    call: impl FnOnce() -> Result<T, KeychainError> + Send + 'static,
) -> Result<T, KeychainError> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name("keychain".into())
        .spawn(move || {
            let _ = tx.send(call());
        })
        .map_err(|e| KeychainError::Failed {
            detail: e.to_string(),
        })?;
    match rx.recv_timeout(deadline) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(KeychainError::NoAnswer),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(KeychainError::Failed {
            detail: "the keychain call stopped without an answer".into(),
        }),
    }
}

/// The platform's own keychain; there is deliberately no fallback store.
fn native_store() -> Result<Arc<CredentialStore>, KeychainError> {
    #[cfg(target_os = "linux")]
    let store = zbus_secret_service_keyring_store::Store::new();
    #[cfg(target_os = "macos")]
    let store = apple_native_keyring_store::keychain::Store::new();
    #[cfg(target_os = "windows")]
    let store = windows_native_keyring_store::Store::new();
    store
        .map(|s| s as Arc<CredentialStore>)
        .map_err(|err| KeychainError::Unavailable {
            detail: err.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_errors_map_to_stable_codes() {
        let boxed = || Box::<dyn std::error::Error + Send + Sync>::from("x");
        assert_eq!(
            classify(StoreError::NoStorageAccess(boxed())).code(),
            "keychain_locked"
        );
        assert_eq!(
            classify(StoreError::PlatformFailure(boxed())).code(),
            "keychain_unavailable"
        );
        assert_eq!(
            classify(StoreError::Invalid("a".into(), "b".into())).code(),
            "keychain_error"
        );
    }

    #[test]
    fn a_call_that_never_answers_becomes_no_answer() {
        let (_keep_open, never) = mpsc::channel::<()>();
        let result: Result<(), _> = with_deadline(Duration::from_millis(50), move || {
            let _ = never.recv();
            Ok(())
        });
        assert!(matches!(result, Err(KeychainError::NoAnswer)), "{result:?}");
    }

    #[test]
    fn a_call_that_dies_is_an_error_not_a_hang() {
        let result: Result<(), _> = with_deadline(Duration::from_secs(60), || {
            std::panic::resume_unwind(Box::new("keychain thread died"));
        });
        assert_eq!(result.unwrap_err().code(), "keychain_error");
    }
}
