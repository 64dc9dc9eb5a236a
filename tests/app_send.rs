//! The app end to end: the real window (WebDriver), the real keychain, a virtual
//! microphone, the strict WhatsApp fake. A first run sends a dropped file to the
//! sandbox and hears it in the inbox; then an agent adds a WhatsApp account, verifies
//! it, records 3 s, previews and sends the note, and finds it in the history with its
//! message id.

use rig::desktop::AppSession;
use rig::desktop::page::{click, click_enabled, drop_file, plays, text_when, type_into, wait_for};
use rig::fakes::whatsapp::{self, Whatsapp};
use rig::keychain::Keychain;
use rig::media::sox_tone;
use rig::pulse::{Signal, VirtualMic};
use thirtyfour::prelude::*;

const TOKEN: &str = "EAAJ-app-e2e-system-user-token-3f9a";
const NUMBER_ID: &str = "106540352242922";

#[tokio::test(flavor = "multi_thread")]
async fn first_run_sandbox_then_a_whatsapp_account_add_verify_record_preview_send_history() {
    let mut state = Whatsapp::new(NUMBER_ID, TOKEN);
    state.customer("447700900123", 1);
    let fake = whatsapp::start(state);
    let keychain = Keychain::start();
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("reply.wav");
    sox_tone(&wav, 44_100, 2, 3.0, 440.0, &[]);
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    let mut env = keychain.env();
    env.extend(mic.env());
    env.push((
        "HARK_DATA_DIR".into(),
        dir.path().join("data").display().to_string(),
    ));
    env.push((rig::desktop::E2E_DROP_ENV.into(), "1".into()));
    let session = AppSession::start(&rig::bins::built("hark-app"), env).await;
    let driver = &session.driver;

    // First run: the sandbox is selected; a dropped file is previewed and sent.
    wait_for(
        driver,
        "nav button[data-account='Sandbox'][aria-current='true']",
    )
    .await;
    type_into(driver, "input#to", "Trainee").await;
    drop_file(driver, &wav).await;
    let duration = text_when(driver, "#clip-duration", |t| !t.is_empty()).await;
    assert_eq!(duration, "0:03");
    click_enabled(driver, "#send").await;
    let sent = text_when(driver, "#send-result", |t| t.contains("Sent to")).await;
    assert!(sent.contains("Trainee"), "{sent}");
    click(driver, "#open-inbox").await;
    let inbox = text_when(driver, "#inbox-list", |t| t.contains("Trainee")).await;
    assert!(inbox.contains("0:03"), "{inbox}");
    // The delivered note plays, as the customer would hear it.
    click(driver, "[aria-label='Play the voice note to Trainee']").await;
    rig::desktop::page::audio_advances(driver, ".phone audio", 0.3).await;
    session.screenshot("sandbox-inbox").await;
    driver
        .find(By::Css("[aria-label='Close the sandbox inbox']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();

    // Add a WhatsApp Cloud account; Save and verify makes a real call to the fake.
    click(driver, "#add-account").await;
    let platform = wait_for(driver, "select#account-platform").await;
    thirtyfour::components::SelectElement::new(&platform)
        .await
        .unwrap()
        .select_by_value("whatsapp")
        .await
        .unwrap();
    type_into(driver, "#account-name", "Support line").await;
    type_into(driver, "#field-api_base", &fake.base).await;
    type_into(driver, "#field-phone_number_id", NUMBER_ID).await;
    type_into(driver, "#field-access_token", TOKEN).await;
    session.screenshot("account-form").await;
    click(driver, "#account-save").await;
    let verified = text_when(driver, "#verified", |t| t.contains("Verified")).await;
    assert!(
        verified.contains("+1 555-0100 (Acme Support)"),
        "{verified}"
    );
    // The secret is write-only: the form shows it masked, never the value.
    let secret = wait_for(driver, "#field-access_token").await;
    assert_eq!(secret.value().await.unwrap().unwrap_or_default(), "");
    let placeholder = secret
        .attr("placeholder")
        .await
        .unwrap()
        .unwrap_or_default();
    assert!(placeholder.starts_with("••••3f9a"), "{placeholder}");
    let page = driver.source().await.unwrap();
    assert!(!page.contains(TOKEN), "the token never reaches the page");
    session.screenshot("account-verified").await;
    click(driver, ".dialog button[type='button']:not(.danger)").await;

    // Selected, verified; the To field speaks WhatsApp.
    wait_for(
        driver,
        "nav button[data-account='Support line'][aria-current='true']",
    )
    .await;
    let status = text_when(driver, "nav button[data-account='Support line']", |t| {
        t.contains("verified")
    })
    .await;
    assert!(status.contains("verified"), "{status}");
    type_into(driver, "input#to", "+44 7700 900123").await;

    // Record 3 s from the microphone: a live timer against no limit, a size estimate;
    // Stop, and the note (encoded while recording) is in the preview at once.
    // Started from the global shortcut, as from another program in front.
    wait_for(driver, "#record:not([disabled])").await;
    session.display().press("ctrl+shift+space");
    wait_for(driver, "#record[aria-pressed='true']").await;
    // The virtual microphone delivers sound in bursts: wait for recorded time.
    // The virtual microphone delivers sound in bursts of about 2 s, so the timer may
    // jump past 0:03: wait for at least 3 s of recorded time.
    let shown = text_when(driver, "#timer", |t| seconds(t) >= 3).await;
    let estimate = text_when(driver, "#size-estimate", |t| t.contains("KB")).await;
    assert!(estimate.contains("of 16 MB"), "{estimate}");
    session.screenshot("recording").await;
    click(driver, "#stop").await;
    text_when(driver, "#clip-format", |t| t.contains("Ogg/Opus")).await;
    let duration = text_when(driver, "#clip-duration", |t| !t.is_empty()).await;
    assert!(
        seconds(&duration) >= 3 && seconds(&duration).abs_diff(seconds(&shown)) <= 2,
        "the note is as long as the timer said ({shown}): {duration}"
    );
    let checks = text_when(driver, "ul[aria-label='Checks for WhatsApp']", |t| {
        !t.is_empty()
    })
    .await;
    assert!(!checks.contains('✗'), "{checks}");
    // Hear it: the encoded note, decoded back, plays in the window.
    plays(driver).await;
    session.screenshot("preview").await;

    // Send: the fake receives a valid Ogg/Opus voice note; the receipt is shown.
    click_enabled(driver, "#send").await;
    let result = text_when(driver, "#send-result", |t| t.contains("Message id")).await;
    let delivered = fake.state().delivered.clone();
    assert_eq!(delivered.len(), 1);
    assert!(delivered[0].voice, "sent with voice: true");
    assert_eq!(delivered[0].to, "447700900123");
    let message_id = driver
        .find(By::Id("message-id"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(message_id.starts_with("wamid."), "{result}");
    session.screenshot("sent").await;

    // The history lists it, sent, with the message id.
    let first = text_when(driver, "#history-list li[data-state='sent']", |t| {
        t.contains("447700900123")
    })
    .await;
    assert!(first.contains("WhatsApp · Support line"), "{first}");
    let id = wait_for(driver, "#history-list li[data-state='sent'] .id").await;
    assert_eq!(
        id.attr("title").await.unwrap().as_deref(),
        Some(message_id.as_str())
    );

    session.quit().await;
}

/// Seconds of a clock reading like "0:04" (or "0:04 / 1:00").
fn seconds(clock: &str) -> u64 {
    let first = clock.split_whitespace().next().unwrap_or("");
    let (m, s) = first.split_once(':').unwrap_or(("0", "0"));
    m.parse::<u64>().unwrap_or(0) * 60 + s.parse::<u64>().unwrap_or(0)
}
