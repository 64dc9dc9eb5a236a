//! The outbox: every note to send is checked, converted, kept on disk and recorded
//! before any request, then sent and its receipt or error recorded.

mod error;
pub mod history;
mod pace;
mod send;

pub use error::OutboxError;
pub use history::{History, SendRecord, State, StoredError};
pub use send::{Clip, Outbox, SendRequest, Sent};
