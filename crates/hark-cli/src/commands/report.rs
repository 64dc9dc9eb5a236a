//! How the commands print notes, verdicts and errors.

use std::io::Write;

use hark_core::UserError;
use hark_core::audio::ClipError;
use hark_core::audio::convert::Note;
use hark_core::audio::inspect::ClipInfo;
use hark_core::platform::{Level, Verdict, limits};

use crate::exit::{self, Exit};

/// Prints an error as its sentence, remedy and code (JSON on stdout with `json`), and
/// returns `exit`.
pub fn user_error(err: &dyn UserError, json: bool, exit: Exit) -> Exit {
    if json {
        let value = serde_json::json!({
            "error": { "code": err.code(), "message": err.to_string(), "remedy": err.remedy() }
        });
        println!("{value:#}");
    } else {
        eprintln!(
            "hark: {err}\n  What to do: {}\n  (code: {})",
            err.remedy(),
            err.code()
        );
    }
    exit
}

/// Prints a clip error; the exit status follows what went wrong.
pub fn clip_error(err: &ClipError, json: bool) -> Exit {
    user_error(err, json, exit::for_clip(err))
}

pub fn clip(out: &mut impl Write, info: &ClipInfo) -> std::io::Result<()> {
    writeln!(
        out,
        "  {} · {} Hz · {} · {}",
        info.format_label(),
        info.sample_rate,
        limits::clock(info.duration()),
        limits::size(info.bytes)
    )
}

pub fn verdicts(out: &mut impl Write, verdicts: &[Verdict]) -> std::io::Result<()> {
    for v in verdicts {
        let mark = match v.level {
            Level::Ok => "✓",
            Level::Warn => "!",
            Level::Fail => "✗",
        };
        writeln!(out, "  {mark} {}", v.message)?;
        if let Some(remedy) = &v.remedy {
            writeln!(out, "      {remedy}")?;
        }
    }
    Ok(())
}

pub fn note_summary(out: &mut impl Write, note: &Note) -> std::io::Result<()> {
    let how = if note.passed_through {
        "sent as it is (already a voice note it plays)".to_string()
    } else {
        format!("converted to {}", note.format.label())
    };
    writeln!(
        out,
        "For {}: {how} → {}, {}",
        note.platform.facts().name,
        limits::clock(std::time::Duration::from_millis(note.duration_ms)),
        limits::size(note.size)
    )?;
    if note.trimmed_to_limit {
        writeln!(out, "  (trimmed to the platform's limit)")?;
    }
    if let Some(c) = &note.cleanup {
        let gain = c
            .gain_db
            .map_or_else(|| "no loudness change".into(), |g| format!("{g:+.1} dB"));
        writeln!(
            out,
            "  Cleaned up: trimmed {} ms of silence at the start and {} ms at the end, {gain}",
            c.trimmed_start_ms, c.trimmed_end_ms
        )?;
    }
    verdicts(out, &note.verdicts)
}

/// Prints a send or verification error: sentence, remedy, code, the platform's own
/// words and the history row, as text on stderr or JSON on stdout.
pub fn outbox_error(err: &hark_core::outbox::OutboxError, json: bool) -> Exit {
    use hark_core::outbox::OutboxError;
    let exit = exit::for_outbox(err);
    let (retryable, raw, send_id) = match err {
        OutboxError::Failed { id, error } | OutboxError::Unknown { id, error, .. } => (
            Some(error.retryable && matches!(err, OutboxError::Failed { .. })),
            error
                .raw_code
                .clone()
                .map(|c| (c, error.raw_message.clone().unwrap_or_default())),
            Some(*id),
        ),
        OutboxError::MayDuplicate { id, .. } => (Some(false), None, Some(*id)),
        OutboxError::Rejected(e) => (
            Some(e.retryable),
            e.raw.as_ref().map(|r| (r.code.clone(), r.message.clone())),
            None,
        ),
        _ => (None, None, None),
    };
    // What the platform may have: for a send that went wrong, whether the customer may
    // have the note all the same.
    let outcome = match err {
        OutboxError::Unknown { .. } => Some("unknown"),
        OutboxError::Failed { .. } => Some("failed"),
        _ => None,
    };
    let cause = err.stored().map(|e| e.code.clone());
    if json {
        let value = serde_json::json!({
            "error": {
                "code": err.code(),
                "message": err.to_string(),
                "remedy": err.remedy(),
                "retryable": retryable,
                "outcome": outcome,
                "cause_code": cause,
                "raw_code": raw.as_ref().map(|r| &r.0),
                "raw_message": raw.as_ref().map(|r| &r.1),
                "send_id": send_id,
            }
        });
        println!("{value:#}");
    } else {
        eprintln!("hark: {err}\n  What to do: {}", err.remedy());
        match &raw {
            Some((code, message)) => {
                eprintln!("  (code: {}; platform said {code}: {message})", err.code())
            }
            None => eprintln!("  (code: {})", err.code()),
        }
        if let Some(id) = send_id
            && !matches!(err, OutboxError::MayDuplicate { .. })
        {
            eprintln!("  The note is kept as send #{id} (hark history).");
        }
    }
    exit
}
