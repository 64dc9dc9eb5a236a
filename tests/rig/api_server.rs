//! `hark serve` started for a test (on a free port, with the test's data folder and
//! keychain), and curl as the client: a real HTTP client, as programs call it.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::Env;
use crate::process::Daemon;

pub struct ApiServer {
    pub daemon: Daemon,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// What the server wrote on stderr (its request log), in a file.
    pub log: PathBuf,
}

impl ApiServer {
    /// `hark serve --listen 127.0.0.1:0 EXTRA…`, its stderr into `log`.
    pub fn start(env: &Env, extra: &[&str], log: &Path) -> ApiServer {
        let err = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .expect("the server's log");
        let mut command = crate::bins::hark_command();
        command
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(extra)
            .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .stdout(Stdio::piped())
            .stderr(err);
        let mut daemon = Daemon::spawn("hark serve", &mut command);
        let out = daemon.child().stdout.take().expect("its output");
        let mut first = String::new();
        BufReader::new(out)
            .read_line(&mut first)
            .expect("it says where it listens");
        let base = first
            .split_whitespace()
            .find(|w| w.starts_with("http://127.0.0.1:"))
            .unwrap_or_else(|| panic!("no address in {first:?}"))
            .to_owned();
        ApiServer {
            daemon,
            base,
            log: log.to_path_buf(),
        }
    }

    /// The server's request log so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

/// One answer: the HTTP status and its JSON body (`Null` when it is not JSON), and the
/// body as text.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub json: Value,
    pub text: String,
}

/// `curl -X METHOD BASE+PATH` with the key (if any), extra headers, and `body` (JSON,
/// sent from a file so that any size goes).
pub fn curl(
    base: &str,
    method: &str,
    path: &str,
    key: Option<&str>,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Answer {
    let mut command = Command::new("curl");
    command
        .args(["-sS", "-X", method, "-w", "\n%{http_code}"])
        .args(["--max-time", "120"])
        .arg(format!("{base}{path}"));
    if let Some(key) = key {
        command.args(["-H", &format!("Authorization: Bearer {key}")]);
    }
    for (name, value) in headers {
        command.args(["-H", &format!("{name}: {value}")]);
    }
    let file = body.map(|b| {
        let file = tempfile::NamedTempFile::new().expect("a body file");
        std::fs::write(file.path(), b).expect("the body");
        file
    });
    if let Some(file) = &file {
        command
            .args(["-H", "Content-Type: application/json", "--data-binary"])
            .arg(format!("@{}", file.path().display()));
    }
    let out = crate::process::run_with_limit(&mut command, Duration::from_secs(130));
    let all = String::from_utf8_lossy(&out.stdout).into_owned();
    let (text, status) = all.rsplit_once('\n').unwrap_or_else(|| {
        panic!(
            "curl said nothing: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    Answer {
        status: status.trim().parse().unwrap_or(0),
        json: serde_json::from_str(text).unwrap_or(Value::Null),
        text: text.to_owned(),
    }
}
