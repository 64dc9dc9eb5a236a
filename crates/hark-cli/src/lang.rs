//! The language the command speaks: `HARK_LANG`, else the locale (`LANG`,
//! `LC_MESSAGES`, …); English unless Chinese is asked for. `--json` keeps its codes and
//! RFC 3339 times in any language.

use std::sync::OnceLock;

use hark_core::i18n::{Lang, Surface, Words};

/// The reader's language, read from the environment once.
pub fn lang() -> Lang {
    static LANG: OnceLock<Lang> = OnceLock::new();
    *LANG.get_or_init(Lang::from_env)
}

/// `words` in the reader's language, as the command line says it.
pub fn say(words: &Words) -> String {
    lang().say_for(Surface::Cli, words)
}

/// Message `id` (no arguments) in the reader's language.
pub fn say_id(id: &str) -> String {
    say(&Words::new(id))
}

/// `text` followed by spaces to fill `columns` terminal columns (a CJK character takes
/// two), so columns line up in any language.
pub fn padded(text: &str, columns: usize) -> String {
    let width = unicode_width::UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(columns.saturating_sub(width)))
}

/// `items` as a list in the reader's language ("a, b" or "a、b").
pub fn listed(items: &[String]) -> String {
    items.join(&say_id("cli-list-separator"))
}

/// A platform's id on the command line; a wrong one is said in the reader's language.
pub fn platform(id: &str) -> Result<hark_core::platform::Platform, String> {
    id.parse()
        .map_err(|e| hark_core::Problem::said_in(&e, lang(), Surface::Cli).message)
}

/// A count on the command line (`--limit 20`).
pub fn count(text: &str) -> Result<usize, String> {
    text.trim()
        .parse()
        .map_err(|_| say(&Words::new("cli-not-a-count").text("value", text)))
}

/// A send's number on the command line (`hark resend 12`).
pub fn send_number(text: &str) -> Result<i64, String> {
    text.trim()
        .parse()
        .ok()
        .filter(|n: &i64| *n > 0)
        .ok_or_else(|| say(&Words::new("cli-not-a-send-number").text("value", text)))
}
