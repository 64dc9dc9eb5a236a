//! A profile: one account on one platform.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::clock::rfc3339;
use crate::i18n::{Lang, Words};
use crate::platform::credentials::{self, Required};
use crate::platform::{Account, Platform};

use crate::secret::{Secret, Secrets};

/// The sandbox profile every new data folder starts with.
pub const SANDBOX_ID: &str = "sandbox";

#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub platform: Platform,
    /// Non-secret fields as given (defaults are not stored).
    pub fields: BTreeMap<String, String>,
    /// The keys of the secrets kept in the keychain for this profile.
    pub secret_keys: Vec<String>,
    pub created_at: i64,
    pub updated_at: i64,
    /// What the last verification or send said about the account, if anything yet.
    pub check: Option<Check>,
}

/// The outcome of an account's last check: a verification, or a send whose answer
/// says something about the account.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    pub at: i64,
    /// `None` when it worked; else the error code (`invalid_token`, …).
    pub error: Option<String>,
    /// "verified as …", or the error's sentence, in English.
    pub detail: String,
    /// The same in the catalog's words (none for a check from before they were kept).
    pub said: Option<Words>,
}

impl Profile {
    /// What a platform client needs of this account.
    pub fn account(&self) -> Account<'_> {
        Account {
            id: &self.id,
            platform: self.platform,
            fields: &self.fields,
        }
    }

    /// A field's value, or its default.
    pub fn field(&self, key: &str) -> Option<&str> {
        self.account().field(key)
    }

    /// Where this profile's API calls go.
    pub fn api_base(&self) -> Option<&str> {
        self.account().api_base()
    }

    /// The keychain account under which the secret `key` of this profile is filed.
    pub fn keychain_account(&self, key: &str) -> String {
        keychain_account(&self.id, key)
    }
}

pub fn keychain_account(profile_id: &str, key: &str) -> String {
    format!("profile:{profile_id}:{key}")
}

/// What is known of whether an account works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AccountStatus {
    /// Not verified yet, and no send has said anything about it.
    Unchecked,
    /// The last verification or send worked.
    Verified,
    /// The last verification or send said something is wrong with it.
    Attention,
}

/// What a person asks for when adding a profile.
#[derive(Debug, Clone)]
pub struct NewProfile {
    pub platform: Platform,
    pub name: String,
    pub fields: BTreeMap<String, String>,
    pub secrets: Secrets,
}

/// A field that is missing or wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct Invalid {
    pub field: String,
    /// What is wrong, in English.
    pub problem: String,
    /// The same in the catalog's words, for another language.
    pub words: Option<Words>,
}

impl Invalid {
    /// `field` is wrong as `words` say.
    pub fn new(field: &str, words: Words) -> Invalid {
        Invalid {
            field: field.into(),
            problem: Lang::En.say(&words),
            words: Some(words),
        }
    }
}

/// The token mode a WeChat profile's fields name (or its default), as the table spells
/// it (`access-token` on a command line is `access_token`).
pub fn token_mode(platform: Platform, fields: &BTreeMap<String, String>) -> Option<&'static str> {
    let field = credentials::field(platform, "token_mode")?;
    match fields.get("token_mode").map(|v| v.trim()) {
        Some(v) if !v.is_empty() => field
            .choices
            .iter()
            .find(|c| c.eq_ignore_ascii_case(v) || c.replace('_', "-").eq_ignore_ascii_case(v))
            .copied()
            .or(Some("")),
        _ => field.default,
    }
}

/// Checks names, fields and secrets against the platform's table; returns the cleaned
/// fields (trimmed, empty ones dropped, choices normalised).
pub fn validate(new: &NewProfile) -> Result<BTreeMap<String, String>, Invalid> {
    validate_with(new, &[])
}

/// As [`validate`], for an edit: secrets listed in `kept` are already in the keychain
/// and count as given.
pub fn validate_with(
    new: &NewProfile,
    kept: &[String],
) -> Result<BTreeMap<String, String>, Invalid> {
    let invalid = |field: &str, id: &str| Invalid::new(field, Words::new(id));
    // A field's label, as the form shows it in the reader's language.
    let label = |id: &str, key: &str| {
        Words::new(id).words(
            "label",
            Words::new(format!("field-{}-{key}", new.platform.id())),
        )
    };
    let platform = |id: &str, key: &str| {
        Words::new(id)
            .words("platform", new.platform.name_words())
            .text("key", key)
    };
    let name = new.name.trim();
    if name.is_empty() {
        return Err(invalid("name", "profile-name-missing"));
    }
    if name.chars().count() > 60 || name.chars().any(char::is_control) {
        return Err(invalid("name", "profile-name-too-long"));
    }
    let spec = credentials::fields(new.platform);
    let mut fields = BTreeMap::new();
    for (key, value) in &new.fields {
        let Some(field) = spec.iter().find(|f| f.key == key) else {
            return Err(Invalid::new(key, platform("profile-no-such-field", key)));
        };
        if field.secret {
            return Err(Invalid::new(
                key,
                label("profile-secret-on-command-line", key),
            ));
        }
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let value = if field.choices.is_empty() {
            value.to_owned()
        } else {
            match field
                .choices
                .iter()
                .find(|c| c.eq_ignore_ascii_case(value) || c.replace('_', "-") == value)
            {
                Some(c) => (*c).to_owned(),
                None => {
                    let choices = field.choices.join(", ");
                    let words = label("profile-choose-one-of", key).text("choices", choices);
                    return Err(Invalid::new(key, words));
                }
            }
        };
        if key.ends_with("_url") || key == "api_base" {
            check_url(&value).map_err(|p| {
                Invalid::new(key, label("profile-bad-url", key).words("problem", p))
            })?;
        }
        fields.insert(key.clone(), value);
    }
    for (key, secret) in new.secrets.iter() {
        match spec.iter().find(|f| f.key == key) {
            Some(f) if f.secret => {}
            _ => {
                return Err(Invalid::new(key, platform("profile-no-such-secret", key)));
            }
        }
        if secret.expose().trim().is_empty() || secret.expose().contains(char::is_whitespace) {
            return Err(invalid(key, "profile-bad-secret"));
        }
    }
    let token_mode = token_mode(new.platform, &fields);
    for field in spec {
        if !field.required.applies(token_mode)
            && (fields.contains_key(field.key) || new.secrets.get(field.key).is_some())
        {
            let mode = match field.required {
                Required::WhenTokenMode(m) | Required::OptionalWhenTokenMode(m) => m,
                _ => "",
            };
            let words = label("profile-only-with-mode", field.key).text("mode", mode);
            return Err(Invalid::new(field.key, words));
        }
        let needed = field.required.needed(token_mode);
        let present = if field.secret {
            new.secrets.get(field.key).is_some() || kept.iter().any(|k| k == field.key)
        } else {
            fields.contains_key(field.key)
        };
        if needed && !present {
            return Err(Invalid::new(
                field.key,
                label("profile-required", field.key),
            ));
        }
    }
    Ok(fields)
}

fn check_url(value: &str) -> Result<(), Words> {
    let url = reqwest::Url::parse(value)
        .map_err(|e| Words::new("url-not-a-url").text("detail", e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(Words::new("url-not-web"));
    }
    if url.scheme() == "http" && !url.host().is_some_and(|h| is_local(&h)) {
        return Err(Words::new("url-needs-https"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Words::new("url-has-credentials"));
    }
    Ok(())
}

/// Whether `host` is this computer or on the local network: a loopback, private or
/// link-local address, `localhost`, or a name only the local network resolves.
fn is_local(host: &url::Host<&str>) -> bool {
    match host {
        url::Host::Ipv4(ip) => ip.is_loopback() || ip.is_private() || ip.is_link_local(),
        url::Host::Ipv6(ip) => {
            ip.is_loopback() || ip.is_unique_local() || ip.is_unicast_link_local()
        }
        url::Host::Domain(name) => {
            let name = name.trim_end_matches('.').to_ascii_lowercase();
            name == "localhost"
                || [".localhost", ".local", ".lan", ".home.arpa", ".internal"]
                    .iter()
                    .any(|suffix| name.ends_with(suffix))
        }
    }
}

/// A profile as shown to a person: fields with defaults filled in, secrets masked.
#[derive(Debug, Clone, Serialize)]
pub struct ProfileView {
    pub id: String,
    pub name: String,
    pub platform: Platform,
    pub platform_name: &'static str,
    pub fields: Vec<FieldView>,
    pub created_at: String,
    pub updated_at: String,
    pub status: AccountStatus,
    pub status_detail: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FieldView {
    pub key: &'static str,
    /// The field's English label (`Field::label` says it in another language).
    pub label: String,
    pub secret: bool,
    /// A secret the profile lists that the keychain does not hold.
    pub missing: bool,
    /// The value (masked for a secret), or `None` when it is not set.
    pub value: Option<String>,
    /// The value is the platform's default, not one that was given.
    pub is_default: bool,
}

impl ProfileView {
    /// `secrets` holds what the keychain returned (for masking); a secret listed on
    /// the profile but missing from `secrets` has no value and is `missing`.
    pub fn new(profile: &Profile, secrets: Option<&Secrets>) -> ProfileView {
        let mode = token_mode(profile.platform, &profile.fields);
        let fields = credentials::fields(profile.platform)
            .iter()
            .filter(|f| f.required.applies(mode))
            .map(|f| {
                if f.secret {
                    let stored = profile.secret_keys.iter().any(|k| k == f.key);
                    let value = match (stored, secrets) {
                        (false, _) => None,
                        (true, Some(s)) => s.get(f.key).map(Secret::masked),
                        (true, None) => Some("••••".into()),
                    };
                    FieldView {
                        key: f.key,
                        label: f.label(profile.platform, Lang::En),
                        secret: true,
                        missing: stored && value.is_none(),
                        value,
                        is_default: false,
                    }
                } else {
                    let given = profile.fields.get(f.key).cloned();
                    let default = if f.key == "api_base" {
                        credentials::default_api_base(profile.platform)
                    } else {
                        f.default
                    };
                    FieldView {
                        key: f.key,
                        label: f.label(profile.platform, Lang::En),
                        secret: false,
                        missing: false,
                        is_default: given.is_none() && default.is_some(),
                        value: given.or(default.map(str::to_owned)),
                    }
                }
            })
            .collect();
        ProfileView {
            id: profile.id.clone(),
            name: profile.name.clone(),
            platform: profile.platform,
            platform_name: profile.platform.facts().name,
            fields,
            created_at: rfc3339(profile.created_at),
            updated_at: rfc3339(profile.updated_at),
            status: match &profile.check {
                None if profile.platform == Platform::Sandbox => AccountStatus::Verified,
                None => AccountStatus::Unchecked,
                Some(c) if c.error.is_none() => AccountStatus::Verified,
                Some(_) => AccountStatus::Attention,
            },
            status_detail: profile.check.as_ref().map(|c| c.detail.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(platform: Platform, fields: &[(&str, &str)], secrets: &[(&str, &str)]) -> NewProfile {
        let mut s = Secrets::default();
        for (k, v) in secrets {
            s.insert(*k, Secret::new(*v));
        }
        NewProfile {
            platform,
            name: "Support".into(),
            fields: fields
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            secrets: s,
        }
    }

    #[test]
    fn wechat_needs_what_its_token_mode_needs() {
        let ok = new(
            Platform::Wechat,
            &[("app_id", "wx1")],
            &[("app_secret", "abc")],
        );
        assert!(validate(&ok).is_ok());
        let relay = new(
            Platform::Wechat,
            &[("app_id", "wx1"), ("token_mode", "relay")],
            &[],
        );
        assert_eq!(validate(&relay).unwrap_err().field, "relay_url");
        let relay = new(
            Platform::Wechat,
            &[
                ("app_id", "wx1"),
                ("token_mode", "relay"),
                ("relay_url", "https://relay.example/token"),
            ],
            &[],
        );
        assert!(validate(&relay).is_ok());
        let pasted = new(
            Platform::Wechat,
            &[("app_id", "wx1"), ("token_mode", "access-token")],
            &[("access_token", "tok")],
        );
        assert_eq!(validate(&pasted).unwrap()["token_mode"], "access_token");
    }

    #[test]
    fn secrets_are_never_fields_and_urls_carry_no_passwords() {
        let e = validate(&new(
            Platform::Telegram,
            &[("bot_token", "1:abc")],
            &[("bot_token", "1:abc")],
        ))
        .unwrap_err();
        assert!(e.problem.contains("never from the command line"), "{e:?}");
        let e = validate(&new(
            Platform::WhatsappGateway,
            &[("api_base", "http://me:pw@localhost:3000")],
            &[],
        ))
        .unwrap_err();
        assert_eq!(e.field, "api_base");
        let e = validate(&new(Platform::Telegram, &[], &[])).unwrap_err();
        assert_eq!(e.field, "bot_token");
        let e = validate(&new(Platform::Telegram, &[], &[("bot_token", "a b")])).unwrap_err();
        assert!(e.problem.contains("spaces"));
    }

    #[test]
    fn a_view_fills_defaults_and_masks_secrets() {
        let profile = Profile {
            id: "p1".into(),
            name: "Sales".into(),
            platform: Platform::Messenger,
            fields: [("page_id".to_string(), "42".to_string())].into(),
            secret_keys: vec!["page_access_token".into()],
            created_at: 0,
            updated_at: 0,
            check: None,
        };
        let mut secrets = Secrets::default();
        secrets.insert("page_access_token", Secret::new("EAAB-very-long-3f9a"));
        let view = ProfileView::new(&profile, Some(&secrets));
        let get = |k: &str| view.fields.iter().find(|f| f.key == k).unwrap();
        assert_eq!(get("page_access_token").value.as_deref(), Some("••••3f9a"));
        assert_eq!(get("graph_version").value.as_deref(), Some("v25.0"));
        assert!(get("graph_version").is_default);
        assert_eq!(
            get("api_base").value.as_deref(),
            Some("https://graph.facebook.com")
        );
        assert!(!serde_json::to_string(&view).unwrap().contains("EAAB"));
    }
}
