//! `hark send`: check, convert and send a voice note through an account.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;

use hark_core::outbox::{Clip, Outbox, SendRequest};
use hark_core::platform::limits;
use hark_core::platform::{Progress, ProgressFn, SendOptions};

use crate::exit::Exit;
use crate::failure::{OrReport, Ran};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Tag {
    /// Messenger's HUMAN_AGENT tag: a person replying up to 7 days after the
    /// customer's last message.
    HumanAgent,
}

#[derive(clap::Args)]
pub struct Args {
    /// The audio file (any common format; converted for the platform when needed).
    file: PathBuf,
    /// The account to send with (its name or id; `hark profile list`).
    #[arg(long)]
    profile: String,
    /// The recipient: an OpenID, a PSID, a phone number, a chat id… (as the platform
    /// knows them). A Telegram group's id starts with a minus sign.
    #[arg(long, allow_hyphen_values = true)]
    to: String,
    /// A message tag (Messenger only).
    #[arg(long, value_enum)]
    tag: Option<Tag>,
    /// Send the note as a file instead of a voice message (Telegram only: for people
    /// whose privacy settings refuse voice messages).
    #[arg(long)]
    as_file: bool,
    /// Clean up the audio first: trim silence, remove DC offset, level to −16 LUFS.
    #[arg(long)]
    clean: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

fn progress_printer() -> ProgressFn {
    if !std::io::stderr().is_terminal() {
        return hark_core::platform::http::no_progress();
    }
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg} {bar:30} {bytes}/{total_bytes}")
            .expect("valid template"),
    );
    Arc::new(move |p| match p {
        Progress::Queued { .. } => {}
        Progress::Uploading { sent, total } => {
            bar.set_length(total);
            bar.set_position(sent);
            bar.set_message("Uploading");
        }
        Progress::Sending => bar.println("Sending…"),
        Progress::Waiting { secs, reason } => {
            bar.println(format!("Waiting {secs:.1} s: {reason}"));
        }
        Progress::Retrying {
            attempt,
            in_secs,
            reason,
        } => bar.println(format!(
            "{reason} Trying again in {in_secs:.1} s (attempt {attempt})."
        )),
    })
}

pub fn run(args: Args) -> Ran {
    let outbox = Outbox::open_default().or_report(args.json)?;
    let request = SendRequest {
        profile: args.profile,
        to: args.to,
        clip: Clip::File(args.file),
        options: SendOptions {
            human_agent: args.tag == Some(Tag::HumanAgent),
            as_file: args.as_file,
        },
        clean: args.clean,
    };
    let sent = outbox
        .send(request, &progress_printer())
        .or_report(args.json)?;
    print_sent(&sent, args.json)
}

#[derive(clap::Args)]
pub struct ResendArgs {
    /// The send's number in `hark history`.
    id: i64,
    /// Send it even if the customer has it or may have it (a send that was delivered,
    /// or whose outcome is unknown). Check the conversation first.
    #[arg(long)]
    force: bool,
    /// Print JSON.
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
    writeln!(
        out,
        "Sent to {} with “{}” ({}).",
        r.recipient,
        sent.profile,
        r.platform.facts().name
    )?;
    writeln!(
        out,
        "  {} · {} · {}{}",
        sent.format,
        limits::clock(std::time::Duration::from_millis(sent.duration_ms)),
        limits::size(sent.bytes),
        if sent.passed_through {
            " (sent as it was)"
        } else {
            ""
        }
    )?;
    match (&r.message_id, &r.media_id) {
        (Some(m), _) => writeln!(out, "  Message id: {m}")?,
        (None, Some(media)) => writeln!(
            out,
            "  {} returns no message id; media id: {media}, accepted at {}",
            r.platform.facts().name,
            r.sent_at
        )?,
        (None, None) => {}
    }
    if let Some(path) = &r.delivered_to {
        writeln!(out, "  Delivered to the sandbox inbox: {}", path.display())?;
    }
    writeln!(out, "  History: send #{}", sent.id)?;
    if let Some(why) = &sent.unrecorded {
        eprintln!("hark: the note was sent, but the history could not record it: {why}");
    }
    Ok(Exit::Ok)
}
