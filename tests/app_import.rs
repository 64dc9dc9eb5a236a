//! Long work shows progress and can be cancelled: a 10-minute file dropped on the
//! window says how far it got, Record waits for it, and Cancel stops it and leaves
//! nothing behind. Audio from a link, typed in "Paste a link", pasted on the window or
//! dropped on it, from a real file server. Real window, the sandbox account.

use rig::desktop::page::{click, focused_is, gone, key, plays, text_when, type_into, wait_for};
use rig::desktop::{AppSession, E2E_DROP_ENV};
use rig::media::sox_tone;

#[tokio::test(flavor = "multi_thread")]
async fn a_long_import_shows_its_progress_blocks_recording_and_can_be_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let long = dir.path().join("ten-minutes.wav");
    sox_tone(&long, 44_100, 2, 600.0, 440.0, &[]);
    let env = vec![
        ("HARK_DATA_DIR".to_string(), data.display().to_string()),
        (E2E_DROP_ENV.to_string(), "1".to_string()),
    ];
    let session = AppSession::start(&rig::bins::built("hark-app"), env).await;
    let driver = &session.driver;
    wait_for(driver, "#record:not([disabled])").await;

    // The page may import only what the person chose: a path it names itself is
    // refused, before anything is read.
    let named = dir.path().join("never-chosen.wav");
    sox_tone(&named, 16_000, 1, 1.0, 440.0, &[]);
    let refused = rig::desktop::page::import_named(driver, &named.display().to_string()).await;
    assert_eq!(refused, "file_not_chosen");

    rig::desktop::page::drop_file(driver, &long).await;
    // Reading, then making the note, with a percentage.
    let status = text_when(driver, "#import-status", |t| t.contains("Making the note…")).await;
    assert!(status.contains('%'), "{status}");
    session.screenshot("import-progress").await;
    // Record waits for the file, and says why.
    wait_for(driver, "#record[disabled]").await;
    let reason = text_when(driver, "#record-reason", |t| !t.is_empty()).await;
    assert!(reason.contains("Wait until the file is ready"), "{reason}");

    click(driver, "#import-cancel").await;
    gone(driver, "#import-status").await;
    wait_for(driver, "#record:not([disabled])").await;
    assert!(
        driver
            .find(thirtyfour::By::Css("#preview, #import-error"))
            .await
            .is_err(),
        "cancelled: no preview and no error"
    );
    let drafts = std::fs::read_dir(data.join("drafts"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(drafts, 0, "a cancelled import leaves nothing behind");
    assert!(long.is_file(), "the agent's file stays");
    session.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn audio_from_a_link_typed_or_pasted_comes_into_the_preview_and_a_bad_one_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let served = dir.path().join("served");
    std::fs::create_dir_all(&served).unwrap();
    sox_tone(&served.join("reply.wav"), 44_100, 1, 2.0, 440.0, &[]);
    std::fs::write(served.join("page.html"), "<!DOCTYPE html><p>Not audio</p>").unwrap();
    let (_server, base) = rig::file_server::file_server(&served);
    std::fs::copy(served.join("reply.wav"), served.join("a reply.wav")).unwrap();
    let env = vec![
        ("HARK_DATA_DIR".to_string(), data.display().to_string()),
        (E2E_DROP_ENV.to_string(), "1".to_string()),
    ];
    let session = AppSession::start(&rig::bins::built("hark-app"), env).await;
    let driver = &session.driver;
    wait_for(driver, "#record:not([disabled])").await;

    // "Paste a link" asks for it, the focus in the field; what is not a link is said
    // there, and the dialog stays.
    click(driver, "#paste-link").await;
    wait_for(driver, "dialog#link-dialog").await;
    focused_is(driver, "link-url").await;
    type_into(driver, "#link-url", "reply.wav").await;
    key(driver, "\u{e007}").await;
    let problem = text_when(driver, "#link-problem", |t| !t.is_empty()).await;
    assert!(problem.contains("https://"), "{problem}");
    focused_is(driver, "link-url").await;
    session.screenshot("link-dialog").await;

    // A page, not audio: the import says why, with what to do.
    type_into(driver, "#link-url", &format!("{base}/page.html")).await;
    key(driver, "\u{e007}").await;
    gone(driver, "dialog#link-dialog").await;
    let error = text_when(driver, "#import-error", |t| !t.is_empty()).await;
    assert!(error.contains("not audio"), "{error}");
    assert!(error.contains("opens in a browser"), "{error}");

    // Esc closes the dialog and leaves things as they were.
    click(driver, "#paste-link").await;
    wait_for(driver, "dialog#link-dialog").await;
    key(driver, "\u{e00c}").await;
    gone(driver, "dialog#link-dialog").await;
    focused_is(driver, "paste-link").await;

    // A signed link, typed: its audio comes into the preview; the signature is kept
    // nowhere.
    click(driver, "#paste-link").await;
    type_into(
        driver,
        "#link-url",
        &format!("{base}/reply.wav?X-Amz-Signature=s3cr3t-sig"),
    )
    .await;
    click(driver, "#link-fetch").await;
    text_when(driver, "#clip-format", |t| t.contains("Ogg/Opus")).await;
    plays(driver).await;
    let drafts = std::fs::read_dir(data.join("drafts")).unwrap();
    let mut named = Vec::new();
    for draft in drafts.filter_map(Result::ok) {
        let info = std::fs::read_to_string(draft.path().join("draft.json")).unwrap();
        assert!(!info.contains("s3cr3t"), "{info}");
        named.push(info);
    }
    assert!(
        named
            .iter()
            .any(|i| i.contains(&format!("{base}/reply.wav\""))),
        "{named:?}"
    );

    // A link pasted on the window (not in a field) does the same.
    click(driver, "#discard").await;
    click(driver, "#discard-confirm").await;
    gone(driver, "#preview").await;
    driver
        .execute(
            "const data = new DataTransfer(); data.setData('text/plain', arguments[0]); \
             document.body.dispatchEvent(new ClipboardEvent('paste', \
               { clipboardData: data, bubbles: true, cancelable: true }));",
            vec![serde_json::json!(format!("{base}/reply.wav"))],
        )
        .await
        .unwrap();
    text_when(driver, "#clip-format", |t| t.contains("Ogg/Opus")).await;

    // A link dragged from a browser and dropped on the window does the same, its name
    // with a blank in it as the window hands it over (escapes undone).
    click(driver, "#discard").await;
    click(driver, "#discard-confirm").await;
    gone(driver, "#preview").await;
    rig::desktop::page::drop_link(driver, &format!("{base}/a reply.wav")).await;
    text_when(driver, "#clip-format", |t| t.contains("Ogg/Opus")).await;
    plays(driver).await;
    // A dropped link is not a file the page may then import by that name.
    let refused = rig::desktop::page::import_named(driver, &format!("{base}/a reply.wav")).await;
    assert_eq!(refused, "file_not_chosen");

    // A link whose file has the name of one of the draft's own stands in for none.
    std::fs::copy(served.join("reply.wav"), served.join("draft.json")).unwrap();
    click(driver, "#discard").await;
    click(driver, "#discard-confirm").await;
    gone(driver, "#preview").await;
    click(driver, "#paste-link").await;
    type_into(driver, "#link-url", &format!("{base}/draft.json")).await;
    key(driver, "\u{e007}").await;
    text_when(driver, "#clip-format", |t| t.contains("Ogg/Opus")).await;
    plays(driver).await;
    session.quit().await;
}
