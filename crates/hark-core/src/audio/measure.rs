//! Durations read from an encoded note's own stream, not from what was fed in:
//! verdicts are about the file the customer will get.

use std::time::Duration;

use super::amrnb;
use super::decode::amr_frames;

/// Ogg/Opus: (last granule − pre-skip) / 48 kHz, from the pages themselves.
pub fn ogg_opus(bytes: &[u8]) -> Option<Duration> {
    let mut pos = 0;
    let mut pre_skip = None;
    let mut last_granule = None;
    while bytes.get(pos..pos + 4)? == b"OggS" {
        let header = bytes.get(pos..pos + 27)?;
        let granule = u64::from_le_bytes(header[6..14].try_into().ok()?);
        let segments = header[26] as usize;
        let table = bytes.get(pos + 27..pos + 27 + segments)?;
        let body_start = pos + 27 + segments;
        let body_len: usize = table.iter().map(|&l| l as usize).sum();
        let body = bytes.get(body_start..body_start + body_len)?;
        if pre_skip.is_none() && body.starts_with(b"OpusHead") && body.len() >= 12 {
            pre_skip = Some(u16::from_le_bytes([body[10], body[11]]) as u64);
        }
        if granule != u64::MAX {
            last_granule = Some(granule);
        }
        pos = body_start + body_len;
        if pos == bytes.len() {
            break;
        }
    }
    let samples = last_granule?.checked_sub(pre_skip?)?;
    Some(Duration::from_micros(samples * 1_000_000 / 48_000))
}

/// M4A: the edit list's segment duration in the movie timescale (Hark's own files
/// always have one).
pub fn m4a(bytes: &[u8]) -> Option<Duration> {
    use super::mp4box::{path, timescale};
    let mvhd = path(bytes, &[b"moov", b"mvhd"])?;
    let scale = timescale(&bytes[mvhd.body.clone()])? as u64;
    let elst = path(bytes, &[b"moov", b"trak", b"edts", b"elst"])?;
    let body = &bytes[elst.body.clone()];
    let length = if body[0] == 1 {
        u64::from_be_bytes(body.get(8..16)?.try_into().ok()?)
    } else {
        u32::from_be_bytes(body.get(8..12)?.try_into().ok()?) as u64
    };
    Some(Duration::from_micros(length * 1_000_000 / scale.max(1)))
}

/// AMR-NB: 20 ms a frame.
pub fn amr(bytes: &[u8]) -> Option<Duration> {
    let body = bytes.strip_prefix(amrnb::MAGIC)?;
    let mut frames = 0u64;
    for frame in amr_frames(body) {
        frame.ok()?;
        frames += 1;
    }
    Some(Duration::from_millis(frames * 20))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amr_duration_is_frames_times_twenty_ms() {
        let mut file = amrnb::MAGIC.to_vec();
        for _ in 0..150 {
            file.push(0x3C); // MR122 frame header
            file.extend_from_slice(&[0; 31]);
        }
        assert_eq!(amr(&file), Some(Duration::from_secs(3)));
        file.pop();
        assert_eq!(amr(&file), None, "a cut-short frame is not measured");
    }
}
