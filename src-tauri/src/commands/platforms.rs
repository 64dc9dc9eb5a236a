//! The platform table and each platform's account fields, for the UI (the same table
//! the `hark` command reads).

use hark_core::platform::Platform;
use hark_core::platform::credentials::{self, Required};
use serde::Serialize;

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PlatformInfo {
    pub id: Platform,
    pub name: String,
    /// What Hark sends, e.g. "AMR-NB".
    pub format: String,
    pub max_duration_ms: Option<u32>,
    pub max_bytes: u32,
    pub play_icon_max_bytes: Option<u32>,
    /// Whether the people who wrote to an account can be imported from the platform.
    pub lists_people: bool,
    pub fields: Vec<FieldInfo>,
}

/// A field of an account form; its label and help are the catalogs'
/// (`field-<platform>-<key>`).
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct FieldInfo {
    pub key: String,
    pub secret: bool,
    pub required: bool,
    /// Only used with this WeChat token mode.
    pub token_mode: Option<String>,
    pub default: Option<String>,
    pub choices: Vec<String>,
}

pub fn info(platform: Platform) -> PlatformInfo {
    let facts = platform.facts();
    PlatformInfo {
        id: platform,
        name: facts.name.into(),
        format: facts.target.label().into(),
        max_duration_ms: facts.max_duration.map(|d| d.as_millis() as u32),
        max_bytes: facts.max_bytes as u32,
        play_icon_max_bytes: facts.play_icon_max_bytes.map(|b| b as u32),
        lists_people: facts.lists_people,
        fields: credentials::fields(platform)
            .iter()
            .map(|f| {
                let (required, token_mode) = match f.required {
                    Required::Always => (true, None),
                    Required::Optional => (false, None),
                    Required::WhenTokenMode(m) => (true, Some(m.to_owned())),
                    Required::OptionalWhenTokenMode(m) => (false, Some(m.to_owned())),
                };
                FieldInfo {
                    key: f.key.into(),
                    secret: f.secret,
                    required,
                    token_mode,
                    default: if f.key == "api_base" {
                        credentials::default_api_base(platform).map(str::to_owned)
                    } else {
                        f.default.map(str::to_owned)
                    },
                    choices: f.choices.iter().map(|c| (*c).to_owned()).collect(),
                }
            })
            .collect(),
    }
}

/// Every platform Hark sends to, with its limits and account fields.
#[tauri::command]
#[specta::specta]
pub fn platforms() -> Vec<PlatformInfo> {
    Platform::ALL.into_iter().map(info).collect()
}
