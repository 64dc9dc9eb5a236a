//! Contacts in the window, against the strict Telegram fake: the chats that wrote to the
//! bot are imported from the contacts dialog, a CSV file dropped on it keeps its good
//! rows and reports the bad ones by line, a contact is added (a bad id is said next to
//! its field), renamed and removed; the To field finds a contact by part of a name
//! with the keyboard and the note goes to their chat id; a note to a new id offers to
//! name them, and the recent recipients then show the name. A Messenger Page's
//! conversations are imported too, and the To field says where each customer stands in
//! the reply window before anything is recorded. Real window, real keychain.

use rig::accounts::Install;
use rig::desktop::page::{
    click, click_enabled, drop_file, focused_is, gone, key, text_when, type_into, wait_for,
};
use rig::desktop::{AppSession, E2E_DROP_ENV};
use rig::fakes::messenger::{self, Messenger};
use rig::fakes::telegram::{self, Chat, Telegram};
use rig::media::sox_tone;
use thirtyfour::prelude::*;

const BOT_TOKEN: &str = "7000001:AAHk-app-contacts-token-5d2c";
const ENTER: &str = "\u{e007}";
const ESCAPE: &str = "\u{e00c}";
const DOWN: &str = "\u{e015}";

/// The names the contacts dialog lists, in order.
async fn listed(driver: &WebDriver) -> Vec<String> {
    let names = driver
        .execute(
            "return [...document.querySelectorAll('#contacts-list li .name')].map((e) => e.textContent.trim());",
            vec![],
        )
        .await
        .expect("the contacts");
    serde_json::from_value(names.json().clone()).unwrap_or_default()
}

/// The text of the element `css` once `ready` holds for it (its content, whether or not
/// the driver deems it shown: a chip cut short with an ellipsis still has its name).
async fn content_when(driver: &WebDriver, css: &str, ready: impl Fn(&str) -> bool) -> String {
    rig::wait::until_async(rig::desktop::page::LIMIT, css, || async {
        let text = driver
            .execute(
                "const e = document.querySelector(arguments[0]); return e && e.textContent.trim();",
                vec![serde_json::json!(css)],
            )
            .await
            .ok()?;
        let text = text.json().as_str()?.to_owned();
        ready(&text).then_some(text)
    })
    .await
}

async fn listed_when(driver: &WebDriver, ready: impl Fn(&[String]) -> bool) -> Vec<String> {
    rig::wait::until_async(rig::desktop::page::LIMIT, "the contacts listed", || async {
        let names = listed(driver).await;
        ready(&names).then_some(names)
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn contacts_are_imported_kept_and_found_by_name_and_a_new_recipient_is_named() {
    let mut state = Telegram::new(BOT_TOKEN);
    state.wrote(5_550_001, "Li", Some("Wei"), 3_600);
    state.wrote(5_550_002, "Ana", Some("Sousa"), 60);
    for chat in ["5550001", "5550002", "5550003", "5550009"] {
        state.chats.insert(chat.into(), Chat::Started);
    }
    let fake = telegram::start(state);
    let install = Install::start();
    install.add_profile(
        "telegram",
        "Night bot",
        &["--api-base", &fake.base],
        BOT_TOKEN,
    );
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 48_000, 1, 2.0, 440.0, &[]);
    let csv = install.scratch("people.csv");
    std::fs::write(
        &csv,
        "name,id,note\nZoë Martin,5550003,VIP\n,5550004,\nBad Id,not a chat id,\n",
    )
    .unwrap();
    let mut env = install.env();
    env.push((E2E_DROP_ENV.into(), "1".into()));
    let session = AppSession::start(&rig::bins::built("hark-app"), env).await;
    let driver = &session.driver;
    click(driver, "nav button[data-account='Night bot']").await;
    wait_for(
        driver,
        "nav button[data-account='Night bot'][aria-current='true']",
    )
    .await;

    // Import from Telegram: the two chats that wrote, by name.
    click(driver, "#open-contacts").await;
    focused_is(driver, "contacts-filter").await;
    let none = text_when(driver, "#contacts-empty", |t| !t.is_empty()).await;
    assert!(none.contains("No contacts yet"), "{none}");
    click(driver, "#contacts-import-platform").await;
    let said = text_when(driver, "#contacts-said", |t| t.contains("added")).await;
    assert!(said.contains("2 added"), "{said}");
    let names = listed_when(driver, |n| n.len() == 2 && n.iter().all(|n| !n.is_empty())).await;
    assert_eq!(names, ["Ana Sousa", "Li Wei"]);
    assert!(
        !fake.state().confirmed,
        "the bot's updates are read, not taken"
    );

    // A CSV file dropped on the dialog: the good rows kept, the bad ones said by line.
    drop_file(driver, &csv).await;
    let report = text_when(driver, "#contacts-left-out", |t| t.contains("Line 4")).await;
    assert!(report.contains("2 rows were left out"), "{report}");
    assert!(report.contains("Line 3"), "{report}");
    let said = text_when(driver, "#contacts-said", |t| t.contains("added")).await;
    assert!(said.contains("1 added"), "{said}");
    listed_when(driver, |n| n.iter().any(|n| n == "Zoë Martin")).await;
    session.screenshot("contacts-imported").await;

    // Added by hand: an id Telegram could never take is said next to its field.
    type_into(driver, "#contact-new-name", "Walk-in").await;
    type_into(driver, "#contact-new-id", "not a chat id").await;
    click(driver, "#contact-add-save").await;
    wait_for(driver, "#contact-new-id[aria-invalid='true']").await;
    focused_is(driver, "contact-new-id").await;
    type_into(driver, "#contact-new-id", "5550005").await;
    key(driver, ENTER).await;
    listed_when(driver, |n| n.iter().any(|n| n == "Walk-in")).await;
    gone(driver, "#contact-add-error").await;

    // Renamed (Enter saves), and kept over a second import from Telegram.
    click(driver, "[data-contact='5550001'] .rename").await;
    focused_is(driver, "contact-rename").await;
    type_into(driver, "#contact-rename", "Li Wei (Shenzhen)").await;
    key(driver, ENTER).await;
    listed_when(driver, |n| n.iter().any(|n| n == "Li Wei (Shenzhen)")).await;
    click(driver, "#contacts-import-platform").await;
    let again = text_when(driver, "#contacts-said", |t| t.contains("already there")).await;
    assert!(again.contains("0 added"), "{again}");
    listed_when(driver, |n| n.iter().any(|n| n == "Li Wei (Shenzhen)")).await;

    // Removed.
    click(driver, "[data-contact='5550005'] .remove").await;
    listed_when(driver, |n| !n.iter().any(|n| n == "Walk-in")).await;
    session.screenshot("contacts-dialog").await;
    // Esc closes the dialog, and focus goes back to where it was.
    key(driver, ESCAPE).await;
    gone(driver, "#contacts").await;
    focused_is(driver, "open-contacts").await;

    // The To field finds a contact by part of their name, accents aside, by keyboard.
    drop_file(driver, &wav).await;
    text_when(driver, "#clip-duration", |t| t == "0:02").await;
    type_into(driver, "input#to", "zoe").await;
    wait_for(driver, "#to-matches:not([hidden]) #to-match-0").await;
    let first = driver
        .execute(
            "return document.querySelector('#to-match-0 .name').textContent;",
            vec![],
        )
        .await
        .expect("the first match");
    assert_eq!(first.json().as_str(), Some("Zoë Martin"));
    // Esc closes the list and nothing else: the note stays, nothing asks to discard it.
    key(driver, ESCAPE).await;
    wait_for(driver, "#to-matches[hidden]").await;
    assert!(driver.find(By::Css("[role=alertdialog]")).await.is_err());
    wait_for(driver, "#preview").await;
    // Arrow down reaches the match; Enter takes it, and does not send.
    key(driver, DOWN).await;
    wait_for(driver, "input#to[aria-activedescendant='to-match-0']").await;
    key(driver, ENTER).await;
    let to = wait_for(driver, "input#to").await;
    rig::wait::until_async(rig::desktop::page::LIMIT, "the contact in To", || async {
        (to.value().await.ok()??.as_str() == "Zoë Martin").then_some(())
    })
    .await;
    let who = text_when(driver, "#to-who", |t| !t.is_empty()).await;
    assert!(who.contains("5550003"), "{who}");
    assert!(
        fake.state().delivered.is_empty(),
        "Enter took the match, no more"
    );
    wait_for(driver, "#preview").await;
    click_enabled(driver, "#send").await;
    let sent = text_when(driver, "#send-result", |t| t.contains("Sent to")).await;
    assert!(sent.contains("Zoë Martin"), "{sent}");
    assert_eq!(fake.state().delivered[0].chat_id, "5550003");
    // A named contact is not offered to be named.
    assert!(driver.find(By::Id("name-them")).await.is_err());

    // A new id typed in full: sent, then offered to be named.
    drop_file(driver, &wav).await;
    text_when(driver, "#clip-duration", |t| t == "0:02").await;
    type_into(driver, "input#to", "5550009").await;
    click_enabled(driver, "#send").await;
    text_when(driver, "#send-result", |t| t.contains("5550009")).await;
    type_into(driver, "#name-them-input", "Mei Chen").await;
    key(driver, ENTER).await;
    let named = text_when(driver, "#named", |t| !t.is_empty()).await;
    assert!(named.contains("Mei Chen"), "{named}");
    assert_eq!(fake.state().delivered.len(), 2, "naming sends nothing");
    // The recent recipients show names, with the id a hover away.
    let chip = content_when(driver, ".recent button[data-id='5550009']", |t| {
        t == "Mei Chen"
    })
    .await;
    assert_eq!(chip, "Mei Chen");
    let zoe = content_when(driver, ".recent button[data-id='5550003']", |t| {
        !t.is_empty()
    })
    .await;
    assert_eq!(zoe, "Zoë Martin");
    // And the history names both.
    content_when(driver, "#history-list li:first-child .who", |t| {
        t == "Mei Chen"
    })
    .await;
    session.screenshot("contacts-named").await;

    // Picking a recent recipient puts their name in To, and the note goes to their id.
    drop_file(driver, &wav).await;
    text_when(driver, "#clip-duration", |t| t == "0:02").await;
    click(driver, ".recent button[data-id='5550009']").await;
    text_when(driver, "#to-who", |t| t.contains("5550009")).await;
    click_enabled(driver, "#send").await;
    text_when(driver, "#send-result", |t| t.contains("Mei Chen")).await;
    assert_eq!(fake.state().delivered[2].chat_id, "5550009");
    session.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_messenger_contact_who_wrote_30_hours_ago_is_warned_of_before_recording() {
    const PAGE_TOKEN: &str = "EAAGm0PX4ZCps-app-window-token-3f9a";
    const PAGE: &str = "1029384756";
    let mut state = Messenger::new(PAGE, PAGE_TOKEN);
    state.named_user("2400000000000001", "Li Wei", 30);
    state.named_user("2400000000000002", "Ana Sousa", 5);
    let fake = messenger::start(state);
    let install = Install::start();
    messenger::add_account(&install, &fake, "Acme Page");
    let session = AppSession::start(&rig::bins::built("hark-app"), install.env()).await;
    let driver = &session.driver;
    click(driver, "nav button[data-account='Acme Page']").await;
    wait_for(
        driver,
        "nav button[data-account='Acme Page'][aria-current='true']",
    )
    .await;

    // The Page's conversations, imported from the contacts dialog.
    click(driver, "#open-contacts").await;
    click(driver, "#contacts-import-platform").await;
    let said = text_when(driver, "#contacts-said", |t| t.contains("added")).await;
    assert!(said.contains("2 added"), "{said}");
    key(driver, ESCAPE).await;
    gone(driver, "#contacts").await;

    // Li wrote 30 hours ago: the window closed 6 hours ago, and the Human agent tag
    // still reaches them; said in the To field, as a warning, before recording.
    type_into(driver, "input#to", "li w").await;
    wait_for(driver, "#to-matches:not([hidden]) #to-match-0").await;
    key(driver, DOWN).await;
    key(driver, ENTER).await;
    let window = content_when(driver, "#to-window", |t| !t.is_empty()).await;
    assert!(window.starts_with("Window closed 6 h ago"), "{window}");
    assert!(window.contains("Human agent tag until"), "{window}");
    wait_for(driver, "#to-window.warn").await;
    wait_for(driver, "#record:not([disabled])").await;
    session.screenshot("contacts-window-closed").await;

    // Ana wrote 5 hours ago: open for 18 more (whole hours, rounded down).
    type_into(driver, "input#to", "ana").await;
    wait_for(driver, "#to-matches:not([hidden]) #to-match-0").await;
    key(driver, DOWN).await;
    key(driver, ENTER).await;
    let open = content_when(driver, "#to-window", |t| t.contains("open")).await;
    assert_eq!(open, "Window open for 18 h more.");
    assert!(driver.find(By::Css("#to-window.warn")).await.is_err());

    // Another account: the contact picked was this one's. The name is looked up in
    // the other account's contacts (the sandbox has none: it is taken as it is typed).
    click(driver, "nav button[data-account='Sandbox']").await;
    rig::wait::until_async(
        rig::desktop::page::LIMIT,
        "the Page's contact let go",
        || async {
            let who = driver.find(By::Id("to-who")).await.is_err();
            let window = driver.find(By::Id("to-window")).await.is_err();
            (who && window).then_some(())
        },
    )
    .await;
    click(driver, "nav button[data-account='Acme Page']").await;
    let back = content_when(driver, "#to-who", |t| t.contains("2400000000000002")).await;
    assert!(back.contains("Ana Sousa"), "{back}");

    // An id typed in full that no contact has: nothing is known, nothing is said.
    type_into(driver, "input#to", "2400000000000003").await;
    content_when(driver, "#to-who, #to-problem", |_| true).await;
    rig::wait::until_async(rig::desktop::page::LIMIT, "no window said", || async {
        driver
            .find(By::Id("to-window"))
            .await
            .is_err()
            .then_some(())
    })
    .await;
    session.quit().await;
}
