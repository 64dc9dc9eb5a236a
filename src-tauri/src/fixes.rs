//! In the window a remedy is a sentence (the catalog's, said for the window) and, where
//! one exists, the control that does it: never a command to type. This is where the
//! control is chosen, from the error's stable code (and, where the code is shared, the
//! platform's own words); and where a remedy the history kept only in English (from
//! before the catalogs) loses what only the command line can do.

use serde::Serialize;

/// An action the window offers to fix a problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Fix {
    /// Open the account's form with the focus on `field` (on its first secret when
    /// `None`).
    EditAccount { field: Option<String> },
    /// Make the note again, keeping only the part that fits the platform's limit.
    KeepPartThatFits,
    /// Send again with Messenger's HUMAN_AGENT tag (up to 7 days after the customer's
    /// last message).
    SendWithHumanAgentTag,
    /// Send again as a file (Telegram, to someone who refuses voice messages).
    SendAsFile,
    /// Open Settings on the microphone.
    ChooseMicrophone,
}

/// The control that fixes an error with `code` (and, where the code is shared, the
/// platform's own words `raw_message`; `remedy` is the command line's English remedy,
/// which says whether Messenger offers the human-agent tag), if the window has one.
/// The remedy's sentence is the catalog's, said for the window.
pub fn fix_for(code: &str, raw_message: Option<&str>, remedy: &str) -> Option<Fix> {
    let raw = raw_message.unwrap_or_default().to_ascii_lowercase();
    match code {
        "invalid_token" | "secret_missing" | "account_not_verified" => {
            Some(Fix::EditAccount { field: None })
        }
        "messaging_window_closed" if remedy.contains("human-agent") => {
            Some(Fix::SendWithHumanAgentTag)
        }
        "message_not_allowed" if raw.contains("voice_messages_forbidden") => Some(Fix::SendAsFile),
        "audio_too_long" => Some(Fix::KeepPartThatFits),
        "no_input_device"
        | "microphone_denied"
        | "device_busy"
        | "unsupported_input_format"
        | "audio_backend_error"
        | "device_failed" => Some(Fix::ChooseMicrophone),
        _ => None,
    }
}

/// `remedy` without what only the command line can do: a sentence or a bracketed
/// aside that names a `hark` command or one of its flags goes.
pub fn without_commands(remedy: &str) -> String {
    let names_command = |s: &str| s.contains("hark ") || s.contains("`hark") || s.contains(" --");
    // Asides in brackets first: "Trim it (hark convert --trim-to-limit) or …".
    let mut out = String::new();
    let mut rest = remedy;
    while let Some(open) = rest.find(" (") {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        let aside = &rest[open..open + close + 1];
        out.push_str(&rest[..open]);
        if !names_command(aside) {
            out.push_str(aside);
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    // Then whole sentences, and clauses after ", or" / ";" that name one.
    let kept: Vec<String> = out
        .split_inclusive(". ")
        .map(|sentence| {
            if !names_command(sentence) {
                return sentence.to_string();
            }
            let head = sentence
                .split(['`', ';'])
                .next()
                .unwrap_or_default()
                .trim_end_matches([' ', ','])
                .trim_end_matches(" with")
                .trim_end_matches(" run");
            if head.split_whitespace().count() >= 3 && !names_command(head) {
                format!("{head}. ")
            } else {
                String::new()
            }
        })
        .collect();
    let text = kept.concat().trim().to_string();
    if text.is_empty() {
        "Try again; if it keeps happening, restart Hark.".into()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hark_core::Problem;
    use hark_core::i18n::{Lang, Surface};
    use hark_core::platform::error::described;
    use hark_core::platform::{ErrorCode, Platform};

    fn commandless(s: &str) -> bool {
        !(s.contains("hark ") || s.contains('`') || s.contains(" --"))
    }

    #[test]
    fn every_platform_error_reads_without_a_command_and_offers_its_fix() {
        for platform in Platform::ALL {
            for code in ErrorCode::ALL {
                let e = described(code, platform);
                for lang in Lang::ALL {
                    let remedy = Problem::said_in(&e, lang, Surface::App).remedy;
                    assert!(commandless(&remedy), "{code:?} on {platform:?}: {remedy}");
                    assert!(!remedy.is_empty());
                }
            }
        }
        assert_eq!(
            fix_for("invalid_token", None, "…"),
            Some(Fix::EditAccount { field: None })
        );
        assert_eq!(
            fix_for("audio_too_long", None, "Trim it (hark convert …)"),
            Some(Fix::KeepPartThatFits)
        );
        let fix = fix_for(
            "message_not_allowed",
            Some("Bad Request: VOICE_MESSAGES_FORBIDDEN"),
            "Send it as a file instead (`hark send --as-file`): …",
        );
        assert_eq!(fix, Some(Fix::SendAsFile));
        let fix = fix_for(
            "message_not_allowed",
            Some("Forbidden: bot was blocked"),
            "…",
        );
        assert_eq!(fix, None, "a blocked bot has nothing to click");
        let fix = fix_for("device_busy", None, "Close the other program.");
        assert_eq!(fix, Some(Fix::ChooseMicrophone));
    }

    #[test]
    fn commands_are_taken_out_and_the_rest_of_the_sentence_stays() {
        assert_eq!(
            without_commands(
                "Choose another input device (`hark devices` lists them), or set this one to \
                 16-bit or float samples in your sound settings."
            ),
            "Choose another input device, or set this one to 16-bit or float samples in your \
             sound settings."
        );
        assert_eq!(
            without_commands(
                "Try another input device, or restart your computer's sound service; if it \
                 keeps happening, run `hark doctor` and send its output to support."
            ),
            "Try another input device, or restart your computer's sound service."
        );
        assert_eq!(
            without_commands(
                "Enter the gateway's API key (its WHATSAPP_API_KEY) with `hark profile set-secret`."
            ),
            "Enter the gateway's API key (its WHATSAPP_API_KEY)."
        );
        assert_eq!(
            without_commands("`hark history` lists the sends."),
            "Try again; if it keeps happening, restart Hark."
        );
        assert_eq!(
            without_commands("Wait a minute and send again."),
            "Wait a minute and send again."
        );
    }
}
