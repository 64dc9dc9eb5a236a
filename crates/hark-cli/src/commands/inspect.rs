use std::io::Write;
use std::path::PathBuf;

use hark_core::audio::convert::{self, ConvertOptions};
use hark_core::audio::inspect;
use hark_core::platform::Platform;

use super::report;
use crate::exit::Exit;
use crate::failure::{OrReport, Ran};

#[derive(clap::Args)]
pub struct Args {
    /// The audio file (any common format; recognised by its content).
    file: PathBuf,
    /// Check it against this platform: wechat, messenger, whatsapp, whatsapp-gateway,
    /// telegram or sandbox. Exit status 0 means Hark can send it there.
    #[arg(long = "for", value_name = "PLATFORM")]
    platform: Option<Platform>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Ran {
    let info = inspect::inspect(&args.file).or_report(args.json)?;
    let note = match args.platform {
        None => None,
        Some(platform) => Some(
            convert::convert(&args.file, platform, ConvertOptions::default())
                .or_report(args.json)?,
        ),
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        let value = serde_json::json!({ "file": info, "note": note });
        writeln!(out, "{value:#}")?;
    } else {
        writeln!(out, "{}", args.file.display())?;
        report::clip(&mut out, &info)?;
        match &note {
            Some(note) => report::note_summary(&mut out, note)?,
            None => {
                let plays: Vec<&str> = Platform::ALL
                    .iter()
                    .filter(|p| info.note_format().is_some_and(|f| p.facts().plays(f)))
                    .map(|p| p.facts().name)
                    .collect();
                if plays.is_empty() {
                    writeln!(out, "  Converted before sending on any platform.")?;
                } else {
                    writeln!(out, "  Already a voice note for: {}", plays.join(", "))?;
                }
            }
        }
    }
    Ok(Exit::Ok)
}
