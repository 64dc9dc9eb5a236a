//! `hark profile add wechat` (AppSecret, pasted token, relay) + `hark send` against the
//! strict Official Account fake.

use rig::accounts::{Install, assert_error, assert_sent};
use rig::fakes::wechat::{self, Wechat};
use rig::media::sox_tone;
use serde_json::json;

const APP_ID: &str = "wx5f3e0c1d2b4a6978";
const SECRET: &str = "c0ffee0ddba11fake4app5ecret3f9a";
const FOLLOWER: &str = "oXyZ_follower_0000000000001";

fn fake() -> rig::fakes::Fake<Wechat> {
    let mut state = Wechat::new(APP_ID, SECRET);
    state.follower(FOLLOWER, 1);
    state.follower("oXyZ_follower_0000000000049", 49);
    for i in 0..40 {
        state.follower(&format!("oXyZ_case_{i:02}_00000000000"), 1);
    }
    wechat::start(state)
}

fn add(install: &Install, fake: &rig::fakes::Fake<Wechat>, name: &str, secret: &str) {
    install.add_profile(
        "wechat",
        name,
        &["--api-base", &fake.base, "--app-id", APP_ID],
        secret,
    );
}

#[test]
fn a_note_is_made_amr_uploaded_and_sent_by_media_id() {
    let fake = fake();
    let install = Install::start();
    add(&install, &fake, "Service account", SECRET);
    let verified = install.hark(&["profile", "verify", "Service account"]);
    assert_eq!(verified.code, 0, "{}", verified.stderr);
    assert!(verified.stdout.contains(APP_ID), "{}", verified.stdout);

    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 44_100, 2, 5.0, 440.0, &[]);
    let receipt = assert_sent(&install.send("Service account", FOLLOWER, &wav, &[]));
    assert!(
        receipt["message_id"].is_null(),
        "WeChat returns no message id"
    );
    let media_id = receipt["media_id"].as_str().unwrap().to_owned();
    {
        let state = fake.state();
        let d = &state.delivered[0];
        assert_eq!(
            (d.touser.as_str(), d.media_id.as_str()),
            (FOLLOWER, media_id.as_str())
        );
        assert_eq!(
            d.duration_ms, 5000,
            "AMR frames add up to the note's length"
        );
    }

    // A token the platform rejects mid-way (expired, superseded) is refreshed once and
    // the upload repeated; the note still goes.
    let tokens = fake.count("token");
    fake.inject(
        "upload",
        200,
        json!({"errcode": 42001, "errmsg": "access_token expired"}),
    );
    assert_sent(&install.send("Service account", FOLLOWER, &wav, &[]));
    assert_eq!(
        fake.count("token") - tokens,
        2,
        "one token, then one refresh"
    );

    // Tokens that ran out on the platform side: a new process gets a fresh one.
    fake.state().expire_tokens();
    assert_sent(&install.send("Service account", FOLLOWER, &wav, &[]));

    // Five messages per customer message; the sixth waits for the customer.
    assert_sent(&install.send("Service account", FOLLOWER, &wav, &[]));
    assert_sent(&install.send("Service account", FOLLOWER, &wav, &[]));
    let e = assert_error(
        &install.send("Service account", FOLLOWER, &wav, &[]),
        "quota_exceeded",
        5,
    );
    assert_eq!(e["raw_code"], "45047");

    // Longer than WeChat's 60 s: refused before any request, exit 1 (does not fit).
    let long = install.scratch("long.wav");
    sox_tone(&long, 16_000, 1, 75.0, 440.0, &[]);
    let uploads = fake.count("upload");
    let (code, json) = install.send("Service account", FOLLOWER, &long, &[]);
    assert_eq!(
        (code, json["error"]["code"].as_str()),
        (1, Some("audio_too_long")),
        "{json}"
    );
    assert_eq!(fake.count("upload"), uploads);
}

#[test]
fn pasted_tokens_and_relays_get_their_tokens_their_own_way() {
    let fake = fake();
    let install = Install::start();
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 2.0, 440.0, &[]);

    let pasted = fake.state().issue_token();
    install.add_profile(
        "wechat",
        "Pasted",
        &[
            "--api-base",
            &fake.base,
            "--app-id",
            APP_ID,
            "--token-mode",
            "access-token",
        ],
        &pasted,
    );
    assert_sent(&install.send("Pasted", FOLLOWER, &wav, &[]));
    fake.state().expire_tokens();
    let e = assert_error(
        &install.send("Pasted", FOLLOWER, &wav, &[]),
        "invalid_token",
        5,
    );
    assert!(
        e["remedy"].as_str().unwrap().contains("Paste a new token"),
        "{e}"
    );

    fake.state().relay_bearer = Some("relay-bearer-7d1e55".into());
    let relay = format!("{}/relay/token", fake.base);
    install.add_profile(
        "wechat",
        "Relayed",
        &[
            "--api-base",
            &fake.base,
            "--app-id",
            APP_ID,
            "--token-mode",
            "relay",
            "--relay-url",
            &relay,
        ],
        "relay-bearer-7d1e55\n",
    );
    assert_sent(&install.send("Relayed", FOLLOWER, &wav, &[]));
    assert_eq!(fake.count("relay"), 1);
    let run = install.hark_fed(
        &["profile", "set-secret", "Relayed", "--key", "relay_bearer"],
        Some("wrong-bearer-0000\n"),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let e = assert_error(
        &install.send("Relayed", FOLLOWER, &wav, &[]),
        "invalid_token",
        5,
    );
    assert!(e["message"].as_str().unwrap().contains("relay"), "{e}");
}

#[test]
fn whitelists_windows_followers_and_every_documented_errcode() {
    let fake = fake();
    let install = Install::start();
    add(&install, &fake, "Service account", SECRET);
    add(
        &install,
        &fake,
        "Wrong secret",
        "0000000000wrong0000000000000000",
    );
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 2.0, 440.0, &[]);

    assert_error(
        &install.send("Wrong secret", FOLLOWER, &wav, &[]),
        "invalid_token",
        5,
    );
    let e = assert_error(
        &install.send("Service account", "oXyZ_follower_0000000000049", &wav, &[]),
        "messaging_window_closed",
        5,
    );
    assert_eq!(e["raw_code"], "45015");
    assert_error(
        &install.send("Service account", "oXyZ_not_a_follower_000000", &wav, &[]),
        "recipient_not_found",
        5,
    );

    fake.state().whitelist_blocks = true;
    let verify = install.hark(&["profile", "verify", "Service account", "--json"]);
    assert_eq!(verify.code, 5);
    let v: serde_json::Value = serde_json::from_str(&verify.stdout).unwrap();
    assert_eq!(v["error"]["code"], "account_not_verified");
    assert_eq!(v["error"]["raw_code"], "40164");
    let remedy = v["error"]["remedy"].as_str().unwrap();
    assert!(
        remedy.contains("whitelist") && remedy.contains("relay"),
        "{remedy}"
    );
    fake.state().whitelist_blocks = false;

    // Every errcode of shared/platforms.md §1, as the send call's answer.
    let cases: &[(i64, &str, i32, usize)] = &[
        (-1, "platform_error", 6, 1),
        (40001, "invalid_token", 5, 2),
        (40014, "invalid_token", 5, 2),
        (42001, "invalid_token", 5, 2),
        (41001, "platform_error", 5, 1),
        (40013, "invalid_token", 5, 1),
        (40125, "invalid_token", 5, 1),
        (40164, "account_not_verified", 5, 1),
        (40003, "recipient_not_found", 5, 1),
        (43004, "recipient_not_found", 5, 1),
        (43019, "message_not_allowed", 5, 1),
        (48002, "message_not_allowed", 5, 1),
        (45015, "messaging_window_closed", 5, 1),
        (45047, "quota_exceeded", 5, 1),
        (45009, "quota_exceeded", 5, 1),
        (45011, "rate_limited", 6, 3),
        (40004, "platform_error", 5, 1),
        (40005, "unsupported_audio", 5, 1),
        (40006, "unsupported_audio", 5, 1),
        (40007, "audio_fetch_failed", 6, 1),
        (40010, "audio_too_large", 5, 1),
        (45001, "audio_too_large", 5, 1),
        (45007, "audio_too_long", 5, 1),
        (41005, "platform_error", 5, 1),
        (44001, "platform_error", 5, 1),
        (40008, "platform_error", 5, 1),
        (45002, "platform_error", 5, 1),
        (47001, "platform_error", 5, 1),
        (48001, "account_not_verified", 5, 1),
        (50002, "message_not_allowed", 5, 1),
    ];
    for (i, &(errcode, want, exit, times)) in cases.iter().enumerate() {
        for _ in 0..times {
            fake.inject(
                "send",
                200,
                json!({"errcode": errcode, "errmsg": format!("documented {errcode}")}),
            );
        }
        let before = fake.count("send");
        let to = format!("oXyZ_case_{i:02}_00000000000");
        let e = assert_error(&install.send("Service account", &to, &wav, &[]), want, exit);
        assert_eq!(e["raw_code"], errcode.to_string());
        // Token errors: refreshed once, then reported. Rate limits: three tries.
        assert_eq!(fake.count("send") - before, times, "{errcode}");
    }
}
