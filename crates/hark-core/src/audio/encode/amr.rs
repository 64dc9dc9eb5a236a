//! AMR-NB voice notes for WeChat: the RFC 4867 storage format (`#!AMR\n`, then
//! MR122 frames), 8 kHz mono, DTX off.

use super::encoder::{Encode, encode_error, to_i16};
use crate::audio::amrnb::{self, FRAME_SAMPLES};
use crate::audio::error::ClipError;

pub const AMR_RATE: u32 = 8_000;

pub struct AmrEncoder {
    encoder: amrnb::Encoder,
    pending: Vec<f32>,
    out: Vec<u8>,
    frames: u64,
}

impl AmrEncoder {
    pub fn new() -> Result<Self, ClipError> {
        let encoder = amrnb::Encoder::new()
            .ok_or_else(|| encode_error("the AMR-NB encoder failed to start"))?;
        Ok(AmrEncoder {
            encoder,
            pending: Vec::new(),
            out: amrnb::MAGIC.to_vec(),
            frames: 0,
        })
    }

    fn encode_frame(&mut self, samples: &[f32]) {
        let mut frame = [0i16; FRAME_SAMPLES];
        for (dst, &src) in frame.iter_mut().zip(samples) {
            *dst = to_i16(src);
        }
        self.out.extend_from_slice(&self.encoder.encode(&frame));
        self.frames += 1;
    }
}

impl Encode for AmrEncoder {
    fn sample_rate(&self) -> u32 {
        AMR_RATE
    }

    fn push(&mut self, mono: &[f32]) -> Result<(), ClipError> {
        self.pending.extend_from_slice(mono);
        let whole = self.pending.len() / FRAME_SAMPLES * FRAME_SAMPLES;
        let pending = std::mem::take(&mut self.pending);
        for frame in pending[..whole].chunks_exact(FRAME_SAMPLES) {
            self.encode_frame(frame);
        }
        self.pending = pending[whole..].to_vec();
        Ok(())
    }

    fn take_bytes(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.out)
    }

    /// A last partial frame is rounded to the nearest frame: padded with silence from
    /// half a frame (10 ms) up, dropped below, so the note is within 10 ms of its input.
    fn finish(&mut self) -> Result<Vec<u8>, ClipError> {
        let last = std::mem::take(&mut self.pending);
        let nothing_yet = self.frames == 0;
        if last.len() >= FRAME_SAMPLES / 2 || (nothing_yet && !last.is_empty()) {
            self.encode_frame(&last);
        }
        Ok(self.take_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames_for(samples: usize) -> usize {
        let mut enc = AmrEncoder::new().unwrap();
        enc.push(&vec![0.1; samples]).unwrap();
        let mut bytes = enc.take_bytes();
        bytes.extend(enc.finish().unwrap());
        assert!(bytes.starts_with(amrnb::MAGIC));
        (bytes.len() - amrnb::MAGIC.len()) / amrnb::MR122_FRAME_BYTES
    }

    #[test]
    fn the_last_partial_frame_rounds_to_the_nearest_frame() {
        assert_eq!(frames_for(160 * 150), 150);
        assert_eq!(frames_for(160 * 150 + 79), 150, "under 10 ms is dropped");
        assert_eq!(frames_for(160 * 150 + 80), 151, "10 ms or more is padded");
        assert_eq!(frames_for(20), 1, "a tiny clip still makes one frame");
        assert_eq!(frames_for(0), 0);
    }
}
