//! `hark inbox`: what the sandbox account received.

use std::io::Write;

use hark_core::platform::limits;
use hark_core::platform::sandbox;

use crate::exit::Exit;
use crate::failure::{OrReport, Ran};

#[derive(clap::Args)]
pub struct Args {
    /// Print JSON.
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
        writeln!(
            out,
            "The sandbox inbox is empty. Try: hark send --profile sandbox --to anyone NOTE"
        )?;
        return Ok(Exit::Ok);
    }
    for item in &items {
        writeln!(
            out,
            "{}  to {}  {} · {}",
            item.received_at,
            item.recipient,
            limits::clock(std::time::Duration::from_millis(item.duration_ms)),
            limits::size(item.bytes)
        )?;
        writeln!(out, "    {}", item.file.display())?;
    }
    Ok(Exit::Ok)
}
