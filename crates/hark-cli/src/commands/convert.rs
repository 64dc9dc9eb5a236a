use std::io::Write;
use std::path::{Path, PathBuf};

use hark_core::audio::convert::{self, ConvertOptions};
use hark_core::i18n::{Said, Words};
use hark_core::platform::Platform;

use super::{report, write_file};
use crate::exit::Exit;
use crate::failure::{OrReport, Ran, fail};
use crate::input::Input;
use crate::lang::say;

#[derive(clap::Args)]
pub struct Args {
    input: PathBuf,
    #[arg(long = "for", value_name = "PLATFORM", value_parser = crate::lang::platform)]
    platform: Platform,
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    #[arg(long)]
    clean: bool,
    #[arg(long)]
    trim_to_limit: bool,
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Ran {
    let opts = ConvertOptions {
        clean: args.clean,
        trim_to_limit: args.trim_to_limit,
    };
    let input = Input::open(&args.input, Some(args.platform)).or_report(args.json)?;
    let note = convert::convert(input.path(), args.platform, opts).or_report(args.json)?;
    let output = args.output.unwrap_or_else(|| match &input {
        Input::File(path) => default_output(path, args.platform, note.file_name),
        // Beside where the command was run, named as the link names the file.
        Input::Link(fetched) => {
            let named = default_output(&fetched.path, args.platform, note.file_name);
            PathBuf::from(named.file_name().unwrap_or_default())
        }
    });
    if same_file(&output, &args.input) {
        return fail(&OutputIsInput(output), args.json);
    }
    write_file(&output, &note.bytes).or_report(args.json)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        let value = serde_json::json!({ "output": output, "note": note });
        writeln!(out, "{value:#}")?;
    } else {
        let wrote = Words::new("cli-wrote").text("path", output.display().to_string());
        writeln!(out, "{}", say(&wrote))?;
        report::note_summary(&mut out, &note)?;
    }
    Ok(Exit::Ok)
}

/// `-o` names the file being converted.
#[derive(Debug, thiserror::Error)]
#[error("{}", hark_core::UserError::english(self))]
struct OutputIsInput(PathBuf);

impl hark_core::UserError for OutputIsInput {
    fn code(&self) -> &'static str {
        "output_is_input"
    }
    fn said(&self) -> Option<Said> {
        let path = self.0.display().to_string();
        Some(Said::new(
            Words::new("cli-output-is-input").text("path", path),
            Words::new("cli-output-is-input-remedy"),
        ))
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
