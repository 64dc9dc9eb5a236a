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

/// What [`stream`] heard: the waveform and the length.
pub struct Heard {
    /// `bars` peak levels, 0.0 to 1.0, evenly spread over the note.
    pub peaks: Vec<f32>,
    pub duration_ms: u64,
}

/// Decodes the note at `path` in one streaming pass: its waveform (`bars` peaks over
/// the `expected_ms` it is said to last) and, when `wav` is given, the decoded audio as
/// a 16-bit WAV at the decoder's own rate, written there (whole, or not at all). No
/// more than a block of audio is in memory at once, however long the note.
pub fn stream(
    path: &Path,
    bars: usize,
    expected_ms: u64,
    wav: Option<&Path>,
) -> Result<Heard, ClipError> {
    let mut decoder = decode::open(path)?;
    let rate = decoder.info().sample_rate.max(1);
    let expected = (expected_ms * rate as u64 / 1000).max(1);
    let mut peaks = vec![0.0f32; bars];
    let mut writer = match wav {
        Some(dest) => Some((
            hound::WavWriter::create(
                part_of(dest),
                hound::WavSpec {
                    channels: 1,
                    sample_rate: rate,
                    bits_per_sample: 16,
                    sample_format: hound::SampleFormat::Int,
                },
            )
            .map_err(|e| wav_error(dest, e))?,
            dest,
        )),
        None => None,
    };
    let mut block = Vec::new();
    let mut taken = 0u64;
    loop {
        block.clear();
        let more = decoder.next_mono(&mut block)?;
        for &s in &block {
            if bars > 0 {
                let bar = ((taken * bars as u64 / expected) as usize).min(bars - 1);
                peaks[bar] = peaks[bar].max(s.abs().min(1.0));
            }
            taken += 1;
        }
        if let Some((w, dest)) = writer.as_mut() {
            for &s in &block {
                w.write_sample(super::encode::to_i16(s))
                    .map_err(|e| wav_error(dest, e))?;
            }
        }
        if !more {
            break;
        }
    }
    if let Some((w, dest)) = writer {
        w.finalize().map_err(|e| wav_error(dest, e))?;
        std::fs::rename(part_of(dest), dest).map_err(|source| ClipError::Unreadable {
            path: dest.to_path_buf(),
            source,
        })?;
    }
    Ok(Heard {
        peaks,
        duration_ms: taken * 1000 / rate as u64,
    })
}

fn part_of(dest: &Path) -> std::path::PathBuf {
    dest.with_extension("wav.part")
}

fn wav_error(dest: &Path, e: hound::Error) -> ClipError {
    let _ = std::fs::remove_file(part_of(dest));
    ClipError::Unreadable {
        path: dest.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    }
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

            // The streaming pass hears the same: the same waveform, the same length,
            // and the same WAV, written to disk.
            let wav = tmp.path().join(format!("heard-{platform}.wav"));
            let heard = stream(&path, 50, note.duration_ms, Some(&wav)).unwrap();
            assert_eq!(heard.duration_ms, p.duration_ms, "{platform}");
            assert_eq!(heard.peaks, p.peaks, "{platform}");
            assert_eq!(std::fs::read(&wav).unwrap(), p.wav, "{platform}");
            assert!(!part_of(&wav).exists());
        }
    }
}
