//! `clip://localhost/<id>`: the audio of a clip, a history entry (`send/<id>`) or a
//! sandbox note (`inbox/<message id>`): an Ogg/Opus note as it is, anything else
//! decoded by Hark to WAV, or with `?as=note` the note itself (see `own_audio`); with
//! byte ranges (a player seeks with them).
//!
//! The page is given these addresses only where the loopback server (`audio_server`,
//! which serves the same paths) could not start: WebKitGTK's player cannot read a
//! custom scheme, so the page then fetches a note whole and plays it from a blob.

use tauri::http::{Request, Response, StatusCode, header};
use tauri::{Manager, UriSchemeContext, Wry};

use crate::byte_range::{Range, parse_range};
use crate::commands::history::{audio_of, note_of};
use crate::own_audio;
use crate::state::{Hark, Playable};

pub fn handle(ctx: UriSchemeContext<'_, Wry>, request: Request<Vec<u8>>) -> Response<Vec<u8>> {
    let path = request.uri().path().trim_start_matches('/').to_owned();
    let hark = ctx.app_handle().state::<Hark>();
    let Some(audio) = audio_at(&hark, &path, request.uri().query()) else {
        return not_found();
    };
    let total = std::fs::metadata(&audio.path).map_or(0, |m| m.len() as usize);
    let range = request
        .headers()
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| match parse_range(v, total as u64) {
            Range::Within(start, end) => Some((start as usize, end as usize)),
            Range::Beyond | Range::Unreadable => None,
        });
    let (start, end) = range.unwrap_or((0, total.saturating_sub(1)));
    let body = read_range(&audio.path, start, end).ok();
    let Some(body) = body.filter(|_| total > 0) else {
        return not_found();
    };
    // The page (tauri://localhost) fetches from clip://localhost: another origin.
    let builder = Response::builder()
        .header(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        .header(header::CONTENT_TYPE, audio.mime)
        .header(header::ACCEPT_RANGES, "bytes");
    match range {
        Some((start, end)) => builder
            .status(StatusCode::PARTIAL_CONTENT)
            .header(
                header::CONTENT_RANGE,
                format!("bytes {start}-{end}/{total}"),
            )
            .body(body),
        None => builder.status(StatusCode::OK).body(body),
    }
    .expect("valid response")
}

/// What a path and its query name: a clip's, a history entry's or a sandbox note's
/// audio for the player, or with `as=note` the note itself.
pub fn audio_at(hark: &Hark, path: &str, query: Option<&str>) -> Option<Playable> {
    if own_audio::asks_for_note(query) {
        note_of(hark, path).and_then(own_audio::served)
    } else {
        audio_of(hark, path)
    }
}

/// Bytes `start..=end` of the file at `path`.
fn read_range(path: &std::path::Path, start: usize, end: usize) -> std::io::Result<Vec<u8>> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = std::fs::File::open(path)?;
    file.seek(SeekFrom::Start(start as u64))?;
    let mut body = vec![0; end + 1 - start];
    file.read_exact(&mut body)?;
    Ok(body)
}

fn not_found() -> Response<Vec<u8>> {
    Response::builder()
        .header(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        .status(StatusCode::NOT_FOUND)
        .body(Vec::new())
        .expect("valid response")
}
