//! The callback: a send's final status, posted as JSON (the shape `GET /v1/sends/{id}`
//! answers) to the URL the request gave, by the rules a link is fetched by (https, or
//! http to this computer or a private network), no redirects followed. Tried three
//! times over about ten seconds when the network or the server fails; what came of it
//! is kept with the send. Posted on threads of their own: a slow or failing URL never
//! holds up the queue. One with no answer recorded when the server stopped is posted
//! again at its next start.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use super::queue::{ApiSend, ApiSends};
use crate::clock::{now_ms, rfc3339};

const ATTEMPTS: u32 = 3;
const TIMEOUT: Duration = Duration::from_secs(10);
/// How many callbacks are posted at once.
const THREADS: usize = 4;

/// The callbacks waiting to be posted, and the threads that post them.
pub struct Callbacks {
    waiting: Mutex<Option<Sender<ApiSend>>>,
    threads: Mutex<Vec<JoinHandle<()>>>,
}

impl Callbacks {
    pub fn start(sends: ApiSends) -> Callbacks {
        let (tx, rx) = channel::<ApiSend>();
        let rx = Arc::new(Mutex::new(rx));
        let threads = (0..THREADS)
            .map(|_| {
                let (rx, sends) = (rx.clone(), sends.clone());
                std::thread::spawn(move || post_each(&rx, &sends))
            })
            .collect();
        Callbacks {
            waiting: Mutex::new(Some(tx)),
            threads: Mutex::new(threads),
        }
    }

    /// Posts `done` to its callback URL, if it has one, in its turn.
    pub fn post(&self, done: ApiSend) {
        if done.callback_url.is_none() {
            return;
        }
        if let Some(tx) = self
            .waiting
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_ref()
        {
            let _ = tx.send(done);
        }
    }

    /// Posts what is waiting, for up to `patience`, then stops taking more. What is not
    /// answered by then is posted again at the next start.
    pub fn finish(&self, patience: Duration) {
        drop(
            self.waiting
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .take(),
        );
        let threads = std::mem::take(&mut *self.threads.lock().unwrap_or_else(|p| p.into_inner()));
        let deadline = std::time::Instant::now() + patience;
        while threads.iter().any(|t| !t.is_finished()) && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

fn post_each(rx: &Mutex<Receiver<ApiSend>>, sends: &ApiSends) {
    loop {
        let next = rx.lock().unwrap_or_else(|p| p.into_inner()).recv();
        let Ok(done) = next else {
            return;
        };
        let Some(url) = &done.callback_url else {
            continue;
        };
        let answered = post(url, &done);
        if let Err(e) = sends.set_callback(&done.id, &answered) {
            tracing::warn!(api_send = %done.id, error = %e, "the callback's answer was not recorded");
        }
    }
}

/// Posts `send` to `url`; what came of it, for the send's `callback`.
fn post(url: &str, send: &ApiSend) -> serde_json::Value {
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
