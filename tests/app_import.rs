//! Long work shows progress and can be cancelled: a 10-minute file dropped on the
//! window says how far it got, Record waits for it, and Cancel stops it and leaves
//! nothing behind. Real window, the sandbox account.

use rig::desktop::page::{click, gone, text_when, wait_for};
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
    let refused = driver
        .execute_async(
            r#"
            const [path, done] = arguments;
            const internals = window.__TAURI_INTERNALS__;
            const channel = "__CHANNEL__:" + internals.transformCallback(() => {});
            internals.invoke("import_clip", { path, platform: "sandbox", trim: false, onProgress: channel })
                .then(() => done("imported"), (e) => done(e.code ?? String(e)));
            "#,
            vec![serde_json::json!(named.display().to_string())],
        )
        .await
        .unwrap();
    assert_eq!(refused.json(), "file_not_chosen");

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
