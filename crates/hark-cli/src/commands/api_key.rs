//! `hark api-key`: the keys programs use with `hark serve` — create (the key is shown
//! once, and only its hash is kept), list, revoke.

use std::io::Write;

use hark_core::api::{ApiKey, ApiKeys};
use hark_core::clock;
use hark_core::i18n::Words;
use hark_core::outbox::Outbox;

use crate::exit::Exit;
use crate::failure::{OrReport, Ran};
use crate::lang::{lang, say};

#[derive(clap::Subcommand)]
pub enum Command {
    Create(CreateArgs),
    List(ListArgs),
    Revoke(RevokeArgs),
}

#[derive(clap::Args)]
pub struct CreateArgs {
    name: String,
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct ListArgs {
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct RevokeArgs {
    key: String,
    #[arg(long)]
    json: bool,
}

pub fn run(command: Command) -> Ran {
    let json = match &command {
        Command::Create(a) => a.json,
        Command::List(a) => a.json,
        Command::Revoke(a) => a.json,
    };
    let outbox = Outbox::open_default().or_report(json)?;
    let keys = ApiKeys::new(outbox.db().clone());
    let mut out = std::io::stdout().lock();
    match command {
        Command::Create(args) => {
            let (made, secret) = keys.create(&args.name).or_report(json)?;
            if json {
                let mut value = serde_json::to_value(&made)?;
                value["key"] = serde_json::Value::String(secret);
                writeln!(out, "{value:#}")?;
            } else {
                writeln!(
                    out,
                    "{}\n\n  {secret}\n\n{}",
                    say(&Words::new("cli-api-key-created").text("name", made.name.clone())),
                    say(&Words::new("cli-api-key-shown-once"))
                )?;
            }
        }
        Command::List(_) => {
            let listed = keys.list().or_report(json)?;
            if json {
                writeln!(out, "{:#}", serde_json::json!({ "keys": listed }))?;
            } else if listed.is_empty() {
                writeln!(out, "{}", say(&Words::new("cli-api-key-none")))?;
            } else {
                for key in &listed {
                    writeln!(out, "{}", line(key))?;
                }
            }
        }
        Command::Revoke(args) => {
            let revoked = keys.revoke(&args.key).or_report(json)?;
            if json {
                writeln!(out, "{:#}", serde_json::to_value(&revoked)?)?;
            } else {
                writeln!(
                    out,
                    "{}",
                    say(&Words::new("cli-api-key-revoked").text("name", revoked.name))
                )?;
            }
        }
    }
    Ok(Exit::Ok)
}

/// A key as `list` shows it: its name, its first characters, and when it was made,
/// last used or revoked (local times).
fn line(key: &ApiKey) -> String {
    let at = |t: &str| clock::local(t, lang());
    let state = match (&key.revoked_at, &key.last_used_at) {
        (Some(when), _) => say(&Words::new("cli-api-key-was-revoked").text("when", at(when))),
        (None, Some(when)) => say(&Words::new("cli-api-key-last-used").text("when", at(when))),
        (None, None) => say(&Words::new("cli-api-key-never-used")),
    };
    format!(
        "{}  {}…  {}  {}",
        key.name,
        key.prefix,
        say(&Words::new("cli-api-key-made").text("when", at(&key.created_at))),
        state
    )
}
