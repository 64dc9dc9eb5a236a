//! `hark profile` against the real keychain (gnome-keyring through the rig): secrets
//! go only to the keychain, follow renames, are masked when shown and leave with the
//! profile; and the database survives a restart with everything but the secrets.

use rig::accounts::Install;
use serde_json::Value;

const TOKEN: &str = "7000001:AAHk-keychain-bot-token-3f9a";

fn keychain_items(install: &Install) -> String {
    install
        .keychain
        .secret_tool(&["search", "--all", "service", "hark"])
        .1
}

#[test]
fn a_profile_lives_in_the_database_and_its_secret_in_the_keychain() {
    let install = Install::start();
    let added = install.add_profile("telegram", "Support bot", &[], TOKEN);
    let id = added["id"].as_str().unwrap().to_owned();
    let account = format!("profile:{id}:bot_token");

    // The keychain holds the token, filed under the profile's id; secret-tool sees it.
    let (found, secret) = install
        .keychain
        .secret_tool(&["lookup", "service", "hark", "username", &account]);
    assert!(found, "{}", keychain_items(&install));
    assert_eq!(secret.trim(), TOKEN);

    // Listed and shown, masked.
    let list = install.hark(&["profile", "list"]);
    assert!(
        list.stdout.contains("Support bot") && list.stdout.contains("Telegram"),
        "{}",
        list.stdout
    );
    let show = install.hark(&["profile", "show", "support bot", "--json"]);
    assert_eq!(show.code, 0, "{}", show.stderr);
    let view: Value = serde_json::from_str(&show.stdout).unwrap();
    let token = view["profile"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["key"] == "bot_token")
        .unwrap()
        .clone();
    assert_eq!(token["value"], "••••3f9a");
    assert!(!show.stdout.contains(TOKEN));
    let api = &view["profile"]["fields"][0];
    assert_eq!(
        (api["value"].as_str(), api["is_default"].as_bool()),
        (Some("https://api.telegram.org"), Some(true))
    );

    // Renamed: the keychain entry is the same one, found under the new name.
    let renamed = install.hark(&["profile", "rename", "Support bot", "Night shift"]);
    assert_eq!(renamed.code, 0, "{}", renamed.stderr);
    let show = install.hark(&["profile", "show", "Night shift"]);
    assert!(show.stdout.contains("••••3f9a"), "{}", show.stdout);
    assert_eq!(install.hark(&["profile", "show", "Support bot"]).code, 2);
    let dup = install.add_profile(
        "telegram",
        "Day shift",
        &[],
        "7000002:AAHk-second-bot-token-77aa",
    );
    let clash = install.hark(&["profile", "rename", "Day shift", "NIGHT SHIFT"]);
    assert_eq!(clash.code, 2);
    assert!(
        clash.stderr.contains("profile_name_taken"),
        "{}",
        clash.stderr
    );

    // A new secret replaces the old one, in place.
    let set = install.hark_fed(
        &["profile", "set-secret", "Night shift"],
        Some("7000001:AAHk-rotated-token-b0b0\n"),
    );
    assert_eq!(set.code, 0, "{}", set.stderr);
    let (_, secret) = install
        .keychain
        .secret_tool(&["lookup", "service", "hark", "username", &account]);
    assert_eq!(secret.trim(), "7000001:AAHk-rotated-token-b0b0");

    // Removed: the row and the keychain entry go; the other profile's entry stays.
    let removed = install.hark(&["profile", "remove", "Night shift"]);
    assert_eq!(removed.code, 0, "{}", removed.stderr);
    let (found, _) = install
        .keychain
        .secret_tool(&["lookup", "service", "hark", "username", &account]);
    assert!(!found, "{}", keychain_items(&install));
    let other = format!("profile:{}:bot_token", dup["id"].as_str().unwrap());
    assert!(
        install
            .keychain
            .secret_tool(&["lookup", "service", "hark", "username", &other])
            .0
    );
    let list = install.hark(&["profile", "list", "--json"]);
    let names: Vec<String> = serde_json::from_str::<Value>(&list.stdout).unwrap()["profiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["Sandbox", "Day shift"]);
}

#[test]
fn secrets_never_come_from_the_command_line_and_bad_fields_are_explained() {
    let install = Install::start();
    let run = install.hark(&[
        "profile",
        "add",
        "telegram",
        "--name",
        "Bot",
        "--bot-token",
        TOKEN,
    ]);
    assert_eq!(run.code, 2, "no such flag: {}", run.stderr);
    assert!(run.stderr.contains("--bot-token"), "{}", run.stderr);

    // A missing required field names its flag; a missing secret asks for it again;
    // a wrong choice lists the right ones; a URL must be http(s).
    let refused: [(&[&str], &str, &[&str]); 4] = [
        (
            &["messenger", "--name", "Page"],
            "EAAG-token-value-0001\n",
            &["Page ID is required", "--page-id"],
        ),
        (
            &["whatsapp", "--name", "WA", "--phone-number-id", "1"],
            "",
            &["Access token is required"],
        ),
        (
            &[
                "wechat",
                "--name",
                "WX",
                "--app-id",
                "wx1",
                "--token-mode",
                "carrier-pigeon",
            ],
            "secret\n",
            &["app_secret, access_token, relay"],
        ),
        (
            &["whatsapp-gateway", "--name", "GW", "--api-base", "ftp://x"],
            "",
            &["http://"],
        ),
    ];
    for (args, stdin, says) in refused {
        let mut full = vec!["profile", "add"];
        full.extend_from_slice(args);
        let run = install.hark_fed(&full, Some(stdin));
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        for text in says {
            assert!(run.stderr.contains(text), "{args:?}: {}", run.stderr);
        }
    }

    // Nothing of the refused attempts reached the keychain or the database.
    assert!(
        keychain_items(&install).trim().is_empty(),
        "{}",
        keychain_items(&install)
    );
    let list = install.hark(&["profile", "list", "--json"]);
    let profiles: Value = serde_json::from_str(&list.stdout).unwrap();
    assert_eq!(
        profiles["profiles"].as_array().unwrap().len(),
        1,
        "only the sandbox"
    );
}

#[test]
fn a_keychain_that_goes_away_is_reported_and_nothing_is_lost() {
    let install = Install::start();
    install.add_profile("telegram", "Bot", &[], TOKEN);
    let mut env = install.env();
    env.retain(|(k, _)| k != "DBUS_SESSION_BUS_ADDRESS");
    env.push((
        "DBUS_SESSION_BUS_ADDRESS".into(),
        "unix:path=/nonexistent/bus".into(),
    ));

    let wav = install.scratch("reply.wav");
    rig::media::sox_tone(&wav, 16_000, 1, 1.0, 440.0, &[]);
    let send = rig::accounts::run(
        &[
            "send",
            "--profile",
            "Bot",
            "--to",
            "42",
            "--json",
            wav.to_str().unwrap(),
        ],
        &env,
        None,
    );
    assert_eq!(send.code, 3, "{}", send.stdout);
    let answer: Value = serde_json::from_str(&send.stdout).unwrap();
    assert_eq!(answer["error"]["code"], "keychain_unavailable");
    assert!(
        answer["error"]["remedy"]
            .as_str()
            .unwrap()
            .contains("Secret Service")
    );

    // Removing without a keychain would orphan the secret: refused, profile kept.
    let remove = rig::accounts::run(&["profile", "remove", "Bot"], &env, None);
    assert_eq!(remove.code, 3, "{}", remove.stderr);
    assert!(
        install
            .hark(&["profile", "show", "Bot"])
            .stdout
            .contains("••••3f9a")
    );
}

#[test]
fn an_edit_changes_fields_and_drops_secrets_the_new_settings_no_longer_use() {
    let install = Install::start();
    let added = install.add_profile(
        "wechat",
        "WX",
        &["--app-id", "wx1"],
        "app-secret-value-0001",
    );
    let id = added["id"].as_str().unwrap().to_owned();
    let secret_entry = format!("profile:{id}:app_secret");
    assert!(
        install
            .keychain
            .secret_tool(&["lookup", "service", "hark", "username", &secret_entry])
            .0
    );

    // Relay mode needs its URL: refused, nothing changed.
    let refused = install.hark(&["profile", "edit", "WX", "--token-mode", "relay"]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("Token relay URL is required"),
        "{}",
        refused.stderr
    );
    assert!(
        install
            .keychain
            .secret_tool(&["lookup", "service", "hark", "username", &secret_entry])
            .0
    );

    // With it: saved under a new name, and the AppSecret (unused by a relay) leaves the
    // keychain.
    let edited = install.hark(&[
        "profile",
        "edit",
        "WX",
        "--new-name",
        "WeChat via relay",
        "--token-mode",
        "relay",
        "--relay-url",
        "https://relay.example/token",
        "--json",
    ]);
    assert_eq!(edited.code, 0, "{}", edited.stderr);
    let view: Value = serde_json::from_str(&edited.stdout).unwrap();
    assert_eq!(view["edited"]["name"], "WeChat via relay");
    let field = |v: &Value, key: &str| {
        v["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["key"] == key)
            .cloned()
    };
    assert_eq!(
        field(&view["edited"], "token_mode").unwrap()["value"],
        "relay"
    );
    assert!(
        field(&view["edited"], "app_secret").is_none(),
        "no longer a field of this mode"
    );
    let (found, _) =
        install
            .keychain
            .secret_tool(&["lookup", "service", "hark", "username", &secret_entry]);
    assert!(!found, "the unused AppSecret is gone from the keychain");

    // An empty value goes back to the default.
    let moved = install.hark(&[
        "profile",
        "edit",
        "WeChat via relay",
        "--api-base",
        "https://proxy.example",
    ]);
    assert_eq!(moved.code, 0, "{}", moved.stderr);
    let back = install.hark(&[
        "profile",
        "edit",
        "WeChat via relay",
        "--api-base",
        "",
        "--json",
    ]);
    let view: Value = serde_json::from_str(&back.stdout).unwrap();
    let api = field(&view["edited"], "api_base").unwrap();
    assert_eq!(api["value"], "https://api.weixin.qq.com");
    assert_eq!(api["is_default"], true);
}

#[test]
fn plain_http_is_only_for_the_local_network_and_a_new_address_takes_the_secrets_again() {
    let install = Install::start();
    const TOKEN: &str = "7000001:AAHk-address-token-3f9a";
    // Plain http:// to a public host would show the token to anyone on the way.
    let refused = install.hark_fed(
        &[
            "profile",
            "add",
            "telegram",
            "--name",
            "Bot",
            "--api-base",
            "http://bot-api.example.com",
            "--json",
        ],
        Some(TOKEN),
    );
    assert_eq!(refused.code, 2, "{}", refused.stdout);
    let e: Value = serde_json::from_str(&refused.stdout).unwrap();
    assert!(
        e["error"]["message"].as_str().unwrap().contains("https://"),
        "{e:#}"
    );
    // A gateway on the LAN, or this computer, may use it.
    for base in [
        "http://192.168.1.20:3000",
        "http://10.0.0.7",
        "http://[::1]:8081",
        "http://waha.local:3000",
        "http://localhost:8081",
    ] {
        let name = format!("Bot {base}");
        let added = install.hark_fed(
            &[
                "profile",
                "add",
                "telegram",
                "--name",
                &name,
                "--api-base",
                base,
            ],
            Some(TOKEN),
        );
        assert_eq!(added.code, 0, "{base}: {}", added.stderr);
    }

    install.add_profile(
        "telegram",
        "Moving bot",
        &["--api-base", "https://one.example"],
        TOKEN,
    );
    // A new address without the token again: refused, and the account is unchanged.
    let refused = install.hark_fed(
        &[
            "profile",
            "edit",
            "Moving bot",
            "--api-base",
            "https://two.example",
            "--json",
        ],
        Some(""),
    );
    assert_eq!(refused.code, 2, "{}", refused.stdout);
    let e: Value = serde_json::from_str(&refused.stdout).unwrap();
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .contains("only to the address they were given for"),
        "{e:#}"
    );
    let shown = install
        .hark(&["profile", "show", "Moving bot", "--json"])
        .stdout;
    assert!(shown.contains("https://one.example"), "{shown}");
    // With it: moved, and the new token is the one kept.
    let moved = install.hark_fed(
        &[
            "profile",
            "edit",
            "Moving bot",
            "--api-base",
            "https://two.example",
        ],
        Some("7000001:AAHk-address-token-new0"),
    );
    assert_eq!(moved.code, 0, "{}", moved.stderr);
    let shown = install
        .hark(&["profile", "show", "Moving bot", "--json"])
        .stdout;
    assert!(
        shown.contains("https://two.example") && shown.contains("new0"),
        "{shown}"
    );
}

/// The profile store's promise: a secret is in the keychain only while the database
/// row names it. With another program holding the database's write lock (so the row
/// cannot be written), `add`, `set-secret` and an edit that takes the secrets again
/// each fail with the database's error, and leave the keychain as it was.
#[test]
fn a_database_that_cannot_be_written_leaves_the_keychain_as_it_was() {
    let install = Install::start();
    let added = install.add_profile("telegram", "Support bot", &[], TOKEN);
    let account = format!("profile:{}:bot_token", added["id"].as_str().unwrap());
    let stored = || {
        let (found, secret) = install
            .keychain
            .secret_tool(&["lookup", "service", "hark", "username", &account]);
        assert!(found, "{}", keychain_items(&install));
        secret.trim().to_owned()
    };
    let count = || {
        keychain_items(&install)
            .lines()
            .filter(|l| l.starts_with("label = "))
            .count()
    };
    assert_eq!(count(), 1, "{}", keychain_items(&install));

    let lock = rig::db_lock::DbLock::hold(&install.data_dir().join("hark.db"));
    let refused = |args: &[&str], secret: &str| {
        let run = install.hark_fed(args, Some(secret));
        assert_eq!(run.code, 3, "{args:?}\n{}\n{}", run.stdout, run.stderr);
        assert!(run.stderr.contains("database_error"), "{}", run.stderr);
    };
    refused(
        &["profile", "set-secret", "Support bot"],
        "7000001:AAHk-never-kept-1111\n",
    );
    assert_eq!(stored(), TOKEN, "set-secret put the old token back");
    refused(
        &[
            "profile",
            "edit",
            "Support bot",
            "--api-base",
            "https://bots.example.test",
        ],
        "7000001:AAHk-never-kept-2222\n",
    );
    assert_eq!(stored(), TOKEN, "the edit put the old token back");
    refused(
        &["profile", "add", "telegram", "--name", "Night shift"],
        "7000002:AAHk-never-kept-3333\n",
    );
    assert_eq!(count(), 1, "add left nothing: {}", keychain_items(&install));
    drop(lock);

    // Once the database can be written again, each works.
    let set = install.hark_fed(
        &["profile", "set-secret", "Support bot"],
        Some("7000001:AAHk-rotated-token-4444\n"),
    );
    assert_eq!(set.code, 0, "{}", set.stderr);
    assert_eq!(stored(), "7000001:AAHk-rotated-token-4444");
    install.add_profile("telegram", "Night shift", &[], "7000002:AAHk-kept-5555");
    assert_eq!(count(), 2, "{}", keychain_items(&install));
}
