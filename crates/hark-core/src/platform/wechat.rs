//! A WeChat Official Account: customer-service voice messages.
//!
//! Three ways to a token: the AppSecret (`stable_token`, which returns the same token
//! while it is valid, so several Hark processes never invalidate each other's), a
//! pasted token, or the company's own relay (for desktops whose IP cannot be on the
//! account's whitelist). A token is cached until five minutes before it expires and
//! shared by every send in the process; a token error (40001, 40014, 42001) refreshes
//! it once. The note is uploaded as temporary media, then sent by its media id.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::json;

use super::Platform;
use super::account::Account;
use super::answer::{self, field};
use super::client::{
    Client, Listing, Outgoing, Receipt, SendOptions, Verified, bad_recipient, secret,
};
use super::doing::Doing;
use super::error::{ErrorCode, SendError, about, described};
use super::http::{Http, ProgressFn, Reply, Stage, join};
use crate::secret::Secrets;

mod followers;

/// Tokens by profile id, shared by every send in this process.
static TOKENS: LazyLock<Mutex<HashMap<String, Cached>>> = LazyLock::new(Default::default);
const EARLY: Duration = Duration::from_secs(300);

#[derive(Clone)]
struct Cached {
    token: String,
    good_until: Instant,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    AppSecret,
    Pasted,
    Relay,
}

pub struct Wechat {
    http: Http,
    profile_id: String,
    base: String,
    app_id: String,
    mode: Mode,
    app_secret: String,
    pasted: String,
    relay_url: String,
    relay_bearer: String,
}

/// What an errcode means (shared/platforms.md §1).
pub fn error_code(errcode: i64) -> (ErrorCode, bool) {
    use ErrorCode::*;
    match errcode {
        -1 => (PlatformError, true),
        40001 | 40014 | 42001 | 40013 | 40125 => (InvalidToken, false),
        41001 => (PlatformError, false),
        40164 => (AccountNotVerified, false),
        40003 | 43004 => (RecipientNotFound, false),
        43019 | 48002 | 50002 => (MessageNotAllowed, false),
        45015 => (MessagingWindowClosed, false),
        45047 | 45009 => (QuotaExceeded, false),
        45011 => (RateLimited, true),
        40005 | 40006 => (UnsupportedAudio, false),
        40007 => (AudioFetchFailed, true),
        40010 | 45001 => (AudioTooLarge, false),
        45007 => (AudioTooLong, false),
        48001 => (AccountNotVerified, false),
        _ => (PlatformError, false),
    }
}

fn is_token_error(errcode: i64) -> bool {
    matches!(errcode, 40001 | 40014 | 42001)
}

/// A WeChat error with Hark's words.
fn wechat_error(errcode: i64, errmsg: &str) -> SendError {
    let (code, retryable) = error_code(errcode);
    let mut e = described(code, Platform::Wechat);
    let wechat = |id: &str| Some(about(Platform::Wechat, id));
    let (message, remedy) = match errcode {
        40164 => (
            wechat("error-wechat-ip-not-whitelisted"),
            wechat("remedy-wechat-ip-not-whitelisted"),
        ),
        43004 => (
            wechat("error-wechat-not-a-follower"),
            wechat("remedy-wechat-not-a-follower"),
        ),
        45015 => (None, wechat("remedy-wechat-window-closed")),
        45047 => (
            wechat("error-wechat-replies-used-up"),
            wechat("remedy-wechat-replies-used-up"),
        ),
        45009 => (
            wechat("error-wechat-daily-quota"),
            wechat("remedy-wechat-daily-quota"),
        ),
        40013 | 40125 => (
            wechat("error-wechat-appid-appsecret"),
            wechat("remedy-wechat-appid-appsecret"),
        ),
        _ => (None, None),
    };
    if message.is_some() || remedy.is_some() {
        e = e.reworded(message, remedy);
    }
    e.retryable(retryable).raw(errcode, errmsg)
}

/// What every WeChat answer may carry: `errcode` (0, or absent, for success) and
/// `errmsg`.
#[derive(Debug, Default, Deserialize)]
struct Status {
    #[serde(default, deserialize_with = "field")]
    errcode: Option<i64>,
    #[serde(default, deserialize_with = "field")]
    errmsg: Option<String>,
}

/// A token's answer (`stable_token`, `token`, or the relay's).
#[derive(Debug, Default, Deserialize)]
struct Token {
    #[serde(default, deserialize_with = "field")]
    access_token: Option<String>,
    #[serde(default, deserialize_with = "field")]
    expires_in: Option<u64>,
}

/// An upload's answer (`media/upload`).
#[derive(Debug, Default, Deserialize)]
struct Media {
    #[serde(default, deserialize_with = "field")]
    media_id: Option<String>,
}

/// The errcode of a WeChat reply (0 for success, and for an answer that has none, as
/// an upload's), and its errmsg.
fn errcode(reply: &Reply) -> Result<(serde_json::Value, i64, String), SendError> {
    let json = reply.json();
    if !(200..300).contains(&reply.status) {
        // WeChat answers its own errors with 200 and an errcode; a status is from a
        // proxy or a load balancer in front of it (429 is "slow down", by the transport).
        return Err(described(ErrorCode::PlatformError, Platform::Wechat)
            .retryable(true)
            .retry_after(reply.retry_after)
            .raw(format!("HTTP {}", reply.status), reply.text_excerpt()));
    }
    if !json.is_object() {
        return Err(reply.not_understood(Platform::Wechat, "JSON answer"));
    }
    let status: Status = answer::read(&json);
    Ok((
        json,
        status.errcode.unwrap_or(0),
        status.errmsg.unwrap_or_default(),
    ))
}

/// A call's answer: the JSON, or the errcode that may call for a new token.
enum Answer {
    Ok(serde_json::Value),
    TokenRejected(i64, String),
}

fn answer(reply: &Reply) -> Result<Answer, SendError> {
    let (json, code, msg) = errcode(reply)?;
    match code {
        0 => Ok(Answer::Ok(json)),
        c if is_token_error(c) => Ok(Answer::TokenRejected(c, msg)),
        c => Err(wechat_error(c, &msg)),
    }
}

impl Wechat {
    pub fn new(account: &Account<'_>, secrets: &Secrets, http: Http) -> Wechat {
        let mode = match account.field("token_mode") {
            Some("access_token") => Mode::Pasted,
            Some("relay") => Mode::Relay,
            _ => Mode::AppSecret,
        };
        Wechat {
            http,
            profile_id: account.id.to_owned(),
            base: account.api_base().unwrap_or_default().to_owned(),
            app_id: account.field("app_id").unwrap_or_default().to_owned(),
            mode,
            app_secret: secret(secrets, "app_secret"),
            pasted: secret(secrets, "access_token"),
            relay_url: account.field("relay_url").unwrap_or_default().to_owned(),
            relay_bearer: secret(secrets, "relay_bearer"),
        }
    }

    /// A token: the cached one unless `fresh`, else a new one from the source.
    fn token(&self, fresh: bool) -> Result<String, SendError> {
        if self.mode == Mode::Pasted {
            return Ok(self.pasted.clone());
        }
        let mut cache = TOKENS.lock().unwrap_or_else(|p| p.into_inner());
        if !fresh
            && let Some(c) = cache.get(&self.profile_id)
            && c.good_until > Instant::now()
        {
            return Ok(c.token.clone());
        }
        cache.remove(&self.profile_id);
        let (token, expires_in) = match self.mode {
            Mode::Relay => self.token_from_relay()?,
            _ => self.stable_token()?,
        };
        let life = Duration::from_secs(expires_in);
        let good_for = life.saturating_sub(EARLY).max(life / 2);
        cache.insert(
            self.profile_id.clone(),
            Cached {
                token: token.clone(),
                good_until: Instant::now() + good_for,
            },
        );
        Ok(token)
    }

    fn stable_token(&self) -> Result<(String, u64), SendError> {
        let url = join(&self.base, "cgi-bin/stable_token");
        let body = json!({
            "grant_type": "client_credential",
            "appid": self.app_id,
            "secret": self.app_secret,
            "force_refresh": false,
        });
        self.http.check(
            Doing::GettingToken,
            |c| c.post(&url).json(&body),
            |r| {
                let (json, code, msg) = errcode(&r)?;
                if code != 0 {
                    return Err(wechat_error(code, &msg));
                }
                token_fields(&json)
            },
        )
    }

    fn token_from_relay(&self) -> Result<(String, u64), SendError> {
        self.http.check(
            Doing::GettingTokenFromRelay,
            |c| {
                let request = c.get(&self.relay_url);
                if self.relay_bearer.is_empty() {
                    request
                } else {
                    request.bearer_auth(&self.relay_bearer)
                }
            },
            |r| {
                if r.status == 401 || r.status == 403 {
                    let e = described(ErrorCode::InvalidToken, Platform::Wechat).reworded(
                        Some(about(Platform::Wechat, "error-wechat-relay-refused")),
                        Some(about(Platform::Wechat, "remedy-wechat-relay-refused")),
                    );
                    return Err(e.raw(format!("HTTP {}", r.status), r.text_excerpt()));
                }
                let (json, code, msg) = errcode(&r)?;
                if code != 0 {
                    return Err(wechat_error(code, &msg));
                }
                token_fields(&json)
            },
        )
    }

    /// Runs `call` with a token; on a token error, once more with a fresh token. Every
    /// error that leaves is redacted of the account's secrets and of the tokens used.
    fn with_token<T>(
        &self,
        mut call: impl FnMut(&str) -> Result<Answer, SendError>,
        done: impl Fn(serde_json::Value) -> Result<T, SendError>,
    ) -> Result<T, SendError> {
        let mut used = Vec::new();
        let result = self.try_with_token(&mut call, &done, &mut used);
        result.map_err(|e| {
            used.extend_from_slice(self.http.secrets());
            e.redact(&used)
        })
    }

    fn try_with_token<T>(
        &self,
        call: &mut impl FnMut(&str) -> Result<Answer, SendError>,
        done: &impl Fn(serde_json::Value) -> Result<T, SendError>,
        used: &mut Vec<String>,
    ) -> Result<T, SendError> {
        let token = self.token(false)?;
        used.push(token.clone());
        let (code, msg) = match call(&token)? {
            Answer::Ok(json) => return done(json),
            Answer::TokenRejected(c, m) => (c, m),
        };
        if self.mode == Mode::Pasted {
            return Err(wechat_error(code, &msg).reworded(
                Some(about(Platform::Wechat, "error-wechat-pasted-token")),
                Some(about(Platform::Wechat, "remedy-wechat-pasted-token")),
            ));
        }
        let token = self.token(true)?;
        used.push(token.clone());
        match call(&token)? {
            Answer::Ok(json) => done(json),
            Answer::TokenRejected(c, m) => Err(wechat_error(c, &m)),
        }
    }
}

fn token_fields(json: &serde_json::Value) -> Result<(String, u64), SendError> {
    let token: Token = answer::read(json);
    match (token.access_token, token.expires_in) {
        (Some(t), Some(e)) if !t.is_empty() => Ok((t, e)),
        _ => Err(described(ErrorCode::PlatformError, Platform::Wechat)
            .raw("no token", "the answer had no access_token and expires_in")),
    }
}

/// The recipient in the form the platform wants, or what is wrong with it.
pub fn recipient(to: &str) -> Result<String, SendError> {
    let to = to.trim();
    let ok = (10..=64).contains(&to.len())
        && to
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ok {
        Ok(to.to_owned())
    } else {
        Err(bad_recipient(Platform::Wechat, to))
    }
}

impl Client for Wechat {
    fn verify(&self) -> Result<Verified, SendError> {
        let url = join(&self.base, "cgi-bin/getcallbackip");
        self.with_token(
            |token| {
                self.http.check(
                    Doing::CheckingAccessToken,
                    |c| c.get(&url).query(&[("access_token", token)]),
                    |r| answer(&r),
                )
            },
            |_| Ok(()),
        )?;
        let how = match self.mode {
            Mode::AppSecret => "AppSecret",
            Mode::Pasted => "pasted access token",
            Mode::Relay => "token relay",
        };
        Ok(Verified {
            account: format!("Official Account {} ({how})", self.app_id),
        })
    }

    fn http(&self) -> Option<&Http> {
        Some(&self.http)
    }

    /// The followers, with the remarks the account gave them (`wechat/followers.rs`).
    fn people(&self, seen: &dyn Fn(usize)) -> Result<Listing, SendError> {
        self.followers(seen)
    }

    fn send(
        &self,
        note: &Outgoing<'_>,
        to: &str,
        _options: &SendOptions,
        progress: &ProgressFn,
    ) -> Result<Receipt, SendError> {
        let upload_url = join(&self.base, "cgi-bin/media/upload");
        let media_id = self.with_token(
            |token| {
                self.http.call(
                    Doing::Uploading,
                    Stage::BeforeSend,
                    progress,
                    |c| {
                        let form = reqwest::multipart::Form::new().part(
                            "media",
                            self.http.file_part(
                                note.bytes,
                                note.format.file_name(),
                                note.format.mime(),
                                progress,
                            ),
                        );
                        c.post(&upload_url)
                            .query(&[("access_token", token), ("type", "voice")])
                            .multipart(form)
                    },
                    |r| match answer(&r)? {
                        // A success always names the media; without it, ask again.
                        Answer::Ok(json)
                            if answer::read::<Media>(&json)
                                .media_id
                                .is_none_or(|id| id.is_empty()) =>
                        {
                            Err(r.not_understood(Platform::Wechat, "media id"))
                        }
                        other => Ok(other),
                    },
                )
            },
            |json| Ok(answer::read::<Media>(&json).media_id.unwrap_or_default()),
        )?;
        let send_url = join(&self.base, "cgi-bin/message/custom/send");
        let body = json!({"touser": to, "msgtype": "voice", "voice": {"media_id": media_id}});
        self.with_token(
            |token| {
                self.http.call(
                    Doing::Sending,
                    Stage::Send,
                    progress,
                    |c| {
                        c.post(&send_url)
                            .query(&[("access_token", token)])
                            .json(&body)
                    },
                    |r| {
                        // The message call's success is documented as errcode 0.
                        if answer::read::<Status>(&r.json()).errcode.is_none() {
                            return Err(r.not_understood(Platform::Wechat, "errcode"));
                        }
                        answer(&r)
                    },
                )
            },
            |_| Ok(()),
        )?;
        Ok(Receipt {
            platform: Platform::Wechat,
            recipient: to.to_owned(),
            message_id: None,
            media_id: Some(media_id),
            delivered_to: None,
            sent_at: crate::clock::rfc3339(crate::clock::now_ms()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Surface};
    use crate::{Problem, UserError};

    /// WeChat's own refusals are said in the operator's words in Chinese (the console's
    /// terms), with the window's remedy free of commands, and WeChat's errmsg as it was.
    #[test]
    fn wechat_refusals_are_said_in_chinese_with_the_consoles_words() {
        for errcode in [40164, 43004, 45015, 45047, 45009, 40013, 40125] {
            let e = wechat_error(errcode, "the errmsg");
            assert!(e.said().is_some(), "{errcode}");
            let zh = Problem::said_in(&e, Lang::ZhCn, Surface::App);
            for text in [&zh.message, &zh.remedy] {
                assert!(!text.contains('{') && text.chars().any(|c| c >= '\u{4e00}'));
                assert!(!text.contains("hark "), "{errcode}: {text}");
            }
            assert_eq!(zh.send.raw_message.as_deref(), Some("the errmsg"));
        }
        let ip = Problem::said_in(&wechat_error(40164, ""), Lang::ZhCn, Surface::App);
        assert!(ip.remedy.contains("IP 白名单") && ip.remedy.contains("基本配置"));
        let window = Problem::said_in(&wechat_error(45015, ""), Lang::ZhCn, Surface::Cli);
        assert!(window.message.contains("48 小时") && window.remedy.contains("客服消息"));
    }

    /// Every errcode in shared/platforms.md §1.
    #[test]
    fn wechat_errcodes_map_to_stable_codes() {
        use ErrorCode::*;
        let table: &[(i64, ErrorCode, bool)] = &[
            (-1, PlatformError, true),
            (40001, InvalidToken, false),
            (40014, InvalidToken, false),
            (42001, InvalidToken, false),
            (41001, PlatformError, false),
            (40013, InvalidToken, false),
            (40125, InvalidToken, false),
            (40164, AccountNotVerified, false),
            (40003, RecipientNotFound, false),
            (43004, RecipientNotFound, false),
            (43019, MessageNotAllowed, false),
            (48002, MessageNotAllowed, false),
            (45015, MessagingWindowClosed, false),
            (45047, QuotaExceeded, false),
            (45009, QuotaExceeded, false),
            (45011, RateLimited, true),
            (40004, PlatformError, false),
            (40005, UnsupportedAudio, false),
            (40006, UnsupportedAudio, false),
            (40007, AudioFetchFailed, true),
            (40010, AudioTooLarge, false),
            (45001, AudioTooLarge, false),
            (45007, AudioTooLong, false),
            (41005, PlatformError, false),
            (44001, PlatformError, false),
            (40008, PlatformError, false),
            (45002, PlatformError, false),
            (47001, PlatformError, false),
            (48001, AccountNotVerified, false),
            (50002, MessageNotAllowed, false),
        ];
        for (errcode, want, retry) in table {
            assert_eq!(error_code(*errcode), (*want, *retry), "{errcode}");
        }
    }

    #[test]
    fn the_whitelist_error_explains_the_relay() {
        let e = wechat_error(
            40164,
            "invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist",
        );
        assert!(e.remedy.contains("whitelist") && e.remedy.contains("relay"));
        assert_eq!(e.raw.unwrap().code, "40164");
    }
}
