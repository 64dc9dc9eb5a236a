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
