//! Cleanup that works while the agent speaks, so that a cleaned take is still ready
//! the moment they stop (the offline `audio::cleanup` needs the whole take first).
//!
//! - DC offset: a one-pole high-pass at 20 Hz.
//! - Silence: before the first sound only the last 150 ms are kept; a silent stretch
//!   is held back (not encoded) until sound resumes, so pauses inside the note stay,
//!   and at stop only 150 ms of it is kept. Silence is quieter than −60 dBFS, or 40 dB
//!   under the loudest 10 ms so far.
//! - Loudness: a gain towards −16 LUFS from the integrated loudness so far (EBU R128),
//!   with a second of look-ahead so the first words are already levelled, moving at
//!   most 12 dB a second; then a look-ahead peak limiter keeps peaks under the ceiling
//!   (with the codec headroom of `audio::cleanup`). A second meter on the output
//!   measures what the limiter takes away, and the gain makes up for it.
//!
//! At stop only the held-back second is processed: milliseconds.

use std::collections::VecDeque;

use crate::audio::cleanup::{
    CEILING_DBTP, CODEC_HEADROOM_DB, CleanupReport, MARGIN_MS, TARGET_LUFS,
};

const WINDOW_MS: u32 = 10;
const LOOKAHEAD_MS: u32 = 1000;
const ABS_SILENCE_DBFS: f64 = -60.0;
const MAX_GAIN_DB: f64 = 36.0;
const MIN_GAIN_DB: f64 = -12.0;
const SLEW_DB_PER_SEC: f64 = 12.0;
/// Held-back silence beyond this is let through (bounded memory for long pauses).
const MAX_HELD_SILENCE_SECS: u32 = 30;

pub struct LiveCleanup {
    rate: u32,
    window: usize,
    // DC blocker state.
    dc_x: f32,
    dc_y: f32,
    dc_r: f32,
    // Silence gate.
    partial: Vec<f32>,
    loudest_db: f64,
    started: bool,
    preroll: VecDeque<f32>,
    held_silence: Vec<f32>,
    trimmed_start: u64,
    // Leveler and limiter (work on the gated stream, with look-ahead).
    meter: ebur128::EbuR128,
    /// The output's loudness, to see what the limiter took away.
    out_meter: ebur128::EbuR128,
    /// Gain applied so far, averaged over what was released (dB × samples).
    applied: f64,
    released: u64,
    lookahead: VecDeque<f32>,
    gain_db: f64,
    limiter: Limiter,
}

impl LiveCleanup {
    pub fn new(rate: u32) -> LiveCleanup {
        let window = (rate * WINDOW_MS / 1000).max(1) as usize;
        LiveCleanup {
            rate,
            window,
            dc_x: 0.0,
            dc_y: 0.0,
            dc_r: 1.0 - 2.0 * std::f32::consts::PI * 20.0 / rate as f32,
            partial: Vec::with_capacity(window),
            loudest_db: f64::NEG_INFINITY,
            started: false,
            preroll: VecDeque::new(),
            held_silence: Vec::new(),
            trimmed_start: 0,
            meter: ebur128::EbuR128::new(1, rate, ebur128::Mode::I).expect("a valid meter"),
            out_meter: ebur128::EbuR128::new(1, rate, ebur128::Mode::I).expect("a valid meter"),
            applied: 0.0,
            released: 0,
            lookahead: VecDeque::new(),
            gain_db: 0.0,
            limiter: Limiter::new(rate),
        }
    }

    /// Cleans `mono` and appends what is ready to be encoded to `out`.
    pub fn push(&mut self, mono: &[f32], out: &mut Vec<f32>) {
        for &x in mono {
            // DC blocker: y = x − x₋₁ + r·y₋₁
            let y = x - self.dc_x + self.dc_r * self.dc_y;
            self.dc_x = x;
            self.dc_y = y;
            self.partial.push(y);
            if self.partial.len() == self.window {
                let window = std::mem::take(&mut self.partial);
                self.gate(&window, out);
                self.partial = window;
                self.partial.clear();
            }
        }
    }

    /// At stop: what is held back, with at most 150 ms of trailing silence.
    pub fn finish(&mut self, out: &mut Vec<f32>) -> CleanupReport {
        // The last, partial window: sound unless the take was already ending in silence.
        let partial = std::mem::take(&mut self.partial);
        if !self.started {
            // Nothing but silence was heard: only the pre-roll margin is left of it.
            let preroll: Vec<f32> = self.preroll.drain(..).collect();
            out.extend_from_slice(&preroll);
            return CleanupReport {
                trimmed_start_ms: self.ms(self.trimmed_start + partial.len() as u64),
                trimmed_end_ms: 0,
                gain_db: None,
            };
        }
        let mut silence = std::mem::take(&mut self.held_silence);
        let trailing_silence = !silence.is_empty();
        if trailing_silence {
            silence.extend_from_slice(&partial);
        } else {
            self.level(&partial, out);
        }
        let keep = self.margin().min(silence.len());
        self.level(&silence[..keep], out);
        self.flush_level(out);
        CleanupReport {
            trimmed_start_ms: self.ms(self.trimmed_start),
            trimmed_end_ms: self.ms((silence.len() - keep) as u64),
            gain_db: Some(self.gain_db),
        }
    }

    fn ms(&self, samples: u64) -> u32 {
        (samples * 1000 / self.rate as u64) as u32
    }

    fn margin(&self) -> usize {
        (self.rate * MARGIN_MS / 1000) as usize
    }

    fn gate(&mut self, window: &[f32], out: &mut Vec<f32>) {
        let ms = window.iter().map(|&s| (s as f64).powi(2)).sum::<f64>() / window.len() as f64;
        let db = 10.0 * ms.max(1e-20).log10();
        self.loudest_db = self.loudest_db.max(db);
        let sound = db > ABS_SILENCE_DBFS.max(self.loudest_db - 40.0);
        if !self.started {
            if !sound {
                self.preroll.extend(window);
                let margin = self.margin();
                while self.preroll.len() > margin {
                    self.preroll.pop_front();
                    self.trimmed_start += 1;
                }
                return;
            }
            self.started = true;
            let preroll: Vec<f32> = self.preroll.drain(..).collect();
            self.level(&preroll, out);
        }
        if sound {
            let held = std::mem::take(&mut self.held_silence);
            self.level(&held, out);
            self.held_silence = held;
            self.held_silence.clear();
            self.level(window, out);
        } else {
            self.held_silence.extend_from_slice(window);
            let cap = (self.rate * MAX_HELD_SILENCE_SECS) as usize;
            if self.held_silence.len() > cap {
                let over: Vec<f32> = self.held_silence.drain(..self.window).collect();
                self.level(&over, out);
            }
        }
    }

    /// Feeds the leveler's look-ahead; releases what has had its half second.
    fn level(&mut self, samples: &[f32], out: &mut Vec<f32>) {
        if samples.is_empty() {
            return;
        }
        let _ = self.meter.add_frames_f32(samples);
        self.lookahead.extend(samples);
        let keep = (self.rate * LOOKAHEAD_MS / 1000) as usize;
        let ready = self.lookahead.len().saturating_sub(keep);
        self.release(ready, out);
    }

    fn flush_level(&mut self, out: &mut Vec<f32>) {
        let all = self.lookahead.len();
        self.release(all, out);
        let start = out.len();
        self.limiter.flush(out);
        let _ = self.out_meter.add_frames_f32(&out[start..]);
    }

    fn release(&mut self, n: usize, out: &mut Vec<f32>) {
        if n == 0 {
            return;
        }
        // What the limiter has taken away so far: the output is quieter than the input
        // plus the gain by that much, so aim higher by as much.
        let limiter_loss = match (
            self.meter.loudness_global(),
            self.out_meter.loudness_global(),
        ) {
            (Ok(l_in), Ok(l_out)) if l_in.is_finite() && l_out.is_finite() && self.released > 0 => {
                (l_in + self.applied / self.released as f64 - l_out).clamp(0.0, 6.0)
            }
            _ => 0.0,
        };
        let target = match self.meter.loudness_global() {
            Ok(l) if l.is_finite() => {
                (TARGET_LUFS - l + limiter_loss).clamp(MIN_GAIN_DB, MAX_GAIN_DB)
            }
            _ => self.gain_db,
        };
        // The first estimate is taken as it is; after that the gain moves smoothly.
        let step = SLEW_DB_PER_SEC * n as f64 / self.rate as f64;
        self.gain_db = if self.limiter.fresh {
            target
        } else {
            self.gain_db + (target - self.gain_db).clamp(-step, step)
        };
        self.applied += self.gain_db * n as f64;
        self.released += n as u64;
        let gain = 10f64.powf(self.gain_db / 20.0) as f32;
        let block: Vec<f32> = self.lookahead.drain(..n).map(|s| s * gain).collect();
        let start = out.len();
        self.limiter.push(&block, out);
        let _ = self.out_meter.add_frames_f32(&out[start..]);
    }
}

/// A look-ahead peak limiter for a stream: 5 ms of delay, gain ramps down before a
/// peak and back up over 80 ms after it.
struct Limiter {
    ceiling: f32,
    delay: VecDeque<f32>,
    needed: VecDeque<f32>,
    len: usize,
    gain: f32,
    attack: f32,
    release: f32,
    fresh: bool,
}

impl Limiter {
    fn new(rate: u32) -> Limiter {
        let len = (rate / 200).max(1) as usize;
        Limiter {
            // Sample-peak ceiling, under the true-peak ceiling to allow for the codec.
            ceiling: 10f32.powf(((CEILING_DBTP - CODEC_HEADROOM_DB - 0.5) / 20.0) as f32),
            delay: VecDeque::with_capacity(len + 1),
            needed: VecDeque::with_capacity(len + 1),
            len,
            gain: 1.0,
            attack: 1.0 / len as f32,
            release: 1.0 / (rate as f32 * 0.080),
            fresh: true,
        }
    }

    fn push(&mut self, samples: &[f32], out: &mut Vec<f32>) {
        self.fresh = false;
        for &x in samples {
            let need = if x.abs() > self.ceiling {
                self.ceiling / x.abs()
            } else {
                1.0
            };
            self.delay.push_back(x);
            self.needed.push_back(need);
            if self.delay.len() > self.len {
                self.emit_one(out);
            }
        }
    }

    fn emit_one(&mut self, out: &mut Vec<f32>) {
        // The lowest gain needed anywhere in the look-ahead window, approached linearly.
        let want = self.needed.iter().cloned().fold(1.0f32, f32::min);
        self.gain = if want < self.gain {
            (self.gain - self.attack).max(want)
        } else {
            (self.gain + self.release).min(want)
        };
        let x = self.delay.pop_front().expect("a sample");
        let need = self.needed.pop_front().expect("a gain");
        out.push(x * self.gain.min(need));
    }

    fn flush(&mut self, out: &mut Vec<f32>) {
        while !self.delay.is_empty() {
            self.emit_one(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::test_signals::{lufs, tone};

    fn run(input: &[f32], rate: u32, block: usize) -> (Vec<f32>, CleanupReport) {
        let mut c = LiveCleanup::new(rate);
        let mut out = Vec::new();
        for chunk in input.chunks(block) {
            c.push(chunk, &mut out);
        }
        let report = c.finish(&mut out);
        (out, report)
    }

    #[test]
    fn silence_around_a_quiet_take_is_trimmed_and_it_is_levelled() {
        let rate = 16_000;
        let mut x = vec![0.0; rate as usize];
        x.extend(tone(rate, 3.0, 0.01));
        x.extend(vec![0.0; rate as usize]);
        let (out, report) = run(&x, rate, 333);
        assert!((830..=870).contains(&report.trimmed_start_ms), "{report:?}");
        assert!((830..=870).contains(&report.trimmed_end_ms), "{report:?}");
        let secs = out.len() as f64 / rate as f64;
        assert!((3.25..3.35).contains(&secs), "{secs} s kept");
        let l = lufs(&out, rate);
        assert!((l - TARGET_LUFS).abs() < 1.5, "{l} LUFS");
    }

    #[test]
    fn a_pause_inside_the_note_is_kept() {
        let rate = 16_000;
        let mut x = tone(rate, 1.0, 0.2);
        x.extend(vec![0.0; rate as usize * 2]);
        x.extend(tone(rate, 1.0, 0.2));
        let (out, _) = run(&x, rate, 160);
        let secs = out.len() as f64 / rate as f64;
        assert!(
            (3.95..=4.2).contains(&secs),
            "the 2 s pause stays: {secs} s"
        );
    }

    #[test]
    fn peaks_stay_under_the_ceiling() {
        let rate = 48_000;
        let mut x = tone(rate, 2.0, 0.05);
        for burst in 0..4 {
            let at = rate as usize / 4 + burst * rate as usize / 3;
            for s in &mut x[at..at + 48] {
                *s *= 19.0;
            }
        }
        let (out, _) = run(&x, rate, 480);
        let peak = out.iter().fold(0.0f32, |m, s| m.max(s.abs()));
        let ceiling = 10f32.powf(((CEILING_DBTP - CODEC_HEADROOM_DB - 0.5) / 20.0) as f32);
        assert!(peak <= ceiling + 1e-4, "peak {peak} over {ceiling}");
    }

    #[test]
    fn a_take_of_pure_silence_leaves_only_the_margin() {
        let (out, report) = run(&vec![0.0; 8_000], 8_000, 100);
        assert_eq!(out.len(), 1_200, "the 150 ms pre-roll: {}", out.len());
        assert_eq!(report.gain_db, None);
        assert_eq!(report.trimmed_start_ms, 850);
    }
}
