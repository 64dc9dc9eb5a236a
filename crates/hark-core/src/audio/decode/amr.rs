//! AMR-NB storage-format files (RFC 4867 §5), which symphonia cannot read.

use std::path::Path;

use super::stream::{Decode, StreamInfo};
use crate::audio::amrnb::{self, FRAME_SAMPLES};
use crate::audio::error::{ClipError, corrupt};
use crate::audio::sniff::Kind;

pub struct AmrDecoder {
    info: StreamInfo,
    bytes: Vec<u8>,
    pos: usize,
    decoder: amrnb::Decoder,
}

impl AmrDecoder {
    pub fn open(path: &Path) -> Result<Self, ClipError> {
        let bytes = std::fs::read(path).map_err(|source| ClipError::Unreadable {
            path: path.to_path_buf(),
            source,
        })?;
        let decoder = amrnb::Decoder::new().ok_or_else(|| corrupt("the AMR decoder failed"))?;
        Ok(AmrDecoder {
            info: StreamInfo {
                kind: Kind::AmrNb,
                codec: "AMR-NB".into(),
                sample_rate: 8000,
                channels: 1,
                frames: None,
            },
            pos: amrnb::MAGIC.len(),
            bytes,
            decoder,
        })
    }
}

/// The frames of an AMR-NB file after its magic: each frame's bytes, or an error for
/// a bad frame type or a file cut short mid-frame.
pub fn frames(body: &[u8]) -> impl Iterator<Item = Result<&[u8], ClipError>> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let header = *body.get(pos)?;
        let Some(len) = amrnb::frame_bytes(header) else {
            pos = body.len();
            return Some(Err(corrupt(format!(
                "AMR frame header {header:#04x} at byte {} is not a valid frame type",
                pos + amrnb::MAGIC.len()
            ))));
        };
        let Some(frame) = body.get(pos..pos + len) else {
            pos = body.len();
            return Some(Err(corrupt("the AMR file ends in the middle of a frame")));
        };
        pos += len;
        Some(Ok(frame))
    })
}

impl Decode for AmrDecoder {
    fn info(&self) -> &StreamInfo {
        &self.info
    }

    fn next_mono(&mut self, out: &mut Vec<f32>) -> Result<bool, ClipError> {
        // Decode up to a second at a time.
        let body = &self.bytes[self.pos..];
        if body.is_empty() {
            return Ok(false);
        }
        let mut pcm = [0i16; FRAME_SAMPLES];
        let mut consumed = 0;
        for frame in frames(body).take(50) {
            let frame = frame?;
            self.decoder.decode(frame, &mut pcm);
            out.extend(pcm.iter().map(|&s| s as f32 / 32768.0));
            consumed += frame.len();
        }
        self.pos += consumed;
        Ok(true)
    }
}
