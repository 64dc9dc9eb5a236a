//! What a client needs to know of an account: which one it is and its non-secret
//! fields (the secrets travel beside it). Profiles hand this out; the clients never
//! see a profile.

use std::collections::BTreeMap;

use super::credentials;
use super::facts::Platform;

#[derive(Debug, Clone, Copy)]
pub struct Account<'a> {
    /// The profile's id: WeChat files its access token under it.
    pub id: &'a str,
    pub platform: Platform,
    /// Non-secret fields as given (defaults are not stored).
    pub fields: &'a BTreeMap<String, String>,
}

impl<'a> Account<'a> {
    /// A field's value, or its default.
    pub fn field(&self, key: &str) -> Option<&'a str> {
        self.fields
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
            .or_else(|| credentials::field(self.platform, key).and_then(|f| f.default))
    }

    /// Where this account's API calls go.
    pub fn api_base(&self) -> Option<&'a str> {
        self.field("api_base")
            .or_else(|| credentials::default_api_base(self.platform))
    }
}
