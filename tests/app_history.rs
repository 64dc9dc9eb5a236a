//! A day's work in the history: it shows the newest sends a page at a time with older
//! ones on request, names a recipient who is a contact, finds a send by recipient, and
//! the account chosen last is chosen again after a restart. Real window, real keychain, sends made with `hark send`.

use rig::accounts::{Install, run};
use rig::desktop::AppSession;
use rig::desktop::page::{LIMIT, click, text_when, type_into, wait_for};
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
