//! `hark contact`: each account's address book — add, list, rename, remove, import.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use hark_core::clock;
use hark_core::contacts::{ContactError, parse_csv};
use hark_core::i18n::Words;
use hark_core::outbox::Outbox;
use hark_core::platform::Listing;
use hark_core::profile::Profile;

use crate::exit::Exit;
use crate::failure::{OrReport, Ran};
use crate::lang::{lang, padded, say, say_id};

#[derive(clap::Subcommand)]
pub enum Command {
    Add(AddArgs),
    List(ListArgs),
    Rename(RenameArgs),
    Remove(RemoveArgs),
    Import(ImportArgs),
}

#[derive(clap::Args)]
pub struct AddArgs {
    #[arg(long)]
    profile: String,
    #[arg(long)]
    name: String,
    id: String,
    #[arg(long)]
    note: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct ListArgs {
    #[arg(long)]
    profile: String,
    #[arg(long)]
    search: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct RenameArgs {
    #[arg(long)]
    profile: String,
    contact: String,
    new_name: String,
}

#[derive(clap::Args)]
pub struct RemoveArgs {
    #[arg(long)]
    profile: String,
    contact: String,
}

#[derive(clap::Args)]
pub struct ImportArgs {
    #[arg(long)]
    profile: String,
    #[arg(
        required_unless_present = "from_platform",
        conflicts_with = "from_platform"
    )]
    file: Option<PathBuf>,
    #[arg(long)]
    from_platform: bool,
    #[arg(long)]
    json: bool,
}

pub fn run(command: Command) -> Ran {
    match command {
        Command::Add(a) => add(a),
        Command::List(a) => list(a),
        Command::Rename(a) => rename(a),
        Command::Remove(a) => remove(a),
        Command::Import(a) => import(a),
    }
}

/// The outbox and the account named `profile`.
fn open(profile: &str, json: bool) -> Result<(Outbox, Profile), crate::failure::Failure> {
    let outbox = Outbox::open_default().or_report(json)?;
    let profile = outbox.profiles().get(profile).or_report(json)?;
    Ok((outbox, profile))
}

fn add(args: AddArgs) -> Ran {
    let (outbox, profile) = open(&args.profile, args.json)?;
    let contact = outbox
        .contacts()
        .add(&profile, &args.name, &args.id, args.note.as_deref())
        .or_report(args.json)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{:#}", serde_json::json!({ "added": contact }))?;
    } else {
        let words = Words::new("cli-contact-added")
            .text("name", contact.label())
            .text("id", contact.platform_id.clone())
            .text("account", profile.name.clone());
        writeln!(out, "{}", say(&words))?;
    }
    Ok(Exit::Ok)
}

fn list(args: ListArgs) -> Ran {
    let (outbox, profile) = open(&args.profile, args.json)?;
    let contacts = match &args.search {
        Some(text) => outbox.contacts().search(&profile, text),
        None => outbox.contacts().list(&profile),
    }
    .or_report(args.json)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{:#}", serde_json::json!({ "contacts": contacts }))?;
        return Ok(Exit::Ok);
    }
    if contacts.is_empty() {
        let words = Words::new("cli-contact-none").text("account", profile.name.clone());
        writeln!(out, "{}", say(&words))?;
        return Ok(Exit::Ok);
    }
    // Each contact's name as shown (one not named yet says so), in aligned columns.
    let shown: Vec<String> = contacts
        .iter()
        .map(|c| {
            c.name
                .clone()
                .unwrap_or_else(|| say_id("cli-contact-unnamed"))
        })
        .collect();
    let width = |texts: Vec<&str>| {
        texts
            .into_iter()
            .map(unicode_width::UnicodeWidthStr::width)
            .max()
            .unwrap_or(0)
    };
    let names = width(shown.iter().map(String::as_str).collect());
    let ids = width(contacts.iter().map(|c| c.platform_id.as_str()).collect());
    for (c, name) in contacts.iter().zip(&shown) {
        let origin = say_id(&format!("cli-contact-origin-{}", c.origin.id()));
        let heard = c.last_heard_at.as_deref().map_or(String::new(), |at| {
            say(&Words::new("cli-contact-heard").text("when", clock::local(at, lang())))
        });
        writeln!(
            out,
            "{}  {}  {}{heard}",
            padded(name, names),
            padded(&c.platform_id, ids),
            origin
        )?;
        if let Some(note) = &c.note {
            writeln!(out, "{}  {note}", " ".repeat(names))?;
        }
    }
    Ok(Exit::Ok)
}

fn rename(args: RenameArgs) -> Ran {
    let (outbox, profile) = open(&args.profile, false)?;
    let c = outbox
        .contacts()
        .rename(&profile, &args.contact, &args.new_name)
        .or_report(false)?;
    let words = Words::new("cli-contact-renamed")
        .text("id", c.platform_id.clone())
        .text("name", c.label());
    println!("{}", say(&words));
    Ok(Exit::Ok)
}

fn remove(args: RemoveArgs) -> Ran {
    let (outbox, profile) = open(&args.profile, false)?;
    let c = outbox
        .contacts()
        .remove(&profile, &args.contact)
        .or_report(false)?;
    let words = Words::new("cli-contact-removed")
        .text("name", c.label())
        .text("account", profile.name.clone());
    println!("{}", say(&words));
    Ok(Exit::Ok)
}

fn import(args: ImportArgs) -> Ran {
    let Some(file) = &args.file else {
        return import_from_platform(&args);
    };
    let (outbox, profile) = open(&args.profile, args.json)?;
    let text = std::fs::read(file)
        .map_err(|e| e.to_string())
        .and_then(|bytes| String::from_utf8(bytes).map_err(|e| e.to_string()))
        .map_err(|detail| ContactError::Unreadable {
            path: file.display().to_string(),
            detail,
        })
        .or_report(args.json)?;
    let report = parse_csv(&text);
    let done = outbox
        .contacts()
        .import(&profile, &report.rows)
        .or_report(args.json)?;
    let mut bad: Vec<_> = report.bad.iter().chain(&done.bad).collect();
    bad.sort_by_key(|(line, _)| *line);
    let mut out = std::io::stdout().lock();
    if args.json {
        let bad: Vec<_> = bad
            .iter()
            .map(|(line, why)| serde_json::json!({ "line": line, "why": say(why) }))
            .collect();
        let value = serde_json::json!({ "imported": done, "bad_rows": bad });
        writeln!(out, "{value:#}")?;
    } else {
        let words = Words::new("cli-contact-imported")
            .text("source", file.display().to_string())
            .number("added", done.added as f64)
            .number("updated", done.updated as f64)
            .number("unchanged", done.unchanged as f64);
        writeln!(out, "{}", say(&words))?;
        for (line, why) in &bad {
            let words = Words::new("cli-contact-bad-line")
                .number("line", *line as f64)
                .words("why", (*why).clone());
            writeln!(out, "  {}", say(&words))?;
        }
    }
    // Some rows were left out: the command found a problem, though it kept the rest.
    Ok(if bad.is_empty() {
        Exit::Ok
    } else {
        Exit::Problem
    })
}

/// `import --from-platform`: the people the platform says wrote to the account.
fn import_from_platform(args: &ImportArgs) -> Ran {
    let outbox = Outbox::open_default().or_report(args.json)?;
    let profile = outbox.profiles().get(&args.profile).or_report(args.json)?;
    // On a terminal, how many were read so far, page by page (a large list takes a
    // while, paced by the platform's rate limits).
    let live = std::io::stderr().is_terminal() && !args.json;
    let seen = |n: usize| {
        if live {
            let words = Words::new("cli-contact-reading").number("count", n as f64);
            eprint!("\r{}", say(&words));
        }
    };
    let listed = outbox.import_people(&args.profile, &seen);
    if live {
        eprint!("\r\x1b[2K");
    }
    let (listing, done) = listed.or_report(args.json)?;
    let platform = profile.platform.name_words();
    let (words, what) = match listing {
        Listing::People(_) => (
            Words::new("cli-contact-imported")
                .words("source", platform)
                .number("added", done.added as f64)
                .number("updated", done.updated as f64)
                .number("unchanged", done.unchanged as f64),
            "listed",
        ),
        Listing::WebhookSet => (Words::new("cli-contact-webhook-set"), "webhook_set"),
        Listing::CannotAsk => (
            Words::new("cli-contact-cannot-ask").words("platform", platform),
            "cannot_ask",
        ),
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        let value = serde_json::json!({ "imported": done, "listing": what, "said": say(&words) });
        writeln!(out, "{value:#}")?;
    } else {
        writeln!(out, "{}", say(&words))?;
    }
    // Nobody could be listed: the command found a problem.
    Ok(if what == "listed" {
        Exit::Ok
    } else {
        Exit::Problem
    })
}
