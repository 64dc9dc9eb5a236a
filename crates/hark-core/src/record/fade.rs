//! Click-free pause and resume: the newest 5 ms are held back, so that at a pause they
//! can be faded out before they reach the encoder, and a resume fades in.

/// Holds back a short tail and applies fades at the joins.
pub struct Fade {
    len: usize,
    tail: Vec<f32>,
    fading_in: usize,
}

impl Fade {
    pub fn new(sample_rate: u32) -> Fade {
        let len = (sample_rate / 200).max(1) as usize; // 5 ms
        Fade {
            len,
            tail: Vec::with_capacity(len * 2),
            fading_in: 0,
        }
    }

    /// Takes new samples and appends all but the newest 5 ms to `out`.
    pub fn push(&mut self, samples: &[f32], out: &mut Vec<f32>) {
        let mut at = self.tail.len();
        self.tail.extend_from_slice(samples);
        // Fade in from the first sample after a resume, across as many pushes as it takes.
        while self.fading_in > 0 && at < self.tail.len() {
            let step = self.len - self.fading_in;
            self.tail[at] *= step as f32 / self.len as f32;
            self.fading_in -= 1;
            at += 1;
        }
        if self.tail.len() > self.len {
            let ready = self.tail.len() - self.len;
            out.extend(self.tail.drain(..ready));
        }
    }

    /// At a pause or the end: fades out what is held back and appends it to `out`.
    pub fn fade_out(&mut self, out: &mut Vec<f32>) {
        let n = self.tail.len();
        out.extend(
            self.tail
                .drain(..)
                .enumerate()
                .map(|(i, s)| s * (n - i) as f32 / n as f32),
        );
    }

    /// After a resume: the next 5 ms are faded in.
    pub fn fade_in_next(&mut self) {
        self.fading_in = self.len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_comes_out_once_and_the_joins_are_faded() {
        let mut fade = Fade::new(8_000); // 40-sample fades
        let mut out = Vec::new();
        fade.push(&[1.0; 100], &mut out);
        assert_eq!(out.len(), 60, "the newest 5 ms are held back");
        fade.fade_out(&mut out);
        assert_eq!(out.len(), 100);
        assert!(out[99] < 0.05 && out[60] > 0.95, "faded out to silence");
        fade.fade_in_next();
        fade.push(&[1.0; 100], &mut out);
        fade.fade_out(&mut out);
        assert_eq!(out.len(), 200);
        assert!(out[100] < 0.05, "fades in from silence: {}", out[100]);
        assert!((out[140] - 1.0).abs() < 1e-6, "full level after 5 ms");
        // No jump anywhere bigger than one fade step.
        let jump = out
            .windows(2)
            .map(|w| (w[1] - w[0]).abs())
            .fold(0.0f32, f32::max);
        assert!(jump <= 1.0 / 40.0 + 1e-6, "largest step {jump}");
    }

    #[test]
    fn a_fade_in_spread_over_small_pushes_is_one_smooth_ramp() {
        let mut fade = Fade::new(8_000);
        let mut out = Vec::new();
        fade.fade_in_next();
        for _ in 0..20 {
            fade.push(&[1.0; 7], &mut out);
        }
        fade.fade_out(&mut out);
        for (i, s) in out.iter().take(40).enumerate() {
            assert!((s - i as f32 / 40.0).abs() < 1e-6, "sample {i}: {s}");
        }
        assert!((out[40] - 1.0).abs() < 1e-6);
    }
}
