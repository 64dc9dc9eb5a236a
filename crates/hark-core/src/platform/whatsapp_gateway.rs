//! A self-hosted (or hosted) WhatsApp gateway speaking WAHA's API: the note travels
//! inside the request as base64, so no public URL is needed.

use base64::Engine;
use serde::Deserialize;
use serde_json::json;

use super::Platform;
use super::account::Account;
use super::answer::{self, field};
use super::client::{
    Client, Listed, Listing, Lookup, Outgoing, Reached, Receipt, SendOptions, Verified,
    bad_recipient, secret,
};
use super::doing::Doing;
use super::error::{ErrorCode, SendError, about, described};
use super::http::{Http, ProgressFn, Reply, Stage, join};
use crate::secret::Secrets;

pub struct Gateway {
    http: Http,
    base: String,
    session: String,
    api_key: Option<String>,
}

impl Gateway {
    pub fn new(account: &Account<'_>, secrets: &Secrets, http: Http) -> Gateway {
        let key = secret(secrets, "api_key");
        Gateway {
            http,
            base: account.api_base().unwrap_or_default().to_owned(),
            session: account.field("session").unwrap_or("default").to_owned(),
            api_key: (!key.is_empty()).then_some(key),
        }
    }

    /// The chat's newest `limit` messages (WAHA: `GET /api/{session}/chats/{chatId}/
    /// messages`), newest first.
    fn messages(&self, chat: &str, limit: &str) -> Result<Vec<Message>, SendError> {
        let url = join(
            &self.base,
            &format!("api/{}/chats/{chat}/messages", self.session),
        );
        let listed = self.http.check(
            Doing::AskingForMessages,
            |c| {
                self.request(c.get(&url))
                    .query(&[("limit", limit), ("downloadMedia", "false")])
            },
            |r| ok_json(&r, &self.session),
        )?;
        match listed {
            serde_json::Value::Array(messages) => {
                Ok(messages.iter().map(answer::read::<Message>).collect())
            }
            _ => Err(described(
                ErrorCode::PlatformError,
                Platform::WhatsappGateway,
            )),
        }
    }

    fn request(&self, builder: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match &self.api_key {
            Some(key) => builder.header("X-Api-Key", key),
            None => builder,
        }
    }
}

/// What a gateway's HTTP status means (WAHA answers with NestJS-style errors).
pub fn error_code(status: u16) -> (ErrorCode, bool) {
    match status {
        401 | 403 => (ErrorCode::InvalidToken, false),
        404 | 422 => (ErrorCode::AccountNotVerified, false),
        413 => (ErrorCode::AudioTooLarge, false),
        429 => (ErrorCode::RateLimited, true),
        500..=599 => (ErrorCode::PlatformError, true),
        _ => (ErrorCode::PlatformError, false),
    }
}

fn ok_json(reply: &Reply, session: &str) -> Result<serde_json::Value, SendError> {
    if (200..300).contains(&reply.status) {
        let json = reply.json();
        return if json.is_object() || json.is_array() {
            Ok(json)
        } else {
            Err(reply.not_understood(Platform::WhatsappGateway, "JSON answer"))
        };
    }
    let message = match answer::read::<Refusal>(&reply.json()).message {
        Some(Said::Sentence(words)) => words,
        Some(Said::Other(value)) => value.to_string(),
        None => reply.text_excerpt(),
    };
    let (code, retryable) = error_code(reply.status);
    let mut e = described(code, Platform::WhatsappGateway);
    let gateway = |id: &str| about(Platform::WhatsappGateway, id).text("session", session);
    match code {
        ErrorCode::InvalidToken => {
            e = e.reworded(
                Some(gateway("error-gateway-api-key")),
                Some(gateway("remedy-gateway-api-key")),
            );
        }
        ErrorCode::AccountNotVerified => {
            e = e.reworded(
                Some(gateway("error-gateway-no-session")),
                Some(gateway("remedy-gateway-no-session")),
            );
        }
        _ => {}
    }
    Err(e
        .retryable(retryable)
        .retry_after(reply.retry_after)
        .raw(format!("HTTP {}", reply.status), message))
}

/// A refusal's body. Engines put a sentence in `message`, or a list or an object of
/// details (NestJS validation errors); the latter are kept as their JSON.
#[derive(Debug, Default, Deserialize)]
struct Refusal {
    #[serde(default, deserialize_with = "field")]
    message: Option<Said>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Said {
    Sentence(String),
    Other(serde_json::Value),
}

/// A chat id as WAHA wants it: `<digits>@c.us` for a person, or a JID given as it is.
pub fn chat_id(to: &str) -> Option<String> {
    let t = to.trim();
    if let Some((local, domain)) = t.split_once('@') {
        let ok_domain = matches!(
            domain,
            "c.us" | "g.us" | "newsletter" | "s.whatsapp.net" | "lid"
        );
        let ok_local = !local.is_empty() && local.chars().all(|c| c.is_ascii_digit() || c == '-');
        return (ok_domain && ok_local).then(|| t.to_owned());
    }
    super::whatsapp::normalise_number(t).map(|digits| format!("{digits}@c.us"))
}

/// A session (`GET /api/sessions/{session}`): its status and the phone's account.
#[derive(Debug, Default, Deserialize)]
struct Session {
    #[serde(default, deserialize_with = "field")]
    status: Option<String>,
    #[serde(default, deserialize_with = "field")]
    me: Option<Me>,
}

#[derive(Debug, Default, Deserialize)]
struct Me {
    #[serde(default, deserialize_with = "field")]
    id: Option<String>,
    #[serde(default, deserialize_with = "field", rename = "pushName")]
    push_name: Option<String>,
}

/// A message, as `sendVoice` answers and the chat's list holds it. Engines differ:
/// the id is `id` (a string, or `{_serialized}`), `_data.id._serialized`, or `key.id`;
/// the type is `type` or `_data.type`.
#[derive(Debug, Default, Deserialize)]
struct Message {
    #[serde(default, deserialize_with = "field")]
    id: Option<MessageId>,
    #[serde(default, deserialize_with = "field", rename = "_data")]
    data: Option<Data>,
    #[serde(default, deserialize_with = "field")]
    key: Option<Key>,
    #[serde(default, deserialize_with = "field", rename = "type")]
    kind: Option<String>,
    #[serde(default, deserialize_with = "field", rename = "hasMedia")]
    has_media: Option<bool>,
    #[serde(default, deserialize_with = "field", rename = "fromMe")]
    from_me: Option<bool>,
    /// Seconds since the epoch.
    #[serde(default, deserialize_with = "field")]
    timestamp: Option<i64>,
    /// How far it got (whatsapp-web.js's MessageAck: -1 error, 0 pending, 1 server,
    /// 2 device, 3 read, 4 played).
    #[serde(default, deserialize_with = "field")]
    ack: Option<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum MessageId {
    Plain(String),
    Serialized { _serialized: String },
}

#[derive(Debug, Default, Deserialize)]
struct Data {
    #[serde(default, deserialize_with = "field")]
    id: Option<MessageId>,
    #[serde(default, deserialize_with = "field", rename = "type")]
    kind: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct Key {
    #[serde(default, deserialize_with = "field")]
    id: Option<String>,
}

impl MessageId {
    fn serialized(&self) -> Option<&str> {
        match self {
            MessageId::Serialized { _serialized } => Some(_serialized),
            MessageId::Plain(_) => None,
        }
    }
}

impl Message {
    fn id(&self) -> Option<String> {
        let data = self.data.as_ref().and_then(|d| d.id.as_ref());
        data.and_then(MessageId::serialized)
            .or_else(|| self.id.as_ref().and_then(MessageId::serialized))
            .or(match &self.id {
                Some(MessageId::Plain(id)) => Some(id.as_str()),
                _ => None,
            })
            .or_else(|| self.key.as_ref().and_then(|k| k.id.as_deref()))
            .map(str::to_owned)
    }

    /// A voice note (by its type, or, where the engine gives none, by having media).
    fn is_voice(&self) -> bool {
        let kind = self
            .kind
            .as_deref()
            .or_else(|| self.data.as_ref().and_then(|d| d.kind.as_deref()));
        match kind {
            Some(t) => matches!(t, "ptt" | "audio" | "voice"),
            None => self.has_media == Some(true),
        }
    }
}

/// A chat as WAHA's overview gives it (`GET /api/{session}/chats/overview`).
#[derive(Debug, Default, Deserialize)]
struct ChatSummary {
    #[serde(default, deserialize_with = "field")]
    id: Option<String>,
    #[serde(default, deserialize_with = "field")]
    name: Option<String>,
    #[serde(default, deserialize_with = "field", rename = "lastMessage")]
    last_message: Option<Message>,
}

/// Chats a page, and how many pages at most.
const CHATS_PAGE: usize = 100;
const MOST_PAGES: usize = 200;

/// The recipient in the form the platform wants, or what is wrong with it.
pub fn recipient(to: &str) -> Result<String, SendError> {
    chat_id(to).ok_or_else(|| bad_recipient(Platform::WhatsappGateway, to))
}

impl Client for Gateway {
    fn verify(&self) -> Result<Verified, SendError> {
        let url = join(&self.base, &format!("api/sessions/{}", self.session));
        let session = self.http.check(
            Doing::CheckingSession,
            |c| self.request(c.get(&url)),
            |r| ok_json(&r, &self.session),
        )?;
        let session: Session = answer::read(&session);
        let status = session.status.as_deref().unwrap_or("UNKNOWN");
        if status != "WORKING" {
            let about = |id: &str| {
                about(Platform::WhatsappGateway, id)
                    .text("session", self.session.clone())
                    .text("status", status)
            };
            let e = described(ErrorCode::AccountNotVerified, Platform::WhatsappGateway).reworded(
                Some(about("error-gateway-session-not-working")),
                Some(about("remedy-gateway-session-not-working")),
            );
            return Err(e.raw("session status", status));
        }
        let me = session.me.unwrap_or_default();
        let name = me.push_name.as_deref().unwrap_or("");
        let me = me.id.as_deref().unwrap_or("?");
        Ok(Verified {
            account: format!("{name} ({me}), session {}", self.session),
        })
    }

    fn http(&self) -> Option<&Http> {
        Some(&self.http)
    }

    /// The session's chats with people (not groups or channels), their names and when
    /// their last message came when it was theirs, a page of 100 at a time.
    fn people(&self, seen: &dyn Fn(usize)) -> Result<Listing, SendError> {
        let url = join(&self.base, &format!("api/{}/chats/overview", self.session));
        let mut people: Vec<Listed> = Vec::new();
        for page in 0..MOST_PAGES {
            let offset = (page * CHATS_PAGE).to_string();
            let limit = CHATS_PAGE.to_string();
            let listed = self.http.check(
                Doing::ListingChats,
                |c| {
                    self.request(c.get(&url))
                        .query(&[("limit", limit.as_str()), ("offset", offset.as_str())])
                },
                |r| ok_json(&r, &self.session),
            )?;
            let serde_json::Value::Array(chats) = listed else {
                return Err(described(
                    ErrorCode::PlatformError,
                    Platform::WhatsappGateway,
                ));
            };
            for chat in chats.iter().map(answer::read::<ChatSummary>) {
                let Some(id) = chat.id.as_deref().filter(|id| id.ends_with("@c.us")) else {
                    continue;
                };
                let last_heard_ms = chat
                    .last_message
                    .as_ref()
                    .filter(|m| m.from_me == Some(false))
                    .and_then(|m| m.timestamp)
                    .map(|secs| secs * 1000);
                if !people.iter().any(|p| p.id == id) {
                    people.push(Listed {
                        id: id.to_owned(),
                        name: chat.name.clone().filter(|n| !n.trim().is_empty()),
                        last_heard_ms,
                    });
                }
            }
            seen(people.len());
            if chats.len() < CHATS_PAGE {
                break;
            }
        }
        Ok(Listing::People(people))
    }

    /// How far the note got: its ack among the chat's newest messages.
    fn reached(&self, to: &str, message_id: &str) -> Result<Option<Reached>, SendError> {
        let messages = self.messages(to, "50")?;
        let ack = messages
            .iter()
            .find(|m| m.id().as_deref() == Some(message_id))
            .and_then(|m| m.ack);
        Ok(match ack {
            Some(2) => Some(Reached::Delivered),
            Some(3) => Some(Reached::Read),
            Some(4..) => Some(Reached::Played),
            _ => None,
        })
    }

    /// The chat's newest messages (WAHA: `GET /api/{session}/chats/{chatId}/messages`):
    /// a voice note from this account at or after `since_ms` is the one sent.
    fn find_sent(&self, to: &str, since_ms: i64) -> Lookup {
        let messages = match self.messages(to, "20") {
            Ok(messages) => messages,
            Err(e) => return Lookup::Failed(e),
        };
        // Clocks differ a little; a note from well before the send is another note.
        let since_secs = (since_ms - 5_000).div_euclid(1000);
        let ours = messages.iter().find(|m| {
            m.from_me == Some(true) && m.is_voice() && m.timestamp.unwrap_or(0) >= since_secs
        });
        match ours {
            Some(m) => Lookup::Found(Receipt {
                platform: Platform::WhatsappGateway,
                recipient: to.to_owned(),
                message_id: m.id(),
                media_id: None,
                delivered_to: None,
                sent_at: crate::clock::rfc3339(m.timestamp.unwrap_or(0) * 1000),
            }),
            None => Lookup::NotFound,
        }
    }

    fn send(
        &self,
        note: &Outgoing<'_>,
        to: &str,
        _options: &SendOptions,
        progress: &ProgressFn,
    ) -> Result<Receipt, SendError> {
        let url = join(&self.base, "api/sendVoice");
        let body = json!({
            "session": self.session,
            "chatId": to,
            "file": {
                "mimetype": "audio/ogg; codecs=opus",
                "filename": note.format.file_name(),
                "data": base64::engine::general_purpose::STANDARD.encode(note.bytes),
            },
        });
        // The note travels inside the JSON: streamed, so that its upload shows progress
        // and keeps the call's deadlines moving.
        let body = bytes::Bytes::from(serde_json::to_vec(&body).expect("serialises"));
        let sent = self.http.call(
            Doing::Sending,
            Stage::Send,
            progress,
            |c| {
                self.request(c.post(&url))
                    .header(reqwest::header::CONTENT_TYPE, "application/json")
                    .header(reqwest::header::CONTENT_LENGTH, body.len())
                    .body(self.http.progress_body(body.clone(), progress.clone()))
            },
            |r| {
                answer::read::<Message>(&ok_json(&r, &self.session)?)
                    .id()
                    .ok_or_else(|| r.not_understood(Platform::WhatsappGateway, "message id"))
            },
        )?;
        Ok(Receipt {
            platform: Platform::WhatsappGateway,
            recipient: to.to_owned(),
            message_id: Some(sent),
            media_id: None,
            delivered_to: None,
            sent_at: crate::clock::rfc3339(crate::clock::now_ms()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chat_ids_take_numbers_and_jids() {
        assert_eq!(
            chat_id("+44 7700 900123").as_deref(),
            Some("447700900123@c.us")
        );
        assert_eq!(chat_id("120363@g.us").as_deref(), Some("120363@g.us"));
        assert_eq!(chat_id("bob@example.com"), None);
        assert_eq!(chat_id("@c.us"), None);
    }

    #[test]
    fn gateway_statuses_map_to_stable_codes() {
        use ErrorCode::*;
        for (status, want, retry) in [
            (401, InvalidToken, false),
            (403, InvalidToken, false),
            (404, AccountNotVerified, false),
            (422, AccountNotVerified, false),
            (413, AudioTooLarge, false),
            (429, RateLimited, true),
            (500, PlatformError, true),
            (400, PlatformError, false),
        ] {
            assert_eq!(error_code(status), (want, retry), "{status}");
        }
    }

    #[test]
    fn message_ids_are_found_in_each_engines_shape() {
        let id = |v: serde_json::Value| answer::read::<Message>(&v).id();
        let webjs = json!({"_data": {"id": {"_serialized": "true_1@c.us_A"}}, "id": 7});
        assert_eq!(id(webjs).as_deref(), Some("true_1@c.us_A"));
        let noweb = json!({"id": "true_1@c.us_B"});
        assert_eq!(id(noweb).as_deref(), Some("true_1@c.us_B"));
        let serialized = json!({"id": {"_serialized": "true_1@c.us_C", "id": "C"}});
        assert_eq!(id(serialized).as_deref(), Some("true_1@c.us_C"));
        let keyed = json!({"id": {"fromMe": true}, "key": {"id": "D"}});
        assert_eq!(id(keyed).as_deref(), Some("D"));
        assert_eq!(id(json!({"id": null})), None);
        assert_eq!(id(json!([1, 2])), None);
    }

    #[test]
    fn a_refusal_keeps_the_gateways_words_in_any_shape() {
        let refused = |body: &str| {
            let reply = Reply {
                status: 400,
                retry_after: None,
                location: None,
                body: bytes::Bytes::from(body.to_owned()),
            };
            ok_json(&reply, "default")
                .unwrap_err()
                .raw
                .map(|raw| raw.message)
        };
        let said = refused(r#"{"message": "Session not found"}"#);
        assert_eq!(said.as_deref(), Some("Session not found"));
        let said = refused(r#"{"message": ["chatId must be a string"], "error": "Bad Request"}"#);
        assert_eq!(said.as_deref(), Some(r#"["chatId must be a string"]"#));
        let said = refused("gateway exploded");
        assert_eq!(said.as_deref(), Some("gateway exploded"));
    }
}
