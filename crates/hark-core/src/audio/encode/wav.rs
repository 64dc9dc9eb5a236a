//! 16-bit PCM WAV (hound), for local export.

use std::io::Cursor;

use super::{Encode, encode_error, to_i16};
use crate::audio::error::ClipError;

pub struct WavEncoder {
    spec: hound::WavSpec,
    samples: Vec<i16>,
}

impl WavEncoder {
    pub fn new(rate: u32) -> Result<Self, ClipError> {
        Ok(WavEncoder {
            spec: hound::WavSpec {
                channels: 1,
                sample_rate: rate,
                bits_per_sample: 16,
                sample_format: hound::SampleFormat::Int,
            },
            samples: Vec::new(),
        })
    }
}

impl Encode for WavEncoder {
    fn sample_rate(&self) -> u32 {
        self.spec.sample_rate
    }

    fn push(&mut self, mono: &[f32]) -> Result<(), ClipError> {
        self.samples.extend(mono.iter().map(|&s| to_i16(s)));
        Ok(())
    }

    /// A WAV header holds the data size, so the bytes come at `finish`.
    fn take_bytes(&mut self) -> Vec<u8> {
        Vec::new()
    }

    fn finish(&mut self) -> Result<Vec<u8>, ClipError> {
        let mut file = Cursor::new(Vec::with_capacity(44 + self.samples.len() * 2));
        let mut writer = hound::WavWriter::new(&mut file, self.spec).map_err(encode_error)?;
        for &s in &self.samples {
            writer.write_sample(s).map_err(encode_error)?;
        }
        writer.finalize().map_err(encode_error)?;
        self.samples = Vec::new();
        Ok(file.into_inner())
    }
}
