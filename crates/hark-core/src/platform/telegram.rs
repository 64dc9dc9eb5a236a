//! The Telegram Bot API: `sendVoice` with the note as a multipart file, so it arrives
//! as a voice message with its duration.

use super::Platform;
use super::account::Account;
use super::client::{Client, Outgoing, Receipt, SendOptions, Verified, bad_recipient, secret};
use super::error::{ErrorCode, SendError, described};
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

fn ok_result(reply: &Reply) -> Result<serde_json::Value, SendError> {
    let json = reply.json();
    if json.get("ok").and_then(|v| v.as_bool()) == Some(true) {
        return match json.get("result") {
            Some(result) if result.is_object() => Ok(result.clone()),
            _ => Err(reply.not_understood(Platform::Telegram, "result")),
        };
    }
    if (200..300).contains(&reply.status) {
        // The Bot API answers every refusal with an error status.
        return Err(reply.not_understood(Platform::Telegram, "\"ok\": true"));
    }
    let documented = json.get("error_code").and_then(|v| v.as_i64());
    let status = documented.unwrap_or(reply.status as i64);
    let description = json
        .get("description")
        .and_then(|v| v.as_str())
        .map(str::to_owned)
        .unwrap_or_else(|| reply.text_excerpt());
    let (code, retryable) = error_code(status, &description);
    let mut e = described(code, Platform::Telegram);
    let lower = description.to_ascii_lowercase();
    if code == ErrorCode::MessageNotAllowed {
        if lower.contains("voice_messages_forbidden") {
            e.message = "This person's privacy settings do not accept voice messages.".into();
            e.remedy = "Send it as a file instead (`hark send --as-file`): it arrives as an \
                        audio file they can play. Or write to them."
                .into();
        } else if lower.contains("can't initiate") || lower.contains("blocked") {
            e.message = "The person has not started a chat with the bot, or has blocked it.".into();
            e.remedy = "Ask them to open the bot and press Start, then send again.".into();
        }
    }
    let retry_after = json
        .pointer("/parameters/retry_after")
        .and_then(|v| v.as_u64())
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
        Err(bad_recipient(
            to,
            "numeric chat id (or @channel name) of someone who has started your bot",
        ))
    }
}

impl Client for Telegram {
    fn verify(&self) -> Result<Verified, SendError> {
        let url = self.url("getMe");
        let me = self
            .http
            .check("checking the bot token", |c| c.get(&url), |r| ok_result(&r))?;
        let username = me.get("username").and_then(|v| v.as_str()).unwrap_or("?");
        let name = me.get("first_name").and_then(|v| v.as_str()).unwrap_or("");
        Ok(Verified {
            account: format!("@{username} ({name})"),
        })
    }

    fn http(&self) -> Option<&Http> {
        Some(&self.http)
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
            "sending the note",
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
                let result = ok_result(&r)?;
                match result.get("message_id").and_then(|v| v.as_i64()) {
                    Some(id) => Ok((id, result)),
                    None => Err(r.not_understood(Platform::Telegram, "message_id")),
                }
            },
        )?;
        let (message_id, sent) = sent;
        Ok(Receipt {
            platform: Platform::Telegram,
            recipient: to.to_owned(),
            message_id: Some(message_id.to_string()),
            media_id: sent
                .pointer(&format!("/{field}/file_id"))
                .and_then(|v| v.as_str())
                .map(str::to_owned),
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
