//! Ogg/Opus files (RFC 7845), demuxed here so that pre-skip and the final granule's
//! end trim are applied exactly.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use super::opus_packets::{OPUS_RATE, OpusHead, OpusPackets};
use super::stream::{Decode, StreamInfo};
use crate::audio::error::{ClipError, corrupt};
use crate::audio::sniff::Kind;

pub struct OggOpusDecoder {
    info: StreamInfo,
    reader: ogg::PacketReader<BufReader<File>>,
    head: OpusHead,
    packets: OpusPackets,
    /// Samples handed out so far (after pre-skip).
    emitted: u64,
    ended: bool,
}

fn bad_ogg(e: ogg::OggReadError) -> ClipError {
    corrupt(format!("the Ogg stream is damaged ({e})"))
}

impl OggOpusDecoder {
    pub fn open(path: &Path) -> Result<Self, ClipError> {
        let file = File::open(path).map_err(|source| ClipError::Unreadable {
            path: path.to_path_buf(),
            source,
        })?;
        let mut reader = ogg::PacketReader::new(BufReader::new(file));
        let first = reader
            .read_packet()
            .map_err(bad_ogg)?
            .ok_or_else(|| corrupt("the Ogg file has no packets"))?;
        let head = OpusHead::parse(&first.data)?;
        let tags = reader
            .read_packet()
            .map_err(bad_ogg)?
            .ok_or_else(|| corrupt("the Ogg/Opus file ends after its first header"))?;
        if !tags.data.starts_with(b"OpusTags") {
            return Err(corrupt("the Opus comment header (OpusTags) is missing"));
        }
        Ok(OggOpusDecoder {
            info: StreamInfo {
                kind: Kind::OggOpus,
                codec: "Opus".into(),
                sample_rate: OPUS_RATE,
                channels: head.channels as u16,
                frames: None,
            },
            packets: OpusPackets::new(&head)?,
            reader,
            head,
            emitted: 0,
            ended: false,
        })
    }
}

impl Decode for OggOpusDecoder {
    fn info(&self) -> &StreamInfo {
        &self.info
    }

    fn next_mono(&mut self, out: &mut Vec<f32>) -> Result<bool, ClipError> {
        if self.ended {
            return Ok(false);
        }
        let Some(packet) = self.reader.read_packet().map_err(bad_ogg)? else {
            return Err(corrupt(
                "the Ogg stream stops without its end-of-stream page (the file was cut short)",
            ));
        };
        let start = out.len();
        let n = self.packets.decode(&packet.data, out)? as u64;
        if packet.last_in_stream() {
            // RFC 7845 §4.4: the last granule marks the exact end; drop what lies past it.
            let total = packet
                .absgp_page()
                .saturating_sub(self.head.pre_skip as u64);
            let keep = total.saturating_sub(self.emitted).min(n);
            out.truncate(start + keep as usize);
            self.emitted += keep;
            self.ended = true;
        } else {
            self.emitted += n;
        }
        Ok(true)
    }
}
