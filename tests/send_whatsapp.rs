//! `hark profile add whatsapp` + `hark send` against the strict Cloud API fake.

use rig::accounts::{Install, assert_error, assert_sent, run};
use rig::fakes::whatsapp::{self, Whatsapp};
use rig::media::sox_tone;
use serde_json::json;

const TOKEN: &str = "EAAJ-fake-system-user-token-3f9a";
const NUMBER_ID: &str = "106540352242922";

fn fake() -> rig::fakes::Fake<Whatsapp> {
    let mut state = Whatsapp::new(NUMBER_ID, TOKEN);
    state.customer("447700900123", 1);
    state.customer("447700900999", 25);
    whatsapp::start(state)
}

fn add(install: &Install, fake: &rig::fakes::Fake<Whatsapp>, name: &str, token: &str) {
    install.add_profile(
        "whatsapp",
        name,
        &["--api-base", &fake.base, "--phone-number-id", NUMBER_ID],
        token,
    );
}

#[test]
fn a_note_is_uploaded_then_sent_as_a_voice_note() {
    let fake = fake();
    let install = Install::start();
    add(&install, &fake, "Support line", TOKEN);
    let verified = install.hark(&["profile", "verify", "Support line"]);
    assert_eq!(verified.code, 0, "{}", verified.stderr);
    assert!(
        verified.stdout.contains("+1 555-0100 (Acme Support)"),
        "{}",
        verified.stdout
    );

    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 48_000, 2, 4.0, 330.0, &[]);
    let receipt = assert_sent(&install.send("Support line", "+44 7700 900123", &wav, &[]));
    assert_eq!(receipt["recipient"], "447700900123");
    assert!(
        receipt["message_id"]
            .as_str()
            .unwrap()
            .starts_with("wamid.")
    );
    {
        let state = fake.state();
        let d = &state.delivered[0];
        assert_eq!(d.to, "447700900123");
        assert!(d.voice, "sent with voice: true");
        assert_eq!(receipt["media_id"], d.media_id.as_str());
    }

    // The same person again at once: Hark waits out WhatsApp's pair rate (one message
    // every ~6 s) instead of letting the platform refuse it with 131056.
    assert_sent(&install.send("Support line", "447700900123", &wav, &[]));
    let refused = fake
        .state()
        .common
        .seen
        .iter()
        .filter(|s| s.status != 200)
        .count();
    assert_eq!(refused, 0, "no request was refused");
    assert_eq!(fake.state().delivered.len(), 2);

    // An upload that meets a server error is repeated (nothing was sent yet).
    fake.inject("upload", 500, json!({"error": {"message": "An unknown error occurred", "type": "OAuthException", "code": 131000}}));
    let before = fake.count("upload");
    fake.state().customer("447700900124", 1);
    assert_sent(&install.send("Support line", "447700900124", &wav, &[]));
    assert_eq!(fake.count("upload") - before, 2);
}

/// A refusal in the reader's language: Chinese with `HARK_LANG=zh-CN` or a Chinese
/// locale, English without; the platform's own words as it said them, in both.
#[test]
fn a_refused_token_is_explained_in_the_readers_language() {
    let fake = fake();
    let install = Install::start();
    add(&install, &fake, "Expired", "EAAJ-old-temporary-token-0000");
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 1.0, 440.0, &[]);
    let wav = wav.display().to_string();
    let send = |extra: &[(&str, &str)]| {
        let mut env = install.env();
        env.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let args = ["send", "--profile", "Expired", "--to", "447700900123", &wav];
        run(&args, &env, None)
    };
    let said_by_whatsapp = "Error validating access token";

    let zh = send(&[("HARK_LANG", "zh-CN"), ("LANG", "en_US.UTF-8")]);
    assert_eq!(zh.code, 5, "{}", zh.stderr);
    for words in [
        "WhatsApp不接受此账号的凭据",
        "怎么办：请从WhatsApp的开发者设置中获取新的令牌或密钥",
        "hark profile set-secret",
        "错误码：invalid_token",
        said_by_whatsapp,
    ] {
        assert!(zh.stderr.contains(words), "{words:?} in:\n{}", zh.stderr);
    }
    assert!(!zh.stderr.contains("What to do"), "{}", zh.stderr);

    let locale = send(&[("LANG", "zh_CN.UTF-8")]);
    assert!(
        locale.stderr.contains("不接受此账号的凭据"),
        "{}",
        locale.stderr
    );

    for english in [
        send(&[]),
        send(&[("LANG", "C.UTF-8")]),
        send(&[("HARK_LANG", "en"), ("LANG", "zh_CN.UTF-8")]),
    ] {
        assert_eq!(english.code, 5, "{}", english.stderr);
        assert!(
            english
                .stderr
                .contains("WhatsApp did not accept this account's credentials")
                && english.stderr.contains("What to do: Get a new token")
                && english.stderr.contains(said_by_whatsapp),
            "{}",
            english.stderr
        );
        assert!(!english.stderr.contains("凭据"), "{}", english.stderr);
    }

    // The account list says what the platform refused, in the reader's language too.
    let list = |lang: &str| {
        let mut env = install.env();
        env.push(("HARK_LANG".into(), lang.into()));
        run(&["profile", "list"], &env, None).stdout
    };
    let zh = list("zh-CN");
    assert!(zh.contains("! 需要处理"), "{zh}");
    assert!(zh.contains("WhatsApp不接受此账号的凭据"), "{zh}");
    let en = list("en");
    assert!(en.contains("! needs attention"), "{en}");
    assert!(
        en.contains("WhatsApp did not accept this account's credentials"),
        "{en}"
    );

    // --json keeps its codes in any language.
    let mut env = install.env();
    env.push(("HARK_LANG".into(), "zh-CN".into()));
    let json = run(
        &[
            "send",
            "--profile",
            "Expired",
            "--to",
            "447700900123",
            "--json",
            &wav,
        ],
        &env,
        None,
    );
    let answer: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(answer["error"]["code"], "invalid_token");
    assert_eq!(answer["error"]["kind"], "refused");
    assert!(
        answer["error"]["message"]
            .as_str()
            .unwrap()
            .contains("凭据")
    );
}

#[test]
fn windows_numbers_tokens_and_every_documented_code() {
    let fake = fake();
    let install = Install::start();
    add(&install, &fake, "Support line", TOKEN);
    add(&install, &fake, "Expired", "EAAJ-old-temporary-token-0000");
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 2.0, 440.0, &[]);

    let e = assert_error(
        &install.send("Support line", "447700900999", &wav, &[]),
        "messaging_window_closed",
        5,
    );
    assert_eq!(e["raw_code"], "131047");
    assert!(e["remedy"].as_str().unwrap().contains("template"), "{e}");
    assert_error(
        &install.send("Support line", "15550000000", &wav, &[]),
        "recipient_not_found",
        5,
    );
    assert_error(
        &install.send("Expired", "447700900123", &wav, &[]),
        "invalid_token",
        5,
    );
    let before = fake.count("upload");
    assert_error(
        &install.send("Support line", "alice", &wav, &[]),
        "recipient_not_found",
        5,
    );
    assert_eq!(fake.count("upload"), before, "refused before any request");

    // Each documented code as the send call's answer. Hark repeats the sending call
    // only for rate limits (three tries), never after a server error.
    let cases: &[(i64, u16, &str, i32, usize)] = &[
        (190, 401, "invalid_token", 5, 1),
        (0, 401, "invalid_token", 5, 1),
        (10, 403, "account_not_verified", 5, 1),
        (200, 403, "account_not_verified", 5, 1),
        (131047, 400, "messaging_window_closed", 5, 1),
        (131026, 400, "recipient_not_found", 5, 1),
        (131051, 400, "unsupported_audio", 5, 1),
        (131053, 400, "unsupported_audio", 5, 1),
        (131052, 400, "platform_error", 5, 1),
        (131008, 400, "platform_error", 5, 1),
        (131009, 400, "platform_error", 5, 1),
        (100, 400, "platform_error", 5, 1),
        (130429, 429, "rate_limited", 6, 3),
        (131056, 429, "rate_limited", 6, 3),
        (4, 429, "rate_limited", 6, 3),
        (80007, 429, "rate_limited", 6, 3),
        (131048, 400, "message_not_allowed", 5, 1),
        (368, 403, "message_not_allowed", 5, 1),
        (131031, 403, "account_not_verified", 5, 1),
        (131042, 400, "account_not_verified", 5, 1),
        (131021, 400, "recipient_not_found", 5, 1),
        (131000, 500, "platform_error", 6, 1),
        (131016, 500, "platform_error", 6, 1),
        (2, 503, "platform_error", 6, 1),
    ];
    for (i, &(code, status, want, exit, times)) in cases.iter().enumerate() {
        let number = format!("4477009{i:05}");
        fake.state().customer(&number, 1);
        let body = json!({"error": {"message": format!("(#{code}) documented error"), "type": "OAuthException", "code": code, "error_data": {"messaging_product": "whatsapp", "details": "detail"}, "fbtrace_id": "X"}});
        for _ in 0..times {
            fake.inject("send", status, body.clone());
        }
        let before = fake.count("send");
        let error = assert_error(
            &install.send("Support line", &number, &wav, &[]),
            want,
            exit,
        );
        assert_eq!(error["raw_code"], code.to_string(), "{error}");
        assert!(
            error["raw_message"].as_str().unwrap().contains("detail"),
            "{error}"
        );
        assert_eq!(fake.count("send") - before, times, "{code}");
    }
}
