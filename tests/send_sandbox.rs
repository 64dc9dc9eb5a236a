//! The sandbox: on a new machine, with no account anywhere and no keychain at all,
//! `hark send --profile sandbox` delivers a real voice note into a local inbox.

use rig::accounts::run;
use rig::media::{Scratch, opusinfo, sox_tone};
use serde_json::Value;

/// `hark send --profile sandbox --to anyone FILE`.
fn send_to_anyone(wav: &std::path::Path, env: &rig::Env) -> rig::bins::Run {
    run(
        &[
            "send",
            "--profile",
            "sandbox",
            "--to",
            "anyone",
            wav.to_str().unwrap(),
        ],
        env,
        None,
    )
}

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

    let sent = send_to_anyone(&wav, &env);
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

/// A send that is not in the history is the command line's mistake, not a platform's
/// refusal: its own code and exit status 2, as for an account name that does not exist.
#[test]
fn resending_a_send_that_does_not_exist_is_a_usage_error() {
    let scratch = Scratch::new();
    let env = vec![(
        "HARK_DATA_DIR".to_string(),
        scratch.path("data").display().to_string(),
    )];
    let wav = scratch.path("hello.wav");
    sox_tone(&wav, 16_000, 1, 1.0, 440.0, &[]);
    let sent = send_to_anyone(&wav, &env);
    assert_eq!(sent.code, 0, "{}", sent.stderr);

    let missing = run(&["resend", "999", "--json"], &env, None);
    assert_eq!(missing.code, 2, "{}\n{}", missing.stdout, missing.stderr);
    let answer: Value = serde_json::from_str(&missing.stdout).expect("JSON");
    assert_eq!(answer["error"]["code"], "send_not_found", "{answer:#}");
    assert_eq!(answer["error"]["kind"], "usage", "{answer:#}");
    assert_eq!(
        answer["error"]["message"],
        "There is no send #999 in the history."
    );
    assert_eq!(answer["error"]["send_id"], Value::Null);
    let text = run(&["resend", "999"], &env, None);
    assert_eq!(text.code, 2);
    assert!(
        text.stderr.contains("hark history") && !text.stderr.contains("platform"),
        "{}",
        text.stderr
    );
}
