//! AMR-NB voice notes for WeChat: the RFC 4867 storage format (`#!AMR\n`, then
//! MR122 frames), 8 kHz mono, DTX off.

use super::{Encode, encode_error, to_i16};
use crate::audio::amrnb::{self, FRAME_SAMPLES};
use crate::audio::error::ClipError;

pub const AMR_RATE: u32 = 8_000;

pub struct AmrEncoder {
    encoder: amrnb::Encoder,
    pending: Vec<f32>,
    out: Vec<u8>,
}

impl AmrEncoder {
    pub fn new() -> Result<Self, ClipError> {
        let encoder = amrnb::Encoder::new()
            .ok_or_else(|| encode_error("the AMR-NB encoder failed to start"))?;
        Ok(AmrEncoder {
            encoder,
            pending: Vec::new(),
            out: amrnb::MAGIC.to_vec(),
        })
    }

    fn encode_frame(&mut self, samples: &[f32]) {
        let mut frame = [0i16; FRAME_SAMPLES];
        for (dst, &src) in frame.iter_mut().zip(samples) {
            *dst = to_i16(src);
        }
        self.out.extend_from_slice(&self.encoder.encode(&frame));
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

    fn finish(&mut self) -> Result<Vec<u8>, ClipError> {
        if !self.pending.is_empty() {
            // The last partial frame is padded with silence (at most 20 ms).
            let last = std::mem::take(&mut self.pending);
            self.encode_frame(&last);
        }
        Ok(self.take_bytes())
    }
}
