use std::io::Write;

use hark_core::audio::devices;
use hark_core::i18n::Words;

use crate::exit::Exit;
use crate::failure::{OrReport, Ran};
use crate::lang::{say, say_id};

#[derive(clap::Args)]
pub struct Args {
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
    let title = Words::new("doctor-input-devices").text("host", inventory.host.clone());
    writeln!(out, "{}", say(&title))?;
    let usable: Vec<_> = inventory
        .devices
        .iter()
        .filter_map(|d| d.default_format.as_ref().map(|f| (d, f)))
        .collect();
    if usable.is_empty() {
        writeln!(out, "  {}", say_id("cli-devices-none"))?;
        return Ok(Exit::Problem);
    }
    for (d, f) in usable {
        let name = match d.is_default {
            true => say(&Words::new("cli-device-default").text("name", d.name.clone())),
            false => d.name.clone(),
        };
        writeln!(out, "  {name}")?;
        let format = Words::new("cli-device-format")
            .text("id", d.id.clone())
            .text("rate", f.sample_rate.to_string())
            .text("channels", f.channels.to_string())
            .text("sample_format", f.sample_format.to_string());
        writeln!(out, "    {}", say(&format))?;
        if let Some(range) = supported_summary(d) {
            writeln!(out, "    {}", say(&range))?;
        }
    }
    writeln!(out, "\n{}", say_id("cli-devices-record-with"))?;
    Ok(Exit::Ok)
}

/// "supports 8000–192000 Hz, 1–2 ch" over all of a device's supported ranges.
fn supported_summary(d: &hark_core::audio::InputDevice) -> Option<Words> {
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
    Some(
        Words::new("cli-device-supports")
            .text("rates", span(min_rate, max_rate))
            .text("channels", span(min_ch.into(), max_ch.into())),
    )
}
