//! A strict fake of the Telegram Bot API (shared/platforms.md §5): the token in the
//! path, `getMe`, `sendVoice` as multipart with `chat_id`, `voice` and `duration`,
//! `sendDocument` with `chat_id` and `document` (a note sent as a file), chats that
//! never started the bot or refuse voice messages, flood control with `retry_after`;
//! `getUpdates` (refused with 409 while a webhook is set; an `offset` confirms, that is
//! takes away, the updates before it) and `getWebhookInfo`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::json;

use super::{Common, Fake, HasCommon, Seen, audio, json as answer, now_ms, parts, random_id};

#[derive(Debug, Clone)]
pub struct Delivered {
    pub chat_id: String,
    pub duration: u64,
    pub bytes: usize,
    pub file_name: String,
    /// Sent with sendDocument (a file), not sendVoice.
    pub as_document: bool,
}

/// What a chat thinks of the bot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chat {
    Started,
    Blocked,
    NoVoice,
}

pub struct Telegram {
    pub common: Common,
    pub token: String,
    pub chats: HashMap<String, Chat>,
    pub delivered: Vec<Delivered>,
    /// Seconds flood control asks to wait after a burst to one chat.
    pub retry_after: u64,
    /// Updates the bot has not taken yet (`Update` objects).
    pub updates: Vec<serde_json::Value>,
    /// The bot's webhook, if one is set.
    pub webhook: Option<String>,
    /// Whether a `getUpdates` call confirmed (took away) any update.
    pub confirmed: bool,
    last_send_to: HashMap<String, i64>,
    next_message_id: i64,
}

impl HasCommon for Telegram {
    fn common(&mut self) -> &mut Common {
        &mut self.common
    }
}

impl Telegram {
    pub fn new(token: &str) -> Telegram {
        Telegram {
            common: Common::default(),
            token: token.into(),
            chats: HashMap::new(),
            delivered: Vec::new(),
            retry_after: 1,
            updates: Vec::new(),
            webhook: None,
            confirmed: false,
            last_send_to: HashMap::new(),
            next_message_id: 100,
        }
    }

    /// A private chat `chat_id` ("first last") wrote to the bot `secs_ago` seconds ago.
    pub fn wrote(&mut self, chat_id: i64, first: &str, last: Option<&str>, secs_ago: i64) {
        let update_id = 9000 + self.updates.len() as i64;
        let mut chat = json!({"id": chat_id, "type": "private", "first_name": first});
        if let Some(last) = last {
            chat["last_name"] = json!(last);
        }
        self.updates.push(json!({
            "update_id": update_id,
            "message": {
                "message_id": update_id,
                "date": now_ms() / 1000 - secs_ago,
                "chat": chat,
                "from": {"id": chat_id, "is_bot": false, "first_name": first},
                "text": "hello",
            }
        }));
    }

    fn error(&mut self, endpoint: &'static str, status: u16, description: &str) -> Response {
        self.common.seen.push(Seen { endpoint, status });
        answer(
            status,
            json!({"ok": false, "error_code": status, "description": description}),
        )
    }
}

type Shared = Arc<Mutex<Telegram>>;

fn lock(s: &Shared) -> std::sync::MutexGuard<'_, Telegram> {
    s.lock().unwrap_or_else(|p| p.into_inner())
}

/// `/bot<token>` → the token, if the segment has that form.
fn token_of(segment: &str) -> Option<&str> {
    segment.strip_prefix("bot")
}

async fn get_me(State(s): State<Shared>, Path(bot): Path<String>) -> Response {
    let mut s = lock(&s);
    if let Some(r) = s.common.take_injected("getMe") {
        return r;
    }
    match token_of(&bot) {
        Some(t) if t == s.token => {}
        Some(_) => return s.error("getMe", 401, "Unauthorized"),
        None => return s.error("getMe", 404, "Not Found"),
    }
    s.common.seen.push(Seen {
        endpoint: "getMe",
        status: 200,
    });
    answer(
        200,
        json!({"ok": true, "result": {"id": 7000001, "is_bot": true, "first_name": "Acme Support", "username": "acme_support_bot"}}),
    )
}

async fn get_webhook_info(State(s): State<Shared>, Path(bot): Path<String>) -> Response {
    let mut s = lock(&s);
    if token_of(&bot) != Some(s.token.as_str()) {
        return s.error("getWebhookInfo", 401, "Unauthorized");
    }
    s.common.seen.push(Seen {
        endpoint: "getWebhookInfo",
        status: 200,
    });
    let url = s.webhook.clone().unwrap_or_default();
    let pending = s.updates.len();
    answer(
        200,
        json!({"ok": true, "result": {"url": url, "has_custom_certificate": false, "pending_update_count": pending}}),
    )
}

async fn get_updates(
    State(s): State<Shared>,
    Path(bot): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let mut s = lock(&s);
    if token_of(&bot) != Some(s.token.as_str()) {
        return s.error("getUpdates", 401, "Unauthorized");
    }
    if s.webhook.is_some() {
        return s.error(
            "getUpdates",
            409,
            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        );
    }
    // An offset confirms every update before it: they are gone for good.
    if let Some(offset) = query.get("offset").and_then(|o| o.parse::<i64>().ok()) {
        let before = s.updates.len();
        s.updates
            .retain(|u| u["update_id"].as_i64().unwrap_or(0) >= offset);
        s.confirmed |= s.updates.len() < before;
    }
    let limit = query
        .get("limit")
        .and_then(|l| l.parse::<usize>().ok())
        .unwrap_or(100)
        .clamp(1, 100);
    let updates: Vec<_> = s.updates.iter().take(limit).cloned().collect();
    s.common.seen.push(Seen {
        endpoint: "getUpdates",
        status: 200,
    });
    answer(200, json!({"ok": true, "result": updates}))
}

type Upload = Result<Multipart, axum::extract::multipart::MultipartRejection>;

async fn send_voice(State(shared): State<Shared>, Path(bot): Path<String>, m: Upload) -> Response {
    send_media(shared, bot, m, false).await
}

async fn send_document(
    State(shared): State<Shared>,
    Path(bot): Path<String>,
    m: Upload,
) -> Response {
    send_media(shared, bot, m, true).await
}

/// sendVoice, or sendDocument (`document`): the same checks of the token, the chat
/// and the file; a chat that refuses voice messages takes documents.
async fn send_media(shared: Shared, bot: String, multipart: Upload, document: bool) -> Response {
    let field = if document { "document" } else { "voice" };
    {
        let mut s = lock(&shared);
        if let Some(r) = s.common.take_injected("send") {
            return r;
        }
        match token_of(&bot) {
            Some(t) if t == s.token => {}
            Some(_) => return s.error("send", 401, "Unauthorized"),
            None => return s.error("send", 404, "Not Found"),
        }
    }
    let parts = match multipart {
        Ok(m) => parts(m).await,
        Err(e) => Err(e.to_string()),
    };
    let mut s = lock(&shared);
    let parts = match parts {
        Ok(p) => p,
        Err(_) => return s.error("send", 400, "Bad Request: invalid multipart body"),
    };
    let Some(chat_id) = parts.get("chat_id").map(|p| p.text()) else {
        return s.error("send", 400, "Bad Request: chat_id is empty");
    };
    let Some(voice) = parts.get(field) else {
        return s.error(
            "send",
            400,
            &format!("Bad Request: there is no {field} in the request"),
        );
    };
    let Some(file_name) = voice.file_name.clone() else {
        return s.error("send", 400, &format!("Bad Request: {field} must be a file"));
    };
    let duration = match parts.get("duration").map(|p| p.text().parse::<u64>()) {
        None => 0,
        Some(Ok(d)) => d,
        Some(Err(_)) => return s.error("send", 400, "Bad Request: invalid duration"),
    };
    if voice.data.len() > 50 * 1024 * 1024 {
        return s.error("send", 413, "Request Entity Too Large");
    }
    if let Err(why) = audio::check_ogg_opus(&voice.data) {
        return s.error(
            "send",
            400,
            &format!("Bad Request: wrong voice file: {why}"),
        );
    }
    match s.chats.get(&chat_id).copied() {
        None => return s.error("send", 400, "Bad Request: chat not found"),
        Some(Chat::Blocked) => {
            return s.error("send", 403, "Forbidden: bot was blocked by the user");
        }
        Some(Chat::NoVoice) if !document => {
            return s.error("send", 400, "Bad Request: VOICE_MESSAGES_FORBIDDEN");
        }
        Some(Chat::NoVoice) => {}
        Some(Chat::Started) => {}
    }
    let now = now_ms();
    if s.last_send_to.get(&chat_id).is_some_and(|t| now - t < 1000) {
        let wait = s.retry_after;
        s.common.seen.push(Seen {
            endpoint: "send",
            status: 429,
        });
        return answer(
            429,
            json!({"ok": false, "error_code": 429,
                   "description": format!("Too Many Requests: retry after {wait}"),
                   "parameters": {"retry_after": wait}}),
        );
    }
    s.last_send_to.insert(chat_id.clone(), now);
    s.next_message_id += 1;
    let message_id = s.next_message_id;
    s.delivered.push(Delivered {
        chat_id: chat_id.clone(),
        duration,
        bytes: voice.data.len(),
        file_name: file_name.clone(),
        as_document: document,
    });
    s.common.seen.push(Seen {
        endpoint: "send",
        status: 200,
    });
    let media = if document {
        json!({"file_id": random_id("BQACAgIAAxk"), "file_unique_id": random_id("AgAD"),
               "file_name": file_name, "mime_type": "audio/ogg", "file_size": voice.data.len()})
    } else {
        json!({"file_id": random_id("AwACAgIAAxk"), "file_unique_id": random_id("AgAD"),
               "duration": duration, "mime_type": "audio/ogg", "file_size": voice.data.len()})
    };
    answer(
        200,
        json!({"ok": true, "result": {
            "message_id": message_id,
            "chat": {"id": chat_id.parse::<i64>().unwrap_or_default(), "type": "private"},
            "date": now / 1000,
            field: media,
        }}),
    )
}

pub fn start(state: Telegram) -> Fake<Telegram> {
    Fake::start(state, |shared| {
        Router::new()
            .route("/{bot}/getMe", get(get_me))
            .route("/{bot}/getUpdates", get(get_updates))
            .route("/{bot}/getWebhookInfo", get(get_webhook_info))
            .route("/{bot}/sendVoice", post(send_voice))
            .route("/{bot}/sendDocument", post(send_document))
            .with_state(shared)
    })
}
