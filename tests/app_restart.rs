//! Nothing is lost when the window closes mid-send: after a restart the history shows
//! the note as interrupted, kept on disk, with Resend.

use std::time::Duration;

use rig::accounts::run;
use rig::desktop::page::{LIMIT, click, click_enabled, drop_file, text_when, type_into, wait_for};
use rig::desktop::{AppSession, E2E_DROP_ENV};
use rig::keychain::Keychain;
use rig::media::sox_tone;
use rig::wait::until_async;
use serde_json::Value;

#[tokio::test(flavor = "multi_thread")]
async fn a_note_being_sent_when_the_window_closes_is_there_after_a_restart() {
    // A platform that takes the request and never answers.
    let hang = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", hang.local_addr().unwrap());
    std::thread::spawn(move || {
        let held: Vec<_> = hang.incoming().take(4).collect();
        std::thread::sleep(Duration::from_secs(60));
        drop(held);
    });

    let keychain = Keychain::start();
    let dir = tempfile::tempdir().unwrap();
    let mut env = keychain.env();
    env.push((
        "HARK_DATA_DIR".into(),
        dir.path().join("data").display().to_string(),
    ));
    let added = run(
        &[
            "profile",
            "add",
            "telegram",
            "--name",
            "Bot",
            "--api-base",
            &base,
        ],
        &env,
        Some("7000001:AAHk-restart-token-0001"),
    );
    assert_eq!(added.code, 0, "{}", added.stderr);
    let wav = dir.path().join("reply.wav");
    sox_tone(&wav, 16_000, 1, 2.0, 440.0, &[]);
    env.push((E2E_DROP_ENV.into(), "1".into()));

    let session = AppSession::start(&rig::bins::built("hark-app"), env.clone()).await;
    let driver = &session.driver;
    click(driver, "nav button[data-account='Bot']").await;
    type_into(driver, "input#to", "42").await;
    drop_file(driver, &wav).await;
    text_when(driver, "#clip-format", |t| t.contains("Ogg/Opus")).await;
    click_enabled(driver, "#send").await;
    // The send is under way (the platform holds it): the history says so.
    until_async(LIMIT, "the send to be under way", || async {
        let h = run(&["history", "--json"], &env, None);
        let h: Value = serde_json::from_str(&h.stdout).ok()?;
        (h["sends"][0]["state"] == "sending").then_some(())
    })
    .await;
    session.quit().await;

    let again = AppSession::start(&rig::bins::built("hark-app"), env.clone()).await;
    let driver = &again.driver;
    let item = text_when(driver, "#history-list li[data-state='interrupted']", |t| {
        t.contains("the note is kept")
    })
    .await;
    assert!(item.contains("42") && item.contains("Telegram"), "{item}");
    wait_for(driver, "#history-list li[data-state='interrupted'] .resend").await;
    let h = run(&["history", "--json"], &env, None);
    let h: Value = serde_json::from_str(&h.stdout).unwrap();
    let note = std::path::PathBuf::from(h["sends"][0]["note_path"].as_str().unwrap());
    assert!(note.is_file(), "the note is on disk: {}", note.display());
    again.screenshot("interrupted").await;
    again.quit().await;
}
