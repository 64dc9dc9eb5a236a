//! The real app, in a real window under Xvfb, through tauri-driver + WebKitWebDriver.

use std::time::Duration;

use rig::desktop::AppSession;
use rig::wait::until_async;
use thirtyfour::prelude::*;

const LIMIT: Duration = Duration::from_secs(30);

async fn text_of(driver: &WebDriver, by: By) -> String {
    driver
        .find(by)
        .await
        .expect("element")
        .text()
        .await
        .expect("text")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_window_opens_titled_hark_on_a_first_run_with_the_sandbox() {
    let data = tempfile::tempdir().unwrap();
    let data_dir = data.path().join("app-data");
    let app = rig::bins::built("hark-app");
    let session = AppSession::start(
        &app,
        vec![("HARK_DATA_DIR".into(), data_dir.display().to_string())],
    )
    .await;
    let driver = &session.driver;

    assert_eq!(driver.title().await.unwrap(), "Hark");
    let native = session.display().windows_titled("Hark");
    assert!(
        !native.is_empty(),
        "a native window titled Hark is on screen"
    );

    // app_info is a real command: the empty history names the data folder it created.
    let shown = until_async(LIMIT, "the data folder in the history panel", || async {
        let text = text_of(driver, By::Id("history-empty")).await;
        text.contains(&data_dir.display().to_string())
            .then_some(text)
    })
    .await;
    assert!(shown.contains("No notes yet"), "{shown}");
    assert!(data_dir.is_dir(), "the app created its data folder");
    let version = text_of(driver, By::Id("app-version")).await;
    assert_eq!(version, format!("v{}", hark_core::VERSION));

    // A first run: the sandbox account is there and selected, so everything can be
    // tried before any real account exists.
    let sandbox = until_async(LIMIT, "the sandbox account in the rail", || async {
        driver
            .find(By::Css("nav button[data-account='Sandbox']"))
            .await
            .ok()
    })
    .await;
    assert_eq!(
        sandbox.attr("aria-current").await.unwrap().as_deref(),
        Some("true")
    );
    let label = text_of(driver, By::Css("label[for='to']")).await;
    assert_eq!(label, "To · Any name: the note stays on this computer");

    // The record button is there, ready (the sandbox is an account), a toggle.
    let record = driver.find(By::Id("record")).await.unwrap();
    assert!(record.is_displayed().await.unwrap());
    assert!(record.is_enabled().await.unwrap(), "record is ready");
    assert_eq!(
        record.attr("aria-pressed").await.unwrap().as_deref(),
        Some("false")
    );
    let timer = text_of(driver, By::Css("[role='timer']")).await;
    assert_eq!(timer, "0:00");

    // The rail's Add account button, the limits, the drop hint with its file picker.
    let add = driver.find(By::Id("add-account")).await.unwrap();
    assert!(add.is_enabled().await.unwrap());
    let limits = text_of(driver, By::Css("ul[aria-label='Sandbox limits']")).await;
    assert!(limits.contains("Sent as Ogg/Opus voice"), "{limits}");
    let hint = text_of(driver, By::Id("drop-hint")).await;
    assert!(hint.contains("Drop an audio file"), "{hint}");
    assert!(
        driver
            .find(By::Id("choose-file"))
            .await
            .unwrap()
            .is_enabled()
            .await
            .unwrap()
    );

    let shot = session.screenshot("first-run").await;
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot");
    assert!(
        png.len() > 20_000,
        "the screenshot has content ({} bytes)",
        png.len()
    );

    // The page is drawn without WebKit's compositing mode (which cost the web process
    // over 100 MB at rest): its web process was started with the switch the app set.
    let marker = format!("HARK_DATA_DIR={}", data_dir.display());
    let web = web_process_environ(&marker).expect("the app's web process is running");
    assert!(
        web.iter().any(|v| v == "WEBKIT_DISABLE_COMPOSITING_MODE=1"),
        "the web process draws without compositing: {web:?}"
    );

    session.quit().await;
}

/// The environment of the WebKit web process whose environment holds `marker` (this
/// test's data folder: tests run side by side).
fn web_process_environ(marker: &str) -> Option<Vec<String>> {
    std::fs::read_dir("/proc")
        .ok()?
        .flatten()
        .find_map(|entry| {
            let dir = entry.path();
            let comm = std::fs::read_to_string(dir.join("comm")).ok()?;
            if !comm.starts_with("WebKitWebProces") {
                return None;
            }
            let environ = std::fs::read(dir.join("environ")).ok()?;
            let vars: Vec<String> = environ
                .split(|&b| b == 0)
                .map(|v| String::from_utf8_lossy(v).into_owned())
                .collect();
            vars.iter().any(|v| v == marker).then_some(vars)
        })
}
