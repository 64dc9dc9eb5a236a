//! The notes' audio over loopback HTTP, for the webview's media player:
//! `http://127.0.0.1:<port>/<token>/<path>`, where a path names what `clip:` serves (a
//! clip in the preview, `send/<id>`, `inbox/<message id>`; see `clip_protocol`).
//!
//! WebKitGTK's media player cannot read a custom scheme, so from `clip:` the page can
//! only fetch a note whole and play it from a blob, which the web process then holds (a
//! ten-minute M4A cost it about four times the note). Over HTTP the player reads a note
//! a range at a time as it plays and seeks, and keeps little of it.
//!
//! Only this computer can connect (loopback), only with the address the app gave its
//! page (the `Host` it names, and a token of 128 random bits made at each start), and
//! only to read. Nothing is cached: a customer's audio is not written to WebKit's disk
//! cache. Where loopback cannot be bound, the page is given `clip:` addresses instead.

use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use crate::byte_range::{Range, parse_range};
use crate::state::Playable;

/// What a path (and its query) names, looked up by the shell.
pub type Lookup = dyn Fn(&str, Option<&str>) -> Option<Playable> + Send + Sync;

/// The address of this run's server, once bound: `http://127.0.0.1:<port>/<token>`.
static BASE: OnceLock<String> = OnceLock::new();

/// A bound port and the token that opens it, not yet serving.
pub struct Bound {
    listener: TcpListener,
    token: String,
}

impl Bound {
    /// Binds a port on loopback and makes this run's token. `None` when either fails
    /// (said on standard error): the page then plays from `clip:`.
    pub fn new() -> Option<Bound> {
        let made = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).and_then(|listener| {
            listener.set_nonblocking(true)?;
            let token = hark_core::hex::random(16).map_err(std::io::Error::other)?;
            Ok(Bound { listener, token })
        });
        match made {
            Ok(bound) => Some(bound),
            Err(err) => {
                eprintln!("Hark plays notes from memory: no port on loopback ({err})");
                None
            }
        }
    }

    fn addr(&self) -> Option<SocketAddr> {
        self.listener.local_addr().ok()
    }

    /// `http://127.0.0.1:<port>/<token>`.
    pub fn base(&self) -> Option<String> {
        Some(format!("http://{}/{}", self.addr()?, self.token))
    }

    /// Serves `lookup`'s audio on the async runtime from now on, and makes `url` give
    /// this server's addresses.
    pub fn serve(self, lookup: Arc<Lookup>) {
        let Some(base) = self.base() else { return };
        let router = self.router(lookup);
        let listener = self.listener;
        tauri::async_runtime::spawn(async move {
            match tokio::net::TcpListener::from_std(listener) {
                Ok(listener) => {
                    if let Err(err) = axum::serve(listener, router).await {
                        eprintln!("Hark's audio server stopped: {err}");
                    }
                }
                Err(err) => eprintln!("Hark's audio server could not start: {err}"),
            }
        });
        let _ = BASE.set(base);
    }

    fn router(&self, lookup: Arc<Lookup>) -> axum::Router {
        let host = self.addr().map(|a| a.to_string()).unwrap_or_default();
        let server = Arc::new(Server {
            token: self.token.clone(),
            host,
            lookup,
        });
        axum::Router::new().fallback(answer).with_state(server)
    }
}

/// Where the webview's player reads `path` (with its query) from: this run's server,
/// or `None` before it serves (or when it could not be bound).
pub fn url(path: &str) -> Option<String> {
    BASE.get().map(|base| format!("{base}/{path}"))
}

struct Server {
    token: String,
    /// `127.0.0.1:<port>`: a page of another site that names this port by a name of its
    /// own (DNS rebinding) sends that name, and is refused.
    host: String,
    lookup: Arc<Lookup>,
}

async fn answer(
    State(server): State<Arc<Server>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let Some((token, path)) = uri.path().trim_start_matches('/').split_once('/') else {
        return not_found();
    };
    if host != Some(server.host.as_str()) || !same(token.as_bytes(), server.token.as_bytes()) {
        return not_found();
    }
    let (path, query) = (path.to_owned(), uri.query().map(str::to_owned));
    let lookup = Arc::clone(&server.lookup);
    // The lookup reads the database and files (a history note is decoded): off the
    // async threads.
    let audio = tokio::task::spawn_blocking(move || lookup(&path, query.as_deref()))
        .await
        .ok()
        .flatten();
    let Some(audio) = audio else {
        return not_found();
    };
    let asked = headers
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    match respond(audio, asked.as_deref(), method == Method::HEAD).await {
        Ok(response) => response,
        Err(_) => not_found(),
    }
}

/// The response for `audio`: whole, or the range asked for (416 when it lies beyond
/// the end), its body left out for HEAD.
async fn respond(audio: Playable, asked: Option<&str>, head: bool) -> std::io::Result<Response> {
    let total = tokio::fs::metadata(&audio.path).await?.len();
    let mut response = Response::builder()
        .header(header::CONTENT_TYPE, audio.mime)
        .header(header::ACCEPT_RANGES, "bytes")
        .header(header::CACHE_CONTROL, "no-store");
    let (start, end) = match asked.map(|v| parse_range(v, total)) {
        None | Some(Range::Unreadable) => {
            if total == 0 {
                return Ok(not_found());
            }
            response = response.status(StatusCode::OK);
            (0, total - 1)
        }
        Some(Range::Beyond) => {
            return Ok(Response::builder()
                .status(StatusCode::RANGE_NOT_SATISFIABLE)
                .header(header::CONTENT_RANGE, format!("bytes */{total}"))
                .body(Body::empty())
                .expect("a valid response"));
        }
        Some(Range::Within(start, end)) => {
            response = response.status(StatusCode::PARTIAL_CONTENT).header(
                header::CONTENT_RANGE,
                format!("bytes {start}-{end}/{total}"),
            );
            (start, end)
        }
    };
    let len = end + 1 - start;
    response = response.header(header::CONTENT_LENGTH, HeaderValue::from(len));
    let body = if head {
        Body::empty()
    } else {
        use tokio::io::{AsyncReadExt, AsyncSeekExt};
        let mut file = tokio::fs::File::open(&audio.path).await?;
        file.seek(std::io::SeekFrom::Start(start)).await?;
        Body::from_stream(tokio_util::io::ReaderStream::new(file.take(len)))
    };
    Ok(response.body(body).expect("a valid response"))
}

fn not_found() -> Response {
    StatusCode::NOT_FOUND.into_response()
}

/// Whether two tokens are equal, in a time that does not tell how much of one matched.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    /// A server for `lookup` on its own runtime; its base address.
    fn started(lookup: Arc<Lookup>) -> String {
        let bound = Bound::new().expect("loopback binds");
        let base = bound.base().expect("an address");
        let router = bound.router(lookup);
        let listener = bound.listener;
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("a listener");
                axum::serve(listener, router).await.expect("serves");
            });
        });
        base
    }

    /// One HTTP/1.1 request, raw: the status line, the headers (lower-cased names) and
    /// the body.
    fn get(
        url: &str,
        method: &str,
        extra: &[(&str, &str)],
    ) -> (u16, Vec<(String, String)>, Vec<u8>) {
        let rest = url.strip_prefix("http://").expect("http");
        let (host, path) = rest.split_once('/').expect("a path");
        let mut stream = std::net::TcpStream::connect(host).expect("connects");
        let mut request = format!("{method} /{path} HTTP/1.1\r\nConnection: close\r\n");
        if !extra.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            request.push_str(&format!("Host: {host}\r\n"));
        }
        for (k, v) in extra {
            request.push_str(&format!("{k}: {v}\r\n"));
        }
        request.push_str("\r\n");
        stream.write_all(request.as_bytes()).expect("writes");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("reads");
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a head");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut lines = head.lines();
        let status = lines.next().expect("a status")[9..12]
            .parse()
            .expect("a code");
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        (status, headers, raw[split + 4..].to_vec())
    }

    fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
        headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn lookup_of(dir: &std::path::Path) -> Arc<Lookup> {
        let file = dir.join("note.m4a");
        let sent = dir.join("7.ogg");
        Arc::new(move |path: &str, query: Option<&str>| match (path, query) {
            ("abc", Some("v=2")) => Some(Playable {
                path: file.clone(),
                mime: "audio/mp4",
            }),
            ("send/7", None) => Some(Playable {
                path: sent.clone(),
                mime: "audio/ogg",
            }),
            _ => None,
        })
    }

    #[test]
    fn a_note_is_read_whole_or_a_range_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let note: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(dir.path().join("note.m4a"), &note).unwrap();
        let base = started(lookup_of(dir.path()));

        let (status, headers, body) = get(&format!("{base}/abc?v=2"), "GET", &[]);
        assert_eq!(status, 200);
        assert_eq!(body, note);
        assert_eq!(header(&headers, "content-type"), Some("audio/mp4"));
        assert_eq!(header(&headers, "accept-ranges"), Some("bytes"));
        assert_eq!(header(&headers, "cache-control"), Some("no-store"));

        // As a player seeks: the moov at the end, then from the middle on.
        let (status, headers, body) = get(
            &format!("{base}/abc?v=2"),
            "GET",
            &[("Range", "bytes=-1000")],
        );
        assert_eq!(status, 206);
        assert_eq!(body, note[199_000..]);
        assert_eq!(
            header(&headers, "content-range"),
            Some("bytes 199000-199999/200000")
        );
        let (status, _, body) = get(
            &format!("{base}/abc?v=2"),
            "GET",
            &[("Range", "bytes=100000-")],
        );
        assert_eq!(status, 206);
        assert_eq!(body, note[100_000..]);
        let (status, headers, body) = get(
            &format!("{base}/abc?v=2"),
            "GET",
            &[("Range", "bytes=10-19")],
        );
        assert_eq!((status, body.as_slice()), (206, &note[10..20]));
        assert_eq!(header(&headers, "content-length"), Some("10"));
        let (status, headers, _) = get(
            &format!("{base}/abc?v=2"),
            "GET",
            &[("Range", "bytes=200000-")],
        );
        assert_eq!(status, 416);
        assert_eq!(header(&headers, "content-range"), Some("bytes */200000"));

        // HEAD: the length, no body. A history entry's note is served alike.
        let (status, headers, body) = get(&format!("{base}/abc?v=2"), "HEAD", &[]);
        assert_eq!((status, body.len()), (200, 0));
        assert_eq!(header(&headers, "content-length"), Some("200000"));
        std::fs::write(dir.path().join("7.ogg"), b"OggS-whole-note").unwrap();
        let (status, _, body) = get(&format!("{base}/send/7"), "GET", &[("Range", "bytes=4-")]);
        assert_eq!((status, body.as_slice()), (206, b"-whole-note".as_slice()));
    }

    #[test]
    fn nothing_is_served_without_the_token_the_host_or_a_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("note.m4a"), b"a note").unwrap();
        let base = started(lookup_of(dir.path()));
        let (origin, token) = base.rsplit_once('/').unwrap();
        assert_eq!(token.len(), 32, "128 random bits");

        assert_eq!(get(&format!("{base}/abc?v=2"), "GET", &[]).0, 200);
        let wrong = format!("{origin}/{}", "0".repeat(32));
        assert_eq!(
            get(&format!("{wrong}/abc?v=2"), "GET", &[]).0,
            404,
            "another token"
        );
        assert_eq!(
            get(&format!("{origin}/abc?v=2"), "GET", &[]).0,
            404,
            "no token"
        );
        let rebound = [("Host", "attacker.example:80")];
        assert_eq!(
            get(&format!("{base}/abc?v=2"), "GET", &rebound).0,
            404,
            "another host"
        );
        assert_eq!(
            get(&format!("{base}/abc?v=1"), "GET", &[]).0,
            404,
            "an old revision"
        );
        assert_eq!(get(&format!("{base}/nothing"), "GET", &[]).0, 404);
        assert_eq!(get(&format!("{base}/abc?v=2"), "POST", &[]).0, 405);
        assert_eq!(get(&format!("{base}/abc?v=2"), "DELETE", &[]).0, 405);
    }

    #[test]
    fn tokens_are_compared_whole() {
        assert!(same(b"abcd", b"abcd"));
        assert!(!same(b"abcd", b"abce"));
        assert!(!same(b"abc", b"abcd"));
        assert!(!same(b"", b"a"));
    }
}
