//! A stand-in desktop shell on a test's session bus (`desktop_services.py`): a tray
//! host that tray icons register with, and a notification server that records what it
//! is asked to show. The tray icon itself is read and clicked as a real tray host
//! does it: the item's `Menu` property, then `com.canonical.dbusmenu` on that object.

use std::io::BufRead;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::Env;
use crate::process::Daemon;
use crate::wait::until;

const LIMIT: Duration = Duration::from_secs(60);

/// A notification as the server received it.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Notification {
    pub app: String,
    pub summary: String,
    pub body: String,
}

/// A tray icon registered with the host: its bus name and object path.
#[derive(Debug, Clone)]
pub struct TrayItem {
    pub sender: String,
    pub path: String,
}

pub struct Shell {
    _daemon: Daemon,
    events: Arc<Mutex<Vec<serde_json::Value>>>,
    bus: Env,
}

impl Shell {
    /// Starts the tray host and notification server on the bus `bus` names
    /// (`DBUS_SESSION_BUS_ADDRESS`), and waits until both names are owned.
    pub fn start(bus: Env) -> Shell {
        let script =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rig/desktop_services.py");
        let mut daemon = Daemon::spawn(
            "the stand-in desktop shell",
            Command::new("/usr/bin/python3")
                .arg(script)
                .envs(bus.clone())
                .stdout(Stdio::piped())
                .stderr(Stdio::inherit()),
        );
        let stdout = daemon.child().stdout.take().unwrap();
        let events = Arc::new(Mutex::new(Vec::new()));
        let sink = events.clone();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
            {
                if let Ok(event) = serde_json::from_str(&line) {
                    sink.lock().unwrap().push(event);
                }
            }
        });
        let shell = Shell {
            _daemon: daemon,
            events,
            bus,
        };
        until(LIMIT, "the desktop shell's names", || {
            shell.find(|e| e.get("ready").cloned())
        });
        shell
    }

    fn find<T>(&self, pick: impl Fn(&serde_json::Value) -> Option<T>) -> Option<T> {
        self.events.lock().unwrap().iter().find_map(pick)
    }

    /// The tray icon, once one registered.
    pub fn tray_item(&self) -> TrayItem {
        until(LIMIT, "a tray icon to register", || {
            self.find(|e| {
                let item = e.get("item")?;
                Some(TrayItem {
                    sender: item["sender"].as_str()?.to_string(),
                    path: item["path"].as_str()?.to_string(),
                })
            })
        })
    }

    /// Every notification shown so far.
    pub fn notifications(&self) -> Vec<Notification> {
        self.events
            .lock()
            .unwrap()
            .iter()
            .filter_map(|e| serde_json::from_value(e.get("notify")?.clone()).ok())
            .collect()
    }

    /// Waits for a notification `matches` accepts.
    pub fn notification(
        &self,
        what: &str,
        matches: impl Fn(&Notification) -> bool,
    ) -> Notification {
        until(LIMIT, what, || {
            self.notifications().into_iter().find(&matches)
        })
    }

    /// `gdbus call` on the test's bus: the printed answer.
    fn call(&self, dest: &str, path: &str, method: &str, args: &[&str]) -> String {
        let out = crate::process::run_with_limit(
            Command::new("gdbus")
                .args(["call", "--session", "--dest", dest, "--object-path", path])
                .args(["--method", method, "--"])
                .args(args)
                .envs(self.bus.clone()),
            LIMIT,
        );
        assert!(
            out.status.success(),
            "gdbus {method}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A property of the tray item (`org.kde.StatusNotifierItem`), as gdbus prints it.
    pub fn item_property(&self, item: &TrayItem, name: &str) -> String {
        self.call(
            &item.sender,
            &item.path,
            "org.freedesktop.DBus.Properties.Get",
            &["org.kde.StatusNotifierItem", name],
        )
    }

    fn menu_path(&self, item: &TrayItem) -> String {
        let answer = self.item_property(item, "Menu");
        answer
            .split('\'')
            .nth(1)
            .unwrap_or_else(|| panic!("no menu path in {answer}"))
            .to_string()
    }

    /// The tray menu's items: (id, label), in order, separators left out.
    pub fn menu(&self, item: &TrayItem) -> Vec<(i32, String)> {
        let layout = self.call(
            &item.sender,
            &self.menu_path(item),
            "com.canonical.dbusmenu.GetLayout",
            &["0", "-1", "[]"],
        );
        // Each child prints as `<(ID, {'label': <'Words'>, …}, @av [])>`.
        let mut items = Vec::new();
        for part in layout.split("<(").skip(1) {
            let Some((id, rest)) = part.split_once(", {") else {
                continue;
            };
            let Ok(id) = id.trim().parse::<i32>() else {
                continue;
            };
            let Some(label) = rest
                .split("'label': <'")
                .nth(1)
                .and_then(|l| l.split("'>").next())
            else {
                continue;
            };
            items.push((id, label.replace('_', "")));
        }
        items
    }

    /// Clicks the tray menu's item labelled `label`, as a tray host does.
    pub fn click(&self, item: &TrayItem, label: &str) {
        let menu = self.menu(item);
        let (id, _) = menu
            .iter()
            .find(|(_, l)| l == label)
            .unwrap_or_else(|| panic!("no {label} in the tray menu: {menu:?}"));
        self.call(
            &item.sender,
            &self.menu_path(item),
            "com.canonical.dbusmenu.Event",
            &[&id.to_string(), "clicked", "<0>", "0"],
        );
    }
}
