//! Decode, resample and encode 60 s of speech for each target.
//! `cargo bench -p hark-core` (needs espeak-ng and sox, which scripts/install-deps.sh
//! installs). Figures are in docs/benchmarks.md.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{Criterion, criterion_group, criterion_main};
use hark_core::audio::decode;
use hark_core::audio::encode::{AmrEncoder, Encode, M4aEncoder, OggOpusEncoder, OpusSettings};
use hark_core::audio::resample::Resampler;

/// 60 s of espeak-ng speech as a 16-bit WAV at 48 kHz mono, made once per run.
fn speech_wav(dir: &Path) -> PathBuf {
    let raw = dir.join("speech-raw.wav");
    let text = "Thanks for your message. Your order left our warehouse this morning and \
                should reach you on Monday; if it does not, reply to this note and we will \
                send another one straight away. "
        .repeat(8);
    let ok = Command::new("espeak-ng")
        .args(["-w", raw.to_str().unwrap(), &text])
        .status()
        .expect("espeak-ng is installed");
    assert!(ok.success());
    let wav = dir.join("speech.wav");
    let ok = Command::new("sox")
        .args([raw.to_str().unwrap(), "-r", "48000", "-c", "1", "-b", "16"])
        .arg(&wav)
        .args(["trim", "0", "60"])
        .status()
        .expect("sox is installed");
    assert!(ok.success());
    wav
}

fn encode_all(encoder: &mut dyn Encode, samples: &[f32]) -> usize {
    let mut bytes = 0;
    for block in samples.chunks(4800) {
        encoder.push(block).unwrap();
        bytes += encoder.take_bytes().len();
    }
    bytes + encoder.finish().unwrap().len()
}

fn resample_all(from: u32, to: u32, samples: &[f32]) -> Vec<f32> {
    let mut r = Resampler::new(from, to).unwrap();
    let mut out = Vec::with_capacity(samples.len() * to as usize / from as usize + 1024);
    for block in samples.chunks(4800) {
        r.push(block, &mut out).unwrap();
    }
    r.finish(&mut out).unwrap();
    out
}

fn pipeline(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let wav = speech_wav(dir.path());
    let (info, at_48k) = decode::decode_all(&wav).unwrap();
    assert_eq!(info.sample_rate, 48_000);
    let at_8k = resample_all(48_000, 8_000, &at_48k);

    let mut g = c.benchmark_group("60 s of speech");
    g.sample_size(10);
    g.bench_function("decode WAV 48 kHz", |b| {
        b.iter(|| decode::decode_all(black_box(&wav)).unwrap().1.len())
    });
    g.bench_function("resample 48 kHz to 8 kHz", |b| {
        b.iter(|| resample_all(48_000, 8_000, black_box(&at_48k)).len())
    });
    g.bench_function("resample 44.1 kHz to 48 kHz", |b| {
        b.iter(|| resample_all(44_100, 48_000, black_box(&at_48k)).len())
    });
    g.bench_function("encode Ogg/Opus 32 kbit/s", |b| {
        b.iter(|| {
            let mut e = OggOpusEncoder::new(OpusSettings::default()).unwrap();
            encode_all(&mut e, black_box(&at_48k))
        })
    });
    g.bench_function("encode AMR-NB MR122", |b| {
        b.iter(|| encode_all(&mut AmrEncoder::new().unwrap(), black_box(&at_8k)))
    });
    g.bench_function("encode M4A AAC-LC 64 kbit/s", |b| {
        b.iter(|| encode_all(&mut M4aEncoder::new().unwrap(), black_box(&at_48k)))
    });
    g.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
