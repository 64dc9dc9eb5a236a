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

/// The command in Chinese: what went out, and the history at the reader's local time
/// (the system's zone); `--json` keeps RFC 3339 UTC.
#[test]
fn the_command_speaks_the_readers_language_at_their_local_time() {
    let scratch = Scratch::new();
    let wav = scratch.path("hello.wav");
    sox_tone(&wav, 16_000, 1, 1.0, 440.0, &[]);
    let env = |lang: &str, tz: &str| {
        vec![
            (
                "HARK_DATA_DIR".to_string(),
                scratch.path("data").display().to_string(),
            ),
            ("HARK_LANG".to_string(), lang.to_string()),
            ("TZ".to_string(), tz.to_string()),
        ]
    };
    let sent = send_to_anyone(&wav, &env("zh-CN", "UTC"));
    assert_eq!(sent.code, 0, "{}", sent.stderr);
    assert!(sent.stdout.contains("发送给 anyone"), "{}", sent.stdout);
    assert!(
        sent.stdout.contains("历史记录：第 1 号发送"),
        "{}",
        sent.stdout
    );

    let json = run(&["history", "--json"], &env("zh-CN", "UTC"), None);
    let json: Value = serde_json::from_str(&json.stdout).unwrap();
    let at = json["sends"][0]["created_at"].as_str().unwrap().to_owned();
    assert!(at.ends_with('Z'), "{at}");
    // "2026-12-02T04:12:23.189Z" is 2026-12-02 04:12 in UTC.
    let (date, time) = (&at[..10], &at[11..16]);
    let zh = run(&["history"], &env("zh-CN", "UTC"), None).stdout;
    let (y, m, d) = (&date[..4], &date[5..7], &date[8..10]);
    assert!(zh.contains(&format!("{y}年{m}月{d}日 {time}")), "{zh}");
    assert!(zh.contains("已发送") && zh.contains("(沙盒)"), "{zh}");
    let en = run(&["history"], &env("en", "UTC"), None).stdout;
    assert!(en.contains(&format!("{date} {time}  sent")), "{en}");
    // Another zone moves the hour, not the stored time.
    let east = run(&["history"], &env("en", "Asia/Tokyo"), None).stdout;
    assert!(!east.contains(&format!("{date} {time}")), "{east}");
}
