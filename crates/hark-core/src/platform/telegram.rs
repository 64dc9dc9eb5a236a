//! The Telegram Bot API: `sendVoice` with the note as a multipart file, so it arrives
//! as a voice message with its duration.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::Platform;
use super::account::Account;
use super::answer::{self, field};
use super::client::{
    Client, Listed, Listing, Outgoing, Receipt, SendOptions, Verified, bad_recipient, secret,
};
use super::doing::Doing;
use super::error::{ErrorCode, SendError, about, described};
use super::http::{Http, ProgressFn, Reply, Stage, join};
use crate::secret::Secrets;

pub struct Telegram {
    http: Http,
    base: String,
    token: String,
}

impl Telegram {
    pub fn new(account: &Account<'_>, secrets: &Secrets, http: Http) -> Telegram {
        Telegram {
            http,
            base: account.api_base().unwrap_or_default().to_owned(),
            token: secret(secrets, "bot_token"),
        }
    }

    fn url(&self, method: &str) -> String {
        join(&self.base, &format!("bot{}/{method}", self.token))
    }
}

/// What a Bot API error means (shared/platforms.md §5).
pub fn error_code(status: i64, description: &str) -> (ErrorCode, bool) {
    let d = description.to_ascii_lowercase();
    match status {
        401 | 404 => (ErrorCode::InvalidToken, false),
        400 if d.contains("chat not found") || d.contains("user not found") => {
            (ErrorCode::RecipientNotFound, false)
        }
        400 if d.contains("voice_messages_forbidden") => (ErrorCode::MessageNotAllowed, false),
        403 => (ErrorCode::MessageNotAllowed, false),
        413 => (ErrorCode::AudioTooLarge, false),
        429 => (ErrorCode::RateLimited, true),
        500..=599 => (ErrorCode::PlatformError, true),
        _ => (ErrorCode::PlatformError, false),
    }
}

/// Every Bot API answer: `{"ok": true, "result"}`, or `{"ok": false, "error_code",
/// "description", "parameters": {"retry_after"}}`.
#[derive(Debug, Default, Deserialize)]
struct Envelope {
    #[serde(default, deserialize_with = "field")]
    ok: Option<bool>,
    #[serde(default, deserialize_with = "field")]
    result: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default, deserialize_with = "field")]
    error_code: Option<i64>,
    #[serde(default, deserialize_with = "field")]
    description: Option<String>,
    #[serde(default, deserialize_with = "field")]
    parameters: Option<Parameters>,
}

#[derive(Debug, Default, Deserialize)]
struct Parameters {
    #[serde(default, deserialize_with = "field")]
    retry_after: Option<u64>,
}

/// The bot, as `getMe` gives it.
#[derive(Debug, Default, Deserialize)]
struct Bot {
    #[serde(default, deserialize_with = "field")]
    username: Option<String>,
    #[serde(default, deserialize_with = "field")]
    first_name: Option<String>,
}

/// A sent message: its id, and the file it carries (a voice note, or a document).
#[derive(Debug, Default, Deserialize)]
struct Message {
    #[serde(default, deserialize_with = "field")]
    message_id: Option<i64>,
    #[serde(default, deserialize_with = "field")]
    voice: Option<File>,
    #[serde(default, deserialize_with = "field")]
    document: Option<File>,
}

#[derive(Debug, Default, Deserialize)]
struct File {
    #[serde(default, deserialize_with = "field")]
    file_id: Option<String>,
}

/// `getWebhookInfo`'s answer: the address the bot's updates go to, if any.
#[derive(Debug, Default, Deserialize)]
struct Webhook {
    #[serde(default, deserialize_with = "field")]
    url: Option<String>,
}

/// `getUpdates`' list; the refusal in Hark's words otherwise.
fn updates(reply: &Reply) -> Result<Vec<serde_json::Value>, SendError> {
    let json = reply.json();
    if json["ok"] == serde_json::Value::Bool(true) {
        return json["result"]
            .as_array()
            .cloned()
            .ok_or_else(|| reply.not_understood(Platform::Telegram, "result"));
    }
    ok_result::<Webhook>(reply).map(|_| Vec::new())
}

/// The `result` of a success, read as `T`; the refusal in Hark's words otherwise.
fn ok_result<T: DeserializeOwned + Default>(reply: &Reply) -> Result<T, SendError> {
    let envelope: Envelope = answer::read(&reply.json());
    if envelope.ok == Some(true) {
        return match envelope.result {
            Some(result) => Ok(answer::read(&serde_json::Value::Object(result))),
            None => Err(reply.not_understood(Platform::Telegram, "result")),
        };
    }
    if (200..300).contains(&reply.status) {
        // The Bot API answers every refusal with an error status.
        return Err(reply.not_understood(Platform::Telegram, "\"ok\": true"));
    }
    let documented = envelope.error_code;
    let status = documented.unwrap_or(reply.status as i64);
    let description = envelope.description.unwrap_or_else(|| reply.text_excerpt());
    let (code, retryable) = error_code(status, &description);
    let mut e = described(code, Platform::Telegram);
    let lower = description.to_ascii_lowercase();
    if code == ErrorCode::MessageNotAllowed {
        let telegram = |id: &str| Some(about(Platform::Telegram, id));
        if lower.contains("voice_messages_forbidden") {
            e = e.reworded(
                telegram("error-telegram-voice-forbidden"),
                telegram("remedy-telegram-voice-forbidden"),
            );
        } else if lower.contains("can't initiate") || lower.contains("blocked") {
            e = e.reworded(
                telegram("error-telegram-not-started"),
                telegram("remedy-telegram-not-started"),
            );
        }
    }
    let retry_after = envelope
        .parameters
        .and_then(|p| p.retry_after)
        .or(reply.retry_after);
    Err(e.retryable(retryable).retry_after(retry_after).raw(
        match documented {
            Some(code) => code.to_string(),
            None => format!("HTTP {status}"),
        },
        description,
    ))
}

/// The recipient in the form the platform wants, or what is wrong with it.
pub fn recipient(to: &str) -> Result<String, SendError> {
    let to = to.trim();
    let numeric = to
        .strip_prefix('-')
        .unwrap_or(to)
        .chars()
        .all(|c| c.is_ascii_digit());
    let channel = to.len() > 5
        && to.starts_with('@')
        && to[1..]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_');
    if (numeric && !to.trim_start_matches('-').is_empty()) || channel {
        Ok(to.to_owned())
    } else {
        Err(bad_recipient(Platform::Telegram, to))
    }
}

impl Client for Telegram {
    fn verify(&self) -> Result<Verified, SendError> {
        let url = self.url("getMe");
        let me = self.http.check(
            Doing::CheckingBotToken,
            |c| c.get(&url),
            |r| ok_result::<Bot>(&r),
        )?;
        let username = me.username.as_deref().unwrap_or("?");
        let name = me.first_name.as_deref().unwrap_or("");
        Ok(Verified {
            account: format!("@{username} ({name})"),
        })
    }

    fn http(&self) -> Option<&Http> {
        Some(&self.http)
    }

    /// The chats that wrote to the bot and whose messages it has not taken yet
    /// (`getUpdates` without an offset: an offset would confirm them, taking them from
    /// the bot's own program). A bot with a webhook gets them only there.
    fn people(&self, seen: &dyn Fn(usize)) -> Result<Listing, SendError> {
        let url = self.url("getWebhookInfo");
        let hook = self.http.check(
            Doing::ListingChats,
            |c| c.get(&url),
            |r| ok_result::<Webhook>(&r),
        )?;
        if hook.url.as_deref().is_some_and(|u| !u.is_empty()) {
            return Ok(Listing::WebhookSet);
        }
        let url = self.url("getUpdates");
        let updates = self.http.check(
            Doing::ListingChats,
            |c| c.get(&url).query(&[("timeout", "0"), ("limit", "100")]),
            |r| updates(&r),
        )?;
        let mut people: Vec<Listed> = Vec::new();
        for update in &updates {
            let Some(message) = ["message", "edited_message", "channel_post"]
                .iter()
                .find_map(|k| update.get(*k))
            else {
                continue;
            };
            let chat = &message["chat"];
            let Some(id) = chat["id"].as_i64() else {
                continue;
            };
            let name = match (chat["first_name"].as_str(), chat["last_name"].as_str()) {
                (Some(first), Some(last)) => Some(format!("{first} {last}")),
                (Some(first), None) => Some(first.to_owned()),
                _ => chat["title"].as_str().map(str::to_owned),
            };
            let at = message["date"].as_i64().map(|s| s * 1000);
            let id = id.to_string();
            match people.iter_mut().find(|p| p.id == id) {
                Some(p) => p.last_heard_ms = p.last_heard_ms.max(at),
                None => people.push(Listed {
                    id,
                    name,
                    last_heard_ms: at,
                }),
            }
        }
        seen(people.len());
        Ok(Listing::People(people))
    }

    fn send(
        &self,
        note: &Outgoing<'_>,
        to: &str,
        options: &SendOptions,
        progress: &ProgressFn,
    ) -> Result<Receipt, SendError> {
        // A voice message, or (for someone who refuses those) the same note as a file.
        let (method, field) = if options.as_file {
            ("sendDocument", "document")
        } else {
            ("sendVoice", "voice")
        };
        let url = self.url(method);
        let seconds = note.duration.as_secs_f64().round().max(1.0) as u64;
        let sent = self.http.call(
            Doing::Sending,
            Stage::Send,
            progress,
            |c| {
                let mut form = reqwest::multipart::Form::new().text("chat_id", to.to_owned());
                if !options.as_file {
                    form = form.text("duration", seconds.to_string());
                }
                let form = form.part(
                    field,
                    self.http
                        .file_part(note.bytes, note.format.file_name(), "audio/ogg", progress),
                );
                c.post(&url).multipart(form)
            },
            |r| {
                let message = ok_result::<Message>(&r)?;
                match message.message_id {
                    Some(id) => Ok((id, message)),
                    None => Err(r.not_understood(Platform::Telegram, "message_id")),
                }
            },
        )?;
        let (message_id, sent) = sent;
        Ok(Receipt {
            platform: Platform::Telegram,
            recipient: to.to_owned(),
            message_id: Some(message_id.to_string()),
            media_id: if options.as_file {
                sent.document
            } else {
                sent.voice
            }
            .and_then(|f| f.file_id),
            delivered_to: None,
            sent_at: crate::clock::rfc3339(crate::clock::now_ms()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every Bot API error in shared/platforms.md §5.
    #[test]
    fn bot_api_errors_map_to_stable_codes() {
        use ErrorCode::*;
        let table: &[(i64, &str, ErrorCode, bool)] = &[
            (401, "Unauthorized", InvalidToken, false),
            (400, "Bad Request: chat not found", RecipientNotFound, false),
            (
                403,
                "Forbidden: bot was blocked by the user",
                MessageNotAllowed,
                false,
            ),
            (
                403,
                "Forbidden: bot can't initiate conversation with a user",
                MessageNotAllowed,
                false,
            ),
            (
                400,
                "Bad Request: VOICE_MESSAGES_FORBIDDEN",
                MessageNotAllowed,
                false,
            ),
            (413, "Request Entity Too Large", AudioTooLarge, false),
            (429, "Too Many Requests: retry after 3", RateLimited, true),
            (502, "Bad Gateway", PlatformError, true),
            (
                400,
                "Bad Request: wrong file identifier",
                PlatformError,
                false,
            ),
        ];
        for (status, text, want, retry) in table {
            assert_eq!(
                error_code(*status, text),
                (*want, *retry),
                "{status} {text}"
            );
        }
    }
}
