//! What the customer will hear: the encoded note decoded back by the same decoders
//! that read any file (libopus, opencore-amrnb, symphonia's AAC), as a 16-bit WAV that
//! any player (the app's webview included) plays, and the waveform drawn from it.

use std::path::Path;

use super::decode;
use super::encode::{Encode, WavEncoder};
use super::error::ClipError;

/// A note made audible.
pub struct Preview {
    /// The decoded note, as WAV.
    pub wav: Vec<u8>,
    /// `bars` peak levels, 0.0 to 1.0, evenly spread over the note.
    pub peaks: Vec<f32>,
    pub duration_ms: u64,
}

/// Decodes the note at `path` (any format Hark reads) for listening and drawing.
pub fn preview(path: &Path, bars: usize) -> Result<Preview, ClipError> {
    let (info, samples) = decode::decode_all(path)?;
    let mut wav = WavEncoder::new(info.sample_rate)?;
    wav.push(&samples)?;
    Ok(Preview {
        wav: wav.finish()?,
        peaks: peaks(&samples, bars),
        duration_ms: (samples.len() as u64 * 1000) / info.sample_rate.max(1) as u64,
    })
}

/// The loudest absolute sample of each of `bars` equal slices.
pub fn peaks(samples: &[f32], bars: usize) -> Vec<f32> {
    if bars == 0 {
        return Vec::new();
    }
    if samples.is_empty() {
        return vec![0.0; bars];
    }
    (0..bars)
        .map(|i| {
            let start = i * samples.len() / bars;
            let end = ((i + 1) * samples.len() / bars)
                .max(start + 1)
                .min(samples.len());
            samples[start..end]
                .iter()
                .fold(0.0f32, |m, s| m.max(s.abs()))
                .min(1.0)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::convert::{ConvertOptions, encode_samples};
    use crate::platform::Platform;

    #[test]
    fn peaks_follow_the_signal_and_fill_every_bar() {
        let mut s = vec![0.0f32; 1000];
        s[10] = 0.5;
        s[990] = -0.9;
        let p = peaks(&s, 10);
        assert_eq!(p.len(), 10);
        assert_eq!(p[0], 0.5);
        assert_eq!(p[9], 0.9);
        assert!(p[1..9].iter().all(|&v| v == 0.0));
        assert_eq!(peaks(&[], 4), vec![0.0; 4]);
        assert_eq!(peaks(&[0.2; 3], 8).len(), 8, "more bars than samples");
    }

    #[test]
    fn an_encoded_note_decodes_to_a_wav_of_its_length() {
        let tmp = tempfile::tempdir().unwrap();
        let tone = crate::audio::test_signals::tone(48_000, 1.5, 0.5);
        for platform in [Platform::Wechat, Platform::Whatsapp, Platform::Messenger] {
            let note = encode_samples(&tone, 48_000, platform, ConvertOptions::default()).unwrap();
            let bytes = note.bytes;
            let path = tmp.path().join(format!("note-{platform}"));
            std::fs::write(&path, &bytes).unwrap();
            let p = preview(&path, 50).unwrap();
            assert!(
                (p.duration_ms as i64 - 1500).abs() <= 25,
                "{platform}: {}",
                p.duration_ms
            );
            assert!(p.wav.starts_with(b"RIFF"));
            assert!(
                p.peaks.iter().all(|&v| v > 0.3),
                "{platform}: {:?}",
                p.peaks
            );
        }
    }
}
