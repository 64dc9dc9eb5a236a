//! Input level: RMS and peak in dBFS over 1/30 s windows, published for the UI and
//! the terminal through one atomic (never more than 30 updates a second).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

/// Silence reads as this rather than −∞.
pub const FLOOR_DBFS: f32 = -100.0;
const MIN_INTERVAL: Duration = Duration::from_millis(33);

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Level {
    pub rms_dbfs: f32,
    pub peak_dbfs: f32,
}

impl Level {
    pub const SILENT: Level = Level {
        rms_dbfs: FLOOR_DBFS,
        peak_dbfs: FLOOR_DBFS,
    };

    fn pack(self) -> u64 {
        (self.rms_dbfs.to_bits() as u64) << 32 | self.peak_dbfs.to_bits() as u64
    }

    fn unpack(bits: u64) -> Level {
        Level {
            rms_dbfs: f32::from_bits((bits >> 32) as u32),
            peak_dbfs: f32::from_bits(bits as u32),
        }
    }
}

/// The latest published level, readable from any thread.
#[derive(Debug)]
pub struct LevelCell(AtomicU64);

impl Default for LevelCell {
    fn default() -> Self {
        LevelCell(AtomicU64::new(Level::SILENT.pack()))
    }
}

impl LevelCell {
    pub fn get(&self) -> Level {
        Level::unpack(self.0.load(Ordering::Relaxed))
    }
    pub fn set(&self, level: Level) {
        self.0.store(level.pack(), Ordering::Relaxed);
    }
}

/// Accumulates samples into windows and publishes each window's level, at most 30 times
/// a second of wall-clock time (a burst of late audio does not flood the UI).
pub struct Meter {
    window: usize,
    count: usize,
    sum_sq: f64,
    peak: f32,
    last_publish: Option<Instant>,
    /// The loudest window's RMS so far.
    loudest_rms_dbfs: f32,
}

impl Meter {
    pub fn new(sample_rate: u32) -> Meter {
        Meter {
            window: (sample_rate / 30).max(1) as usize,
            count: 0,
            sum_sq: 0.0,
            peak: 0.0,
            last_publish: None,
            loudest_rms_dbfs: FLOOR_DBFS,
        }
    }

    /// The loudest 1/30 s window's RMS so far, in dBFS.
    pub fn loudest_rms_dbfs(&self) -> f32 {
        self.loudest_rms_dbfs
    }

    /// Feeds mono samples; returns a level when one was published.
    pub fn feed(&mut self, mono: &[f32], cell: &LevelCell) -> Option<Level> {
        let mut published = None;
        for &s in mono {
            self.sum_sq += (s as f64) * (s as f64);
            self.peak = self.peak.max(s.abs());
            self.count += 1;
            if self.count == self.window {
                let level = Level {
                    rms_dbfs: dbfs((self.sum_sq / self.count as f64).sqrt() as f32),
                    peak_dbfs: dbfs(self.peak),
                };
                (self.count, self.sum_sq, self.peak) = (0, 0.0, 0.0);
                self.loudest_rms_dbfs = self.loudest_rms_dbfs.max(level.rms_dbfs);
                if self
                    .last_publish
                    .is_none_or(|t| t.elapsed() >= MIN_INTERVAL)
                {
                    self.last_publish = Some(Instant::now());
                    cell.set(level);
                    published = Some(level);
                }
            }
        }
        published
    }
}

pub fn dbfs(x: f32) -> f32 {
    if x <= 0.0 {
        FLOOR_DBFS
    } else {
        (20.0 * x.log10()).max(FLOOR_DBFS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_scale_sine_reads_minus_3_rms_and_0_peak() {
        let rate = 48_000;
        let sine: Vec<f32> = (0..rate)
            .map(|i| (2.0 * std::f32::consts::PI * 440.0 * i as f32 / rate as f32).sin())
            .collect();
        let cell = LevelCell::default();
        let level = Meter::new(rate).feed(&sine, &cell).expect("a level");
        assert!((level.rms_dbfs - -3.01).abs() < 0.1, "{level:?}");
        assert!(level.peak_dbfs > -0.1, "{level:?}");
        assert_eq!(cell.get(), level);
    }

    #[test]
    fn silence_reads_as_the_floor_and_publishing_is_throttled() {
        let cell = LevelCell::default();
        let mut meter = Meter::new(48_000);
        // Ten windows arriving at once publish only once (within 33 ms of each other).
        let published = (0..10)
            .filter_map(|_| meter.feed(&[0.0; 1600], &cell))
            .count();
        assert_eq!(published, 1);
        assert_eq!(cell.get(), Level::SILENT);
    }
}
