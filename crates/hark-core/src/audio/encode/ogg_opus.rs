//! Ogg/Opus voice notes (RFC 7845), the way WhatsApp and Telegram show a voice bubble
//! with the right duration: mono, VOIP mode, OpusHead pre-skip = the encoder's
//! lookahead, 48 kHz granules, the last granule trimmed to the real end, EOS page.
//!
//! The encoder is fed speech at 16 kHz (wide-band, as WhatsApp's own voice notes):
//! given a 48 kHz signal, libopus spends its bits on a band voice does not use, and
//! the note sounds worse at the same bitrate (docs/benchmarks.md, PESQ).

use ogg::{PacketWriteEndInfo, PacketWriter};

use super::encoder::{Encode, encode_error};
use crate::audio::error::ClipError;

/// The rate of Ogg/Opus granules and of the decoder's output.
pub const OPUS_RATE: u32 = 48_000;
/// The rate voice is encoded at: wide-band.
pub const VOICE_RATE: u32 = 16_000;
/// Packets per Ogg page: one second at 20 ms keeps pages at a few KB.
const PACKETS_PER_PAGE: u32 = 50;

#[derive(Debug, Clone, Copy)]
pub struct OpusSettings {
    /// Bits per second (formats.md: 24–32 kbit/s, never below 12).
    pub bitrate: u32,
    /// Frame duration in milliseconds: 10, 20, 40 or 60.
    pub frame_ms: u32,
    /// The rate the samples come at: 8, 12, 16, 24 or 48 kHz.
    pub input_rate: u32,
}

impl Default for OpusSettings {
    fn default() -> Self {
        OpusSettings {
            bitrate: 32_000,
            frame_ms: 20,
            input_rate: VOICE_RATE,
        }
    }
}

pub struct OggOpusEncoder {
    encoder: opus::Encoder,
    writer: PacketWriter<'static, Vec<u8>>,
    serial: u32,
    frame: usize,
    input_rate: u32,
    /// 48 kHz granules per input sample.
    scale: u64,
    pending: Vec<f32>,
    packet: Vec<u8>,
    pre_skip: u64,
    /// Samples pushed (the real audio), at the input rate.
    samples_in: u64,
    /// Granules encoded (48 kHz), counting the frames' worth of each packet.
    encoded: u64,
    /// The newest packet, held back so the last can be written with the EOS flag.
    held: Option<(Vec<u8>, u64)>,
    packets_on_page: u32,
}

impl OggOpusEncoder {
    pub fn new(settings: OpusSettings) -> Result<Self, ClipError> {
        if ![10, 20, 40, 60].contains(&settings.frame_ms) {
            return Err(encode_error(format!(
                "an Opus frame of {} ms is not supported",
                settings.frame_ms
            )));
        }
        if ![8_000, 12_000, 16_000, 24_000, 48_000].contains(&settings.input_rate) {
            return Err(encode_error(format!(
                "Opus does not take samples at {} Hz",
                settings.input_rate
            )));
        }
        let scale = (OPUS_RATE / settings.input_rate) as u64;
        let mut encoder = opus::Encoder::new(
            settings.input_rate,
            opus::Channels::Mono,
            opus::Application::Voip,
        )
        .map_err(encode_error)?;
        encoder
            .set_bitrate(opus::Bitrate::Bits(settings.bitrate.max(12_000) as i32))
            .map_err(encode_error)?;
        // The lookahead comes at the input rate; pre-skip counts 48 kHz samples.
        let pre_skip = encoder.get_lookahead().map_err(encode_error)? as u64 * scale;
        let serial = std::process::id().rotate_left(13) ^ 0x4861_726b;
        let mut writer = PacketWriter::new(Vec::with_capacity(64 * 1024));
        writer
            .write_packet(
                opus_head(pre_skip as u16, settings.input_rate),
                serial,
                PacketWriteEndInfo::EndPage,
                0,
            )
            .map_err(encode_error)?;
        writer
            .write_packet(opus_tags(), serial, PacketWriteEndInfo::EndPage, 0)
            .map_err(encode_error)?;
        Ok(OggOpusEncoder {
            encoder,
            writer,
            serial,
            frame: (settings.input_rate / 1000 * settings.frame_ms) as usize,
            input_rate: settings.input_rate,
            scale,
            pending: Vec::new(),
            packet: vec![0; 4000],
            pre_skip,
            samples_in: 0,
            encoded: 0,
            held: None,
            packets_on_page: 0,
        })
    }

    fn encode_frame(&mut self, frame: &[f32]) -> Result<(), ClipError> {
        let n = self
            .encoder
            .encode_float(frame, &mut self.packet)
            .map_err(encode_error)?;
        self.encoded += self.frame as u64 * self.scale;
        let fresh = (self.packet[..n].to_vec(), self.encoded);
        if let Some((data, granule)) = self.held.replace(fresh) {
            self.packets_on_page += 1;
            let end = if self.packets_on_page >= PACKETS_PER_PAGE {
                self.packets_on_page = 0;
                PacketWriteEndInfo::EndPage
            } else {
                PacketWriteEndInfo::NormalPacket
            };
            self.writer
                .write_packet(data, self.serial, end, granule)
                .map_err(encode_error)?;
        }
        Ok(())
    }
}

impl Encode for OggOpusEncoder {
    fn sample_rate(&self) -> u32 {
        self.input_rate
    }

    fn push(&mut self, mono: &[f32]) -> Result<(), ClipError> {
        self.samples_in += mono.len() as u64;
        self.pending.extend_from_slice(mono);
        let mut start = 0;
        while self.pending.len() - start >= self.frame {
            let frame: Vec<f32> = self.pending[start..start + self.frame].to_vec();
            self.encode_frame(&frame)?;
            start += self.frame;
        }
        self.pending.drain(..start);
        Ok(())
    }

    fn take_bytes(&mut self) -> Vec<u8> {
        std::mem::take(self.writer.inner_mut())
    }

    fn finish(&mut self) -> Result<Vec<u8>, ClipError> {
        // Feed silence until everything pushed has come out of the encoder's lookahead.
        let end = self.pre_skip + self.samples_in * self.scale;
        while self.encoded < end || self.held.is_none() {
            let mut frame = std::mem::take(&mut self.pending);
            frame.resize(self.frame, 0.0);
            self.encode_frame(&frame)?;
        }
        if let Some((data, _)) = self.held.take() {
            // The last granule marks the real end of the audio (RFC 7845 §4.4).
            self.writer
                .write_packet(data, self.serial, PacketWriteEndInfo::EndStream, end)
                .map_err(encode_error)?;
        }
        Ok(self.take_bytes())
    }
}

fn opus_head(pre_skip: u16, input_rate: u32) -> Vec<u8> {
    let mut head = Vec::with_capacity(19);
    head.extend_from_slice(b"OpusHead");
    head.push(1); // version
    head.push(1); // channels
    head.extend_from_slice(&pre_skip.to_le_bytes());
    head.extend_from_slice(&input_rate.to_le_bytes()); // input sample rate
    head.extend_from_slice(&0i16.to_le_bytes()); // output gain
    head.push(0); // mapping family 0: mono/stereo
    head
}

fn opus_tags() -> Vec<u8> {
    // libopus names itself ("libopus 1.6.1").
    let vendor = format!("Hark {} ({})", crate::VERSION, opus::version());
    let mut tags = Vec::with_capacity(16 + vendor.len());
    tags.extend_from_slice(b"OpusTags");
    tags.extend_from_slice(&(vendor.len() as u32).to_le_bytes());
    tags.extend_from_slice(vendor.as_bytes());
    tags.extend_from_slice(&0u32.to_le_bytes()); // no comments
    tags
}
