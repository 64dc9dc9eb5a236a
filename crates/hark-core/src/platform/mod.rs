//! The messaging platforms: one table of facts (limits, target formats, hints) that
//! the CLI and the UI both read, and the verdicts computed from it.

mod facts;
pub mod limits;

pub use facts::{Facts, Platform, Target};
pub use limits::{Level, Verdict, verdicts};
