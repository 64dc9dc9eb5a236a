//! Hostile audio: files built to break a decoder (NaN and infinite samples, absurd
//! channel counts and block sizes, headers that lie), and every fuzz finding kept in
//! `tests/fuzz-findings/`, go through the import path. Each gives a note or a clear
//! error, and nothing panics, not even a panic that is caught.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use hark_core::UserError;
use hark_core::audio::convert::{ConvertOptions, convert};
use hark_core::audio::decode;
use hark_core::platform::Platform;

static PANICS: AtomicUsize = AtomicUsize::new(0);

/// Counts every panic, caught or not (the hook runs before any unwinding).
fn count_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.fetch_add(1, Ordering::SeqCst);
            default(info);
        }));
    });
}

/// A WAV with a 16-byte `fmt ` chunk as given and `data` as given.
fn wav(tag: u16, channels: u16, rate: u32, align: u16, bits: u16, data: &[u8]) -> Vec<u8> {
    let mut body = b"WAVEfmt \x10\x00\x00\x00".to_vec();
    body.extend_from_slice(&tag.to_le_bytes());
    body.extend_from_slice(&channels.to_le_bytes());
    body.extend_from_slice(&rate.to_le_bytes());
    body.extend_from_slice(&rate.wrapping_mul(align as u32).to_le_bytes());
    body.extend_from_slice(&align.to_le_bytes());
    body.extend_from_slice(&bits.to_le_bytes());
    body.extend_from_slice(b"data");
    body.extend_from_slice(&(data.len() as u32).to_le_bytes());
    body.extend_from_slice(data);
    let mut file = b"RIFF".to_vec();
    file.extend_from_slice(&(body.len() as u32).to_le_bytes());
    file.extend_from_slice(&body);
    file
}

/// One second of a 440 Hz float tone at 16 kHz, with `damage` written at sample 100.
fn float_tone(damage: f32) -> Vec<u8> {
    let mut data = Vec::new();
    for i in 0..16_000 {
        let s = if i == 100 {
            damage
        } else {
            0.3 * (i as f32 * 440.0 * std::f32::consts::TAU / 16_000.0).sin()
        };
        data.extend_from_slice(&s.to_le_bytes());
    }
    wav(3, 1, 16_000, 4, 32, &data)
}

const PLATFORMS: [Platform; 3] = [Platform::Telegram, Platform::Messenger, Platform::Wechat];

/// Converts `bytes` for every platform; returns the error codes (`ok` for a note).
fn import(dir: &Path, name: &str, bytes: &[u8]) -> Vec<&'static str> {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    PLATFORMS
        .iter()
        .map(|p| {
            let options = ConvertOptions {
                clean: true,
                trim_to_limit: true,
            };
            match convert(&path, *p, options) {
                Ok(note) => {
                    assert!(note.size > 0, "{name}: an empty note");
                    "ok"
                }
                Err(e) => e.code(),
            }
        })
        .collect()
}

#[test]
fn damaged_samples_become_silence_and_the_note_is_made() {
    count_panics();
    let tmp = tempfile::tempdir().unwrap();
    for (name, damage) in [
        ("nan.wav", f32::NAN),
        ("inf.wav", f32::INFINITY),
        ("minus-inf.wav", f32::NEG_INFINITY),
        ("huge.wav", 1e30),
    ] {
        let codes = import(tmp.path(), name, &float_tone(damage));
        assert_eq!(codes, ["ok", "ok", "ok"], "{name}");
        // The decoded audio holds only finite samples within range.
        let (_, samples) = decode::decode_all(&tmp.path().join(name)).unwrap();
        assert!(
            samples.iter().all(|s| s.is_finite() && s.abs() <= 16.0),
            "{name}"
        );
    }
    assert_eq!(PANICS.load(Ordering::SeqCst), 0);
}

#[test]
fn absurd_headers_are_refused_as_damaged_before_anything_is_allocated() {
    count_panics();
    let tmp = tempfile::tempdir().unwrap();
    let silence = vec![0u8; 4096];
    for (name, bytes) in [
        (
            "65534-channels.wav",
            wav(1, 65_534, 16_000, 4, 16, &silence),
        ),
        (
            "65535-channels.wav",
            wav(1, 65_535, 16_000, 2, 16, &silence),
        ),
        ("no-channels.wav", wav(1, 0, 16_000, 2, 16, &silence)),
        ("zero-block.wav", wav(1, 1, 16_000, 0, 16, &silence)),
        ("zero-bits.wav", wav(1, 1, 16_000, 2, 0, &silence)),
        ("zero-rate.wav", wav(1, 1, 0, 2, 16, &silence)),
        (
            "float-channels.wav",
            wav(3, 40_000, 16_000, 0, 32, &silence),
        ),
    ] {
        let codes = import(tmp.path(), name, &bytes);
        assert_eq!(codes, ["corrupt_audio"; 3], "{name}");
    }
    assert_eq!(PANICS.load(Ordering::SeqCst), 0);
}

#[test]
fn every_fuzz_finding_gives_a_note_or_an_error() {
    count_panics();
    let tmp = tempfile::tempdir().unwrap();
    let findings = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-findings");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&findings).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let Some((&choice, file)) = bytes.split_first() else {
            continue;
        };
        // As the fuzz target reads it.
        let platform = PLATFORMS[(choice & 0x7f) as usize % PLATFORMS.len()];
        let scratch = tmp.path().join("finding");
        std::fs::write(&scratch, file).unwrap();
        let options = ConvertOptions {
            clean: choice & 0x80 != 0,
            trim_to_limit: true,
        };
        let _ = convert(&scratch, platform, options);
        replayed += 1;
    }
    eprintln!("{replayed} fuzz findings replayed");
    assert_eq!(PANICS.load(Ordering::SeqCst), 0);
}
