//! Plants a secret in every kind of account, uses them for everything Hark does
//! (verify, send, errors the platform echoes a token in, a host that cannot be
//! reached) with logging on, then looks for the secrets in every output and every file
//! Hark wrote. They must be only in the keychain.

use std::path::Path;

use rig::accounts::Install;
use rig::fakes::{gateway, messenger, telegram, wechat, whatsapp};
use rig::media::sox_tone;
use serde_json::json;

const WECHAT_SECRET: &str = "leak-wechat-appsecret-51f0c2";
const MESSENGER_TOKEN: &str = "EAAleak-messenger-page-token-8d1e";
const WHATSAPP_TOKEN: &str = "EAAleak-whatsapp-system-token-77b3";
const GATEWAY_KEY: &str = "leak-gateway-api-key-c0c0a";
const TELEGRAM_TOKEN: &str = "7000009:leak-telegram-bot-token-e1e1";

/// Platform, profile name, flags, secret, three recipients.
type Account = (
    &'static str,
    &'static str,
    Vec<&'static str>,
    &'static str,
    [&'static str; 3],
);

fn files_under(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, found);
        } else {
            found.push(path);
        }
    }
}

#[test]
fn no_secret_reaches_an_output_a_log_the_database_or_any_file() {
    let secrets = [
        WECHAT_SECRET,
        MESSENGER_TOKEN,
        WHATSAPP_TOKEN,
        GATEWAY_KEY,
        TELEGRAM_TOKEN,
    ];
    let mut wx = wechat::Wechat::new("wx0000leak0000001", WECHAT_SECRET);
    wx.follower("oLeak_follower_00000000001", 1);
    let wx = wechat::start(wx);
    let mut fb = messenger::Messenger::new("1111", MESSENGER_TOKEN);
    fb.user("2400000000000001", 1);
    let fb = messenger::start(fb);
    let mut wa = whatsapp::Whatsapp::new("2222", WHATSAPP_TOKEN);
    for n in ["447700900123", "447700900124", "447700900125"] {
        wa.customer(n, 1);
    }
    let wa = whatsapp::start(wa);
    let gw = gateway::start(gateway::Gateway::new(Some(GATEWAY_KEY)));
    let mut tg = telegram::Telegram::new(TELEGRAM_TOKEN);
    for chat in ["4242", "4243", "4244"] {
        tg.chats.insert(chat.into(), telegram::Chat::Started);
    }
    let tg = telegram::start(tg);

    let install = Install::start();
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", l.local_addr().unwrap())
    };
    // Three recipients each, so that pacing (WhatsApp: 6 s per person) never waits.
    let accounts: [Account; 5] = [
        (
            "wechat",
            "WX",
            vec!["--app-id", "wx0000leak0000001"],
            WECHAT_SECRET,
            ["oLeak_follower_00000000001"; 3],
        ),
        (
            "messenger",
            "FB",
            vec!["--page-id", "1111"],
            MESSENGER_TOKEN,
            ["2400000000000001"; 3],
        ),
        (
            "whatsapp",
            "WA",
            vec!["--phone-number-id", "2222"],
            WHATSAPP_TOKEN,
            ["447700900123", "447700900124", "447700900125"],
        ),
        (
            "whatsapp-gateway",
            "GW",
            vec![],
            GATEWAY_KEY,
            ["447700900123"; 3],
        ),
        (
            "telegram",
            "TG",
            vec![],
            TELEGRAM_TOKEN,
            ["4242", "4243", "4244"],
        ),
    ];
    let bases = [&wx.base, &fb.base, &wa.base, &gw.base, &tg.base];
    let wav = install.scratch("reply.wav");
    sox_tone(&wav, 16_000, 1, 1.5, 440.0, &[]);
    let wav = wav.to_str().unwrap().to_owned();

    let mut outputs = String::new();
    for ((platform, name, flags, secret, to), base) in accounts.iter().zip(bases) {
        let mut f = flags.clone();
        f.extend(["--api-base", base.as_str()]);
        install.add_profile(platform, name, &f, secret);
        let mut unreachable = flags.clone();
        unreachable.extend(["--api-base", closed.as_str()]);
        let offline = format!("{name} offline");
        install.add_profile(platform, &offline, &unreachable, secret);

        let mut runs = vec![
            install.hark(&["-v", "profile", "verify", name]),
            install.hark(&["-v", "profile", "show", name, "--json"]),
            install.hark(&["-v", "send", "--profile", name, "--to", to[0], &wav]),
            install.hark(&[
                "-v",
                "send",
                "--profile",
                name,
                "--to",
                to[1],
                "--json",
                &wav,
            ]),
            install.hark(&["-v", "send", "--profile", &offline, "--to", to[0], &wav]),
            install.hark(&["-v", "profile", "verify", &offline, "--json"]),
        ];
        // An error whose text carries the token, as Graph's "Malformed access token"
        // does: Hark keeps the platform's words, without the secret.
        let echo = format!("Malformed access token {secret}");
        match *platform {
            "wechat" => wx.inject("send", 200, json!({"errcode": 40001, "errmsg": echo})),
            "messenger" => fb.inject(
                "send",
                400,
                json!({"error": {"message": echo, "type": "OAuthException", "code": 190}}),
            ),
            "whatsapp" => wa.inject(
                "send",
                401,
                json!({"error": {"message": echo, "type": "OAuthException", "code": 190}}),
            ),
            "whatsapp-gateway" => {
                gw.inject("send", 401, json!({"statusCode": 401, "message": echo}))
            }
            _ => tg.inject(
                "send",
                401,
                json!({"ok": false, "error_code": 401, "description": echo}),
            ),
        }
        if *platform == "wechat" {
            wx.inject("send", 200, json!({"errcode": 40001, "errmsg": echo}));
        }
        runs.push(install.hark(&[
            "-v",
            "send",
            "--profile",
            name,
            "--to",
            to[2],
            "--json",
            &wav,
        ]));
        for r in &runs {
            outputs.push_str(&r.stdout);
            outputs.push_str(&r.stderr);
        }
        assert!(
            runs[4].stderr.contains("could not be reached"),
            "the offline send failed as a network error: {}",
            runs[4].stderr
        );
        assert!(
            runs[6].stdout.contains("Malformed access token [redacted]"),
            "{}",
            runs[6].stdout
        );
    }
    outputs.push_str(&install.hark(&["history", "--json"]).stdout);
    outputs.push_str(&install.hark(&["profile", "list", "--json"]).stdout);

    // The logs were on: requests are in them, secrets are not.
    assert!(
        outputs.contains("reply"),
        "verbose output has request events"
    );
    let mut files = Vec::new();
    files_under(&install.data_dir(), &mut files);
    assert!(files.iter().any(|f| f.ends_with("hark.db")), "{files:?}");
    for secret in secrets {
        assert!(
            !outputs.contains(secret),
            "{secret} appeared in Hark's output"
        );
        for file in &files {
            let bytes = std::fs::read(file).unwrap();
            let found = bytes.windows(secret.len()).any(|w| w == secret.as_bytes());
            assert!(!found, "{secret} was written to {}", file.display());
        }
    }
    // Yet every one of them is in the keychain, where it belongs.
    let (_, items) = install
        .keychain
        .secret_tool(&["search", "--all", "service", "hark"]);
    for secret in secrets {
        assert!(items.contains(secret), "{secret} is not in the keychain");
    }
}
