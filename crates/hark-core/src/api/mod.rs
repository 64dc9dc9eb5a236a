//! The local send API's own records (`hark serve` is its HTTP face, in the CLI): API
//! keys, kept as hashes, and the API's queue of sends, written before a request is
//! answered and worked through by the outbox like any other send.

mod callback;
mod error;
mod keys;
mod queue;
mod request;
mod sessions;
mod worker;

pub use error::ApiError;
pub use keys::{ApiKey, ApiKeys, KEY_PREFIX};
pub use queue::{ApiSend, ApiSends, ApiStatus, Audio, Enqueued, NewApiSend};
pub use request::{HUMAN_AGENT, INLINE_DIR, MOST_QUEUED, SendBody, accept};
pub use sessions::Sessions;
pub use worker::Worker;
