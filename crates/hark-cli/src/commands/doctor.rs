use std::io::Write;

use hark_core::doctor::{self, Report, Status};

use crate::exit::Exit;
use crate::failure::Ran;

#[derive(clap::Args)]
pub struct Args {
    /// Print the report as JSON (for scripts and support tickets).
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Ran {
    let report = doctor::run();
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write_text(&mut out, &report)?;
    }
    Ok(if report.ok { Exit::Ok } else { Exit::Problem })
}

fn write_text(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    writeln!(out, "Hark {} — checking this computer\n", report.version)?;
    for check in &report.checks {
        let mark = match check.status {
            Status::Ok => "✓",
            Status::Problem => "✗",
        };
        writeln!(out, "{mark} {}: {}", check.title, check.verdict)?;
        if let Some(remedy) = &check.remedy {
            writeln!(out, "  What to do: {remedy}")?;
        }
        if let Some(code) = check.code {
            writeln!(out, "  (code: {code})")?;
        }
    }
    if let Some(audio) = &report.audio {
        let (usable, unusable): (Vec<_>, Vec<_>) = audio
            .devices
            .iter()
            .partition(|d| d.default_format.is_some());
        writeln!(out, "\nInput devices ({}):", audio.host)?;
        if usable.is_empty() {
            writeln!(out, "  none that opens")?;
        }
        for device in usable
            .iter()
            .filter_map(|d| d.default_format.as_ref().map(|f| (d, f)))
        {
            let (device, f) = device;
            let default = if device.is_default { " (default)" } else { "" };
            writeln!(
                out,
                "  {}{default} — {} Hz, {} ch, {}\n    id: {}",
                device.name, f.sample_rate, f.channels, f.sample_format, device.id
            )?;
        }
        if !unusable.is_empty() {
            writeln!(
                out,
                "  ({} more listed by {} that do not open; `--json` lists them)",
                unusable.len(),
                audio.host
            )?;
        }
    }
    writeln!(
        out,
        "\n{}",
        if report.ok {
            "Everything Hark needs works."
        } else {
            "Hark found a problem; see \"What to do\" above."
        }
    )
}
