//! Nothing is lost, and nothing goes twice, when the window closes mid-send: after a
//! restart the history shows the note kept on disk and, because the request to send
//! had gone out, as one the customer may already have: Send again asks first.

use std::time::Duration;

use rig::accounts::run;
use rig::desktop::page::{LIMIT, click, click_enabled, drop_file, text_when, type_into};
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
    let item = text_when(driver, "#history-list li[data-state='unknown']", |t| {
        t.contains("may already have this note")
    })
    .await;
    assert!(item.contains("42") && item.contains("Telegram"), "{item}");
    assert!(
        driver
            .find(thirtyfour::By::Css(
                "#history-list li[data-state='unknown'] .resend"
            ))
            .await
            .is_err(),
        "no plain Resend for a note the customer may have"
    );
    again.screenshot("send-unknown").await;
    // Send again asks first, and Esc keeps it unsent.
    click(driver, "#history-list li[data-state='unknown'] .send-again").await;
    let question = text_when(driver, "#send-again-question", |t| {
        t.contains("may already have it")
    })
    .await;
    assert!(
        question.contains("Check the conversation with 42"),
        "{question}"
    );
    // The focus is on the answer that sends nothing: an Enter pressed unread is safe.
    rig::desktop::page::focused_is(driver, "send-again-cancel").await;
    again.screenshot("send-again-question").await;
    rig::desktop::page::key(driver, "\u{e00c}").await;
    rig::desktop::page::gone(driver, "#send-again-question").await;
    let h = run(&["history", "--json"], &env, None);
    let h: Value = serde_json::from_str(&h.stdout).unwrap();
    let note = std::path::PathBuf::from(h["sends"][0]["note_path"].as_str().unwrap());
    assert!(note.is_file(), "the note is on disk: {}", note.display());
    assert_eq!(
        h["sends"].as_array().unwrap().len(),
        1,
        "nothing was sent again"
    );
    again.quit().await;
}
