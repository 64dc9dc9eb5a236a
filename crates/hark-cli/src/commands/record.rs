use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use hark_core::Problem;
use hark_core::i18n::{Surface, Words};
use hark_core::platform::{Platform, limits};
use hark_core::record::{EndReason, RecordOptions, Recording, State, Status};

use super::{report, write_file};
use crate::exit::Exit;
use crate::failure::{OrReport, Ran};
use crate::lang::{lang, say, say_id};

#[derive(clap::Args)]
pub struct Args {
    #[arg(long = "for", value_name = "PLATFORM", value_parser = crate::lang::platform)]
    platform: Platform,
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    #[arg(long, value_name = "DEVICE")]
    device: Option<String>,
    #[arg(long, value_name = "N", value_parser = positive_seconds)]
    seconds: Option<Duration>,
    #[arg(long)]
    no_clean: bool,
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
            "device_error": take.device_error.as_ref().map(|e| {
                let p = Problem::said_in(e, lang(), Surface::Cli);
                serde_json::json!({ "code": p.code, "message": p.message, "remedy": p.remedy })
            }),
            "note": take.note,
        });
        writeln!(out, "{value:#}")?;
    } else {
        match take.ended_by {
            EndReason::LimitReached => {
                let limit = last.limit.map_or_else(String::new, limits::clock);
                let words = match platform_limit {
                    true => Words::new("cli-record-stopped-at-limit")
                        .words("platform", args.platform.name_words()),
                    false => Words::new("cli-record-stopped-after"),
                };
                writeln!(out, "{}", say(&words.text("limit", limit)))?;
            }
            EndReason::DeviceFailed => {
                if let Some(err) = &take.device_error {
                    let said = Problem::said_in(err, lang(), Surface::Cli);
                    let stopped =
                        Words::new("cli-record-microphone-stopped").text("error", said.message);
                    let remedy = Words::new("cli-problem-remedy").text("remedy", said.remedy);
                    writeln!(out, "{}\n  {}", say(&stopped), say(&remedy))?;
                }
                writeln!(out, "{}", say_id("cli-record-kept"))?;
            }
            EndReason::Stopped => {}
        }
        if take.silent {
            writeln!(out, "{}", say_id("cli-record-silent"))?;
        }
        let wrote = Words::new("cli-record-wrote")
            .text("path", output.display().to_string())
            .text("device", take.device.name.clone());
        writeln!(out, "{}", say(&wrote))?;
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
            let start = Words::new("cli-record-start").words("platform", platform.name_words());
            eprintln!("{}", say(&start));
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
            Some(l) if l.saturating_sub(s.elapsed) <= Duration::from_secs(10) => {
                let left = Words::new("cli-record-countdown")
                    .text("seconds", l.saturating_sub(s.elapsed).as_secs().to_string())
                    .text("limit", limits::clock(l));
                format!("  {}", say(&left))
            }
            _ => String::new(),
        };
        let state = match s.state {
            State::Paused => format!(" {}", say_id("cli-record-paused")),
            _ => String::new(),
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
            Some(bar) => {
                let stop = Words::new("cli-record-enter-to-stop")
                    .words("platform", self.platform.name_words());
                bar.set_message(format!("{line}   {}", say(&stop)))
            }
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
        _ => Err(say(&Words::new("cli-not-seconds").text("value", s))),
    }
}

/// A 20-cell bar from −60 dBFS to 0.
fn level_bar(dbfs: f32) -> String {
    let filled = (((dbfs + 60.0) / 60.0).clamp(0.0, 1.0) * 20.0).round() as usize;
    format!("[{}{}]", "█".repeat(filled), "·".repeat(20 - filled))
}
