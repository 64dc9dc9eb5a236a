//! The workspace's own binaries, as built by `cargo build --workspace`.

use std::path::PathBuf;

/// `target/debug/NAME` of this workspace (honours `CARGO_TARGET_DIR`).
pub fn built(name: &str) -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let path = target.join("debug").join(name);
    assert!(
        path.is_file(),
        "{} is not built; run `cargo build --workspace` first (scripts/test does)",
        path.display()
    );
    path
}

/// A command running the built `hark` in English: the language is the test's choice
/// (`HARK_LANG`, `LANG` in its environment), never the machine's locale.
pub fn hark_command() -> std::process::Command {
    let mut command = std::process::Command::new(built("hark"));
    for name in ["HARK_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command
}

/// Where screenshots go: `target/e2e/` (CI keeps them).
pub fn e2e_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/e2e");
    std::fs::create_dir_all(&dir).expect("create target/e2e");
    dir
}

/// The outcome of one `hark` run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the built `hark` with `args` (and a time limit: a hang is a failure).
pub fn hark<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Run {
    let out = crate::process::run_with_limit(
        hark_command().args(args),
        std::time::Duration::from_secs(120),
    );
    Run {
        code: out.status.code().unwrap_or_else(|| {
            panic!(
                "hark was killed by a signal (crash): {}",
                String::from_utf8_lossy(&out.stderr)
            )
        }),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
