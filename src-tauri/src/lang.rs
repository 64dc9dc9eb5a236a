//! The window's language: the one chosen in Settings, else the system's locale.

use std::sync::atomic::{AtomicU8, Ordering};

use hark_core::i18n::{Lang, Surface, Words};

/// 0: follow the system; else 1 + the index in `Lang::ALL`.
static CHOSEN: AtomicU8 = AtomicU8::new(0);

/// Takes the agent's choice (`None`: the system's).
pub fn choose(choice: Option<Lang>) {
    let n = choice
        .and_then(|lang| Lang::ALL.iter().position(|l| *l == lang))
        .map_or(0, |i| i as u8 + 1);
    CHOSEN.store(n, Ordering::Relaxed);
}

/// The language the window speaks now.
pub fn current() -> Lang {
    match CHOSEN.load(Ordering::Relaxed) {
        0 => Lang::from_env(),
        n => Lang::ALL
            .get(usize::from(n) - 1)
            .copied()
            .unwrap_or_default(),
    }
}

/// `words` in the window's language, as the window says them.
pub fn say(words: &Words) -> String {
    current().say_for(Surface::App, words)
}

/// Message `id` (no arguments) in the window's language.
pub fn say_id(id: &str) -> String {
    say(&Words::new(id))
}
