use std::io::Write;

use hark_core::doctor::{self, Report, Status};

use hark_core::i18n::Words;

use crate::exit::Exit;
use crate::failure::Ran;
use crate::lang::{lang, say};

#[derive(clap::Args)]
pub struct Args {
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
    let title = Words::new("doctor-title").text("version", report.version.to_string());
    writeln!(out, "{}\n", say(&title))?;
    for check in &report.checks {
        let mark = match check.status {
            Status::Ok => "✓",
            Status::Problem => "✗",
        };
        let line = Words::new("doctor-line")
            .text("title", check.title_in(lang()))
            .text("verdict", check.verdict_in(lang()));
        writeln!(out, "{mark} {}", say(&line))?;
        if let Some(remedy) = check.remedy_in(lang()) {
            let remedy = Words::new("cli-problem-remedy").text("remedy", remedy);
            writeln!(out, "  {}", say(&remedy))?;
        }
        if let Some(code) = check.code {
            writeln!(
                out,
                "  {}",
                say(&Words::new("cli-problem-code").text("code", code))
            )?;
        }
    }
    if let Some(audio) = &report.audio {
        let (usable, unusable): (Vec<_>, Vec<_>) = audio
            .devices
            .iter()
            .partition(|d| d.default_format.is_some());
        let with = |id: &str| Words::new(id).text("host", audio.host.clone());
        writeln!(out, "\n{}", say(&with("doctor-input-devices")))?;
        if usable.is_empty() {
            writeln!(out, "  {}", say(&Words::new("doctor-no-device-opens")))?;
        }
        for device in usable
            .iter()
            .filter_map(|d| d.default_format.as_ref().map(|f| (d, f)))
        {
            let (device, f) = device;
            let name = if device.is_default {
                say(&Words::new("doctor-device-default").text("name", device.name.clone()))
            } else {
                device.name.clone()
            };
            writeln!(
                out,
                "  {name} — {} Hz, {} ch, {}\n    id: {}",
                f.sample_rate, f.channels, f.sample_format, device.id
            )?;
        }
        if !unusable.is_empty() {
            let more = with("doctor-more-devices").number("count", unusable.len() as f64);
            writeln!(out, "  {}", say(&more))?;
        }
    }
    let end = if report.ok {
        "doctor-all-ok"
    } else {
        "doctor-problem"
    };
    writeln!(out, "\n{}", say(&Words::new(end)))
}
