//! Opus packets to mono samples: the OpusHead, the decoder, pre-skip. Shared by the
//! Ogg and WebM paths (symphonia demuxes Opus but has no Opus decoder).

use crate::audio::error::{ClipError, corrupt};
use crate::audio::sniff::found;

/// Opus always decodes at 48 kHz here; granules count 48 kHz samples.
pub const OPUS_RATE: u32 = 48_000;
/// The longest Opus packet: 120 ms at 48 kHz.
const MAX_PACKET_SAMPLES: usize = 5760;

/// The identification header (RFC 7845 §5.1).
#[derive(Debug, Clone, Copy)]
pub struct OpusHead {
    pub channels: u8,
    pub pre_skip: u16,
    pub mapping_family: u8,
}

impl OpusHead {
    pub fn parse(bytes: &[u8]) -> Result<OpusHead, ClipError> {
        if bytes.len() < 19 || !bytes.starts_with(b"OpusHead") {
            return Err(corrupt(
                "the Opus identification header is missing or too short",
            ));
        }
        if bytes[8] >> 4 != 0 {
            return Err(ClipError::Unsupported {
                found: found("opus-version").number("version", bytes[8]),
            });
        }
        let head = OpusHead {
            channels: bytes[9],
            pre_skip: u16::from_le_bytes([bytes[10], bytes[11]]),
            mapping_family: bytes[18],
        };
        if head.channels == 0 {
            return Err(corrupt("the Opus header declares zero channels"));
        }
        if head.mapping_family != 0 || head.channels > 2 {
            return Err(ClipError::Unsupported {
                found: found("opus-surround").number("channels", head.channels),
            });
        }
        Ok(head)
    }
}

/// Decodes packets to mono, dropping the first `pre_skip` samples.
pub struct OpusPackets {
    decoder: opus::Decoder,
    channels: usize,
    skip_left: usize,
    pcm: Vec<f32>,
}

impl OpusPackets {
    pub fn new(head: &OpusHead) -> Result<Self, ClipError> {
        let channels = if head.channels == 1 {
            opus::Channels::Mono
        } else {
            opus::Channels::Stereo
        };
        let decoder = opus::Decoder::new(OPUS_RATE, channels).map_err(corrupt)?;
        Ok(OpusPackets {
            decoder,
            channels: head.channels as usize,
            skip_left: head.pre_skip as usize,
            pcm: vec![0.0; MAX_PACKET_SAMPLES * head.channels as usize],
        })
    }

    /// Decodes one packet and appends its mono samples (after pre-skip) to `out`;
    /// returns how many were appended.
    pub fn decode(&mut self, packet: &[u8], out: &mut Vec<f32>) -> Result<usize, ClipError> {
        let frames = self
            .decoder
            .decode_float(packet, &mut self.pcm, false)
            .map_err(|e| corrupt(format!("an Opus packet does not decode ({e})")))?;
        let skip = self.skip_left.min(frames);
        self.skip_left -= skip;
        let start = out.len();
        let used = &self.pcm[skip * self.channels..frames * self.channels];
        super::stream::downmix_into(used, self.channels, out);
        Ok(out.len() - start)
    }
}
