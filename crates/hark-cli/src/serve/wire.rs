//! What the API takes and answers, as JSON, with the schemas of its OpenAPI document.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A voice note to send (the shape hosted voice-note services take).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SendBody {
    /// `wechat`, `messenger`, `whatsapp`, `whatsapp-gateway`, `telegram` or `sandbox`.
    #[schema(example = "sandbox")]
    pub platform: String,
    /// The platform's id for the customer, or the name of one of the profile's contacts.
    #[schema(example = "customer-42")]
    pub recipient: String,
    /// A link to the audio (any format Hark reads): https, or http to this computer or
    /// a private network. Fetched when the send's turn comes.
    #[schema(example = "https://files.example.com/reply.m4a")]
    pub audio_url: Option<String>,
    /// The audio itself, in base64 (or a `data:` URL).
    pub audio_base64: Option<String>,
    /// An account in Hark, by name or id: its secrets come from the keychain.
    #[schema(example = "Sandbox")]
    pub profile: Option<String>,
    /// The platform's credentials for this request only, named as Hark's account
    /// fields are (`page_id` and `page_access_token` for Messenger, `phone_number_id`
    /// and `access_token` for WhatsApp, `bot_token` for Telegram, …). Used, and never
    /// stored or logged.
    pub session: Option<BTreeMap<String, String>>,
    /// `human_agent`: a Messenger reply by a person up to 7 days after the customer
    /// last wrote.
    pub tag: Option<String>,
    /// Receives the send's final status (POST, JSON: as `GET /v1/sends/{id}`).
    pub callback_url: Option<String>,
}

impl From<SendBody> for hark_core::api::SendBody {
    fn from(b: SendBody) -> Self {
        hark_core::api::SendBody {
            platform: b.platform,
            recipient: b.recipient,
            audio_url: b.audio_url,
            audio_base64: b.audio_base64,
            profile: b.profile,
            session: b.session,
            tag: b.tag,
            callback_url: b.callback_url,
        }
    }
}

/// Where a send stands.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Accepted, waiting for its turn.
    Queued,
    /// Being fetched, converted or sent.
    Sending,
    /// The platform took it (`receipt`).
    Sent,
    /// It did not go out (`error`); sending it again is safe.
    Failed,
    /// The platform may have it: its answer was lost. Never sent again by itself.
    Unknown,
}

/// A send, as it stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct Send {
    #[schema(example = "snd_5f1c0a9e3b7d2c44")]
    pub id: String,
    pub status: Status,
    pub platform: String,
    pub recipient: String,
    /// The Hark account's profile id; none for a send with a `session`.
    pub profile: Option<String>,
    /// The audio's link, without its query (a signed link's signature).
    pub audio_url: Option<String>,
    pub tag: Option<String>,
    pub callback_url: Option<String>,
    /// Its row in Hark's history (`hark history`, the app's history).
    pub send_id: Option<i64>,
    /// The platform's receipt, once sent.
    #[schema(value_type = Option<Object>)]
    pub receipt: Option<serde_json::Value>,
    /// What went wrong: as `Error.error`.
    #[schema(value_type = Option<Object>)]
    pub error: Option<serde_json::Value>,
    /// What the callback URL answered: `status`, `error`, `attempts`, `at`.
    #[schema(value_type = Option<Object>)]
    pub callback: Option<serde_json::Value>,
    pub created_at: String,
    pub updated_at: String,
}

impl From<hark_core::api::ApiSend> for Send {
    fn from(s: hark_core::api::ApiSend) -> Self {
        use hark_core::api::ApiStatus;
        Send {
            id: s.id,
            status: match s.status {
                ApiStatus::Queued => Status::Queued,
                ApiStatus::Sending => Status::Sending,
                ApiStatus::Sent => Status::Sent,
                ApiStatus::Failed => Status::Failed,
                ApiStatus::Unknown => Status::Unknown,
            },
            platform: s.platform.id().to_owned(),
            recipient: s.recipient,
            profile: s.profile,
            audio_url: s.audio_url,
            tag: s.tag,
            callback_url: s.callback_url,
            send_id: s.send_id,
            receipt: s.receipt,
            error: s.error,
            callback: s.callback,
            created_at: s.created_at,
            updated_at: s.updated_at,
        }
    }
}

/// A page of sends, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct Sends {
    pub sends: Vec<Send>,
}

/// A failure: the same stable code, message and remedy as everywhere in Hark.
#[derive(Debug, Serialize, ToSchema)]
pub struct Error {
    pub error: Problem,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// Stable, snake_case: `invalid_request`, `unauthorized`, `profile_not_found`, …
    #[schema(example = "invalid_request")]
    pub code: String,
    pub message: String,
    pub remedy: String,
    /// `usage`, `local`, `unusable`, `does_not_fit`, `held_back`, `refused`,
    /// `temporary` or `unknown`.
    pub kind: String,
}

impl From<hark_core::Problem> for Problem {
    fn from(p: hark_core::Problem) -> Self {
        let kind = serde_json::to_value(p.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        Problem {
            code: p.code,
            message: p.message,
            remedy: p.remedy,
            kind,
        }
    }
}
