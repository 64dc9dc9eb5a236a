//! A remedy in the window is an action it offers, never a command to type: a customer
//! outside Messenger's 24 hours gets the note with the human-agent tag, one who refuses
//! voice messages on Telegram gets it as a file, a missing microphone opens Settings on
//! the microphone. Real window, real keychain, the strict fakes.

use rig::accounts::Install;
use rig::desktop::page::{
    click, click_enabled, drop_file, focused_is, text_when, type_into, wait_for,
};
use rig::desktop::{AppSession, E2E_DROP_ENV};
use rig::fakes::messenger::{self, Messenger};
use rig::fakes::telegram::{self, Chat, Telegram};
use rig::media::sox_tone;

const PAGE: &str = "1029384756";
const PAGE_TOKEN: &str = "EAAGm0PX4ZCps-app-fix-page-token-0001";
const BOT_TOKEN: &str = "7000001:AAHk-app-fix-bot-token-0001";
/// Wrote 30 hours ago: outside the 24 hours, inside the human-agent tag's 7 days.
const LATE_CUSTOMER: &str = "2400000000000002";
const NO_VOICE_CHAT: &str = "6161";

#[tokio::test(flavor = "multi_thread")]
async fn each_refusal_offers_the_control_that_fixes_it() {
    let mut page = Messenger::new(PAGE, PAGE_TOKEN);
    page.user(LATE_CUSTOMER, 30);
    let page = messenger::start(page);
    let mut bot = Telegram::new(BOT_TOKEN);
    bot.chats.insert(NO_VOICE_CHAT.into(), Chat::NoVoice);
    let bot = telegram::start(bot);

    let install = Install::start();
    install.add_profile(
        "messenger",
        "Acme Page",
        &[
            "--page-id",
            PAGE,
            "--graph-version",
            "v25.0",
            "--api-base",
            &page.base,
        ],
        PAGE_TOKEN,
    );
    install.add_profile(
        "telegram",
        "Acme Bot",
        &["--api-base", &bot.base],
        BOT_TOKEN,
    );
    let mut env = install.env();
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 2.0, 440.0, &[]);
    // No sound server: recording cannot find a microphone.
    env.push(("PULSE_SERVER".into(), "unix:/nonexistent/pulse".into()));
    env.push((E2E_DROP_ENV.into(), "1".into()));
    let session = AppSession::start(&rig::bins::built("hark-app"), env).await;
    let driver = &session.driver;

    // Messenger, 30 hours after the customer wrote: refused, with the tag offered.
    click(driver, "nav button[data-account='Acme Page']").await;
    type_into(driver, "input#to", LATE_CUSTOMER).await;
    drop_file(driver, &wav).await;
    text_when(driver, "#clip-format", |t| t.contains("M4A")).await;
    click_enabled(driver, "#send").await;
    let error = text_when(driver, "#send-error", |t| {
        t.contains("messaging_window_closed")
    })
    .await;
    assert!(
        error.contains("human-agent tag") && !error.contains("hark ") && !error.contains("--"),
        "{error}"
    );
    session.screenshot("fix-human-agent").await;
    let fix = text_when(driver, "#send-fix", |t| !t.is_empty()).await;
    assert_eq!(fix, "Send with the human-agent tag");
    click(driver, "#send-fix").await;
    let sent = text_when(driver, "#send-result", |t| t.contains("Sent to")).await;
    assert!(sent.contains(LATE_CUSTOMER), "{sent}");
    {
        let state = page.state();
        let d = state.delivered.last().expect("delivered");
        assert_eq!(
            (d.messaging_type.as_str(), d.tag.as_deref()),
            ("MESSAGE_TAG", Some("HUMAN_AGENT"))
        );
    }

    // Telegram, to someone who refuses voice messages: offered as a file.
    click(driver, "nav button[data-account='Acme Bot']").await;
    type_into(driver, "input#to", NO_VOICE_CHAT).await;
    drop_file(driver, &wav).await;
    text_when(driver, "#clip-format", |t| t.contains("Ogg/Opus")).await;
    click_enabled(driver, "#send").await;
    let error = text_when(driver, "#send-error", |t| t.contains("voice messages")).await;
    assert!(!error.contains("hark ") && !error.contains("--"), "{error}");
    let fix = text_when(driver, "#send-fix", |t| !t.is_empty()).await;
    assert_eq!(fix, "Send as a file");
    click(driver, "#send-fix").await;
    text_when(driver, "#send-result", |t| t.contains("Sent to")).await;
    {
        let state = bot.state();
        let d = state.delivered.last().expect("delivered");
        assert!(d.as_document, "sent with sendDocument");
        assert_eq!(d.chat_id, NO_VOICE_CHAT);
    }

    // No microphone: the error offers Settings, open on the microphone.
    click_enabled(driver, "#record").await;
    let problem = text_when(driver, "#record-error", |t| !t.is_empty()).await;
    assert!(
        !problem.contains("hark ") && !problem.contains('`'),
        "{problem}"
    );
    let fix = text_when(driver, "#record-fix", |t| !t.is_empty()).await;
    assert_eq!(fix, "Choose another microphone");
    click(driver, "#record-fix").await;
    wait_for(driver, "dialog#settings[open]").await;
    focused_is(driver, "settings-device").await;
    session.screenshot("fix-microphone").await;
    session.quit().await;
}
