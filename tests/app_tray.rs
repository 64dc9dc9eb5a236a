//! The tray, driven as a desktop's tray host drives it (StatusNotifierItem and its
//! dbusmenu on a private session bus, with a stand-in host): it offers Record, Show
//! and Quit; Record starts the take and the menu and icon then say so; closing the
//! window while recording keeps Hark running in the tray, recording; Show brings the
//! window back; Quit with a note unsent asks in the window first. Without a tray host,
//! closing while recording asks instead (app_recover covers that). A send that ends
//! while the window is closed is told in a desktop notification (which note, to whom,
//! the outcome), through a stand-in notification server.

use std::time::Duration;

use rig::accounts::Install;
use rig::desktop::page::{text_when, wait_for};
use rig::desktop::{AppSession, E2E_DROP_ENV};
use rig::fakes::telegram::{self, Chat, Telegram};
use rig::faults::{Fault, FaultProxy};
use rig::keychain::Keychain;
use rig::media::sox_tone;
use rig::pulse::{Signal, VirtualMic};
use rig::shell::Shell;
use rig::wait::until;

const LIMIT: Duration = Duration::from_secs(60);

/// Closes the window as its close button does, and waits until it is hidden.
async fn close_to_tray(session: &AppSession) {
    rig::desktop::page::close_window(&session.driver).await;
    until(LIMIT, "the window to be hidden", || {
        session
            .display()
            .windows_titled("Hark")
            .is_empty()
            .then_some(())
    });
}

#[tokio::test(flavor = "multi_thread")]
async fn the_tray_records_shows_and_keeps_hark_running_with_the_window_closed() {
    let mic = VirtualMic::start(Signal::Sine { hz: 440 });
    let bus = Keychain::start();
    let shell = Shell::start(bus.env());
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut env = [mic.env(), bus.env()].concat();
    env.push(("HARK_DATA_DIR".into(), data.display().to_string()));
    env.push((E2E_DROP_ENV.into(), "1".into()));

    let session = AppSession::start(&rig::bins::built("hark-app"), env).await;
    let driver = &session.driver;
    wait_for(driver, "#record:not([disabled])").await;
    let item = shell.tray_item();
    let labels = |menu: Vec<(i32, String)>| menu.into_iter().map(|(_, l)| l).collect::<Vec<_>>();
    assert_eq!(
        labels(shell.menu(&item)),
        ["Record", "Show Hark", "Quit Hark"]
    );
    // The icon is a picture file the tray library writes (a new one at each change).
    let icon = || {
        let name = shell.item_property(&item, "IconName");
        let path = name
            .split('\'')
            .nth(1)
            .unwrap_or_else(|| panic!("{name}"))
            .to_string();
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let idle_icon = icon();

    // Record from the tray: the window records, and the tray says so.
    shell.click(&item, "Record");
    wait_for(driver, "#record[aria-pressed='true']").await;
    until(LIMIT, "the tray to say Stop recording", || {
        (labels(shell.menu(&item))[0] == "Stop recording").then_some(())
    });
    assert_ne!(icon(), idle_icon, "the icon changes while recording");

    // Closing the window while recording: Hark stays, in the tray, still recording.
    close_to_tray(&session).await;
    assert_eq!(rig::desktop::app_pids(&data).len(), 1, "Hark still runs");
    let before = text_when(driver, "#timer", |t| !t.is_empty()).await;
    text_when(driver, "#timer", |t| t != before).await;

    // Show brings the window back, still recording; Stop from the tray keeps the take.
    shell.click(&item, "Show Hark");
    until(LIMIT, "the window to be shown again", || {
        (!session.display().windows_titled("Hark").is_empty()).then_some(())
    });
    shell.click(&item, "Stop recording");
    wait_for(driver, "#preview").await;
    until(LIMIT, "the tray to offer Record again", || {
        (labels(shell.menu(&item))[0] == "Record").then_some(())
    });
    assert!(icon() == idle_icon, "the icon is the idle one again");

    // Quit with the note unsent: the window asks first, and Hark keeps running.
    shell.click(&item, "Quit Hark");
    let ask = text_when(driver, "#quit-question", |t| !t.is_empty()).await;
    assert!(ask.contains("The note in the preview is kept"), "{ask}");
    session.screenshot("tray-quit-question").await;
    assert_eq!(rig::desktop::app_pids(&data).len(), 1);
    session.quit().await;
}

const BOT_TOKEN: &str = "7000001:AAHk-tray-notify-token-0001";
const CUSTOMER: &str = "5150";
const NO_SUCH_CHAT: &str = "9999";

/// Sends one note with the window closed while the platform holds the request: Hark
/// stays in the tray until the platform answers.
async fn send_with_the_window_closed(
    session: &AppSession,
    proxy: &FaultProxy,
    wav: &std::path::Path,
    to: &str,
) {
    let driver = &session.driver;
    rig::desktop::page::type_into(driver, "input#to", to).await;
    rig::desktop::page::drop_file(driver, wav).await;
    text_when(driver, "#clip-duration", |t| t == "0:02").await;
    proxy.fault("sendVoice", Fault::Gate);
    let before = proxy.log().len();
    rig::desktop::page::click_enabled(driver, "#send").await;
    until(LIMIT, "the note to reach the platform", || {
        proxy.log()[before..]
            .iter()
            .any(|p| p.path.contains("sendVoice"))
            .then_some(())
    });
    close_to_tray(session).await;
    proxy.open_gate();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_send_that_ends_with_the_window_closed_is_told_in_a_notification() {
    let mut bot = Telegram::new(BOT_TOKEN);
    bot.chats.insert(CUSTOMER.into(), Chat::Started);
    let bot = telegram::start(bot);
    let proxy = FaultProxy::start(&bot.base);
    let install = Install::start();
    install.add_profile(
        "telegram",
        "Night bot",
        &["--api-base", &proxy.base],
        BOT_TOKEN,
    );
    let shell = Shell::start(install.keychain.env());
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 2.0, 440.0, &[]);
    let mut env = install.env();
    env.push((E2E_DROP_ENV.into(), "1".into()));
    let session = AppSession::start(&rig::bins::built("hark-app"), env).await;
    let driver = &session.driver;
    rig::desktop::page::click(driver, "nav button[data-account='Night bot']").await;

    // Sent while the window is closed: Hark says once that it stays in the tray, then
    // which note went to whom, and that it was delivered.
    send_with_the_window_closed(&session, &proxy, &wav, CUSTOMER).await;
    let kept = shell.notification("Hark to say it is still running", |n| {
        n.summary == "Hark is still running"
    });
    assert!(kept.body.contains("sending"), "{kept:?}");
    let sent = shell.notification("the send's outcome", |n| n.summary == "Voice note sent");
    assert_eq!(
        sent.body,
        format!("The 0:02 note to {CUSTOMER} (Night bot) was delivered.")
    );
    assert_eq!(bot.state().delivered.len(), 1);
    let item = shell.tray_item();
    shell.click(&item, "Show Hark");
    until(LIMIT, "the window to be shown again", || {
        (!session.display().windows_titled("Hark").is_empty()).then_some(())
    });
    let result = text_when(driver, "#send-result", |t| t.contains("Sent to")).await;
    assert!(result.contains(CUSTOMER), "{result}");

    // A refusal is told too, with the platform's reason; "still running" is not
    // said again.
    send_with_the_window_closed(&session, &proxy, &wav, NO_SUCH_CHAT).await;
    let failed = shell.notification("the refusal", |n| n.summary == "Voice note not sent");
    assert!(
        failed.body.starts_with(&format!(
            "The 0:02 note to {NO_SUCH_CHAT} (Night bot) was not sent."
        )),
        "{failed:?}"
    );
    let all = shell.notifications();
    assert_eq!(
        all.iter()
            .filter(|n| n.summary == "Hark is still running")
            .count(),
        1,
        "{all:?}"
    );
    assert_eq!(
        rig::desktop::app_pids(&install.data_dir()).len(),
        1,
        "Hark still runs"
    );
    session.quit().await;
}
