use std::io::Write;
use std::path::{Path, PathBuf};

use hark_core::audio::convert::{self, ConvertOptions};
use hark_core::platform::Platform;

use super::{report, write_file};
use crate::exit::Exit;
use crate::failure::{OrReport, Ran, fail};

#[derive(clap::Args)]
pub struct Args {
    /// The audio file to convert (any common format; recognised by its content).
    input: PathBuf,
    /// The platform to make the voice note for.
    #[arg(long = "for", value_name = "PLATFORM")]
    platform: Platform,
    /// Where to write the note [default: next to the input, e.g. reply.wechat.amr].
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Clean up: trim silence, remove DC offset, normalise loudness to −16 LUFS.
    #[arg(long)]
    clean: bool,
    /// If the audio is longer than the platform allows, keep its start instead of refusing.
    #[arg(long)]
    trim_to_limit: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Ran {
    let opts = ConvertOptions {
        clean: args.clean,
        trim_to_limit: args.trim_to_limit,
    };
    let note = convert::convert(&args.input, args.platform, opts).or_report(args.json)?;
    let output = args
        .output
        .unwrap_or_else(|| default_output(&args.input, args.platform, note.file_name));
    if same_file(&output, &args.input) {
        return fail(&OutputIsInput(output), args.json);
    }
    write_file(&output, &note.bytes).or_report(args.json)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        let value = serde_json::json!({ "output": output, "note": note });
        writeln!(out, "{value:#}")?;
    } else {
        writeln!(out, "Wrote {}", output.display())?;
        report::note_summary(&mut out, &note)?;
    }
    Ok(Exit::Ok)
}

/// `-o` names the file being converted.
#[derive(Debug, thiserror::Error)]
#[error("{} is the input file: Hark will not write the note over it.", .0.display())]
struct OutputIsInput(PathBuf);

impl hark_core::UserError for OutputIsInput {
    fn code(&self) -> &'static str {
        "output_is_input"
    }
    fn remedy(&self) -> String {
        "Choose another output file with -o.".into()
    }
    fn kind(&self) -> hark_core::ProblemKind {
        hark_core::ProblemKind::Usage
    }
}

fn default_output(input: &Path, platform: Platform, file_name: &str) -> PathBuf {
    let stem = input.file_stem().unwrap_or_default().to_string_lossy();
    let ext = Path::new(file_name)
        .extension()
        .unwrap_or_default()
        .to_string_lossy();
    input.with_file_name(format!("{stem}.{platform}.{ext}"))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
