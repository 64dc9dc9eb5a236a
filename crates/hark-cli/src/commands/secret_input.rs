//! Reading secrets: from standard input when it is a pipe or a file, from a hidden
//! prompt on a terminal, never from the command line (where `ps` and shell history
//! would show them).

use std::io::{BufRead, IsTerminal};

use hark_core::platform::credentials::Field;
use hark_core::profile::{Secret, Secrets};

/// Reads `fields` (required ones first). On standard input: one per line, in order;
/// an empty or missing line skips an optional one.
pub fn read(fields: &[&'static Field], required: &[bool]) -> anyhow::Result<Secrets> {
    let mut secrets = Secrets::default();
    if fields.is_empty() {
        return Ok(secrets);
    }
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        for (field, needed) in fields.iter().zip(required) {
            let prompt = if *needed {
                format!("{} ({}): ", field.label, field.help)
            } else {
                format!("{} (optional, Enter to skip): ", field.label)
            };
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

/// How `--help` explains where secrets come from.
pub const HELP: &str = "Secrets (tokens, app secrets, API keys) are never taken from the \
command line: Hark asks for them with a hidden prompt, or reads them from standard input, \
one per line, in the order `hark profile fields PLATFORM` lists them.";
