//! In the window a remedy is a sentence and, where one exists, the control that does
//! it: never a command to type. The core's remedies are written for the `hark`
//! command (they name its flags); this is where the window's sentence and action are
//! chosen instead, from the error's stable code (and, where the code is shared, the
//! platform's own words).

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

/// The window's remedy for an error with `code` whose command-line remedy is
/// `remedy`, and the action that does it.
pub fn for_window(code: &str, raw_message: Option<&str>, remedy: &str) -> (String, Option<Fix>) {
    let raw = raw_message.unwrap_or_default().to_ascii_lowercase();
    let edit = |field: Option<&str>| {
        Some(Fix::EditAccount {
            field: field.map(str::to_owned),
        })
    };
    match code {
        "invalid_token" | "secret_missing" => (
            "Get a new token or secret from the platform's developer settings, then paste it \
             into the account."
                .into(),
            edit(None),
        ),
        "account_not_verified" => (without_commands(remedy), edit(None)),
        "messaging_window_closed" if remedy.contains("human-agent") => (
            "Send it with the human-agent tag: a person may reply up to 7 days after the \
             customer's last message (the Page needs Messenger's Human Agent permission)."
                .into(),
            Some(Fix::SendWithHumanAgentTag),
        ),
        "message_not_allowed" if raw.contains("voice_messages_forbidden") => (
            "Send it as a file instead: it arrives as an audio file they can play. Or write \
             to them."
                .into(),
            Some(Fix::SendAsFile),
        ),
        "audio_too_long" => (
            "Keep the part that fits, or record a shorter note.".into(),
            Some(Fix::KeepPartThatFits),
        ),
        "no_input_device"
        | "microphone_denied"
        | "device_busy"
        | "unsupported_input_format"
        | "audio_backend_error"
        | "device_failed" => (without_commands(remedy), Some(Fix::ChooseMicrophone)),
        "profile_not_found" => (
            "The account is no longer there: choose another one in the list.".into(),
            None,
        ),
        "profile_name_taken" => ("Choose another name for this account.".into(), None),
        "delivery_unknown" => (
            "Check the conversation before sending again: the customer may already have \
             this note. It is kept in the history, where Send again asks first."
                .into(),
            None,
        ),
        "may_duplicate" => (
            "Check the conversation; send it again only if the note is not there.".into(),
            None,
        ),
        "invalid_profile" => (
            "Fill it in as the note beside it says, then save again.".into(),
            None,
        ),
        _ => (without_commands(remedy), None),
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
                let (remedy, _) = for_window(code.as_str(), None, &e.remedy);
                assert!(commandless(&remedy), "{code:?} on {platform:?}: {remedy}");
                assert!(!remedy.is_empty());
            }
        }
        let (_, fix) = for_window("invalid_token", None, "…");
        assert_eq!(fix, Some(Fix::EditAccount { field: None }));
        let (_, fix) = for_window("audio_too_long", None, "Trim it (hark convert …)");
        assert_eq!(fix, Some(Fix::KeepPartThatFits));
        let (remedy, fix) = for_window(
            "message_not_allowed",
            Some("Bad Request: VOICE_MESSAGES_FORBIDDEN"),
            "Send it as a file instead (`hark send --as-file`): …",
        );
        assert_eq!(fix, Some(Fix::SendAsFile));
        assert!(commandless(&remedy), "{remedy}");
        let (_, fix) = for_window(
            "message_not_allowed",
            Some("Forbidden: bot was blocked"),
            "…",
        );
        assert_eq!(fix, None, "a blocked bot has nothing to click");
        let (_, fix) = for_window("device_busy", None, "Close the other program.");
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
