//! Decoding any accepted file to mono f32 samples, block by block.
//!
//! `open` sniffs the file by content and picks the decoder: symphonia for WAV, MP3,
//! AAC (MP4/M4A, ADTS), Vorbis, FLAC and WebM/Matroska; our own Ogg demuxer with
//! libopus for Ogg/Opus (exact pre-skip and end trim); libopencore-amrnb for AMR.

mod amr;
mod mp4_edit;
mod ogg_opus;
mod opus_packets;
mod stream;
mod symphonia;
mod wav_guard;

use std::io::Read;
use std::path::Path;

use super::error::ClipError;
use super::sniff::{Kind, sniff};

pub use amr::frames as amr_frames;
pub use stream::{Decode, StreamInfo, downmix_into};

/// The most Hark reads from one file (a very long uncompressed recording).
pub const MAX_INPUT_BYTES: u64 = 1 << 30;

/// Opens `path` for decoding, deciding what it is by content.
pub fn open(path: &Path) -> Result<Box<dyn Decode>, ClipError> {
    let unreadable = |source| ClipError::Unreadable {
        path: path.to_path_buf(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(unreadable)?;
    let bytes = file.metadata().map_err(unreadable)?.len();
    if bytes > MAX_INPUT_BYTES {
        return Err(ClipError::TooBig {
            bytes,
            max: MAX_INPUT_BYTES,
        });
    }
    let mut head = Vec::with_capacity(4096);
    (&mut file)
        .take(4096)
        .read_to_end(&mut head)
        .map_err(unreadable)?;
    let kind = sniff(&head).map_err(|found| ClipError::Unsupported { found })?;
    if kind == Kind::Wav {
        wav_guard::check(&mut file)?;
    }
    let inner = guarded(|| -> Result<Box<dyn Decode>, ClipError> {
        Ok(match kind {
            Kind::AmrNb => Box::new(amr::AmrDecoder::open(path)?),
            Kind::OggOpus => Box::new(ogg_opus::OggOpusDecoder::open(path)?),
            _ => Box::new(symphonia::SymphoniaDecoder::open(path, kind)?),
        })
    })?;
    Ok(Box::new(Sanitised { inner, repaired: 0 }))
}

/// Hands out only finite samples within a sane range: a NaN or an infinity in a float
/// WAV (a damaged file) would otherwise poison every filter after it. A damaged sample
/// becomes silence; a float sample far past full scale is held at the limit.
struct Sanitised {
    inner: Box<dyn Decode>,
    repaired: u64,
}

/// Float files may go past full scale (1.0); this far past is damage, not headroom.
const LOUDEST_SAMPLE: f32 = 16.0;

impl Decode for Sanitised {
    fn info(&self) -> &StreamInfo {
        self.inner.info()
    }

    fn next_mono(&mut self, out: &mut Vec<f32>) -> Result<bool, ClipError> {
        let before = out.len();
        let more = guarded(|| self.inner.next_mono(out))?;
        for s in &mut out[before..] {
            if !s.is_finite() {
                *s = 0.0;
                self.repaired += 1;
            } else if s.abs() > LOUDEST_SAMPLE {
                *s = s.clamp(-LOUDEST_SAMPLE, LOUDEST_SAMPLE);
                self.repaired += 1;
            }
        }
        if !more && self.repaired > 0 {
            tracing::info!(samples = self.repaired, "damaged samples silenced");
        }
        Ok(more)
    }
}

/// Runs a third-party decoder's step, turning a panic inside it (an overflow on a
/// header no decoder expected) into "damaged" instead of a crash. Hark's own checks
/// come first; this is the last line. Fuzzing builds let the panic through, so that
/// the fuzzer finds it and it gets a check of its own.
fn guarded<T>(step: impl FnOnce() -> Result<T, ClipError>) -> Result<T, ClipError> {
    #[cfg(fuzzing)]
    {
        step()
    }
    #[cfg(not(fuzzing))]
    {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(step)).unwrap_or_else(|_| {
            Err(crate::audio::error::corrupt(
                "its contents make no sense to the decoder",
            ))
        })
    }
}

/// Decodes the whole file to mono; for analysis and tests (a note is minutes, not hours).
pub fn decode_all(path: &Path) -> Result<(StreamInfo, Vec<f32>), ClipError> {
    let mut decoder = open(path)?;
    let mut samples = Vec::new();
    while decoder.next_mono(&mut samples)? {}
    Ok((decoder.info().clone(), samples))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downmix_averages_each_frame() {
        let mut out = vec![];
        downmix_into(&[1.0, 0.0, 0.5, 0.5, -1.0, 1.0], 2, &mut out);
        assert_eq!(out, [0.5, 0.5, 0.0]);
        let mut mono = vec![];
        downmix_into(&[0.1, 0.2], 1, &mut mono);
        assert_eq!(mono, [0.1, 0.2]);
    }
}
