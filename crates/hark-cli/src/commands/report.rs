//! How the commands print notes, verdicts and errors.

use std::io::Write;

use hark_core::audio::convert::Note;
use hark_core::audio::inspect::ClipInfo;
use hark_core::i18n::{Surface, Words};
use hark_core::platform::{Level, Verdict, limits};
use hark_core::{Problem, ProblemKind};

use crate::exit::{self, Exit};
use crate::lang::{lang, say, say_id};

/// Prints a problem as its sentence, remedy and code, the platform's own words and the
/// history row where there are any (JSON on stdout with `json`, else text on stderr),
/// and returns the exit status its kind decides. Every command's failure comes here.
pub fn problem(p: &Problem, json: bool) -> Exit {
    if json {
        println!("{:#}", serde_json::json!({ "error": p }));
    } else {
        let remedy = Words::new("cli-problem-remedy").text("remedy", p.remedy.clone());
        eprintln!("hark: {}\n  {}", p.message, say(&remedy));
        let code = match &p.send.raw_code {
            Some(raw) => Words::new("cli-problem-code-said")
                .text("raw_code", raw.clone())
                .text(
                    "raw_message",
                    p.send.raw_message.clone().unwrap_or_default(),
                ),
            None => Words::new("cli-problem-code"),
        };
        eprintln!("  {}", say(&code.text("code", p.code.clone())));
        if let Some(id) = p.send.send_id
            && p.kind != ProblemKind::HeldBack
        {
            let kept = Words::new("cli-problem-kept").text("id", id.to_string());
            eprintln!("  {}", say(&kept));
        }
    }
    exit::for_kind(p.kind)
}

pub fn clip(out: &mut impl Write, info: &ClipInfo) -> std::io::Result<()> {
    writeln!(
        out,
        "  {} · {} Hz · {} · {}",
        say(&info.format_words()),
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
        writeln!(out, "  {mark} {}", v.message_in(lang()))?;
        if let Some(remedy) = v.remedy_in(lang(), Surface::Cli) {
            writeln!(out, "      {remedy}")?;
        }
    }
    Ok(())
}

pub fn note_summary(out: &mut impl Write, note: &Note) -> std::io::Result<()> {
    let how = if note.passed_through {
        Words::new("cli-note-passed-through")
    } else {
        Words::new("cli-note-converted").text("format", note.format.label())
    };
    let line = Words::new("cli-note-for")
        .words("platform", note.platform.name_words())
        .words("how", how)
        .text(
            "duration",
            limits::clock(std::time::Duration::from_millis(note.duration_ms)),
        )
        .text("size", limits::size(note.size));
    writeln!(out, "{}", say(&line))?;
    if note.trimmed_to_limit {
        writeln!(out, "  {}", say_id("cli-note-trimmed"))?;
    }
    if let Some(c) = &note.cleanup {
        let gain = c
            .gain_db
            .map_or_else(|| say_id("cli-note-no-gain"), |g| format!("{g:+.1} dB"));
        let cleaned = Words::new("cli-note-cleaned")
            .text("start", c.trimmed_start_ms.to_string())
            .text("end", c.trimmed_end_ms.to_string())
            .text("gain", gain);
        writeln!(out, "  {}", say(&cleaned))?;
    }
    verdicts(out, &note.verdicts)
}
