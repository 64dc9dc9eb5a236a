//! What part of a decoded track to keep ([`Edit`]), and the edit list of an MP4/M4A
//! audio track (`moov/trak/edts/elst`), which symphonia
//! ignores: it says how many samples of encoder priming to skip and how long the
//! audio really is. Read-only; Hark never writes MP4 by hand.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use crate::audio::mp4box::{children, find, timescale};

/// What to play of the decoded track, in samples at the track's sample rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edit {
    pub skip: u64,
    pub keep: Option<u64>,
}

/// The first audio track's edit, scaled to `rate`; `None` when there is none to apply.
pub fn audio_edit(path: &Path, rate: u32) -> Option<Edit> {
    let moov = read_moov(path)?;
    let all = 0..moov.len();
    let movie_timescale =
        find(&moov, all.clone(), b"mvhd").and_then(|b| timescale(&moov[b.body]))?;
    for trak in children(&moov, all).filter(|b| &b.kind == b"trak") {
        let mdia = find(&moov, trak.body.clone(), b"mdia")?;
        let is_audio = find(&moov, mdia.body.clone(), b"hdlr")
            .is_some_and(|h| moov.get(h.body.start + 8..h.body.start + 12) == Some(b"soun"));
        if !is_audio {
            continue;
        }
        let media_timescale =
            find(&moov, mdia.body.clone(), b"mdhd").and_then(|b| timescale(&moov[b.body]))?;
        let edts = find(&moov, trak.body.clone(), b"edts")?;
        let elst = find(&moov, edts.body, b"elst")?;
        let (segment, media_time) = first_entry(&moov[elst.body])?;
        let scale = |v: u64, ts: u32| (v as u128 * rate as u128 / ts.max(1) as u128) as u64;
        return Some(Edit {
            skip: scale(media_time, media_timescale),
            keep: (segment > 0).then(|| scale(segment, movie_timescale)),
        });
    }
    None
}

fn read_moov(path: &Path) -> Option<Vec<u8>> {
    let mut file = File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let mut pos = 0u64;
    while pos + 8 <= len {
        file.seek(SeekFrom::Start(pos)).ok()?;
        let mut header = [0u8; 16];
        file.read_exact(&mut header[..8]).ok()?;
        let mut size = u32::from_be_bytes(header[..4].try_into().ok()?) as u64;
        let mut header_len = 8;
        if size == 1 {
            file.read_exact(&mut header[8..16]).ok()?;
            size = u64::from_be_bytes(header[8..16].try_into().ok()?);
            header_len = 16;
        } else if size == 0 {
            size = len - pos;
        }
        if size < header_len {
            return None;
        }
        if &header[4..8] == b"moov" {
            // A moov is metadata: refuse implausible sizes rather than allocate them.
            let body = size - header_len;
            if body > 64 << 20 || pos + size > len {
                return None;
            }
            let mut moov = vec![0; body as usize];
            file.read_exact(&mut moov).ok()?;
            return Some(moov);
        }
        pos += size;
    }
    None
}

/// The first non-empty entry's (segment duration, media time).
fn first_entry(elst: &[u8]) -> Option<(u64, u64)> {
    let version = *elst.first()?;
    let count = u32::from_be_bytes(elst.get(4..8)?.try_into().ok()?) as usize;
    let entry_len = if version == 1 { 20 } else { 12 };
    (0..count.min(16)).find_map(|i| {
        let e = elst.get(8 + i * entry_len..8 + (i + 1) * entry_len)?;
        let (segment, media_time) = if version == 1 {
            (
                u64::from_be_bytes(e[0..8].try_into().ok()?),
                i64::from_be_bytes(e[8..16].try_into().ok()?),
            )
        } else {
            (
                u32::from_be_bytes(e[0..4].try_into().ok()?) as u64,
                i32::from_be_bytes(e[4..8].try_into().ok()?) as i64,
            )
        };
        // media_time −1 is an empty edit (a pause before the track), not the track.
        (media_time >= 0).then_some((segment, media_time as u64))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bx(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut b = ((body.len() + 8) as u32).to_be_bytes().to_vec();
        b.extend_from_slice(kind);
        b.extend_from_slice(body);
        b
    }

    fn full_v0_timescale(timescale: u32) -> Vec<u8> {
        let mut b = vec![0u8; 12]; // version+flags, creation, modification
        b.extend_from_slice(&timescale.to_be_bytes());
        b.extend_from_slice(&[0; 8]);
        b
    }

    #[test]
    fn the_priming_is_skipped_and_the_length_kept_even_with_moov_at_the_end() {
        let mut elst = vec![0, 0, 0, 0, 0, 0, 0, 1];
        elst.extend_from_slice(&3000u32.to_be_bytes()); // 3 s in the movie timescale
        elst.extend_from_slice(&1024i32.to_be_bytes()); // priming, media timescale
        elst.extend_from_slice(&[0, 1, 0, 0]);
        let mut hdlr = vec![0u8; 8];
        hdlr.extend_from_slice(b"soun");
        hdlr.extend_from_slice(&[0; 12]);
        let mdia = [bx(b"mdhd", &full_v0_timescale(44_100)), bx(b"hdlr", &hdlr)].concat();
        let trak = [bx(b"edts", &bx(b"elst", &elst)), bx(b"mdia", &mdia)].concat();
        let moov = [bx(b"mvhd", &full_v0_timescale(1000)), bx(b"trak", &trak)].concat();
        let file = [
            bx(b"ftyp", b"M4A \0\0\0\0"),
            bx(b"mdat", &[0; 100]),
            bx(b"moov", &moov),
        ]
        .concat();
        let tmp = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(tmp.path(), &file).unwrap();

        let edit = audio_edit(tmp.path(), 44_100).unwrap();

        assert_eq!(
            edit,
            Edit {
                skip: 1024,
                keep: Some(132_300)
            }
        );
    }

    #[test]
    fn a_file_without_moov_or_with_a_huge_box_has_no_edit() {
        let tmp = tempfile::NamedTempFile::new().unwrap();
        let mut file = bx(b"ftyp", b"M4A \0\0\0\0");
        file.extend_from_slice(&u32::MAX.to_be_bytes());
        file.extend_from_slice(b"moov");
        std::fs::write(tmp.path(), &file).unwrap();
        assert_eq!(audio_edit(tmp.path(), 44_100), None);
    }
}
