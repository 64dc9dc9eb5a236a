pub mod convert;
pub mod devices;
pub mod doctor;
pub mod inspect;
pub mod record;
pub mod recover;
mod report;

pub use hark_core::files::write_atomically;
