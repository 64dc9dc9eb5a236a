//! The real app in a real window: Xvfb + tauri-driver + WebKitWebDriver.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use thirtyfour::{Capabilities, WebDriver};

use crate::process::Daemon;
use crate::wait::until_async;
use crate::{Env, wait};

/// How long an app may take to show its window on a busy machine.
const LIMIT_START: Duration = Duration::from_secs(60);

/// A private X server (Xvfb) on a display number it picked itself.
pub struct Display {
    xvfb: Daemon,
    number: u32,
}

impl Display {
    pub fn start() -> Display {
        let mut xvfb = Daemon::spawn(
            "Xvfb",
            Command::new("Xvfb")
                // -displayfd: Xvfb picks a free display and writes its number when ready.
                .args([
                    "-displayfd",
                    "1",
                    "-screen",
                    "0",
                    "1280x800x24",
                    "-nolisten",
                    "tcp",
                ])
                .stdout(Stdio::piped())
                .stderr(Stdio::null()),
        );
        let mut line = String::new();
        BufReader::new(xvfb.child().stdout.take().expect("Xvfb stdout"))
            .read_line(&mut line)
            .expect("read the display number");
        let number = line.trim().parse().unwrap_or_else(|_| {
            xvfb.assert_running();
            panic!("Xvfb printed {line:?} instead of a display number")
        });
        Display { xvfb, number }
    }

    pub fn pid(&self) -> u32 {
        self.xvfb.pid()
    }

    /// `DISPLAY` for clients.
    pub fn name(&self) -> String {
        format!(":{}", self.number)
    }

    /// Native windows whose title is exactly `title` (via xdotool).
    pub fn windows_titled(&self, title: &str) -> Vec<String> {
        let out = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", &format!("^{title}$")])
            .env("DISPLAY", self.name())
            .output()
            .expect("run xdotool");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect()
    }

    /// Presses `keys` (xdotool's syntax, e.g. `ctrl+shift+space`) on this display, as
    /// a person would with another program in front.
    pub fn press(&self, keys: &str) {
        let status = Command::new("xdotool")
            .args(["key", keys])
            .env("DISPLAY", self.name())
            .status()
            .expect("run xdotool");
        assert!(status.success(), "xdotool key {keys}");
    }

    /// Presses (`down`) or lets go of keys, as a person holding them does.
    pub fn hold(&self, keys: &str, down: bool) {
        let how = if down { "keydown" } else { "keyup" };
        let status = Command::new("xdotool")
            .args([how, keys])
            .env("DISPLAY", self.name())
            .status()
            .expect("run xdotool");
        assert!(status.success(), "xdotool {how} {keys}");
    }

    /// Another program holding `keysym` with `modifiers` (`ctrl`, `alt`, `shift`,
    /// `super`) as its global shortcut, until the returned process is dropped.
    pub fn grab_key(&self, keysym: &str, modifiers: &[&str]) -> Daemon {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("rig/grab_key.py");
        let mut grabber = Daemon::spawn(
            "the key grabber",
            Command::new("/usr/bin/python3")
                .arg(script)
                .arg(keysym)
                .args(modifiers)
                .env("DISPLAY", self.name())
                .stdout(Stdio::piped()),
        );
        let stdout = grabber.child().stdout.take().expect("the grabber's output");
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        assert_eq!(
            line.trim(),
            "grabbed",
            "the key grabber did not grab {keysym}"
        );
        grabber
    }
}

/// The app started by tauri-driver under its own display, driven over WebDriver.
pub struct AppSession {
    pub driver: WebDriver,
    tauri_driver: Daemon,
    display: Display,
    ports: [u16; 2],
}

impl AppSession {
    /// Launches `app` with `env` (on top of this process's) in a fresh window.
    pub async fn start(app: &Path, env: Env) -> AppSession {
        Self::start_with_args(app, env, &[]).await
    }

    /// Launches `app ARGS…` with `env` in a fresh window (`hark-app FILE`).
    pub async fn start_with_args(app: &Path, env: Env, args: &[String]) -> AppSession {
        let display = Display::start();
        // The ports are free when chosen, but another test's server may take one before
        // tauri-driver binds it (then tauri-driver exits, or the session request reaches
        // that other server): such a start is tried again on new ports.
        let mut attempt = 0;
        let (driver, tauri_driver, ports) = loop {
            attempt += 1;
            let port = free_port();
            let native_port = free_port();
            let mut tauri_driver = Daemon::spawn(
                "tauri-driver",
                Command::new(tauri_driver_path())
                    .args([
                        "--port",
                        &port.to_string(),
                        "--native-port",
                        &native_port.to_string(),
                    ])
                    .env("DISPLAY", display.name())
                    // The app speaks the test's language, never the machine's.
                    .env_remove("LANGUAGE")
                    .env_remove("LC_ALL")
                    .env_remove("LC_MESSAGES")
                    .env_remove("HARK_LANG")
                    .env("LANG", "C.UTF-8")
                    .envs(env.clone())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null()),
            );
            let listening = wait::until(Duration::from_secs(20), "tauri-driver to listen", || {
                if tauri_driver.has_exited() {
                    return Some(false);
                }
                std::net::TcpStream::connect(("127.0.0.1", port))
                    .ok()
                    .map(|_| true)
            });
            let started = if listening {
                let mut caps = Capabilities::new();
                caps.set("browserName", "wry").unwrap();
                caps.set(
                    "tauri:options",
                    serde_json::json!({ "application": app, "args": args }),
                )
                .unwrap();
                WebDriver::new(&format!("http://127.0.0.1:{port}"), caps)
                    .await
                    .map_err(|e| e.to_string())
            } else {
                Err("tauri-driver exited (its port was taken)".to_string())
            };
            match started {
                Ok(driver) => break (driver, tauri_driver, [port, native_port]),
                Err(why) if attempt < 3 => {
                    eprintln!("the app session did not start ({why}); trying on other ports");
                    tauri_driver.stop();
                }
                Err(why) => panic!("start a WebDriver session with the app: {why}"),
            }
        };
        // Ready as a person sees it: the window is on the screen and the page has
        // drawn itself (a click before that can land on nothing under load). Started
        // in the tray (as at login), the window stays hidden: only the page is awaited.
        let in_tray = args.iter().any(|a| a == "--in-tray");
        until_async(LIMIT_START, "the app's window to be shown", || async {
            if !in_tray && display.windows_titled("Hark").is_empty() {
                return None;
            }
            let drawn = driver
                .execute(
                    "return document.readyState === 'complete' && \
                            (document.querySelector('#app')?.children.length ?? 0) > 0;",
                    vec![],
                )
                .await
                .ok()?;
            drawn.json().as_bool()?.then_some(())
        })
        .await;
        AppSession {
            driver,
            tauri_driver,
            display,
            ports,
        }
    }

    /// The ports of tauri-driver and of the WebKitWebDriver it starts.
    pub fn ports(&self) -> [u16; 2] {
        self.ports
    }

    pub fn display(&self) -> &Display {
        &self.display
    }

    /// Saves a screenshot of the window as `target/e2e/NAME.png` and returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let path = crate::bins::e2e_dir().join(format!("{name}.png"));
        // What the DOM says now reaches the screen a frame or two later: wait for two
        // frames, so that the picture shows the state the test has just checked.
        let _ = self
            .driver
            .execute_async(
                "const done = arguments[0]; \
                 requestAnimationFrame(() => requestAnimationFrame(() => done(null)));",
                vec![],
            )
            .await;
        // The window as the X server shows it (WebKitWebDriver's own screenshot never
        // answers when WebKit draws without compositing, as the app does), else the
        // whole screen while the window is hidden.
        let window = self.display.windows_titled("Hark").into_iter().next();
        crate::x_capture::capture(&self.display.name(), window.as_deref(), &path);
        path
    }

    /// Ends the WebDriver session (closing the app), then stops tauri-driver with
    /// SIGTERM so WebKitWebDriver is not orphaned.
    pub async fn quit(mut self) {
        let _ = self.driver.clone().quit().await;
        self.tauri_driver.stop();
    }
}

/// The running `hark-app` processes started with `HARK_DATA_DIR=data_dir`.
pub fn app_pids(data_dir: &Path) -> Vec<u32> {
    let wanted = format!("HARK_DATA_DIR={}", data_dir.display());
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    procs
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let exe = std::fs::read_link(format!("/proc/{pid}/exe")).unwrap_or_default();
            let env = std::fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
            exe.file_name().is_some_and(|n| n == "hark-app")
                && env.split(|&b| b == 0).any(|v| v == wanted.as_bytes())
        })
        .collect()
}

/// Kills the app using `data_dir` with SIGKILL, as a crash or a power cut would end
/// it (nothing of its own runs), and waits until it is gone.
pub fn kill_app(data_dir: &Path) {
    let pids = app_pids(data_dir);
    assert!(
        !pids.is_empty(),
        "no hark-app runs with {}",
        data_dir.display()
    );
    for pid in &pids {
        crate::process::signal(*pid, libc::SIGKILL);
    }
    wait_app_gone(data_dir);
}

/// Waits until no `hark-app` with `data_dir` runs (a zombie counts as gone).
pub fn wait_app_gone(data_dir: &Path) {
    crate::wait::until(Duration::from_secs(30), "the app to end", || {
        app_pids(data_dir)
            .iter()
            .all(|pid| !hark_core::record::spool::process_alive(*pid))
            .then_some(())
    });
}

fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

fn tauri_driver_path() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    cargo_home
        .map(|home| home.join("bin/tauri-driver"))
        .filter(|p| p.is_file())
        .unwrap_or_else(|| PathBuf::from("tauri-driver"))
}

/// The variable that lets a test deliver a file drop (`hark_app::E2E_DROP_ENV`).
pub const E2E_DROP_ENV: &str = "HARK_E2E_DROP";

/// Helpers for driving the app's page.
pub mod page {
    use std::time::Duration;

    use thirtyfour::prelude::*;

    use crate::wait::until_async;

    pub const LIMIT: Duration = Duration::from_secs(30);

    /// The element matched by `css`, once it is on the page.
    pub async fn wait_for(driver: &WebDriver, css: &str) -> WebElement {
        until_async(LIMIT, css, || async {
            driver.find(By::Css(css)).await.ok()
        })
        .await
    }

    /// The text of `css` once `ready` accepts it.
    pub async fn text_when(driver: &WebDriver, css: &str, ready: impl Fn(&str) -> bool) -> String {
        until_async(LIMIT, css, || async {
            let text = driver.find(By::Css(css)).await.ok()?.text().await.ok()?;
            ready(&text).then_some(text)
        })
        .await
    }

    /// Clicks `css` once it is enabled (a click on a disabled button does nothing).
    pub async fn click_enabled(driver: &WebDriver, css: &str) {
        until_async(LIMIT, css, || async {
            let e = driver.find(By::Css(css)).await.ok()?;
            e.is_enabled().await.ok()?.then_some(())
        })
        .await;
        click(driver, css).await;
    }

    /// Clicks `css` once it is on the page and keeps still, as a person aims at a
    /// control that has stopped moving (a layout still settling can move it between
    /// WebDriver's aim and its click).
    pub async fn click(driver: &WebDriver, css: &str) {
        let element = wait_for(driver, css).await;
        until_async(LIMIT, &format!("{css} to keep still"), || async {
            let rect = || async {
                driver
                    .execute(
                        "const r = document.querySelector(arguments[0])?.getBoundingClientRect(); \
                         return r ? [r.x, r.y, r.width, r.height] : null;",
                        vec![serde_json::json!(css)],
                    )
                    .await
                    .ok()
                    .map(|v| v.json().clone())
            };
            let before = rect().await?;
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            (rect().await? == before && !before.is_null()).then_some(())
        })
        .await;
        element.click().await.expect("click");
    }

    /// Replaces the text of the input `css`.
    pub async fn type_into(driver: &WebDriver, css: &str, text: &str) {
        let input = wait_for(driver, css).await;
        input.clear().await.expect("clear");
        input.send_keys(text).await.expect("type");
    }

    /// Waits until the player `audio` (a CSS selector) has played past `secs`.
    pub async fn audio_advances(driver: &WebDriver, audio: &str, secs: f64) {
        until_async(LIMIT, &format!("{audio} to play"), || async {
            let at = driver
                .execute(
                    "return document.querySelector(arguments[0]).currentTime;",
                    vec![serde_json::json!(audio)],
                )
                .await
                .ok()?;
            (at.json().as_f64()? > secs).then_some(())
        })
        .await;
    }

    /// What becomes of the page asking the shell to import a path it names itself:
    /// `"imported"`, or the refusal's code (`file_not_chosen` for one the person never
    /// chose).
    pub async fn import_named(driver: &WebDriver, path: &str) -> serde_json::Value {
        let script = r#"
            const [path, done] = arguments;
            const internals = window.__TAURI_INTERNALS__;
            const channel = "__CHANNEL__:" + internals.transformCallback(() => {});
            internals.invoke("import_clip", { path, platform: "sandbox", trim: false, onProgress: channel })
                .then(() => done("imported"), (e) => done(e.code ?? String(e)));
        "#;
        driver
            .execute_async(script, vec![serde_json::json!(path)])
            .await
            .expect("the script runs")
            .json()
            .clone()
    }

    /// Presses Play in the preview and waits until the player's position has moved:
    /// the note, served by the shell's loopback server and read by the player a range
    /// at a time (never fetched whole into a blob), really plays.
    pub async fn plays(driver: &WebDriver) {
        // (The player is given its source as the pointer reaches Play.)
        click(driver, "#play").await;
        let src = until_async(LIMIT, "the preview's audio to have a source", || async {
            let src = driver
                .execute(
                    "return document.querySelector('#preview audio')?.src ?? '';",
                    vec![],
                )
                .await
                .ok()?;
            let src = src.json().as_str()?.to_owned();
            (!src.is_empty()).then_some(src)
        })
        .await;
        assert!(
            src.starts_with("http://127.0.0.1:"),
            "the preview streams its note from the loopback server, not {src:?}"
        );
        wait_for(driver, "#play[aria-pressed='true']").await;
        until_async(LIMIT, "the preview's audio to advance", || async {
            let at = driver
                .execute(
                    "return document.querySelector('#preview audio').currentTime;",
                    vec![],
                )
                .await
                .ok()?;
            (at.json().as_f64()? > 0.3).then_some(())
        })
        .await;
        click(driver, "#play").await;
        wait_for(driver, "#play[aria-pressed='false']").await;
        record_play_latency(driver).await;
    }

    /// Appends how long the last Play took to sound (the page's User Timing measure
    /// `hark:play-latency`, from the press to the player's `playing` event) to
    /// `target/e2e/play-latency.txt`, one figure in milliseconds a line.
    pub async fn record_play_latency(driver: &WebDriver) {
        let ms = driver
            .execute(
                "return performance.getEntriesByName('hark:play-latency').at(-1)?.duration ?? null;",
                vec![],
            )
            .await
            .ok()
            .and_then(|v| v.json().as_f64());
        if let Some(ms) = ms {
            use std::io::Write;
            let path = crate::bins::e2e_dir().join("play-latency.txt");
            if let Ok(mut f) = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
            {
                let _ = writeln!(f, "{ms:.1}");
            }
        }
    }

    /// Waits until the element with id `id` has the keyboard focus.
    pub async fn focused_is(driver: &WebDriver, id: &str) {
        until_async(LIMIT, &format!("#{id} to have the focus"), || async {
            let active = driver.active_element().await.ok()?;
            (active.id().await.ok()?.as_deref() == Some(id)).then_some(())
        })
        .await;
    }

    /// The id of the element that has the keyboard focus ("" for none).
    pub async fn focused_id(driver: &WebDriver) -> String {
        let id = driver
            .execute("return document.activeElement?.id ?? '';", vec![])
            .await
            .expect("read the focused element");
        id.json().as_str().unwrap_or_default().to_string()
    }

    /// Waits until nothing on the page matches `css`.
    pub async fn gone(driver: &WebDriver, css: &str) {
        until_async(LIMIT, &format!("{css} to go"), || async {
            driver.find(By::Css(css)).await.is_err().then_some(())
        })
        .await;
    }

    /// Presses `keys` on the focused element (WebDriver's codes: `\u{e007}` Enter,
    /// `\u{e00c}` Escape, `\u{e009}` Control held until `\u{e000}`).
    pub async fn key(driver: &WebDriver, keys: &str) {
        driver
            .active_element()
            .await
            .expect("the focused element")
            .send_keys(keys)
            .await
            .expect("press a key");
    }

    /// Whether the focused element matches `css`.
    pub async fn focus_matches(driver: &WebDriver, css: &str) -> bool {
        driver
            .execute(
                "return document.activeElement?.matches(arguments[0]) ?? false;",
                vec![serde_json::json!(css)],
            )
            .await
            .ok()
            .and_then(|v| v.json().as_bool())
            .unwrap_or(false)
    }

    /// Presses Tab (Shift+Tab when `back`) until the focused element matches `css`, at
    /// most `most` times: the control is reachable by keyboard, in that many steps.
    pub async fn tab_to(driver: &WebDriver, css: &str, back: bool, most: usize) {
        let keys = if back {
            "\u{e008}\u{e004}\u{e000}"
        } else {
            "\u{e004}"
        };
        for _ in 0..most {
            if focus_matches(driver, css).await {
                return;
            }
            key(driver, keys).await;
        }
        assert!(
            focus_matches(driver, css).await,
            "{css} was not reached with {most} presses of Tab (focus is on #{})",
            focused_id(driver).await
        );
    }

    /// Asks the window to close, as its close button does (the app allows the page to
    /// ask only when started with `HARK_E2E_DROP`). The app may keep the window open
    /// and ask first.
    pub async fn close_window(driver: &WebDriver) {
        // Not an async script: WebKitWebDriver drops one whose page opens a modal
        // dialog meanwhile. The answer is read back once it is there.
        let asked = driver
            .execute(
                r#"window.__closeAnswer = undefined;
                   window.__TAURI_INTERNALS__.invoke("plugin:window|close", { label: "main" })
                     .then(() => (window.__closeAnswer = "asked"), (e) => (window.__closeAnswer = String(e)));"#,
                vec![],
            )
            .await;
        if asked.is_err() {
            // The window closed at once, under the script (nothing was kept open).
            return;
        }
        let answer = until_async(LIMIT, "the close request to be answered", || async {
            // The window may be gone already (nothing to keep): that is an answer too.
            match driver
                .execute("return window.__closeAnswer ?? null;", vec![])
                .await
            {
                Ok(v) => v.json().as_str().map(str::to_string),
                Err(_) => Some("asked".to_string()),
            }
        })
        .await;
        assert_eq!(answer, "asked", "closing was refused");
    }

    /// One accessibility problem axe-core found on the page.
    #[derive(Debug, serde::Deserialize)]
    pub struct Violation {
        pub id: String,
        pub impact: Option<String>,
        pub help: String,
        /// CSS selectors of the elements at fault.
        pub targets: Vec<String>,
    }

    /// Runs axe-core (the npm package the UI installs) on the page as it is now: WCAG
    /// 2.x A and AA rules and axe's best practices. Returns what it found.
    pub async fn axe(driver: &WebDriver) -> Vec<Violation> {
        let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../ui/node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&source)
            .unwrap_or_else(|e| panic!("read {}: {e}", source.display()));
        driver
            .execute(&format!("{source}\nreturn typeof axe;"), vec![])
            .await
            .expect("load axe-core into the page");
        let script = r#"
            const done = arguments[0];
            axe.run(document, {
                runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
                resultTypes: ["violations"],
            }).then(
                (r) => done(JSON.stringify(r.violations.map((v) => ({
                    id: v.id, impact: v.impact, help: v.help,
                    targets: v.nodes.map((n) => n.target.join(" ")),
                })))),
                (e) => done(JSON.stringify([{ id: "axe-failed", impact: "critical", help: String(e), targets: [] }])),
            );
        "#;
        let found = driver
            .execute_async(script, vec![])
            .await
            .expect("run axe-core");
        serde_json::from_str(found.json().as_str().expect("axe's answer"))
            .expect("axe's violations")
    }

    /// Delivers a file drop as the window does when a file is dropped on it: the
    /// `tauri://drag-drop` event, to this webview, which the shell hears too and takes
    /// as the person's choice (only an e2e build started with `HARK_E2E_DROP` lets the
    /// page send it). WebDriver cannot drag a file from another program.
    pub async fn drop_file(driver: &WebDriver, path: &std::path::Path) {
        drop_path(driver, &path.display().to_string()).await;
    }

    /// What the window delivers for a link dragged from a browser: the link, its
    /// %-escapes undone, as the one "path" of the drop.
    pub async fn drop_link(driver: &WebDriver, link: &str) {
        drop_path(driver, link).await;
    }

    async fn drop_path(driver: &WebDriver, path: &str) {
        let script = r#"
            const [path, done] = arguments;
            window.__TAURI_INTERNALS__.invoke("plugin:event|emit_to", {
                target: { kind: "AnyLabel", label: "main" },
                event: "tauri://drag-drop",
                payload: { paths: [path], position: { x: 400, y: 300 } },
            }).then(() => done(null), (e) => done(String(e)));
        "#;
        let result = driver
            .execute_async(script, vec![serde_json::json!(path)])
            .await
            .expect("deliver the drop");
        assert!(
            result.json().is_null(),
            "the drop was refused: {:?}",
            result.json()
        );
    }
}
