//! Settings in the real window: the microphones listed, a live test meter fed by the
//! virtual microphone, cleanup and theme saved (and the dark theme applied), and the
//! language: the system's, or the one chosen, kept.

use rig::desktop::AppSession;
use rig::desktop::page::{LIMIT, click, gone, key, text_when, type_into, wait_for};
use rig::pulse::{Signal, VirtualMic};
use rig::wait::until_async;
use thirtyfour::prelude::*;

#[tokio::test(flavor = "multi_thread")]
async fn the_microphone_test_moves_and_choices_are_kept() {
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    let dir = tempfile::tempdir().unwrap();
    let mut env = mic.env();
    env.push((
        "HARK_DATA_DIR".into(),
        dir.path().join("data").display().to_string(),
    ));
    let session = AppSession::start(&rig::bins::built("hark-app"), env.clone()).await;
    let driver = &session.driver;

    click(driver, "#open-settings").await;
    let options = text_when(driver, "#settings-device", |t| t.contains("(default)")).await;
    assert!(options.contains("System default"), "{options}");

    // The test meter moves with the microphone's sound. A microphone that gives out at
    // once says so (an alert with what happened); the agent presses Test again, and so
    // does this test, at most twice, saying what the app said.
    let mut tries: Vec<String> = Vec::new();
    'press: loop {
        assert!(
            tries.len() < 3,
            "the microphone test did not run: {tries:?}"
        );
        click(driver, "#settings-test").await;
        let pressed = std::time::Instant::now();
        loop {
            if let Ok(problem) = driver.find(By::Css("#settings [role='alert']")).await {
                tries.push(problem.text().await.unwrap_or_default());
                eprintln!("the microphone test stopped ({tries:?}); pressing Test again");
                continue 'press;
            }
            let level = async {
                let meter = driver.find(By::Id("settings-meter")).await.ok()?;
                meter.attr("aria-valuenow").await.ok()??.parse::<u32>().ok()
            };
            if level.await.is_some_and(|now| now > 20) {
                break 'press;
            }
            // The press did not start a test (the button never said "Stop test"):
            // a person presses again.
            let label = driver
                .find(By::Id("settings-test"))
                .await
                .unwrap()
                .text()
                .await
                .unwrap_or_default();
            if label == "Test" && pressed.elapsed() > std::time::Duration::from_secs(5) {
                tries.push("the press did not start the test".into());
                eprintln!("{tries:?}; pressing Test again");
                continue 'press;
            }
            assert!(
                pressed.elapsed() < LIMIT,
                "the meter did not move (tries: {tries:?})"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }
    session.screenshot("settings").await;

    // No cleanup, dark theme: saved, applied, and still there after a restart.
    click(driver, "#settings-clean").await;
    click(driver, "input[name='theme'][value='dark']").await;
    click(driver, "#settings-save").await;
    dark(driver).await;
    session.screenshot("dark").await;
    session.quit().await;

    let again = AppSession::start(&rig::bins::built("hark-app"), env).await;
    let driver = &again.driver;
    wait_for(driver, "#open-settings").await;
    dark(driver).await;
    click(driver, "#open-settings").await;
    let clean = wait_for(driver, "#settings-clean").await;
    assert!(!clean.is_selected().await.unwrap(), "cleanup stays off");
    again.quit().await;
}

/// The window follows the system's language (a Chinese locale here), and Settings
/// choose another that is kept; the app's errors come in the language chosen, with
/// the window's remedy (never a command to type).
#[tokio::test(flavor = "multi_thread")]
async fn the_window_speaks_the_language_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let keychain = rig::keychain::Keychain::start();
    let mut env = keychain.env();
    env.push((
        "HARK_DATA_DIR".into(),
        dir.path().join("data").display().to_string(),
    ));
    env.push(("LANG".into(), "zh_CN.UTF-8".into()));
    let session = AppSession::start(&rig::bins::built("hark-app"), env.clone()).await;
    let driver = &session.driver;
    lang_is(driver, "zh-CN").await;
    click(driver, "#open-settings").await;
    text_when(driver, "#settings-title", |t| t == "设置").await;
    let language = wait_for(driver, "#settings-language").await;
    let system = language.text().await.unwrap();
    assert!(system.contains("跟随系统（简体中文）"), "{system}");
    session.screenshot("settings-zh-CN").await;

    // An error of the app's, in Chinese: an account name that is taken.
    key(driver, "\u{e00c}").await; // Escape closes Settings
    gone(driver, "#settings").await;
    add_account_named(driver, "Sandbox").await;
    let error = text_when(driver, "#error-name", |t| !t.is_empty()).await;
    assert!(
        error.contains("已有名为“Sandbox”的账号") && error.contains("请给这个账号换一个名称"),
        "{error}"
    );
    assert!(!error.contains("hark "), "{error}");
    key(driver, "\u{e00c}").await; // Escape closes the form
    gone(driver, "#error-name").await;

    // English, chosen in Settings: kept after a restart, whatever the locale.
    click(driver, "#open-settings").await;
    let select = wait_for(driver, "#settings-language").await;
    thirtyfour::components::SelectElement::new(&select)
        .await
        .unwrap()
        .select_by_value("en")
        .await
        .unwrap();
    click(driver, "#settings-save").await;
    lang_is(driver, "en").await;
    session.quit().await;

    let again = AppSession::start(&rig::bins::built("hark-app"), env).await;
    let driver = &again.driver;
    lang_is(driver, "en").await;
    click(driver, "#open-settings").await;
    text_when(driver, "#settings-title", |t| t == "Settings").await;
    key(driver, "\u{e00c}").await; // Escape closes Settings
    gone(driver, "#settings").await;
    add_account_named(driver, "Sandbox").await;
    let error = text_when(driver, "#error-name", |t| !t.is_empty()).await;
    assert!(
        error.contains("An account named “Sandbox” already exists."),
        "{error}"
    );
    again.quit().await;
}

/// Waits until the page's language is `tag`.
async fn lang_is(driver: &WebDriver, tag: &str) {
    until_async(LIMIT, "the page's language", || async {
        let lang = driver
            .execute("return document.documentElement.lang;", vec![])
            .await
            .ok()?
            .json()
            .as_str()
            .map(str::to_owned)?;
        (lang == tag).then_some(())
    })
    .await;
}

/// Opens the account form and saves a Telegram account named `name` (refused before
/// any request when the name is taken).
async fn add_account_named(driver: &WebDriver, name: &str) {
    click(driver, "#add-account").await;
    let platform = wait_for(driver, "select#account-platform").await;
    thirtyfour::components::SelectElement::new(&platform)
        .await
        .unwrap()
        .select_by_value("telegram")
        .await
        .unwrap();
    type_into(driver, "#account-name", name).await;
    type_into(driver, "#field-bot_token", "123456:ABC-never-sent").await;
    click(driver, "#account-save").await;
}

/// Waits until the page wears the dark theme.
async fn dark(driver: &WebDriver) {
    until_async(LIMIT, "the dark theme", || async {
        let t = driver
            .execute("return document.documentElement.dataset.theme;", vec![])
            .await
            .ok()?;
        (t.json() == "dark").then_some(())
    })
    .await;
}
