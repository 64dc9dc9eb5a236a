//! A private Hark installation for account and sending tests: its own data folder and
//! its own unlocked keychain, with `hark` run against both.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::Value;

use crate::Env;
use crate::bins::Run;
use crate::keychain::Keychain;

pub struct Install {
    pub keychain: Keychain,
    dir: tempfile::TempDir,
}

impl Install {
    pub fn start() -> Install {
        Install {
            keychain: Keychain::start(),
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The data folder (`HARK_DATA_DIR`).
    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// A scratch path for test files, outside the data folder.
    pub fn scratch(&self, name: &str) -> PathBuf {
        let dir = self.dir.path().join("scratch");
        std::fs::create_dir_all(&dir).expect("scratch dir");
        dir.join(name)
    }

    pub fn env(&self) -> Env {
        let mut env = self.keychain.env();
        env.push((
            "HARK_DATA_DIR".into(),
            self.data_dir().display().to_string(),
        ));
        env
    }

    /// Runs `hark ARGS`, with `input` on standard input.
    pub fn hark_fed(&self, args: &[&str], input: Option<&str>) -> Run {
        run(args, &self.env(), input)
    }

    pub fn hark(&self, args: &[&str]) -> Run {
        self.hark_fed(args, None)
    }

    /// `hark profile add PLATFORM --name NAME FLAGS…` with `secrets` on stdin; panics
    /// unless it succeeds. Returns the new profile's JSON.
    pub fn add_profile(&self, platform: &str, name: &str, flags: &[&str], secrets: &str) -> Value {
        let mut args = vec!["profile", "add", platform, "--name", name, "--json"];
        args.extend_from_slice(flags);
        let run = self.hark_fed(&args, Some(secrets));
        assert_eq!(
            run.code, 0,
            "profile add failed:\n{}\n{}",
            run.stdout, run.stderr
        );
        serde_json::from_str::<Value>(&run.stdout).expect("JSON")["added"].clone()
    }

    /// `hark send --json` → (exit status, JSON answer).
    pub fn send(&self, profile: &str, to: &str, file: &Path, extra: &[&str]) -> (i32, Value) {
        let file = file.display().to_string();
        let mut args = vec!["send", "--profile", profile, "--to", to, "--json", &file];
        args.extend_from_slice(extra);
        let run = self.hark(&args);
        let json = serde_json::from_str::<Value>(&run.stdout).unwrap_or_else(|e| {
            panic!(
                "send printed no JSON ({e}):\n{}\n{}",
                run.stdout, run.stderr
            )
        });
        (run.code, json)
    }
}

/// Runs the built `hark` with `env` and optional standard input.
pub fn run(args: &[&str], env: &Env, input: Option<&str>) -> Run {
    let mut command = crate::bins::hark_command();
    let out = crate::process::run_fed(
        command
            .args(args)
            .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str()))),
        input.map(str::as_bytes),
        Duration::from_secs(120),
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

/// Checks that a `hark send --json` answer is the error `code` with exit status `exit`
/// (5 refused, 6 temporary, …), with a message and a remedy; returns the error.
#[track_caller]
pub fn assert_error(answer: &(i32, Value), code: &str, exit: i32) -> Value {
    let (status, json) = answer;
    let error = &json["error"];
    assert_eq!(error["code"], code, "{json:#}");
    assert_eq!(*status, exit, "exit status for {code}: {json:#}");
    assert!(
        error["message"].as_str().is_some_and(|m| !m.is_empty())
            && error["remedy"].as_str().is_some_and(|m| !m.is_empty()),
        "{json:#}"
    );
    error.clone()
}

/// Checks that a `hark send --json` answer is a success; returns the receipt.
#[track_caller]
pub fn assert_sent(answer: &(i32, Value)) -> Value {
    let (status, json) = answer;
    assert_eq!(*status, 0, "{json:#}");
    json["sent"]["receipt"].clone()
}
