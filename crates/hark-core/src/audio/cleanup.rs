//! Cleaning up a recording (shared/formats.md): remove DC offset, trim leading and
//! trailing silence (keeping a margin), and bring loudness to about −16 LUFS
//! integrated (EBU R128) without letting the true peak pass −1 dBTP.

use serde::Serialize;

pub const TARGET_LUFS: f64 = -16.0;
/// The true-peak ceiling of the note the customer hears.
pub const CEILING_DBTP: f64 = -1.0;
/// Lossy codecs overshoot peaks on decoding (Opus at 32 kbit/s: about 1.2 dB on
/// speech, measured by the clean-up test), so the clean
/// signal is mastered this far under the ceiling (as streaming loudness guidance
/// advises for low-bitrate codecs).
pub const CODEC_HEADROOM_DB: f64 = 2.0;
/// Silence kept before the first and after the last sound.
pub const MARGIN_MS: u32 = 150;

/// What cleanup did, for the preview and the CLI.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CleanupReport {
    pub trimmed_start_ms: u32,
    pub trimmed_end_ms: u32,
    /// Gain applied for loudness, in dB (`None` when there was nothing to measure).
    pub gain_db: Option<f64>,
}

pub fn clean(samples: &mut Vec<f32>, rate: u32) -> CleanupReport {
    remove_dc(samples);
    let (start, end) = trim_silence(samples, rate);
    let report_trim = (
        (start as u64 * 1000 / rate as u64) as u32,
        ((samples.len() - end) as u64 * 1000 / rate as u64) as u32,
    );
    samples.truncate(end);
    samples.drain(..start);
    let gain_db = normalise_loudness(samples, rate);
    CleanupReport {
        trimmed_start_ms: report_trim.0,
        trimmed_end_ms: report_trim.1,
        gain_db,
    }
}

fn remove_dc(samples: &mut [f32]) {
    if samples.is_empty() {
        return;
    }
    let mean = samples.iter().map(|&s| s as f64).sum::<f64>() / samples.len() as f64;
    for s in samples.iter_mut() {
        *s -= mean as f32;
    }
}

/// The range to keep: from 150 ms before the first 10 ms window that is not silence to
/// 150 ms after the last. Silence is quieter than −50 dBFS or 40 dB below the loudest
/// window. A clip that is all silence is kept whole.
fn trim_silence(samples: &[f32], rate: u32) -> (usize, usize) {
    let window = (rate / 100).max(1) as usize;
    let levels: Vec<f64> = samples
        .chunks(window)
        .map(|w| {
            let ms = w.iter().map(|&s| (s as f64).powi(2)).sum::<f64>() / w.len() as f64;
            10.0 * ms.max(1e-20).log10()
        })
        .collect();
    let loudest = levels.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let threshold = (-50.0f64).max(loudest - 40.0);
    let first = levels.iter().position(|&l| l > threshold);
    let last = levels.iter().rposition(|&l| l > threshold);
    let (Some(first), Some(last)) = (first, last) else {
        return (0, samples.len());
    };
    let margin = (rate * MARGIN_MS / 1000) as usize;
    let start = (first * window).saturating_sub(margin);
    let end = ((last + 1) * window + margin).min(samples.len());
    (start, end)
}

/// Make-up gain towards −16 LUFS (at most +36 dB, so a near-silent take is not turned
/// into loud noise), then a look-ahead limiter so that peaks the gain pushed up stay
/// under the ceiling; further passes restore the loudness the limiter took away.
fn normalise_loudness(samples: &mut [f32], rate: u32) -> Option<f64> {
    const MAX_GAIN_DB: f64 = 36.0;
    let mut total_db = 0.0;
    // Each limiter pass takes a little loudness back; a few passes converge.
    for _ in 0..6 {
        let (loudness, _) = measure(samples, rate)?;
        let gain_db = (TARGET_LUFS - loudness).min(MAX_GAIN_DB - total_db);
        if gain_db.abs() < 0.1 {
            break;
        }
        scale(samples, gain_db);
        total_db += gain_db;
        limit(samples, rate, SAMPLE_CEILING_DBFS);
    }
    // Inter-sample peaks can still poke above the sample ceiling: measure true peak.
    let (_, peak_db) = measure(samples, rate)?;
    let ceiling = CEILING_DBTP - CODEC_HEADROOM_DB;
    if peak_db > ceiling {
        scale(samples, ceiling - peak_db);
        total_db += ceiling - peak_db;
    }
    Some(total_db)
}

/// The limiter's sample-peak ceiling, under the true-peak ceiling to leave room for
/// inter-sample peaks.
const SAMPLE_CEILING_DBFS: f64 = CEILING_DBTP - CODEC_HEADROOM_DB - 0.5;

/// Integrated loudness (LUFS) and true peak (dBTP); `None` for silence.
fn measure(samples: &[f32], rate: u32) -> Option<(f64, f64)> {
    let mode = ebur128::Mode::I | ebur128::Mode::TRUE_PEAK;
    let mut meter = ebur128::EbuR128::new(1, rate, mode).ok()?;
    meter.add_frames_f32(samples).ok()?;
    let loudness = meter.loudness_global().ok()?;
    let peak = meter.true_peak(0).ok()?;
    (loudness.is_finite() && peak > 0.0).then(|| (loudness, 20.0 * peak.log10()))
}

fn scale(samples: &mut [f32], db: f64) {
    let gain = 10f64.powf(db / 20.0) as f32;
    for s in samples.iter_mut() {
        *s *= gain;
    }
}

/// A look-ahead peak limiter: each sample gets at most the gain that keeps it under
/// `ceiling_db`; the gain ramps down linearly over 5 ms before a peak and back up over
/// 80 ms after it, so there are no clicks.
fn limit(samples: &mut [f32], rate: u32, ceiling_db: f64) {
    let ceiling = 10f64.powf(ceiling_db / 20.0) as f32;
    let mut gain: Vec<f32> = samples
        .iter()
        .map(|s| {
            if s.abs() > ceiling {
                ceiling / s.abs()
            } else {
                1.0
            }
        })
        .collect();
    let attack = 1.0 / (rate as f32 * 0.005);
    let release = 1.0 / (rate as f32 * 0.080);
    for i in (0..gain.len().saturating_sub(1)).rev() {
        gain[i] = gain[i].min(gain[i + 1] + attack);
    }
    for i in 1..gain.len() {
        gain[i] = gain[i].min(gain[i - 1] + release);
    }
    for (s, g) in samples.iter_mut().zip(gain) {
        *s *= g;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::test_signals::{lufs as loudness, tone};

    #[test]
    fn silence_around_speech_is_trimmed_to_the_margin() {
        let rate = 16_000;
        let mut x = vec![0.0; rate as usize]; // 1 s silence
        x.extend(tone(rate, 2.0, 0.3));
        x.extend(vec![0.0; rate as usize / 2]); // 0.5 s silence
        let report = clean(&mut x, rate);
        assert!((840..=860).contains(&report.trimmed_start_ms), "{report:?}");
        assert!((340..=360).contains(&report.trimmed_end_ms), "{report:?}");
        let secs = x.len() as f32 / rate as f32;
        assert!((2.29..=2.31).contains(&secs), "{secs} s kept");
    }

    #[test]
    fn a_quiet_take_is_brought_to_minus_16_lufs() {
        let rate = 48_000;
        let mut x = tone(rate, 3.0, 0.02);
        clean(&mut x, rate);
        let l = loudness(&x, rate);
        assert!((l - TARGET_LUFS).abs() < 0.5, "{l} LUFS");
    }

    #[test]
    fn a_loud_take_is_held_under_the_true_peak_ceiling() {
        let rate = 48_000;
        // A square-ish wave has a high crest factor relative to its loudness target.
        let mut x: Vec<f32> = tone(rate, 3.0, 1.0)
            .iter()
            .map(|s| s.signum() * 0.05)
            .collect();
        x.extend(tone(rate, 0.01, 0.99));
        clean(&mut x, rate);
        let peak = x.iter().fold(0.0f32, |m, s| m.max(s.abs()));
        assert!(
            20.0 * (peak as f64).log10() <= CEILING_DBTP + 0.1,
            "peak {peak}"
        );
    }

    #[test]
    fn peaky_quiet_speech_reaches_the_target_without_passing_the_ceiling() {
        let rate = 48_000;
        // Bursts with a high crest factor, like plosives in quiet speech.
        let mut x: Vec<f32> = tone(rate, 4.0, 0.01);
        for burst in 0..8 {
            let at = burst * rate as usize / 2;
            for s in &mut x[at..at + 96] {
                *s *= 40.0;
            }
        }
        clean(&mut x, rate);
        let (l, peak) = measure(&x, rate).unwrap();
        assert!((l - TARGET_LUFS).abs() < 1.0, "{l} LUFS");
        assert!(
            peak <= CEILING_DBTP - CODEC_HEADROOM_DB + 0.01,
            "{peak} dBTP"
        );
    }

    #[test]
    fn dc_offset_is_removed_and_pure_silence_is_left_alone() {
        let rate = 8_000;
        let mut x: Vec<f32> = tone(rate, 1.0, 0.3).iter().map(|s| s + 0.2).collect();
        clean(&mut x, rate);
        let mean: f32 = x.iter().sum::<f32>() / x.len() as f32;
        assert!(mean.abs() < 1e-3, "mean {mean}");
        let mut silent = vec![0.0; 8000];
        let report = clean(&mut silent, rate);
        assert_eq!(silent.len(), 8000);
        assert_eq!(report.gain_db, None);
    }
}
