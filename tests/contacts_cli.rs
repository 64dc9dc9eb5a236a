//! `hark contact` and sending by name, against the strict Cloud API fake: a CSV import
//! with bad rows (each reported by its line, the good rows kept), a repeated import (no
//! duplicate, a rename kept), a send by name, an ambiguous name, names in the history;
//! the chats that wrote to a Telegram bot, read without taking them from the bot; and a
//! Messenger Page's conversations, page by page through a rate limit; and a WhatsApp
//! gateway session's chats with people, page by page; and a WeChat account's followers
//! with their remarks, 100 details at a time.

use rig::accounts::{Install, assert_sent};
use rig::fakes::gateway::{self, Gateway};
use rig::fakes::messenger::{self, Messenger};
use rig::fakes::telegram::{self, Telegram};
use rig::fakes::wechat::{self, Wechat};
use rig::fakes::whatsapp::{self, Whatsapp};
use rig::media::sox_tone;
use serde_json::Value;

const TOKEN: &str = "EAAJ-fake-system-user-token-3f9a";
const NUMBER_ID: &str = "106540352242922";

/// `hark contact import --from-platform --json` for `profile`, which must succeed: what
/// it imported.
fn import_from_platform(install: &Install, profile: &str) -> Value {
    let args = [
        "contact",
        "import",
        "--profile",
        profile,
        "--from-platform",
        "--json",
    ];
    let run = install.hark(&args);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    json["imported"].clone()
}

/// `hark contact list --json` for `profile`: the contacts as JSON.
fn listed(install: &Install, profile: &str) -> Vec<Value> {
    let run = install.hark(&["contact", "list", "--profile", profile, "--json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).unwrap();
    json["contacts"].as_array().unwrap().clone()
}

fn contacts(install: &Install) -> Vec<(String, String)> {
    let listed = install.hark(&["contact", "list", "--profile", "Support", "--json"]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    let json: Value = serde_json::from_str(&listed.stdout).unwrap();
    json["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap_or("").to_owned(),
                c["platform_id"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn contacts_are_imported_named_and_sent_to_by_name() {
    let mut state = Whatsapp::new(NUMBER_ID, TOKEN);
    state.customer("447700900123", 1);
    state.customer("447700900124", 1);
    let fake = whatsapp::start(state);
    let install = Install::start();
    install.add_profile(
        "whatsapp",
        "Support",
        &["--api-base", &fake.base, "--phone-number-id", NUMBER_ID],
        TOKEN,
    );

    let csv = install.scratch("customers.csv");
    std::fs::write(
        &csv,
        "name,number\n\
         Zoë Martin,+44 7700 900123\n\
         ,447700900555\n\
         Li Wei,call me\n\
         \"Smith, Jo\",447700900124,VIP\n\
         Ana,\n",
    )
    .unwrap();
    let csv = csv.display().to_string();
    let imported = install.hark(&["contact", "import", "--profile", "Support", &csv]);
    assert_eq!(
        imported.code, 1,
        "some rows were left out: {}",
        imported.stderr
    );
    let out = &imported.stdout;
    assert!(out.contains("2 added"), "{out}");
    assert!(
        out.contains("line 3: the row has no name (left out)"),
        "{out}"
    );
    assert!(
        out.contains("line 4: “call me” is not a recipient"),
        "{out}"
    );
    assert!(out.contains("line 6: the row has no id or number"), "{out}");
    assert_eq!(
        contacts(&install),
        [
            ("Smith, Jo".to_owned(), "447700900124".to_owned()),
            ("Zoë Martin".to_owned(), "447700900123".to_owned()),
        ]
    );

    // Found by part of a name, case and accents aside, or by part of an id.
    let found = |text: &str| {
        let listed = install.hark(&["contact", "list", "--profile", "Support", "--search", text]);
        assert_eq!(listed.code, 0, "{}", listed.stderr);
        listed.stdout
    };
    let zoe = found("ZOE");
    assert!(
        zoe.starts_with("Zoë Martin") && !zoe.contains("Smith"),
        "{zoe}"
    );
    let by_number = found("900124");
    assert!(
        by_number.starts_with("Smith, Jo") && !by_number.contains("Zoë"),
        "{by_number}"
    );

    // Renamed in Hark, then imported again: nothing twice, and the new name stays.
    let renamed = install.hark(&[
        "contact",
        "rename",
        "--profile",
        "Support",
        "zoe martin",
        "Zoë M.",
    ]);
    assert_eq!(renamed.code, 0, "{}", renamed.stderr);
    let again = install.hark(&["contact", "import", "--profile", "Support", &csv]);
    assert!(again.stdout.contains("0 added"), "{}", again.stdout);
    assert!(again.stdout.contains("2 already there"), "{}", again.stdout);
    let names: Vec<_> = contacts(&install).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["Smith, Jo", "Zoë M."]);

    // A send by name (case and accents aside) goes to the contact's number.
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 1.0, 440.0, &[]);
    let receipt = assert_sent(&install.send("Support", "ZOE M.", &wav, &[]));
    assert_eq!(receipt["recipient"], "447700900123");
    assert_eq!(fake.state().delivered[0].to, "447700900123");
    let history = install.hark(&["history"]);
    assert!(
        history.stdout.contains("Zoë M. <447700900123>"),
        "{}",
        history.stdout
    );

    // Two contacts with one name: a usage error that lists both, and nothing sent.
    let added = install.hark(&[
        "contact",
        "add",
        "--profile",
        "Support",
        "--name",
        "Smith, Jo",
        "447700900999",
    ]);
    assert_eq!(added.code, 0, "{}", added.stderr);
    let ambiguous = install.hark(&[
        "send",
        "--profile",
        "Support",
        "--to",
        "smith, jo",
        wav.to_str().unwrap(),
    ]);
    assert_eq!(ambiguous.code, 2, "{}", ambiguous.stderr);
    assert!(
        ambiguous.stderr.contains("Smith, Jo (447700900124)")
            && ambiguous.stderr.contains("Smith, Jo (447700900999)"),
        "{}",
        ambiguous.stderr
    );
    assert_eq!(fake.state().delivered.len(), 1, "nothing more was sent");

    // An id typed in full still works, and is kept to be named.
    assert_sent(&install.send("Support", "+44 7700 900124", &wav, &[]));
    let removed = install.hark(&["contact", "remove", "--profile", "Support", "447700900999"]);
    assert_eq!(removed.code, 0, "{}", removed.stderr);
    let gone = install.hark(&["contact", "remove", "--profile", "Support", "Nobody"]);
    assert_eq!(gone.code, 2, "{}", gone.stderr);
    assert!(gone.stderr.contains("contact_not_found"), "{}", gone.stderr);
}

#[test]
fn a_send_to_a_new_id_keeps_it_to_be_named() {
    let install = Install::start();
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 1.0, 440.0, &[]);
    assert_sent(&install.send("sandbox", "walk-in", &wav, &[]));
    let listed = install.hark(&["contact", "list", "--profile", "sandbox", "--json"]);
    let json: Value = serde_json::from_str(&listed.stdout).unwrap();
    let learned = &json["contacts"][0];
    assert_eq!(learned["platform_id"], "walk-in");
    assert_eq!(learned["origin"], "learned");
    assert!(learned["name"].is_null());
    let named = install.hark(&[
        "contact",
        "add",
        "--profile",
        "sandbox",
        "--name",
        "Walk-in customer",
        "walk-in",
    ]);
    assert_eq!(named.code, 0, "{}", named.stderr);
    let listed = install.hark(&["contact", "list", "--profile", "sandbox"]);
    assert!(
        listed
            .stdout
            .starts_with("Walk-in customer  walk-in  from a send"),
        "{}",
        listed.stdout
    );
}

#[test]
fn the_chats_that_wrote_to_a_telegram_bot_are_imported_and_a_webhook_is_left_alone() {
    const BOT_TOKEN: &str = "7000001:AAHk-fake-bot-token-3f9a";
    let mut state = Telegram::new(BOT_TOKEN);
    state.wrote(5_550_001, "Li", Some("Wei"), 3_600);
    state.wrote(5_550_002, "Ana", None, 60);
    state.wrote(5_550_001, "Li", Some("Wei"), 30);
    let fake = telegram::start(state);
    let install = Install::start();
    install.add_profile("telegram", "Bot", &["--api-base", &fake.base], BOT_TOKEN);
    let import = || install.hark(&["contact", "import", "--profile", "Bot", "--from-platform"]);

    let first = import();
    assert_eq!(first.code, 0, "{}{}", first.stdout, first.stderr);
    assert!(
        first.stdout.contains("From Telegram: 2 added"),
        "{}",
        first.stdout
    );
    let listed = install.hark(&["contact", "list", "--profile", "Bot", "--json"]);
    let json: Value = serde_json::from_str(&listed.stdout).unwrap();
    let people = json["contacts"].as_array().unwrap();
    let li = people
        .iter()
        .find(|c| c["name"] == "Li Wei")
        .expect("Li Wei");
    assert_eq!(li["platform_id"], "5550001");
    assert_eq!(li["origin"], "imported");
    // The latest of their messages, about half a minute ago.
    let heard = li["last_heard_at"].as_str().expect("when Li last wrote");
    assert!(heard.ends_with('Z'), "{heard}");
    assert!(people.iter().any(|c| c["name"] == "Ana"));
    // Read, not taken: the bot's own program still gets every update.
    assert!(!fake.state().confirmed);
    assert_eq!(fake.state().updates.len(), 3);

    let again = import();
    assert!(again.stdout.contains("0 added"), "{}", again.stdout);
    assert!(again.stdout.contains("2 already there"), "{}", again.stdout);

    // With a webhook set, Telegram sends the messages there: said, and left alone.
    fake.state().webhook = Some("https://support.example/telegram-hook".into());
    let hooked = import();
    assert_eq!(hooked.code, 1, "{}", hooked.stderr);
    assert!(
        hooked.stdout.contains("This bot has a webhook"),
        "{}",
        hooked.stdout
    );
    assert!(
        fake.state().webhook.is_some(),
        "the webhook is the bot's own"
    );

    // A platform that cannot be asked says so.
    let sandbox = install.hark(&[
        "contact",
        "import",
        "--profile",
        "sandbox",
        "--from-platform",
    ]);
    assert_eq!(sandbox.code, 1, "{}", sandbox.stderr);
    assert!(
        sandbox.stdout.contains("cannot be asked"),
        "{}",
        sandbox.stdout
    );
}

#[test]
fn a_note_to_someone_unnamed_says_how_to_name_them() {
    let install = Install::start();
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 1.0, 440.0, &[]);
    let wav = wav.display().to_string();
    let send = || install.hark(&["send", "--profile", "sandbox", "--to", "walk-in", &wav]);
    let first = send();
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first
            .stdout
            .contains("hark contact add --profile \"Sandbox\" --name NAME walk-in"),
        "{}",
        first.stdout
    );
    let named = install.hark(&[
        "contact",
        "add",
        "--profile",
        "sandbox",
        "--name",
        "Ana",
        "walk-in",
    ]);
    assert_eq!(named.code, 0, "{}", named.stderr);
    let second = send();
    assert!(!second.stdout.contains("contact add"), "{}", second.stdout);
}

#[test]
fn a_messenger_pages_conversations_are_imported_page_by_page_through_a_rate_limit() {
    const PAGE_TOKEN: &str = "EAAGm0PX4ZCps-fake-contacts-token-3f9a";
    const PAGE: &str = "1029384756";
    let mut state = Messenger::new(PAGE, PAGE_TOKEN);
    for i in 0..250 {
        state.named_user(
            &format!("24000000000{i:05}"),
            &format!("Customer {i:03}"),
            2 + i,
        );
    }
    state.named_user("2400000000099999", "Li Wei", 30);
    let fake = messenger::start(state);
    let install = Install::start();
    messenger::add_account(&install, &fake, "Page");
    let first = import_from_platform(&install, "Page");
    assert_eq!(first["added"], 251, "{first}");
    // Three pages of at most 100, following Graph's cursors.
    assert_eq!(fake.count("conversations"), 3);

    let li = listed(&install, "Page")
        .into_iter()
        .find(|c| c["name"] == "Li Wei")
        .expect("Li Wei");
    assert_eq!(li["platform_id"], "2400000000099999");
    // When Li wrote (30 hours ago), not when the Page answered.
    let heard = li["last_heard_at"].as_str().expect("when Li last wrote");
    let wrote = fake.state().users["2400000000099999"];
    assert_eq!(heard, hark_core::clock::rfc3339(wrote / 1000 * 1000));

    // Again, through a rate limit on the second page: waited out, nothing twice.
    fake.inject(
        "conversations",
        400,
        serde_json::json!({"error": {"message": "(#613) Calls to this api have exceeded the rate limit.", "type": "OAuthException", "code": 613, "fbtrace_id": "A1"}}),
    );
    let again = import_from_platform(&install, "Page");
    assert_eq!(again["added"], 0, "{again}");
    assert_eq!(again["unchanged"], 251, "{again}");
    assert_eq!(
        fake.count("conversations"),
        3 + 4,
        "one refused, then three pages"
    );
}

#[test]
fn a_gateway_sessions_chats_with_people_are_imported_with_when_they_last_wrote() {
    const KEY: &str = "waha-contacts-key-3f9a";
    let mut state = Gateway::new(Some(KEY));
    for i in 0..130 {
        state.chat(
            &format!("4477009{i:05}@c.us"),
            &format!("Chat {i:03}"),
            60 + i,
            false,
        );
    }
    // Our own message last: when they last wrote is not known.
    state.chat("447700955555@c.us", "Li Wei", 30, true);
    // A group is no one to send a voice note to as a contact.
    state.chat("120363000000000001@g.us", "Support team", 10, false);
    let fake = gateway::start(state);
    let install = Install::start();
    gateway::add_account(&install, &fake, "Gateway");
    let imported = import_from_platform(&install, "Gateway");
    assert_eq!(imported["added"], 131, "{imported}");
    // Two pages of 100 (the second one short).
    assert_eq!(fake.count("chats"), 2);

    let contacts = listed(&install, "Gateway");
    let find = |name: &str| contacts.iter().find(|c| c["name"] == name).cloned();
    let li = find("Li Wei").expect("Li Wei");
    assert_eq!(li["platform_id"], "447700955555@c.us");
    assert!(li["last_heard_at"].is_null(), "{li}");
    let first = find("Chat 000").expect("Chat 000");
    let wrote = fake.state().chats[0].2;
    assert_eq!(
        first["last_heard_at"].as_str(),
        Some(hark_core::clock::rfc3339(wrote * 1000).as_str())
    );
    assert!(find("Support team").is_none(), "a group is left out");
}

#[test]
fn a_wechat_accounts_followers_are_imported_with_their_remarks_and_named_later() {
    const APP_ID: &str = "wx5f3e0c1d2b4a6978";
    const SECRET: &str = "c0ffee0ddba11fake4app5ecret3f9a";
    let mut state = Wechat::new(APP_ID, SECRET);
    for i in 0..250 {
        state.follower(&format!("oXyZ_follower_{i:013}"), 1);
    }
    state.remarked("oXyZ_follower_9999999999999", "李伟", 2);
    // user/get gives 100 OpenIDs a call here (WeChat: 10,000), to see the paging.
    state.list_page = 100;
    let fake = wechat::start(state);
    let install = Install::start();
    install.add_profile(
        "wechat",
        "WX",
        &["--api-base", &fake.base, "--app-id", APP_ID],
        SECRET,
    );
    let first = import_from_platform(&install, "WX");
    assert_eq!(first["added"], 251, "{first}");
    // Three pages of OpenIDs and an empty one; details 100 at a time.
    assert_eq!(fake.count("user_get"), 4);
    assert_eq!(fake.count("user_info"), 3);

    let contacts = listed(&install, "WX");
    let named: Vec<_> = contacts.iter().filter(|c| !c["name"].is_null()).collect();
    assert_eq!(
        named.len(),
        1,
        "WeChat gives no nicknames: only the remark names"
    );
    assert_eq!(named[0]["name"], "李伟");
    assert_eq!(named[0]["platform_id"], "oXyZ_follower_9999999999999");

    // Named in Hark; a second import keeps the name and adds no one twice.
    let renamed = install.hark(&[
        "contact",
        "rename",
        "--profile",
        "WX",
        "oXyZ_follower_0000000000007",
        "Wang Fang",
    ]);
    assert_eq!(renamed.code, 0, "{}", renamed.stderr);
    let again = import_from_platform(&install, "WX");
    assert_eq!(again["added"], 0, "{again}");
    let found = install.hark(&["contact", "list", "--profile", "WX", "--search", "wang"]);
    assert!(
        found.stdout.contains("oXyZ_follower_0000000000007"),
        "{}",
        found.stdout
    );
}
