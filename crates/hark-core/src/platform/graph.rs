//! Meta's Graph API, shared by Messenger and the WhatsApp Cloud API: the error
//! envelope and what each documented code means in Hark's error language.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::Platform;
use super::answer::{self, field};
use super::error::{ErrorCode, SendError, about, described};
use super::http::Reply;

/// The envelope of a Graph answer that went wrong.
#[derive(Debug, Default, Deserialize)]
struct Envelope {
    #[serde(default, deserialize_with = "field")]
    error: Option<Body>,
}

#[derive(Debug, Default, Deserialize)]
struct Body {
    #[serde(default, deserialize_with = "field")]
    message: Option<String>,
    #[serde(default, deserialize_with = "field")]
    code: Option<i64>,
    #[serde(default, deserialize_with = "field")]
    error_subcode: Option<i64>,
    #[serde(default, deserialize_with = "field")]
    error_data: Option<Data>,
}

#[derive(Debug, Default, Deserialize)]
struct Data {
    #[serde(default, deserialize_with = "field")]
    details: Option<String>,
}

/// `{"error": {"message", "type", "code", "error_subcode", "error_data": {"details"}}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GraphError {
    pub code: i64,
    pub subcode: Option<i64>,
    pub message: String,
}

impl GraphError {
    pub fn from_reply(reply: &Reply) -> Option<GraphError> {
        let e = answer::read::<Envelope>(&reply.json()).error?;
        let mut message = e.message.unwrap_or_default();
        if let Some(details) = e
            .error_data
            .and_then(|d| d.details)
            .filter(|d| !d.is_empty())
        {
            message = format!("{message} ({details})");
        }
        Some(GraphError {
            code: e.code?,
            subcode: e.error_subcode,
            message,
        })
    }

    fn raw_code(&self) -> String {
        match self.subcode {
            Some(sub) => format!("{}/{sub}", self.code),
            None => self.code.to_string(),
        }
    }
}

/// Messenger's codes (shared/platforms.md §2).
pub fn messenger_code(code: i64, subcode: Option<i64>) -> (ErrorCode, bool) {
    use ErrorCode::*;
    match (code, subcode) {
        (190, _) => (InvalidToken, false),
        (100, Some(2018001)) => (RecipientNotFound, false),
        (100, Some(2018109)) => (AudioTooLarge, false),
        (100, Some(2018047)) | (100, Some(2018074)) => (AudioFetchFailed, true),
        (10, Some(2018278)) | (10, Some(2018065)) => (MessagingWindowClosed, false),
        (10, Some(2018108)) | (200, Some(1545041)) => (MessageNotAllowed, false),
        (551, _) => (MessageNotAllowed, false),
        (200, Some(2018028)) | (230, _) => (AccountNotVerified, false),
        (4, _) | (32, _) | (613, _) => (RateLimited, true),
        (1200, _) | (2, _) => (PlatformError, true),
        (368, _) => (MessageNotAllowed, false),
        (10, _) | (200..=299, _) => (AccountNotVerified, false),
        _ => (PlatformError, false),
    }
}

/// The WhatsApp Cloud API's codes (shared/platforms.md §3).
pub fn whatsapp_code(code: i64) -> (ErrorCode, bool) {
    use ErrorCode::*;
    match code {
        190 | 0 => (InvalidToken, false),
        10 | 200..=299 => (AccountNotVerified, false),
        131047 => (MessagingWindowClosed, false),
        131026 | 131021 => (RecipientNotFound, false),
        131051 | 131053 => (UnsupportedAudio, false),
        130429 | 131056 | 4 | 80007 => (RateLimited, true),
        131048 | 368 => (MessageNotAllowed, false),
        131031 | 131042 => (AccountNotVerified, false),
        131000 | 131016 | 2 => (PlatformError, true),
        _ => (PlatformError, false),
    }
}

/// A Graph success read as `T`: a JSON object without an `error`. A 2xx that is not
/// one is not understood (and, after the sending call, leaves the send unknown).
pub fn ok_json<T: DeserializeOwned + Default>(
    platform: Platform,
    reply: &Reply,
) -> Result<T, SendError> {
    let json = reply.json();
    let is_error = json.as_object().is_some_and(|o| o.contains_key("error"));
    if (200..300).contains(&reply.status) && !is_error {
        return if json.is_object() {
            Ok(answer::read(&json))
        } else {
            Err(reply.not_understood(platform, "JSON answer"))
        };
    }
    Err(error(platform, reply))
}

/// Hark's error for a Graph reply that is not a success.
pub fn error(platform: Platform, reply: &Reply) -> SendError {
    let Some(g) = GraphError::from_reply(reply) else {
        let code = match reply.status {
            401 => ErrorCode::InvalidToken,
            429 => ErrorCode::RateLimited,
            _ => ErrorCode::PlatformError,
        };
        return described(code, platform)
            .retryable(code.retryable() || reply.status >= 500)
            .retry_after(reply.retry_after)
            .raw(format!("HTTP {}", reply.status), reply.text_excerpt());
    };
    let (code, retryable) = match platform {
        Platform::Messenger => messenger_code(g.code, g.subcode),
        _ => whatsapp_code(g.code),
    };
    let mut e = described(code, platform);
    let said = |id: &str| Some(about(platform, id));
    let (message, remedy) = match (platform, code) {
        (Platform::Messenger, ErrorCode::MessagingWindowClosed) => {
            (None, said("remedy-messenger-window-closed"))
        }
        (Platform::Whatsapp, ErrorCode::MessagingWindowClosed) => {
            (None, said("remedy-whatsapp-window-closed"))
        }
        (Platform::Whatsapp, ErrorCode::RecipientNotFound) => {
            (said("error-whatsapp-cannot-deliver"), None)
        }
        (_, ErrorCode::RateLimited) if g.code == 131056 => (
            said("error-whatsapp-pair-rate"),
            said("remedy-whatsapp-pair-rate"),
        ),
        _ => (None, None),
    };
    if message.is_some() || remedy.is_some() {
        e = e.reworded(message, remedy);
    }
    e.retryable(retryable)
        .retry_after(reply.retry_after)
        .raw(g.raw_code(), g.message.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    fn reply(status: u16, body: &str) -> Reply {
        Reply {
            status,
            retry_after: None,
            location: None,
            body: Bytes::from(body.to_owned()),
        }
    }

    /// Every Messenger code in shared/platforms.md §2.
    #[test]
    fn messenger_codes_map_to_stable_codes() {
        use ErrorCode::*;
        let table: &[(i64, Option<i64>, ErrorCode, bool)] = &[
            (190, Some(460), InvalidToken, false),
            (190, Some(463), InvalidToken, false),
            (100, Some(2018001), RecipientNotFound, false),
            (100, None, PlatformError, false),
            (100, Some(2018109), AudioTooLarge, false),
            (100, Some(2018047), AudioFetchFailed, true),
            (100, Some(2018074), AudioFetchFailed, true),
            (10, Some(2018278), MessagingWindowClosed, false),
            (10, Some(2018065), MessagingWindowClosed, false),
            (10, Some(2018108), MessageNotAllowed, false),
            (200, Some(1545041), MessageNotAllowed, false),
            (551, None, MessageNotAllowed, false),
            (200, Some(2018028), AccountNotVerified, false),
            (230, None, AccountNotVerified, false),
            (4, Some(2018022), RateLimited, true),
            (32, None, RateLimited, true),
            (613, None, RateLimited, true),
            (1200, None, PlatformError, true),
            (2, None, PlatformError, true),
            (368, None, MessageNotAllowed, false),
        ];
        for (code, sub, want, retry) in table {
            assert_eq!(
                messenger_code(*code, *sub),
                (*want, *retry),
                "{code}/{sub:?}"
            );
        }
    }

    /// Every WhatsApp Cloud API code in shared/platforms.md §3.
    #[test]
    fn whatsapp_codes_map_to_stable_codes() {
        use ErrorCode::*;
        let table: &[(i64, ErrorCode, bool)] = &[
            (190, InvalidToken, false),
            (0, InvalidToken, false),
            (10, AccountNotVerified, false),
            (200, AccountNotVerified, false),
            (299, AccountNotVerified, false),
            (131047, MessagingWindowClosed, false),
            (131026, RecipientNotFound, false),
            (131051, UnsupportedAudio, false),
            (131053, UnsupportedAudio, false),
            (131052, PlatformError, false),
            (131008, PlatformError, false),
            (131009, PlatformError, false),
            (100, PlatformError, false),
            (130429, RateLimited, true),
            (131056, RateLimited, true),
            (4, RateLimited, true),
            (80007, RateLimited, true),
            (131048, MessageNotAllowed, false),
            (368, MessageNotAllowed, false),
            (131031, AccountNotVerified, false),
            (131042, AccountNotVerified, false),
            (131021, RecipientNotFound, false),
            (131000, PlatformError, true),
            (131016, PlatformError, true),
            (2, PlatformError, true),
        ];
        for (code, want, retry) in table {
            assert_eq!(whatsapp_code(*code), (*want, *retry), "{code}");
        }
    }

    #[test]
    fn an_envelope_keeps_the_platforms_words() {
        let r = reply(
            400,
            r#"{"error":{"message":"(#10) This message is sent outside of allowed window.","type":"OAuthException","code":10,"error_subcode":2018278,"fbtrace_id":"A1"}}"#,
        );
        let e = error(Platform::Messenger, &r);
        assert_eq!(e.code, ErrorCode::MessagingWindowClosed);
        assert!(e.remedy.contains("human-agent"));
        let raw = e.raw.unwrap();
        assert_eq!(raw.code, "10/2018278");
        assert!(raw.message.contains("outside of allowed window"));
        let e = error(Platform::Whatsapp, &reply(502, "<html>Bad gateway</html>"));
        assert_eq!(e.code, ErrorCode::PlatformError);
        assert!(e.retryable);
        assert_eq!(e.raw.unwrap().code, "HTTP 502");
    }
}
