//! What an account profile holds per platform: its non-secret fields (kept in the
//! database) and its secrets (kept only in the OS keychain). The CLI's flags and the
//! app's account form are both built from this table; a field's label and help are the
//! catalogs' (`field-<platform>-<key>`, attributes `.label` and `.help`).

use serde::Serialize;

use super::Platform;
use crate::i18n::{Catalog, Lang};

/// One field of a profile.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Field {
    /// snake_case key (database, JSON); the CLI flag is the kebab-case form.
    pub key: &'static str,
    /// Kept only in the OS keychain, read from stdin or a hidden prompt.
    pub secret: bool,
    pub required: Required,
    /// Used when the field is left empty.
    pub default: Option<&'static str>,
    /// The values it may take, if it is a choice.
    pub choices: &'static [&'static str],
}

/// When a field must be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "when", content = "value")]
pub enum Required {
    Always,
    Optional,
    /// Required when WeChat's `token_mode` has this value (and unused otherwise).
    WhenTokenMode(&'static str),
    /// May be given when WeChat's `token_mode` has this value (and unused otherwise).
    OptionalWhenTokenMode(&'static str),
}

impl Required {
    /// Whether the field means anything for a profile whose token mode is `mode`.
    pub fn applies(self, mode: Option<&str>) -> bool {
        match self {
            Required::Always | Required::Optional => true,
            Required::WhenTokenMode(m) | Required::OptionalWhenTokenMode(m) => mode == Some(m),
        }
    }

    /// Whether the field must be given for a profile whose token mode is `mode`.
    pub fn needed(self, mode: Option<&str>) -> bool {
        match self {
            Required::Always => true,
            Required::WhenTokenMode(m) => mode == Some(m),
            Required::Optional | Required::OptionalWhenTokenMode(_) => false,
        }
    }
}

const API_BASE: Field = Field {
    key: "api_base",
    secret: false,
    required: Required::Optional,
    default: None,
    choices: &[],
};

const GRAPH_VERSION: Field = Field {
    key: "graph_version",
    secret: false,
    required: Required::Optional,
    default: Some("v25.0"),
    choices: &[],
};

const WECHAT: &[Field] = &[
    API_BASE,
    Field {
        key: "app_id",
        secret: false,
        required: Required::Always,
        default: None,
        choices: &[],
    },
    Field {
        key: "token_mode",
        secret: false,
        required: Required::Optional,
        default: Some("app_secret"),
        choices: &["app_secret", "access_token", "relay"],
    },
    Field {
        key: "relay_url",
        secret: false,
        required: Required::WhenTokenMode("relay"),
        default: None,
        choices: &[],
    },
    Field {
        key: "app_secret",
        secret: true,
        required: Required::WhenTokenMode("app_secret"),
        default: None,
        choices: &[],
    },
    Field {
        key: "access_token",
        secret: true,
        required: Required::WhenTokenMode("access_token"),
        default: None,
        choices: &[],
    },
    Field {
        key: "relay_bearer",
        secret: true,
        required: Required::OptionalWhenTokenMode("relay"),
        default: None,
        choices: &[],
    },
];

const MESSENGER: &[Field] = &[
    API_BASE,
    Field {
        key: "page_id",
        secret: false,
        required: Required::Always,
        default: None,
        choices: &[],
    },
    GRAPH_VERSION,
    Field {
        key: "messaging_type",
        secret: false,
        required: Required::Optional,
        default: Some("RESPONSE"),
        choices: &["RESPONSE", "UPDATE"],
    },
    Field {
        key: "page_access_token",
        secret: true,
        required: Required::Always,
        default: None,
        choices: &[],
    },
];

const WHATSAPP: &[Field] = &[
    API_BASE,
    Field {
        key: "phone_number_id",
        secret: false,
        required: Required::Always,
        default: None,
        choices: &[],
    },
    GRAPH_VERSION,
    Field {
        key: "access_token",
        secret: true,
        required: Required::Always,
        default: None,
        choices: &[],
    },
];

const WHATSAPP_GATEWAY: &[Field] = &[
    Field {
        key: "api_base",
        secret: false,
        required: Required::Always,
        default: None,
        choices: &[],
    },
    Field {
        key: "session",
        secret: false,
        required: Required::Optional,
        default: Some("default"),
        choices: &[],
    },
    Field {
        key: "api_key",
        secret: true,
        required: Required::Optional,
        default: None,
        choices: &[],
    },
];

const TELEGRAM: &[Field] = &[
    API_BASE,
    Field {
        key: "bot_token",
        secret: true,
        required: Required::Always,
        default: None,
        choices: &[],
    },
];

impl Field {
    /// The field's name on `platform`'s account form, in `lang`.
    pub fn label(&self, platform: Platform, lang: Lang) -> String {
        self.part(platform, lang, "label")
    }

    /// What to put in the field and where to find it, in `lang`.
    pub fn help(&self, platform: Platform, lang: Lang) -> String {
        self.part(platform, lang, "help")
    }

    fn part(&self, platform: Platform, lang: Lang, part: &str) -> String {
        let id = format!("field-{}-{}", platform.id(), self.key);
        Catalog::of(lang)
            .part(&id, part)
            .or_else(|| Catalog::of(Lang::En).part(&id, part))
            .unwrap_or(id)
    }
}

/// The fields of a profile on `platform`, in the order a form shows them.
pub fn fields(platform: Platform) -> &'static [Field] {
    match platform {
        Platform::Wechat => WECHAT,
        Platform::Messenger => MESSENGER,
        Platform::Whatsapp => WHATSAPP,
        Platform::WhatsappGateway => WHATSAPP_GATEWAY,
        Platform::Telegram => TELEGRAM,
        Platform::Sandbox => &[],
    }
}

/// The field `key` of `platform`, if it has one.
pub fn field(platform: Platform, key: &str) -> Option<&'static Field> {
    fields(platform).iter().find(|f| f.key == key)
}

/// The official API host, used when a profile leaves `api_base` empty.
pub fn default_api_base(platform: Platform) -> Option<&'static str> {
    match platform {
        Platform::Wechat => Some("https://api.weixin.qq.com"),
        Platform::Messenger | Platform::Whatsapp => Some("https://graph.facebook.com"),
        Platform::Telegram => Some("https://api.telegram.org"),
        Platform::WhatsappGateway | Platform::Sandbox => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_platform_but_the_sandbox_has_a_secret_and_keys_are_unique() {
        for platform in Platform::ALL {
            let fs = fields(platform);
            let mut keys: Vec<_> = fs.iter().map(|f| f.key).collect();
            keys.sort();
            keys.dedup();
            assert_eq!(keys.len(), fs.len(), "{platform}");
            assert_eq!(
                fs.iter().any(|f| f.secret),
                platform != Platform::Sandbox,
                "{platform}"
            );
            for f in fs {
                if let Some(d) = f.default
                    && !f.choices.is_empty()
                {
                    assert!(f.choices.contains(&d), "{platform}.{}", f.key);
                }
            }
        }
    }
}
