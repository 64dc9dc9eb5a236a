//! Helpers for the recording tests: `hark record` as a child against the rig's sound
//! server, and the recorder in-process.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use hark_core::platform::Platform;
use hark_core::record::RecordOptions;

use crate::bins::Run;
use crate::process::{Daemon, run_with_limit};
use crate::pulse::VirtualMic;
use crate::wait;

/// A test path as the `&str` a command line takes (test paths are UTF-8).
pub fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 test path")
}

/// `hark record ARGS` with the rig's sound server and data folder, stdin closed.
pub fn record(mic: &VirtualMic, data: &Path, args: &[&str]) -> Run {
    let mut all = vec!["record"];
    all.extend_from_slice(args);
    let out = run_with_limit(
        crate::bins::hark_command()
            .args(&all)
            .envs(mic.env())
            .env("HARK_DATA_DIR", data),
        Duration::from_secs(60),
    );
    Run {
        code: out.status.code().expect("not killed"),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Starts `hark record` with a pipe on stdin (so it goes on until told) and waits until
/// it has a second of audio on disk.
pub fn recording_child(mic: &VirtualMic, data: &Path, out: &Path) -> Daemon {
    let child = Daemon::spawn(
        "hark record",
        crate::bins::hark_command()
            .args(["record", "--for", "whatsapp", "-o", s(out), "--no-clean"])
            .envs(mic.env())
            .env("HARK_DATA_DIR", data)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    );
    wait_for_spooled(data, 48_000 * 2);
    child
}

/// Waits until the take's spool in `data` holds at least `bytes` of PCM.
pub fn wait_for_spooled(data: &Path, bytes: u64) {
    let spool = data.join("spool");
    wait::until(Duration::from_secs(20), "audio on disk", || {
        let pcm = std::fs::read_dir(&spool)
            .ok()?
            .filter_map(Result::ok)
            .find(|e| e.path().extension().is_some_and(|x| x == "pcm"))?;
        (pcm.metadata().ok()?.len() >= bytes).then_some(())
    });
}

pub fn spool_is_empty(data: &Path) -> bool {
    std::fs::read_dir(data.join("spool")).map_or(true, |mut d| d.next().is_none())
}

/// For tests that drive the recorder in-process: point cpal at the rig's server.
/// Call it first thing: each test runs in its own process under nextest, and this
/// must happen before any other thread starts.
pub fn use_sound_server(mic: &VirtualMic) {
    for (k, v) in mic.env() {
        // SAFETY: called first thing in the test, while the process has one thread.
        unsafe { std::env::set_var(k, v) };
    }
}

/// Recording from the default input into `spool_dir`.
pub fn options(
    platform: Platform,
    max_duration: Option<Duration>,
    spool_dir: PathBuf,
    clean: bool,
) -> RecordOptions {
    RecordOptions {
        platform,
        device: None,
        max_duration,
        spool_dir,
        clean,
    }
}
