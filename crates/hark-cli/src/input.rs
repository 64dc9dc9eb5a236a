//! The audio a command is given: a file's path, or a link (`audio::link`), fetched first
//! with its progress on a terminal.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use hark_core::audio::error::ClipError;
use hark_core::audio::link::{self, Fetched};
use hark_core::platform::Platform;

use crate::lang::say_id;

/// A file, or what a link gave (in a folder that goes with it).
pub enum Input {
    File(PathBuf),
    Link(Fetched),
}

impl Input {
    /// Takes `arg` as a link when it is one, fetching at most what `platform` (any
    /// platform, when none is named) could make a note of.
    pub fn open(arg: &Path, platform: Option<Platform>) -> Result<Input, ClipError> {
        let Some(text) = arg.to_str().filter(|t| link::is_link(t)) else {
            return Ok(Input::File(arg.to_path_buf()));
        };
        let under = std::env::temp_dir().join(format!("hark-{}", link::FETCHED_DIR));
        let bar = fetch_bar();
        let fetched = link::fetch(text, link::size_cap(platform), &under, &|got, total| {
            if let Some(bar) = &bar {
                bar.set_length(total.unwrap_or(got));
                bar.set_position(got);
            }
            true
        });
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        fetched.map(Input::Link)
    }

    /// Where the audio is on disk.
    pub fn path(&self) -> &Path {
        match self {
            Input::File(path) => path,
            Input::Link(fetched) => &fetched.path,
        }
    }

    /// How to name it to the person: the path, or the link without its query.
    pub fn shown(&self) -> String {
        match self {
            Input::File(path) => path.display().to_string(),
            Input::Link(fetched) => fetched.shown.clone(),
        }
    }
}

/// A progress bar for a fetch, on a terminal only.
fn fetch_bar() -> Option<indicatif::ProgressBar> {
    let bar = bytes_bar()?;
    bar.set_message(say_id("cli-fetching"));
    Some(bar)
}

/// A bar counting bytes ("Uploading ━━━━  1.2 MiB/4.0 MiB"), on a terminal only.
pub fn bytes_bar() -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg} {bar:30} {bytes}/{total_bytes}")
            .expect("valid template"),
    );
    Some(bar)
}
