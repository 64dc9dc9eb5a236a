//! Signals and measurements shared by the audio unit tests.

/// A 440 Hz sine of `secs` seconds at `rate`, peak `amp`.
pub fn tone(rate: u32, secs: f32, amp: f32) -> Vec<f32> {
    (0..(rate as f32 * secs) as usize)
        .map(|i| amp * (2.0 * std::f32::consts::PI * 440.0 * i as f32 / rate as f32).sin())
        .collect()
}

/// Integrated loudness in LUFS (EBU R128).
pub fn lufs(x: &[f32], rate: u32) -> f64 {
    let mut m = ebur128::EbuR128::new(1, rate, ebur128::Mode::I).unwrap();
    m.add_frames_f32(x).unwrap();
    m.loudness_global().unwrap()
}
