//! What every decoder is: a stream of mono samples with what its headers say.

use crate::audio::error::ClipError;
use crate::audio::sniff::Kind;

/// What a stream holds, as far as its headers say.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StreamInfo {
    pub kind: Kind,
    /// The codec, for people: "Opus", "AAC", "MP3", "PCM 16-bit", …
    pub codec: String,
    pub sample_rate: u32,
    pub channels: u16,
    /// Length in samples at `sample_rate`, when the headers say it (before decoding).
    pub frames: Option<u64>,
}

/// A decoder that hands out mono samples at `info().sample_rate`.
pub trait Decode: Send {
    fn info(&self) -> &StreamInfo;
    /// Appends the next block of mono samples to `out`; `false` at the end.
    fn next_mono(&mut self, out: &mut Vec<f32>) -> Result<bool, ClipError>;
}

/// Averages interleaved channels into mono and appends to `out`.
pub fn downmix_into(interleaved: &[f32], channels: usize, out: &mut Vec<f32>) {
    if channels <= 1 {
        out.extend_from_slice(interleaved);
        return;
    }
    let scale = 1.0 / channels as f32;
    out.extend(
        interleaved
            .chunks_exact(channels)
            .map(|frame| frame.iter().sum::<f32>() * scale),
    );
}
