//! `clip://localhost/<id>`: the audio of a clip, a history entry (`send/<id>`) or a
//! sandbox note (`inbox/<message id>`): an Ogg/Opus note as it is, anything else
//! decoded by Hark to WAV, or with `?as=note` the note itself (see `own_audio`); with
//! byte ranges (a player seeks with them).

use tauri::http::{Request, Response, StatusCode, header};
use tauri::{Manager, UriSchemeContext, Wry};

use crate::commands::history::{audio_of, note_of};
use crate::own_audio;
use crate::state::{Hark, Playable};

pub fn handle(ctx: UriSchemeContext<'_, Wry>, request: Request<Vec<u8>>) -> Response<Vec<u8>> {
    let path = request.uri().path().trim_start_matches('/').to_owned();
    let hark = ctx.app_handle().state::<Hark>();
    let audio = if own_audio::asks_for_note(request.uri().query()) {
        note_of(&hark, &path).and_then(own_audio::served)
    } else {
        audio_of(&hark, &path)
    };
    let Some(audio) = audio else {
        return not_found();
    };
    let total = match &audio {
        Playable::Bytes { bytes, .. } => bytes.len(),
        Playable::File { path, .. } => std::fs::metadata(path).map_or(0, |m| m.len() as usize),
    };
    let range = request
        .headers()
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| parse_range(v, total));
    let (start, end) = range.unwrap_or((0, total.saturating_sub(1)));
    let body = match &audio {
        Playable::Bytes { bytes, .. } => bytes.get(start..=end).map(<[u8]>::to_vec),
        Playable::File { path, .. } => read_range(path, start, end).ok(),
    };
    let Some(body) = body.filter(|_| total > 0) else {
        return not_found();
    };
    // The page (tauri://localhost) fetches from clip://localhost: another origin.
    let builder = Response::builder()
        .header(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        .header(header::CONTENT_TYPE, audio.mime())
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

/// `bytes=a-b`, `bytes=a-` or `bytes=-n` → an inclusive range within `total`.
fn parse_range(value: &str, total: usize) -> Option<(usize, usize)> {
    let spec = value.strip_prefix("bytes=")?.split(',').next()?.trim();
    let (a, b) = spec.split_once('-')?;
    if total == 0 {
        return None;
    }
    let (start, end) = match (a.trim(), b.trim()) {
        ("", n) => {
            let n: usize = n.parse().ok()?;
            (total.saturating_sub(n), total - 1)
        }
        (a, "") => (a.parse().ok()?, total - 1),
        (a, b) => (a.parse().ok()?, b.parse::<usize>().ok()?.min(total - 1)),
    };
    (start <= end && start < total).then_some((start, end))
}

#[cfg(test)]
mod tests {
    use super::parse_range;

    #[test]
    fn ranges_are_read_as_players_send_them() {
        assert_eq!(parse_range("bytes=0-99", 1000), Some((0, 99)));
        assert_eq!(parse_range("bytes=500-", 1000), Some((500, 999)));
        assert_eq!(parse_range("bytes=-100", 1000), Some((900, 999)));
        assert_eq!(parse_range("bytes=900-5000", 1000), Some((900, 999)));
        assert_eq!(parse_range("bytes=1000-", 1000), None);
        assert_eq!(parse_range("items=0-1", 1000), None);
    }
}
