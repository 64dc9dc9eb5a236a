//! A strict fake of the WeChat Official Account API (shared/platforms.md §1):
//! `stable_token`, a token relay, `getcallbackip`, temporary media upload and
//! customer-service messages. Errors are HTTP 200 with an `errcode`, as WeChat does.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Multipart, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::{Common, Fake, HasCommon, audio, json as answer, now_ms, parts, random_id};

const HOUR_MS: i64 = 3_600_000;

/// A follower of the account, with their customer-service window.
#[derive(Debug, Clone)]
pub struct Follower {
    /// When they last wrote to the account.
    pub last_message_at: i64,
    /// Messages sent to them since.
    pub used: u32,
    /// The remark the account gave them (empty for none).
    pub remark: String,
}

/// A voice message the fake delivered.
#[derive(Debug, Clone)]
pub struct Delivered {
    pub touser: String,
    pub media_id: String,
    pub bytes: usize,
    pub duration_ms: u64,
}

pub struct Wechat {
    pub common: Common,
    pub app_id: String,
    pub app_secret: String,
    /// Answers token requests with 40164, as for a caller not on the IP whitelist.
    pub whitelist_blocks: bool,
    pub token_life_secs: i64,
    /// The relay's bearer token, if it asks for one.
    pub relay_bearer: Option<String>,
    pub followers: HashMap<String, Follower>,
    pub delivered: Vec<Delivered>,
    /// How many OpenIDs `user/get` gives a call (WeChat: 10,000).
    pub list_page: usize,
    /// Tokens issued, with when they expire.
    tokens: HashMap<String, i64>,
    stable: Option<String>,
    media: HashMap<String, (usize, u64)>,
}

impl HasCommon for Wechat {
    fn common(&mut self) -> &mut Common {
        &mut self.common
    }
}

impl Wechat {
    pub fn new(app_id: &str, app_secret: &str) -> Wechat {
        Wechat {
            common: Common::default(),
            app_id: app_id.into(),
            app_secret: app_secret.into(),
            whitelist_blocks: false,
            token_life_secs: 7200,
            relay_bearer: None,
            followers: HashMap::new(),
            delivered: Vec::new(),
            list_page: 10_000,
            tokens: HashMap::new(),
            stable: None,
            media: HashMap::new(),
        }
    }

    /// A follower who last wrote `hours_ago` hours ago.
    pub fn follower(&mut self, openid: &str, hours_ago: i64) {
        self.followers.insert(
            openid.into(),
            Follower {
                last_message_at: now_ms() - hours_ago * HOUR_MS,
                used: 0,
                remark: String::new(),
            },
        );
    }

    /// A follower the account gave the remark `remark`.
    pub fn remarked(&mut self, openid: &str, remark: &str, hours_ago: i64) {
        self.follower(openid, hours_ago);
        if let Some(f) = self.followers.get_mut(openid) {
            f.remark = remark.into();
        }
    }

    /// Every token issued so far expires now (as two hours passing would do).
    pub fn expire_tokens(&mut self) {
        for at in self.tokens.values_mut() {
            *at = now_ms() - 1;
        }
    }

    /// A token issued outside Hark (for a profile with a pasted token).
    pub fn issue_token(&mut self) -> String {
        let token = random_id("ACCESS_TOKEN_");
        self.tokens
            .insert(token.clone(), now_ms() + self.token_life_secs * 1000);
        token
    }

    fn record(&mut self, endpoint: &'static str, errcode: i64) {
        self.common.seen.push(super::Seen {
            endpoint,
            status: if errcode == 0 { 200 } else { 299 },
        });
    }

    fn error(&mut self, endpoint: &'static str, errcode: i64, errmsg: &str) -> Response {
        self.record(endpoint, errcode);
        answer(
            200,
            json!({"errcode": errcode, "errmsg": format!("{errmsg} rid: 6a1f-{errcode}")}),
        )
    }

    fn check_token(
        &mut self,
        query: &HashMap<String, String>,
        endpoint: &'static str,
    ) -> Option<Response> {
        let Some(token) = query.get("access_token") else {
            return Some(self.error(endpoint, 41001, "access_token missing"));
        };
        match self.tokens.get(token) {
            None => Some(self.error(
                endpoint,
                40001,
                "invalid credential, access_token is invalid or not latest",
            )),
            Some(at) if *at <= now_ms() => {
                Some(self.error(endpoint, 42001, "access_token expired"))
            }
            Some(_) => None,
        }
    }

    fn grant(&mut self, endpoint: &'static str) -> Response {
        let now = now_ms();
        let token = match &self.stable {
            Some(t) if self.tokens.get(t).is_some_and(|at| *at > now) => t.clone(),
            _ => {
                let t = self.issue_token();
                self.stable = Some(t.clone());
                t
            }
        };
        let left = (self.tokens[&token] - now) / 1000;
        self.record(endpoint, 0);
        answer(200, json!({"access_token": token, "expires_in": left}))
    }
}

type Shared = Arc<Mutex<Wechat>>;

fn lock(s: &Shared) -> std::sync::MutexGuard<'_, Wechat> {
    s.lock().unwrap_or_else(|p| p.into_inner())
}

async fn stable_token(State(s): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let mut s = lock(&s);
    if let Some(r) = s.common.take_injected("token") {
        return r;
    }
    let is_json = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return s.error("token", 47001, "data format error");
    };
    if !is_json {
        return s.error("token", 47001, "data format error");
    }
    if body["grant_type"] != "client_credential" {
        return s.error("token", 40002, "invalid grant_type");
    }
    if s.whitelist_blocks {
        return s.error(
            "token",
            40164,
            "invalid ip 127.0.0.1 ipv6 ::ffff:127.0.0.1, not in whitelist",
        );
    }
    if body["appid"].as_str() != Some(s.app_id.as_str()) {
        return s.error("token", 40013, "invalid appid");
    }
    if body["secret"].as_str() != Some(s.app_secret.as_str()) {
        return s.error("token", 40125, "invalid appsecret");
    }
    if body.get("force_refresh").is_some_and(|f| !f.is_boolean()) {
        return s.error("token", 47001, "data format error");
    }
    s.grant("token")
}

async fn relay(State(s): State<Shared>, headers: HeaderMap) -> Response {
    let mut s = lock(&s);
    if let Some(r) = s.common.take_injected("relay") {
        return r;
    }
    if let Some(bearer) = s.relay_bearer.clone() {
        let given = headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        if given != Some(bearer.as_str()) {
            s.common.seen.push(super::Seen {
                endpoint: "relay",
                status: 401,
            });
            return answer(401, json!({"error": "unauthorized"}));
        }
    }
    s.grant("relay")
}

async fn callback_ip(
    State(s): State<Shared>,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let mut s = lock(&s);
    if let Some(r) = s.common.take_injected("check") {
        return r;
    }
    if let Some(r) = s.check_token(&q, "check") {
        return r;
    }
    s.record("check", 0);
    answer(
        200,
        json!({"ip_list": ["101.226.103.0/25", "101.226.62.0/26"]}),
    )
}

async fn upload(
    State(shared): State<Shared>,
    Query(q): Query<HashMap<String, String>>,
    multipart: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    {
        let mut s = lock(&shared);
        if let Some(r) = s.common.take_injected("upload") {
            return r;
        }
        if let Some(r) = s.check_token(&q, "upload") {
            return r;
        }
        if q.get("type").map(String::as_str) != Some("voice") {
            return s.error("upload", 40004, "invalid media type");
        }
    }
    let parts = match multipart {
        Ok(m) => parts(m).await,
        Err(e) => Err(e.to_string()),
    };
    let mut s = lock(&shared);
    let Ok(parts) = parts else {
        return s.error("upload", 41005, "media data missing");
    };
    let Some(media) = parts.get("media") else {
        return s.error("upload", 41005, "media data missing");
    };
    if media.file_name.as_deref().is_none_or(str::is_empty) {
        return s.error("upload", 41005, "media data missing");
    }
    if media.data.is_empty() {
        return s.error("upload", 40006, "invalid file size");
    }
    if media.data.len() > 2 * 1024 * 1024 {
        return s.error("upload", 40010, "invalid voice size");
    }
    let content_type = media.content_type.clone().unwrap_or_default();
    let duration_ms = match audio::amr_duration_ms(&media.data) {
        Ok(ms) if content_type == "audio/amr" => ms,
        _ if audio::is_mp3(&media.data) && content_type == "audio/mpeg" => 0,
        _ => return s.error("upload", 40005, "invalid file type"),
    };
    if duration_ms > 60_000 {
        return s.error("upload", 45007, "voice playtime out of limit");
    }
    let media_id = random_id("MEDIA_");
    s.media
        .insert(media_id.clone(), (media.data.len(), duration_ms));
    s.record("upload", 0);
    answer(
        200,
        json!({"type": "voice", "media_id": media_id, "created_at": now_ms() / 1000}),
    )
}

async fn custom_send(
    State(s): State<Shared>,
    Query(q): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    let mut s = lock(&s);
    if let Some(r) = s.common.take_injected("send") {
        return r;
    }
    if let Some(r) = s.check_token(&q, "send") {
        return r;
    }
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return s.error("send", 47001, "data format error");
    };
    if body["msgtype"] != "voice" {
        return s.error("send", 40008, "invalid message type");
    }
    let media_id = body["voice"]["media_id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let Some(&(bytes, duration_ms)) = s.media.get(&media_id) else {
        return s.error("send", 40007, "invalid media_id");
    };
    let touser = body["touser"].as_str().unwrap_or_default().to_owned();
    let Some(follower) = s.followers.get(&touser).cloned() else {
        return s.error("send", 40003, "invalid openid");
    };
    if now_ms() - follower.last_message_at > 48 * HOUR_MS {
        return s.error(
            "send",
            45015,
            "response out of time limit or subscription is canceled",
        );
    }
    if follower.used >= 5 {
        return s.error("send", 45047, "out of response count limit");
    }
    s.followers.get_mut(&touser).expect("present").used += 1;
    s.delivered.push(Delivered {
        touser,
        media_id,
        bytes,
        duration_ms,
    });
    s.record("send", 0);
    answer(200, json!({"errcode": 0, "errmsg": "ok"}))
}

/// Starts the fake.
/// `GET /cgi-bin/user/get?next_openid=`: the followers' OpenIDs, a page at a time, in
/// the order they followed (here: by OpenID), with the last one as `next_openid`.
async fn user_get(State(s): State<Shared>, Query(q): Query<HashMap<String, String>>) -> Response {
    let mut s = lock(&s);
    if let Some(r) = s.common.take_injected("user_get") {
        return r;
    }
    if let Some(r) = s.check_token(&q, "user_get") {
        return r;
    }
    let mut all: Vec<String> = s.followers.keys().cloned().collect();
    all.sort();
    let after = q.get("next_openid").cloned().unwrap_or_default();
    let start = if after.is_empty() {
        0
    } else {
        match all.iter().position(|id| *id == after) {
            Some(i) => i + 1,
            None => return s.error("user_get", 40003, "invalid openid"),
        }
    };
    let page: Vec<String> = all.iter().skip(start).take(s.list_page).cloned().collect();
    let next = page.last().cloned().unwrap_or_default();
    s.record("user_get", 0);
    let data = if page.is_empty() {
        json!(null)
    } else {
        json!({"openid": page})
    };
    let mut body = json!({"total": all.len(), "count": page.len(), "next_openid": next});
    if !data.is_null() {
        body["data"] = data;
    }
    answer(200, body)
}

/// `POST /cgi-bin/user/info/batchget`: up to 100 followers' details; no nicknames (as
/// WeChat has given none since 2021), the account's remark and when they followed.
async fn user_batchget(
    State(s): State<Shared>,
    Query(q): Query<HashMap<String, String>>,
    body: Bytes,
) -> Response {
    let mut s = lock(&s);
    if let Some(r) = s.common.take_injected("user_info") {
        return r;
    }
    if let Some(r) = s.check_token(&q, "user_info") {
        return r;
    }
    let Ok(body) = serde_json::from_slice::<Value>(&body) else {
        return s.error("user_info", 47001, "data format error");
    };
    let Some(list) = body["user_list"].as_array() else {
        return s.error("user_info", 47001, "data format error");
    };
    if list.is_empty() || list.len() > 100 {
        return s.error("user_info", 40032, "invalid openid list size");
    }
    let mut infos = Vec::new();
    for item in list {
        let Some(openid) = item["openid"].as_str() else {
            return s.error("user_info", 40003, "invalid openid");
        };
        match s.followers.get(openid) {
            Some(f) => infos.push(
                json!({"subscribe": 1, "openid": openid, "language": "zh_CN",
                "subscribe_time": f.last_message_at / 1000, "remark": f.remark, "groupid": 0,
                "tagid_list": [], "subscribe_scene": "ADD_SCENE_QR_CODE"}),
            ),
            None => infos.push(json!({"subscribe": 0, "openid": openid})),
        }
    }
    s.record("user_info", 0);
    answer(200, json!({"user_info_list": infos}))
}

pub fn start(state: Wechat) -> Fake<Wechat> {
    Fake::start(state, |shared| {
        Router::new()
            .route("/cgi-bin/stable_token", post(stable_token))
            .route("/relay/token", get(relay))
            .route("/cgi-bin/getcallbackip", get(callback_ip))
            .route("/cgi-bin/media/upload", post(upload))
            .route("/cgi-bin/message/custom/send", post(custom_send))
            .route("/cgi-bin/user/get", get(user_get))
            .route("/cgi-bin/user/info/batchget", post(user_batchget))
            .with_state(shared)
    })
}
