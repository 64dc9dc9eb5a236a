//! Settings in the real window: the microphones listed, a live test meter fed by the
//! virtual microphone, cleanup and theme saved (and the dark theme applied).

use rig::desktop::AppSession;
use rig::desktop::page::{LIMIT, click, text_when, wait_for};
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
