//! `hark history`: every note sent or tried, newest first, at the reader's local time
//! (`--json`: RFC 3339 UTC); `--refresh` asks first how far the last week's notes got,
//! where the platform says (delivered, read, played).

use std::collections::HashMap;
use std::io::Write;

use hark_core::clock;
use hark_core::i18n::{Surface, Words};
use hark_core::outbox::{Outbox, State};
use hark_core::platform::limits;
use unicode_width::UnicodeWidthStr as UnicodeWidth;

use crate::exit::Exit;
use crate::failure::{OrReport, Ran};
use crate::lang::{lang, say};

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, default_value_t = 50, value_parser = crate::lang::count)]
    limit: usize,
    #[arg(long)]
    refresh: bool,
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Ran {
    let outbox = Outbox::open_default().or_report(args.json)?;
    if args.refresh {
        refresh(&outbox, args.json)?;
    }
    let sends = outbox.history().list(args.limit).or_report(args.json)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{:#}", serde_json::json!({ "sends": sends }))?;
        return Ok(Exit::Ok);
    }
    if sends.is_empty() {
        writeln!(out, "{}", say(&Words::new("cli-history-empty")))?;
        return Ok(Exit::Ok);
    }
    // Recipients by their contact's name, where they have one.
    let mut names: HashMap<String, HashMap<String, String>> = HashMap::new();
    for s in &sends {
        if !names.contains_key(&s.profile_id) {
            let known = outbox.contacts().names(&s.profile_id).unwrap_or_default();
            names.insert(s.profile_id.clone(), known);
        }
    }
    for s in &sends {
        let recipient = match names[&s.profile_id].get(&s.recipient) {
            Some(name) => say(&Words::new("cli-history-named")
                .text("name", name.clone())
                .text("id", s.recipient.clone())),
            None => s.recipient.clone(),
        };
        let state = match s.state {
            State::Queued => "queued",
            State::Sending => "sending",
            // How far it got, where the platform says.
            State::Sent => s.reached.map_or("sent", |r| r.id()),
            State::Failed => "failed",
            State::Unknown => "unknown",
            State::Interrupted => "interrupted",
        };
        // The state's word, padded to one column in any language.
        let state = say(&Words::new(format!("cli-send-state-{state}")));
        let pad = 11usize.saturating_sub(UnicodeWidth::width(state.as_str()));
        writeln!(
            out,
            "#{:<4} {}  {state}{:pad$} {} → {} ({})  {} · {}",
            s.id,
            clock::local(&s.created_at, lang()),
            "",
            s.profile_name,
            recipient,
            say(&s.platform.name_words()),
            limits::clock(std::time::Duration::from_millis(s.duration_ms)),
            limits::size(s.note_bytes)
        )?;
        let id = |message: &str, id: &str| say(&Words::new(message).text("id", id));
        if let Some(api) = &s.api_send {
            writeln!(out, "        {}", id("cli-history-from-api", api))?;
        }
        if let Some(m) = &s.message_id {
            writeln!(out, "        {}", id("cli-history-message-id", m))?;
        } else if let Some(m) = &s.media_id {
            writeln!(out, "        {}", id("cli-history-media-id", m))?;
        }
        if let Some(e) = &s.error {
            let (message, remedy) = match &e.said {
                Some(said) => (
                    lang().say(&said.message),
                    lang().say_for(Surface::Cli, &said.remedy),
                ),
                None => (e.message.clone(), e.remedy.clone()),
            };
            writeln!(out, "        {message} ({}) — {remedy}", e.code)?;
        }
        let send = |message: &str| {
            say(&Words::new(message)
                .text("id", s.id.to_string())
                .text("path", s.note_path.clone()))
        };
        match (s.state, s.resent_as) {
            // Sent again: the newer send says where the note stands.
            (_, Some(again)) => {
                let line = Words::new("cli-history-resent").text("again", again.to_string());
                writeln!(out, "        {}", say(&line))?
            }
            (State::Interrupted, _) => {
                writeln!(out, "        {}", send("cli-history-interrupted"))?
            }
            (State::Unknown, _) if s.error.is_none() => {
                writeln!(out, "        {}", send("cli-history-stopped-may-have-it"))?
            }
            (State::Unknown, _) => writeln!(out, "        {}", send("cli-history-may-have-it"))?,
            _ => {}
        }
    }
    Ok(Exit::Ok)
}

/// Asks the platforms how far sent notes got; an account that could not be asked is
/// said on standard error, and the history is shown all the same.
fn refresh(outbox: &Outbox, json: bool) -> Result<(), crate::failure::Failure> {
    let done = outbox.refresh_reached().or_report(json)?;
    for (account, error) in &done.failed {
        let said = hark_core::Problem::said_in(error, lang(), Surface::Cli);
        let words = Words::new("cli-history-not-refreshed")
            .text("account", account.clone())
            .text("why", said.message);
        eprintln!("{}", say(&words));
    }
    Ok(())
}
