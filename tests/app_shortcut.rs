//! The recording shortcut and start-up, chosen in Settings in the real window: keys
//! another program holds are refused in words and the dialog stays open; new keys in
//! hold-to-talk mode record while held (through X key presses, as from another program
//! in front) and keep the note on release; "Start Hark when I log in" writes the
//! desktop's autostart entry, which starts Hark in the tray with no window.

use rig::desktop::page::{LIMIT, click, gone, key, text_when, wait_for};
use rig::desktop::{AppSession, Display};
use rig::keychain::Keychain;
use rig::pulse::{Signal, VirtualMic};
use rig::shell::Shell;
use rig::wait::until;

/// WebDriver's Control and Alt keys, and the code that lets go of both.
const CTRL_ALT: &str = "\u{e009}\u{e00a}";
const RELEASE: &str = "\u{e000}";

fn seconds(clock: &str) -> u64 {
    let (m, s) = clock.split_once(':').unwrap_or(("0", "0"));
    m.trim().parse::<u64>().unwrap_or(0) * 60 + s.trim().parse::<u64>().unwrap_or(0)
}

/// The keys the Settings field shows.
async fn shortcut_shown(driver: &thirtyfour::WebDriver) -> Option<String> {
    let field = wait_for(driver, "#settings-shortcut").await;
    field.prop("value").await.unwrap()
}

fn window_shown(display: &Display) -> bool {
    !display.windows_titled("Hark").is_empty()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_shortcut_is_chosen_in_settings_hold_to_talk_records_and_hark_starts_at_login() {
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    let bus = Keychain::start();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).unwrap();
    let mut env = [mic.env(), bus.env()].concat();
    env.push(("HARK_DATA_DIR".into(), data.display().to_string()));
    env.push(("HOME".into(), home.display().to_string()));
    let app = rig::bins::built("hark-app");
    let session = AppSession::start(&app, env.clone()).await;
    let driver = &session.driver;
    wait_for(driver, "#record:not([disabled])").await;

    // Another program holds Ctrl+Alt+R: Hark says so, and keeps the dialog open.
    let _other = session.display().grab_key("r", &["ctrl", "alt"]);
    click(driver, "#open-settings").await;
    let shown = shortcut_shown(driver).await;
    assert_eq!(shown.as_deref(), Some("Ctrl+Shift+Space"));
    click(driver, "#settings-shortcut").await;
    key(driver, &format!("{CTRL_ALT}r{RELEASE}")).await;
    let typed = shortcut_shown(driver).await;
    assert_eq!(typed.as_deref(), Some("Ctrl+Alt+R"));
    click(driver, "#settings-hold").await;
    click(driver, "#settings-autostart").await;
    click(driver, "#settings-save").await;
    let taken = text_when(driver, "#settings-shortcut-problem", |t| !t.is_empty()).await;
    assert!(
        taken.contains("Ctrl+Alt+R") && taken.contains("another program"),
        "{taken}"
    );
    session.screenshot("shortcut-taken").await;
    wait_for(driver, "#settings").await;

    // Other keys: saved, and the old shortcut is let go.
    click(driver, "#settings-shortcut").await;
    key(driver, &format!("{CTRL_ALT}h{RELEASE}")).await;
    click(driver, "#settings-save").await;
    gone(driver, "#settings").await;
    let autostart = home.join(".config/autostart/Hark.desktop");
    let entry = std::fs::read_to_string(&autostart)
        .unwrap_or_else(|e| panic!("{}: {e}", autostart.display()));
    assert!(
        entry.contains(&format!(
            "Exec={} --in-tray",
            app.canonicalize().unwrap().display()
        )),
        "{entry}"
    );

    // Hold to talk: recording while the keys are held (past the keyboard's
    // auto-repeat), the note kept when they are let go.
    session.display().hold("ctrl+alt+h", true);
    wait_for(driver, "#record[aria-pressed='true']").await;
    let timer = text_when(driver, "#timer", |t| seconds(t) >= 2).await;
    session.display().hold("ctrl+alt+h", false);
    wait_for(driver, "#preview").await;
    let duration = text_when(driver, "#clip-duration", |t| !t.is_empty()).await;
    assert!(seconds(&duration) >= 2, "held for {timer}, kept {duration}");
    session.quit().await;
    rig::desktop::wait_app_gone(&data);

    // At login (the autostart entry's arguments): Hark starts in the tray, no window,
    // with the choices kept.
    let shell = Shell::start(bus.env());
    let session = AppSession::start_with_args(&app, env, &["--in-tray".into()]).await;
    let driver = &session.driver;
    let item = shell.tray_item();
    wait_for(driver, "#record:not([disabled])").await;
    assert!(!window_shown(session.display()), "no window at login");
    shell.click(&item, "Show Hark");
    until(LIMIT, "the window to be shown", || {
        window_shown(session.display()).then_some(())
    });
    click(driver, "#open-settings").await;
    let keys = shortcut_shown(driver).await;
    assert_eq!(keys.as_deref(), Some("Ctrl+Alt+H"));
    wait_for(driver, "#settings-hold:checked").await;
    wait_for(driver, "#settings-autostart:checked").await;
    // Unchecked, the entry goes.
    click(driver, "#settings-autostart").await;
    click(driver, "#settings-save").await;
    gone(driver, "#settings").await;
    assert!(!autostart.exists(), "the autostart entry is removed");
    session.quit().await;
}
