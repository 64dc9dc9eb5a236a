//! A wrong command line, said in the reader's language: clap finds what is wrong, the
//! catalogs (`cli-usage-*`) say it, with the usage and where to read more.

use clap::builder::StyledStr;
use clap::error::{ContextKind, ErrorFormatter, ErrorKind};
use hark_core::i18n::Words;

use crate::lang::say;

/// Prints what is wrong with the command line (or the help or version asked for) and
/// exits as clap does: status 2 for a mistake, 0 for help.
pub fn exit(error: clap::Error) -> ! {
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => error.exit(),
        _ => error.apply::<Localized>().exit(),
    }
}

pub struct Localized;

impl ErrorFormatter for Localized {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        let get = |kind| error.get(kind).map(|v| v.to_string()).unwrap_or_default();
        let arg = get(ContextKind::InvalidArg);
        let what = match error.kind() {
            ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
                let value = get(ContextKind::InvalidValue);
                let valid = get(ContextKind::ValidValue);
                let words = match std::error::Error::source(error) {
                    Some(why) => {
                        Words::new("cli-usage-invalid-value-why").text("why", why.to_string())
                    }
                    None if !valid.is_empty() => {
                        Words::new("cli-usage-invalid-value-choices").text("choices", valid)
                    }
                    None => Words::new("cli-usage-invalid-value"),
                };
                words.text("value", value).text("arg", arg)
            }
            ErrorKind::UnknownArgument => Words::new("cli-usage-unknown-argument").text("arg", arg),
            ErrorKind::InvalidSubcommand => Words::new("cli-usage-unknown-command")
                .text("command", get(ContextKind::InvalidSubcommand)),
            ErrorKind::MissingRequiredArgument => Words::new("cli-usage-missing").text("args", arg),
            ErrorKind::MissingSubcommand => Words::new("cli-usage-missing-command"),
            ErrorKind::ArgumentConflict => Words::new("cli-usage-conflict")
                .text("arg", arg)
                .text("other", get(ContextKind::PriorArg)),
            ErrorKind::NoEquals
            | ErrorKind::TooManyValues
            | ErrorKind::TooFewValues
            | ErrorKind::WrongNumberOfValues => {
                Words::new("cli-usage-wrong-values").text("arg", arg)
            }
            _ => Words::new("cli-usage-other"),
        };
        let mut text = say(&Words::new("cli-usage-error").words("what", what));
        let similar = [
            (ContextKind::SuggestedArg, "cli-usage-similar-argument"),
            (
                ContextKind::SuggestedSubcommand,
                "cli-usage-similar-command",
            ),
            (ContextKind::SuggestedValue, "cli-usage-similar-value"),
        ];
        for (kind, id) in similar {
            if let Some(like) = error.get(kind) {
                let tip = Words::new(id).text("like", like.to_string());
                text.push_str(&format!("\n\n  {}", say(&tip)));
            }
        }
        if let Some(usage) = error.get(ContextKind::Usage) {
            // clap's "Usage: hark …", with the heading in the reader's language.
            let usage = usage.to_string();
            let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
            let heading = say(&Words::new("cli-help-usage"));
            text.push_str(&format!("\n\n{heading}{usage}"));
        }
        text.push_str(&format!("\n\n{}\n", say(&Words::new("cli-usage-more"))));
        StyledStr::from(text)
    }
}
