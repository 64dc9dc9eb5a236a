//! The transport every platform client uses: one reqwest client (rustls) on a private
//! runtime, timeouts, retries with jittered backoff, upload progress, and redaction of
//! secrets from everything it logs or reports.
//!
//! Retries follow one rule: repeat a request only where the platform cannot have
//! created a message. Uploads, token fetches and checks (`Stage::BeforeSend`) are
//! retried on any retryable error; the call that sends (`Stage::Send`) only when the
//! platform said "too many requests" or the connection was never made.

use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;

use super::error::{ErrorCode, SendError, redact};

/// Overrides the read timeout, in seconds (slow links, tests).
pub const TIMEOUT_ENV: &str = "HARK_HTTP_TIMEOUT_SECS";
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const READ_TIMEOUT: Duration = Duration::from_secs(30);
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
    /// Waiting before sending, to stay within the platform's rate limit.
    Waiting {
        secs: f64,
        reason: String,
    },
    Uploading {
        sent: u64,
        total: u64,
    },
    Sending,
    Retrying {
        attempt: u32,
        in_secs: f64,
        reason: String,
    },
}

use serde::Serialize;

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
}

/// The transport, built per account so that it knows which secrets to hide.
pub struct Http {
    rt: tokio::runtime::Runtime,
    client: reqwest::Client,
    secrets: Vec<String>,
    platform_name: &'static str,
}

impl Http {
    pub fn new(platform_name: &'static str, secrets: Vec<String>) -> Result<Http, SendError> {
        let read_timeout = std::env::var(TIMEOUT_ENV)
            .ok()
            .and_then(|v| v.parse::<f64>().ok())
            .filter(|s| *s > 0.0)
            .map_or(READ_TIMEOUT, Duration::from_secs_f64);
        Http::with_read_timeout(platform_name, secrets, read_timeout)
    }

    /// As [`Http::new`], with the longest silence allowed while reading an answer.
    pub fn with_read_timeout(
        platform_name: &'static str,
        secrets: Vec<String>,
        read_timeout: Duration,
    ) -> Result<Http, SendError> {
        let failed = |e: &dyn std::fmt::Display| {
            SendError::new(
                ErrorCode::Network,
                format!("Hark could not set up its network connection: {e}"),
                "Check your system's TLS certificates and proxy settings, then try again.",
            )
        };
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| failed(&e))?;
        let client = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .read_timeout(read_timeout)
            .user_agent(concat!("Hark/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| failed(&e.without_url()))?;
        Ok(Http {
            rt,
            client,
            secrets,
            platform_name,
        })
    }

    pub fn secrets(&self) -> &[String] {
        &self.secrets
    }

    /// Sends the request `build` makes, reads the answer and lets `parse` judge it,
    /// retrying as `stage` allows. Every error that leaves here is redacted.
    pub fn call<T>(
        &self,
        what: &str,
        stage: Stage,
        progress: &ProgressFn,
        build: impl Fn(&reqwest::Client) -> reqwest::RequestBuilder,
        parse: impl Fn(Reply) -> Result<T, SendError>,
    ) -> Result<T, SendError> {
        let mut attempt = 1;
        loop {
            let started = Instant::now();
            let request = build(&self.client);
            let (error, may_repeat) = match self.rt.block_on(read(request)) {
                Ok(reply) => {
                    tracing::debug!(
                        platform = self.platform_name,
                        what,
                        status = reply.status,
                        ms = started.elapsed().as_millis() as u64,
                        "reply"
                    );
                    match parse(reply) {
                        Ok(value) => return Ok(value),
                        Err(e) => {
                            let repeat = e.retryable
                                && (stage == Stage::BeforeSend || e.code == ErrorCode::RateLimited);
                            (e, repeat)
                        }
                    }
                }
                Err(err) => {
                    let repeat = stage == Stage::BeforeSend || err.is_connect();
                    let e = self.network_error(what, &err);
                    tracing::debug!(
                        platform = self.platform_name,
                        what,
                        error = %e.message,
                        "no reply"
                    );
                    (e, repeat)
                }
            };
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
                reason: error.message.clone(),
            });
            std::thread::sleep(wait);
            attempt += 1;
        }
    }

    /// A call that cannot create a message (a token fetch, a verification), with no one
    /// watching its progress.
    pub fn check<T>(
        &self,
        what: &str,
        build: impl Fn(&reqwest::Client) -> reqwest::RequestBuilder,
        parse: impl Fn(Reply) -> Result<T, SendError>,
    ) -> Result<T, SendError> {
        self.call(what, Stage::BeforeSend, &no_progress(), build, parse)
    }

    fn network_error(&self, what: &str, err: &reqwest::Error) -> SendError {
        let host = err
            .url()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| self.platform_name.to_owned());
        let how = if err.is_timeout() {
            "did not answer in time"
        } else if err.is_connect() {
            "could not be reached"
        } else if err.is_body() || err.is_decode() {
            "broke off its answer"
        } else {
            "failed"
        };
        let mut detail = String::new();
        let mut source = std::error::Error::source(err);
        while let Some(s) = source {
            detail = s.to_string();
            source = s.source();
        }
        let message = if detail.is_empty() {
            format!(
                "{} ({host}) {how} while Hark was {what}.",
                self.platform_name
            )
        } else {
            format!(
                "{} ({host}) {how} while Hark was {what}: {detail}.",
                self.platform_name
            )
        };
        SendError::new(
            ErrorCode::Network,
            redact(&message, &self.secrets),
            "Check your internet connection (and proxy, if you use one), then send again.",
        )
    }
}

async fn read(request: reqwest::RequestBuilder) -> Result<Reply, reqwest::Error> {
    let response = request.send().await?;
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let body = response.bytes().await?;
    Ok(Reply {
        status,
        retry_after,
        body,
    })
}

/// Full-jitter exponential backoff: somewhere in the upper half of base·2^(n-1).
fn backoff(attempt: u32) -> Duration {
    let ceiling = BACKOFF_BASE
        .saturating_mul(1 << (attempt - 1).min(10))
        .min(BACKOFF_CAP);
    ceiling.mul_f64(0.5 + fastrand::f64() * 0.5)
}

/// A request body that reports how much of it has gone out.
pub fn progress_body(data: Bytes, progress: ProgressFn) -> reqwest::Body {
    let total = data.len() as u64;
    let chunks: Vec<Bytes> = (0..data.len())
        .step_by(CHUNK)
        .map(|at| data.slice(at..(at + CHUNK).min(data.len())))
        .collect();
    let mut sent = 0u64;
    let stream = futures_util::stream::iter(chunks.into_iter().map(move |chunk| {
        sent += chunk.len() as u64;
        progress(Progress::Uploading { sent, total });
        Ok::<Bytes, std::io::Error>(chunk)
    }));
    reqwest::Body::wrap_stream(stream)
}

/// A multipart file part that reports its upload progress.
pub fn file_part(
    data: &[u8],
    file_name: &str,
    mime: &str,
    progress: &ProgressFn,
) -> reqwest::multipart::Part {
    let bytes = Bytes::copy_from_slice(data);
    let len = bytes.len() as u64;
    reqwest::multipart::Part::stream_with_length(progress_body(bytes, progress.clone()), len)
        .file_name(file_name.to_owned())
        .mime_str(mime)
        .expect("Hark's MIME types are valid")
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
        let http = Http::new("Test", vec![]).unwrap();
        let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = seen.clone();
        let progress: ProgressFn = Arc::new(move |p| sink.lock().unwrap().push(p));
        let data = vec![7u8; 300 * 1024];
        http.call(
            "uploading",
            Stage::BeforeSend,
            &progress,
            |c| {
                let form = reqwest::multipart::Form::new()
                    .part("file", file_part(&data, "note.ogg", "audio/ogg", &progress));
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
        let http = Http::with_read_timeout("Test", vec![], Duration::from_millis(300)).unwrap();
        let retries = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let count = retries.clone();
        let progress: ProgressFn = Arc::new(move |p| {
            if matches!(p, Progress::Retrying { .. }) {
                count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }
        });
        let err = http
            .call(
                "sending the note",
                Stage::Send,
                &progress,
                |c| c.post(&url).body("x"),
                |_| Ok(()),
            )
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Network);
        assert!(
            err.message.contains("did not answer in time"),
            "{}",
            err.message
        );
        // The platform may have the message: sending is not repeated.
        assert_eq!(retries.load(std::sync::atomic::Ordering::SeqCst), 0);
    }

    #[test]
    fn a_refused_connection_is_a_network_error_that_hides_the_token() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        drop(listener);
        let http = Http::new("Telegram", vec!["123:SECRET-token".into()]).unwrap();
        let url = format!("http://127.0.0.1:{port}/bot123:SECRET-token/getMe");
        let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = seen.clone();
        let progress: ProgressFn = Arc::new(move |p| sink.lock().unwrap().push(p));
        let err = http
            .call(
                "checking the account",
                Stage::Send,
                &progress,
                |c| c.get(&url),
                |_| Ok(()),
            )
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::Network);
        assert!(err.retryable);
        assert!(!format!("{err:?}").contains("SECRET"), "{err:?}");
        // Never connected, so even the sending call is repeated.
        assert_eq!(seen.lock().unwrap().len(), (MAX_ATTEMPTS - 1) as usize);
    }
}
