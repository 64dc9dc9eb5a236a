use std::io::Write;

use hark_core::audio::devices;

use crate::exit::Exit;
use crate::failure::{OrReport, Ran};

#[derive(clap::Args)]
pub struct Args {
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Ran {
    let inventory = devices::list_inputs().or_report(args.json)?;
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
        if let Some(range) = supported_summary(d) {
            writeln!(out, "    supports {range}")?;
        }
    }
    writeln!(
        out,
        "\nRecord from one with: hark record --device ID --for PLATFORM"
    )?;
    Ok(Exit::Ok)
}

/// "8000–192000 Hz, 1–2 ch" over all of a device's supported ranges.
fn supported_summary(d: &hark_core::audio::InputDevice) -> Option<String> {
    let min_rate = d.supported.iter().map(|f| f.min_sample_rate).min()?;
    let max_rate = d.supported.iter().map(|f| f.max_sample_rate).max()?;
    let min_ch = d.supported.iter().map(|f| f.channels).min()?;
    let max_ch = d.supported.iter().map(|f| f.channels).max()?;
    let span = |a: u32, b: u32| {
        if a == b {
            a.to_string()
        } else {
            format!("{a}–{b}")
        }
    };
    Some(format!(
        "{} Hz, {} ch",
        span(min_rate, max_rate),
        span(min_ch.into(), max_ch.into())
    ))
}
