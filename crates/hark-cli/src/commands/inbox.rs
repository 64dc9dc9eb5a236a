//! `hark inbox`: what the sandbox account received, at the reader's local time
//! (`--json`: RFC 3339 UTC).

use std::io::Write;

use hark_core::clock;
use hark_core::i18n::Words;
use hark_core::platform::limits;
use hark_core::platform::sandbox;

use crate::exit::Exit;
use crate::failure::{OrReport, Ran};
use crate::lang::{lang, say, say_id};

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Ran {
    let dir = hark_core::paths::ensure_data_dir().or_report(args.json)?;
    let items = sandbox::inbox(&dir)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{:#}", serde_json::json!({ "inbox": items }))?;
        return Ok(Exit::Ok);
    }
    if items.is_empty() {
        writeln!(out, "{}", say_id("cli-inbox-empty"))?;
        return Ok(Exit::Ok);
    }
    for item in &items {
        let line = Words::new("cli-inbox-item")
            .text("when", clock::local(&item.received_at, lang()))
            .text("recipient", item.recipient.clone())
            .text(
                "duration",
                limits::clock(std::time::Duration::from_millis(item.duration_ms)),
            )
            .text("size", limits::size(item.bytes));
        writeln!(out, "{}", say(&line))?;
        writeln!(out, "    {}", item.file.display())?;
    }
    Ok(Exit::Ok)
}
