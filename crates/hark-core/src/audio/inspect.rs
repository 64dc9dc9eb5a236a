//! What an audio file is: container, codec, channels, rate, duration and size, found by
//! decoding it all (which also proves it decodes).

use std::path::Path;
use std::time::Duration;

use serde::Serialize;

use super::decode;
use super::error::{ClipError, corrupt};
use super::sniff::Kind;
use super::watch::{Step, Watch};
use crate::i18n::Words;
use crate::platform::Target;

#[derive(Debug, Clone, Serialize)]
pub struct ClipInfo {
    pub kind: Kind,
    pub container: &'static str,
    pub codec: String,
    pub channels: u16,
    pub sample_rate: u32,
    pub duration_ms: u64,
    pub bytes: u64,
}

impl ClipInfo {
    pub fn duration(&self) -> Duration {
        Duration::from_millis(self.duration_ms)
    }

    /// The voice-note format this file already is, if any (mono where it matters).
    pub fn note_format(&self) -> Option<Target> {
        match self.kind {
            Kind::OggOpus if self.channels == 1 => Some(Target::OggOpus),
            Kind::AmrNb => Some(Target::AmrNb),
            Kind::Mp3 => Some(Target::Mp3),
            Kind::Mp4 if self.codec == "AAC" && self.channels == 1 => Some(Target::M4aAac),
            _ => None,
        }
    }

    /// "Ogg Opus, mono" style, for people: the catalogs' `clip-format`.
    pub fn format_words(&self) -> Words {
        Words::new("clip-format")
            .text("container", self.container)
            .text("codec", self.codec.clone())
            .number("channels", self.channels)
    }
}

pub fn inspect(path: &Path) -> Result<ClipInfo, ClipError> {
    inspect_with(path, &Watch::none())
}

/// [`inspect`], telling `watch` as it reads, and stopping when it cancels.
pub fn inspect_with(path: &Path, watch: &Watch<'_>) -> Result<ClipInfo, ClipError> {
    let bytes = std::fs::metadata(path)
        .map_err(|source| ClipError::Unreadable {
            path: path.to_path_buf(),
            source,
        })?
        .len();
    let mut decoder = decode::open(path)?;
    let mut block = Vec::new();
    let mut samples = 0u64;
    while decoder.next_mono(&mut block)? {
        samples += block.len() as u64;
        block.clear();
        watch.step(Step::Reading)?;
    }
    samples += block.len() as u64;
    if samples == 0 {
        return Err(corrupt("it contains no audio"));
    }
    let info = decoder.info();
    Ok(ClipInfo {
        kind: info.kind,
        container: info.kind.container(),
        codec: info.codec.clone(),
        channels: info.channels,
        sample_rate: info.sample_rate,
        duration_ms: samples * 1000 / info.sample_rate as u64,
        bytes,
    })
}
