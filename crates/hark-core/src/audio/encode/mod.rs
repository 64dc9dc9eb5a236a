//! Streaming encoders: push mono samples as they arrive, pull bytes as they are made.
//!
//! Recording uses the same encoders live, so that the note is ready the moment the
//! agent stops; import conversion feeds them from the decoder.

mod amr;
mod encoder;
mod m4a;
mod ogg_opus;
mod wav;

pub use amr::AmrEncoder;
pub use encoder::{Encode, to_i16};
pub use m4a::M4aEncoder;
pub use ogg_opus::{OggOpusEncoder, OpusSettings};
pub use wav::WavEncoder;
