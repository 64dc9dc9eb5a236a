//! Files opened with Hark, and one window for many launches: `hark-app FILE` puts the
//! file in the preview; a second launch with a file (what "Open with Hark" does while
//! Hark runs) hands it to the running window and ends, opening no second window; the
//! window's size comes back at the next start. Real window, real session bus.

use std::process::{Command, Stdio};
use std::time::Duration;

use rig::desktop::page::{close_window, text_when, wait_for};
use rig::desktop::{AppSession, E2E_DROP_ENV, wait_app_gone};
use rig::keychain::Keychain;
use rig::media::sox_tone;
use rig::process::run_with_limit;

#[tokio::test(flavor = "multi_thread")]
async fn a_file_on_the_command_line_and_one_from_a_second_launch_land_in_the_one_window() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let first = dir.path().join("first reply.wav");
    let second = dir.path().join("second.m4a");
    sox_tone(&first, 16_000, 1, 3.0, 440.0, &[]);
    sox_tone(&dir.path().join("second.wav"), 44_100, 2, 5.0, 330.0, &[]);
    rig::media::ffmpeg(&dir.path().join("second.wav"), &["-c:a", "aac"], &second);
    // The single-instance lock lives on the session bus (the keychain's bus here).
    let bus = Keychain::start();
    let mut env = bus.env();
    env.push(("HARK_DATA_DIR".into(), data.display().to_string()));

    let app = rig::bins::built("hark-app");
    let session =
        AppSession::start_with_args(&app, env.clone(), &[first.display().to_string()]).await;
    let driver = &session.driver;
    let shown = text_when(driver, "#clip-duration", |t| t == "0:03").await;
    assert_eq!(
        shown, "0:03",
        "the file named on the command line is in the preview"
    );

    // A second launch, from another folder, with a relative name: it hands the file
    // over and ends at once (successfully), and the running window shows it.
    let second_launch = run_with_limit(
        Command::new(&app)
            .arg("second.m4a")
            .current_dir(dir.path())
            .envs(env.clone())
            .env("DISPLAY", session.display().name())
            .stdin(Stdio::null()),
        Duration::from_secs(60),
    );
    assert!(
        second_launch.status.success(),
        "the second launch ends well: {}",
        String::from_utf8_lossy(&second_launch.stderr)
    );
    let shown = text_when(driver, "#clip-duration", |t| t == "0:05").await;
    assert_eq!(
        shown, "0:05",
        "the second launch's file replaced the preview"
    );
    let format = text_when(driver, "#clip-format", |t| !t.is_empty()).await;
    assert!(!format.is_empty());
    assert_eq!(
        rig::desktop::app_pids(&data).len(),
        1,
        "one Hark runs for the data folder"
    );
    assert_eq!(
        session.display().windows_titled("Hark").len(),
        1,
        "one window is shown"
    );
    session.screenshot("open-second-launch").await;
    session.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_window_comes_back_at_the_size_it_was_left() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let env = vec![
        ("HARK_DATA_DIR".to_string(), data.display().to_string()),
        (E2E_DROP_ENV.to_string(), "1".to_string()),
    ];
    let app = rig::bins::built("hark-app");
    let inner_size = |driver: &thirtyfour::WebDriver| {
        let driver = driver.clone();
        async move {
            let size = driver
                .execute("return [window.innerWidth, window.innerHeight];", vec![])
                .await
                .expect("read the size")
                .json()
                .clone();
            (size[0].as_u64().unwrap(), size[1].as_u64().unwrap())
        }
    };

    let session = AppSession::start(&app, env.clone()).await;
    let driver = &session.driver;
    wait_for(driver, "#record:not([disabled])").await;
    assert_eq!(
        inner_size(driver).await,
        (1280, 800),
        "a first start is 1280×800"
    );
    driver
        .execute(
            r#"return window.__TAURI_INTERNALS__.invoke("plugin:window|set_size",
                 { label: "main", value: { Logical: { width: 1040, height: 690 } } });"#,
            vec![],
        )
        .await
        .expect("size the window");
    rig::wait::until_async(
        Duration::from_secs(30),
        "the window to take its new size",
        || async { (inner_size(driver).await == (1040, 690)).then_some(()) },
    )
    .await;
    // Closed as a person closes it (nothing unfinished: it closes at once).
    close_window(driver).await;
    wait_app_gone(&data);
    session.quit().await;
    assert!(
        data.join("window-state.json").is_file(),
        "kept in the data folder"
    );

    let session = AppSession::start(&app, env).await;
    let driver = &session.driver;
    wait_for(driver, "#record:not([disabled])").await;
    assert_eq!(
        inner_size(driver).await,
        (1040, 690),
        "the size it was left at"
    );
    session.quit().await;
}
