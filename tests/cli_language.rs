//! The `hark` command in Simplified Chinese: every command's human output, its help and
//! its errors say nothing in English (names of platforms, formats and products, ids,
//! commands to type and the platform's own words excepted).

use rig::accounts::run;
use rig::media::{Scratch, sox_tone};

/// Words of the command line that may stay as they are besides those Hark says the same
/// in every language: names (the built-in account is named "Sandbox" when the data
/// folder is made), protocols' terms, placeholders, and the commands themselves.
const NOT_TRANSLATED: &[&str] = &[
    "hark",
    "JSON",
    "ms",
    "TLS",
    "GB",
    "roff",
    "shell",
    "stdout",
    "stderr",
    "ID",
    "IP",
    "LAN",
    "DC",
    "Page",
    "Bearer",
    "Authorization",
    "Official",
    "Account",
    "System",
    "User",
    "Meta",
    "X-Api-Key",
    "expires_in",
    "RESPONSE",
    "UPDATE",
    "HUMAN_AGENT",
    "human",
    "agent",
    "default",
    "float",
    "Sandbox",
    "anyone",
    "bash",
    "zsh",
    "fish",
    "elvish",
    "powershell",
    "usr",
    "share",
    "completion",
    "completions",
    "bot_token",
    "channel",
    // What this test types wrong, said back.
    "signal",
    "sned",
    "abc",
    "nobody",
    // The commands' own names and the platforms' ids.
    "wechat",
    "messenger",
    "whatsapp",
    "whatsapp-gateway",
    "telegram",
    "sandbox",
    "doctor",
    "inspect",
    "convert",
    "devices",
    "record",
    "recover",
    "profile",
    "send",
    "resend",
    "history",
    "inbox",
    "man",
    "help",
    "add",
    "list",
    "show",
    "rename",
    "edit",
    "remove",
    "verify",
    "set-secret",
    "fields",
    "contact",
    "import",
    "li-wei",
    "serve",
    "api-key",
    "create",
    "revoke",
    "OpenAPI",
];

/// The English words left in `text`, after what is not translated: commands to type
/// (`hark …`, flags), paths, placeholders in capitals, and the words above.
fn english_in(text: &str) -> Vec<String> {
    let mut left = vec![];
    for line in text.lines() {
        // A path is a name.
        let line: String = line
            .split(' ')
            .filter(|chunk| !chunk.contains('/'))
            .collect::<Vec<_>>()
            .join(" ");
        // What is in backticks is to be typed as it is, not read.
        let line: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        // Nor is a command after "hark".
        let line = match line.find("hark ") {
            Some(at) => &line[..at],
            None => &line,
        };
        let words = line
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.'))
            .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()));
        for token in words {
            let word = token.trim_matches(|c| c == '.' || c == '-');
            let bare = word;
            if token.starts_with('-')
                || word.chars().any(|c| c.is_ascii_digit())
                || bare.chars().all(|c| !c.is_ascii_lowercase())
                || bare.len() < 2
                || bare.contains('.')
                // An error code or a protocol's field name.
                || bare.contains('_')
                || NOT_TRANSLATED.contains(&bare)
                || rig::words::SAME_IN_EVERY_LANGUAGE.contains(&bare)
            {
                continue;
            }
            left.push(word.to_owned());
        }
    }
    left
}

#[test]
fn every_command_speaks_chinese_with_no_english_left() {
    let scratch = Scratch::new();
    let wav = scratch.path("hello.wav");
    sox_tone(&wav, 16_000, 1, 1.0, 440.0, &[]);
    let png = scratch.path("picture.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let env = vec![
        (
            "HARK_DATA_DIR".to_string(),
            scratch.path("data").display().to_string(),
        ),
        ("HARK_LANG".to_string(), "zh-CN".to_string()),
        // No keychain is needed by any of these.
        (
            "DBUS_SESSION_BUS_ADDRESS".to_string(),
            "unix:path=/nonexistent/bus".to_string(),
        ),
    ];
    let csv = scratch.path("people.csv");
    std::fs::write(&csv, "姓名,号码\n李伟,li-wei\n,nobody\n").unwrap();
    let csv = csv.to_str().unwrap();
    let wav = wav.to_str().unwrap();
    let out = scratch.path("note.amr");
    let out = out.to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["--help"],
        vec!["send", "--help"],
        vec!["profile", "add", "--help"],
        vec!["record", "--help"],
        vec!["inspect", wav],
        vec!["inspect", wav, "--for", "wechat"],
        vec!["convert", wav, "--for", "wechat", "-o", out, "--clean"],
        vec!["send", "--profile", "sandbox", "--to", "anyone", wav],
        vec!["history"],
        vec!["inbox"],
        vec!["profile", "list"],
        vec!["profile", "show", "sandbox"],
        vec!["profile", "fields", "wechat"],
        vec!["profile", "fields", "messenger"],
        vec!["profile", "fields", "whatsapp-gateway"],
        vec!["recover", "--list"],
        vec!["contact", "import", "--profile", "sandbox", csv],
        vec!["contact", "list", "--profile", "sandbox"],
        vec!["contact", "--help"],
        vec!["serve", "--help"],
        vec!["api-key", "--help"],
        vec!["api-key", "create", "客服台"],
        vec!["api-key", "list"],
        vec!["api-key", "revoke", "客服台"],
        vec!["api-key", "revoke", "nobody"],
        vec!["history"],
        // Errors: a picture, a platform Hark does not know, an account that is not there.
        vec!["inspect", png.to_str().unwrap()],
        vec!["convert", wav, "--for", "signal"],
        vec!["sned"],
        vec!["resend", "abc"],
        vec!["send", wav],
        vec!["send", "--profile", "nobody", "--to", "x", wav],
        vec!["send", "--profile", "sandbox", "--to", "", wav],
    ];
    let mut said = 0;
    for args in &commands {
        let ran = run(args, &env, None);
        let text = format!("{}\n{}", ran.stdout, ran.stderr);
        assert!(
            !text.contains("panicked"),
            "hark {}: {text}",
            args.join(" ")
        );
        assert!(
            text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "hark {} says nothing in Chinese: {text}",
            args.join(" ")
        );
        let english = english_in(&text);
        assert!(
            english.is_empty(),
            "hark {} leaves English: {english:?}\n{text}",
            args.join(" ")
        );
        said += 1;
    }
    assert_eq!(said, commands.len());
}

#[test]
fn the_detector_finds_english() {
    assert_eq!(
        english_in("已写入 /a/note.amr\nWrote the note for you"),
        ["Wrote", "the", "note", "for", "you"]
    );
    assert!(english_in("用法：hark send --profile <PROFILE>").is_empty());
}
