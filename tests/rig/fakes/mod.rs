//! Strict fakes of the messaging platforms, on 127.0.0.1 with a port of their own.
//!
//! Each speaks its platform's documented protocol (shared/platforms.md): it checks the
//! method, the path, where the credential is, the multipart field names and content
//! types, the JSON bodies and the audio itself; it enforces token expiry, messaging
//! windows, quotas and pacing; and it answers with the platform's real error shapes.
//! A test can also queue an error for an endpoint (`inject`), answered once, to show
//! how Hark reads each documented code.

pub mod audio;
pub mod gateway;
pub mod messenger;
pub mod telegram;
pub mod wechat;
pub mod whatsapp;

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::Router;
use axum::extract::Multipart;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

/// A request a fake accepted or refused, for assertions.
#[derive(Debug, Clone)]
pub struct Seen {
    /// The endpoint (`upload`, `send`, `token`, …).
    pub endpoint: &'static str,
    /// The HTTP status the fake answered.
    pub status: u16,
}

/// What every fake keeps besides its platform's own state.
#[derive(Default)]
pub struct Common {
    pub seen: Vec<Seen>,
    injected: HashMap<&'static str, VecDeque<(u16, Value)>>,
}

impl Common {
    /// The next queued error for `endpoint`, if a test queued one.
    pub fn take_injected(&mut self, endpoint: &'static str) -> Option<Response> {
        let (status, body) = self.injected.get_mut(endpoint)?.pop_front()?;
        self.seen.push(Seen { endpoint, status });
        Some(json(status, body))
    }

    pub fn count(&self, endpoint: &str) -> usize {
        self.seen.iter().filter(|s| s.endpoint == endpoint).count()
    }
}

/// Access to a platform state's common part.
pub trait HasCommon {
    fn common(&mut self) -> &mut Common;
}

/// A running fake. Stops when dropped.
pub struct Fake<S> {
    pub base: String,
    state: Arc<Mutex<S>>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl<S: HasCommon + Send + 'static> Fake<S> {
    /// Serves `router` (built over the shared state) on 127.0.0.1 and a free port.
    pub fn start(state: S, router: impl FnOnce(Arc<Mutex<S>>) -> Router) -> Fake<S> {
        let state = Arc::new(Mutex::new(state));
        let app = router(state.clone());
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        listener.set_nonblocking(true).expect("nonblocking");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("fake-platform".into())
            .spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime");
                rt.block_on(async move {
                    let listener =
                        tokio::net::TcpListener::from_std(listener).expect("tokio listener");
                    axum::serve(listener, app)
                        .with_graceful_shutdown(async {
                            let _ = stopped.await;
                        })
                        .await
                        .expect("serve");
                });
            })
            .expect("spawn fake");
        Fake {
            base,
            state,
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// The fake's state, to arrange a scenario or check what it received.
    pub fn state(&self) -> MutexGuard<'_, S> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Queues an error answer for the next request to `endpoint`.
    pub fn inject(&self, endpoint: &'static str, status: u16, body: Value) {
        self.state()
            .common()
            .injected
            .entry(endpoint)
            .or_default()
            .push_back((status, body));
    }

    /// How many requests `endpoint` answered (successes and errors).
    pub fn count(&self, endpoint: &str) -> usize {
        self.state().common().count(endpoint)
    }
}

impl<S> Drop for Fake<S> {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// A JSON answer with `status`.
pub fn json(status: u16, body: Value) -> Response {
    (
        StatusCode::from_u16(status).expect("valid status"),
        axum::Json(body),
    )
        .into_response()
}

/// One part of a multipart body.
#[derive(Debug, Clone)]
pub struct Part {
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub data: Vec<u8>,
}

impl Part {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.data).into_owned()
    }
}

/// Reads a whole multipart body; `Err` with a reason when it is not well formed.
pub async fn parts(mut multipart: Multipart) -> Result<HashMap<String, Part>, String> {
    let mut parts = HashMap::new();
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => {
                let name = field.name().unwrap_or_default().to_owned();
                let file_name = field.file_name().map(str::to_owned);
                let content_type = field.content_type().map(str::to_owned);
                let data = field.bytes().await.map_err(|e| e.to_string())?.to_vec();
                if parts.contains_key(&name) {
                    return Err(format!("field {name} sent twice"));
                }
                parts.insert(
                    name,
                    Part {
                        file_name,
                        content_type,
                        data,
                    },
                );
            }
            Ok(None) => return Ok(parts),
            Err(e) => return Err(e.to_string()),
        }
    }
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}

/// A token-like random string.
pub fn random_id(prefix: &str) -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!(
        "{prefix}{:x}{:04x}",
        now_ms(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}
