//! The app says no before sending when a note cannot fit, and says why (with the fix)
//! when the platform refuses. Accounts are added with `hark profile add` beforehand:
//! the app and the command share the data folder and the keychain.

use rig::accounts::run;
use rig::desktop::page::{
    LIMIT, audio_advances, click, click_enabled, drop_file, focused_is, gone, key, plays,
    text_when, type_into, wait_for,
};
use rig::desktop::{AppSession, E2E_DROP_ENV};
use rig::fakes::{wechat, whatsapp};
use rig::keychain::Keychain;
use rig::media::sox_tone;
use rig::pulse::{Signal, VirtualMic};

#[tokio::test(flavor = "multi_thread")]
async fn a_note_too_long_for_wechat_cannot_be_sent_and_a_bad_token_is_explained() {
    let mut wx = wechat::Wechat::new("wx5f3e0c1d2b4a6978", "c0ffee-app-secret-3f9a");
    wx.follower("oXyZ_follower_0000000000001", 1);
    let wx = wechat::start(wx);
    let mut wa = whatsapp::Whatsapp::new("2222", "EAAJ-the-right-token-0000");
    wa.customer("447700900123", 1);
    let wa = whatsapp::start(wa);

    let keychain = Keychain::start();
    let dir = tempfile::tempdir().unwrap();
    // A sound server, for the preview's playback.
    let speaker = VirtualMic::start(Signal::Silence);
    let mut env = keychain.env();
    env.extend(speaker.env());
    env.push((
        "HARK_DATA_DIR".into(),
        dir.path().join("data").display().to_string(),
    ));
    for (platform, name, flags, secret) in [
        (
            "wechat",
            "Acme WeChat",
            vec!["--app-id", "wx5f3e0c1d2b4a6978", "--api-base", &wx.base],
            "c0ffee-app-secret-3f9a",
        ),
        (
            "whatsapp",
            "Old token",
            vec!["--phone-number-id", "2222", "--api-base", &wa.base],
            "EAAJ-revoked-token-9999",
        ),
    ] {
        let mut args = vec!["profile", "add", platform, "--name", name];
        args.extend(flags);
        let added = run(&args, &env, Some(secret));
        assert_eq!(added.code, 0, "{}", added.stderr);
    }
    let long = dir.path().join("long.wav");
    sox_tone(&long, 16_000, 1, 75.0, 440.0, &[]);
    let short = dir.path().join("short.wav");
    sox_tone(&short, 16_000, 1, 2.0, 440.0, &[]);

    env.push((E2E_DROP_ENV.into(), "1".into()));
    let session = AppSession::start(&rig::bins::built("hark-app"), env).await;
    let driver = &session.driver;

    // WeChat: a 75 s file. The preview says it is too long, with the fix, and Send
    // stays disabled.
    click(driver, "nav button[data-account='Acme WeChat']").await;
    type_into(driver, "input#to", "oXyZ_follower_0000000000001").await;
    drop_file(driver, &long).await;
    let failed = wait_for(driver, "li[data-check='duration'][data-level='fail']").await;
    let text = failed.text().await.unwrap();
    assert!(text.contains("audio_too_long"), "{text}");
    assert!(
        text.contains("Keep the part that fits (the first 1:00)") && !text.contains("hark "),
        "the fix names WeChat's limit, and no command: {text}"
    );
    assert_eq!(
        text_when(driver, "#clip-duration", |t| !t.is_empty()).await,
        "1:15"
    );
    assert!(!wait_for(driver, "#send").await.is_enabled().await.unwrap());
    session.screenshot("too-long").await;
    assert_eq!(wx.count("upload"), 0, "nothing was sent");

    // The fix, one click away: keep the first minute; now it can go.
    click(driver, "#trim").await;
    text_when(driver, "#clip-duration", |t| t == "1:00").await;
    text_when(driver, "#clip-format", |t| t.contains("AMR-NB")).await;
    // An AMR note plays too: Hark decodes it and the window plays the result.
    plays(driver).await;
    click_enabled(driver, "#send").await;
    let sent = text_when(driver, "#send-result", |t| t.contains("Sent to")).await;
    assert!(sent.contains("returns no message id"), "{sent}");
    assert_eq!(wx.state().delivered[0].duration_ms, 60_000);
    // Sent, it plays from the history: decoded once to a WAV in the data folder, which
    // the player reads a range at a time as it plays.
    click(driver, "#history-list button[aria-label^='Play']").await;
    audio_advances(driver, ".history audio", 0.3).await;
    let played: Vec<_> = std::fs::read_dir(dir.path().join("data/played"))
        .expect("the decoded notes' folder")
        .map(|e| e.unwrap().path())
        .collect();
    assert!(
        played.len() == 1 && played[0].extension().is_some_and(|e| e == "wav"),
        "the AMR note decoded once, to WAV: {played:?}"
    );

    // WhatsApp with a revoked token: the platform's refusal, in plain words.
    click(driver, "nav button[data-account='Old token']").await;
    type_into(driver, "input#to", "+44 7700 900123").await;
    drop_file(driver, &short).await;
    text_when(driver, "#clip-format", |t| t.contains("Ogg/Opus")).await;
    // The preview's keys, with the focus out of the To field: Space plays, Esc asks
    // before discarding (with the focus on the question; Esc again keeps the note),
    // Ctrl+Enter sends.
    wait_for(driver, "#send:not([disabled])").await;
    click(driver, "#clip-duration").await;
    key(driver, " ").await;
    wait_for(driver, "#play[aria-pressed='true']").await;
    key(driver, " ").await;
    wait_for(driver, "#play[aria-pressed='false']").await;
    key(driver, "\u{e00c}").await; // Escape
    let ask = text_when(driver, "#discard-question h2", |t| !t.is_empty()).await;
    assert_eq!(ask, "Discard this note?");
    focused_is(driver, "discard-confirm").await;
    key(driver, "\u{e00c}").await; // Escape again: keep it
    gone(driver, "#discard-question").await;
    wait_for(driver, "#preview").await;
    key(driver, "\u{e009}\u{e007}\u{e000}").await; // Ctrl+Enter
    let error = text_when(driver, "#send-error", |t| t.contains("invalid_token")).await;
    assert!(
        error.contains("did not accept this account's credentials"),
        "{error}"
    );
    // The remedy is a sentence and the control that does it, never a command.
    assert!(
        error.contains("paste it into the account") && !error.contains("hark "),
        "the remedy: {error}"
    );
    let fix = text_when(driver, "#send-fix", |t| !t.is_empty()).await;
    assert_eq!(fix, "Edit the account");
    assert!(error.contains("190"), "the platform's own code: {error}");
    assert!(
        driver.find(thirtyfour::By::Id("retry")).await.is_err(),
        "no Retry: it cannot help"
    );
    session.screenshot("send-error").await;
    let dot = text_when(driver, "nav button[data-account='Old token']", |t| {
        t.contains("attention")
    })
    .await;
    assert!(dot.contains("needs attention"), "{dot}");

    // The remedy, followed in the window: Edit the account opens the form with the
    // focus on the token; paste the new one (the form shows the old one only masked),
    // verify; then resend the failed note.
    click(driver, "#send-fix").await;
    focused_is(driver, "field-access_token").await;
    let placeholder = rig::wait::until_async(LIMIT, "the masked token", || async {
        let field = driver
            .find(thirtyfour::By::Id("field-access_token"))
            .await
            .ok()?;
        let shown = field.attr("placeholder").await.ok()??;
        (!shown.is_empty()).then_some(shown)
    })
    .await;
    assert!(placeholder.starts_with("••••9999"), "{placeholder}");
    type_into(driver, "#field-access_token", "EAAJ-the-right-token-0000").await;
    click(driver, "#account-save").await;
    text_when(driver, "#verified", |t| t.contains("Verified")).await;
    click(driver, ".dialog button[type='button']:not(.danger)").await;
    text_when(driver, "nav button[data-account='Old token']", |t| {
        t.contains("verified")
    })
    .await;
    click(driver, "#history-list li[data-state='failed'] .resend").await;
    let resent = text_when(driver, "#send-result", |t| t.contains("Message id")).await;
    assert!(resent.contains("447700900123"), "{resent}");
    assert_eq!(wa.state().delivered.len(), 1);

    // Removing an account asks first, then takes it (and its secret) away.
    click(driver, "button[aria-label='Edit Acme WeChat']").await;
    click(driver, ".dialog .danger").await;
    let ask = text_when(driver, ".dialog .actions", |t| {
        t.contains("Remove this account")
    })
    .await;
    assert!(ask.contains("and its secrets"), "{ask}");
    click(driver, ".dialog .actions .danger").await;
    rig::wait::until_async(LIMIT, "the account to leave the rail", || async {
        let gone = driver
            .find(thirtyfour::By::Css(
                "nav button[data-account='Acme WeChat']",
            ))
            .await
            .is_err();
        gone.then_some(())
    })
    .await;
    let (_, left) = keychain.secret_tool(&["search", "--all", "service", "hark"]);
    assert!(
        !left.contains("c0ffee-app-secret-3f9a"),
        "the WeChat secret is gone"
    );
    assert!(
        left.contains("EAAJ-the-right-token-0000"),
        "the other account's stays"
    );

    session.quit().await;
}
