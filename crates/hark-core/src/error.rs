//! The shape every user-facing error shares: a stable code, a sentence, a remedy.
//!
//! The UI and the CLI show `to_string()` (the sentence) and `remedy()`, never a Debug
//! dump; `code()` is stable so that scripts, support and tests can rely on it.

/// An error a person will read.
pub trait UserError: std::error::Error {
    /// A stable snake_case code such as `keychain_unavailable`.
    fn code(&self) -> &'static str;
    /// What to do about it, as a sentence.
    fn remedy(&self) -> String;
}
