use std::io::Write;
use std::path::PathBuf;

use hark_core::audio::convert::{self, ConvertOptions};
use hark_core::audio::inspect;
use hark_core::i18n::Words;
use hark_core::platform::Platform;

use super::report;
use crate::exit::Exit;
use crate::failure::{OrReport, Ran};
use crate::input::Input;
use crate::lang::{listed, say};

#[derive(clap::Args)]
pub struct Args {
    file: PathBuf,
    #[arg(long = "for", value_name = "PLATFORM", value_parser = crate::lang::platform)]
    platform: Option<Platform>,
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Ran {
    let input = Input::open(&args.file, args.platform).or_report(args.json)?;
    let info = inspect::inspect(input.path()).or_report(args.json)?;
    let note = match args.platform {
        None => None,
        Some(platform) => Some(
            convert::convert(input.path(), platform, ConvertOptions::default())
                .or_report(args.json)?,
        ),
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        let value = serde_json::json!({ "file": info, "note": note });
        writeln!(out, "{value:#}")?;
    } else {
        writeln!(out, "{}", input.shown())?;
        report::clip(&mut out, &info)?;
        match &note {
            Some(note) => report::note_summary(&mut out, note)?,
            None => {
                let plays: Vec<String> = Platform::ALL
                    .iter()
                    .filter(|p| info.note_format().is_some_and(|f| p.facts().plays(f)))
                    .map(|p| say(&p.name_words()))
                    .collect();
                let words = if plays.is_empty() {
                    Words::new("cli-inspect-converted-everywhere")
                } else {
                    Words::new("cli-inspect-plays-on").text("platforms", listed(&plays))
                };
                writeln!(out, "  {}", say(&words))?;
            }
        }
    }
    Ok(Exit::Ok)
}
