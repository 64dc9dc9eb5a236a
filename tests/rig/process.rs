//! A child process that is stopped politely (SIGTERM, then wait) when dropped.

use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

/// Owns a long-running child (a daemon started for a test).
pub struct Daemon {
    name: String,
    child: Child,
}

impl Daemon {
    /// Spawns `command`; `name` is used in failure messages.
    pub fn spawn(name: &str, command: &mut Command) -> Daemon {
        let child = command
            .spawn()
            .unwrap_or_else(|e| panic!("could not start {name}: {e} (is it installed?)"));
        Daemon {
            name: name.to_string(),
            child,
        }
    }

    pub fn child(&mut self) -> &mut Child {
        &mut self.child
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the daemon has exited.
    pub fn has_exited(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(Some(_)))
    }

    /// Panics with the daemon's name if it has already exited.
    pub fn assert_running(&mut self) {
        if let Ok(Some(status)) = self.child.try_wait() {
            panic!("{} exited early with {status}", self.name);
        }
    }

    /// SIGTERM, then wait up to five seconds; SIGKILL only if it will not stop.
    /// (tauri-driver must get SIGTERM: SIGKILL orphans its WebKitWebDriver.)
    pub fn stop(&mut self) -> Option<ExitStatus> {
        if let Ok(Some(status)) = self.child.try_wait() {
            return Some(status);
        }
        // A stopped (frozen) process must be continued to act on SIGTERM.
        signal(self.child.id(), libc::SIGCONT);
        signal(self.child.id(), libc::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        self.child.wait().ok()
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Sends `sig` to `pid`.
pub fn signal(pid: u32, sig: libc::c_int) {
    // SAFETY: kill(2) has no memory-safety preconditions.
    unsafe {
        libc::kill(pid as libc::pid_t, sig);
    }
}

/// Runs a short command to completion with a time limit; panics if it hangs. Output is
/// read while the command runs, so a chatty command cannot block on a full pipe.
pub fn run_with_limit(command: &mut Command, limit: Duration) -> Output {
    run_fed(command, None, limit)
}

/// As [`run_with_limit`], with `input` on the command's standard input (then EOF).
pub fn run_fed(command: &mut Command, input: Option<&[u8]>, limit: Duration) -> Output {
    let program = format!("{:?}", command.get_program());
    let mut child = command
        .stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("could not start {program}: {e}"));
    if let Some(input) = input {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        let _ = stdin.write_all(input);
    }
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(limit) {
        Ok(output) => output.expect("collect output"),
        Err(_) => {
            signal(pid, libc::SIGKILL);
            let stderr = rx
                .recv()
                .ok()
                .and_then(Result::ok)
                .map(|o| String::from_utf8_lossy(&o.stderr).into_owned())
                .unwrap_or_default();
            panic!("{program} did not finish within {limit:?} (it hangs)\nstderr:\n{stderr}");
        }
    }
}
