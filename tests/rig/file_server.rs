//! A real file server for links: Python's http.server on 127.0.0.1.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::process::Daemon;

/// Python's http.server serving `dir` on 127.0.0.1: the daemon and its address.
pub fn file_server(dir: &Path) -> (Daemon, String) {
    let mut daemon = Daemon::spawn(
        "python3 -m http.server",
        Command::new("python3")
            .args(["-u", "-m", "http.server", "0", "--bind", "127.0.0.1"])
            .arg("--directory")
            .arg(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null()),
    );
    let out = daemon.child().stdout.take().expect("its output");
    let mut first = String::new();
    BufReader::new(out)
        .read_line(&mut first)
        .expect("it says where it serves");
    // "Serving HTTP on 127.0.0.1 port 40123 (http://127.0.0.1:40123/) ..."
    let port = first
        .split_whitespace()
        .skip_while(|w| *w != "port")
        .nth(1)
        .unwrap_or_else(|| panic!("no port in {first:?}"));
    (daemon, format!("http://127.0.0.1:{port}"))
}
