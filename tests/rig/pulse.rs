//! A PulseAudio server with a virtual microphone, private to one test.

use std::process::Command;
use std::time::Duration;

use tempfile::TempDir;

use crate::process::Daemon;
use crate::{Env, wait};

/// What the virtual microphone plays. Note: `module-sine-source` renders its audio in
/// blocks of about two seconds, so a recording receives it in bursts, not smoothly as
/// from a real microphone; tests must reason about recorded time, not wall time.
#[derive(Debug, Clone, Copy)]
pub enum Signal {
    /// A sine tone (PulseAudio's `module-sine-source`, amplitude 0.5).
    Sine { hz: u32 },
    /// Digital silence (`module-null-source`).
    Silence,
}

/// The PulseAudio source name of the virtual microphone; cpal lists it as
/// `pulseaudio:vmic`.
pub const SOURCE: &str = "vmic";
/// A null sink whose monitor (`vspk.monitor`) is a second input.
/// cpal lists it as `pulseaudio:vspk.monitor`.
pub const SINK: &str = "vspk";

/// A running PulseAudio server whose default source is the virtual microphone.
pub struct VirtualMic {
    daemon: Daemon,
    runtime_dir: TempDir,
}

impl VirtualMic {
    pub fn start(signal: Signal) -> VirtualMic {
        let runtime_dir = tempfile::Builder::new()
            .prefix("hark-pulse-")
            .tempdir()
            .expect("runtime dir");
        set_private(runtime_dir.path());
        let source = match signal {
            Signal::Sine { hz } => format!(
                "load-module module-sine-source source_name={SOURCE} rate=48000 frequency={hz}"
            ),
            Signal::Silence => {
                format!("load-module module-null-source source_name={SOURCE} rate=48000")
            }
        };
        let script = runtime_dir.path().join("rig.pa");
        std::fs::write(
            &script,
            format!(
                "load-module module-native-protocol-unix auth-anonymous=1\n\
                 load-module module-null-sink sink_name={SINK} rate=48000 channels=2\n\
                 {source}\n\
                 set-default-sink {SINK}\n\
                 set-default-source {SOURCE}\n"
            ),
        )
        .expect("write pulse script");
        let mut daemon = Daemon::spawn(
            "pulseaudio",
            Command::new("pulseaudio")
                .args([
                    "-n",
                    "--daemonize=no",
                    "--exit-idle-time=-1",
                    "--log-target=stderr",
                ])
                .arg("-F")
                .arg(&script)
                .env("XDG_RUNTIME_DIR", runtime_dir.path())
                .env("HOME", runtime_dir.path())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null()),
        );
        let env = client_env(runtime_dir.path());
        wait::until(Duration::from_secs(15), "the PulseAudio server", || {
            daemon.assert_running();
            let out = Command::new("pactl")
                .arg("info")
                .envs(env.clone())
                .output()
                .ok()?;
            (out.status.success()
                && String::from_utf8_lossy(&out.stdout)
                    .contains(&format!("Default Source: {SOURCE}")))
            .then_some(())
        });
        VirtualMic {
            daemon,
            runtime_dir,
        }
    }

    /// Variables that point a client (cpal, pactl, the app) at this server.
    pub fn env(&self) -> Env {
        client_env(self.runtime_dir.path())
    }

    pub fn pid(&self) -> u32 {
        self.daemon.pid()
    }

    /// Freezes the server (SIGSTOP): streams stay open but no audio and no error comes,
    /// as with a driver that blocks. `thaw` resumes it.
    pub fn freeze(&self) {
        crate::process::signal(self.pid(), libc::SIGSTOP);
    }

    pub fn thaw(&self) {
        crate::process::signal(self.pid(), libc::SIGCONT);
    }

    /// Plays `file` into the null sink, whose monitor (`pulseaudio:vspk.monitor`) is a
    /// second input that then carries it. A low-latency feeder of silence runs
    /// alongside, without which the first second or so arrives late. Both stop when
    /// the returned guard is dropped.
    pub fn play(&self, file: &std::path::Path) -> Playback {
        let feeder = Daemon::spawn(
            "pacat",
            Command::new("pacat")
                .args([
                    "--playback",
                    "--latency-msec=20",
                    "--raw",
                    "--format=s16le",
                    "--rate=48000",
                    "--channels=2",
                    &format!("--device={SINK}"),
                ])
                .envs(self.env())
                .stdin(std::fs::File::open("/dev/zero").expect("/dev/zero"))
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null()),
        );
        let player = Daemon::spawn(
            "paplay",
            Command::new("paplay")
                .args(["--latency-msec=50", &format!("--device={SINK}")])
                .arg(file)
                .envs(self.env())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null()),
        );
        Playback {
            _player: player,
            _feeder: feeder,
        }
    }
}

/// A file playing into the virtual speaker; stops when dropped.
pub struct Playback {
    _player: Daemon,
    _feeder: Daemon,
}

fn client_env(runtime_dir: &std::path::Path) -> Env {
    let dir = runtime_dir.display().to_string();
    vec![
        ("XDG_RUNTIME_DIR".into(), dir.clone()),
        ("PULSE_SERVER".into(), format!("unix:{dir}/pulse/native")),
    ]
}

fn set_private(dir: &std::path::Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).expect("chmod 700");
}
