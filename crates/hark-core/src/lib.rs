//! Hark's core: everything the app and the `hark` command do, with no GUI dependency.
//!
//! `lib.rs` only wires modules together; each concept lives in a file named after it.

pub mod api;
pub mod audio;
pub mod clock;
pub mod contacts;
pub mod db;
pub mod doctor;
pub mod draft;
pub mod error;
pub mod files;
pub mod hex;
pub mod i18n;
pub mod outbox;
pub mod paths;
pub mod platform;
pub mod profile;
pub mod record;
pub mod secret;
pub mod settings;

pub use error::{Outcome, Problem, ProblemKind, SendFacts, UserError};

/// The product's version, shared by the app and the CLI.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
