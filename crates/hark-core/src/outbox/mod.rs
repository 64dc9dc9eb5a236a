//! The outbox: every note to send is checked, converted, kept on disk and recorded
//! before any request, then sent and its receipt or error recorded.

mod error;
pub mod history;
mod pace;
mod reach;
mod send;
mod stored_error;

pub use error::OutboxError;
pub use history::{Again, History, SendRecord, State};
pub use reach::Refreshed;
pub use send::{Clip, Outbox, SendRequest, Sender, Sent};
pub use stored_error::StoredError;
