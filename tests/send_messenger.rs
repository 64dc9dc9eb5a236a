//! `hark profile add messenger` + `hark send` against the strict Send API fake.

use rig::accounts::{Install, assert_error, assert_sent};
use rig::fakes::messenger::{self, Messenger};
use rig::media::sox_tone;
use serde_json::json;

const TOKEN: &str = "EAAGm0PX4ZCps-fake-page-token-3f9a";
const PAGE: &str = "1029384756";

fn fake() -> rig::fakes::Fake<Messenger> {
    let mut state = Messenger::new(PAGE, TOKEN);
    state.user("2400000000000001", 1);
    state.user("2400000000000002", 30);
    state.user("2400000000000003", 24 * 8);
    messenger::start(state)
}

fn add(install: &Install, fake: &rig::fakes::Fake<Messenger>, name: &str, page: &str, token: &str) {
    install.add_profile(
        "messenger",
        name,
        &[
            "--api-base",
            &fake.base,
            "--page-id",
            page,
            "--graph-version",
            "v25.0",
        ],
        token,
    );
}

#[test]
fn a_note_goes_as_an_m4a_audio_attachment_in_one_call() {
    let fake = fake();
    let install = Install::start();
    add(&install, &fake, "Acme Page", PAGE, TOKEN);
    let verified = install.hark(&["profile", "verify", "Acme Page"]);
    assert_eq!(verified.code, 0, "{}", verified.stderr);
    assert!(
        verified.stdout.contains("Acme Support (Page 1029384756)"),
        "{}",
        verified.stdout
    );

    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 44_100, 1, 3.0, 440.0, &[]);
    let receipt = assert_sent(&install.send("Acme Page", "2400000000000001", &wav, &[]));
    assert!(receipt["message_id"].as_str().unwrap().starts_with("m_"));
    assert!(receipt["media_id"].is_string(), "the attachment id is kept");
    {
        let state = fake.state();
        let d = &state.delivered[0];
        assert_eq!(d.content_type, "audio/mp4");
        assert_eq!(
            (d.messaging_type.as_str(), d.tag.as_deref()),
            ("RESPONSE", None)
        );
    }

    // 30 hours after the customer's last message the window is shut, and the remedy
    // says what a person may do; with the human-agent tag the reply goes.
    let e = assert_error(
        &install.send("Acme Page", "2400000000000002", &wav, &[]),
        "messaging_window_closed",
        5,
    );
    assert_eq!(e["raw_code"], "10/2018278");
    assert!(
        e["remedy"].as_str().unwrap().contains("--tag human-agent"),
        "{e}"
    );
    assert_sent(&install.send(
        "Acme Page",
        "2400000000000002",
        &wav,
        &["--tag", "human-agent"],
    ));
    let last = fake.state().delivered.last().cloned().unwrap();
    assert_eq!(
        (last.messaging_type.as_str(), last.tag.as_deref()),
        ("MESSAGE_TAG", Some("HUMAN_AGENT"))
    );
    // Not even the tag reaches past 7 days.
    assert_error(
        &install.send(
            "Acme Page",
            "2400000000000003",
            &wav,
            &["--tag", "human-agent"],
        ),
        "messaging_window_closed",
        5,
    );

    // Several notes in a row stay under 10 audio sends a second per Page.
    for _ in 0..3 {
        assert_sent(&install.send("Acme Page", "2400000000000001", &wav, &[]));
    }
}

#[test]
fn tokens_pages_people_and_every_documented_code() {
    let fake = fake();
    let install = Install::start();
    add(&install, &fake, "Acme Page", PAGE, TOKEN);
    add(
        &install,
        &fake,
        "Revoked",
        PAGE,
        "EAAGm0PX4ZCps-revoked-0000",
    );
    add(&install, &fake, "Other page", "5555555555", TOKEN);
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 2.0, 440.0, &[]);

    assert_error(
        &install.send("Revoked", "2400000000000001", &wav, &[]),
        "invalid_token",
        5,
    );
    assert_error(
        &install.send("Acme Page", "2400000000000999", &wav, &[]),
        "recipient_not_found",
        5,
    );
    let verify = install.hark(&["profile", "verify", "Other page", "--json"]);
    assert_eq!(verify.code, 5, "{}", verify.stdout);
    assert!(
        verify.stdout.contains("not to the Page 5555555555"),
        "{}",
        verify.stdout
    );

    let cases: &[(i64, Option<i64>, &str, i32, usize)] = &[
        (190, Some(460), "invalid_token", 5, 1),
        (190, Some(463), "invalid_token", 5, 1),
        (100, Some(2018001), "recipient_not_found", 5, 1),
        (100, None, "platform_error", 5, 1),
        (100, Some(2018109), "audio_too_large", 5, 1),
        (100, Some(2018047), "audio_fetch_failed", 6, 1),
        (100, Some(2018074), "audio_fetch_failed", 6, 1),
        (10, Some(2018278), "messaging_window_closed", 5, 1),
        (10, Some(2018065), "messaging_window_closed", 5, 1),
        (10, Some(2018108), "message_not_allowed", 5, 1),
        (200, Some(1545041), "message_not_allowed", 5, 1),
        (551, None, "message_not_allowed", 5, 1),
        (200, Some(2018028), "account_not_verified", 5, 1),
        (230, None, "account_not_verified", 5, 1),
        (4, Some(2018022), "rate_limited", 6, 3),
        (32, None, "rate_limited", 6, 3),
        (613, None, "rate_limited", 6, 3),
        (1200, None, "platform_error", 6, 1),
        (2, None, "platform_error", 6, 1),
        (368, None, "message_not_allowed", 5, 1),
    ];
    for &(code, sub, want, exit, times) in cases {
        let mut error = json!({"message": format!("(#{code}) documented"), "type": "OAuthException", "code": code, "fbtrace_id": "X"});
        if let Some(sub) = sub {
            error["error_subcode"] = json!(sub);
        }
        for _ in 0..times {
            fake.inject("send", 400, json!({ "error": error }));
        }
        let before = fake.count("send");
        let e = assert_error(
            &install.send("Acme Page", "2400000000000001", &wav, &[]),
            want,
            exit,
        );
        let raw = match sub {
            Some(sub) => format!("{code}/{sub}"),
            None => code.to_string(),
        };
        assert_eq!(e["raw_code"], raw);
        // One call uploads and sends, so only "slow down" answers are repeated.
        assert_eq!(fake.count("send") - before, times, "{raw}");
    }
}
