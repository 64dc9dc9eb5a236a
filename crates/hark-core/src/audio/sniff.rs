//! What a file is, decided by its content, never by its name.

use crate::i18n::Words;

/// The audio Hark knows how to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    Wav,
    Mp3,
    /// AAC (or another codec) in MP4/M4A; the codec is checked when decoding.
    Mp4,
    AdtsAac,
    OggOpus,
    OggVorbis,
    /// WebM or Matroska; the codec is checked when decoding.
    Matroska,
    Flac,
    AmrNb,
}

impl Kind {
    /// The container's name for people.
    pub fn container(self) -> &'static str {
        match self {
            Kind::Wav => "WAV",
            Kind::Mp3 => "MP3",
            Kind::Mp4 => "MP4/M4A",
            Kind::AdtsAac => "ADTS",
            Kind::OggOpus | Kind::OggVorbis => "Ogg",
            Kind::Matroska => "WebM/Matroska",
            Kind::Flac => "FLAC",
            Kind::AmrNb => "AMR",
        }
    }
}

/// Either audio Hark reads, or the words naming what the file is instead ("a PNG
/// image", "Ogg with Speex audio", "an empty file": the catalogs' `found-<what>`).
pub fn sniff(head: &[u8]) -> Result<Kind, Words> {
    if head.is_empty() {
        return Err(found("empty"));
    }
    let starts = |magic: &[u8]| head.starts_with(magic);
    if starts(b"#!AMR\n") {
        return Ok(Kind::AmrNb);
    }
    if starts(b"#!AMR-WB\n") {
        return Err(found("amr-wb"));
    }
    if starts(b"RIFF") && head.len() >= 12 {
        return match &head[8..12] {
            b"WAVE" => Ok(Kind::Wav),
            b"AVI " => Err(found("avi")),
            b"WEBP" => Err(found("webp")),
            other => Err(found("riff").text("kind", printable(other))),
        };
    }
    if starts(b"OggS") {
        return ogg(head);
    }
    if starts(b"fLaC") {
        return Ok(Kind::Flac);
    }
    if starts(&[0x1A, 0x45, 0xDF, 0xA3]) {
        return Ok(Kind::Matroska);
    }
    if head.len() >= 12 && &head[4..8] == b"ftyp" {
        return match &head[8..12] {
            b"qt  " => Err(found("quicktime")),
            b"heic" | b"heix" | b"mif1" => Err(found("heic")),
            _ => Ok(Kind::Mp4),
        };
    }
    if starts(b"ID3") {
        return Ok(Kind::Mp3);
    }
    if head.len() >= 2 && head[0] == 0xFF && head[1] & 0xE0 == 0xE0 {
        // MPEG audio frame sync: layer bits 00 is AAC in ADTS, 01 is Layer III.
        return match (head[1] >> 1) & 0b11 {
            0b00 => Ok(Kind::AdtsAac),
            0b01 => Ok(Kind::Mp3),
            _ => Err(found("mpeg-layer-1-2")),
        };
    }
    Err(found(not_audio(head)))
}

/// What a file is, when it is not audio Hark reads: the catalogs' `found-<what>`.
pub fn found(what: &str) -> Words {
    Words::new(format!("found-{what}"))
}

fn ogg(head: &[u8]) -> Result<Kind, Words> {
    // The first page's first packet names the codec: 27-byte header, segment table.
    let segments = *head.get(26).unwrap_or(&0) as usize;
    let packet = head.get(27 + segments..).unwrap_or(&[]);
    let codec = |magic: &[u8]| packet.starts_with(magic);
    if codec(b"OpusHead") {
        Ok(Kind::OggOpus)
    } else if codec(b"\x01vorbis") {
        Ok(Kind::OggVorbis)
    } else if codec(b"Speex   ") {
        Err(found("ogg-speex"))
    } else if codec(b"\x7fFLAC") {
        Err(found("ogg-flac"))
    } else if codec(b"\x80theora") {
        Err(found("ogg-theora"))
    } else {
        Err(found("ogg-unknown"))
    }
}

fn not_audio(head: &[u8]) -> &'static str {
    let starts = |magic: &[u8]| head.starts_with(magic);
    if starts(b"\x89PNG\r\n\x1a\n") {
        "png"
    } else if starts(&[0xFF, 0xD8, 0xFF]) {
        "jpeg"
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        "gif"
    } else if starts(b"%PDF") {
        "pdf"
    } else if starts(b"PK\x03\x04") {
        "zip"
    } else if starts(&[0x1F, 0x8B]) {
        "gzip"
    } else if starts(b"\x7fELF") {
        "elf"
    } else if starts(b"MZ") {
        "windows-program"
    } else if looks_like_text(head) {
        "text"
    } else {
        "unknown"
    }
}

fn looks_like_text(head: &[u8]) -> bool {
    let sample = &head[..head.len().min(512)];
    std::str::from_utf8(sample).is_ok_and(|s| {
        s.chars()
            .all(|c| !c.is_control() || c.is_ascii_whitespace())
    })
}

fn printable(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| if b.is_ascii_graphic() { b as char } else { '?' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ogg_page(packet: &[u8]) -> Vec<u8> {
        let mut page = b"OggS\0\x02".to_vec();
        page.extend_from_slice(&[0; 20]);
        page.push(1);
        page.push(packet.len() as u8);
        page.extend_from_slice(packet);
        page
    }

    #[test]
    fn audio_is_recognised_by_content() {
        assert_eq!(sniff(b"#!AMR\n\x3c"), Ok(Kind::AmrNb));
        assert_eq!(sniff(b"RIFF\0\0\0\0WAVEfmt "), Ok(Kind::Wav));
        assert_eq!(sniff(b"fLaC\0\0\0\x22"), Ok(Kind::Flac));
        assert_eq!(sniff(b"ID3\x04\0"), Ok(Kind::Mp3));
        assert_eq!(sniff(&[0xFF, 0xFB, 0x90, 0x64]), Ok(Kind::Mp3));
        assert_eq!(sniff(&[0xFF, 0xF1, 0x50, 0x80]), Ok(Kind::AdtsAac));
        assert_eq!(sniff(b"\0\0\0\x20ftypM4A \0\0\0\0"), Ok(Kind::Mp4));
        assert_eq!(sniff(&[0x1A, 0x45, 0xDF, 0xA3, 0x9F]), Ok(Kind::Matroska));
        assert_eq!(sniff(&ogg_page(b"OpusHead\x01\x01")), Ok(Kind::OggOpus));
        assert_eq!(sniff(&ogg_page(b"\x01vorbis\0\0")), Ok(Kind::OggVorbis));
    }

    #[test]
    fn anything_else_is_named() {
        use crate::i18n::Lang;
        let named = |bytes: &[u8]| Lang::En.say(&sniff(bytes).unwrap_err());
        assert_eq!(named(b""), "an empty file");
        assert_eq!(named(b"\x89PNG\r\n\x1a\n\0\0"), "a PNG image");
        assert_eq!(
            named(&ogg_page(b"Speex   1.2")),
            "Ogg with Speex audio, which Hark does not read"
        );
        assert_eq!(named(b"%PDF-1.7\n"), "a PDF document");
        assert_eq!(named(b"hello, this is a note\n"), "a text file");
        assert_eq!(named(b"RIFF\0\0\0\0AVI LIST"), "an AVI video");
        assert_eq!(named(b"\0\0\0\x14ftypqt  \0\0"), "a QuickTime movie");
        assert_eq!(
            named(&[0x00, 0x01, 0x02, 0xFE]),
            "not an audio file Hark recognises"
        );
    }
}
