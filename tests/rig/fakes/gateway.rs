//! A strict fake of a WAHA-compatible WhatsApp gateway (shared/platforms.md §4b):
//! `X-Api-Key`, sessions with their status, `sendVoice` with the note inline as
//! base64, a chat's messages (newest first), and the chats overview (`limit` and
//! `offset`, newest first). Errors are NestJS-shaped, as WAHA's are.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{get, post};
use base64::Engine;
use serde_json::{Value, json};

use super::{Common, Fake, HasCommon, Seen, audio, json as answer, now_ms, random_id};

#[derive(Debug, Clone)]
pub struct Delivered {
    pub session: String,
    pub chat_id: String,
    pub bytes: usize,
    /// The message's serialized id, as the chat lists it.
    pub id: String,
    /// When it was sent, in seconds since the epoch.
    pub timestamp: i64,
    /// How far it got (whatsapp-web.js's MessageAck: 1 server, 2 device, 3 read,
    /// 4 played); a test moves it on as the customer would.
    pub ack: i64,
}

pub struct Gateway {
    pub common: Common,
    pub api_key: Option<String>,
    /// Sessions and their status (WORKING, SCAN_QR_CODE, STOPPED, …).
    pub sessions: HashMap<String, String>,
    pub delivered: Vec<Delivered>,
    /// The session's chats: id, name, when their last message came (seconds since the
    /// epoch), and whether it was ours.
    pub chats: Vec<(String, String, i64, bool)>,
}

impl HasCommon for Gateway {
    fn common(&mut self) -> &mut Common {
        &mut self.common
    }
}

impl Gateway {
    pub fn new(api_key: Option<&str>) -> Gateway {
        Gateway {
            common: Common::default(),
            api_key: api_key.map(str::to_owned),
            sessions: [("default".to_string(), "WORKING".to_string())].into(),
            delivered: Vec::new(),
            chats: Vec::new(),
        }
    }

    /// A chat `chat_id` called `name` whose last message came `secs_ago` seconds ago,
    /// from them or (`ours`) from the account.
    pub fn chat(&mut self, chat_id: &str, name: &str, secs_ago: i64, ours: bool) {
        let at = now_ms() / 1000 - secs_ago;
        self.chats.push((chat_id.into(), name.into(), at, ours));
    }

    fn error(
        &mut self,
        endpoint: &'static str,
        status: u16,
        message: &str,
        error: &str,
    ) -> Response {
        self.common.seen.push(Seen { endpoint, status });
        answer(
            status,
            json!({"statusCode": status, "message": message, "error": error}),
        )
    }

    fn authorise(&mut self, endpoint: &'static str, headers: &HeaderMap) -> Option<Response> {
        let key = self.api_key.clone()?;
        let given = headers.get("x-api-key").and_then(|v| v.to_str().ok());
        (given != Some(key.as_str()))
            .then(|| self.error(endpoint, 401, "Unauthorized", "Unauthorized"))
    }
}

type Shared = Arc<Mutex<Gateway>>;

fn lock(s: &Shared) -> std::sync::MutexGuard<'_, Gateway> {
    s.lock().unwrap_or_else(|p| p.into_inner())
}

async fn session(
    State(s): State<Shared>,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> Response {
    let mut s = lock(&s);
    if let Some(r) = s.common.take_injected("session") {
        return r;
    }
    if let Some(r) = s.authorise("session", &headers) {
        return r;
    }
    let Some(status) = s.sessions.get(&name).cloned() else {
        return s.error("session", 404, "Session not found", "Not Found");
    };
    s.common.seen.push(Seen {
        endpoint: "session",
        status: 200,
    });
    answer(
        200,
        json!({"name": name, "status": status, "engine": {"engine": "WEBJS"},
               "me": {"id": "15550100@c.us", "pushName": "Acme Support"}}),
    )
}

async fn send_voice(State(s): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let mut s = lock(&s);
    if let Some(r) = s.common.take_injected("send") {
        return r;
    }
    if let Some(r) = s.authorise("send", &headers) {
        return r;
    }
    let body: Value = match serde_json::from_slice(&body) {
        Ok(b) => b,
        Err(e) => return s.error("send", 400, &format!("Invalid JSON: {e}"), "Bad Request"),
    };
    let session = body["session"].as_str().unwrap_or("default").to_owned();
    match s.sessions.get(&session).map(String::as_str) {
        None => {
            return s.error(
                "send",
                404,
                &format!("Session \"{session}\" not found"),
                "Not Found",
            );
        }
        Some("WORKING") => {}
        Some(other) => {
            let msg = format!(
                "Session status is not as expected. Try again later or restart the session. Status: {other}"
            );
            return s.error("send", 422, &msg, "Unprocessable Entity");
        }
    }
    let chat_id = body["chatId"].as_str().unwrap_or_default().to_owned();
    let jid_ok = chat_id
        .split_once('@')
        .is_some_and(|(n, d)| !n.is_empty() && matches!(d, "c.us" | "g.us" | "newsletter"));
    if !jid_ok {
        return s.error(
            "send",
            400,
            "chatId must be a JID like 123@c.us",
            "Bad Request",
        );
    }
    let file = &body["file"];
    if file["mimetype"] != "audio/ogg; codecs=opus" || file["filename"].as_str().is_none() {
        return s.error(
            "send",
            400,
            "file.mimetype must be audio/ogg; codecs=opus, with a filename",
            "Bad Request",
        );
    }
    let data = match file["data"]
        .as_str()
        .map(|d| base64::engine::general_purpose::STANDARD.decode(d))
    {
        Some(Ok(d)) => d,
        _ => {
            return s.error(
                "send",
                400,
                "file.data must be base64 (or give file.url)",
                "Bad Request",
            );
        }
    };
    if let Err(why) = audio::check_ogg_opus(&data) {
        return s.error(
            "send",
            400,
            &format!("Not a voice note: {why}"),
            "Bad Request",
        );
    }
    let id = random_id("3EB0");
    let serialized = format!("true_{chat_id}_{id}");
    s.delivered.push(Delivered {
        session,
        chat_id: chat_id.clone(),
        bytes: data.len(),
        id: serialized.clone(),
        timestamp: now_ms() / 1000,
        ack: 1,
    });
    s.common.seen.push(Seen {
        endpoint: "send",
        status: 201,
    });
    answer(
        201,
        json!({
            "_data": {"id": {"fromMe": true, "remote": chat_id, "id": id, "_serialized": serialized},
                      "type": "ptt", "t": now_ms() / 1000, "ack": 0},
            "id": {"fromMe": true, "remote": chat_id, "id": id, "_serialized": serialized},
            "ack": 0,
        }),
    )
}

/// `GET /api/{session}/chats/{chatId}/messages?limit=N&downloadMedia=false`: the
/// chat's messages, newest first, as WAHA lists them.
async fn chat_messages(
    State(s): State<Shared>,
    Path((session, chat_id)): Path<(String, String)>,
    axum::extract::Query(query): axum::extract::Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let mut s = lock(&s);
    if let Some(r) = s.common.take_injected("messages") {
        return r;
    }
    if let Some(r) = s.authorise("messages", &headers) {
        return r;
    }
    if !s.sessions.contains_key(&session) {
        return s.error("messages", 404, "Session not found", "Not Found");
    }
    let limit = match query.get("limit").map(|l| l.parse::<usize>()) {
        None => 100,
        Some(Ok(l)) if l > 0 => l,
        Some(_) => {
            return s.error(
                "messages",
                400,
                "limit must be a positive number",
                "Bad Request",
            );
        }
    };
    let listed: Vec<Value> = s
        .delivered
        .iter()
        .rev()
        .filter(|d| d.session == session && d.chat_id == chat_id)
        .take(limit)
        .map(|d| {
            json!({"id": d.id, "timestamp": d.timestamp, "from": "15550100@c.us",
                   "fromMe": true, "to": d.chat_id, "body": "", "hasMedia": true,
                   "ack": d.ack, "_data": {"type": "ptt"}})
        })
        .collect();
    s.common.seen.push(Seen {
        endpoint: "messages",
        status: 200,
    });
    answer(200, Value::Array(listed))
}

/// `GET /api/{session}/chats/overview?limit=N&offset=M`: the chats, newest first, with
/// their name and last message.
async fn chats_overview(
    State(s): State<Shared>,
    Path(session): Path<String>,
    axum::extract::Query(query): axum::extract::Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let mut s = lock(&s);
    if let Some(r) = s.common.take_injected("chats") {
        return r;
    }
    if let Some(r) = s.authorise("chats", &headers) {
        return r;
    }
    if !s.sessions.contains_key(&session) {
        return s.error("chats", 404, "Session not found", "Not Found");
    }
    let number = |key: &str, default: usize| match query.get(key).map(|v| v.parse::<usize>()) {
        None => Some(default),
        Some(Ok(n)) => Some(n),
        Some(Err(_)) => None,
    };
    let (Some(limit), Some(offset)) = (number("limit", 20), number("offset", 0)) else {
        return s.error(
            "chats",
            400,
            "limit and offset must be numbers",
            "Bad Request",
        );
    };
    let mut chats = s.chats.clone();
    chats.sort_by_key(|c| std::cmp::Reverse(c.2));
    let listed: Vec<Value> = chats
        .iter()
        .skip(offset)
        .take(limit)
        .map(|(id, name, at, ours)| {
            json!({"id": id, "name": name, "picture": null,
                   "lastMessage": {"id": format!("{ours}_{id}_{at}"), "timestamp": at,
                                   "fromMe": ours, "body": "hello", "hasMedia": false},
                   "_chat": {"id": {"_serialized": id}}})
        })
        .collect();
    s.common.seen.push(Seen {
        endpoint: "chats",
        status: 200,
    });
    answer(200, Value::Array(listed))
}

/// Adds an account called `name` for the fake's `default` session, with its API key, to
/// `install`.
pub fn add_account(install: &crate::accounts::Install, fake: &Fake<Gateway>, name: &str) {
    let key = fake.state().api_key.clone().unwrap_or_default();
    install.add_profile("whatsapp-gateway", name, &["--api-base", &fake.base], &key);
}

pub fn start(state: Gateway) -> Fake<Gateway> {
    Fake::start(state, |shared| {
        Router::new()
            .route("/api/sessions/{name}", get(session))
            .route(
                "/api/{session}/chats/{chat_id}/messages",
                get(chat_messages),
            )
            .route("/api/sendVoice", post(send_voice))
            .route("/api/{session}/chats/overview", get(chats_overview))
            .with_state(shared)
    })
}
