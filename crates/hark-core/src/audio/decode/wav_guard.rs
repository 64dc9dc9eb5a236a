//! A WAV's format chunk, checked before any decoder sees it: a header can declare
//! tens of thousands of channels or a block size that overflows, and a decoder that
//! trusts it allocates without bound or does arithmetic that wraps. Hark refuses such
//! a file as damaged instead.

use std::io::{Read, Seek, SeekFrom};

use crate::audio::error::{ClipError, corrupt};

/// More channels than any recording Hark could be given (7.1.4 is 12; ambisonics of
/// the third order is 16).
pub const MAX_CHANNELS: u16 = 32;

/// How many chunks before `fmt ` Hark walks past (LIST, bext, JUNK, …).
const MAX_CHUNKS_BEFORE_FMT: usize = 64;

/// The fields of `fmt ` that decoders compute with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WavFormat {
    pub tag: u16,
    pub channels: u16,
    pub sample_rate: u32,
    pub block_align: u16,
    pub bits: u16,
}

/// Finds and checks the `fmt ` chunk of the RIFF/WAVE (or RF64) file `reader` holds.
pub fn check(reader: &mut (impl Read + Seek)) -> Result<WavFormat, ClipError> {
    let io = |e: std::io::Error| corrupt(format!("its WAV header cannot be read ({e})"));
    reader.seek(SeekFrom::Start(12)).map_err(io)?;
    for _ in 0..MAX_CHUNKS_BEFORE_FMT {
        let mut header = [0u8; 8];
        reader
            .read_exact(&mut header)
            .map_err(|_| corrupt("it has no WAV format chunk"))?;
        let len = u32::from_le_bytes(header[4..8].try_into().expect("4 bytes"));
        if &header[..4] != b"fmt " {
            // Chunks are padded to an even length.
            let skip = len as i64 + (len & 1) as i64;
            reader.seek(SeekFrom::Current(skip)).map_err(io)?;
            continue;
        }
        if !(16..=1024).contains(&len) {
            return Err(corrupt(format!(
                "its WAV format chunk is {len} bytes long, not a format"
            )));
        }
        let mut fmt = [0u8; 16];
        reader
            .read_exact(&mut fmt)
            .map_err(|_| corrupt("its WAV format chunk is cut short"))?;
        let u16_at = |i: usize| u16::from_le_bytes([fmt[i], fmt[i + 1]]);
        let format = WavFormat {
            tag: u16_at(0),
            channels: u16_at(2),
            sample_rate: u32::from_le_bytes(fmt[4..8].try_into().expect("4 bytes")),
            block_align: u16_at(12),
            bits: u16_at(14),
        };
        return judge(format);
    }
    Err(corrupt("it has no WAV format chunk among its first chunks"))
}

fn judge(f: WavFormat) -> Result<WavFormat, ClipError> {
    if f.channels == 0 {
        return Err(corrupt("its WAV header declares no channels"));
    }
    if f.channels > MAX_CHANNELS {
        return Err(corrupt(format!(
            "its WAV header declares {} channels (the most Hark reads is {MAX_CHANNELS})",
            f.channels
        )));
    }
    if f.bits == 0 || f.bits > 64 {
        return Err(corrupt(format!(
            "its WAV header declares {}-bit samples",
            f.bits
        )));
    }
    if f.block_align == 0 {
        return Err(corrupt("its WAV header declares blocks of zero bytes"));
    }
    if f.sample_rate == 0 {
        return Err(corrupt("its WAV header declares a sample rate of zero"));
    }
    Ok(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wav(channels: u16, bits: u16, extra_chunk: bool) -> Vec<u8> {
        let mut body = b"WAVE".to_vec();
        if extra_chunk {
            body.extend_from_slice(b"LIST\x03\x00\x00\x00abc\x00");
        }
        body.extend_from_slice(b"fmt \x10\x00\x00\x00");
        let align = (channels as u32 * bits as u32 / 8) as u16;
        for v in [1u16, channels] {
            body.extend_from_slice(&v.to_le_bytes());
        }
        body.extend_from_slice(&16_000u32.to_le_bytes());
        body.extend_from_slice(&(16_000 * align as u32).to_le_bytes());
        body.extend_from_slice(&align.to_le_bytes());
        body.extend_from_slice(&bits.to_le_bytes());
        body.extend_from_slice(b"data\x00\x00\x00\x00");
        let mut file = b"RIFF".to_vec();
        file.extend_from_slice(&(body.len() as u32).to_le_bytes());
        file.extend_from_slice(&body);
        file
    }

    fn check_bytes(bytes: Vec<u8>) -> Result<WavFormat, ClipError> {
        check(&mut std::io::Cursor::new(bytes))
    }

    #[test]
    fn an_ordinary_header_passes_even_after_other_chunks() {
        let f = check_bytes(wav(2, 16, true)).unwrap();
        assert_eq!((f.channels, f.bits, f.block_align), (2, 16, 4));
    }

    #[test]
    fn absurd_channel_counts_and_sizes_are_damage() {
        for channels in [0, 33, 65_534, 65_535] {
            let e = check_bytes(wav(channels, 16, false)).unwrap_err();
            assert!(matches!(e, ClipError::Corrupt { .. }), "{channels}: {e}");
        }
        assert!(check_bytes(wav(1, 0, false)).is_err());
        assert!(check_bytes(wav(1, 128, false)).is_err());
        // No fmt chunk at all; a chunk length that points past the end.
        assert!(check_bytes(b"RIFF\x04\x00\x00\x00WAVE".to_vec()).is_err());
        assert!(check_bytes(b"RIFF\x04\x00\x00\x00WAVEJUNK\xff\xff\xff\xff".to_vec()).is_err());
    }
}
