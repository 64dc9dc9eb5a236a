//! Nothing recorded is lost: a take cut off by a crash, a note left in the preview by a
//! crash, and one left there when the agent closed the window are all offered back at
//! the next start; closing with work in the window asks first. And a note follows the
//! account: switching account makes it again for that platform, from its source.

use std::path::Path;

use rig::accounts::run;
use rig::desktop::page::{
    LIMIT, click, click_enabled, close_window, drop_file, focused_is, gone, key, plays, text_when,
    type_into, wait_for,
};
use rig::desktop::{AppSession, E2E_DROP_ENV, kill_app, wait_app_gone};
use rig::keychain::Keychain;
use rig::media::sox_tone;
use rig::pulse::{Signal, VirtualMic};
use rig::wait::until_async;
use thirtyfour::WebDriver;

const ENTER: &str = "\u{e007}";
const ESC: &str = "\u{e00c}";

struct Setup {
    _mic: VirtualMic,
    _dir: tempfile::TempDir,
    data: std::path::PathBuf,
    scratch: std::path::PathBuf,
    env: rig::Env,
}

fn setup(extra: rig::Env) -> Setup {
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut env = mic.env();
    env.extend(extra);
    env.push(("HARK_DATA_DIR".into(), data.display().to_string()));
    env.push((E2E_DROP_ENV.into(), "1".into()));
    Setup {
        _mic: mic,
        scratch: dir.path().to_path_buf(),
        _dir: dir,
        data,
        env,
    }
}

async fn open(s: &Setup) -> AppSession {
    AppSession::start(&rig::bins::built("hark-app"), s.env.clone()).await
}

/// Records until the timer shows at least `secs` seconds (recorded time).
async fn record(driver: &WebDriver, secs: u32) {
    click_enabled(driver, "#record").await;
    wait_for(driver, "#record[aria-pressed='true']").await;
    text_when(driver, "#timer", |t| {
        let shown = t.split('/').next().unwrap_or("").trim();
        let (m, s) = shown.split_once(':').unwrap_or(("0", "0"));
        m.parse::<u32>().unwrap_or(0) * 60 + s.parse::<u32>().unwrap_or(0) >= secs
    })
    .await;
}

/// The recovered notes offered, as (kind, text).
async fn offered(driver: &WebDriver) -> Vec<(String, String)> {
    let list = wait_for(driver, "#recovered").await;
    let mut out = Vec::new();
    for item in list
        .find_all(thirtyfour::By::Css("li"))
        .await
        .expect("the recovered notes")
    {
        out.push((
            item.attr("data-kind").await.unwrap().unwrap_or_default(),
            item.text().await.unwrap(),
        ));
    }
    out
}

/// Discards the note in the preview: Discard, then Enter on the question.
async fn discard(driver: &WebDriver) {
    click(driver, "#discard").await;
    key(driver, ENTER).await;
    gone(driver, "#preview").await;
}

fn seconds(clock: &str) -> u32 {
    let (m, s) = clock.split_once(':').expect("m:ss");
    m.parse::<u32>().unwrap() * 60 + s.parse::<u32>().unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_take_or_a_note_cut_off_by_a_crash_is_offered_back_after_a_restart() {
    let s = setup(Vec::new());

    // Killed mid-take, once the spool on disk holds 2 s (the virtual microphone
    // delivers in bursts; the spool reaches the disk every half second of wall time).
    let app = open(&s).await;
    record(&app.driver, 2).await;
    rig::wait::until(LIMIT, "2 s of the take on disk", || {
        (spooled_secs(&s.data.join("spool")) >= 2.0).then_some(())
    });
    kill_app(&s.data);
    app.quit().await;

    let app = open(&s).await;
    let driver = &app.driver;
    let found = offered(driver).await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "interrupted");
    assert!(
        found[0].1.starts_with("Recovered: 0:0") && found[0].1.contains("recorded at"),
        "{found:?}"
    );
    app.screenshot("recovered").await;
    click(driver, "#recovered .keep").await;
    let duration = text_when(driver, "#clip-duration", |t| !t.is_empty()).await;
    assert!(seconds(&duration) >= 2, "the take is whole: {duration}");
    text_when(driver, "#clip-format", |t| t.contains("Ogg/Opus")).await;
    plays(driver).await;
    gone(driver, "#recovered").await;
    assert_eq!(
        entries(&s.data.join("spool")),
        0,
        "the take left the spool once it was a draft"
    );

    // Killed with the note in the preview: the draft is offered back.
    kill_app(&s.data);
    app.quit().await;
    let app = open(&s).await;
    let driver = &app.driver;
    let found = offered(driver).await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "recorded", "{found:?}");
    // Discard asks first; Esc keeps it.
    click(driver, "#recovered .discard").await;
    focused_is(driver, "discard-recovered-confirm").await;
    key(driver, ESC).await;
    gone(driver, "#discard-recovered-question").await;
    click(driver, "#recovered .keep").await;
    let again = text_when(driver, "#clip-duration", |t| !t.is_empty()).await;
    assert_eq!(again, duration, "the same note");
    type_into(driver, "input#to", "Trainee").await;
    click_enabled(driver, "#send").await;
    text_when(driver, "#send-result", |t| t.contains("Sent to")).await;
    app.quit().await;

    // Sent: nothing is offered any more.
    let app = open(&s).await;
    let driver = &app.driver;
    wait_for(
        driver,
        "nav button[data-account='Sandbox'][aria-current='true']",
    )
    .await;
    wait_for(driver, "#record:not([disabled])").await;
    assert!(
        driver
            .find(thirtyfour::By::Css("#recovered"))
            .await
            .is_err(),
        "a sent note is not offered back"
    );
    assert_eq!(entries(&s.data.join("drafts")), 0);
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn closing_with_a_recording_or_an_unsent_note_asks_and_keeps_it() {
    let s = setup(Vec::new());
    let wav = s.scratch.join("reply.wav");
    sox_tone(&wav, 16_000, 1, 2.0, 440.0, &[]);

    // An unsent note in the preview: closing asks; Esc stays.
    let app = open(&s).await;
    let driver = &app.driver;
    wait_for(driver, "#record:not([disabled])").await;
    drop_file(driver, &wav).await;
    text_when(driver, "#clip-format", |t| t.contains("Ogg/Opus")).await;
    close_window(driver).await;
    let ask = text_when(driver, "#quit-question", |t| !t.is_empty()).await;
    assert!(ask.contains("The note in the preview is kept"), "{ask}");
    focused_is(driver, "quit-confirm").await;
    app.screenshot("quit-question").await;
    key(driver, ESC).await;
    gone(driver, "#quit-question").await;
    wait_for(driver, "#preview").await;
    assert!(!rig::desktop::app_pids(&s.data).is_empty(), "still open");

    // Recording: closing asks; "Keep it and quit" stops the take, keeps it, quits.
    discard(driver).await;
    record(driver, 2).await;
    close_window(driver).await;
    let ask = text_when(driver, "#quit-question", |t| !t.is_empty()).await;
    assert!(ask.contains("The recording is stopped and kept"), "{ask}");
    focused_is(driver, "quit-confirm").await;
    key(driver, ENTER).await;
    wait_app_gone(&s.data);
    app.quit().await;

    let app = open(&s).await;
    let driver = &app.driver;
    let found = offered(driver).await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "recorded", "{found:?}");
    click(driver, "#recovered .keep").await;
    let duration = text_when(driver, "#clip-duration", |t| !t.is_empty()).await;
    assert!(seconds(&duration) >= 2, "{duration}");
    assert_eq!(
        entries(&s.data.join("spool")),
        0,
        "the take was kept as a note"
    );
    // Nothing in the window to lose: closing does not ask.
    discard(driver).await;
    close_window(driver).await;
    wait_app_gone(&s.data);
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_note_follows_the_account_it_will_be_sent_with() {
    let keychain = Keychain::start();
    let s = setup(keychain.env());
    add_page(&s);
    let wav = s.scratch.join("reply.wav");
    sox_tone(&wav, 44_100, 2, 2.0, 440.0, &[]);

    let app = open(&s).await;
    let driver = &app.driver;
    // A recording made for the sandbox (Ogg/Opus) …
    click(driver, "nav button[data-account='Sandbox']").await;
    type_into(driver, "input#to", "Trainee").await;
    record(driver, 2).await;
    click(driver, "#stop").await;
    text_when(driver, "#clip-format", |t| t.contains("Ogg/Opus")).await;
    let recorded = text_when(driver, "#clip-duration", |t| !t.is_empty()).await;
    // … is made again for Messenger when that account is chosen: from the raw take.
    click(driver, "nav button[data-account='Acme Page']").await;
    text_when(driver, "#clip-format", |t| t.contains("M4A (AAC-LC)")).await;
    let remade = text_when(driver, "#clip-duration", |t| !t.is_empty()).await;
    assert_eq!(remade, recorded);
    let checks = text_when(driver, "#preview .verdicts", |t| t.contains("Messenger")).await;
    assert!(!checks.contains("Ogg"), "{checks}");
    // Send is for a note that matches the account only.
    type_into(driver, "input#to", "6543210987654321").await;
    wait_for(driver, "#send:not([disabled])").await;
    // The M4A is heard as itself where the player reads AAC (GStreamer's libav plugin,
    // which the package recommends): the customer's very file, not a WAV ten times its
    // size held by the page.
    wait_for(driver, "#preview audio[data-source='note']").await;
    plays(driver).await;
    // And back again.
    click(driver, "nav button[data-account='Sandbox']").await;
    text_when(driver, "#clip-format", |t| t.contains("Ogg/Opus")).await;
    plays(driver).await;

    // A dropped file follows the account too, from the file itself.
    discard(driver).await;
    drop_file(driver, &wav).await;
    text_when(driver, "#clip-format", |t| t.contains("Ogg/Opus")).await;
    click(driver, "nav button[data-account='Acme Page']").await;
    text_when(driver, "#clip-format", |t| t.contains("M4A (AAC-LC)")).await;
    until_async(
        LIMIT,
        "Send to be enabled for the Messenger note",
        || async {
            let send = driver.find(thirtyfour::By::Id("send")).await.ok()?;
            send.is_enabled().await.ok()?.then_some(())
        },
    )
    .await;
    app.screenshot("follows-account").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_m4a_is_heard_decoded_where_the_player_cannot_read_aac() {
    let keychain = Keychain::start();
    let mut extra = keychain.env();
    // GStreamer with every plugin but libav, as on a machine without it: the webview's
    // player then reads no AAC.
    let plugins = tempfile::tempdir().unwrap();
    extra.extend(gstreamer_without_libav(plugins.path()));
    let s = setup(extra);
    add_page(&s);
    let wav = s.scratch.join("reply.wav");
    sox_tone(&wav, 44_100, 1, 2.0, 440.0, &[]);

    let app = open(&s).await;
    let driver = &app.driver;
    click(driver, "nav button[data-account='Acme Page']").await;
    drop_file(driver, &wav).await;
    text_when(driver, "#clip-format", |t| t.contains("M4A (AAC-LC)")).await;
    // The note decoded by Hark is what plays, and it plays.
    wait_for(driver, "#preview audio[data-source='decoded']").await;
    plays(driver).await;
    app.quit().await;
}

/// The environment that gives GStreamer (and so the webview's player) every system
/// plugin but libav's: links to them in `dir`, and a registry of its own.
fn gstreamer_without_libav(dir: &Path) -> rig::Env {
    let listed = std::process::Command::new("dpkg")
        .args(["-L", "gstreamer1.0-libav"])
        .output()
        .expect("dpkg runs");
    let libav = String::from_utf8_lossy(&listed.stdout)
        .lines()
        .map(std::path::PathBuf::from)
        .find(|p| p.file_name().is_some_and(|n| n == "libgstlibav.so"))
        .expect("GStreamer's libav plugin is installed (scripts/install-deps.sh)");
    let system = libav.parent().expect("the plugins' folder");
    let links = dir.join("plugins");
    std::fs::create_dir_all(&links).unwrap();
    for plugin in std::fs::read_dir(system).unwrap().filter_map(Result::ok) {
        if plugin.path() != libav {
            std::os::unix::fs::symlink(plugin.path(), links.join(plugin.file_name())).unwrap();
        }
    }
    vec![
        (
            "GST_PLUGIN_SYSTEM_PATH_1_0".into(),
            links.display().to_string(),
        ),
        (
            "GST_REGISTRY_1_0".into(),
            dir.join("registry.bin").display().to_string(),
        ),
    ]
}

/// A Messenger Page, "Acme Page", beside the sandbox.
fn add_page(s: &Setup) {
    let added = run(
        &[
            "profile",
            "add",
            "messenger",
            "--name",
            "Acme Page",
            "--page-id",
            "104728372938472",
        ],
        &s.env,
        Some("EAAJ-follow-page-token-0001"),
    );
    assert_eq!(added.code, 0, "{}", added.stderr);
}

/// Seconds of audio in the spool's PCM file (mono 16-bit at the sidecar's rate).
fn spooled_secs(spool: &Path) -> f64 {
    let Ok(dir) = std::fs::read_dir(spool) else {
        return 0.0;
    };
    for entry in dir.filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_some_and(|x| x == "json") {
            let info: serde_json::Value =
                serde_json::from_slice(&std::fs::read(&path).unwrap_or_default())
                    .unwrap_or_default();
            let rate = info["sample_rate"].as_f64().unwrap_or(48_000.0);
            let bytes = std::fs::metadata(path.with_extension("pcm"))
                .map(|m| m.len())
                .unwrap_or(0);
            return bytes as f64 / 2.0 / rate;
        }
    }
    0.0
}

fn entries(dir: &Path) -> usize {
    std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}
