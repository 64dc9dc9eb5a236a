//! M4A voice notes for Messenger: AAC-LC mono at 48 kHz, 64 kbit/s, encoded by
//! Fraunhofer's FDK AAC (the `fdk-aac` crate) and muxed by the `mp4` crate, whose
//! output `mp4box::mend` then corrects (SLConfig, edit list for the priming, durations).
//!
//! AAC access units are made as samples arrive; the container is written at `finish`
//! (its index comes after the audio), which takes milliseconds.

use std::io::Cursor;

use fdk_aac::enc as fdk;
use mp4::{AacConfig, AudioObjectType, ChannelConfig, FourCC, MediaConfig, Mp4Config, Mp4Sample};

use super::encoder::{Encode, encode_error, to_i16};
use crate::audio::error::ClipError;
use crate::audio::mp4box;

pub const M4A_RATE: u32 = 48_000;
const BITRATE: u32 = 64_000;
const FRAME: usize = 1024;

pub struct M4aEncoder {
    encoder: fdk::Encoder,
    /// Encoder delay: priming samples at the start of the decoded stream.
    delay: u32,
    pending: Vec<i16>,
    samples_in: u64,
    units: Vec<Vec<u8>>,
    scratch: Vec<u8>,
}

impl M4aEncoder {
    pub fn new() -> Result<Self, ClipError> {
        let encoder = fdk::Encoder::new(fdk::EncoderParams {
            bit_rate: fdk::BitRate::Cbr(BITRATE),
            sample_rate: M4A_RATE,
            transport: fdk::Transport::Raw,
            channels: fdk::ChannelMode::Mono,
            audio_object_type: fdk::AudioObjectType::Mpeg4LowComplexity,
        })
        .map_err(encode_error)?;
        let info = encoder.info().map_err(encode_error)?;
        Ok(M4aEncoder {
            delay: info.nDelay,
            encoder,
            pending: Vec::new(),
            samples_in: 0,
            units: Vec::new(),
            scratch: vec![0; 8192],
        })
    }

    fn encode(&mut self, frame: &[i16]) -> Result<(), ClipError> {
        let mut input = frame;
        loop {
            let done = self
                .encoder
                .encode(input, &mut self.scratch)
                .map_err(encode_error)?;
            if done.output_size > 0 {
                self.units.push(self.scratch[..done.output_size].to_vec());
            }
            input = &input[done.input_consumed..];
            if input.is_empty() || done.input_consumed == 0 && done.output_size == 0 {
                return Ok(());
            }
        }
    }

    fn mux(&self) -> Result<Vec<u8>, ClipError> {
        let brand = |s: &[u8; 4]| FourCC::from(*s);
        let mut writer = mp4::Mp4Writer::write_start(
            Cursor::new(Vec::new()),
            &Mp4Config {
                major_brand: brand(b"M4A "),
                minor_version: 0,
                compatible_brands: vec![brand(b"M4A "), brand(b"mp42"), brand(b"isom")],
                // The sample rate as the movie timescale: durations stay exact.
                timescale: M4A_RATE,
            },
        )
        .map_err(encode_error)?;
        writer
            .add_track(&mp4::TrackConfig {
                track_type: mp4::TrackType::Audio,
                timescale: M4A_RATE,
                language: "und".into(),
                media_conf: MediaConfig::AacConfig(AacConfig {
                    bitrate: BITRATE,
                    profile: AudioObjectType::AacLowComplexity,
                    freq_index: mp4::SampleFreqIndex::Freq48000,
                    chan_conf: ChannelConfig::Mono,
                }),
            })
            .map_err(encode_error)?;
        // The last unit's duration covers only real audio, so decoders that trim by
        // sample durations (ffmpeg) stop where the edit list says the audio ends.
        let total = self.samples_in + self.delay as u64;
        let last = self.units.len().saturating_sub(1);
        for (i, unit) in self.units.iter().enumerate() {
            let start = (i * FRAME) as u64;
            let duration = if i == last {
                (total - start).clamp(1, FRAME as u64) as u32
            } else {
                FRAME as u32
            };
            writer
                .write_sample(
                    1,
                    &Mp4Sample {
                        start_time: start,
                        duration,
                        rendering_offset: 0,
                        is_sync: true,
                        bytes: mp4::Bytes::copy_from_slice(unit),
                    },
                )
                .map_err(encode_error)?;
        }
        writer.write_end().map_err(encode_error)?;
        let mut file = writer.into_writer().into_inner();
        mp4box::mend(&mut file, self.delay, self.samples_in).map_err(encode_error)?;
        Ok(file)
    }
}

impl Encode for M4aEncoder {
    fn sample_rate(&self) -> u32 {
        M4A_RATE
    }

    fn push(&mut self, mono: &[f32]) -> Result<(), ClipError> {
        self.samples_in += mono.len() as u64;
        self.pending.extend(mono.iter().map(|&s| to_i16(s)));
        let whole = self.pending.len() / FRAME * FRAME;
        if whole > 0 {
            let frames: Vec<i16> = self.pending.drain(..whole).collect();
            self.encode(&frames)?;
        }
        Ok(())
    }

    /// The container's index comes after the audio: the bytes come at `finish`.
    fn take_bytes(&mut self) -> Vec<u8> {
        Vec::new()
    }

    fn finish(&mut self) -> Result<Vec<u8>, ClipError> {
        // FDK has no flush call: feed silence until every input sample, delayed by the
        // encoder, has come out in an access unit.
        let needed = (self.samples_in + self.delay as u64).div_ceil(FRAME as u64) as usize;
        let mut tail = std::mem::take(&mut self.pending);
        while self.units.len() < needed {
            tail.resize(FRAME, 0);
            self.encode(&tail)?;
            tail.clear();
        }
        self.units.truncate(needed);
        self.mux()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::mp4box::path;

    fn note(samples: usize) -> Vec<u8> {
        let mut enc = M4aEncoder::new().unwrap();
        let tone: Vec<f32> = (0..samples)
            .map(|i| 0.3 * (i as f32 * 2.0 * std::f32::consts::PI * 440.0 / 48_000.0).sin())
            .collect();
        enc.push(&tone).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn the_file_is_mended_and_says_its_real_length() {
        let file = note(48_000 + 123);
        assert_eq!(&file[4..12], b"ftypM4A ");
        // moov first ("fast start"), then the audio.
        let top: Vec<[u8; 4]> = crate::audio::mp4box::children(&file, 0..file.len())
            .map(|b| b.kind)
            .collect();
        assert_eq!(top, [*b"ftyp", *b"moov", *b"mdat"]);
        let elst = path(&file, &[b"moov", b"trak", b"edts", b"elst"]).expect("an edit list");
        let body = &file[elst.body.clone()];
        assert_eq!(
            u32::from_be_bytes(body[8..12].try_into().unwrap()),
            48_123,
            "length"
        );
        assert_eq!(
            i32::from_be_bytes(body[12..16].try_into().unwrap()),
            2048,
            "priming"
        );
        let esds = file.windows(4).position(|w| w == b"esds").unwrap();
        let size = u32::from_be_bytes(file[esds - 4..esds].try_into().unwrap()) as usize;
        assert_eq!(
            &file[esds - 4 + size - 3..esds - 4 + size],
            &[0x06, 0x01, 0x02]
        );
        assert_eq!(
            crate::audio::measure::m4a(&file),
            Some(std::time::Duration::from_micros(
                48_123 * 1_000_000 / 48_000
            ))
        );
    }

    #[test]
    fn every_input_sample_is_covered_by_an_access_unit() {
        for samples in [1, 1023, 1024, 1025, 48_000] {
            let mut enc = M4aEncoder::new().unwrap();
            enc.push(&vec![0.0; samples]).unwrap();
            enc.finish().unwrap();
            let needed = (samples + enc.delay as usize).div_ceil(FRAME);
            assert_eq!(enc.units.len(), needed, "{samples} samples");
        }
    }
}
