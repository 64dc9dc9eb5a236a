//! A note as the customer gets it, for a webview that plays its format itself.
//!
//! The preview's audio is an Ogg/Opus note as it is, else the note decoded by Hark to
//! WAV, which every webview plays. A WAV of a ten-minute M4A is ten times the note.
//! Where the webview's player can decode the note's own format (WebKitGTK with
//! GStreamer's libav plugin plays AAC), the page plays the note itself, asked for as
//! `<path>?as=note`: the customer's very file, at its own size.

use std::path::{Path, PathBuf};

use hark_core::audio::sniff::{Kind, sniff};
use serde::Serialize;

/// The note itself, where it is not what the preview's address serves already.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OwnAudio {
    /// Where the note itself is served.
    pub url: String,
    /// Its media type with its codec, as the player's `canPlayType` is asked.
    pub mime: String,
}

/// The query that asks for the note itself.
const AS_NOTE: &str = "as=note";

/// Whether a `clip:` request's query asks for the note itself.
pub fn asks_for_note(query: Option<&str>) -> bool {
    query.is_some_and(|q| q.split('&').any(|p| p == AS_NOTE))
}

/// The media type of a note that is not Ogg/Opus (which the preview serves as it is),
/// from its first bytes: as served, and as the player is asked whether it reads it
/// (with its codec); `None` for Ogg/Opus and for what no player is asked to read.
pub fn media_type(head: &[u8]) -> Option<(&'static str, &'static str)> {
    match sniff(head).ok()? {
        // AAC-LC, the only codec Hark puts in an M4A (and the one Messenger plays).
        Kind::Mp4 => Some(("audio/mp4", "audio/mp4; codecs=\"mp4a.40.2\"")),
        Kind::AmrNb => Some(("audio/amr", "audio/amr")),
        Kind::Mp3 => Some(("audio/mpeg", "audio/mpeg")),
        _ => None,
    }
}

/// The note at `file` offered as itself: at `url` (the preview's own address) with
/// `as=note` added, when its format is one a player may read.
pub fn offer(file: &Path, url: &str) -> Option<OwnAudio> {
    let (_, asked) = media_type(&head(file)?)?;
    let joined = if url.contains('?') { '&' } else { '?' };
    Some(OwnAudio {
        url: format!("{url}{joined}{AS_NOTE}"),
        mime: asked.to_owned(),
    })
}

/// The file to serve for `as=note`, with the type to serve it as (no codec parameter).
pub fn served(file: PathBuf) -> Option<crate::state::Playable> {
    let (mime, _) = media_type(&head(&file)?)?;
    Some(crate::state::Playable { path: file, mime })
}

/// The first bytes of `file`, enough to tell its format.
pub fn head(file: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut head = Vec::with_capacity(64);
    std::fs::File::open(file)
        .ok()?
        .take(64)
        .read_to_end(&mut head)
        .ok()?;
    Some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_note_the_preview_does_not_serve_as_it_is_is_offered_itself() {
        let dir = tempfile::tempdir().unwrap();
        let m4a = dir.path().join("note.m4a");
        let mut bytes = vec![0, 0, 0, 0x18];
        bytes.extend_from_slice(b"ftypM4A \0\0\0\0M4A isom");
        std::fs::write(&m4a, &bytes).unwrap();
        let own = offer(&m4a, "clip://localhost/abc?v=2").expect("an M4A is offered");
        assert_eq!(own.url, "clip://localhost/abc?v=2&as=note");
        assert_eq!(own.mime, "audio/mp4; codecs=\"mp4a.40.2\"");
        let own = offer(&m4a, "clip://localhost/send/7").expect("and in the history");
        assert_eq!(own.url, "clip://localhost/send/7?as=note");
        assert!(matches!(
            served(m4a),
            Some(crate::state::Playable {
                mime: "audio/mp4",
                ..
            })
        ));

        let amr = dir.path().join("note.amr");
        std::fs::write(&amr, b"#!AMR\n\x3c").unwrap();
        assert_eq!(
            offer(&amr, "u").map(|o| o.mime).as_deref(),
            Some("audio/amr")
        );

        let ogg = dir.path().join("note.ogg");
        let mut head = b"OggS".to_vec();
        head.resize(28, 0);
        head.extend_from_slice(b"OpusHead\x01\x01");
        std::fs::write(&ogg, &head).unwrap();
        assert!(offer(&ogg, "u").is_none(), "Ogg/Opus is served as it is");
        assert!(offer(&dir.path().join("gone.m4a"), "u").is_none());
    }

    #[test]
    fn the_note_is_asked_for_by_its_own_query_part() {
        assert!(asks_for_note(Some("v=2&as=note")));
        assert!(asks_for_note(Some("as=note")));
        assert!(!asks_for_note(Some("v=2")));
        assert!(!asks_for_note(Some("v=2&as=notes")));
        assert!(!asks_for_note(None));
    }
}
