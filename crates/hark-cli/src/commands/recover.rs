use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use hark_core::audio::convert::{self, ConvertOptions};
use hark_core::platform::{Platform, limits};
use hark_core::record::spool;

use super::{report, write_file};
use crate::exit::Exit;
use crate::failure::{OrReport, Ran};

#[derive(clap::Args)]
pub struct Args {
    /// Only list the interrupted takes; restore nothing.
    #[arg(long)]
    list: bool,
    /// Folder to write the restored notes to [default: this folder].
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,
    /// Print JSON.
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
            writeln!(out, "No interrupted recordings: nothing to recover.")?;
        }
        return Ok(Exit::Ok);
    }
    if args.list {
        if args.json {
            writeln!(out, "{:#}", serde_json::to_value(&takes)?)?;
        } else {
            for t in &takes {
                writeln!(
                    out,
                    "{}  {} for {}",
                    t.info.id,
                    limits::clock(std::time::Duration::from_millis(t.duration_ms)),
                    t.info.platform
                )?;
            }
        }
        return Ok(Exit::Ok);
    }
    let dir = args.output.unwrap_or_else(|| PathBuf::from("."));
    let mut restored = Vec::new();
    for take in &takes {
        let platform: Platform = take.info.platform.parse().unwrap_or(Platform::Whatsapp);
        let samples = take
            .samples()
            .with_context(|| format!("could not read {}", take.info.id))?;
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
            writeln!(out, "Recovered {} → {}", take.info.id, path.display())?;
            report::note_summary(&mut out, &note)?;
        }
        restored.push(serde_json::json!({ "id": take.info.id, "output": path, "note": note }));
    }
    if args.json {
        writeln!(out, "{:#}", serde_json::Value::Array(restored))?;
    }
    Ok(Exit::Ok)
}
