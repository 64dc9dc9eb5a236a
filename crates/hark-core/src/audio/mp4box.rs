//! ISO BMFF (MP4) boxes, just enough to read an audio track's edit list and to mend
//! what the `mp4` crate's writer gets wrong. Hark never writes MP4 by hand: the `mp4`
//! crate writes the file, and `mend` patches three known defects in place.

use std::ops::Range;

/// A box inside a buffer: its type and where its body lies (absolute offsets).
#[derive(Debug, Clone)]
pub struct BoxRef {
    pub kind: [u8; 4],
    /// Offset of the box's size field.
    pub start: usize,
    pub body: Range<usize>,
}

/// The boxes directly inside `range` of `buf`.
pub fn children(buf: &[u8], range: Range<usize>) -> impl Iterator<Item = BoxRef> + '_ {
    let mut pos = range.start;
    let end = range.end.min(buf.len());
    std::iter::from_fn(move || {
        let header = buf.get(pos..pos.checked_add(8)?.min(end))?;
        if header.len() < 8 {
            return None;
        }
        let size = u32::from_be_bytes(header[..4].try_into().ok()?) as u64;
        let kind: [u8; 4] = header[4..8].try_into().ok()?;
        let (body_start, size) = match size {
            1 => {
                let big = buf.get(pos + 8..pos + 16)?;
                (pos + 16, u64::from_be_bytes(big.try_into().ok()?))
            }
            0 => (pos + 8, (end - pos) as u64),
            n => (pos + 8, n),
        };
        let box_end = pos.checked_add(usize::try_from(size).ok()?)?;
        if box_end > end || box_end < body_start {
            return None;
        }
        let found = BoxRef {
            kind,
            start: pos,
            body: body_start..box_end,
        };
        pos = box_end;
        Some(found)
    })
}

pub fn find(buf: &[u8], range: Range<usize>, kind: &[u8; 4]) -> Option<BoxRef> {
    children(buf, range).find(|b| &b.kind == kind)
}

/// Follows a path of box types from the top level, e.g. `[b"moov", b"trak"]`.
pub fn path(buf: &[u8], kinds: &[&[u8; 4]]) -> Option<BoxRef> {
    let mut range = 0..buf.len();
    let mut found = None;
    for kind in kinds {
        let b = find(buf, range.clone(), kind)?;
        range = b.body.clone();
        found = Some(b);
    }
    found
}

/// The timescale of an `mvhd` or `mdhd` body (version 0 or 1 full box).
pub fn timescale(body: &[u8]) -> Option<u32> {
    let at = if *body.first()? == 1 { 20 } else { 12 };
    Some(u32::from_be_bytes(body.get(at..at + 4)?.try_into().ok()?))
}

#[derive(Debug, thiserror::Error)]
#[error("the M4A file could not be finished: {0}")]
pub struct MendError(&'static str);

/// Mends a single-audio-track file written by the `mp4` crate, whose `moov` comes last:
/// 1. the `esds` SLConfigDescriptor it writes as `06 00 00` (length 0) becomes the
///    correct `06 01 02` (some demuxers reject the file otherwise);
/// 2. an edit list (`edts/elst`) is added so players skip the encoder's `priming`
///    samples and stop after `length` samples (both in the track's timescale, which
///    must equal the movie's);
/// 3. `mvhd` and `tkhd` durations become `length`, the audio's real length;
/// 4. `moov` moves before `mdat` ("fast start"), its chunk offsets moved with the
///    audio, so that a player reading the file as it comes (a messenger's client, a
///    web view) can start before the end instead of holding all of it first.
pub fn mend(file: &mut Vec<u8>, priming: u32, length: u64) -> Result<(), MendError> {
    let moov = path(file, &[b"moov"]).ok_or(MendError("no moov box"))?;
    if moov.body.end != file.len() {
        return Err(MendError("moov is not the last box"));
    }
    let esds = path(
        file,
        &[b"moov", b"trak", b"mdia", b"minf", b"stbl", b"stsd"],
    )
    .and_then(|stsd| {
        // stsd: full box header (4) + entry count (4), then the mp4a entry, whose
        // own fields take 28 bytes before its child boxes.
        let mp4a = find(file, stsd.body.start + 8..stsd.body.end, b"mp4a")?;
        find(file, mp4a.body.start + 28..mp4a.body.end, b"esds")
    })
    .ok_or(MendError("no esds box"))?;
    let tail = esds.body.end - 3..esds.body.end;
    if file[tail.clone()] == [0x06, 0x00, 0x00] {
        file[tail].copy_from_slice(&[0x06, 0x01, 0x02]);
    }

    let mvhd = path(file, &[b"moov", b"mvhd"]).ok_or(MendError("no mvhd box"))?;
    set_duration(file, &mvhd, 16, 24, length)?;
    let tkhd = path(file, &[b"moov", b"trak", b"tkhd"]).ok_or(MendError("no tkhd box"))?;
    set_duration(file, &tkhd, 20, 28, length)?;

    let mut elst = vec![0, 0, 0, 0]; // version 0, flags
    elst.extend_from_slice(&1u32.to_be_bytes());
    elst.extend_from_slice(
        &u32::try_from(length)
            .map_err(|_| MendError("too long"))?
            .to_be_bytes(),
    );
    elst.extend_from_slice(&(priming as i32).to_be_bytes());
    elst.extend_from_slice(&[0, 1, 0, 0]); // media rate 1.0
    let edts = boxed(b"edts", &boxed(b"elst", &elst));
    let trak = path(file, &[b"moov", b"trak"]).ok_or(MendError("no trak box"))?;
    file.splice(tkhd.body.end..tkhd.body.end, edts.iter().copied());
    grow(file, trak.start, edts.len())?;
    grow(file, moov.start, edts.len())?;
    moov_first(file)
}

/// Moves the last box, `moov`, before `mdat`, adding its size to every chunk offset
/// (`stco`, `co64`) of every track, since the audio moves down by as much.
fn moov_first(file: &mut Vec<u8>) -> Result<(), MendError> {
    let moov = path(file, &[b"moov"]).ok_or(MendError("no moov box"))?;
    let mdat = path(file, &[b"mdat"]).ok_or(MendError("no mdat box"))?;
    if moov.start < mdat.start {
        return Ok(());
    }
    let mut moved = file.split_off(moov.start);
    let by = moved.len() as u64;
    let traks: Vec<BoxRef> = children(&moved, moov.body.start - moov.start..moved.len())
        .filter(|b| &b.kind == b"trak")
        .collect();
    for trak in traks {
        let stbl = [b"mdia", b"minf", b"stbl"]
            .iter()
            .try_fold(trak.body.clone(), |range, kind| {
                find(&moved, range, kind).map(|b| b.body)
            })
            .ok_or(MendError("no stbl box"))?;
        for table in children(&moved, stbl).collect::<Vec<_>>() {
            let width = match &table.kind {
                b"stco" => 4,
                b"co64" => 8,
                _ => continue,
            };
            // Full box header (4), entry count (4), then the offsets.
            let body = table.body.start;
            let count = u32::from_be_bytes(
                moved
                    .get(body + 4..body + 8)
                    .ok_or(MendError("short chunk offsets"))?
                    .try_into()
                    .expect("4 bytes"),
            ) as usize;
            for i in 0..count {
                let at = body + 8 + i * width;
                let entry = moved
                    .get_mut(at..at + width)
                    .ok_or(MendError("short chunk offsets"))?;
                if width == 4 {
                    let old = u32::from_be_bytes(entry.try_into().expect("4 bytes"));
                    let new = u32::try_from(u64::from(old) + by)
                        .map_err(|_| MendError("chunk offset too large"))?;
                    entry.copy_from_slice(&new.to_be_bytes());
                } else {
                    let old = u64::from_be_bytes(entry.try_into().expect("8 bytes"));
                    entry.copy_from_slice(&(old + by).to_be_bytes());
                }
            }
        }
    }
    file.splice(mdat.start..mdat.start, moved);
    Ok(())
}

fn boxed(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut b = ((body.len() + 8) as u32).to_be_bytes().to_vec();
    b.extend_from_slice(kind);
    b.extend_from_slice(body);
    b
}

fn set_duration(
    file: &mut [u8],
    full_box: &BoxRef,
    v0_at: usize,
    v1_at: usize,
    length: u64,
) -> Result<(), MendError> {
    let body = full_box.body.start;
    if file[body] == 1 {
        file[body + v1_at..body + v1_at + 8].copy_from_slice(&length.to_be_bytes());
    } else {
        let short = u32::try_from(length).map_err(|_| MendError("too long"))?;
        file[body + v0_at..body + v0_at + 4].copy_from_slice(&short.to_be_bytes());
    }
    Ok(())
}

/// Adds `by` to the 32-bit size of the box at `start`.
fn grow(file: &mut [u8], start: usize, by: usize) -> Result<(), MendError> {
    let size = u32::from_be_bytes(file[start..start + 4].try_into().expect("4 bytes"));
    if size < 8 {
        return Err(MendError("unexpected box size"));
    }
    let grown = size
        .checked_add(by as u32)
        .ok_or(MendError("moov too large"))?;
    file[start..start + 4].copy_from_slice(&grown.to_be_bytes());
    Ok(())
}
