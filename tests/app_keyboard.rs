//! The window by keyboard alone, as an agent works all day: record, preview, discard;
//! record, preview, send; Enter on any other control does that control's job and never
//! sends; every dialog takes the focus, keeps Tab inside, closes on Esc and gives the
//! focus back. Real window (WebDriver), virtual microphone, the sandbox account.

use rig::accounts::run;
use rig::desktop::AppSession;
use rig::desktop::page::{
    LIMIT, audio_advances, focus_matches, focused_id, focused_is, gone, key, tab_to, text_when,
    type_into, wait_for,
};
use rig::pulse::{Signal, VirtualMic};
use rig::wait::until_async;
use serde_json::Value;
use thirtyfour::WebDriver;

const ENTER: &str = "\u{e007}";
const ESC: &str = "\u{e00c}";
const TAB: &str = "\u{e004}";
const CTRL_ENTER: &str = "\u{e009}\u{e007}\u{e000}";

#[tokio::test(flavor = "multi_thread")]
async fn by_keyboard_alone_discard_send_and_every_dialog_without_a_trap() {
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut env = mic.env();
    env.push(("HARK_DATA_DIR".into(), data.display().to_string()));
    let session = AppSession::start(&rig::bins::built("hark-app"), env.clone()).await;
    let driver = &session.driver;
    wait_for(
        driver,
        "nav button[data-account='Sandbox'][aria-current='true']",
    )
    .await;
    type_into(driver, "input#to", "Trainee").await;

    // Record, preview, discard: Tab to the record button, Enter starts and stops.
    tab_to(driver, "#record", false, 6).await;
    record_by_keyboard(driver).await;
    // The note is ready, with the focus on Play: the next Enter listens.
    focused_is(driver, "play").await;
    tab_to(driver, "#discard", false, 6).await;
    key(driver, ENTER).await;
    // The question, with the focus on its answer; nothing was sent.
    focused_is(driver, "discard-confirm").await;
    assert_eq!(sends(&env).len(), 0, "Enter on Discard sent nothing");
    // Esc keeps the note and gives the focus back.
    key(driver, ESC).await;
    gone(driver, "#discard-question").await;
    focused_is(driver, "discard").await;
    wait_for(driver, "#preview").await;
    // Esc asks again; Enter on the answer discards.
    key(driver, ESC).await;
    focused_is(driver, "discard-confirm").await;
    key(driver, ENTER).await;
    gone(driver, "#preview").await;
    focused_is(driver, "record").await;
    assert_eq!(sends(&env).len(), 0, "a discarded note is never sent");
    assert_eq!(
        entries(&data.join("drafts")),
        0,
        "a discarded note leaves nothing on disk"
    );

    // Record, preview, send: Ctrl+Enter, the chord shown on Send. First the preview's
    // player by keyboard: the seek bar's End goes to the end of the audio itself, and
    // the speed buttons set the player's rate.

    record_by_keyboard(driver).await;
    focused_is(driver, "play").await;
    // Looked at but not yet played, the note costs no media player: the player has no
    // source and has read nothing (WebKit makes its GStreamer pipeline for a source).
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let state = driver
        .execute(
            "const a = document.querySelector('#preview audio'); \
             return [a.hasAttribute('src'), a.readyState];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        state.json(),
        &serde_json::json!([false, 0]),
        "a note in the preview is not read before the agent goes for the player"
    );
    tab_to(driver, "#seek", false, 3).await;
    key(driver, "\u{e010}").await; // End
    until_async(LIMIT, "the player to follow the seek bar", || async {
        let v = driver
            .execute(
                "const a = document.querySelector('#preview audio'); \
                 return [a.currentTime, Number(document.querySelector('#seek').value), \
                         Number(document.querySelector('#seek').max)];",
                vec![],
            )
            .await
            .ok()?;
        let v = v.json();
        let (at, slider, max) = (v[0].as_f64()?, v[1].as_f64()?, v[2].as_f64()?);
        (slider == max && (at - slider).abs() < 0.05).then_some(())
    })
    .await;
    tab_to(driver, "button[data-speed='2']", false, 6).await;
    key(driver, ENTER).await;
    wait_for(driver, "button[data-speed='2'][aria-pressed='true']").await;
    let rate = driver
        .execute(
            "return document.querySelector('#preview audio').playbackRate;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(rate.json().as_f64(), Some(2.0));
    let chord = text_when(driver, "#send kbd", |t| !t.is_empty()).await;
    assert_eq!(chord, "Ctrl+Enter");
    key(driver, CTRL_ENTER).await;
    let sent = text_when(driver, "#send-result", |t| t.contains("Sent to")).await;
    assert!(sent.contains("Trainee"), "{sent}");
    assert_eq!(sends(&env).len(), 1);

    // With a new note in the preview, Enter on the history's ▶ plays that note and
    // sends nothing; Enter on Play plays.
    record_by_keyboard(driver).await;
    tab_to(
        driver,
        "#history-list button[aria-label^='Play']",
        false,
        12,
    )
    .await;
    key(driver, ENTER).await;
    audio_advances(driver, ".history audio", 0.2).await;
    wait_for(driver, "#preview").await;
    assert_eq!(sends(&env).len(), 1, "Enter on ▶ sent nothing");

    // Every dialog: focus inside at once, Tab stays inside, Esc closes, the focus goes
    // back to the button that opened it.
    for (opener, dialog) in [
        ("#open-settings", "#settings"),
        ("#add-account", "#account-form"),
        ("#open-inbox", "#inbox"),
    ] {
        tab_to(driver, opener, true, 30).await;
        key(driver, ENTER).await;
        wait_for(driver, &format!("dialog{dialog}[open]")).await;
        until_async(LIMIT, "the focus to enter the dialog", || async {
            focus_matches(driver, &format!("{dialog} *"))
                .await
                .then_some(())
        })
        .await;
        for step in 0..14 {
            key(driver, TAB).await;
            assert!(
                focus_matches(driver, &format!("{dialog} *")).await,
                "Tab {step} left {dialog}: the focus is on #{}",
                focused_id(driver).await
            );
        }
        key(driver, ESC).await;
        gone(driver, &format!("dialog{dialog}")).await;
        until_async(LIMIT, "the focus to go back", || async {
            focus_matches(driver, opener).await.then_some(())
        })
        .await;
        // Esc closed the dialog and did nothing else: the note is still there.
        wait_for(driver, "#preview").await;
    }
    session.screenshot("keyboard-preview").await;
    session.quit().await;
}

/// Enter on the focused record button starts a take; once a second is recorded, Enter
/// (the focus is still on the button, now Stop) ends it and the preview opens.
async fn record_by_keyboard(driver: &WebDriver) {
    focused_is(driver, "record").await;
    key(driver, ENTER).await;
    wait_for(driver, "#record[aria-pressed='true']").await;
    text_when(driver, "#timer", |t| !t.starts_with("0:00")).await;
    focused_is(driver, "record").await;
    key(driver, ENTER).await;
    wait_for(driver, "#preview").await;
}

fn sends(env: &rig::Env) -> Vec<Value> {
    let h = run(&["history", "--json"], env, None);
    let h: Value = serde_json::from_str(&h.stdout).expect("history as JSON");
    h["sends"].as_array().cloned().unwrap_or_default()
}

fn entries(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}
