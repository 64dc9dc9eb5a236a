//! The `hark` binary's own surface: version, help, usage errors.

use std::process::Command;

fn hark(args: &[&str]) -> (i32, String, String) {
    hark_in("en", args)
}

/// `hark ARGS` with `HARK_LANG=lang`.
fn hark_in(lang: &str, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hark"))
        .args(args)
        .env("HARK_LANG", lang)
        .output()
        .expect("run hark");
    (
        out.status.code().expect("exit code"),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn version_prints_the_product_version() {
    let (code, out, _) = hark(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), format!("hark {}", hark_core::VERSION));
}

#[test]
fn help_lists_only_real_commands_and_documents_exit_statuses() {
    let (code, out, _) = hark(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("doctor"), "{out}");
    let commands: Vec<&str> = out
        .split("Commands:")
        .nth(1)
        .and_then(|rest| rest.split("Options:").next())
        .unwrap()
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        commands,
        [
            "doctor",
            "inspect",
            "convert",
            "devices",
            "record",
            "recover",
            "profile",
            "contact",
            "send",
            "resend",
            "history",
            "inbox",
            "serve",
            "api-key",
            "completions",
            "man",
            "help"
        ],
        "{out}"
    );
    assert!(out.contains("Exit status:"), "{out}");
    assert!(
        out.contains("1  the command ran and found a problem"),
        "{out}"
    );
    assert!(out.contains("5  the platform refused"), "{out}");
    assert!(out.contains("6  a temporary failure"), "{out}");
    assert!(out.contains("7  the outcome is unknown"), "{out}");
}

#[test]
fn help_and_usage_errors_speak_the_readers_language() {
    let (code, out, _) = hark_in("zh-CN", &["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("用法：hark [OPTIONS] <COMMAND>"), "{out}");
    assert!(out.contains("退出状态："), "{out}");
    assert!(out.contains("7  结果未知"), "{out}");
    let (code, out, _) = hark_in("zh-CN", &["profile", "add", "--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("微信（AppID）"), "{out}");
    assert!(
        out.contains("密钥（令牌、AppSecret、API 密钥）绝不从命令行获取"),
        "{out}"
    );
    let (code, _, err) = hark_in("zh-CN", &["convert", "x.wav", "--for", "signal"]);
    assert_eq!(code, 2);
    assert!(err.contains("“signal”不是 Hark 认识的平台"), "{err}");
    let (code, _, err) = hark_in("zh-CN", &["record", "--for", "whatsapp", "--seconds", "0"]);
    assert_eq!(code, 2);
    assert!(err.contains("不是大于零的秒数"), "{err}");
}

#[test]
fn a_wrong_command_line_exits_2_with_usage() {
    let (code, _, err) = hark(&["doctor", "--bogus"]);
    assert_eq!(code, 2);
    assert!(err.contains("unexpected argument '--bogus'"), "{err}");
    let (code, _, err) = hark(&["record", "--for", "whatsapp", "--seconds", "0"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("is not a number of seconds above zero"),
        "{err}"
    );
    let (code, _, err) = hark(&["convert", "x.wav", "--for", "signal"]);
    assert_eq!(code, 2);
    assert!(err.contains("is not a platform Hark knows"), "{err}");
    let (code, _, err) = hark(&[]);
    assert_eq!(code, 2);
    assert!(err.contains("Usage: hark [OPTIONS] <COMMAND>"), "{err}");
}

#[test]
fn completions_and_manual_pages_cover_every_command() {
    for shell in ["bash", "zsh", "fish"] {
        let (code, out, _) = hark(&["completions", shell]);
        assert_eq!(code, 0, "{shell}");
        for command in ["send", "resend", "record", "profile", "history"] {
            assert!(out.contains(command), "{shell} completes {command}");
        }
    }
    let (code, page, _) = hark(&["man"]);
    assert_eq!(code, 0);
    assert!(page.contains(".TH hark 1"), "{page}");
    assert!(
        page.contains("Exit status"),
        "the exit statuses are in the page"
    );
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = hark(&["man", "--dir", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    for page in [
        "hark.1",
        "hark-send.1",
        "hark-resend.1",
        "hark-profile-add.1",
    ] {
        let text = std::fs::read_to_string(dir.path().join(page))
            .unwrap_or_else(|e| panic!("{page}: {e}"));
        assert!(text.contains(".TH"), "{page}");
    }
}
