//! What every encoder is, and the helpers they share.

use crate::audio::error::ClipError;

pub trait Encode: Send {
    /// The sample rate `push` expects (resample to it first).
    fn sample_rate(&self) -> u32;
    /// Encodes mono samples in [-1, 1].
    fn push(&mut self, mono: &[f32]) -> Result<(), ClipError>;
    /// The bytes made since the last call, headers included (for writing as you go).
    fn take_bytes(&mut self) -> Vec<u8>;
    /// Flushes the encoder; returns the remaining bytes. Call once, last.
    fn finish(&mut self) -> Result<Vec<u8>, ClipError>;
}

/// `x` in [-1, 1] to a 16-bit sample, rounded and clamped.
pub fn to_i16(x: f32) -> i16 {
    (x * 32767.0).round().clamp(-32768.0, 32767.0) as i16
}

pub(super) fn encode_error(e: impl std::fmt::Display) -> ClipError {
    ClipError::Encode {
        detail: e.to_string(),
    }
}
