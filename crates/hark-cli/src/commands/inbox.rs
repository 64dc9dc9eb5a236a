//! `hark inbox`: what the sandbox account received.

use std::io::Write;

use hark_core::platform::limits;
use hark_core::platform::sandbox;

use super::report;
use crate::exit::Exit;

#[derive(clap::Args)]
pub struct Args {
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> anyhow::Result<Exit> {
    let dir = match hark_core::paths::ensure_data_dir() {
        Ok(d) => d,
        Err(e) => return Ok(report::user_error(&e, args.json, Exit::Failure)),
    };
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
