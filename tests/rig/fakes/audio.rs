//! What the platforms check of an uploaded note's bytes.

/// AMR-NB storage format (RFC 4867 §5): `#!AMR\n`, then frames. The note's length in
/// milliseconds, or why it is not AMR-NB.
pub fn amr_duration_ms(data: &[u8]) -> Result<u64, String> {
    const MAGIC: &[u8] = b"#!AMR\n";
    if !data.starts_with(MAGIC) {
        return Err("not AMR-NB (no #!AMR magic)".into());
    }
    // Speech bytes per frame type 0..=8 (4.75 … 12.2 kbit/s, SID), then no data.
    const SIZES: [usize; 16] = [12, 13, 15, 17, 19, 20, 26, 31, 5, 0, 0, 0, 0, 0, 0, 0];
    let mut at = MAGIC.len();
    let mut frames = 0u64;
    while at < data.len() {
        let ft = ((data[at] >> 3) & 0x0f) as usize;
        if (9..15).contains(&ft) {
            return Err(format!("bad AMR frame type {ft} at byte {at}"));
        }
        at += 1 + SIZES[ft];
        frames += 1;
    }
    if at != data.len() {
        return Err("AMR stream cut inside a frame".into());
    }
    Ok(frames * 20)
}

/// Ogg with an Opus stream (RFC 7845): OpusHead in the first page, mono for a voice
/// note, OpusTags next.
pub fn check_ogg_opus(data: &[u8]) -> Result<(), String> {
    if data.len() < 47 || &data[0..4] != b"OggS" {
        return Err("not an Ogg file".into());
    }
    if &data[28..36] != b"OpusHead" {
        return Err("Ogg without Opus (no OpusHead)".into());
    }
    if data[37] != 1 {
        return Err(format!(
            "Opus with {} channels; a voice note is mono",
            data[37]
        ));
    }
    let first_page_end = 27
        + data[26] as usize
        + data[27..27 + data[26] as usize]
            .iter()
            .map(|&l| l as usize)
            .sum::<usize>();
    let second = data
        .get(first_page_end..)
        .ok_or("Ogg cut after its first page")?;
    if second.len() < 27 || &second[0..4] != b"OggS" {
        return Err("no second Ogg page".into());
    }
    let header = 27 + second[26] as usize;
    if second.get(header..header + 8) != Some(b"OpusTags".as_slice()) {
        return Err("no OpusTags after OpusHead".into());
    }
    Ok(())
}

/// An MPEG-4 audio file: `ftyp` first, with the M4A brand.
pub fn check_m4a(data: &[u8]) -> Result<(), String> {
    if data.len() < 16 || &data[4..8] != b"ftyp" {
        return Err("not an MPEG-4 file (no ftyp box first)".into());
    }
    let size = u32::from_be_bytes(data[0..4].try_into().unwrap()) as usize;
    let brands = data.get(8..size.min(data.len())).unwrap_or_default();
    let has_m4a = brands
        .chunks(4)
        .enumerate()
        .any(|(i, b)| i != 1 && b == b"M4A ");
    if has_m4a {
        Ok(())
    } else {
        Err("an MPEG-4 file without the M4A brand".into())
    }
}

/// An MP3 file: an ID3 tag or an MPEG audio frame sync first.
pub fn is_mp3(data: &[u8]) -> bool {
    data.starts_with(b"ID3") || (data.len() > 2 && data[0] == 0xff && data[1] & 0xe0 == 0xe0)
}
