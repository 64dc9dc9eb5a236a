//! Audio: input devices, decoding any common file, resampling, and encoding each
//! platform's native voice note.

pub mod amrnb;
pub mod cleanup;
pub mod convert;
pub mod decode;
pub mod devices;
pub mod encode;
pub mod error;
pub mod fetch_failure;
pub mod host;
pub mod inspect;
pub mod link;
pub mod measure;
pub mod mp4box;
pub mod played;
pub mod preview;
mod quiet;
pub mod resample;
pub mod sniff;
#[cfg(test)]
pub(crate) mod test_signals;
pub mod watch;

pub use devices::{AudioError, InputDevice, InputInventory, StreamFormat, SupportedFormat};
pub use error::ClipError;
pub use quiet::quiet;
