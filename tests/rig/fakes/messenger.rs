//! A strict fake of Messenger's Send API (shared/platforms.md §2): one multipart call
//! that uploads the audio and sends it, the 24-hour window and the HUMAN_AGENT tag's
//! 7 days, 10 audio sends a second per Page, and Graph's error envelope; and the Page's
//! conversations (`GET /{page}/conversations`: participants and messages as `fields`
//! asks, newest first, pages of at most 100 with cursors).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{Multipart, Path, Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::{Common, Fake, HasCommon, Seen, audio, json as answer, now_ms, parts, random_id};

const HOUR_MS: i64 = 3_600_000;

#[derive(Debug, Clone)]
pub struct Delivered {
    pub psid: String,
    pub messaging_type: String,
    pub tag: Option<String>,
    pub content_type: String,
    pub bytes: usize,
    /// When it came (ms since the epoch).
    pub at_ms: i64,
}

pub struct Messenger {
    pub common: Common,
    pub page_id: String,
    pub page_name: String,
    pub token: String,
    /// People who wrote to the Page, and when they last did.
    pub users: HashMap<String, i64>,
    /// Their names, for the Page's conversations.
    pub names: HashMap<String, String>,
    pub delivered: Vec<Delivered>,
    sends: Vec<i64>,
}

impl HasCommon for Messenger {
    fn common(&mut self) -> &mut Common {
        &mut self.common
    }
}

impl Messenger {
    pub fn new(page_id: &str, token: &str) -> Messenger {
        Messenger {
            common: Common::default(),
            page_id: page_id.into(),
            page_name: "Acme Support".into(),
            token: token.into(),
            users: HashMap::new(),
            names: HashMap::new(),
            delivered: Vec::new(),
            sends: Vec::new(),
        }
    }

    /// A person who last wrote `hours_ago` hours ago.
    pub fn user(&mut self, psid: &str, hours_ago: i64) {
        self.users
            .insert(psid.into(), now_ms() - hours_ago * HOUR_MS);
    }

    /// A person called `name` who last wrote `hours_ago` hours ago.
    pub fn named_user(&mut self, psid: &str, name: &str, hours_ago: i64) {
        self.user(psid, hours_ago);
        self.names.insert(psid.into(), name.into());
    }

    /// An injected error, an unknown Graph version or a wrong Page token, as Graph
    /// answers them; `None` when the request may go on.
    fn refuse(
        &mut self,
        endpoint: &'static str,
        version: &str,
        query: &HashMap<String, String>,
    ) -> Option<Response> {
        if let Some(r) = self.common.take_injected(endpoint) {
            return Some(r);
        }
        if !version_ok(version) {
            return Some(self.error(endpoint, 400, 2500, None, "Unknown path components"));
        }
        if query.get("access_token") != Some(&self.token) {
            return Some(self.error(
                endpoint,
                400,
                190,
                Some(463),
                "Invalid OAuth access token - Cannot parse access token",
            ));
        }
        None
    }

    fn error(
        &mut self,
        endpoint: &'static str,
        status: u16,
        code: i64,
        sub: Option<i64>,
        message: &str,
    ) -> Response {
        self.common.seen.push(Seen { endpoint, status });
        let mut error = json!({
            "message": message,
            "type": "OAuthException",
            "code": code,
            "fbtrace_id": "AbCdEf123",
        });
        if let Some(sub) = sub {
            error["error_subcode"] = json!(sub);
        }
        answer(status, json!({ "error": error }))
    }
}

type Shared = Arc<Mutex<Messenger>>;

fn lock(s: &Shared) -> std::sync::MutexGuard<'_, Messenger> {
    s.lock().unwrap_or_else(|p| p.into_inner())
}

fn version_ok(v: &str) -> bool {
    v.strip_prefix('v')
        .and_then(|r| r.split_once('.'))
        .is_some_and(|(a, b)| a.parse::<u32>().is_ok() && b.parse::<u32>().is_ok())
}

async fn me(
    State(s): State<Shared>,
    Path(version): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let mut s = lock(&s);
    if let Some(r) = s.refuse("me", &version, &q) {
        return r;
    }
    s.common.seen.push(Seen {
        endpoint: "me",
        status: 200,
    });
    answer(200, json!({"name": s.page_name, "id": s.page_id}))
}

async fn messages(
    State(shared): State<Shared>,
    Path((version, page)): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    {
        let mut s = lock(&shared);
        if let Some(r) = s.refuse("send", &version, &q) {
            return r;
        }
        if page != s.page_id {
            return s.error("send", 400, 100, Some(33), "Unsupported post request. Object does not exist or cannot be loaded due to missing permissions");
        }
    }
    let parts = match multipart {
        Ok(m) => parts(m).await,
        Err(e) => Err(e.to_string()),
    };
    let mut s = lock(&shared);
    let parts = match parts {
        Ok(p) => p,
        Err(e) => return s.error("send", 400, 100, None, &format!("Invalid parameter: {e}")),
    };
    let json_field = |name: &str| -> Option<Value> {
        parts
            .get(name)
            .and_then(|p| serde_json::from_slice(&p.data).ok())
    };
    let Some(psid) = json_field("recipient").and_then(|r| r["id"].as_str().map(str::to_owned))
    else {
        return s.error(
            "send",
            400,
            100,
            None,
            "(#100) param recipient must be non-empty.",
        );
    };
    let messaging_type = parts
        .get("messaging_type")
        .map(|p| p.text())
        .unwrap_or_default();
    let tag = parts.get("tag").map(|p| p.text());
    match (messaging_type.as_str(), tag.as_deref()) {
        ("RESPONSE" | "UPDATE", None) | ("MESSAGE_TAG", Some("HUMAN_AGENT")) => {}
        _ => {
            return s.error(
                "send",
                400,
                100,
                None,
                "(#100) Invalid messaging_type or tag",
            );
        }
    }
    let Some(message) = json_field("message") else {
        return s.error(
            "send",
            400,
            100,
            None,
            "(#100) param message must be non-empty.",
        );
    };
    if message["attachment"]["type"] != "audio" {
        return s.error("send", 400, 100, None, "(#100) Invalid attachment type");
    }
    let Some(file) = parts.get("filedata") else {
        return s.error(
            "send",
            400,
            100,
            None,
            "(#100) Upload attachment failure: no filedata",
        );
    };
    let content_type = file.content_type.clone().unwrap_or_default();
    if !content_type.starts_with("audio/") || file.file_name.is_none() {
        return s.error(
            "send",
            400,
            100,
            Some(2018047),
            "(#100) Upload attachment failure.",
        );
    }
    if file.data.len() > 25 * 1024 * 1024 {
        return s.error(
            "send",
            400,
            100,
            Some(2018109),
            "(#100) Attachment size exceeds allowable limit",
        );
    }
    if audio::check_m4a(&file.data).is_err() && content_type == "audio/mp4" {
        return s.error(
            "send",
            400,
            100,
            Some(2018047),
            "(#100) Upload attachment failure.",
        );
    }
    let Some(&last) = s.users.get(&psid) else {
        return s.error(
            "send",
            400,
            100,
            Some(2018001),
            "(#100) No matching user found",
        );
    };
    let window = if tag.is_some() { 7 * 24 } else { 24 } * HOUR_MS;
    if now_ms() - last > window {
        return s.error(
            "send",
            400,
            10,
            Some(2018278),
            "(#10) This message is sent outside of allowed window.",
        );
    }
    let now = now_ms();
    s.sends.retain(|t| now - t < 1000);
    if s.sends.len() >= 10 {
        return s.error(
            "send",
            400,
            613,
            None,
            "Calls to this api have exceeded the rate limit.",
        );
    }
    s.sends.push(now);
    s.delivered.push(Delivered {
        psid: psid.clone(),
        messaging_type,
        tag,
        content_type,
        bytes: file.data.len(),
        at_ms: now,
    });
    s.common.seen.push(Seen {
        endpoint: "send",
        status: 200,
    });
    answer(
        200,
        json!({"recipient_id": psid, "message_id": random_id("m_"), "attachment_id": random_id("")}),
    )
}

/// Graph's way of writing a time: `2026-12-01T10:00:00+0000`.
fn graph_time(ms: i64) -> String {
    let rfc = hark_core::clock::rfc3339(ms);
    format!("{}+0000", &rfc[..19])
}

async fn conversations(
    State(s): State<Shared>,
    Path((version, page)): Path<(String, String)>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let mut s = lock(&s);
    if let Some(r) = s.refuse("conversations", &version, &q) {
        return r;
    }
    if page != s.page_id {
        return s.error("conversations", 400, 100, Some(33), "Unsupported get request. Object does not exist or cannot be loaded due to missing permissions");
    }
    if q.get("platform").is_some_and(|p| p != "messenger") {
        return s.error(
            "conversations",
            400,
            100,
            None,
            "(#100) Param platform must be one of {MESSENGER, INSTAGRAM}",
        );
    }
    let limit = match q.get("limit").map(|l| l.parse::<usize>()) {
        None => 25,
        Some(Ok(n)) if (1..=100).contains(&n) => n,
        _ => {
            return s.error(
                "conversations",
                400,
                100,
                None,
                "(#100) Param limit must be a number between 1 and 100",
            );
        }
    };
    let start = match q
        .get("after")
        .map(|a| a.strip_prefix("cursor-").map(str::parse::<usize>))
    {
        None => 0,
        Some(Some(Ok(n))) => n,
        _ => return s.error("conversations", 400, 100, None, "(#100) Invalid cursor"),
    };
    let fields = q.get("fields").cloned().unwrap_or_default();
    let mut people: Vec<(String, i64)> = s.users.iter().map(|(k, v)| (k.clone(), *v)).collect();
    people.sort_by_key(|(psid, at)| (std::cmp::Reverse(*at), psid.clone()));
    let now = now_ms();
    let data: Vec<Value> = people
        .iter()
        .skip(start)
        .take(limit)
        .map(|(psid, at)| {
            let name = s.names.get(psid).cloned().unwrap_or_else(|| "Facebook User".into());
            // The Page answered ten minutes after the customer wrote (when it has).
            let replied = (*at + 600_000).min(now);
            let mut c = json!({"id": format!("t_{psid}"), "updated_time": graph_time(replied)});
            if fields.contains("participants") {
                c["participants"] = json!({"data": [
                    {"name": name, "email": format!("{psid}@facebook.com"), "id": psid},
                    {"name": s.page_name, "email": format!("{}@facebook.com", s.page_id), "id": s.page_id},
                ]});
            }
            if fields.contains("messages") {
                c["messages"] = json!({"data": [
                    {"from": {"name": s.page_name, "id": s.page_id}, "created_time": graph_time(replied), "id": random_id("m_")},
                    {"from": {"name": name, "id": psid}, "created_time": graph_time(*at), "id": random_id("m_")},
                ]});
            }
            c
        })
        .collect();
    let end = start + data.len();
    let mut paging =
        json!({"cursors": {"before": format!("cursor-{start}"), "after": format!("cursor-{end}")}});
    if end < people.len() {
        paging["next"] = json!(format!(
            "https://graph.facebook.com/{version}/{page}/conversations?after=cursor-{end}"
        ));
    }
    s.common.seen.push(Seen {
        endpoint: "conversations",
        status: 200,
    });
    answer(200, json!({"data": data, "paging": paging}))
}

/// Adds an account called `name` for the fake's Page (its id and token) to `install`.
pub fn add_account(install: &crate::accounts::Install, fake: &Fake<Messenger>, name: &str) {
    let (page, token) = {
        let s = fake.state();
        (s.page_id.clone(), s.token.clone())
    };
    let flags = [
        "--api-base",
        &fake.base,
        "--page-id",
        &page,
        "--graph-version",
        "v25.0",
    ];
    install.add_profile("messenger", name, &flags, &token);
}

pub fn start(state: Messenger) -> Fake<Messenger> {
    Fake::start(state, |shared| {
        Router::new()
            .route("/{version}/me", get(me))
            .route("/{version}/{page}/messages", post(messages))
            .route("/{version}/{page}/conversations", get(conversations))
            .with_state(shared)
    })
}
