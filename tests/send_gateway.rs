//! `hark profile add whatsapp-gateway` + `hark send` against the strict WAHA fake; and
//! `hark history --refresh`, which asks the gateway how far a note got.

use rig::accounts::{Install, assert_error, assert_sent};
use rig::fakes::gateway::{self, Gateway};
use rig::media::sox_tone;
use serde_json::json;

const KEY: &str = "waha-api-key-5c1d9e3f9a";

#[test]
fn a_note_travels_inline_to_the_gateway_session() {
    let fake = gateway::start(Gateway::new(Some(KEY)));
    let install = Install::start();
    gateway::add_account(&install, &fake, "Gateway");
    let verified = install.hark(&["profile", "verify", "Gateway"]);
    assert_eq!(verified.code, 0, "{}", verified.stderr);
    assert!(
        verified.stdout.contains("session default"),
        "{}",
        verified.stdout
    );

    let mp3 = install.scratch("reply.mp3");
    sox_tone(&mp3, 44_100, 2, 3.0, 440.0, &[]);
    let receipt = assert_sent(&install.send("Gateway", "+1 555 0199", &mp3, &[]));
    assert_eq!(receipt["recipient"], "15550199@c.us");
    assert!(
        receipt["message_id"]
            .as_str()
            .unwrap()
            .starts_with("true_15550199@c.us_")
    );
    assert_sent(&install.send("Gateway", "120363025@g.us", &mp3, &[]));
    let state = fake.state();
    assert_eq!(state.delivered.len(), 2);
    assert_eq!(state.delivered[1].chat_id, "120363025@g.us");
}

#[test]
fn keys_sessions_and_every_mapped_status() {
    let fake = gateway::start(Gateway::new(Some(KEY)));
    let install = Install::start();
    gateway::add_account(&install, &fake, "Gateway");
    install.add_profile(
        "whatsapp-gateway",
        "No key",
        &["--api-base", &fake.base],
        "",
    );
    install.add_profile(
        "whatsapp-gateway",
        "Other session",
        &["--api-base", &fake.base, "--session", "sales"],
        KEY,
    );
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 2.0, 440.0, &[]);

    let e = assert_error(
        &install.send("No key", "15550199", &wav, &[]),
        "invalid_token",
        5,
    );
    assert!(e["remedy"].as_str().unwrap().contains("API key"), "{e}");
    assert_error(
        &install.send("Other session", "15550199", &wav, &[]),
        "account_not_verified",
        5,
    );

    fake.state()
        .sessions
        .insert("default".into(), "SCAN_QR_CODE".into());
    let e = assert_error(
        &install.send("Gateway", "15550199", &wav, &[]),
        "account_not_verified",
        5,
    );
    assert!(e["remedy"].as_str().unwrap().contains("QR code"), "{e}");
    let verify = install.hark(&["profile", "verify", "Gateway"]);
    assert_eq!(verify.code, 5);
    assert!(verify.stderr.contains("SCAN_QR_CODE"), "{}", verify.stderr);
    fake.state()
        .sessions
        .insert("default".into(), "WORKING".into());

    let cases = [
        (413, "audio_too_large", 5, 1),
        (429, "rate_limited", 6, 3),
        // An exception in the gateway while it sends: the note may be out (exit 7).
        (500, "delivery_unknown", 7, 1),
        (400, "platform_error", 5, 1),
        (403, "invalid_token", 5, 1),
    ];
    for (status, want, exit, times) in cases {
        for _ in 0..times {
            fake.inject(
                "send",
                status,
                json!({"statusCode": status, "message": "documented", "error": "x"}),
            );
        }
        let before = fake.count("send");
        let e = assert_error(&install.send("Gateway", "15550199", &wav, &[]), want, exit);
        assert_eq!(e["raw_code"], format!("HTTP {status}"));
        assert_eq!(fake.count("send") - before, times, "{status}");
    }

    // A gateway that does not ask for a key takes a profile without one.
    let open = gateway::start(Gateway::new(None));
    install.add_profile(
        "whatsapp-gateway",
        "Open gateway",
        &["--api-base", &open.base],
        "",
    );
    assert_sent(&install.send("Open gateway", "15550199", &wav, &[]));
}

#[test]
fn history_refresh_asks_how_far_a_note_got_and_never_goes_back() {
    let fake = gateway::start(Gateway::new(Some(KEY)));
    let install = Install::start();
    gateway::add_account(&install, &fake, "Gateway");
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 1.0, 440.0, &[]);
    assert_sent(&install.send("Gateway", "+1 555 0199", &wav, &[]));
    assert_sent(&install.send("sandbox", "trainee", &wav, &[]));
    let reached = |install: &Install| {
        let run = install.hark(&["history", "--refresh", "--json"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let sends = json["sends"].as_array().unwrap().clone();
        // Newest first: the sandbox's, then the gateway's.
        assert!(
            sends[0]["reached"].is_null(),
            "the sandbox says nothing more"
        );
        sends[1]["reached"].clone()
    };
    // On the gateway's server only: nothing more to say yet.
    assert!(reached(&install).is_null());
    fake.state().delivered[0].ack = 2;
    assert_eq!(reached(&install), "delivered");
    fake.state().delivered[0].ack = 4;
    assert_eq!(reached(&install), "played");
    let human = install.hark(&["history"]);
    assert!(human.stdout.contains("played"), "{}", human.stdout);
    // Played is as far as a note gets: it is not asked about again.
    let asked = fake.count("messages");
    fake.state().delivered[0].ack = 3;
    assert_eq!(reached(&install), "played");
    assert_eq!(fake.count("messages"), asked);

    // A gateway that cannot be reached is said, and the history shown all the same.
    let other = gateway::start(Gateway::new(Some(KEY)));
    gateway::add_account(&install, &other, "Second");
    assert_sent(&install.send("Second", "+1 555 0142", &wav, &[]));
    // Down for every attempt the transport makes.
    for _ in 0..3 {
        let unavailable = json!({"statusCode": 503, "message": "Service Unavailable", "error": "Service Unavailable"});
        other.inject("messages", 503, unavailable);
    }
    let run = install.hark(&["history", "--refresh"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("Could not ask how far the notes of “Second” got"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("played"), "{}", run.stdout);
}
