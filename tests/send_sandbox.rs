//! The sandbox: on a new machine, with no account anywhere and no keychain at all,
//! `hark send --profile sandbox` delivers a real voice note into a local inbox.

use rig::accounts::run;
use rig::media::{Scratch, opusinfo, sox_tone};
use serde_json::Value;

#[test]
fn a_fresh_install_sends_to_the_sandbox_without_any_account_or_keychain() {
    let scratch = Scratch::new();
    let data = scratch.path("data");
    // No session bus: no keychain can be reached. The sandbox needs none.
    let env = vec![
        ("HARK_DATA_DIR".to_string(), data.display().to_string()),
        (
            "DBUS_SESSION_BUS_ADDRESS".to_string(),
            "unix:path=/nonexistent/bus".to_string(),
        ),
    ];
    let wav = scratch.path("hello.wav");
    sox_tone(&wav, 44_100, 2, 2.5, 440.0, &[]);

    let list = run(&["profile", "list"], &env, None);
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert!(list.stdout.starts_with("Sandbox"), "{}", list.stdout);

    let sent = run(
        &[
            "send",
            "--profile",
            "sandbox",
            "--to",
            "anyone",
            wav.to_str().unwrap(),
        ],
        &env,
        None,
    );
    assert_eq!(sent.code, 0, "{}", sent.stderr);
    assert!(sent.stdout.contains("Sent to anyone"), "{}", sent.stdout);

    let inbox = run(&["inbox", "--json"], &env, None);
    let inbox: Value = serde_json::from_str(&inbox.stdout).unwrap();
    let items = inbox["inbox"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0]["recipient"], "anyone");
    let file = std::path::PathBuf::from(items[0]["file"].as_str().unwrap());
    assert!(file.starts_with(&data));
    let info = opusinfo(&file);
    assert!(info.contains("Channels: 1"), "{info}");
    assert!(info.contains("Playback length: 0m:02.5"), "{info}");

    let history = run(&["history", "--json"], &env, None);
    let history: Value = serde_json::from_str(&history.stdout).unwrap();
    assert_eq!(history["sends"][0]["state"], "sent");
    assert_eq!(history["sends"][0]["message_id"], items[0]["message_id"]);

    // Not audio: a clear error before anything is queued.
    let text = scratch.path("notes.txt");
    std::fs::write(&text, "call me back").unwrap();
    let bad = run(
        &[
            "send",
            "--profile",
            "sandbox",
            "--to",
            "anyone",
            "--json",
            text.to_str().unwrap(),
        ],
        &env,
        None,
    );
    assert_eq!(bad.code, 4, "{}", bad.stdout);
    assert!(bad.stdout.contains("unsupported_audio"), "{}", bad.stdout);
    let history = run(&["history", "--json"], &env, None);
    let history: Value = serde_json::from_str(&history.stdout).unwrap();
    assert_eq!(history["sends"].as_array().unwrap().len(), 1);

    // A real account, though, needs the keychain, and says so.
    let add = run(
        &["profile", "add", "telegram", "--name", "Bot"],
        &env,
        Some("123:abc-token-value\n"),
    );
    assert_eq!(add.code, 3, "{}", add.stderr);
    assert!(
        add.stderr.contains("keychain_unavailable"),
        "{}",
        add.stderr
    );
    let list = run(&["profile", "list"], &env, None);
    assert!(
        !list.stdout.contains("Bot"),
        "nothing half-added: {}",
        list.stdout
    );
}
