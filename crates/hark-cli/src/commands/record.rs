use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use hark_core::UserError;
use hark_core::platform::{Platform, limits};
use hark_core::record::{EndReason, RecordOptions, Recording, State, Status};

use super::{report, write_file};
use crate::exit::Exit;
use crate::failure::{OrReport, Ran};

#[derive(clap::Args)]
pub struct Args {
    /// The platform to record the voice note for (sets the format and the time limit).
    #[arg(long = "for", value_name = "PLATFORM")]
    platform: Platform,
    /// Where to write the note [default: note-<time>.<ext> in this folder].
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// The input device: an id or part of a name from `hark devices` [default: the
    /// system's default input].
    #[arg(long, value_name = "DEVICE")]
    device: Option<String>,
    /// Stop after this many seconds (the platform's own limit always applies).
    #[arg(long, value_name = "N", value_parser = positive_seconds)]
    seconds: Option<Duration>,
    /// Record as it is: no silence trimming, DC removal or loudness levelling (which
    /// are applied while recording by default).
    #[arg(long)]
    no_clean: bool,
    /// Print the result as JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(args: Args) -> Ran {
    let data = hark_core::paths::ensure_data_dir();
    let data = data.or_report(args.json)?;
    let max_duration = args.seconds;
    let recording = Recording::start(RecordOptions {
        platform: args.platform,
        device: args.device.clone(),
        max_duration,
        spool_dir: data.join("spool"),
        clean: !args.no_clean,
    })
    .or_report(args.json)?;

    // Enter or Ctrl-C stops (and keeps the take); the limit stops by itself.
    let stop = Arc::new(AtomicBool::new(false));
    let on_signal = stop.clone();
    ctrlc::set_handler(move || on_signal.store(true, Ordering::Release))
        .context("could not catch Ctrl-C")?;
    let on_enter = stop.clone();
    std::thread::spawn(move || {
        let mut line = String::new();
        if std::io::stdin().read_line(&mut line).is_ok_and(|n| n > 0) {
            on_enter.store(true, Ordering::Release);
        }
    });

    let mut display = Display::new(args.platform);
    while !stop.load(Ordering::Acquire) && !recording.ended() {
        display.show(&recording.status());
        std::thread::sleep(Duration::from_millis(33));
    }
    let last = recording.status();
    let platform_limit = recording.limit_is_platforms();
    display.close(&last);
    let take = recording.stop().or_report(args.json)?;

    let output = args.output.unwrap_or_else(|| {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default();
        let ext = take.note.file_name.rsplit('.').next().unwrap_or("ogg");
        PathBuf::from(format!("note-{secs}.{ext}"))
    });
    // If it cannot be written, the take stays in the spool, for `hark recover`.
    write_file(&output, &take.note.bytes).or_report(args.json)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        let value = serde_json::json!({
            "output": output,
            "device": take.device,
            "ended_by": take.ended_by,
            "overruns": take.overruns,
            "silent": take.silent,
            "device_error": take.device_error.as_ref().map(|e| serde_json::json!({
                "code": e.code(), "message": e.to_string(), "remedy": e.remedy()
            })),
            "note": take.note,
        });
        writeln!(out, "{value:#}")?;
    } else {
        match take.ended_by {
            EndReason::LimitReached if platform_limit => writeln!(
                out,
                "Stopped at {}'s limit of {}; everything said until then is kept.",
                args.platform.facts().name,
                last.limit.map_or_else(String::new, limits::clock)
            )?,
            EndReason::LimitReached => writeln!(
                out,
                "Stopped after {} as asked.",
                last.limit.map_or_else(String::new, limits::clock)
            )?,
            EndReason::DeviceFailed => {
                if let Some(err) = &take.device_error {
                    writeln!(
                        out,
                        "The microphone stopped: {err}\n  What to do: {}",
                        err.remedy()
                    )?;
                }
                writeln!(out, "What was recorded until then is kept.")?;
            }
            EndReason::Stopped => {}
        }
        if take.silent {
            writeln!(
                out,
                "Warning: nothing but silence was heard. Is the microphone muted, or is it \
                 the wrong one? `hark devices` lists the others."
            )?;
        }
        writeln!(
            out,
            "Wrote {} (from {})",
            output.display(),
            take.device.name
        )?;
        report::note_summary(&mut out, &take.note)?;
    }
    take.saved();
    Ok(Exit::Ok)
}

/// The live line: a level bar and the timer against the limit on a terminal; a plain
/// line a second when the output is not a terminal.
struct Display {
    bar: Option<indicatif::ProgressBar>,
    last_plain: Option<Instant>,
    platform: Platform,
}

impl Display {
    fn new(platform: Platform) -> Display {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_style(
                indicatif::ProgressStyle::with_template("{msg}").expect("a valid template"),
            );
            bar
        });
        if bar.is_none() {
            eprintln!(
                "Recording for {} — press Enter or Ctrl-C to stop.",
                platform.facts().name
            );
        }
        Display {
            bar,
            last_plain: None,
            platform,
        }
    }

    fn line(&self, s: &Status) -> String {
        let limit = s
            .limit
            .map_or(String::new(), |l| format!(" / {}", limits::clock(l)));
        let countdown = match s.limit {
            Some(l) if l.saturating_sub(s.elapsed) <= Duration::from_secs(10) => format!(
                "  {} s left — stops at {} and keeps what you said",
                l.saturating_sub(s.elapsed).as_secs(),
                limits::clock(l)
            ),
            _ => String::new(),
        };
        let state = if s.state == State::Paused {
            " (paused)"
        } else {
            ""
        };
        format!(
            "● {}{limit}  {}  {}{state}{countdown}",
            limits::clock(s.elapsed),
            level_bar(s.level.rms_dbfs),
            limits::size(s.size_estimate),
        )
    }

    fn show(&mut self, s: &Status) {
        let line = self.line(s);
        match &self.bar {
            Some(bar) => bar.set_message(format!(
                "{line}   Enter to stop ({})",
                self.platform.facts().name
            )),
            None => {
                if self
                    .last_plain
                    .is_none_or(|t| t.elapsed() >= Duration::from_secs(1))
                {
                    self.last_plain = Some(Instant::now());
                    eprintln!("{line}");
                }
            }
        }
    }

    fn close(&mut self, s: &Status) {
        let line = self.line(s);
        match self.bar.take() {
            Some(bar) => bar.finish_with_message(line),
            None => eprintln!("{line}"),
        }
    }
}

fn positive_seconds(s: &str) -> Result<Duration, String> {
    match s.parse::<f64>() {
        Ok(v) if v > 0.0 && v.is_finite() && v < 86_400.0 => Ok(Duration::from_secs_f64(v)),
        _ => Err(format!("\"{s}\" is not a number of seconds above zero")),
    }
}

/// A 20-cell bar from −60 dBFS to 0.
fn level_bar(dbfs: f32) -> String {
    let filled = (((dbfs + 60.0) / 60.0).clamp(0.0, 1.0) * 20.0).round() as usize;
    format!("[{}{}]", "█".repeat(filled), "·".repeat(20 - filled))
}
