//! The callback: a send's final status, posted as JSON (the shape `GET /v1/sends/{id}`
//! answers) to the URL the request gave, by the rules a link is fetched by (https, or
//! http to this computer or a private network), no redirects followed. Tried three
//! times over about ten seconds when the network or the server fails; what came of it
//! is kept with the send.

use std::time::Duration;

use super::queue::ApiSend;
use crate::clock::{now_ms, rfc3339};

const ATTEMPTS: u32 = 3;
const TIMEOUT: Duration = Duration::from_secs(10);

/// Posts `send` to `url`; what came of it, for the send's `callback`.
pub fn post(url: &str, send: &ApiSend) -> serde_json::Value {
    let said = |status: Option<u16>, error: Option<String>, attempts: u32| {
        serde_json::json!({
            "status": status,
            "error": error,
            "attempts": attempts,
            "at": rfc3339(now_ms()),
        })
    };
    if let Err(reason) = crate::audio::link::may_call(url) {
        let words = reason.words();
        return said(None, Some(crate::i18n::Lang::En.say(&words)), 0);
    }
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => return said(None, Some(e.to_string()), 0),
    };
    let client = match reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(TIMEOUT)
        .user_agent(concat!("Hark/", env!("CARGO_PKG_VERSION")))
        .build()
    {
        Ok(c) => c,
        Err(e) => return said(None, Some(e.to_string()), 0),
    };
    let mut last = said(None, None, 0);
    for attempt in 1..=ATTEMPTS {
        let answer = rt.block_on(async { client.post(url.trim()).json(send).send().await });
        match answer {
            Ok(r) if r.status().is_success() || r.status().is_client_error() => {
                // A 4xx will not change by asking again.
                return said(Some(r.status().as_u16()), None, attempt);
            }
            Ok(r) => last = said(Some(r.status().as_u16()), None, attempt),
            Err(e) => last = said(None, Some(plain(e)), attempt),
        }
        if attempt < ATTEMPTS {
            std::thread::sleep(Duration::from_secs(u64::from(attempt * 2)));
        }
    }
    last
}

/// A transport error in words, without the URL (its query may be signed).
fn plain(e: reqwest::Error) -> String {
    let e = e.without_url();
    if e.is_timeout() {
        "no answer in time".into()
    } else if e.is_connect() {
        "could not connect".into()
    } else {
        e.to_string()
    }
}
