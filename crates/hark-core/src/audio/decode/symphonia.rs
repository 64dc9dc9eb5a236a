//! Everything symphonia reads: WAV, MP3, AAC (MP4/M4A, ADTS), Ogg Vorbis, FLAC,
//! WebM/Matroska (Vorbis by symphonia, Opus by libopus).

use std::fs::File;
use std::path::Path;

use symphonia::core::codecs::audio::{AudioDecoder, AudioDecoderOptions, well_known::*};
use symphonia::core::errors::Error as SymError;
use symphonia::core::formats::probe::Hint;
use symphonia::core::formats::{FormatOptions, FormatReader, TrackType};
use symphonia::core::io::MediaSourceStream;
use symphonia::core::meta::MetadataOptions;

use super::mp4_edit;
use super::opus_packets::{OPUS_RATE, OpusHead, OpusPackets};
use super::stream::{Decode, StreamInfo, downmix_into};
use crate::audio::error::{ClipError, corrupt};
use crate::audio::sniff::{Kind, found};

enum Codec {
    Symphonia(Box<dyn AudioDecoder>),
    Opus(OpusPackets),
}

pub struct SymphoniaDecoder {
    info: StreamInfo,
    reader: Box<dyn FormatReader>,
    codec: Codec,
    track_id: u32,
    /// Frames the track declares, if it does: decoding fewer means a cut-short file.
    declared_frames: Option<u64>,
    decoded_frames: u64,
    bad_packets: u32,
    packets: u32,
    interleaved: Vec<f32>,
    /// Samples still to drop at the start (MP4 priming from the edit list).
    skip_left: u64,
    /// Samples to hand out in all, when the edit list says.
    keep: Option<u64>,
    emitted: u64,
}

/// How many undecodable packets are forgiven (a glitch in a long MP3) before the file
/// counts as corrupt.
const FORGIVEN_BAD_PACKETS: u32 = 3;

fn sym_error(e: SymError) -> ClipError {
    match e {
        SymError::Unsupported(what) => ClipError::Unsupported {
            found: found("undecodable").text("what", what.to_string()),
        },
        other => corrupt(other),
    }
}

impl SymphoniaDecoder {
    pub fn open(path: &Path, kind: Kind) -> Result<Self, ClipError> {
        let file = File::open(path).map_err(|source| ClipError::Unreadable {
            path: path.to_path_buf(),
            source,
        })?;
        let mss = MediaSourceStream::new(Box::new(file), Default::default());
        let reader = symphonia::default::get_probe()
            .probe(
                &Hint::new(),
                mss,
                FormatOptions::default(),
                MetadataOptions::default(),
            )
            // The content already showed a container Hark reads: if it will not open,
            // it is damaged (a cut-short M4A has lost its index, for one).
            .map_err(|e| {
                corrupt(format!(
                    "its {} structure cannot be read ({e}); it may have been cut short",
                    kind.container()
                ))
            })?;
        let track =
            reader
                .default_track(TrackType::Audio)
                .ok_or_else(|| ClipError::Unsupported {
                    found: found("no-audio-track").text("container", kind.container()),
                })?;
        let params = track
            .codec_params
            .as_ref()
            .and_then(|p| p.audio())
            .ok_or_else(|| ClipError::Unsupported {
                found: found("no-audio-track").text("container", kind.container()),
            })?
            .clone();
        let track_id = track.id;
        let declared_frames = track.num_frames;
        let channels = params.channels.as_ref().map_or(0, |c| c.count()) as u16;
        let mut pre_skip = 0;
        let (codec, sample_rate) = if params.codec == CODEC_ID_OPUS {
            let head = OpusHead::parse(params.extra_data.as_deref().unwrap_or(&[]))?;
            pre_skip = head.pre_skip;
            (Codec::Opus(OpusPackets::new(&head)?), OPUS_RATE)
        } else {
            let decoder = symphonia::default::get_codecs()
                .make_audio_decoder(&params, &AudioDecoderOptions::default())
                .map_err(|_| ClipError::Unsupported {
                    found: found("codec-not-read")
                        .text("container", kind.container())
                        .text("codec", codec_name(params.codec, params.bits_per_sample)),
                })?;
            let rate = params
                .sample_rate
                .ok_or_else(|| corrupt("the file does not say its sample rate"))?;
            (Codec::Symphonia(decoder), rate)
        };
        let edit = if kind == Kind::Mp4 {
            mp4_edit::audio_edit(path, sample_rate)
        } else if kind == Kind::Matroska {
            matroska_length(reader.as_ref(), sample_rate, pre_skip).map(|keep| mp4_edit::Edit {
                skip: 0,
                keep: Some(keep),
            })
        } else {
            None
        };
        if !(8_000..=192_000).contains(&sample_rate) {
            return Err(ClipError::Unsupported {
                found: found("sample-rate").text("rate", sample_rate.to_string()),
            });
        }
        Ok(SymphoniaDecoder {
            info: StreamInfo {
                kind,
                codec: codec_name(params.codec, params.bits_per_sample),
                sample_rate,
                channels,
                frames: edit.and_then(|e| e.keep).or(declared_frames),
            },
            reader,
            codec,
            track_id,
            declared_frames,
            decoded_frames: 0,
            bad_packets: 0,
            packets: 0,
            interleaved: Vec::new(),
            skip_left: edit.map_or(0, |e| e.skip),
            keep: edit.and_then(|e| e.keep),
            emitted: 0,
        })
    }

    /// Drops the edit list's priming and anything past its length from what this
    /// packet appended to `out` (from `before` on).
    fn apply_edit(&mut self, out: &mut Vec<f32>, before: usize) {
        let skip = self.skip_left.min((out.len() - before) as u64) as usize;
        self.skip_left -= skip as u64;
        out.drain(before..before + skip);
        if let Some(keep) = self.keep {
            let allowed = keep.saturating_sub(self.emitted) as usize;
            out.truncate(before + allowed.min(out.len() - before));
        }
        self.emitted += (out.len() - before) as u64;
    }

    fn finish(&self) -> Result<bool, ClipError> {
        if self.decoded_frames == 0 {
            return Err(corrupt("no audio could be decoded from it"));
        }
        if self.bad_packets > FORGIVEN_BAD_PACKETS.max(self.packets / 100) {
            return Err(corrupt(format!(
                "{} of its {} audio packets do not decode",
                self.bad_packets, self.packets
            )));
        }
        if let Some(declared) = self.declared_frames {
            // Allow a frame of slack for encoder delay and padding bookkeeping.
            let rate = self.info.sample_rate as u64;
            if self.decoded_frames + rate / 10 < declared {
                return Err(corrupt(format!(
                    "it ends after {:.1} s of the {:.1} s it declares (the file was cut short)",
                    self.decoded_frames as f64 / rate as f64,
                    declared as f64 / rate as f64
                )));
            }
        }
        Ok(false)
    }
}

impl Decode for SymphoniaDecoder {
    fn info(&self) -> &StreamInfo {
        &self.info
    }

    fn next_mono(&mut self, out: &mut Vec<f32>) -> Result<bool, ClipError> {
        loop {
            let packet = match self.reader.next_packet() {
                Ok(Some(packet)) => packet,
                Ok(None) => return self.finish(),
                // A stream cut short ends in an unexpected EOF: judge what was decoded.
                Err(SymError::IoError(e)) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                    return self.finish();
                }
                Err(e) => return Err(sym_error(e)),
            };
            if packet.track_id != self.track_id {
                continue;
            }
            self.packets += 1;
            let before = out.len();
            match &mut self.codec {
                Codec::Opus(opus) => match opus.decode(&packet.data, out) {
                    Ok(_) => {}
                    Err(_) => self.bad_packets += 1,
                },
                Codec::Symphonia(decoder) => match decoder.decode(&packet) {
                    Ok(buf) => {
                        let channels = buf.spec().channels().count().max(1);
                        self.interleaved.resize(buf.samples_interleaved(), 0.0);
                        buf.copy_to_slice_interleaved(&mut self.interleaved);
                        downmix_into(&self.interleaved, channels, out);
                    }
                    Err(SymError::DecodeError(_)) => self.bad_packets += 1,
                    Err(e) => return Err(sym_error(e)),
                },
            }
            self.decoded_frames += (out.len() - before) as u64;
            self.apply_edit(out, before);
            if out.len() > before {
                return Ok(true);
            }
        }
    }
}

/// The length of a WebM/Matroska audio track in samples, from the segment's duration
/// (less Opus's codec delay, which the decoder already drops), so that the padding of
/// the last packet is not played. symphonia does not apply it itself.
fn matroska_length(reader: &dyn FormatReader, rate: u32, pre_skip: u16) -> Option<u64> {
    let info = reader.media_info();
    let (duration, tb) = (info.duration?, info.time_base?);
    let samples =
        duration.get() as u128 * tb.numer.get() as u128 * rate as u128 / tb.denom.get() as u128;
    (samples as u64).checked_sub(pre_skip as u64)
}

fn codec_name(codec: symphonia::core::codecs::audio::AudioCodecId, bits: Option<u32>) -> String {
    // Sample formats as audio tools name them in any language: "PCM 16-bit",
    // "PCM 32-bit float".
    let pcm = |kind: &str| match bits {
        Some(b) => format!("PCM {b}-bit{kind}"),
        None => format!("PCM{kind}"),
    };
    match codec {
        CODEC_ID_MP3 => "MP3".into(),
        CODEC_ID_AAC => "AAC".into(),
        CODEC_ID_VORBIS => "Vorbis".into(),
        CODEC_ID_OPUS => "Opus".into(),
        CODEC_ID_FLAC => "FLAC".into(),
        CODEC_ID_ALAC => "ALAC".into(),
        CODEC_ID_PCM_F32LE | CODEC_ID_PCM_F64LE | CODEC_ID_PCM_F32BE | CODEC_ID_PCM_F64BE => {
            pcm(" float")
        }
        CODEC_ID_PCM_ALAW => "A-law".into(),
        CODEC_ID_PCM_MULAW => "µ-law".into(),
        CODEC_ID_ADPCM_IMA_WAV | CODEC_ID_ADPCM_MS => "ADPCM".into(),
        c if is_pcm(c) => pcm(""),
        _ => "an unknown codec".into(),
    }
}

fn is_pcm(codec: symphonia::core::codecs::audio::AudioCodecId) -> bool {
    [
        CODEC_ID_PCM_S8,
        CODEC_ID_PCM_U8,
        CODEC_ID_PCM_S16LE,
        CODEC_ID_PCM_S16BE,
        CODEC_ID_PCM_S24LE,
        CODEC_ID_PCM_S24BE,
        CODEC_ID_PCM_S32LE,
        CODEC_ID_PCM_S32BE,
        CODEC_ID_PCM_U16LE,
        CODEC_ID_PCM_U24LE,
        CODEC_ID_PCM_U32LE,
    ]
    .contains(&codec)
}
