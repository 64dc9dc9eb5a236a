//! `hark convert` and `hark inspect` on files made by real tools, with every output
//! checked by independent ones: ffprobe, opusinfo, and ffmpeg decoding with -xerror.

use std::path::Path;

use rig::bins::hark;
use rig::media::{self, Scratch};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// Input files of every accepted format: a 3 s, 440 Hz tone, stereo 44.1 kHz unless the
/// name says otherwise.
fn corpus(dir: &Scratch) -> Vec<(&'static str, std::path::PathBuf)> {
    let wav = dir.path("tone.wav");
    media::sox_tone(&wav, 44_100, 2, 3.0, 440.0, &["-b", "16"]);
    let mut files = vec![("WAV 16-bit", wav.clone())];
    let sox_variants: [(&str, &str, &[&str]); 4] = [
        (
            "WAV 8-bit",
            "u8.wav",
            &["-b", "8", "-e", "unsigned-integer"],
        ),
        ("WAV 24-bit", "s24.wav", &["-b", "24"]),
        (
            "WAV 32-bit int",
            "s32.wav",
            &["-b", "32", "-e", "signed-integer"],
        ),
        (
            "WAV 32-bit float",
            "f32.wav",
            &["-b", "32", "-e", "floating-point"],
        ),
    ];
    for (label, name, opts) in sox_variants {
        let p = dir.path(name);
        media::sox_tone(&p, 44_100, 2, 3.0, 440.0, opts);
        files.push((label, p));
    }
    let ffmpeg_variants: [(&str, &str, &[&str]); 8] = [
        ("MP3", "tone.mp3", &["-c:a", "libmp3lame", "-b:a", "128k"]),
        ("AAC in M4A", "tone.m4a", &["-c:a", "aac", "-b:a", "96k"]),
        (
            "AAC in ADTS",
            "tone.aac",
            &["-c:a", "aac", "-b:a", "96k", "-f", "adts"],
        ),
        ("Ogg Vorbis", "tone.ogg", &["-c:a", "libvorbis"]),
        ("Ogg Opus (stereo)", "tone.opus", &["-c:a", "libopus"]),
        ("WebM Opus", "tone.webm", &["-c:a", "libopus"]),
        ("WebM Vorbis", "vorbis.webm", &["-c:a", "libvorbis"]),
        ("FLAC", "tone.flac", &["-c:a", "flac"]),
    ];
    for (label, name, args) in ffmpeg_variants {
        let p = dir.path(name);
        media::ffmpeg(&wav, args, &p);
        files.push((label, p));
    }
    let amr = dir.path("tone.amr");
    media::sox_tone(&amr, 8_000, 1, 3.0, 440.0, &["-t", "amr-nb", "-C", "7"]);
    files.push(("AMR-NB", amr));
    files
}

/// A test path as the `&str` the command line takes (test paths are UTF-8).
fn s(path: &Path) -> &str {
    path.to_str().expect("UTF-8 test path")
}

fn tone_path_for_silence(dir: &Scratch) -> std::path::PathBuf {
    let p = dir.path("for-silence.wav");
    media::sox_tone(&p, 44_100, 1, 2.0, 440.0, &[]);
    p
}

fn convert_json(input: &Path, platform: &str, output: &Path, extra: &[&str]) -> Value {
    let mut args = vec![
        "convert",
        s(input),
        "--for",
        platform,
        "-o",
        s(output),
        "--json",
    ];
    args.extend_from_slice(extra);
    let run = hark(&args);
    assert_eq!(
        run.code,
        0,
        "{}: {}{}",
        input.display(),
        run.stdout,
        run.stderr
    );
    serde_json::from_str(&run.stdout).unwrap()
}

fn assert_tone(samples: &[f32], rate: u32, secs: f64, what: &str) {
    let got = samples.len() as f64 / rate as f64;
    assert!(
        (got - secs).abs() <= 0.020,
        "{what}: decoded {got:.4} s, expected {secs} s ± 20 ms"
    );
    let hz = media::tone_hz(samples, rate);
    assert!(
        (hz - 440.0).abs() <= 4.4,
        "{what}: {hz:.1} Hz, expected 440 Hz ± 1 %"
    );
}

fn assert_valid_voice_ogg(path: &Path, what: &str) {
    let info = media::opusinfo(path);
    assert!(info.contains("Channels: 1"), "{what}: {info}");
    assert!(info.contains("Pre-skip: 312"), "{what}: {info}");
    assert!(!info.to_lowercase().contains("warning"), "{what}: {info}");
    let probe = media::ffprobe(path);
    let stream = &probe["streams"][0];
    assert_eq!(stream["codec_name"], "opus", "{what}");
    assert_eq!(stream["channels"], 1, "{what}");
    assert_eq!(stream["sample_rate"], "48000", "{what}");
    assert_eq!(probe["format"]["format_name"], "ogg", "{what}");
}

#[test]
fn every_accepted_format_becomes_a_whatsapp_voice_note() {
    let dir = Scratch::new();
    for (label, input) in corpus(&dir) {
        let out = dir.path(&format!("{label}.ogg").replace(' ', "_"));
        let note = convert_json(&input, "whatsapp", &out, &[]);
        assert_eq!(note["note"]["format"], "ogg-opus", "{label}");
        assert_valid_voice_ogg(&out, label);
        if label.starts_with("WAV") {
            // The last granule is trimmed to the real end: exactly 3 s, not a frame more.
            let info = media::opusinfo(&out);
            assert!(
                info.contains("Playback length: 0m:03.000s"),
                "{label}: {info}"
            );
        }
        let decoded = media::ffmpeg_decode(&out, 48_000);
        assert_tone(&decoded, 48_000, reference_secs(&input), label);
    }
}

/// The input's duration as an independent decoder (ffmpeg) sees it: raw ADTS, for one,
/// carries its AAC priming with no metadata to remove it, for every decoder.
fn reference_secs(input: &Path) -> f64 {
    media::ffmpeg_decode(input, 48_000).len() as f64 / 48_000.0
}

#[test]
fn every_accepted_format_becomes_a_wechat_amr_note() {
    let dir = Scratch::new();
    for (label, input) in corpus(&dir) {
        let out = dir.path(&format!("{label}.amr").replace(' ', "_"));
        let note = convert_json(&input, "wechat", &out, &[]);
        let bytes = std::fs::read(&out).unwrap();
        if label == "AMR-NB" || label == "MP3" {
            // WeChat plays both as voice notes: they are sent as they are.
            assert_eq!(
                note["note"]["passed_through"], true,
                "{label} is sent as it is"
            );
            continue;
        }
        assert!(bytes.starts_with(b"#!AMR\n"), "{label}: AMR magic");
        // MR122 frames are 32 bytes: the frame count gives the duration.
        assert_eq!((bytes.len() - 6) % 32, 0, "{label}: whole MR122 frames");
        let frames = (bytes.len() - 6) / 32;
        let expected = reference_secs(&input);
        assert!(
            (frames as f64 * 0.020 - expected).abs() <= 0.020,
            "{label}: {frames} frames for {expected} s"
        );
        let probe = media::ffprobe(&out);
        assert_eq!(probe["streams"][0]["codec_name"], "amr_nb", "{label}");
        let decoded = media::ffmpeg_decode(&out, 8_000);
        assert_tone(&decoded, 8_000, expected, label);
    }
}

#[test]
fn every_accepted_format_becomes_a_messenger_m4a_note() {
    let dir = Scratch::new();
    for (label, input) in corpus(&dir) {
        let out = dir.path(&format!("{label}.m4a").replace(' ', "_"));
        let note = convert_json(&input, "messenger", &out, &[]);
        assert_eq!(note["note"]["format"], "m4a-aac", "{label}");
        assert_eq!(note["note"]["mime"], "audio/mp4", "{label}");
        let bytes = std::fs::read(&out).unwrap();
        assert_eq!(&bytes[4..12], b"ftypM4A ", "{label}: brand M4A");
        let probe = media::ffprobe(&out);
        let stream = &probe["streams"][0];
        assert_eq!(stream["codec_name"], "aac", "{label}");
        assert_eq!(stream["profile"], "LC", "{label}");
        assert_eq!(stream["channels"], 1, "{label}");
        assert_eq!(stream["sample_rate"], "48000", "{label}");
        let decoded = media::ffmpeg_decode(&out, 48_000);
        assert_tone(&decoded, 48_000, reference_secs(&input), label);
        // Hark reads its own M4A back (symphonia rejects a malformed esds).
        let back = hark(&["inspect", s(&out), "--json"]);
        assert_eq!(back.code, 0, "{label}: {}", back.stdout);
    }
}

#[test]
fn any_rate_from_8_to_192_khz_and_any_channel_count_from_1_to_8_converts() {
    let dir = Scratch::new();
    for rate in [
        8_000, 11_025, 16_000, 22_050, 32_000, 44_100, 48_000, 88_200, 96_000,
    ] {
        for channels in [1, 2, 6, 8] {
            let input = dir.path(&format!("t{rate}x{channels}.wav"));
            media::sox_tone(&input, rate, channels, 2.0, 440.0, &["-b", "16"]);
            let what = format!("{rate} Hz × {channels}");
            let ogg = dir.path(&format!("t{rate}x{channels}.ogg"));
            convert_json(&input, "telegram", &ogg, &[]);
            assert_valid_voice_ogg(&ogg, &what);
            // Speech is encoded wide-band, whatever the input's rate.
            let info = media::opusinfo(&ogg);
            assert!(
                info.contains("Original sample rate: 16000 Hz"),
                "{what}: {info}"
            );
            assert_tone(&media::ffmpeg_decode(&ogg, 48_000), 48_000, 2.0, &what);
        }
    }
    let (rate, channels) = (192_000, 3);
    let input = dir.path("t192.wav");
    media::sox_tone(&input, rate, channels, 1.0, 440.0, &["-b", "24"]);
    let amr = dir.path("t192.amr");
    convert_json(&input, "wechat", &amr, &[]);
    assert_tone(
        &media::ffmpeg_decode(&amr, 8_000),
        8_000,
        1.0,
        "192 kHz × 3 → AMR",
    );
}

#[test]
fn speech_survives_conversion() {
    let dir = Scratch::new();
    let wav = dir.path("speech.wav");
    media::speech(
        &wav,
        "Hello, this is Hark. Your order has shipped and will arrive on Monday.",
    );
    let original = media::ffmpeg_decode(&wav, 48_000);
    for (platform, name, rate) in [("whatsapp", "s.ogg", 48_000), ("wechat", "s.amr", 8_000)] {
        let out = dir.path(name);
        convert_json(&wav, platform, &out, &[]);
        let decoded = media::ffmpeg_decode(&out, 48_000);
        let secs = |x: &[f32]| x.len() as f64 / 48_000.0;
        assert!(
            (secs(&decoded) - secs(&original)).abs() <= 0.020,
            "{platform}: duration"
        );
        let r = media::envelope_correlation(&original, &decoded, 48_000);
        assert!(
            r > 0.95,
            "{platform} ({rate} Hz): speech envelope correlation {r:.3}"
        );
    }
}

#[test]
fn silence_and_clipped_audio_convert_cleanly() {
    let dir = Scratch::new();
    let silence = dir.path("silence.wav");
    media::sox(&tone_path_for_silence(&dir), &silence, &["vol", "0"]);
    let tone = dir.path("tone.wav");
    media::sox_tone(&tone, 44_100, 1, 2.0, 440.0, &[]);
    let clipped = dir.path("clipped.wav");
    media::sox(&tone, &clipped, &["vol", "6"]);
    for (label, input) in [("silence", &silence), ("clipped", &clipped)] {
        let out = dir.path(&format!("{label}.ogg"));
        convert_json(input, "whatsapp", &out, &[]);
        assert_valid_voice_ogg(&out, label);
        let decoded = media::ffmpeg_decode(&out, 48_000);
        assert!(
            (decoded.len() as f64 / 48_000.0 - 2.0).abs() <= 0.020,
            "{label}"
        );
    }
}

#[test]
fn notes_that_already_fit_are_sent_byte_for_byte() {
    let dir = Scratch::new();
    let wav = dir.path("tone.wav");
    media::sox_tone(&wav, 48_000, 1, 3.0, 440.0, &[]);
    let mono_opus = dir.path("mono.ogg");
    media::ffmpeg(
        &wav,
        &["-c:a", "libopus", "-ac", "1", "-b:a", "24k"],
        &mono_opus,
    );
    let amr = dir.path("ref.amr");
    media::sox_tone(&amr, 8_000, 1, 3.0, 440.0, &["-t", "amr-nb", "-C", "7"]);
    let mp3 = dir.path("tone.mp3");
    media::ffmpeg(&wav, &["-c:a", "libmp3lame"], &mp3);
    let m4a = dir.path("mono.m4a");
    media::ffmpeg(&wav, &["-c:a", "aac", "-ac", "1"], &m4a);
    for (input, platform, name) in [
        (&m4a, "messenger", "f.m4a"),
        (&mono_opus, "whatsapp", "a.ogg"),
        (&mono_opus, "telegram", "b.ogg"),
        (&amr, "wechat", "c.amr"),
        (&mp3, "wechat", "d.mp3"),
    ] {
        let out = dir.path(name);
        let note = convert_json(input, platform, &out, &[]);
        assert_eq!(note["note"]["passed_through"], true, "{name}");
        let sha = |p: &Path| Sha256::digest(std::fs::read(p).unwrap());
        assert_eq!(
            sha(input),
            sha(&out),
            "{platform}: {} sent unchanged",
            input.display()
        );
    }
    // Stereo Opus is not a voice note: it is re-encoded to mono.
    let stereo = dir.path("stereo.ogg");
    media::ffmpeg(&wav, &["-c:a", "libopus", "-ac", "2"], &stereo);
    let out = dir.path("e.ogg");
    let note = convert_json(&stereo, "whatsapp", &out, &[]);
    assert_eq!(note["note"]["passed_through"], false);
    assert_valid_voice_ogg(&out, "stereo Opus re-encoded");
}

#[test]
fn the_wechat_sixty_second_boundary() {
    let dir = Scratch::new();
    let short = dir.path("59.9.wav");
    media::sox_tone(&short, 16_000, 1, 59.9, 440.0, &[]);
    let out = dir.path("short.amr");
    let note = convert_json(&short, "wechat", &out, &[]);
    assert!(
        note["note"]["verdicts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v["level"] == "ok")
    );
    assert_eq!(note["note"]["duration_ms"], 59_900);

    let long = dir.path("60.1.wav");
    media::sox_tone(&long, 16_000, 1, 60.1, 440.0, &[]);
    let refused = dir.path("long.amr");
    let run = hark(&["convert", s(&long), "--for", "wechat", "-o", s(&refused)]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("Duration 1:00.1 — WeChat allows at most 1:00"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--trim-to-limit"), "{}", run.stderr);
    assert!(
        run.stderr.contains("(code: audio_too_long)"),
        "{}",
        run.stderr
    );
    assert!(
        !refused.exists(),
        "nothing is written when the note cannot fit"
    );

    let trimmed = dir.path("trimmed.amr");
    let note = convert_json(&long, "wechat", &trimmed, &["--trim-to-limit"]);
    assert_eq!(note["note"]["trimmed_to_limit"], true);
    let frames = (std::fs::read(&trimmed).unwrap().len() - 6) / 32;
    assert_eq!(frames, 3000, "exactly 60.00 s of 20 ms frames");
}

#[test]
fn a_75_second_file_is_refused_for_wechat_with_the_fix_and_fine_for_whatsapp() {
    let dir = Scratch::new();
    let input = dir.path("75.mp3");
    let wav = dir.path("75.wav");
    media::sox_tone(&wav, 22_050, 1, 75.0, 440.0, &[]);
    media::ffmpeg(&wav, &["-c:a", "libmp3lame"], &input);
    let run = hark(&["inspect", s(&input), "--for", "wechat"]);
    assert_eq!(run.code, 1, "not sendable on WeChat");
    assert!(
        run.stderr.contains("Trim it to 1:00 or less"),
        "{}",
        run.stderr
    );
    let run = hark(&["inspect", s(&input), "--for", "whatsapp"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("✓ Duration 1:15"), "{}", run.stdout);
    assert!(
        run.stdout.contains("converted to Ogg/Opus"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_long_note_gets_a_lower_bitrate_to_keep_the_whatsapp_play_button() {
    let dir = Scratch::new();
    let input = dir.path("long.wav");
    media::speech(
        &input,
        &"This is a long voice reply that goes on and on. ".repeat(60),
    );
    let out = dir.path("long.ogg");
    let note = convert_json(&input, "whatsapp", &out, &[]);
    let secs = note["note"]["duration_ms"].as_u64().unwrap() as f64 / 1000.0;
    assert!(secs > 130.0, "the test speech is long enough ({secs} s)");
    let size = std::fs::metadata(&out).unwrap().len();
    assert!(
        size <= 512 * 1024,
        "{size} bytes for {secs} s keeps the play icon"
    );
    let play_icon = note["note"]["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["check"] == "play_icon")
        .unwrap();
    assert_eq!(play_icon["level"], "ok");
}

#[test]
fn inspect_reports_format_duration_and_size() {
    let dir = Scratch::new();
    let input = dir.path("tone.flac");
    let wav = dir.path("tone.wav");
    media::sox_tone(&wav, 44_100, 2, 3.0, 440.0, &[]);
    media::ffmpeg(&wav, &["-c:a", "flac"], &input);
    let run = hark(&["inspect", s(&input), "--json"]);
    assert_eq!(run.code, 0);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["file"]["container"], "FLAC");
    assert_eq!(v["file"]["codec"], "FLAC");
    assert_eq!(v["file"]["channels"], 2);
    assert_eq!(v["file"]["sample_rate"], 44_100);
    assert_eq!(v["file"]["duration_ms"], 3000);
    assert_eq!(v["file"]["bytes"], std::fs::metadata(&input).unwrap().len());
}

#[test]
fn clean_trims_silence_and_brings_a_quiet_take_to_minus_16_lufs() {
    let dir = Scratch::new();
    let speech = dir.path("speech.wav");
    media::speech(
        &speech,
        "Hi, it's Sam from support. I've refunded the order.",
    );
    let quiet = dir.path("quiet.wav");
    // One second of silence either side, and 26 dB too quiet.
    media::sox(&speech, &quiet, &["vol", "0.05", "pad", "1", "1"]);
    let out = dir.path("clean.ogg");
    let note = convert_json(&quiet, "whatsapp", &out, &["--clean"]);

    let cleanup = &note["note"]["cleanup"];
    let start = cleanup["trimmed_start_ms"].as_u64().unwrap();
    let end = cleanup["trimmed_end_ms"].as_u64().unwrap();
    assert!(
        (800..=1000).contains(&start),
        "trimmed {start} ms at the start"
    );
    // espeak-ng leaves some silence of its own after the last word.
    assert!((800..=1600).contains(&end), "trimmed {end} ms at the end");
    let speech_secs = media::ffmpeg_decode(&speech, 48_000).len() as f64 / 48_000.0;
    let out_secs = media::ffmpeg_decode(&out, 48_000).len() as f64 / 48_000.0;
    assert!(
        out_secs < speech_secs + 0.5,
        "{out_secs} s kept of {speech_secs} s speech + 2 s"
    );

    let (lufs, peak) = media::loudness(&out);
    assert!(
        (lufs - -16.0).abs() <= 1.0,
        "integrated loudness {lufs} LUFS"
    );
    assert!(
        peak <= -1.0,
        "true peak {peak} dBTP of the note the customer hears"
    );
    let (before, _) = media::loudness(&quiet);
    assert!(before < -30.0, "the input really was quiet ({before} LUFS)");
}
