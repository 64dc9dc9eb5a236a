//! What an account profile holds per platform: its non-secret fields (kept in the
//! database) and its secrets (kept only in the OS keychain). The CLI's flags and the
//! app's account form are both built from this table.

use serde::Serialize;

use super::Platform;

/// One field of a profile.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Field {
    /// snake_case key (database, JSON); the CLI flag is the kebab-case form.
    pub key: &'static str,
    pub label: &'static str,
    pub help: &'static str,
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
    label: "API base URL",
    help: "Leave empty for the platform's own host; set it to go through a proxy.",
    secret: false,
    required: Required::Optional,
    default: None,
    choices: &[],
};

const GRAPH_VERSION: Field = Field {
    key: "graph_version",
    label: "Graph API version",
    help: "The Graph API version to call, e.g. v25.0.",
    secret: false,
    required: Required::Optional,
    default: Some("v25.0"),
    choices: &[],
};

const WECHAT: &[Field] = &[
    API_BASE,
    Field {
        key: "app_id",
        label: "AppID",
        help: "The Official Account's AppID (Settings & Development > Basic configuration).",
        secret: false,
        required: Required::Always,
        default: None,
        choices: &[],
    },
    Field {
        key: "token_mode",
        label: "Access token from",
        help: "app_secret: Hark fetches tokens with the AppSecret (this computer's IP must be \
               whitelisted); access_token: paste a token; relay: your own server hands out tokens.",
        secret: false,
        required: Required::Optional,
        default: Some("app_secret"),
        choices: &["app_secret", "access_token", "relay"],
    },
    Field {
        key: "relay_url",
        label: "Token relay URL",
        help: "Your server that answers with {\"access_token\", \"expires_in\"}.",
        secret: false,
        required: Required::WhenTokenMode("relay"),
        default: None,
        choices: &[],
    },
    Field {
        key: "app_secret",
        label: "AppSecret",
        help: "Shown once when it is created or reset.",
        secret: true,
        required: Required::WhenTokenMode("app_secret"),
        default: None,
        choices: &[],
    },
    Field {
        key: "access_token",
        label: "Access token",
        help: "A token fetched elsewhere; it expires after about two hours.",
        secret: true,
        required: Required::WhenTokenMode("access_token"),
        default: None,
        choices: &[],
    },
    Field {
        key: "relay_bearer",
        label: "Relay bearer token",
        help: "Sent to the relay as Authorization: Bearer …, if it asks for one.",
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
        label: "Page ID",
        help: "The Facebook Page's numeric id.",
        secret: false,
        required: Required::Always,
        default: None,
        choices: &[],
    },
    GRAPH_VERSION,
    Field {
        key: "messaging_type",
        label: "Messaging type",
        help: "RESPONSE for replies inside the 24-hour window (the usual case), UPDATE for \
               proactive sends inside it.",
        secret: false,
        required: Required::Optional,
        default: Some("RESPONSE"),
        choices: &["RESPONSE", "UPDATE"],
    },
    Field {
        key: "page_access_token",
        label: "Page access token",
        help: "A Page token with the pages_messaging permission.",
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
        label: "Phone number ID",
        help: "From WhatsApp Manager > API setup (not the phone number itself).",
        secret: false,
        required: Required::Always,
        default: None,
        choices: &[],
    },
    GRAPH_VERSION,
    Field {
        key: "access_token",
        label: "Access token",
        help: "A System User token with whatsapp_business_messaging (the dashboard's \
               temporary token expires after 24 hours).",
        secret: true,
        required: Required::Always,
        default: None,
        choices: &[],
    },
];

const WHATSAPP_GATEWAY: &[Field] = &[
    Field {
        key: "api_base",
        label: "Gateway URL",
        help: "Where your WAHA-compatible gateway listens, e.g. http://localhost:3000.",
        secret: false,
        required: Required::Always,
        default: None,
        choices: &[],
    },
    Field {
        key: "session",
        label: "Session",
        help: "The gateway's session (instance) name.",
        secret: false,
        required: Required::Optional,
        default: Some("default"),
        choices: &[],
    },
    Field {
        key: "api_key",
        label: "API key",
        help: "Sent as X-Api-Key, if the gateway asks for one.",
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
        label: "Bot token",
        help: "From @BotFather, like 123456:ABC-DEF….",
        secret: true,
        required: Required::Always,
        default: None,
        choices: &[],
    },
];

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
