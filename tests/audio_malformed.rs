//! A corpus of broken files: every one gets a clear error with a remedy and a stable
//! code, and nothing crashes or hangs (`rig::bins::hark` fails the test on a signal or
//! a time-out). `hark convert` writes nothing for any of them.

use std::path::{Path, PathBuf};

use rig::bins::hark;
use rig::media::{self, Scratch};
use serde_json::Value;

/// Valid files to break: 3 s of tone in each format.
fn originals(dir: &Scratch) -> Vec<(&'static str, PathBuf)> {
    let wav = dir.path("tone.wav");
    media::sox_tone(&wav, 44_100, 2, 3.0, 440.0, &["-b", "16"]);
    let mut files = vec![("wav", wav.clone())];
    let made: [(&str, &str, &[&str]); 7] = [
        ("mp3", "tone.mp3", &["-c:a", "libmp3lame"]),
        ("m4a", "tone.m4a", &["-c:a", "aac"]),
        ("aac", "tone.aac", &["-c:a", "aac", "-f", "adts"]),
        ("ogg-vorbis", "tone.ogg", &["-c:a", "libvorbis"]),
        ("ogg-opus", "tone.opus", &["-c:a", "libopus", "-ac", "1"]),
        ("webm", "tone.webm", &["-c:a", "libopus"]),
        ("flac", "tone.flac", &["-c:a", "flac"]),
    ];
    for (label, name, args) in made {
        let p = dir.path(name);
        media::ffmpeg(&wav, args, &p);
        files.push((label, p));
    }
    let amr = dir.path("tone.amr");
    media::sox_tone(&amr, 8_000, 1, 3.0, 440.0, &["-t", "amr-nb", "-C", "7"]);
    files.push(("amr", amr));
    files
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `hark inspect --json`: Ok(file facts) or Err(error object), after checking the
/// error's shape and that `convert` refuses it too without writing anything.
fn inspect(path: &Path) -> Result<Value, Value> {
    let run = hark(&["inspect", s(path), "--json"]);
    let v: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|_| panic!("{}: not JSON: {}{}", path.display(), run.stdout, run.stderr));
    if run.code == 0 {
        return Ok(v["file"].clone());
    }
    assert_eq!(run.code, 4, "{}: unusable input exits 4", path.display());
    let err = v["error"].clone();
    for field in ["code", "message", "remedy"] {
        assert!(
            err[field].as_str().is_some_and(|t| !t.is_empty()),
            "{}: error has a {field}: {err}",
            path.display()
        );
    }
    let out = path.with_extension("converted");
    let conv = hark(&["convert", s(path), "--for", "whatsapp", "-o", s(&out)]);
    assert_eq!(conv.code, 4, "{}: convert refuses too", path.display());
    assert!(conv.stderr.contains("What to do:"), "{}", conv.stderr);
    assert!(!out.exists(), "{}: nothing written", path.display());
    Err(err)
}

fn code(result: &Result<Value, Value>) -> &str {
    match result {
        Ok(_) => "ok",
        Err(e) => e["code"].as_str().unwrap(),
    }
}

fn write(dir: &Scratch, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.path(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn files_that_are_not_audio_are_named() {
    let dir = Scratch::new();
    let mut noise = Vec::with_capacity(4096);
    let mut x: u32 = 0x1234_5678;
    for _ in 0..4096 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        noise.push((x >> 24) as u8);
    }
    let cases: [(&str, &[u8], &str); 5] = [
        ("empty.wav", b"", "an empty file"),
        ("noise.mp3", &noise, "not an audio file Hark recognises"),
        (
            "image.ogg",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
            "a PNG image",
        ),
        (
            "notes.m4a",
            b"Call the customer back on Monday.\n",
            "a text file",
        ),
        (
            "movie.wav",
            b"RIFF\x10\0\0\0AVI LIST\0\0\0\0",
            "an AVI video",
        ),
    ];
    for (name, bytes, named) in cases {
        let err = inspect(&write(&dir, name, bytes)).unwrap_err();
        assert_eq!(err["code"], "unsupported_audio", "{name}");
        assert!(
            err["message"].as_str().unwrap().contains(named),
            "{name}: {err}"
        );
    }
}

#[test]
fn truncated_files_are_corrupt_where_the_format_says_how_long_it_is() {
    let dir = Scratch::new();
    for (label, original) in originals(&dir) {
        let bytes = std::fs::read(&original).unwrap();
        for (cut, keep) in [("half", bytes.len() / 2), ("head", 100)] {
            let p = write(&dir, &format!("{label}-{cut}"), &bytes[..keep]);
            let result = inspect(&p);
            // Raw ADTS has no length anywhere: half a stream is just a shorter one.
            let expected = if (label, cut) == ("aac", "half") {
                "ok"
            } else {
                "corrupt_audio"
            };
            assert_eq!(code(&result), expected, "{label} cut to {cut}: {result:?}");
            if let Err(err) = &result {
                assert!(
                    err["message"]
                        .as_str()
                        .unwrap()
                        .starts_with("This audio file is damaged")
                );
            }
        }
    }
}

/// A 16-bit mono PCM WAV header with the given fields, and `data` after it.
fn wav(format: u16, channels: u16, rate: u32, data_len: u32, data: &[u8]) -> Vec<u8> {
    let mut b = b"RIFF".to_vec();
    b.extend_from_slice(&(36 + data.len() as u32).to_le_bytes());
    b.extend_from_slice(b"WAVEfmt ");
    b.extend_from_slice(&16u32.to_le_bytes());
    b.extend_from_slice(&format.to_le_bytes());
    b.extend_from_slice(&channels.to_le_bytes());
    b.extend_from_slice(&rate.to_le_bytes());
    b.extend_from_slice(&(rate * 2 * channels as u32).to_le_bytes());
    b.extend_from_slice(&(2 * channels).to_le_bytes());
    b.extend_from_slice(&16u16.to_le_bytes());
    b.extend_from_slice(b"data");
    b.extend_from_slice(&data_len.to_le_bytes());
    b.extend_from_slice(data);
    b
}

#[test]
fn wrong_headers_and_huge_declared_sizes_get_clear_errors() {
    let dir = Scratch::new();
    let pcm: Vec<u8> = (0..16_000u32)
        .flat_map(|i| (((i as f32 * 0.1).sin() * 8000.0) as i16).to_le_bytes())
        .collect();
    let good = wav(1, 1, 16_000, pcm.len() as u32, &pcm);
    assert_eq!(
        code(&inspect(&write(&dir, "good.wav", &good))),
        "ok",
        "the base file is valid"
    );

    let mp4 = {
        let original = originals(&dir)
            .into_iter()
            .find(|(l, _)| *l == "m4a")
            .unwrap()
            .1;
        std::fs::read(original).unwrap()
    };
    let mut huge_box = mp4.clone();
    // Declare the first box after ftyp as nearly 4 GB long.
    let ftyp_len = u32::from_be_bytes(huge_box[..4].try_into().unwrap()) as usize;
    huge_box[ftyp_len..ftyp_len + 4].copy_from_slice(&0xFFFF_FFF0u32.to_be_bytes());

    let cases: Vec<(&str, Vec<u8>, &[&str])> = vec![
        (
            "unknown-codec.wav",
            wav(0x1234, 1, 16_000, pcm.len() as u32, &pcm),
            &["unsupported_audio", "corrupt_audio"],
        ),
        (
            "zero-channels.wav",
            wav(1, 0, 16_000, pcm.len() as u32, &pcm),
            &["corrupt_audio", "unsupported_audio"],
        ),
        (
            "zero-rate.wav",
            wav(1, 1, 0, pcm.len() as u32, &pcm),
            &["corrupt_audio", "unsupported_audio"],
        ),
        (
            "absurd-rate.wav",
            wav(1, 1, 1_000_000_000, pcm.len() as u32, &pcm),
            &["unsupported_audio", "corrupt_audio"],
        ),
        (
            "huge-data.wav",
            wav(1, 1, 16_000, 0xFFFF_FFF0, &pcm),
            &["corrupt_audio"],
        ),
        ("huge-box.m4a", huge_box, &["corrupt_audio"]),
        (
            "not-wave.wav",
            {
                let mut b = good.clone();
                b[8..12].copy_from_slice(b"WAVX");
                b
            },
            &["unsupported_audio"],
        ),
        (
            "amr-bad-frame.amr",
            b"#!AMR\n\x7c\0\0\0".to_vec(),
            &["corrupt_audio"],
        ),
    ];
    for (name, bytes, expected) in cases {
        let result = inspect(&write(&dir, name, &bytes));
        assert!(expected.contains(&code(&result)), "{name}: {result:?}");
    }
}

#[test]
fn damage_inside_a_stream_is_caught() {
    let dir = Scratch::new();
    for (label, original) in originals(&dir) {
        if !["ogg-opus", "ogg-vorbis", "flac"].contains(&label) {
            continue;
        }
        let mut bytes = std::fs::read(&original).unwrap();
        // Overwrite a run of bytes in the middle: Ogg page CRCs and FLAC frame CRCs catch it.
        let mid = bytes.len() / 2;
        for b in &mut bytes[mid..mid + 64] {
            *b ^= 0x5A;
        }
        let result = inspect(&write(&dir, &format!("damaged-{label}"), &bytes));
        assert_eq!(
            code(&result),
            "corrupt_audio",
            "{label} damaged: {result:?}"
        );
    }
}
