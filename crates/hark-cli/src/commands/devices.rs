use std::io::Write;

use hark_core::audio::devices;

use super::report;
use crate::exit::Exit;

#[derive(clap::Args)]
pub struct Args {
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> anyhow::Result<Exit> {
    let inventory = match devices::list_inputs() {
        Ok(inventory) => inventory,
        Err(err) => return Ok(report::user_error(&err, args.json, Exit::Problem)),
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &inventory)?;
        writeln!(out)?;
        return Ok(Exit::Ok);
    }
    writeln!(out, "Input devices ({}):", inventory.host)?;
    let usable: Vec<_> = inventory
        .devices
        .iter()
        .filter_map(|d| d.default_format.as_ref().map(|f| (d, f)))
        .collect();
    if usable.is_empty() {
        writeln!(out, "  none that opens — run `hark doctor` to see why")?;
        return Ok(Exit::Problem);
    }
    for (d, f) in usable {
        let default = if d.is_default { "  (default)" } else { "" };
        writeln!(out, "  {}{default}", d.name)?;
        writeln!(
            out,
            "    id: {}   {} Hz, {} ch, {}",
            d.id, f.sample_rate, f.channels, f.sample_format
        )?;
    }
    writeln!(
        out,
        "\nRecord from one with: hark record --device ID --for PLATFORM"
    )?;
    Ok(Exit::Ok)
}
