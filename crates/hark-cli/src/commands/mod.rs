pub mod api_key;
pub mod contact;
pub mod convert;
pub mod devices;
pub mod doctor;
pub mod history;
pub mod inbox;
pub mod inspect;
pub mod profile;
pub mod record;
pub mod recover;
pub mod report;
mod secret_input;
pub mod send;

pub use hark_core::files::write_file;
