//! A secret in memory: never printed, only shown masked.

use std::collections::BTreeMap;
use std::fmt;

/// A token, key or app secret. `Debug` and `Display` never show it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The secret itself, for the one place that needs it: the request to the platform.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// `••••3f9a`: the last four characters, and only for a secret long enough that
    /// they give nothing away.
    pub fn masked(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        if chars.len() < 12 {
            "••••".into()
        } else {
            let tail: String = chars[chars.len() - 4..].iter().collect();
            format!("••••{tail}")
        }
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({})", self.masked())
    }
}

/// A profile's secrets by field key (`bot_token`, `app_secret`, …).
#[derive(Debug, Clone, Default)]
pub struct Secrets(BTreeMap<String, Secret>);

impl Secrets {
    pub fn insert(&mut self, key: impl Into<String>, secret: Secret) {
        self.0.insert(key.into(), secret);
    }

    pub fn get(&self, key: &str) -> Option<&Secret> {
        self.0.get(key)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Secret)> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every value, for redaction.
    pub fn values(&self) -> Vec<String> {
        self.0.values().map(|s| s.0.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_shows_only_its_last_four_characters() {
        let s = Secret::new("EAAGm0PX4ZCpsBA3f9a");
        assert_eq!(s.masked(), "••••3f9a");
        assert!(!format!("{s:?}").contains("EAAG"));
        assert_eq!(Secret::new("short").masked(), "••••");
    }
}
