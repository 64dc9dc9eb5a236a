//! Reading secrets: from standard input when it is a pipe or a file, from a hidden
//! prompt on a terminal, never from the command line (where `ps` and shell history
//! would show them).

use std::io::{BufRead, IsTerminal};

use hark_core::i18n::Words;
use hark_core::platform::Platform;
use hark_core::platform::credentials::Field;
use hark_core::profile::{Secret, Secrets};

use crate::lang::{lang, say};

/// Reads `fields` (required ones first). On standard input: one per line, in order;
/// an empty or missing line skips an optional one.
pub fn read(
    platform: Platform,
    fields: &[&'static Field],
    required: &[bool],
) -> anyhow::Result<Secrets> {
    let mut secrets = Secrets::default();
    if fields.is_empty() {
        return Ok(secrets);
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        for (field, needed) in fields.iter().zip(required) {
            let words = match needed {
                true => Words::new("cli-field-prompt").text("help", field.help(platform, lang())),
                false => Words::new("cli-field-prompt-optional"),
            };
            let prompt = say(&words.text("label", field.label(platform, lang())));
            let value = rpassword::prompt_password(prompt)?;
            let value = value.trim();
            if !value.is_empty() {
                secrets.insert(field.key, Secret::new(value));
            }
        }
    } else {
        let mut lines = stdin.lock().lines();
        for field in fields {
            let line = lines.next().transpose()?.unwrap_or_default();
            let value = line.trim();
            if !value.is_empty() {
                secrets.insert(field.key, Secret::new(value));
            }
        }
    }
    Ok(secrets)
}
