//! Test audio made by real tools (sox, ffmpeg, espeak-ng), and Hark's output checked by
//! independent ones (ffprobe, opusinfo, ffmpeg's decoders), never by Hark's own code.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde_json::Value;

use crate::process::run_with_limit;

const LIMIT: Duration = Duration::from_secs(120);

fn run(program: &str, args: &[&str]) -> std::process::Output {
    let out = run_with_limit(Command::new(program).args(args), LIMIT);
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `sox -n` synthesis: a sine of `hz` for `secs` at `rate` Hz and `channels`, written as
/// `path` with any extra output options (`-b 24`, `-e floating-point`, …) before it.
pub fn sox_tone(path: &Path, rate: u32, channels: u32, secs: f64, hz: f64, opts: &[&str]) {
    let (rate, channels, secs, hz) = (
        rate.to_string(),
        channels.to_string(),
        secs.to_string(),
        hz.to_string(),
    );
    let mut args = vec!["-n", "-r", &rate, "-c", &channels];
    args.extend_from_slice(opts);
    let p = path.to_str().unwrap();
    args.extend_from_slice(&[p, "synth", &secs, "sine", &hz, "vol", "0.5"]);
    run("sox", &args);
}

/// Any sox effect chain on an input, e.g. `["vol", "4"]` to clip.
pub fn sox(input: &Path, output: &Path, effects: &[&str]) {
    let mut args = vec![input.to_str().unwrap(), output.to_str().unwrap()];
    args.extend_from_slice(effects);
    run("sox", &args);
}

/// `ffmpeg -i input [args] output`.
pub fn ffmpeg(input: &Path, args: &[&str], output: &Path) {
    let mut all = vec!["-v", "error", "-y", "-i", input.to_str().unwrap()];
    all.extend_from_slice(args);
    all.push(output.to_str().unwrap());
    run("ffmpeg", &all);
}

/// Speech from espeak-ng as a WAV file.
pub fn speech(path: &Path, text: &str) {
    run("espeak-ng", &["-w", path.to_str().unwrap(), text]);
}

/// `ffprobe` streams and format as JSON.
pub fn ffprobe(path: &Path) -> Value {
    let out = run(
        "ffprobe",
        &[
            "-v",
            "error",
            "-show_streams",
            "-show_format",
            "-of",
            "json",
            path.to_str().unwrap(),
        ],
    );
    serde_json::from_slice(&out.stdout).expect("ffprobe JSON")
}

/// `opusinfo` output (it checks the Ogg/Opus structure as it reads).
pub fn opusinfo(path: &Path) -> String {
    let out = run("opusinfo", &[path.to_str().unwrap()]);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Decodes with ffmpeg, failing on any decode error (`-xerror`), to mono 16-bit at
/// `rate`; returns the samples.
pub fn ffmpeg_decode(path: &Path, rate: u32) -> Vec<f32> {
    let rate = rate.to_string();
    let out = run(
        "ffmpeg",
        &[
            "-v",
            "error",
            "-xerror",
            "-i",
            path.to_str().unwrap(),
            "-f",
            "s16le",
            "-ac",
            "1",
            "-ar",
            &rate,
            "-",
        ],
    );
    out.stdout
        .chunks_exact(2)
        .map(|b| i16::from_le_bytes([b[0], b[1]]) as f32 / 32768.0)
        .collect()
}

/// Frequency from upward zero crossings (good for a clean tone).
pub fn tone_hz(samples: &[f32], rate: u32) -> f64 {
    // Skip the first and last 10% where codecs ramp.
    let n = samples.len();
    let s = &samples[n / 10..n - n / 10];
    let first = s
        .windows(2)
        .position(|w| w[0] < 0.0 && w[1] >= 0.0)
        .unwrap();
    let last = s
        .windows(2)
        .rposition(|w| w[0] < 0.0 && w[1] >= 0.0)
        .unwrap();
    let crossings = s[first..=last]
        .windows(2)
        .filter(|w| w[0] < 0.0 && w[1] >= 0.0)
        .count();
    crossings as f64 * rate as f64 / (last - first) as f64
}

/// Correlation of two loudness envelopes (RMS per 10 ms), best over ±50 ms of lag:
/// near 1 when the same words are said at the same pace.
pub fn envelope_correlation(a: &[f32], b: &[f32], rate: u32) -> f64 {
    let win = (rate / 100) as usize;
    let env = |x: &[f32]| -> Vec<f64> {
        x.chunks(win)
            .map(|w| (w.iter().map(|&s| (s as f64).powi(2)).sum::<f64>() / w.len() as f64).sqrt())
            .collect()
    };
    let (ea, eb) = (env(a), env(b));
    (-5i32..=5)
        .map(|lag| {
            let pairs: Vec<(f64, f64)> = (0..ea.len())
                .filter_map(|i| {
                    let j = i as i32 + lag;
                    (j >= 0 && (j as usize) < eb.len()).then(|| (ea[i], eb[j as usize]))
                })
                .collect();
            pearson(&pairs)
        })
        .fold(f64::MIN, f64::max)
}

fn pearson(pairs: &[(f64, f64)]) -> f64 {
    let n = pairs.len() as f64;
    let (ma, mb) = pairs
        .iter()
        .fold((0.0, 0.0), |(x, y), (a, b)| (x + a / n, y + b / n));
    let (mut cov, mut va, mut vb) = (0.0, 0.0, 0.0);
    for (a, b) in pairs {
        cov += (a - ma) * (b - mb);
        va += (a - ma).powi(2);
        vb += (b - mb).powi(2);
    }
    cov / (va.sqrt() * vb.sqrt())
}

/// A scratch folder for one test's files.
pub struct Scratch(tempfile::TempDir);

impl Scratch {
    pub fn new() -> Scratch {
        Scratch(tempfile::tempdir().unwrap())
    }
    pub fn path(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }
}

impl Default for Scratch {
    fn default() -> Self {
        Self::new()
    }
}

/// Integrated loudness (LUFS) and true peak (dBTP) as ffmpeg's EBU R128 filter measures.
pub fn loudness(path: &Path) -> (f64, f64) {
    let out = run(
        "ffmpeg",
        &[
            "-nostats",
            "-i",
            path.to_str().unwrap(),
            "-af",
            "ebur128=peak=true",
            "-f",
            "null",
            "-",
        ],
    );
    let log = String::from_utf8_lossy(&out.stderr);
    let summary = log.rsplit("Summary:").next().unwrap_or_default();
    let value = |label: &str| -> f64 {
        summary
            .lines()
            .find_map(|l| l.trim().strip_prefix(label))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no {label} in ffmpeg's ebur128 summary:\n{summary}"))
    };
    (value("I:"), value("Peak:"))
}
