//! Recording: capture the microphone, encode while the agent speaks, never lose a take.
//!
//! `capture` opens the device on its own thread and copies samples into a lock-free
//! ring; `recorder` runs the worker that downmixes, meters, spools and encodes; `spool`
//! keeps the crash-safe raw copy that `hark recover` restores.

pub mod capture;
pub mod fade;
pub mod live_cleanup;
pub mod meter;
pub mod recorder;
pub mod spool;

pub use meter::Level;
pub use recorder::{EndReason, RecordError, RecordOptions, Recording, State, Status, Take};
