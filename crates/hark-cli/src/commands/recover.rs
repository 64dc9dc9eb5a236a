use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use hark_core::audio::convert::{self, ConvertOptions};
use hark_core::i18n::Words;
use hark_core::platform::{Platform, limits};
use hark_core::record::spool;

use super::{report, write_file};
use crate::exit::Exit;
use crate::failure::{OrReport, Ran};
use crate::lang::{say, say_id};

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    list: bool,
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Ran {
    let data = hark_core::paths::ensure_data_dir().or_report(args.json)?;
    let takes = spool::interrupted(&data.join("spool"));
    let mut out = std::io::stdout().lock();
    if takes.is_empty() {
        if args.json {
            writeln!(out, "[]")?;
        } else {
            writeln!(out, "{}", say_id("cli-recover-none"))?;
        }
        return Ok(Exit::Ok);
    }
    if args.list {
        if args.json {
            writeln!(out, "{:#}", serde_json::to_value(&takes)?)?;
        } else {
            for t in &takes {
                let platform = match t.info.platform.parse::<Platform>() {
                    Ok(p) => say(&p.name_words()),
                    Err(_) => t.info.platform.clone(),
                };
                let line = Words::new("cli-recover-take")
                    .text("id", t.info.id.clone())
                    .text(
                        "duration",
                        limits::clock(std::time::Duration::from_millis(t.duration_ms)),
                    )
                    .text("platform", platform);
                writeln!(out, "{}", say(&line))?;
            }
        }
        return Ok(Exit::Ok);
    }
    let dir = args.output.unwrap_or_else(|| PathBuf::from("."));
    let mut restored = Vec::new();
    for take in &takes {
        let platform: Platform = take.info.platform.parse().unwrap_or(Platform::Whatsapp);
        let samples = take.samples().with_context(|| {
            say(&Words::new("cli-could-not-read").text("what", take.info.id.clone()))
        })?;
        if samples.is_empty() {
            take.remove();
            continue;
        }
        let opts = ConvertOptions {
            clean: take.info.clean,
            trim_to_limit: true,
        };
        let note = convert::encode_samples(&samples, take.info.sample_rate, platform, opts)
            .or_report(args.json)?;
        let ext = note.file_name.rsplit('.').next().unwrap_or("ogg");
        let path = dir.join(format!("{}.{ext}", take.info.id));
        // If it cannot be written, the take stays in the spool.
        write_file(&path, &note.bytes).or_report(args.json)?;
        take.remove();
        if !args.json {
            let line = Words::new("cli-recover-restored")
                .text("id", take.info.id.clone())
                .text("path", path.display().to_string());
            writeln!(out, "{}", say(&line))?;
            report::note_summary(&mut out, &note)?;
        }
        restored.push(serde_json::json!({ "id": take.info.id, "output": path, "note": note }));
    }
    if args.json {
        writeln!(out, "{:#}", serde_json::Value::Array(restored))?;
    }
    Ok(Exit::Ok)
}
