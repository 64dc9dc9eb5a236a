//! A day's work in the history: it shows the newest sends a page at a time with older
//! ones on request, names a recipient who is a contact, finds a send by recipient, and
//! the account chosen last is chosen again after a restart; and how far a note got
//! where the platform says (a gateway's played and read), asked when the window opens
//! and on Refresh. Real window, real keychain, sends made with `hark send`.

use rig::accounts::{Install, run};
use rig::desktop::AppSession;
use rig::desktop::page::{LIMIT, click, text_when, type_into, wait_for};
use rig::fakes::gateway::{self, Gateway};
use rig::media::sox_tone;
use rig::wait::until_async;
use thirtyfour::WebDriver;

async fn shown(driver: &WebDriver) -> usize {
    driver
        .execute(
            "return document.querySelectorAll('#history-list li').length;",
            vec![],
        )
        .await
        .expect("count the history")
        .json()
        .as_u64()
        .unwrap_or(0) as usize
}

async fn until_shown(driver: &WebDriver, count: usize) {
    until_async(LIMIT, &format!("{count} sends in the history"), || async {
        (shown(driver).await == count).then_some(())
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_history_pages_and_searches_and_the_last_account_is_chosen_again() {
    let install = Install::start();
    install.add_profile(
        "telegram",
        "Night bot",
        &["--api-base", "http://127.0.0.1:9"],
        "7000001:AAHk-history-token-0001",
    );
    let env = install.env();
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 1.0, 440.0, &[]);
    let note = install.scratch("reply.ogg");
    let made = run(
        &[
            "convert",
            &wav.display().to_string(),
            "--for",
            "sandbox",
            "-o",
            &note.display().to_string(),
        ],
        &env,
        None,
    );
    assert_eq!(made.code, 0, "{}", made.stderr);
    for i in 0..53 {
        let to = format!("cust-{i:03}");
        let sent = run(
            &[
                "send",
                "--profile",
                "sandbox",
                "--to",
                &to,
                &note.display().to_string(),
            ],
            &env,
            None,
        );
        assert_eq!(sent.code, 0, "{}", sent.stderr);
    }

    // One customer has a name in the account's contacts.
    let named = run(
        &[
            "contact",
            "add",
            "--profile",
            "sandbox",
            "--name",
            "Li Wei",
            "cust-052",
        ],
        &env,
        None,
    );
    assert_eq!(named.code, 0, "{}", named.stderr);

    let session = AppSession::start(&rig::bins::built("hark-app"), env.clone()).await;
    let driver = &session.driver;
    // A page of the newest, and the older ones on request; a contact by name, with the
    // id a hover away.
    until_shown(driver, 50).await;
    let newest = text_when(driver, "#history-list li .who", |t| !t.is_empty()).await;
    assert_eq!(newest, "Li Wei");
    let id = driver
        .find(thirtyfour::By::Css("#history-list li .who"))
        .await
        .expect("the newest row")
        .attr("title")
        .await
        .expect("its title");
    assert_eq!(id.as_deref(), Some("cust-052"));
    click(driver, "#history-older").await;
    until_shown(driver, 53).await;
    let oldest = text_when(driver, "#history-list li:last-child .who", |t| {
        !t.is_empty()
    })
    .await;
    assert_eq!(oldest, "cust-000");
    assert!(
        driver
            .find(thirtyfour::By::Id("history-older"))
            .await
            .is_err(),
        "nothing older"
    );

    // Search by recipient; nothing found says so; clearing shows the newest again.
    type_into(driver, "#history-search", "cust-017").await;
    until_shown(driver, 1).await;
    let found = text_when(driver, "#history-list li .who", |t| !t.is_empty()).await;
    assert_eq!(found, "cust-017");
    type_into(driver, "#history-search", "nobody").await;
    let none = text_when(driver, "#history-empty", |t| !t.is_empty()).await;
    assert!(none.contains("No sends match"), "{none}");
    session.screenshot("history-search").await;
    // Emptied as a person would: select all, delete.
    click(driver, "#history-search").await;
    rig::desktop::page::key(driver, "\u{e009}a\u{e000}\u{e017}").await;
    until_shown(driver, 50).await;

    // The sandbox inbox names the customer too, with the id a hover away.
    click(driver, "#open-inbox").await;
    let inbox = text_when(driver, "#inbox-list li:first-child .to", |t| !t.is_empty()).await;
    assert!(inbox.starts_with("To Li Wei"), "{inbox}");
    let title = driver
        .find(thirtyfour::By::Css("#inbox-list li:first-child .to"))
        .await
        .expect("the newest note")
        .attr("title")
        .await
        .expect("its title");
    assert_eq!(title.as_deref(), Some("cust-052"));
    rig::desktop::page::key(driver, "\u{e00c}").await;
    rig::desktop::page::gone(driver, "dialog#inbox").await;

    // The account chosen last is chosen again at the next start.
    click(driver, "nav button[data-account='Night bot']").await;
    wait_for(
        driver,
        "nav button[data-account='Night bot'][aria-current='true']",
    )
    .await;
    session.quit().await;
    let session = AppSession::start(&rig::bins::built("hark-app"), env).await;
    wait_for(
        &session.driver,
        "nav button[data-account='Night bot'][aria-current='true']",
    )
    .await;
    session.quit().await;
}

/// The history row of send `id`: its badge's text and title.
async fn badge(driver: &WebDriver, id: i64) -> (String, String) {
    let found = driver
        .execute(
            "const b = document.querySelector(`#history-list li[data-send='${arguments[0]}'] .badge`); \
             return b ? [b.textContent.trim(), b.title] : null;",
            vec![serde_json::json!(id)],
        )
        .await
        .expect("read the badge");
    serde_json::from_value(found.json().clone()).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_gateway_note_shows_played_and_read_and_sent_says_what_it_means_elsewhere() {
    const KEY: &str = "waha-app-history-key-3f9a";
    let fake = gateway::start(Gateway::new(Some(KEY)));
    let install = Install::start();
    gateway::add_account(&install, &fake, "Gateway");
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 1.0, 440.0, &[]);
    let (code, first) = install.send("Gateway", "+1 555 0199", &wav, &[]);
    assert_eq!(code, 0, "{first}");
    let (code, sandbox) = install.send("sandbox", "trainee", &wav, &[]);
    assert_eq!(code, 0, "{sandbox}");
    // The customer played the first note before the window opened.
    fake.state().delivered[0].ack = 4;
    let first_id = first["sent"]["id"].as_i64().expect("the send's id");
    let sandbox_id = sandbox["sent"]["id"].as_i64().expect("the send's id");

    let session = AppSession::start(&rig::bins::built("hark-app"), install.env()).await;
    let driver = &session.driver;
    until_async(LIMIT, "the gateway note shown as played", || async {
        (badge(driver, first_id).await.0 == "played").then_some(())
    })
    .await;
    // Elsewhere "sent" says what it means.
    let (text, title) = badge(driver, sandbox_id).await;
    assert_eq!(text, "sent");
    assert!(
        title.contains("does not tell Hark whether it was delivered or heard"),
        "{title}"
    );

    // A second note, read while the window is open: Refresh asks.
    let (code, second) = install.send("Gateway", "+1 555 0142", &wav, &[]);
    assert_eq!(code, 0, "{second}");
    let second_id = second["sent"]["id"].as_i64().expect("the send's id");
    fake.state().delivered[1].ack = 3;
    click(driver, "#history-refresh").await;
    until_async(LIMIT, "the second note shown as read", || async {
        (badge(driver, second_id).await.0 == "read").then_some(())
    })
    .await;
    session.screenshot("history-reached").await;
    session.quit().await;
}
