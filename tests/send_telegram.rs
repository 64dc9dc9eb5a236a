//! `hark profile add telegram` + `hark send` against the strict Telegram fake.

use rig::accounts::{Install, assert_error, assert_sent};
use rig::fakes::telegram::{self, Chat, Telegram};
use rig::media::sox_tone;
use serde_json::json;

const TOKEN: &str = "7000001:AAHk-fake-bot-token-3f9a";

fn fake() -> rig::fakes::Fake<Telegram> {
    let mut state = Telegram::new(TOKEN);
    for (chat, how) in [
        ("4242", Chat::Started),
        ("-100777", Chat::Started),
        ("5151", Chat::Blocked),
        ("6161", Chat::NoVoice),
    ] {
        state.chats.insert(chat.into(), how);
    }
    for i in 0..20 {
        state.chats.insert(format!("90{i:02}"), Chat::Started);
    }
    telegram::start(state)
}

#[test]
fn a_note_arrives_as_a_voice_message_with_its_duration() {
    let fake = fake();
    let install = Install::start();
    install.add_profile("telegram", "Bot", &["--api-base", &fake.base], TOKEN);
    let verified = install.hark(&["profile", "verify", "Bot", "--json"]);
    assert_eq!(verified.code, 0, "{}", verified.stderr);
    assert!(
        verified.stdout.contains("@acme_support_bot"),
        "{}",
        verified.stdout
    );

    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 44_100, 2, 3.0, 440.0, &[]);
    let receipt = assert_sent(&install.send("Bot", "4242", &wav, &[]));
    assert_eq!(receipt["platform"], "telegram");
    assert_eq!(receipt["recipient"], "4242");
    assert_eq!(receipt["message_id"], "101");
    assert!(
        receipt["media_id"]
            .as_str()
            .is_some_and(|f| f.starts_with("AwAC"))
    );
    {
        let state = fake.state();
        let d = &state.delivered[0];
        assert_eq!((d.chat_id.as_str(), d.duration), ("4242", 3));
        assert_eq!(d.file_name, "voice-note.ogg");
    }

    // A group chat id is negative.
    assert_sent(&install.send("Bot", "-100777", &wav, &[]));

    // Straight away to the same chat: Hark paces (1 s per chat), so Telegram's flood
    // control never has to answer 429.
    assert_sent(&install.send("Bot", "4242", &wav, &[]));
    let refused = fake
        .state()
        .common
        .seen
        .iter()
        .filter(|s| s.status == 429)
        .count();
    assert_eq!(refused, 0);

    // The history has all three, sent, with their message ids.
    let history = install.hark(&["history", "--json"]);
    let sends: serde_json::Value = serde_json::from_str(&history.stdout).unwrap();
    let sends = sends["sends"].as_array().unwrap();
    assert_eq!(sends.len(), 3);
    assert!(
        sends
            .iter()
            .all(|s| s["state"] == "sent" && s["message_id"].is_string())
    );
}

#[test]
fn every_bot_api_error_reads_as_hark_error_with_a_remedy() {
    let fake = fake();
    let install = Install::start();
    install.add_profile("telegram", "Bot", &["--api-base", &fake.base], TOKEN);
    install.add_profile(
        "telegram",
        "Old bot",
        &["--api-base", &fake.base],
        "7000001:revoked-token-00",
    );
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 2.0, 440.0, &[]);

    // What the fake itself enforces.
    assert_error(
        &install.send("Bot", "1234", &wav, &[]),
        "recipient_not_found",
        5,
    );
    let e = assert_error(
        &install.send("Bot", "5151", &wav, &[]),
        "message_not_allowed",
        5,
    );
    assert!(e["remedy"].as_str().unwrap().contains("Start"), "{e}");
    let e = assert_error(
        &install.send("Bot", "6161", &wav, &[]),
        "message_not_allowed",
        5,
    );
    assert_eq!(e["raw_message"], "Bad Request: VOICE_MESSAGES_FORBIDDEN");
    assert!(e["remedy"].as_str().unwrap().contains("--as-file"), "{e}");
    // The remedy: the same note as a file (sendDocument), which such a chat takes.
    let receipt = assert_sent(&install.send("Bot", "6161", &wav, &["--as-file"]));
    assert!(
        receipt["media_id"]
            .as_str()
            .is_some_and(|f| f.starts_with("BQAC")),
        "{receipt}"
    );
    {
        let state = fake.state();
        let d = state.delivered.last().unwrap();
        assert!(d.as_document, "sent with sendDocument");
        assert_eq!(
            (d.chat_id.as_str(), d.file_name.as_str()),
            ("6161", "voice-note.ogg")
        );
    }
    // Only Telegram takes a note as a file: refused before anything is queued.
    let (code, e) = install.send("sandbox", "anyone", &wav, &["--as-file"]);
    assert_ne!(code, 0, "{e}");
    assert!(
        e["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("voice notes only")),
        "{e}"
    );
    assert_error(
        &install.send("Old bot", "4242", &wav, &[]),
        "invalid_token",
        5,
    );
    let verify = install.hark(&["profile", "verify", "Old bot"]);
    assert_eq!(verify.code, 5);
    assert!(verify.stderr.contains("invalid_token"), "{}", verify.stderr);
    // The account's status follows what the platform said.
    let list = install.hark(&["profile", "list", "--json"]);
    let list: serde_json::Value = serde_json::from_str(&list.stdout).unwrap();
    let status = |name: &str| {
        list["profiles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .map(|p| p["status"].as_str().unwrap().to_owned())
            .unwrap()
    };
    assert_eq!(status("Old bot"), "attention");
    assert_eq!(
        status("Bot"),
        "verified",
        "a note went out through it (as a file)"
    );
    assert_eq!(status("Sandbox"), "verified");

    // A recipient that cannot be a chat id is refused before any request.
    let before = fake.count("send");
    assert_error(
        &install.send("Bot", "alice", &wav, &[]),
        "recipient_not_found",
        5,
    );
    assert_eq!(fake.count("send"), before);

    // Each documented error, answered once (three times where Hark retries).
    let cases = [
        (413, "Request Entity Too Large", "audio_too_large", 5, 1),
        (502, "Bad Gateway", "platform_error", 6, 1),
        (
            429,
            "Too Many Requests: retry after 1",
            "rate_limited",
            6,
            3,
        ),
        (401, "Unauthorized", "invalid_token", 5, 1),
        (
            400,
            "Bad Request: chat not found",
            "recipient_not_found",
            5,
            1,
        ),
        (
            403,
            "Forbidden: bot can't initiate conversation with a user",
            "message_not_allowed",
            5,
            1,
        ),
    ];
    for (i, (status, description, code, exit, times)) in cases.into_iter().enumerate() {
        let mut body = json!({"ok": false, "error_code": status, "description": description});
        if status == 429 {
            body["parameters"] = json!({"retry_after": 1});
        }
        for _ in 0..times {
            fake.inject("send", status, body.clone());
        }
        let before = fake.count("send");
        let chat = format!("90{i:02}");
        let error = assert_error(&install.send("Bot", &chat, &wav, &[]), code, exit);
        assert_eq!(error["raw_code"], status.to_string());
        assert_eq!(error["raw_message"], description);
        // Sending is never repeated after a server error (the message may exist);
        // "too many requests" is, after the wait Telegram asked for.
        assert_eq!(fake.count("send") - before, times, "{code}");
    }

    // One 429, then Telegram takes it: the wait was honoured and the note went.
    fake.inject(
        "send",
        429,
        json!({"ok": false, "error_code": 429, "description": "Too Many Requests: retry after 1", "parameters": {"retry_after": 1}}),
    );
    assert_sent(&install.send("Bot", "9019", &wav, &[]));

    // Failed sends are in the history with their code; nothing is lost.
    let history = install.hark(&["history", "--json"]);
    let sends: serde_json::Value = serde_json::from_str(&history.stdout).unwrap();
    let failed: Vec<_> = sends["sends"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["state"] == "failed")
        .collect();
    assert!(failed.len() >= cases.len(), "{sends:#}");
    for s in &failed {
        assert!(std::path::Path::new(s["note_path"].as_str().unwrap()).is_file());
        assert!(s["error"]["code"].is_string());
    }

    // The note that met the server error goes again with `hark resend`, unchanged.
    let busy = failed
        .iter()
        .find(|s| s["error"]["code"] == "platform_error")
        .expect("the 502 send");
    let id = busy["id"].to_string();
    let again = install.hark(&["resend", &id, "--json"]);
    assert_eq!(again.code, 0, "{}{}", again.stdout, again.stderr);
    let again: serde_json::Value = serde_json::from_str(&again.stdout).unwrap();
    assert_eq!(again["sent"]["receipt"]["recipient"], busy["recipient"]);
    let last = fake.state().delivered.last().cloned().unwrap();
    assert_eq!(last.chat_id, busy["recipient"].as_str().unwrap());
    assert_eq!(
        last.bytes as u64,
        busy["note_bytes"].as_u64().unwrap(),
        "the same note"
    );
}
