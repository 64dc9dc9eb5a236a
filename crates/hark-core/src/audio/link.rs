//! Audio from a link: what the hosted voice-note services take (`audio_url`), fetched
//! to a file and then used as any file is.
//!
//! Only what a link to a voice note needs is allowed: https anywhere, http only to this
//! computer or a private network (a helpdesk's own file server), redirects only to
//! https, a size cap from the platform's limits, and a deadline for the whole fetch as
//! well as for any silence. The first bytes are sniffed as they arrive, so a web page
//! or an image is turned down before the rest is read. A link's query (where signed
//! links carry their signature) is never shown.

use std::io::Write;
use std::net::{IpAddr, SocketAddr, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::platform::Platform;

use super::error::ClipError;
pub use super::fetch_failure::FetchFailure;
use super::sniff::sniff;

/// The folder of the data folder that links are fetched into (each into a folder of its
/// own, gone when it has been used).
pub const FETCHED_DIR: &str = "fetched";
/// Overrides the longest a whole fetch may take, in seconds (slow links, tests).
pub const TOTAL_ENV: &str = "HARK_FETCH_TOTAL_SECS";
const TOTAL: Duration = Duration::from_secs(300);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const MOST_REDIRECTS: usize = 5;
/// Enough of the start of a file to tell what it is.
const SNIFFED: usize = 64;
/// A WAV at 48 kHz, stereo, 16-bit: the largest a source of a given length can be.
const WAV_BYTES_A_SECOND: u64 = 48_000 * 2 * 2;

/// Whether `arg` is a link rather than a file's path.
pub fn is_link(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The most a link is read for `platform` (any platform: the largest of them): four
/// times the platform's largest note, and at least its longest note as a WAV.
pub fn size_cap(platform: Option<Platform>) -> u64 {
    let cap = |p: Platform| {
        let facts = p.facts();
        let as_wav = facts
            .max_duration
            .map_or(0, |d| d.as_secs() * WAV_BYTES_A_SECOND + 4096);
        (facts.max_bytes * 4).max(as_wav)
    };
    match platform {
        Some(p) => cap(p),
        None => Platform::ALL.iter().map(|p| cap(*p)).max().unwrap_or(0),
    }
}

/// Audio fetched from a link, in a folder of its own that goes with it.
pub struct Fetched {
    /// The file, named as the link names it.
    pub path: PathBuf,
    /// The link as it may be shown: without its query or fragment.
    pub shown: String,
    _dir: tempfile::TempDir,
}

/// How much has come so far, and how much the server said would; answers whether to
/// go on (`false` stops the fetch: `ClipError::Cancelled`).
pub type FetchProgress<'a> = &'a dyn Fn(u64, Option<u64>) -> bool;

/// Fetches the audio at `link` (at most `cap` bytes) into a new folder in `under`.
pub fn fetch(
    link: &str,
    cap: u64,
    under: &Path,
    progress: FetchProgress<'_>,
) -> Result<Fetched, ClipError> {
    let unwritable = |e| ClipError::Unreadable {
        path: under.to_path_buf(),
        source: e,
    };
    std::fs::create_dir_all(under).map_err(unwritable)?;
    let dir = tempfile::Builder::new()
        .prefix("link-")
        .tempdir_in(under)
        .map_err(unwritable)?;
    let (path, shown) = fetch_into(link, cap, dir.path(), progress)?;
    Ok(Fetched {
        path,
        shown,
        _dir: dir,
    })
}

/// Fetches the audio at `link` (at most `cap` bytes) into the folder `dir`, named as
/// the link names it: the file, and the link as it may be shown.
pub fn fetch_into(
    link: &str,
    cap: u64,
    dir: &Path,
    progress: FetchProgress<'_>,
) -> Result<(PathBuf, String), ClipError> {
    let parsed = url::Url::parse(link.trim()).ok();
    let shown = parsed.as_ref().map_or_else(|| "?".to_owned(), shown);
    let failed = |reason| ClipError::Fetch {
        link: shown.clone(),
        reason,
    };
    let url = parsed.ok_or_else(|| failed(FetchFailure::NotAllowed))?;
    let pinned = allowed(&url).map_err(failed)?;
    let path = dir.join(file_name(&url));
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| failed(FetchFailure::Unreachable(e.to_string())))?;
    let total = std::env::var(TOTAL_ENV)
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(TOTAL, Duration::from_secs);
    let stall = crate::platform::http::stall_timeout();
    let got = rt.block_on(async {
        tokio::time::timeout(total, download(url, pinned, cap, stall, &path, progress))
            .await
            .unwrap_or(Err(Stopped::Failed(FetchFailure::TimedOut)))
    });
    match got {
        Ok(()) => Ok((path, shown)),
        Err(stopped) => {
            // Half a file is none.
            let _ = std::fs::remove_file(&path);
            Err(match stopped {
                Stopped::Failed(reason) => failed(reason),
                Stopped::Cancelled => ClipError::Cancelled,
            })
        }
    }
}

/// Why a download ended early.
enum Stopped {
    Failed(FetchFailure),
    Cancelled,
}

impl From<FetchFailure> for Stopped {
    fn from(reason: FetchFailure) -> Stopped {
        Stopped::Failed(reason)
    }
}

async fn download(
    url: url::Url,
    pinned: Option<(String, Vec<SocketAddr>)>,
    cap: u64,
    stall: Duration,
    path: &Path,
    progress: FetchProgress<'_>,
) -> Result<(), Stopped> {
    let mut builder = reqwest::Client::builder()
        .connect_timeout(CONNECT_TIMEOUT)
        .user_agent(concat!("Hark/", env!("CARGO_PKG_VERSION")))
        .redirect(reqwest::redirect::Policy::custom(|attempt| {
            if attempt.url().scheme() != "https" || attempt.previous().len() > MOST_REDIRECTS {
                attempt.stop()
            } else {
                attempt.follow()
            }
        }));
    if let Some((host, addrs)) = &pinned {
        // The addresses that were checked are the ones connected to.
        builder = builder.resolve_to_addrs(host, addrs);
    }
    let client = builder
        .build()
        .map_err(|e| FetchFailure::Unreachable(e.without_url().to_string()))?;
    let unreachable = |e: reqwest::Error| {
        if e.is_timeout() {
            FetchFailure::TimedOut
        } else if let Some(tls) = certificate_error(&e) {
            FetchFailure::Untrusted(tls)
        } else {
            FetchFailure::Unreachable(plain(&e))
        }
    };
    let mut response = tokio::time::timeout(stall, client.get(url).send())
        .await
        .map_err(|_| FetchFailure::TimedOut)?
        .map_err(unreachable)?;
    let status = response.status();
    if status.is_redirection() {
        return Err(FetchFailure::BadRedirect.into());
    }
    if status == reqwest::StatusCode::NOT_FOUND || status == reqwest::StatusCode::GONE {
        return Err(FetchFailure::NotFound(status.as_u16()).into());
    }
    if !status.is_success() {
        return Err(FetchFailure::Refused(status.as_u16()).into());
    }
    let expected = response.content_length();
    if expected.is_some_and(|n| n > cap) {
        return Err(FetchFailure::TooLarge { max: cap }.into());
    }
    let mut file =
        std::fs::File::create(path).map_err(|e| FetchFailure::Unreachable(e.to_string()))?;
    let mut head = Vec::with_capacity(SNIFFED);
    let mut got = 0u64;
    if !progress(0, expected) {
        return Err(Stopped::Cancelled);
    }
    loop {
        let chunk = tokio::time::timeout(stall, response.chunk())
            .await
            .map_err(|_| FetchFailure::TimedOut)?
            .map_err(unreachable)?;
        let Some(chunk) = chunk else { break };
        got += chunk.len() as u64;
        if got > cap {
            return Err(FetchFailure::TooLarge { max: cap }.into());
        }
        if head.len() < SNIFFED {
            let take = (SNIFFED - head.len()).min(chunk.len());
            head.extend_from_slice(&chunk[..take]);
            if head.len() == SNIFFED {
                sniff(&head).map_err(FetchFailure::NotAudio)?;
            }
        }
        file.write_all(&chunk)
            .map_err(|e| FetchFailure::Unreachable(e.to_string()))?;
        if !progress(got, expected) {
            return Err(Stopped::Cancelled);
        }
    }
    if head.len() < SNIFFED {
        sniff(&head).map_err(FetchFailure::NotAudio)?;
    }
    file.flush()
        .map_err(|e| FetchFailure::Unreachable(e.to_string()).into())
}

/// Whether `url` may be fetched: https anywhere; http only where every address its
/// host has is this computer's or a private network's (then those addresses, to be
/// the ones connected to).
fn allowed(url: &url::Url) -> Result<Option<(String, Vec<SocketAddr>)>, FetchFailure> {
    match url.scheme() {
        "https" => Ok(None),
        "http" => {
            let host = url.host_str().ok_or(FetchFailure::NotAllowed)?;
            let port = url.port_or_known_default().unwrap_or(80);
            let bare = host.trim_start_matches('[').trim_end_matches(']');
            let addrs: Vec<SocketAddr> = (bare, port)
                .to_socket_addrs()
                .map_err(|e| FetchFailure::Unreachable(e.to_string()))?
                .collect();
            if addrs.is_empty() || !addrs.iter().all(|a| is_private(a.ip())) {
                return Err(FetchFailure::NotAllowed);
            }
            Ok(Some((host.to_owned(), addrs)))
        }
        _ => Err(FetchFailure::NotAllowed),
    }
}

/// This computer, or a private network (RFC 1918, RFC 4193).
fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_loopback() || v4.is_private(),
        IpAddr::V6(v6) => {
            v6.is_loopback()
                || (v6.segments()[0] & 0xfe00) == 0xfc00
                || v6
                    .to_ipv4_mapped()
                    .is_some_and(|v4| v4.is_loopback() || v4.is_private())
        }
    }
}

/// `link` as it may be shown (see `shown`); `?` for what is not a link.
pub fn shown_link(link: &str) -> String {
    url::Url::parse(link.trim()).map_or_else(|_| "?".to_owned(), |url| shown(&url))
}

/// Whether Hark may call `link` (a callback): by the same rules as a fetch.
pub fn may_call(link: &str) -> Result<(), FetchFailure> {
    let url = url::Url::parse(link.trim()).map_err(|_| FetchFailure::NotAllowed)?;
    allowed(&url).map(|_| ())
}

/// The link without its query and fragment (where signed links carry their secret),
/// nor any user name or password.
fn shown(url: &url::Url) -> String {
    let mut clean = url.clone();
    clean.set_query(None);
    clean.set_fragment(None);
    let _ = clean.set_username("");
    let _ = clean.set_password(None);
    clean.to_string()
}

/// The file's name as the link's path ends, made safe: `note.m4a`, else `audio`.
fn file_name(url: &url::Url) -> String {
    let last = url
        .path_segments()
        .and_then(|mut s| s.next_back())
        .map(|s| {
            percent_decode(s)
                .chars()
                .filter(|c| !c.is_control() && !matches!(c, '/' | '\\'))
                .collect::<String>()
        })
        .unwrap_or_default();
    let last = last.trim_matches('.').trim();
    if last.is_empty() {
        "audio".to_owned()
    } else {
        last.chars().take(120).collect()
    }
}

fn percent_decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={}", s.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| s.to_owned())
}

/// A transport error in words, without the link (which may carry a signature).
/// The TLS library's words, when the connection failed on the server's certificate.
fn certificate_error(e: &reqwest::Error) -> Option<String> {
    let mut source: Option<&dyn std::error::Error> = Some(e);
    while let Some(s) = source {
        // The TLS error comes wrapped in I/O errors, whose own source skips what they
        // wrap: each is opened in turn.
        let mut wrapped = Some(s);
        while let Some(w) = wrapped {
            if let Some(
                tls @ (rustls::Error::InvalidCertificate(_)
                | rustls::Error::InvalidCertRevocationList(_)),
            ) = w.downcast_ref::<rustls::Error>()
            {
                return Some(tls.to_string());
            }
            wrapped = w
                .downcast_ref::<std::io::Error>()
                .and_then(|io| io.get_ref())
                .map(|inner| inner as &dyn std::error::Error);
        }
        source = s.source();
    }
    None
}

fn plain(e: &reqwest::Error) -> String {
    use std::error::Error;
    let mut text = String::new();
    let mut source: Option<&dyn Error> = Some(e);
    while let Some(s) = source {
        let part = s.to_string();
        if !part.contains("http") && !text.contains(&part) {
            if !text.is_empty() {
                text.push_str(": ");
            }
            text.push_str(&part);
        }
        source = s.source();
    }
    if text.is_empty() {
        "the connection failed".to_owned()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_told_from_paths() {
        assert!(is_link("https://example.com/a.m4a"));
        assert!(is_link("HTTP://10.0.0.2/a.m4a"));
        assert!(!is_link("reply.m4a"));
        assert!(!is_link("/home/agent/https.m4a"));
        assert!(!is_link("ftp://example.com/a.m4a"));
    }

    #[test]
    fn http_only_to_this_computer_or_a_private_network() {
        let ok = |s: &str| allowed(&url::Url::parse(s).unwrap()).is_ok();
        assert!(ok("https://example.com/a.m4a"));
        assert!(ok("http://127.0.0.1:8080/a.m4a"));
        assert!(ok("http://[::1]:8080/a.m4a"));
        assert!(ok("http://192.168.1.20/a.m4a"));
        assert!(ok("http://10.1.2.3/a.m4a"));
        assert!(!ok("http://8.8.8.8/a.m4a"));
        assert!(!ok("http://[2001:4860::8888]/a.m4a"));
        assert!(!ok("ftp://127.0.0.1/a.m4a"));
        assert!(!ok("file:///etc/passwd"));
    }

    #[test]
    fn a_link_is_shown_without_what_may_be_secret() {
        let url =
            url::Url::parse("https://user:pw@files.example.com/n/a.m4a?X-Amz-Signature=abc#t")
                .unwrap();
        assert_eq!(shown(&url), "https://files.example.com/n/a.m4a");
    }

    #[test]
    fn the_file_is_named_as_the_link_ends_and_never_outside_its_folder() {
        let name = |s: &str| file_name(&url::Url::parse(s).unwrap());
        assert_eq!(
            name("https://x.example/v/reply%20one.m4a?sig=1"),
            "reply one.m4a"
        );
        assert_eq!(name("https://x.example/"), "audio");
        assert_eq!(name("https://x.example/a/..%2F..%2Fetc"), "etc");
        assert_eq!(name("https://x.example/.."), "audio");
    }

    #[test]
    fn the_cap_follows_the_platform() {
        // WeChat: 60 seconds, at most a WAV of them; Messenger: four of its 25 MB.
        assert_eq!(
            size_cap(Some(Platform::Wechat)),
            60 * WAV_BYTES_A_SECOND + 4096
        );
        assert_eq!(size_cap(Some(Platform::Messenger)), 100 * 1024 * 1024);
        assert!(size_cap(None) >= size_cap(Some(Platform::Telegram)));
    }
}
