//! Any accepted file → the platform's native voice note.
//!
//! A file that already is what the platform plays, within its limits, is sent
//! byte-for-byte. Anything else is decoded, downmixed, (optionally cleaned up),
//! resampled and encoded block by block; the limits are checked on the encoded result.

use std::path::Path;
use std::time::Duration;

use serde::Serialize;

use super::cleanup::{self, CleanupReport};
use super::decode::{self, Decode};
use super::encode::{AmrEncoder, Encode, M4aEncoder, OggOpusEncoder, OpusSettings};
use super::error::{ClipError, corrupt};
use super::inspect::{self, ClipInfo};
use super::measure;
use super::resample::Resampler;
use super::watch::{Step, Watch};
use crate::platform::{Level, Platform, Target, Verdict, VerdictCheck, verdicts};

#[derive(Debug, Clone, Copy, Default)]
pub struct ConvertOptions {
    /// Trim silence, remove DC, normalise loudness (on for recordings, off for imports).
    pub clean: bool,
    /// Keep the first part that fits a duration limit instead of refusing.
    pub trim_to_limit: bool,
}

/// A voice note ready to send.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    #[serde(skip)]
    pub bytes: Vec<u8>,
    pub platform: Platform,
    pub format: Target,
    pub mime: &'static str,
    pub file_name: &'static str,
    /// The file was already right and is sent unchanged.
    pub passed_through: bool,
    pub duration_ms: u64,
    pub size: u64,
    /// The input as it was (`None` for a recording).
    pub source: Option<ClipInfo>,
    /// The input was longer than the platform allows and its start was kept.
    pub trimmed_to_limit: bool,
    pub cleanup: Option<CleanupReport>,
    pub verdicts: Vec<Verdict>,
}

/// Largest Ogg/Opus note that still shows a play button on WhatsApp, with room for
/// container overhead.
const PLAY_ICON_BUDGET_BITS: f64 = 512.0 * 1024.0 * 8.0 * 0.95;

/// Opus bitrate for a note of `duration`: 32 kbit/s where it keeps the note under the
/// play-icon size, lower for longer notes, never below 12 kbit/s.
pub fn opus_bitrate(duration: Option<Duration>) -> u32 {
    match duration {
        Some(d) if d.as_secs_f64() > 0.0 => {
            (PLAY_ICON_BUDGET_BITS / d.as_secs_f64()).clamp(12_000.0, 32_000.0) as u32
        }
        _ => 24_000,
    }
}

pub fn convert(path: &Path, platform: Platform, opts: ConvertOptions) -> Result<Note, ClipError> {
    convert_with(path, platform, opts, &Watch::none())
}

/// [`convert`], telling `watch` how far it got (reading the file through, then making
/// the note), and stopping when it cancels.
pub fn convert_with(
    path: &Path,
    platform: Platform,
    opts: ConvertOptions,
    watch: &Watch<'_>,
) -> Result<Note, ClipError> {
    let facts = platform.facts();
    let source = inspect::inspect_with(path, watch)?;
    let native = source.note_format().filter(|f| facts.plays(*f));

    if let Some(format) = native
        && !opts.clean
    {
        let checks = verdicts(
            platform,
            format.label(),
            true,
            source.duration(),
            source.bytes,
        );
        let failing = first_failure(&checks);
        let only_too_long = failing.is_some_and(|v| v.check == VerdictCheck::Duration);
        if failing.is_none() || !(only_too_long && opts.trim_to_limit) {
            if let Some(fail) = failing {
                return Err(ClipError::DoesNotFit(Box::new(fail.clone())));
            }
            let bytes = std::fs::read(path).map_err(|source| ClipError::Unreadable {
                path: path.to_path_buf(),
                source,
            })?;
            return Ok(Note {
                size: bytes.len() as u64,
                bytes,
                platform,
                format,
                mime: format.mime(),
                file_name: format.file_name(),
                passed_through: true,
                duration_ms: source.duration_ms,
                source: Some(source),
                trimmed_to_limit: false,
                cleanup: None,
                verdicts: checks,
            });
        }
    }

    let target = facts.target;
    let limit = facts.max_duration;
    if let Some(max) = limit
        && source.duration() > max
        && !opts.trim_to_limit
    {
        let checks = verdicts(platform, target.label(), true, source.duration(), 0);
        return Err(ClipError::DoesNotFit(Box::new(
            first_failure(&checks).expect("too long").clone(),
        )));
    }
    let kept = limit.map_or(source.duration(), |max| source.duration().min(max));
    let mut encoder = encoder_for(target, kept)?;
    let mut decoder = decode::open(path)?;
    let rate = decoder.info().sample_rate;
    let max_samples = limit.map(|max| (max.as_secs_f64() * rate as f64).round() as u64);

    let (trimmed_to_limit, cleanup) = if opts.clean {
        let mut all = Vec::new();
        while decoder.next_mono(&mut all)? {
            watch.step(Step::Reading)?;
        }
        let report = cleanup::clean(&mut all, rate);
        let trimmed = truncate_to(&mut all, max_samples);
        feed_all(&all, rate, encoder.as_mut())?;
        (trimmed, Some(report))
    } else {
        let expected = max_samples
            .unwrap_or(u64::MAX)
            .min((source.duration().as_secs_f64() * rate as f64).round() as u64);
        (
            stream(decoder.as_mut(), max_samples, encoder.as_mut(), &|taken| {
                watch.step(Step::Converting(taken as f64 / expected.max(1) as f64))
            })?,
            None,
        )
    };

    let bytes = encoder.finish()?;
    finish_note(
        platform,
        target,
        bytes,
        Some(source),
        trimmed_to_limit,
        cleanup,
    )
}

/// Measures an encoded note from its own stream, computes its verdicts, and refuses it
/// (with the failing verdict) if it cannot be sent.
pub fn finish_note(
    platform: Platform,
    target: Target,
    bytes: Vec<u8>,
    source: Option<ClipInfo>,
    trimmed_to_limit: bool,
    cleanup: Option<CleanupReport>,
) -> Result<Note, ClipError> {
    let duration = match target {
        Target::OggOpus => measure::ogg_opus(&bytes),
        Target::AmrNb => measure::amr(&bytes),
        Target::M4aAac => measure::m4a(&bytes),
        Target::Mp3 => None,
    }
    .ok_or_else(|| ClipError::Encode {
        detail: "the encoded note could not be measured".into(),
    })?;
    let checks = verdicts(platform, target.label(), true, duration, bytes.len() as u64);
    if let Some(fail) = first_failure(&checks) {
        return Err(ClipError::DoesNotFit(Box::new(fail.clone())));
    }
    Ok(Note {
        size: bytes.len() as u64,
        bytes,
        platform,
        format: target,
        mime: target.mime(),
        file_name: target.file_name(),
        passed_through: false,
        duration_ms: duration.as_millis() as u64,
        source,
        trimmed_to_limit,
        cleanup,
        verdicts: checks,
    })
}

/// Encodes mono samples at `rate` for `platform` (e.g. a recovered take).
pub fn encode_samples(
    samples: &[f32],
    rate: u32,
    platform: Platform,
    opts: ConvertOptions,
) -> Result<Note, ClipError> {
    let facts = platform.facts();
    let mut samples = samples.to_vec();
    let cleanup = opts.clean.then(|| cleanup::clean(&mut samples, rate));
    let max = facts
        .max_duration
        .map(|d| (d.as_secs_f64() * rate as f64).round() as u64);
    let trimmed = opts.trim_to_limit && truncate_to(&mut samples, max);
    let duration = Duration::from_secs_f64(samples.len() as f64 / rate as f64);
    let mut encoder = encoder_for(facts.target, duration)?;
    feed_all(&samples, rate, encoder.as_mut())?;
    let bytes = encoder.finish()?;
    finish_note(platform, facts.target, bytes, None, trimmed, cleanup)
}

/// The streaming encoder for `target`, tuned for a note of about `duration`.
pub fn encoder_for(target: Target, duration: Duration) -> Result<Box<dyn Encode>, ClipError> {
    match target {
        Target::OggOpus => Ok(Box::new(OggOpusEncoder::new(OpusSettings {
            bitrate: opus_bitrate(Some(duration)),
            ..OpusSettings::default()
        })?)),
        Target::AmrNb => Ok(Box::new(AmrEncoder::new()?)),
        Target::M4aAac => Ok(Box::new(M4aEncoder::new()?)),
        Target::Mp3 => Err(ClipError::Encode {
            detail: format!("Hark cannot encode {} notes yet", target.label()),
        }),
    }
}

fn first_failure(checks: &[Verdict]) -> Option<&Verdict> {
    checks.iter().find(|v| v.level == Level::Fail)
}

fn truncate_to(samples: &mut Vec<f32>, max: Option<u64>) -> bool {
    match max {
        Some(max) if samples.len() as u64 > max => {
            samples.truncate(max as usize);
            true
        }
        _ => false,
    }
}

fn feed_all(samples: &[f32], rate: u32, encoder: &mut dyn Encode) -> Result<(), ClipError> {
    let mut resampler = Resampler::new(rate, encoder.sample_rate())?;
    let mut out = Vec::new();
    for block in samples.chunks(8192) {
        resampler.push(block, &mut out)?;
        encoder.push(&out)?;
        out.clear();
    }
    resampler.finish(&mut out)?;
    encoder.push(&out)
}

/// Decodes, resamples and encodes block by block; stops at `max_samples` (input rate).
/// Returns whether it stopped early.
fn stream(
    decoder: &mut dyn Decode,
    max_samples: Option<u64>,
    encoder: &mut dyn Encode,
    done: &dyn Fn(u64) -> Result<(), ClipError>,
) -> Result<bool, ClipError> {
    let mut resampler = Resampler::new(decoder.info().sample_rate, encoder.sample_rate())?;
    let mut block = Vec::new();
    let mut out = Vec::new();
    let mut taken = 0u64;
    let mut trimmed = false;
    loop {
        block.clear();
        if !decoder.next_mono(&mut block)? && block.is_empty() {
            break;
        }
        if let Some(max) = max_samples
            && taken + block.len() as u64 > max
        {
            block.truncate((max - taken) as usize);
            trimmed = true;
        }
        taken += block.len() as u64;
        resampler.push(&block, &mut out)?;
        encoder.push(&out)?;
        out.clear();
        done(taken)?;
        if trimmed {
            break;
        }
    }
    if taken == 0 {
        return Err(corrupt("it contains no audio"));
    }
    resampler.finish(&mut out)?;
    encoder.push(&out)?;
    Ok(trimmed)
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicBool, Ordering};

    use super::*;
    use crate::audio::test_signals::tone_wav;

    #[test]
    fn a_conversion_reports_reading_then_converting_up_to_the_whole_and_can_be_cancelled() {
        let tmp = tempfile::tempdir().unwrap();
        let wav = tmp.path().join("long.wav");
        tone_wav(&wav, 44_100, 6.0);
        let seen = Mutex::new(Vec::new());
        let report = |s: Step| seen.lock().unwrap().push(s);
        let cancel = AtomicBool::new(false);
        let note = convert_with(
            &wav,
            Platform::Whatsapp,
            ConvertOptions::default(),
            &Watch::new(&report, &cancel),
        )
        .unwrap();
        assert_eq!(note.duration_ms, 6000);
        let seen = seen.into_inner().unwrap();
        let first_converting = seen
            .iter()
            .position(|s| matches!(s, Step::Converting(_)))
            .expect("converting steps");
        assert!(first_converting > 0, "reading comes first");
        let fractions: Vec<f64> = seen[first_converting..]
            .iter()
            .map(|s| match s {
                Step::Converting(f) => *f,
                Step::Reading => panic!("reading after converting"),
            })
            .collect();
        assert!(fractions.windows(2).all(|w| w[0] <= w[1]), "{fractions:?}");
        assert!(
            (fractions.last().unwrap() - 1.0).abs() < 0.01,
            "{fractions:?}"
        );

        // Cancelled once converting has begun: the work stops with `Cancelled`.
        let report = |s: Step| {
            if matches!(s, Step::Converting(f) if f > 0.2) {
                cancel.store(true, Ordering::Relaxed);
            }
        };
        cancel.store(false, Ordering::Relaxed);
        let stopped = convert_with(
            &wav,
            Platform::Whatsapp,
            ConvertOptions::default(),
            &Watch::new(&report, &cancel),
        );
        assert!(matches!(stopped, Err(ClipError::Cancelled)), "{stopped:?}");
    }
}
