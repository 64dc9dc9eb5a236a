//! 16-bit PCM WAV (hound), for local export.

use std::io::Cursor;

use super::encoder::{Encode, encode_error, to_i16};
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_16_bit_mono_wav_with_every_sample() {
        let mut enc = WavEncoder::new(22_050).unwrap();
        enc.push(&[0.0, 0.5, -0.5]).unwrap();
        enc.push(&[1.5, -1.5]).unwrap();
        assert!(enc.take_bytes().is_empty(), "a WAV comes whole, at finish");
        let bytes = enc.finish().unwrap();
        let reader = hound::WavReader::new(std::io::Cursor::new(bytes)).unwrap();
        let spec = reader.spec();
        assert_eq!(
            (spec.channels, spec.sample_rate, spec.bits_per_sample),
            (1, 22_050, 16)
        );
        let samples: Vec<i16> = reader.into_samples().map(Result::unwrap).collect();
        assert_eq!(
            samples,
            [0, 16384, -16384, 32767, -32768],
            "rounded and clamped"
        );
    }
}
