//! A self-hosted (or hosted) WhatsApp gateway speaking WAHA's API: the note travels
//! inside the request as base64, so no public URL is needed.

use base64::Engine;
use serde_json::json;

use super::Platform;
use super::account::Account;
use super::client::{
    Client, Lookup, Outgoing, Receipt, SendOptions, Verified, bad_recipient, secret,
};
use super::error::{ErrorCode, SendError, described};
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
    let json = reply.json();
    let message = match json.get("message") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => reply.text_excerpt(),
    };
    let (code, retryable) = error_code(reply.status);
    let mut e = described(code, Platform::WhatsappGateway);
    match code {
        ErrorCode::InvalidToken => {
            e.message = "The gateway refused Hark's API key.".into();
            e.remedy = "Enter the gateway's API key (its WHATSAPP_API_KEY) with `hark profile \
                set-secret`, or in the app's account settings."
                .into();
        }
        ErrorCode::AccountNotVerified => {
            e.message = format!(
                "The gateway's session “{session}” is missing or not connected to WhatsApp."
            );
            e.remedy = "Open the gateway's dashboard, start the session and scan its QR code \
                with the phone, then send again."
                .into();
        }
        _ => {}
    }
    Err(e
        .retryable(retryable)
        .retry_after(reply.retry_after)
        .raw(format!("HTTP {}", reply.status), message))
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

fn message_id(sent: &serde_json::Value) -> Option<String> {
    ["/_data/id/_serialized", "/id/_serialized", "/id", "/key/id"]
        .iter()
        .find_map(|p| sent.pointer(p).and_then(|v| v.as_str()))
        .map(str::to_owned)
}

/// The recipient in the form the platform wants, or what is wrong with it.
pub fn recipient(to: &str) -> Result<String, SendError> {
    chat_id(to).ok_or_else(|| {
        bad_recipient(
            to,
            "phone number with its country code, or a chat id like 4477…@c.us",
        )
    })
}

impl Client for Gateway {
    fn verify(&self) -> Result<Verified, SendError> {
        let url = join(&self.base, &format!("api/sessions/{}", self.session));
        let session = self.http.check(
            "checking the gateway session",
            |c| self.request(c.get(&url)),
            |r| ok_json(&r, &self.session),
        )?;
        let status = session
            .get("status")
            .and_then(|v| v.as_str())
            .unwrap_or("UNKNOWN");
        if status != "WORKING" {
            let mut e = described(ErrorCode::AccountNotVerified, Platform::WhatsappGateway);
            e.message = format!(
                "The gateway's session “{}” is {status}, not WORKING.",
                self.session
            );
            e.remedy = "Open the gateway's dashboard and scan the session's QR code with the \
                phone (or restart the session), then verify again."
                .into();
            return Err(e.raw("session status", status));
        }
        let me = session
            .pointer("/me/id")
            .and_then(|v| v.as_str())
            .unwrap_or("?");
        let name = session
            .pointer("/me/pushName")
            .and_then(|v| v.as_str())
            .unwrap_or("");
        Ok(Verified {
            account: format!("{name} ({me}), session {}", self.session),
        })
    }

    fn http(&self) -> Option<&Http> {
        Some(&self.http)
    }

    /// The chat's newest messages (WAHA: `GET /api/{session}/chats/{chatId}/messages`):
    /// a voice note from this account at or after `since_ms` is the one sent.
    fn find_sent(&self, to: &str, since_ms: i64) -> Lookup {
        let url = join(
            &self.base,
            &format!("api/{}/chats/{to}/messages", self.session),
        );
        let listed = self.http.check(
            "asking the gateway for the chat's messages",
            |c| {
                self.request(c.get(&url))
                    .query(&[("limit", "20"), ("downloadMedia", "false")])
            },
            |r| ok_json(&r, &self.session),
        );
        let messages = match listed {
            Ok(serde_json::Value::Array(messages)) => messages,
            Ok(_) => {
                return Lookup::Failed(described(
                    ErrorCode::PlatformError,
                    Platform::WhatsappGateway,
                ));
            }
            Err(e) => return Lookup::Failed(e),
        };
        // Clocks differ a little; a note from well before the send is another note.
        let since_secs = (since_ms - 5_000).div_euclid(1000);
        let ours = messages.iter().find(|m| {
            let voice = match m.get("type").or_else(|| m.pointer("/_data/type")) {
                Some(t) => matches!(t.as_str(), Some("ptt" | "audio" | "voice")),
                None => m.get("hasMedia").and_then(|v| v.as_bool()) == Some(true),
            };
            m.get("fromMe").and_then(|v| v.as_bool()) == Some(true)
                && voice
                && m.get("timestamp").and_then(|v| v.as_i64()).unwrap_or(0) >= since_secs
        });
        match ours {
            Some(m) => Lookup::Found(Receipt {
                platform: Platform::WhatsappGateway,
                recipient: to.to_owned(),
                message_id: message_id(m),
                media_id: None,
                delivered_to: None,
                sent_at: crate::clock::rfc3339(
                    m.get("timestamp").and_then(|v| v.as_i64()).unwrap_or(0) * 1000,
                ),
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
            "sending the note",
            Stage::Send,
            progress,
            |c| {
                self.request(c.post(&url))
                    .header(reqwest::header::CONTENT_TYPE, "application/json")
                    .header(reqwest::header::CONTENT_LENGTH, body.len())
                    .body(self.http.progress_body(body.clone(), progress.clone()))
            },
            |r| {
                message_id(&ok_json(&r, &self.session)?)
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
        let webjs = json!({"_data": {"id": {"_serialized": "true_1@c.us_A"}}});
        assert_eq!(message_id(&webjs).as_deref(), Some("true_1@c.us_A"));
        let noweb = json!({"id": "true_1@c.us_B"});
        assert_eq!(message_id(&noweb).as_deref(), Some("true_1@c.us_B"));
    }
}
