//! Streaming sample-rate conversion (rubato's FFT resampler, fixed ratio).
//!
//! Samples go in block by block as they are decoded (or captured) and come out at the
//! encoder's rate; `finish` flushes so that the output is exactly
//! `round(input × ratio)` samples long and aligned with the input (the resampler's
//! delay is trimmed off the front).

use rubato::audioadapter_buffers::direct::InterleavedSlice;
use rubato::{Fft, FixedSync, Indexing, Resampler as _};

use super::error::ClipError;

const CHUNK: usize = 1024;

pub struct Resampler {
    /// `None` when the rates are equal: samples pass straight through.
    fft: Option<Fft<f32>>,
    pending: Vec<f32>,
    chunk_out: Vec<f32>,
    /// Output samples still to drop for the resampler's delay.
    to_trim: usize,
    ratio: f64,
    in_total: u64,
    out_total: u64,
}

fn failed(e: impl std::fmt::Display) -> ClipError {
    ClipError::Encode {
        detail: format!("resampling failed ({e})"),
    }
}

impl Resampler {
    pub fn new(from: u32, to: u32) -> Result<Self, ClipError> {
        let fft = if from == to {
            None
        } else {
            Some(
                Fft::<f32>::new(from as usize, to as usize, CHUNK, 1, FixedSync::Input)
                    .map_err(failed)?,
            )
        };
        let (to_trim, out_max) = fft
            .as_ref()
            .map_or((0, 0), |f| (f.output_delay(), f.output_frames_max()));
        Ok(Resampler {
            fft,
            pending: Vec::with_capacity(CHUNK * 2),
            chunk_out: vec![0.0; out_max],
            to_trim,
            ratio: to as f64 / from as f64,
            in_total: 0,
            out_total: 0,
        })
    }

    /// Resamples `input` and appends what is ready to `out`.
    pub fn push(&mut self, input: &[f32], out: &mut Vec<f32>) -> Result<(), ClipError> {
        self.in_total += input.len() as u64;
        let Some(fft) = self.fft.as_mut() else {
            out.extend_from_slice(input);
            self.out_total += input.len() as u64;
            return Ok(());
        };
        self.pending.extend_from_slice(input);
        let mut start = 0;
        while self.pending.len() - start >= fft.input_frames_next() {
            let n = fft.input_frames_next();
            let (used, made) = run(
                fft,
                &self.pending[start..start + n],
                &mut self.chunk_out,
                None,
            )?;
            start += used;
            emit(
                &self.chunk_out[..made],
                &mut self.to_trim,
                &mut self.out_total,
                out,
            );
        }
        self.pending.drain(..start);
        Ok(())
    }

    /// Flushes the tail: afterwards `out` has received exactly `round(input × ratio)`
    /// samples in all.
    pub fn finish(&mut self, out: &mut Vec<f32>) -> Result<(), ClipError> {
        let expected = (self.in_total as f64 * self.ratio).round() as u64;
        let Some(fft) = self.fft.as_mut() else {
            return Ok(());
        };
        let mut pending = std::mem::take(&mut self.pending);
        let mut first = true;
        while self.out_total < expected {
            let partial = if first { pending.len() } else { 0 };
            let mut input = vec![0.0; fft.input_frames_next()];
            input[..partial].copy_from_slice(&pending[..partial]);
            let (_, made) = run(fft, &input, &mut self.chunk_out, Some(partial))?;
            emit(
                &self.chunk_out[..made],
                &mut self.to_trim,
                &mut self.out_total,
                out,
            );
            first = false;
            pending.clear();
        }
        let excess = self.out_total - expected;
        out.truncate(out.len() - excess as usize);
        self.out_total = expected;
        Ok(())
    }
}

fn run(
    fft: &mut Fft<f32>,
    input: &[f32],
    chunk_out: &mut [f32],
    partial: Option<usize>,
) -> Result<(usize, usize), ClipError> {
    let frames_in = input.len();
    let frames_out = chunk_out.len();
    let inp = InterleavedSlice::new(input, 1, frames_in).map_err(failed)?;
    let mut outp = InterleavedSlice::new_mut(chunk_out, 1, frames_out).map_err(failed)?;
    let indexing = Indexing {
        input_offset: 0,
        output_offset: 0,
        active_channels_mask: None,
        partial_len: partial,
    };
    fft.process_into_buffer(&inp, &mut outp, Some(&indexing))
        .map_err(failed)
}

fn emit(made: &[f32], to_trim: &mut usize, out_total: &mut u64, out: &mut Vec<f32>) {
    let skip = (*to_trim).min(made.len());
    *to_trim -= skip;
    out.extend_from_slice(&made[skip..]);
    *out_total += (made.len() - skip) as u64;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(rate: u32, hz: f32, secs: f32) -> Vec<f32> {
        (0..(rate as f32 * secs) as usize)
            .map(|i| 0.5 * (2.0 * std::f32::consts::PI * hz * i as f32 / rate as f32).sin())
            .collect()
    }

    fn zero_crossings_hz(x: &[f32], rate: u32) -> f32 {
        let crossings = x.windows(2).filter(|w| w[0] < 0.0 && w[1] >= 0.0).count();
        crossings as f32 * rate as f32 / x.len() as f32
    }

    #[test]
    fn output_length_is_exact_and_the_tone_keeps_its_pitch() {
        for (from, to) in [
            (44_100, 48_000),
            (8_000, 48_000),
            (96_000, 48_000),
            (48_000, 8_000),
        ] {
            let input = tone(from, 440.0, 1.37);
            let mut r = Resampler::new(from, to).unwrap();
            let mut out = Vec::new();
            // Odd block sizes, as a decoder would hand them over.
            for block in input.chunks(777) {
                r.push(block, &mut out).unwrap();
            }
            r.finish(&mut out).unwrap();
            let expected = (input.len() as f64 * to as f64 / from as f64).round() as usize;
            assert_eq!(out.len(), expected, "{from} → {to}");
            let hz = zero_crossings_hz(&out, to);
            assert!((hz - 440.0).abs() < 4.4, "{from} → {to}: {hz} Hz");
            // Aligned: the tone starts at the start, not after a delay of silence.
            assert!(
                out[..(to as usize / 100)].iter().any(|s| s.abs() > 0.2),
                "{from} → {to}"
            );
        }
    }

    #[test]
    fn equal_rates_pass_samples_through_unchanged() {
        let input = tone(48_000, 440.0, 0.1);
        let mut r = Resampler::new(48_000, 48_000).unwrap();
        let mut out = Vec::new();
        r.push(&input, &mut out).unwrap();
        r.finish(&mut out).unwrap();
        assert_eq!(out, input);
    }
}
