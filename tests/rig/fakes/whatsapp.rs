//! A strict fake of the WhatsApp Cloud API (shared/platforms.md §3): a Bearer token,
//! media upload, audio messages, the 24-hour customer-service window, the pair rate
//! (about one message every 6 s to the same person) and Graph's error envelope.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Multipart, Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::{Common, Fake, HasCommon, Seen, audio, json as answer, now_ms, parts, random_id};

const HOUR_MS: i64 = 3_600_000;

#[derive(Debug, Clone)]
pub struct Delivered {
    pub to: String,
    pub media_id: String,
    pub voice: bool,
    pub bytes: usize,
}

pub struct Whatsapp {
    pub common: Common,
    pub phone_number_id: String,
    pub token: String,
    pub token_expired: bool,
    /// WhatsApp users who wrote to the business, and when they last did.
    pub customers: HashMap<String, i64>,
    pub delivered: Vec<Delivered>,
    media: HashMap<String, usize>,
    last_send_to: HashMap<String, i64>,
}

impl HasCommon for Whatsapp {
    fn common(&mut self) -> &mut Common {
        &mut self.common
    }
}

impl Whatsapp {
    pub fn new(phone_number_id: &str, token: &str) -> Whatsapp {
        Whatsapp {
            common: Common::default(),
            phone_number_id: phone_number_id.into(),
            token: token.into(),
            token_expired: false,
            customers: HashMap::new(),
            delivered: Vec::new(),
            media: HashMap::new(),
            last_send_to: HashMap::new(),
        }
    }

    pub fn customer(&mut self, number: &str, hours_ago: i64) {
        self.customers
            .insert(number.into(), now_ms() - hours_ago * HOUR_MS);
    }

    fn error(
        &mut self,
        endpoint: &'static str,
        status: u16,
        code: i64,
        message: &str,
        details: &str,
    ) -> Response {
        self.common.seen.push(Seen { endpoint, status });
        answer(
            status,
            json!({"error": {
                "message": message,
                "type": "OAuthException",
                "code": code,
                "error_data": {"messaging_product": "whatsapp", "details": details},
                "fbtrace_id": "AbCdEf123",
            }}),
        )
    }

    fn authorise(&mut self, endpoint: &'static str, headers: &HeaderMap) -> Option<Response> {
        let given = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        if given != Some(self.token.as_str()) || self.token_expired {
            return Some(self.error(
                endpoint,
                401,
                190,
                "Error validating access token: Session has expired.",
                "",
            ));
        }
        None
    }
}

type Shared = Arc<Mutex<Whatsapp>>;

fn lock(s: &Shared) -> std::sync::MutexGuard<'_, Whatsapp> {
    s.lock().unwrap_or_else(|p| p.into_inner())
}

async fn phone_number(
    State(s): State<Shared>,
    Path((_version, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let mut s = lock(&s);
    if let Some(r) = s.common.take_injected("number") {
        return r;
    }
    if let Some(r) = s.authorise("number", &headers) {
        return r;
    }
    if id != s.phone_number_id {
        return s.error("number", 400, 100, "Unsupported get request.", "");
    }
    s.common.seen.push(Seen {
        endpoint: "number",
        status: 200,
    });
    answer(
        200,
        json!({"display_phone_number": "+1 555-0100", "verified_name": "Acme Support", "id": id}),
    )
}

async fn media(
    State(shared): State<Shared>,
    Path((_version, id)): Path<(String, String)>,
    headers: HeaderMap,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    {
        let mut s = lock(&shared);
        if let Some(r) = s.common.take_injected("upload") {
            return r;
        }
        if let Some(r) = s.authorise("upload", &headers) {
            return r;
        }
        if id != s.phone_number_id {
            return s.error("upload", 400, 100, "Unsupported post request.", "");
        }
    }
    let parts = match multipart {
        Ok(m) => parts(m).await,
        Err(e) => Err(e.to_string()),
    };
    let mut s = lock(&shared);
    let parts = match parts {
        Ok(p) => p,
        Err(e) => return s.error("upload", 400, 100, "(#100) Invalid parameter", &e),
    };
    if parts.get("messaging_product").map(|p| p.text()).as_deref() != Some("whatsapp") {
        return s.error(
            "upload",
            400,
            100,
            "(#100) The parameter messaging_product is required.",
            "",
        );
    }
    let declared = parts.get("type").map(|p| p.text()).unwrap_or_default();
    let Some(file) = parts.get("file") else {
        return s.error(
            "upload",
            400,
            100,
            "(#100) The parameter file is required.",
            "",
        );
    };
    let part_type = file.content_type.clone().unwrap_or_default();
    let ogg = |t: &str| t == "audio/ogg" || t == "audio/ogg; codecs=opus";
    if !ogg(&declared) || !ogg(&part_type) {
        return s.error(
            "upload",
            400,
            131053,
            "Media upload error",
            "Unsupported media type; voice notes are audio/ogg with Opus",
        );
    }
    if let Err(why) = audio::check_ogg_opus(&file.data) {
        return s.error("upload", 400, 131053, "Media upload error", &why);
    }
    if file.data.len() > 16 * 1024 * 1024 {
        return s.error(
            "upload",
            400,
            131053,
            "Media upload error",
            "File is larger than 16 MB",
        );
    }
    let media_id = random_id("");
    s.media.insert(media_id.clone(), file.data.len());
    s.common.seen.push(Seen {
        endpoint: "upload",
        status: 200,
    });
    answer(200, json!({ "id": media_id }))
}

async fn messages(
    State(s): State<Shared>,
    Path((_version, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut s = lock(&s);
    if let Some(r) = s.common.take_injected("send") {
        return r;
    }
    if let Some(r) = s.authorise("send", &headers) {
        return r;
    }
    if id != s.phone_number_id {
        return s.error("send", 400, 100, "Unsupported post request.", "");
    }
    let is_json = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let body: Value = match serde_json::from_slice(&body) {
        Ok(b) if is_json => b,
        _ => {
            return s.error(
                "send",
                400,
                100,
                "(#100) Invalid parameter",
                "body must be JSON",
            );
        }
    };
    if body["messaging_product"] != "whatsapp" || body["type"] != "audio" {
        return s.error(
            "send",
            400,
            100,
            "(#100) Invalid parameter",
            "messaging_product and type",
        );
    }
    let to = body["to"].as_str().unwrap_or_default().to_owned();
    if to.is_empty() || !to.chars().all(|c| c.is_ascii_digit()) {
        return s.error(
            "send",
            400,
            100,
            "(#100) Invalid parameter",
            "to must be a phone number",
        );
    }
    let media_id = body["audio"]["id"].as_str().unwrap_or_default().to_owned();
    let Some(&bytes) = s.media.get(&media_id) else {
        return s.error(
            "send",
            400,
            131009,
            "(#131009) Parameter value is not valid",
            "audio.id is not an uploaded media id",
        );
    };
    let Some(&last) = s.customers.get(&to) else {
        return s.error("send", 400, 131026, "Message undeliverable", "");
    };
    if now_ms() - last > 24 * HOUR_MS {
        return s.error(
            "send",
            400,
            131047,
            "Re-engagement message",
            "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
        );
    }
    let now = now_ms();
    if s.last_send_to.get(&to).is_some_and(|t| now - t < 6000) {
        return s.error(
            "send",
            400,
            131056,
            "(#131056) (Business Account, Consumer Account) pair rate limit hit",
            "",
        );
    }
    s.last_send_to.insert(to.clone(), now);
    s.delivered.push(Delivered {
        to: to.clone(),
        media_id,
        voice: body["audio"]["voice"] == true,
        bytes,
    });
    s.common.seen.push(Seen {
        endpoint: "send",
        status: 200,
    });
    answer(
        200,
        json!({
            "messaging_product": "whatsapp",
            "contacts": [{"input": to, "wa_id": to}],
            "messages": [{"id": random_id("wamid.HBgL"), "message_status": "accepted"}],
        }),
    )
}

/// Adds an account called `name` for the fake's number (its id and token) to
/// `install`, reaching the fake at `base` (its own, or a fault proxy's in front of it).
pub fn add_account(
    install: &crate::accounts::Install,
    fake: &Fake<Whatsapp>,
    base: &str,
    name: &str,
) {
    let (number, token) = {
        let s = fake.state();
        (s.phone_number_id.clone(), s.token.clone())
    };
    let flags = ["--api-base", base, "--phone-number-id", &number];
    install.add_profile("whatsapp", name, &flags, &token);
}

pub fn start(state: Whatsapp) -> Fake<Whatsapp> {
    Fake::start(state, |shared| {
        Router::new()
            .route("/{version}/{id}", get(phone_number))
            .route("/{version}/{id}/media", post(media))
            .route("/{version}/{id}/messages", post(messages))
            .with_state(shared)
    })
}
