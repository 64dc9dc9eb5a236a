//! `hark history`: every note sent or tried, newest first.

use std::io::Write;

use hark_core::outbox::{Outbox, State};
use hark_core::platform::limits;

use crate::exit::Exit;
use crate::failure::{OrReport, Ran};

#[derive(clap::Args)]
pub struct Args {
    /// How many sends to show.
    #[arg(long, default_value_t = 50)]
    limit: usize,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Ran {
    let outbox = Outbox::open_default().or_report(args.json)?;
    let sends = outbox.history().list(args.limit).or_report(args.json)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{:#}", serde_json::json!({ "sends": sends }))?;
        return Ok(Exit::Ok);
    }
    if sends.is_empty() {
        writeln!(out, "Nothing sent yet.")?;
        return Ok(Exit::Ok);
    }
    for s in &sends {
        let state = match s.state {
            State::Queued => "queued",
            State::Sending => "sending",
            State::Sent => "sent",
            State::Failed => "failed",
            State::Unknown => "unknown",
            State::Interrupted => "interrupted",
        };
        writeln!(
            out,
            "#{:<4} {}  {:<11} {} → {} ({})  {} · {}",
            s.id,
            s.created_at,
            state,
            s.profile_name,
            s.recipient,
            s.platform.facts().name,
            limits::clock(std::time::Duration::from_millis(s.duration_ms)),
            limits::size(s.note_bytes)
        )?;
        if let Some(id) = &s.message_id {
            writeln!(out, "        message id {id}")?;
        } else if let Some(id) = &s.media_id {
            writeln!(out, "        media id {id}")?;
        }
        if let Some(e) = &s.error {
            writeln!(out, "        {} ({}) — {}", e.message, e.code, e.remedy)?;
        }
        match s.state {
            State::Interrupted => writeln!(
                out,
                "        Hark stopped before the note went out; it is kept at {} (hark resend {})",
                s.note_path, s.id
            )?,
            State::Unknown if s.error.is_none() => writeln!(
                out,
                "        Hark stopped while the note was going out: the customer may have it. \
                 Check the conversation before sending again (hark resend --force {}).",
                s.id
            )?,
            State::Unknown => writeln!(
                out,
                "        The customer may have this note. Check the conversation before \
                 sending again (hark resend --force {}).",
                s.id
            )?,
            _ => {}
        }
    }
    Ok(Exit::Ok)
}
