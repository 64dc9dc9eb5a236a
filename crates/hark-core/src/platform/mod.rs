//! The messaging platforms: one table of facts (limits, target formats, hints) that
//! the CLI and the UI both read, the verdicts computed from it, what an account
//! holds on each, and one client per platform speaking one error language.

pub mod client;
pub mod credentials;
pub mod error;
mod facts;
mod graph;
pub mod http;
pub mod limits;
pub mod messenger;
pub mod sandbox;
pub mod telegram;
pub mod wechat;
pub mod whatsapp;
pub mod whatsapp_gateway;

pub use client::{Client, Lookup, Outgoing, Receipt, SendOptions, Verified, connect, recipient};
pub use error::{Delivery, ErrorCode, RawError, SendError};
pub use facts::{Facts, Pace, Platform, Target};
pub use http::{Progress, ProgressFn};
pub use limits::{Level, Verdict, verdicts};
