//! The app as it ships (built without the `e2e` feature, `hark-app-shipped` from
//! scripts/test) has none of the test builds' switches: started with `HARK_E2E_DROP`,
//! its page still cannot deliver a file drop, close or size its window, and cannot have
//! a file imported that the person did not choose.

use rig::desktop::AppSession;
use rig::desktop::page::wait_for;
use rig::media::sox_tone;

#[tokio::test(flavor = "multi_thread")]
async fn the_shipped_app_lets_the_page_drop_nothing_and_import_nothing_unchosen() {
    let dir = tempfile::tempdir().unwrap();
    let wav = dir.path().join("reply.wav");
    sox_tone(&wav, 16_000, 1, 1.0, 440.0, &[]);
    let env = vec![
        (
            "HARK_DATA_DIR".to_string(),
            dir.path().join("data").display().to_string(),
        ),
        (rig::desktop::E2E_DROP_ENV.to_string(), "1".to_string()),
    ];
    let session = AppSession::start(&rig::bins::built("hark-app-shipped"), env).await;
    let driver = &session.driver;
    wait_for(driver, "#record:not([disabled])").await;
    let path = serde_json::json!(wav.display().to_string());

    let call = |script: &'static str| {
        let path = path.clone();
        async move {
            driver
                .execute_async(script, vec![path])
                .await
                .expect("the script runs")
                .json()
                .clone()
        }
    };
    // The page-emitted drop is refused: no capability grants it.
    let dropped = call(
        r#"
        const [path, done] = arguments;
        window.__TAURI_INTERNALS__.invoke("plugin:event|emit_to", {
            target: { kind: "AnyLabel", label: "main" },
            event: "tauri://drag-drop",
            payload: { paths: [path], position: { x: 400, y: 300 } },
        }).then(() => done("delivered"), (e) => done("refused: " + String(e)));
        "#,
    )
    .await;
    assert!(
        dropped.as_str().is_some_and(|r| r.starts_with("refused")),
        "{dropped}"
    );
    for (command, args) in [
        (
            "plugin:window|close",
            serde_json::json!({ "label": "main" }),
        ),
        (
            "plugin:window|set_size",
            serde_json::json!({ "label": "main", "value": { "Logical": { "width": 500, "height": 400 } } }),
        ),
    ] {
        let answer = driver
            .execute_async(
                r#"
                const [command, args, done] = arguments;
                window.__TAURI_INTERNALS__.invoke(command, args)
                    .then(() => done("done"), (e) => done("refused: " + String(e)));
                "#,
                vec![serde_json::json!(command), args],
            )
            .await
            .expect("the script runs")
            .json()
            .clone();
        assert!(
            answer.as_str().is_some_and(|r| r.starts_with("refused")),
            "{command}: {answer}"
        );
    }
    // And a path the page names is not imported.
    let imported = rig::desktop::page::import_named(driver, path.as_str().unwrap()).await;
    assert_eq!(imported, "file_not_chosen");
    session.quit().await;
}
