//! `hark send`: check, convert and send a voice note through an account.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;

use hark_core::Problem;
use hark_core::audio::link;
use hark_core::clock;
use hark_core::i18n::{Surface, Words};
use hark_core::outbox::{Clip, Outbox, SendRequest, Sender};
use hark_core::platform::limits;
use hark_core::platform::{Progress, ProgressFn, SendOptions};

use crate::exit::Exit;
use crate::failure::{OrReport, Ran};
use crate::lang::{lang, say, say_id};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Tag {
    HumanAgent,
}

#[derive(clap::Args)]
pub struct Args {
    file: PathBuf,
    #[arg(long)]
    profile: String,
    #[arg(long, allow_hyphen_values = true)]
    to: String,
    #[arg(long, value_enum)]
    tag: Option<Tag>,
    #[arg(long)]
    as_file: bool,
    #[arg(long)]
    clean: bool,
    #[arg(long)]
    json: bool,
}

fn progress_printer() -> ProgressFn {
    let Some(bar) = crate::input::bytes_bar() else {
        return hark_core::platform::http::no_progress();
    };
    Arc::new(move |p| match p {
        Progress::Queued { .. } => {}
        Progress::Fetching { got, total } => {
            bar.set_length(total.unwrap_or(got));
            bar.set_position(got);
            bar.set_message(say_id("cli-fetching"));
        }
        Progress::Uploading { sent, total } => {
            bar.set_length(total);
            bar.set_position(sent);
            bar.set_message(say_id("cli-send-uploading"));
        }
        Progress::Sending => bar.println(say_id("cli-send-sending")),
        Progress::Waiting { secs, platform } => {
            let reason = Words::new("progress-paced").words("platform", platform.name_words());
            let waiting = Words::new("cli-send-waiting")
                .text("seconds", format!("{secs:.1}"))
                .words("reason", reason);
            bar.println(say(&waiting));
        }
        Progress::Retrying {
            attempt,
            in_secs,
            error,
        } => {
            let reason = Problem::said_in(&*error, lang(), Surface::Cli).message;
            let retrying = Words::new("cli-send-retrying")
                .text("reason", reason)
                .text("seconds", format!("{in_secs:.1}"))
                .number("attempt", attempt);
            bar.println(say(&retrying));
        }
    })
}

pub fn run(args: Args) -> Ran {
    let outbox = Outbox::open_default().or_report(args.json)?;
    let request = SendRequest {
        sender: Sender::Profile(args.profile),
        to: args.to,
        clip: match args.file.to_str().filter(|t| link::is_link(t)) {
            Some(link) => Clip::Link(link.to_owned()),
            None => Clip::File(args.file),
        },
        options: SendOptions {
            human_agent: args.tag == Some(Tag::HumanAgent),
            as_file: args.as_file,
        },
        clean: args.clean,
        api_send: None,
        again: None,
    };
    let sent = outbox
        .send(request, &progress_printer())
        .or_report(args.json)?;
    print_sent(&sent, args.json)?;
    if !args.json {
        offer_to_name(&sent);
    }
    Ok(Exit::Ok)
}

/// After a note to someone with no name among the account's contacts: how to name them.
fn offer_to_name(sent: &hark_core::outbox::Sent) {
    if sent.recipient_name.is_none() {
        let words = Words::new("cli-sent-name-them")
            .text("account", sent.profile.clone())
            .text("id", sent.receipt.recipient.clone());
        println!("  {}", say(&words));
    }
}

#[derive(clap::Args)]
pub struct ResendArgs {
    #[arg(value_parser = crate::lang::send_number)]
    id: i64,
    #[arg(long)]
    force: bool,
    #[arg(long)]
    json: bool,
}

/// `hark resend ID`: the same note, to the same person, through the same account.
pub fn resend(args: ResendArgs) -> Ran {
    let outbox = Outbox::open_default().or_report(args.json)?;
    let sent = outbox
        .resend(args.id, args.force, &progress_printer())
        .or_report(args.json)?;
    print_sent(&sent, args.json)
}

fn print_sent(sent: &hark_core::outbox::Sent, json: bool) -> Ran {
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{:#}", serde_json::json!({ "sent": sent }))?;
        return Ok(Exit::Ok);
    }
    let r = &sent.receipt;
    let platform = say(&r.platform.name_words());
    let sent_to = Words::new("cli-sent-to")
        .text("recipient", r.recipient.clone())
        .text("account", sent.profile.clone())
        .text("platform", platform.clone());
    writeln!(out, "{}", say(&sent_to))?;
    let how = if sent.passed_through {
        say(&Words::new("cli-sent-as-it-was"))
    } else {
        String::new()
    };
    writeln!(
        out,
        "  {} · {} · {}{how}",
        sent.format,
        limits::clock(std::time::Duration::from_millis(sent.duration_ms)),
        limits::size(sent.bytes),
    )?;
    match (&r.message_id, &r.media_id) {
        (Some(m), _) => writeln!(
            out,
            "  {}",
            say(&Words::new("cli-sent-message-id").text("id", m.clone()))
        )?,
        (None, Some(media)) => {
            let words = Words::new("cli-sent-no-message-id")
                .text("platform", platform)
                .text("id", media.clone())
                .text("when", clock::local(&r.sent_at, lang()));
            writeln!(out, "  {}", say(&words))?
        }
        (None, None) => {}
    }
    if let Some(path) = &r.delivered_to {
        let words = Words::new("cli-sent-to-inbox").text("path", path.display().to_string());
        writeln!(out, "  {}", say(&words))?;
    }
    let send = Words::new("cli-sent-history").text("id", sent.id.to_string());
    writeln!(out, "  {}", say(&send))?;
    if let Some(why) = &sent.unrecorded {
        let words = Words::new("cli-sent-unrecorded").text("why", why.clone());
        eprintln!("hark: {}", say(&words));
    }
    Ok(Exit::Ok)
}
