//! Recording benchmarks, against a real sound server (scripts/bench-recording starts a
//! PulseAudio virtual microphone and runs these):
//!
//!   cargo bench -p hark-core --bench recording -- stop-latency TAKES SECS
//!   cargo bench -p hark-core --bench recording -- memory SECS
//!   cargo bench -p hark-core --bench recording -- overruns SECS
//!   cargo bench -p hark-core --bench recording -- takes TAKES SECS
//!
//! stop-latency: TAKES takes of SECS seconds each; for each, the time from `stop()` to
//! the finished note, and, as the baseline, the time to encode the same audio after the
//! fact (from the take's spool). memory: peak resident memory of this process after
//! one take of SECS seconds (compare a 10 s and a 600 s run). overruns: samples lost
//! during one take of SECS seconds (run it with the cores loaded). takes: TAKES takes
//! of SECS seconds in one process, as the app makes them all day (the audio stream
//! opened and closed for each), and this process's private dirty memory after each;
//! with glibc's heap set as the app sets it (two arenas, trimmed after each take).

use std::time::{Duration, Instant};

use hark_core::audio::convert::{self, ConvertOptions};
use hark_core::platform::Platform;
use hark_core::record::spool;
use hark_core::record::{RecordOptions, Recording};

fn take(secs: f64, dir: &std::path::Path) -> Recording {
    let rec = Recording::start(RecordOptions {
        platform: Platform::Whatsapp,
        device: None,
        max_duration: None,
        spool_dir: dir.to_path_buf(),
        clean: true,
    })
    .expect("a sound server with a default input (scripts/bench-recording starts one)");
    while rec.status().elapsed.as_secs_f64() < secs {
        std::thread::sleep(Duration::from_millis(20));
    }
    rec
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// This process's private dirty memory (what only it wrote: its heaps, and the pages of
/// the libraries it changed), in KiB.
fn private_dirty_kib() -> u64 {
    std::fs::read_to_string("/proc/self/smaps_rollup")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Private_Dirty:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// This process's threads, by name: "hark-capture ×1, pulse ×3".
fn threads() -> String {
    let mut names = std::collections::BTreeMap::<String, usize>::new();
    for task in std::fs::read_dir("/proc/self/task")
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default();
        *names.entry(name.trim().to_owned()).or_default() += 1;
    }
    let named: Vec<String> = names.iter().map(|(n, c)| format!("{n} ×{c}")).collect();
    named.join(", ")
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let dir = tempfile::tempdir().unwrap();
    match args.first().map(String::as_str) {
        Some("stop-latency") => {
            let takes: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10);
            let secs: f64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(60.0);
            let (mut stop_ms, mut after_ms) = (Vec::new(), Vec::new());
            for _ in 0..takes {
                let rec = take(secs, dir.path());
                let t = Instant::now();
                let done = rec.stop().expect("a take");
                stop_ms.push(t.elapsed().as_secs_f64() * 1000.0);
                // Baseline: the same audio encoded after the fact, from the spool.
                let spooled = spool::interrupted(dir.path());
                let raw = spooled.first().expect("the spool").samples().unwrap();
                let rate = spooled[0].info.sample_rate;
                let t = Instant::now();
                let opts = ConvertOptions {
                    clean: true,
                    trim_to_limit: false,
                };
                convert::encode_samples(&raw, rate, Platform::Whatsapp, opts).unwrap();
                after_ms.push(t.elapsed().as_secs_f64() * 1000.0);
                done.saved();
            }
            for v in [&mut stop_ms, &mut after_ms] {
                v.sort_by(f64::total_cmp);
            }
            println!(
                "stop latency, {takes} takes of {secs} s: median {:.1} ms, p95 {:.1} ms",
                percentile(&stop_ms, 0.5),
                percentile(&stop_ms, 0.95)
            );
            println!(
                "encoding the same take after the fact: median {:.1} ms, p95 {:.1} ms",
                percentile(&after_ms, 0.5),
                percentile(&after_ms, 0.95)
            );
        }
        Some("memory") => {
            let secs: f64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10.0);
            let rec = take(secs, dir.path());
            let take = rec.stop().unwrap();
            println!("peak memory after a {secs} s take: {} KiB", peak_rss_kib());
            take.saved();
        }
        Some("overruns") => {
            let secs: f64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(300.0);
            let rec = take(secs, dir.path());
            let overruns = rec.status().overruns;
            let take = rec.stop().unwrap();
            println!(
                "overruns during a {secs} s take: {overruns} samples ({} at stop)",
                take.overruns
            );
            take.saved();
        }
        Some("takes") => {
            let takes: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(30);
            let secs: f64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(5.0);
            // As src-tauri/src/heap.rs sets the app's heap.
            #[cfg(all(target_os = "linux", target_env = "gnu"))]
            // SAFETY: no other thread exists yet; mallopt only sets a parameter.
            unsafe {
                libc::mallopt(libc::M_ARENA_MAX, 2);
            }
            let mut after = Vec::new();
            for i in 0..takes {
                let rec = take(secs, dir.path());
                rec.stop().expect("a take").saved();
                #[cfg(all(target_os = "linux", target_env = "gnu"))]
                // SAFETY: malloc_trim only returns free memory.
                unsafe {
                    libc::malloc_trim(0);
                }
                after.push(private_dirty_kib());
                println!(
                    "take {}: private dirty {} KiB; threads: {}",
                    i + 1,
                    after[i],
                    threads()
                );
            }
            // The first takes load what every take uses; the trend is read after them.
            let settled = takes.min(5);
            if takes > settled + 1 {
                let (first, last) = (after[settled - 1] as f64, after[takes - 1] as f64);
                println!(
                    "{takes} takes of {secs} s: private dirty {:.0} KiB after take {settled}, \
                     {:.0} KiB after the last: {:+.1} KiB a take",
                    first,
                    last,
                    (last - first) / (takes - settled) as f64
                );
            }
        }
        _ => {
            eprintln!(
                "usage: recording (stop-latency TAKES SECS | memory SECS | overruns SECS | \
                 takes TAKES SECS)"
            );
        }
    }
}
