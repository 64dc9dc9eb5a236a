//! Audio: input devices now; capture, decode, resample and encode grow here.

pub mod devices;

pub use devices::{AudioError, InputDevice, InputInventory, StreamFormat};
