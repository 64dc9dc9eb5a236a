//! The transport every platform client uses: one reqwest client (rustls) on a private
//! runtime, deadlines, retries with jittered backoff, upload progress, and redaction of
//! secrets from everything it logs or reports.
//!
//! Retries follow one rule: repeat a request only where the platform cannot have
//! created a message. Uploads, token fetches and checks (`Stage::BeforeSend`) are
//! retried on any retryable error; the call that sends (`Stage::Send`) only when the
//! platform said "too many requests" or the connection was never made.
//!
//! It refuses to be misled: redirects are not followed (a note and the account's
//! credentials go only to the address the account names), answers are capped in size,
//! and a call that stops moving, or whose answer takes too long once the request is
//! out, is given up. When the sending call's answer is lost, cut off or unreadable,
//! the error says the platform may have the message (`Delivery::Unknown`).

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use serde::Serialize;

use super::Platform;
use super::doing::Doing;
use super::error::{Delivery, ErrorCode, SendError, described};
use crate::i18n::{Said, Words};

/// Overrides the longest silence allowed, in seconds (slow links, tests).
pub const TIMEOUT_ENV: &str = "HARK_HTTP_TIMEOUT_SECS";
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The longest a call may go without moving: no byte of the upload taken, no byte of
/// the answer read.
const STALL_TIMEOUT: Duration = Duration::from_secs(30);
/// Once the whole request is out, the answer must be read within this many stall
/// timeouts, however it trickles in.
const ANSWER_STALLS: u32 = 2;
/// The slowest link a note is still sent over, in bytes a second. The operating system
/// takes a request body into its buffers long before the platform has read it, so the
/// deadlines allow the body's size at this rate after its last byte was handed over.
const SLOWEST_UPLOAD: u64 = 8 * 1024;
/// The largest answer read: every platform's answers are a few hundred bytes.
pub const MAX_ANSWER_BYTES: usize = 1 << 20;
const MAX_ATTEMPTS: u32 = 3;
const BACKOFF_BASE: Duration = Duration::from_millis(400);
const BACKOFF_CAP: Duration = Duration::from_secs(8);
/// A platform asking us to wait longer than this gets an error, not a frozen window.
const LONGEST_WAIT: Duration = Duration::from_secs(60);
const CHUNK: usize = 64 * 1024;

/// Whether the platform may have created a message once this request reached it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Token fetch, upload, verification: repeating it cannot send anything twice.
    BeforeSend,
    /// The call that creates the message.
    Send,
}

/// What a send is doing, for a progress bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "step")]
pub enum Progress {
    /// The send is in the history (row `send_id`), its note kept in the outbox: from
    /// here on nothing is lost, whatever happens to the process.
    Queued {
        send_id: i64,
    },
    /// Audio being fetched from a link: bytes so far, and all of them when the server
    /// said.
    Fetching {
        got: u64,
        total: Option<u64>,
    },
    /// Waiting before sending, to stay within the platform's rate limit.
    Waiting {
        secs: f64,
        /// The platform whose pace it is.
        platform: Platform,
    },
    Uploading {
        sent: u64,
        total: u64,
    },
    /// The call that creates the message is about to go out (the transport says so,
    /// before its first byte): from here on the platform may have the note.
    Sending,
    Retrying {
        attempt: u32,
        in_secs: f64,
        /// What went wrong with the attempt before, said by the edge in its language.
        error: Box<SendError>,
    },
}

/// Receives progress; called from the thread doing the send.
pub type ProgressFn = Arc<dyn Fn(Progress) + Send + Sync>;

/// A progress receiver that ignores everything.
pub fn no_progress() -> ProgressFn {
    Arc::new(|_| {})
}

/// An HTTP answer, read in full.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    /// `Retry-After` in seconds, when the server sent one.
    pub retry_after: Option<u64>,
    /// `Location`, on a redirect.
    pub location: Option<String>,
    pub body: Bytes,
}

impl Reply {
    /// The body as JSON, or `Null` when it is not JSON.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }

    /// The body as text, shortened for an error message.
    pub fn text_excerpt(&self) -> String {
        let text = String::from_utf8_lossy(&self.body);
        let text = text.trim();
        match text.char_indices().nth(200) {
            Some((cut, _)) => format!("{}…", &text[..cut]),
            None => text.to_owned(),
        }
    }

    /// A success answer without what `platform` documents it to hold (`missing`):
    /// not a success. After the sending call, the platform may have the message.
    pub fn not_understood(&self, platform: Platform, missing: &str) -> SendError {
        SendError::say(
            ErrorCode::PlatformError,
            Said::new(
                Words::new("error-not-understood")
                    .words("platform", platform.name_words())
                    .text("missing", missing),
                Words::new("remedy-not-understood"),
            ),
        )
        // Before the message call, asking again is harmless; after it, the unknown
        // delivery stops any repeat.
        .retryable(true)
        .delivery(Delivery::Unknown)
        .raw(format!("HTTP {}", self.status), self.text_excerpt())
    }
}

/// When the current call last moved: the start, each upload chunk taken, each answer
/// chunk read; when its request was last sending; and how large its streamed body is.
#[derive(Debug)]
struct Activity {
    moved: Instant,
    sending: Instant,
    upload_bytes: u64,
}

impl Activity {
    /// What went wrong by `now`, if anything: nothing moved for `stall` (allowing the
    /// body time to drain from the system's buffers), or the answer took longer than
    /// `answer` after the request went out (with the same allowance).
    fn overdue(&self, now: Instant, stall: Duration, answer: Duration) -> Option<Lost> {
        let drain = Duration::from_secs_f64(self.upload_bytes as f64 / SLOWEST_UPLOAD as f64);
        let sent = self.sending + drain;
        if now > self.moved.max(sent) + stall {
            return Some(Lost::Stalled);
        }
        (now > sent + answer).then_some(Lost::TooSlow)
    }
}

/// Why no answer was read.
#[derive(Debug)]
enum Lost {
    /// The connection was never made: the platform saw nothing.
    NeverConnected(reqwest::Error),
    Transport(reqwest::Error),
    /// Nothing moved for the stall timeout.
    Stalled,
    /// The answer took longer than allowed once the request was out.
    TooSlow,
    /// The answer was larger than any the platform gives.
    TooLarge {
        status: u16,
    },
}

/// Runs before the call that creates a message goes out; an error stops it.
pub type Gate = Box<dyn Fn() -> Result<(), SendError> + Send + Sync>;

/// The transport, built per account so that it knows which secrets to hide.
pub struct Http {
    rt: tokio::runtime::Runtime,
    client: reqwest::Client,
    secrets: Vec<String>,
    platform: Platform,
    stall: Duration,
    activity: Arc<Mutex<Activity>>,
    gate: Mutex<Option<Gate>>,
}

/// The longest a call may go without moving ([`TIMEOUT_ENV`] overrides it).
pub fn stall_timeout() -> Duration {
    std::env::var(TIMEOUT_ENV)
        .ok()
        .and_then(|v| v.parse::<f64>().ok())
        .filter(|s| *s > 0.0)
        .map_or(STALL_TIMEOUT, Duration::from_secs_f64)
}

impl Http {
    pub fn new(platform: Platform, secrets: Vec<String>) -> Result<Http, SendError> {
        Http::with_stall_timeout(platform, secrets, stall_timeout())
    }

    /// As [`Http::new`], with the longest a call may go without moving.
    pub fn with_stall_timeout(
        platform: Platform,
        secrets: Vec<String>,
        stall: Duration,
    ) -> Result<Http, SendError> {
        let failed = |e: &dyn std::fmt::Display| {
            SendError::say(
                ErrorCode::Network,
                Said::new(
                    Words::new("error-no-network-setup").text("detail", e.to_string()),
                    Words::new("remedy-no-network-setup"),
                ),
            )
        };
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| failed(&e))?;
        let client = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            // No read timeout of reqwest's: it counts from the request, so it would cut
            // off an upload that is still going out. `read` keeps the deadlines.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("Hark/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| failed(&e.without_url()))?;
        let now = Instant::now();
        Ok(Http {
            rt,
            client,
            secrets,
            platform,
            stall,
            activity: Arc::new(Mutex::new(Activity {
                moved: now,
                sending: now,
                upload_bytes: 0,
            })),
            gate: Mutex::new(None),
        })
    }

    pub fn secrets(&self) -> &[String] {
        &self.secrets
    }

    /// Has `gate` run before every call that creates a message (the outbox records
    /// there that the platform may have the note from now on, and stops the call if it
    /// cannot).
    pub fn before_message(&self, gate: Gate) {
        *self.gate.lock().unwrap_or_else(|p| p.into_inner()) = Some(gate);
    }

    /// Sends the request `build` makes, reads the answer and lets `parse` judge it,
    /// retrying as `stage` allows. Every error that leaves here is redacted, and says
    /// whether the platform may have the message (only ever after the sending call).
    pub fn call<T>(
        &self,
        doing: Doing,
        stage: Stage,
        progress: &ProgressFn,
        build: impl Fn(&reqwest::Client) -> reqwest::RequestBuilder,
        parse: impl Fn(Reply) -> Result<T, SendError>,
    ) -> Result<T, SendError> {
        if stage == Stage::Send {
            if let Some(gate) = &*self.gate.lock().unwrap_or_else(|p| p.into_inner()) {
                gate().map_err(|e| e.delivery(Delivery::NotSent))?;
            }
            progress(Progress::Sending);
        }
        let mut attempt = 1;
        loop {
            let started = Instant::now();
            {
                let mut activity = self.activity.lock().unwrap_or_else(|p| p.into_inner());
                activity.moved = started;
                activity.sending = started;
                activity.upload_bytes = 0;
            }
            let request = build(&self.client);
            let read = read(
                request,
                self.activity.clone(),
                self.stall,
                self.stall * ANSWER_STALLS,
            );
            let (mut error, may_repeat) = match self.rt.block_on(read) {
                Ok(reply) => {
                    tracing::debug!(
                        platform = self.platform.id(),
                        doing = doing.id(),
                        status = reply.status,
                        ms = started.elapsed().as_millis() as u64,
                        "reply"
                    );
                    match self.judge(reply, stage, &parse) {
                        Ok(value) => return Ok(value),
                        Err(mut e) => {
                            if stage == Stage::BeforeSend {
                                e.delivery = Delivery::NotSent;
                            }
                            let repeat = e.retryable
                                && e.delivery == Delivery::NotSent
                                && (stage == Stage::BeforeSend || e.code == ErrorCode::RateLimited);
                            (e, repeat)
                        }
                    }
                }
                Err(lost) => {
                    let never_connected = matches!(lost, Lost::NeverConnected(_));
                    let mut e = self.network_error(doing, &lost);
                    if stage == Stage::Send && !never_connected {
                        e = e.delivery(Delivery::Unknown).retryable(false);
                    }
                    tracing::debug!(
                        platform = self.platform.id(),
                        doing = doing.id(),
                        error = %e.message,
                        "no reply"
                    );
                    (e, stage == Stage::BeforeSend || never_connected)
                }
            };
            if stage == Stage::BeforeSend {
                // Nothing that creates a message has gone out.
                error.delivery = Delivery::NotSent;
            }
            let error = error.redact(&self.secrets);
            if !may_repeat || attempt >= MAX_ATTEMPTS {
                return Err(error);
            }
            let wait = match error.retry_after_secs {
                Some(secs) if Duration::from_secs(secs) > LONGEST_WAIT => return Err(error),
                Some(secs) => Duration::from_secs(secs),
                None => backoff(attempt),
            };
            progress(Progress::Retrying {
                attempt: attempt + 1,
                in_secs: wait.as_secs_f64(),
                error: Box::new(error.clone()),
            });
            std::thread::sleep(wait);
            attempt += 1;
        }
    }

    /// What an answer that was read in full means: a redirect is refused, 429 is always
    /// "slow down", a 5xx to the sending call leaves it unknown; the rest is the
    /// client's to judge.
    fn judge<T>(
        &self,
        reply: Reply,
        stage: Stage,
        parse: &impl Fn(Reply) -> Result<T, SendError>,
    ) -> Result<T, SendError> {
        let status = reply.status;
        if (300..400).contains(&status) {
            return Err(self.redirect_error(&reply, stage));
        }
        let retry_after = reply.retry_after;
        let mut error = match parse(reply) {
            Ok(value) => return Ok(value),
            Err(e) => e,
        };
        if status == 429 && error.code != ErrorCode::RateLimited {
            let raw = error.raw.take();
            error = described(ErrorCode::RateLimited, self.platform);
            error.raw = raw;
        }
        if error.code == ErrorCode::RateLimited {
            error.retryable = true;
            error.delivery = Delivery::NotSent;
            if error.retry_after_secs.is_none() {
                error.retry_after_secs = retry_after;
            }
        } else if stage == Stage::Send
            && status >= 500
            && error
                .raw
                .as_ref()
                .is_none_or(|r| r.code.starts_with("HTTP "))
        {
            // A server error after the message call that is not one of the platform's
            // documented refusals (a proxy's 502, a gateway's exception): the message
            // may have been created first.
            error = error
                .delivery(Delivery::Unknown)
                .retryable(false)
                .remedy_then("remedy-check-conversation");
        }
        Err(error)
    }

    fn redirect_error(&self, reply: &Reply, stage: Stage) -> SendError {
        let to = reply
            .location
            .as_deref()
            .map(|l| {
                reqwest::Url::parse(l)
                    .ok()
                    .and_then(|u| u.host_str().map(str::to_owned))
                    .unwrap_or_else(|| l.chars().take(80).collect())
            })
            .map_or_else(
                || Words::new("redirect-elsewhere"),
                |to| Words::new("said-as-is").text("text", to),
            );
        // 307 and 308 ask for the same request elsewhere: it was not acted on. The
        // others may follow a request that was (post, then redirect).
        let delivery = if stage == Stage::Send && !matches!(reply.status, 307 | 308) {
            Delivery::Unknown
        } else {
            Delivery::NotSent
        };
        SendError::say(
            ErrorCode::PlatformError,
            Said::new(
                Words::new("error-redirected")
                    .words("platform", self.platform.name_words())
                    .words("to", to),
                Words::new("remedy-redirected"),
            ),
        )
        .retryable(false)
        .delivery(delivery)
        .raw(
            format!("HTTP {}", reply.status),
            reply.location.clone().unwrap_or_default(),
        )
    }

    /// A call that cannot create a message (a token fetch, a verification), with no one
    /// watching its progress.
    pub fn check<T>(
        &self,
        doing: Doing,
        build: impl Fn(&reqwest::Client) -> reqwest::RequestBuilder,
        parse: impl Fn(Reply) -> Result<T, SendError>,
    ) -> Result<T, SendError> {
        self.call(doing, Stage::BeforeSend, &no_progress(), build, parse)
    }

    fn network_error(&self, doing: Doing, lost: &Lost) -> SendError {
        let err = match lost {
            Lost::NeverConnected(e) | Lost::Transport(e) => Some(e),
            _ => None,
        };
        let host = err
            .and_then(|e| e.url())
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| self.platform.facts().name.to_owned());
        let how = match (lost, err) {
            (Lost::Stalled, _) => "stalled",
            (Lost::TooSlow, _) => "too-slow",
            (Lost::TooLarge { .. }, _) => "too-large",
            (_, Some(e)) if e.is_timeout() => "timed-out",
            (Lost::NeverConnected(_), _) => "unreachable",
            (_, Some(e)) if e.is_body() || e.is_decode() => "broke-off",
            _ => "failed",
        };
        let mut detail = String::new();
        let mut source = err.and_then(|e| std::error::Error::source(e));
        while let Some(s) = source {
            detail = s.to_string();
            source = s.source();
        }
        let message = match detail.is_empty() {
            true => Words::new("error-lost"),
            false => Words::new("error-lost-detail").text("detail", detail),
        }
        .words("platform", self.platform.name_words())
        .text("host", host)
        .words("how", Words::new(format!("lost-{how}")))
        .words("doing", doing.words());
        match lost {
            Lost::TooLarge { status } => SendError::say(
                ErrorCode::PlatformError,
                Said::new(message, Words::new("remedy-lost-too-large")),
            )
            .raw(format!("HTTP {status}"), "answer over 1 MB"),
            _ => SendError::say(
                ErrorCode::Network,
                Said::new(message, Words::new("remedy-lost")),
            ),
        }
        .redact(&self.secrets)
    }

    /// A request body that reports how much of it has gone out, and keeps the call's
    /// deadline moving while it does.
    pub fn progress_body(&self, data: Bytes, progress: ProgressFn) -> reqwest::Body {
        let total = data.len() as u64;
        let chunks: Vec<Bytes> = (0..data.len())
            .step_by(CHUNK)
            .map(|at| data.slice(at..(at + CHUNK).min(data.len())))
            .collect();
        let mut sent = 0u64;
        let activity = self.activity.clone();
        activity
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .upload_bytes += total;
        let stream = futures_util::stream::iter(chunks.into_iter().map(move |chunk| {
            sent += chunk.len() as u64;
            {
                let mut a = activity.lock().unwrap_or_else(|p| p.into_inner());
                let now = Instant::now();
                a.moved = now;
                a.sending = now;
            }
            progress(Progress::Uploading { sent, total });
            Ok::<Bytes, std::io::Error>(chunk)
        }));
        reqwest::Body::wrap_stream(stream)
    }

    /// A multipart file part that reports its upload progress.
    pub fn file_part(
        &self,
        data: &[u8],
        file_name: &str,
        mime: &str,
        progress: &ProgressFn,
    ) -> reqwest::multipart::Part {
        let bytes = Bytes::copy_from_slice(data);
        let len = bytes.len() as u64;
        reqwest::multipart::Part::stream_with_length(
            self.progress_body(bytes, progress.clone()),
            len,
        )
        .file_name(file_name.to_owned())
        .mime_str(mime)
        .expect("Hark's MIME types are valid")
    }
}

/// Sends `request` and reads its answer whole, within the deadlines: nothing may stand
/// still for `stall`, and the answer must be in within `answer` of the request's last
/// byte going out.
async fn read(
    request: reqwest::RequestBuilder,
    activity: Arc<Mutex<Activity>>,
    stall: Duration,
    answer: Duration,
) -> Result<Reply, Lost> {
    let moved = {
        let activity = activity.clone();
        move || {
            activity.lock().unwrap_or_else(|p| p.into_inner()).moved = Instant::now();
        }
    };
    let work = async move {
        let mut response = request.send().await.map_err(|e| {
            if e.is_connect() {
                Lost::NeverConnected(e)
            } else {
                Lost::Transport(e)
            }
        })?;
        moved();
        let status = response.status().as_u16();
        let header = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let retry_after = header(reqwest::header::RETRY_AFTER).and_then(|v| retry_after_secs(&v));
        let location = header(reqwest::header::LOCATION);
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(Lost::Transport)? {
            if body.len() + chunk.len() > MAX_ANSWER_BYTES {
                return Err(Lost::TooLarge { status });
            }
            body.extend_from_slice(&chunk);
            moved();
        }
        Ok(Reply {
            status,
            retry_after,
            location,
            body: Bytes::from(body),
        })
    };
    let watchdog = async move {
        loop {
            tokio::time::sleep(Duration::from_millis(100)).await;
            let a = activity.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(lost) = a.overdue(Instant::now(), stall, answer) {
                return lost;
            }
        }
    };
    futures_util::pin_mut!(work, watchdog);
    match futures_util::future::select(work, watchdog).await {
        futures_util::future::Either::Left((result, _)) => result,
        futures_util::future::Either::Right((lost, _)) => Err(lost),
    }
}

/// `Retry-After` as seconds from now: a number of seconds, or an HTTP date.
pub fn retry_after_secs(value: &str) -> Option<u64> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(secs);
    }
    let date =
        time::OffsetDateTime::parse(value, &time::format_description::well_known::Rfc2822).ok()?;
    let secs = (date - time::OffsetDateTime::now_utc()).whole_seconds();
    Some(secs.max(0) as u64)
}

/// Full-jitter exponential backoff: somewhere in the upper half of base·2^(n-1).
fn backoff(attempt: u32) -> Duration {
    let ceiling = BACKOFF_BASE
        .saturating_mul(1 << (attempt - 1).min(10))
        .min(BACKOFF_CAP);
    ceiling.mul_f64(0.5 + fastrand::f64() * 0.5)
}

/// Joins a base URL and a path with exactly one slash.
pub fn join(base: &str, path: &str) -> String {
    format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_then_stops_at_the_cap() {
        for attempt in 1..=12 {
            let d = backoff(attempt);
            let ceiling = BACKOFF_BASE
                .saturating_mul(1 << (attempt - 1).min(10))
                .min(BACKOFF_CAP);
            assert!(d <= ceiling && d >= ceiling / 2, "{attempt}: {d:?}");
        }
        assert!(backoff(12) <= BACKOFF_CAP);
    }

    #[test]
    fn urls_join_with_one_slash() {
        assert_eq!(join("http://h:1/", "/a/b"), "http://h:1/a/b");
        assert_eq!(join("http://h:1", "a"), "http://h:1/a");
    }

    /// A one-connection HTTP server: reads a whole request (by Content-Length), then
    /// answers `reply`, or never answers when `reply` is `None`. Returns its URL and
    /// the number of body bytes it received.
    fn server(reply: Option<&'static str>) -> (String, std::thread::JoinHandle<usize>) {
        use std::io::{BufRead, BufReader, Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/upload", listener.local_addr().unwrap());
        let handle = std::thread::spawn(move || {
            let (stream, _) = listener.accept().unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut length = 0usize;
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap();
                }
                if line == "\r\n" {
                    break;
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            match reply {
                Some(text) => {
                    let mut stream = stream;
                    write!(
                        stream,
                        "HTTP/1.1 200 OK\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{text}",
                        text.len()
                    )
                    .unwrap();
                }
                None => std::thread::sleep(Duration::from_secs(3)),
            }
            length
        });
        (url, handle)
    }

    #[test]
    fn upload_progress_climbs_to_the_whole_file() {
        let (url, server) = server(Some("{}"));
        let http = Http::new(Platform::Sandbox, vec![]).unwrap();
        let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = seen.clone();
        let progress: ProgressFn = Arc::new(move |p| sink.lock().unwrap().push(p));
        let data = vec![7u8; 300 * 1024];
        http.call(
            Doing::Uploading,
            Stage::BeforeSend,
            &progress,
            |c| {
                let form = reqwest::multipart::Form::new().part(
                    "file",
                    http.file_part(&data, "note.ogg", "audio/ogg", &progress),
                );
                c.post(&url).multipart(form)
            },
            |r| Ok(r.status),
        )
        .unwrap();
        let received = server.join().unwrap();
        let seen = seen.lock().unwrap();
        let sent: Vec<u64> = seen
            .iter()
            .map(|p| match p {
                Progress::Uploading { sent, total } => {
                    assert_eq!(*total, data.len() as u64);
                    *sent
                }
                other => panic!("unexpected {other:?}"),
            })
            .collect();
        assert!(sent.len() >= 4, "{sent:?}");
        assert!(sent.windows(2).all(|w| w[0] < w[1]), "{sent:?}");
        assert_eq!(*sent.last().unwrap(), data.len() as u64);
        assert!(
            received > data.len(),
            "the whole file went out, with its headers"
        );
    }

    #[test]
    fn a_server_that_never_answers_times_out_and_a_send_is_not_repeated() {
        let (url, _server) = server(None);
        let http = Http::with_stall_timeout(Platform::Sandbox, vec![], Duration::from_millis(300))
            .unwrap();
        let retries = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let count = retries.clone();
        let progress: ProgressFn = Arc::new(move |p| {
            if matches!(p, Progress::Retrying { .. }) {
                count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }
        });
        let err = http
            .call(
                Doing::Sending,
                Stage::Send,
                &progress,
                |c| c.post(&url).body("x"),
                |_| Ok(()),
            )
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Network);
        assert!(
            err.message.contains("stopped answering") || err.message.contains("in time"),
            "{}",
            err.message
        );
        // The platform may have the message: it says so, and sending is not repeated.
        assert_eq!(err.delivery, Delivery::Unknown);
        assert_eq!(retries.load(std::sync::atomic::Ordering::SeqCst), 0);
    }

    #[test]
    fn a_refused_connection_is_a_network_error_that_hides_the_token() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let http = Http::new(Platform::Telegram, vec!["123:SECRET-token".into()]).unwrap();
        let url = format!("http://127.0.0.1:{port}/bot123:SECRET-token/getMe");
        let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = seen.clone();
        let progress: ProgressFn = Arc::new(move |p| sink.lock().unwrap().push(p));
        let err = http
            .call(
                Doing::CheckingAccount,
                Stage::Send,
                &progress,
                |c| c.get(&url),
                |_| Ok(()),
            )
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Network);
        assert!(err.retryable);
        assert!(!format!("{err:?}").contains("SECRET"), "{err:?}");
        assert_eq!(err.delivery, Delivery::NotSent, "it never got the request");
        // Never connected, so even the sending call is repeated.
        let retries = seen
            .lock()
            .unwrap()
            .iter()
            .filter(|p| matches!(p, Progress::Retrying { .. }))
            .count();
        assert_eq!(retries, (MAX_ATTEMPTS - 1) as usize);
    }

    #[test]
    fn retry_after_is_read_as_seconds_or_as_a_date() {
        assert_eq!(retry_after_secs("7"), Some(7));
        assert_eq!(retry_after_secs(" 120 "), Some(120));
        let soon = time::OffsetDateTime::now_utc() + time::Duration::seconds(30);
        let date = soon
            .format(&time::format_description::well_known::Rfc2822)
            .unwrap();
        let secs = retry_after_secs(&date).unwrap();
        assert!((28..=30).contains(&secs), "{date}: {secs}");
        assert_eq!(retry_after_secs("Wed, 21 Oct 2015 07:28:00 GMT"), Some(0));
        assert_eq!(retry_after_secs("soon"), None);
    }

    /// A server that reads the request head, then takes its body `chunk` bytes at a
    /// time every `pause`, then answers `{}`, trickling it a byte every `drip` when
    /// given.
    fn slow_server(
        chunk: usize,
        pause: Duration,
        drip: Option<Duration>,
    ) -> (String, std::thread::JoinHandle<()>) {
        use std::io::{BufRead, BufReader, Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/slow", listener.local_addr().unwrap());
        let handle = std::thread::spawn(move || {
            let (stream, _) = listener.accept().unwrap();
            let mut reader = BufReader::with_capacity(chunk, stream.try_clone().unwrap());
            let mut length = 0usize;
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap();
                }
                if line == "\r\n" {
                    break;
                }
            }
            let mut buf = vec![0; chunk];
            let mut got = 0;
            while got < length {
                let n = reader.read(&mut buf[..chunk.min(length - got)]).unwrap();
                got += n;
                std::thread::sleep(pause);
            }
            let mut stream = stream;
            let body = b"{\"ok\": true, \"padding\": \"..........\"}";
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                body.len()
            );
            for b in body {
                if let Some(drip) = drip {
                    std::thread::sleep(drip);
                }
                if stream.write_all(&[*b]).is_err() {
                    return;
                }
            }
        });
        (url, handle)
    }

    #[test]
    fn a_slow_upload_that_keeps_moving_finishes() {
        // 16 × 64 KB taken 150 ms apart: 2.4 s in all, four times the stall timeout,
        // but it never stands still that long.
        let (url, server) = slow_server(64 * 1024, Duration::from_millis(150), None);
        let http = Http::with_stall_timeout(Platform::Sandbox, vec![], Duration::from_millis(600))
            .unwrap();
        let data = vec![1u8; 1024 * 1024];
        let progress = no_progress();
        let status = http
            .call(
                Doing::Uploading,
                Stage::BeforeSend,
                &progress,
                |c| {
                    let form = reqwest::multipart::Form::new().part(
                        "file",
                        http.file_part(&data, "note.ogg", "audio/ogg", &progress),
                    );
                    c.post(&url).multipart(form)
                },
                |r| Ok(r.status),
            )
            .unwrap();
        assert_eq!(status, 200);
        server.join().unwrap();
    }

    #[test]
    fn an_answer_that_trickles_in_is_given_up_and_the_send_is_unknown() {
        // A byte every 150 ms never trips the stall timeout (400 ms), but the whole
        // answer takes ~6 s, past twice the timeout after the request went out.
        let (url, _server) = slow_server(1024, Duration::ZERO, Some(Duration::from_millis(150)));
        let http = Http::with_stall_timeout(Platform::Sandbox, vec![], Duration::from_millis(400))
            .unwrap();
        let started = Instant::now();
        let err = http
            .call(
                Doing::Sending,
                Stage::Send,
                &no_progress(),
                |c| c.post(&url).body("x"),
                |_| Ok(()),
            )
            .unwrap_err();
        assert!(err.message.contains("too long"), "{}", err.message);
        assert_eq!(err.delivery, Delivery::Unknown);
        assert!(
            started.elapsed() < Duration::from_secs(4),
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn deadlines_allow_a_large_body_time_to_drain_from_the_buffers() {
        let start = Instant::now();
        let at = |ms: u64| start + Duration::from_millis(ms);
        let stall = Duration::from_secs(1);
        let answer = Duration::from_secs(2);
        // 80 KB handed to the system at once: 10 s at the slowest link.
        let a = Activity {
            moved: start,
            sending: start,
            upload_bytes: 10 * SLOWEST_UPLOAD,
        };
        assert!(
            a.overdue(at(5_000), stall, answer).is_none(),
            "still draining"
        );
        assert!(a.overdue(at(10_900), stall, answer).is_none());
        assert!(matches!(
            a.overdue(at(11_100), stall, answer),
            Some(Lost::Stalled)
        ));
        // A small body: silence is a stall after a second.
        let small = Activity {
            upload_bytes: 100,
            ..a
        };
        assert!(matches!(
            small.overdue(at(1_200), stall, answer),
            Some(Lost::Stalled)
        ));
        // An answer that keeps trickling: too slow once past the answer deadline.
        let trickling = Activity {
            moved: at(2_050),
            ..small
        };
        assert!(trickling.overdue(at(2_000), stall, answer).is_none());
        assert!(matches!(
            trickling.overdue(at(2_100), stall, answer),
            Some(Lost::TooSlow)
        ));
    }
}
