//! `hark send`: check, convert and send a voice note through an account.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;

use hark_core::clock;
use hark_core::i18n::Words;
use hark_core::outbox::{Clip, Outbox, SendRequest};
use hark_core::platform::limits;
use hark_core::platform::{Progress, ProgressFn, SendOptions};

use crate::exit::Exit;
use crate::failure::{OrReport, Ran};
use crate::lang::{lang, say};

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
