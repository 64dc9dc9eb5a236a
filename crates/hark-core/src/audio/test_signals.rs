//! Signals and measurements shared by the audio unit tests.

/// A 440 Hz sine of `secs` seconds at `rate`, peak `amp`.
pub fn tone(rate: u32, secs: f32, amp: f32) -> Vec<f32> {
    (0..(rate as f32 * secs) as usize)
        .map(|i| amp * (2.0 * std::f32::consts::PI * 440.0 * i as f32 / rate as f32).sin())
        .collect()
}

/// Integrated loudness in LUFS (EBU R128).
/// Writes a 440 Hz tone of `secs` at `rate` as a 16-bit WAV file at `path`.
pub fn tone_wav(path: &std::path::Path, rate: u32, secs: f32) {
    use crate::audio::encode::{Encode, WavEncoder};
    let mut wav = WavEncoder::new(rate).unwrap();
    wav.push(&tone(rate, secs, 0.4)).unwrap();
    std::fs::write(path, wav.finish().unwrap()).unwrap();
}

pub fn lufs(x: &[f32], rate: u32) -> f64 {
    let mut m = ebur128::EbuR128::new(1, rate, ebur128::Mode::I).unwrap();
    m.add_frames_f32(x).unwrap();
    m.loudness_global().unwrap()
}
