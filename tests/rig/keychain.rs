//! A private D-Bus session with gnome-keyring's Secret Service, unlocked.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use tempfile::TempDir;

use crate::process::Daemon;
use crate::{Env, wait};

/// The password the rig's login keyring is created and unlocked with.
pub const PASSWORD: &str = "hark-rig-keyring";

/// A session bus and an unlocked Secret Service on it. Stopped on drop; the keyring
/// files live in a temporary home that is removed with it.
pub struct Keychain {
    // Stopped on drop in this order: the keyring daemon, its bus, then its home removed.
    keyring: Daemon,
    bus: Daemon,
    _home: TempDir,
    address: String,
}

impl Keychain {
    pub fn start() -> Keychain {
        let home = tempfile::Builder::new()
            .prefix("hark-keyring-")
            .tempdir()
            .expect("keyring home");
        let mut bus = Daemon::spawn(
            "dbus-daemon",
            Command::new("dbus-daemon")
                .args(["--session", "--nofork", "--nopidfile", "--print-address=1"])
                .env("HOME", home.path())
                .stdout(Stdio::piped())
                .stderr(Stdio::null()),
        );
        let mut address = String::new();
        BufReader::new(bus.child().stdout.take().expect("bus stdout"))
            .read_line(&mut address)
            .expect("read the bus address");
        let address = address.trim().to_string();
        assert!(!address.is_empty(), "dbus-daemon printed no address");

        let runtime = home.path().join("run");
        std::fs::create_dir_all(&runtime).expect("runtime dir");
        let mut keyring = Daemon::spawn(
            "gnome-keyring-daemon",
            Command::new("gnome-keyring-daemon")
                .args(["--foreground", "--unlock", "--components=secrets"])
                .env("DBUS_SESSION_BUS_ADDRESS", &address)
                .env("HOME", home.path())
                .env("XDG_RUNTIME_DIR", &runtime)
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        );
        {
            // The password on stdin, then EOF: creates and unlocks the login keyring.
            let mut stdin = keyring.child().stdin.take().expect("keyring stdin");
            stdin.write_all(PASSWORD.as_bytes()).expect("send password");
        }
        let chain = Keychain {
            keyring,
            bus,
            _home: home,
            address,
        };
        chain.wait_ready();
        chain
    }

    /// `DBUS_SESSION_BUS_ADDRESS` for clients (the keyring crate, secret-tool, the app).
    pub fn env(&self) -> Env {
        vec![("DBUS_SESSION_BUS_ADDRESS".into(), self.address.clone())]
    }

    /// The process ids of the keyring daemon and the bus.
    pub fn pids(&self) -> [u32; 2] {
        [self.keyring.pid(), self.bus.pid()]
    }

    pub fn bus_address(&self) -> &str {
        &self.address
    }

    /// Runs `secret-tool ARGS` against this keychain; `(success, stdout)`.
    pub fn secret_tool(&self, args: &[&str]) -> (bool, String) {
        let out = crate::process::run_with_limit(
            Command::new("secret-tool").args(args).envs(self.env()),
            Duration::from_secs(20),
        );
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    }

    /// Ready means the Secret Service name is owned by *our* daemon (not one the bus
    /// would auto-start, which would be locked) and the login collection exists.
    fn wait_ready(&self) {
        let env = self.env();
        wait::until(
            Duration::from_secs(15),
            "gnome-keyring's Secret Service",
            || {
                let out = Command::new("dbus-send")
                    .args([
                        "--session",
                        "--print-reply",
                        "--dest=org.freedesktop.DBus",
                        "/org/freedesktop/DBus",
                        "org.freedesktop.DBus.NameHasOwner",
                        "string:org.freedesktop.secrets",
                    ])
                    .envs(env.clone())
                    .output()
                    .ok()?;
                String::from_utf8_lossy(&out.stdout)
                    .contains("boolean true")
                    .then_some(())
            },
        );
    }
}
