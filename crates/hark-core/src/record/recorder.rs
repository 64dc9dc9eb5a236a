//! A take in progress, and the worker thread that turns captured audio into a note as
//! it arrives: downmix → meter → spool → (5 ms fade buffer) → resample → encode.
//!
//! With cleanup (the default for recordings) the chain is downmix → meter → spool →
//! fade → live cleanup (`live_cleanup`) → resample → encode: the spool keeps the raw
//! take, and the note is cleaned as it is encoded. Stopping drains the few milliseconds
//! still in the ring, the half second the cleanup holds back, and flushes the encoder,
//! so the note is ready at once.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use serde::Serialize;

use super::capture::{self, Capture};
use super::fade::Fade;
use super::live_cleanup::LiveCleanup;
use super::meter::{Level, LevelCell, Meter};
use super::spool::Spool;
use crate::audio::convert::{self, Note, opus_bitrate};
use crate::audio::devices::{AudioError, InputDevice};
use crate::audio::encode::{Encode, OggOpusEncoder, OpusSettings};
use crate::audio::error::ClipError;
use crate::audio::resample::Resampler;
use crate::i18n::{Said, Words};
use crate::platform::{Platform, Target};
use crate::{ProblemKind, UserError};

/// How a take is recorded.
#[derive(Debug, Clone)]
pub struct RecordOptions {
    pub platform: Platform,
    /// A device id or part of its name; the default input when `None`.
    pub device: Option<String>,
    /// Stop by itself after this long; never later than the platform's limit.
    pub max_duration: Option<Duration>,
    /// Where the crash-safe spool lives (normally `<data>/spool`).
    pub spool_dir: PathBuf,
    /// Trim silence, remove DC and level the loudness while recording.
    pub clean: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
// Named for the page's types (the outbox has a `State` too); unit variants are
// serialised by their own names, so this changes no JSON.
#[serde(rename = "RecordingState", rename_all = "snake_case")]
pub enum State {
    Recording,
    Paused,
    /// Stopped by itself at the limit (the platform's, or the one asked for), keeping
    /// what was said.
    LimitReached,
    /// The device failed; what was captured is kept.
    DeviceFailed,
    Finished,
}

impl State {
    fn from_u8(v: u8) -> State {
        match v {
            0 => State::Recording,
            1 => State::Paused,
            2 => State::LimitReached,
            3 => State::DeviceFailed,
            _ => State::Finished,
        }
    }
}

/// What the UI and the terminal show while recording.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    pub state: State,
    /// Recorded time, pauses excluded.
    pub elapsed: Duration,
    pub limit: Option<Duration>,
    /// Bytes the note has so far (or would have, for formats written at the end).
    pub size_estimate: u64,
    pub level: Level,
    /// Samples the worker could not keep up with (should stay 0).
    pub overruns: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    Stopped,
    LimitReached,
    DeviceFailed,
}

/// A finished take: the note, and what happened.
pub struct Take {
    pub note: Note,
    pub device: InputDevice,
    pub ended_by: EndReason,
    /// Why the device stopped, when it did.
    pub device_error: Option<AudioError>,
    pub overruns: u64,
    /// Nothing louder than −60 dBFS was heard: a muted or dead microphone.
    pub silent: bool,
    spool: Option<Spool>,
}

impl Take {
    /// Keeps the raw take (before cleanup and encoding) as a WAV file at `dest`, from
    /// which a note can be made again for another platform; removes the spool.
    pub fn keep_raw(mut self, dest: &std::path::Path) -> std::io::Result<()> {
        match self.spool.take() {
            Some(spool) => spool.into_wav(dest),
            None => Err(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "this take has no raw copy",
            )),
        }
    }

    /// Call once the note is safely stored: removes the crash-safe spool.
    pub fn saved(mut self) {
        if let Some(spool) = self.spool.take() {
            spool.remove();
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error(transparent)]
    Audio(#[from] AudioError),
    #[error(transparent)]
    Clip(#[from] ClipError),
    #[error("{}", self.english())]
    Spool(#[from] std::io::Error),
    #[error("{}", self.english())]
    Cancelled,
    #[error("{}", self.english())]
    Empty,
}

impl UserError for RecordError {
    fn code(&self) -> &'static str {
        match self {
            RecordError::Audio(e) => e.code(),
            RecordError::Clip(e) => e.code(),
            RecordError::Spool(_) => "spool_failed",
            RecordError::Cancelled => "cancelled",
            RecordError::Empty => "empty_take",
        }
    }
    fn said(&self) -> Option<Said> {
        let own = |message: Words, remedy: &str| Some(Said::new(message, Words::new(remedy)));
        match self {
            RecordError::Audio(e) => e.said(),
            RecordError::Clip(e) => e.said(),
            RecordError::Spool(e) => own(
                Words::new("error-spool-failed").text("detail", e.to_string()),
                "remedy-spool-failed",
            ),
            RecordError::Cancelled => own(
                Words::new("error-recording-cancelled"),
                "remedy-recording-cancelled",
            ),
            RecordError::Empty => own(Words::new("error-empty-take"), "remedy-empty-take"),
        }
    }

    fn kind(&self) -> ProblemKind {
        match self {
            RecordError::Clip(e) => e.kind(),
            RecordError::Spool(_) => ProblemKind::Local,
            RecordError::Audio(_) | RecordError::Cancelled | RecordError::Empty => {
                ProblemKind::Device
            }
        }
    }
}

struct Shared {
    rate: u32,
    paused: AtomicBool,
    stop: AtomicBool,
    cancel: AtomicBool,
    state: AtomicU8,
    /// Mono samples recorded (pauses excluded).
    samples: AtomicU64,
    size: AtomicU64,
    level: LevelCell,
}

/// A take in progress. Dropping it cancels it.
pub struct Recording {
    shared: Arc<Shared>,
    worker: Option<JoinHandle<Result<Take, RecordError>>>,
    limit: Option<Duration>,
    /// Whether `limit` is the platform's (rather than a shorter one asked for).
    platform_limit: bool,
    overruns: Arc<capture::CaptureState>,
}

/// The Opus bitrate for a recording of unknown length: 24 kbit/s keeps about three
/// minutes under WhatsApp's 512 KB play-button size; 32 kbit/s where there is no such
/// threshold.
fn recording_bitrate(platform: Platform) -> u32 {
    match platform.facts().play_icon_max_bytes {
        Some(_) => 24_000,
        None => opus_bitrate(Some(Duration::from_secs(60))),
    }
}

impl Recording {
    /// Opens the device and starts recording; returns once audio is flowing, or with
    /// the real reason it could not start.
    pub fn start(opts: RecordOptions) -> Result<Recording, RecordError> {
        let facts = opts.platform.facts();
        let limit = match (opts.max_duration, facts.max_duration) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let platform_limit = facts.max_duration.is_some() && limit == facts.max_duration;
        let target = facts.target;
        let encoder: Box<dyn Encode> = match target {
            Target::OggOpus => Box::new(OggOpusEncoder::new(OpusSettings {
                bitrate: recording_bitrate(opts.platform),
                ..OpusSettings::default()
            })?),
            other => convert::encoder_for(other, limit.unwrap_or(Duration::from_secs(60)))?,
        };
        let capture = capture::open(opts.device.as_deref())?;
        let rate = capture.sample_rate;
        let spool = Spool::create(&opts.spool_dir, rate, opts.platform, opts.clean)?;
        let cleanup = opts.clean.then(|| LiveCleanup::new(rate));
        let resampler = Resampler::new(rate, encoder.sample_rate())?;
        let shared = Arc::new(Shared {
            rate,
            paused: AtomicBool::new(false),
            stop: AtomicBool::new(false),
            cancel: AtomicBool::new(false),
            state: AtomicU8::new(State::Recording as u8),
            samples: AtomicU64::new(0),
            size: AtomicU64::new(0),
            level: LevelCell::default(),
        });
        let overruns = capture.state.clone();
        let worker_shared = shared.clone();
        let limit_samples = limit.map(|d| (d.as_secs_f64() * rate as f64).round() as u64);
        let platform = opts.platform;
        let worker = std::thread::Builder::new()
            .name("hark-recorder".into())
            .spawn(move || {
                Worker {
                    capture,
                    shared: worker_shared,
                    spool: Some(spool),
                    cleanup,
                    pipeline: Pipeline {
                        resampler,
                        encoder,
                        resampled: Vec::new(),
                        bytes: Vec::new(),
                    },
                    target,
                    platform,
                    limit_samples,
                    platform_limit,
                }
                .run()
            })
            .map_err(RecordError::Spool)?;
        Ok(Recording {
            shared,
            worker: Some(worker),
            limit,
            platform_limit,
            overruns,
        })
    }

    /// Whether the limit in `status()` is the platform's own.
    pub fn limit_is_platforms(&self) -> bool {
        self.platform_limit
    }

    pub fn status(&self) -> Status {
        let elapsed = self.shared.samples.load(Ordering::Relaxed) as f64 / self.shared.rate as f64;
        Status {
            state: State::from_u8(self.shared.state.load(Ordering::Acquire)),
            elapsed: Duration::from_secs_f64(elapsed),
            limit: self.limit,
            size_estimate: self.shared.size.load(Ordering::Relaxed),
            level: self.shared.level.get(),
            overruns: self.overruns.overruns.load(Ordering::Relaxed),
        }
    }

    /// True once the take has ended by itself (limit reached, device failed).
    pub fn ended(&self) -> bool {
        matches!(
            self.status().state,
            State::LimitReached | State::DeviceFailed
        ) || self.worker.as_ref().is_some_and(|w| w.is_finished())
    }

    pub fn pause(&self) {
        self.shared.paused.store(true, Ordering::Release);
    }

    pub fn resume(&self) {
        self.shared.paused.store(false, Ordering::Release);
    }

    /// Ends the take and returns the finished note (ready to send at once).
    pub fn stop(mut self) -> Result<Take, RecordError> {
        self.shared.stop.store(true, Ordering::Release);
        self.join()
    }

    /// Ends the take and deletes everything it wrote.
    pub fn cancel(mut self) {
        self.shared.cancel.store(true, Ordering::Release);
        let _ = self.join();
    }

    fn join(&mut self) -> Result<Take, RecordError> {
        let worker = self.worker.take().ok_or(RecordError::Cancelled)?;
        worker.join().unwrap_or_else(|_| {
            Err(RecordError::Spool(std::io::Error::other(
                "the recorder stopped unexpectedly",
            )))
        })
    }
}

impl Drop for Recording {
    fn drop(&mut self) {
        if self.worker.is_some() {
            self.shared.cancel.store(true, Ordering::Release);
            let _ = self.join();
        }
    }
}

struct Worker {
    capture: Capture,
    shared: Arc<Shared>,
    spool: Option<Spool>,
    cleanup: Option<LiveCleanup>,
    pipeline: Pipeline,
    target: Target,
    platform: Platform,
    limit_samples: Option<u64>,
    platform_limit: bool,
}

/// A take whose loudest moment is quieter than this heard nothing.
const SILENT_DBFS: f32 = -60.0;

/// No audio at all for this long means the device has stalled (some drivers block
/// instead of reporting an unplugged device). Real devices deliver every 10–20 ms.
const STALL: Duration = Duration::from_secs(3);
/// Before the first audio, a device may take longer: a sound server under load, or one
/// that delivers in blocks (PulseAudio's sine source sends 2 s at a time), can take a
/// few seconds to start. A device silent this long from the start has not started.
const FIRST_AUDIO: Duration = Duration::from_secs(10);

/// How long the worker sleeps when the ring is empty: well under a 20 ms frame.
const IDLE: Duration = Duration::from_millis(5);

impl Worker {
    /// Passes samples through the live cleanup (if on) to the encoder.
    fn feed(&mut self, samples: &[f32], cleaned: &mut Vec<f32>) -> Result<(), ClipError> {
        match self.cleanup.as_mut() {
            Some(cleanup) => {
                cleaned.clear();
                cleanup.push(samples, cleaned);
                self.pipeline.feed(cleaned)
            }
            None => self.pipeline.feed(samples),
        }
    }

    /// The take, step by step: drain what the microphone delivered, hold it while
    /// paused, keep it (spool, meter, encoder) until stopped, at the limit or the
    /// device fails; then finish the note.
    fn run(mut self) -> Result<Take, RecordError> {
        let mut take = TakeSoFar::new(
            self.capture.channels,
            self.shared.rate,
            nominal_bytes_per_sec(self.target, self.platform),
        );
        let ended_by = loop {
            if self.shared.cancel.load(Ordering::Acquire) {
                if let Some(spool) = self.spool.take() {
                    spool.remove();
                }
                return Err(RecordError::Cancelled);
            }
            // Read before draining: once a stop is seen, everything that arrived
            // before it is drained first.
            let stopping = self.shared.stop.load(Ordering::Acquire);
            if !self.drain(&mut take) {
                match self.idle(&take, stopping) {
                    Some(end) => break end,
                    None => continue,
                }
            }
            if self.pause(&mut take)? {
                continue;
            }
            if let Some(end) = self.keep(&mut take)? {
                break end;
            }
        };
        self.finish(take, ended_by)
    }

    /// Moves what the microphone delivered into `take.mono`; false when nothing came.
    fn drain(&mut self, take: &mut TakeSoFar) -> bool {
        let channels = take.channels;
        let whole = self.capture.consumer.slots() / channels * channels;
        if whole == 0 {
            return false;
        }
        take.last_audio = std::time::Instant::now();
        take.heard_any = true;
        take.interleaved.clear();
        if let Ok(chunk) = self.capture.consumer.read_chunk(whole) {
            let (a, b) = chunk.as_slices();
            take.interleaved.extend_from_slice(a);
            take.interleaved.extend_from_slice(b);
            chunk.commit_all();
        }
        take.mono.clear();
        crate::audio::decode::downmix_into(&take.interleaved, channels, &mut take.mono);
        true
    }

    /// Nothing to drain: the take ends if a stop was asked or the device has failed
    /// (or stalled, which counts as failing); otherwise the worker waits a moment.
    fn idle(&mut self, take: &TakeSoFar, stopping: bool) -> Option<EndReason> {
        if stopping {
            return Some(EndReason::Stopped);
        }
        let patience = if take.heard_any { STALL } else { FIRST_AUDIO };
        if take.last_audio.elapsed() >= patience {
            self.capture.state.fail(AudioError::NoInputDevice {
                detail: if take.heard_any {
                    format!(
                        "the microphone stopped sending sound ({} s without any)",
                        STALL.as_secs()
                    )
                } else {
                    format!(
                        "the microphone sent no sound in its first {} s",
                        FIRST_AUDIO.as_secs()
                    )
                },
            });
        }
        if self.capture.state.failed.load(Ordering::Acquire) {
            return Some(EndReason::DeviceFailed);
        }
        std::thread::sleep(IDLE);
        None
    }

    /// While paused, what was drained is dropped: the note fades out on pausing and
    /// back in on resuming, so the cut makes no click. True while paused.
    fn pause(&mut self, take: &mut TakeSoFar) -> Result<bool, ClipError> {
        let paused = self.shared.paused.load(Ordering::Acquire);
        if paused {
            if !take.was_paused {
                take.staged.clear();
                take.fade.fade_out(&mut take.staged);
                self.feed(&take.staged, &mut take.cleaned)?;
                self.shared
                    .state
                    .store(State::Paused as u8, Ordering::Release);
                self.shared.level.set(Level::SILENT);
            }
            take.was_paused = true;
            return Ok(true);
        }
        if take.was_paused {
            take.fade.fade_in_next();
            self.shared
                .state
                .store(State::Recording as u8, Ordering::Release);
            take.was_paused = false;
        }
        Ok(false)
    }

    /// Keeps what was drained, up to the limit: into the spool (the crash-safe copy),
    /// the level meter and the encoder; the end reason once the limit is reached.
    fn keep(&mut self, take: &mut TakeSoFar) -> Result<Option<EndReason>, RecordError> {
        let mut at_limit = false;
        if let Some(max) = self.limit_samples {
            let left = max.saturating_sub(take.recorded) as usize;
            if take.mono.len() >= left {
                take.mono.truncate(left);
                at_limit = true;
            }
        }
        if let Some(spool) = self.spool.as_mut() {
            spool.write(&take.mono)?;
        }
        take.meter.feed(&take.mono, &self.shared.level);
        take.staged.clear();
        take.fade.push(&take.mono, &mut take.staged);
        self.feed(&take.staged, &mut take.cleaned)?;
        take.recorded += take.mono.len() as u64;
        self.shared.samples.store(take.recorded, Ordering::Relaxed);
        let rate = self.shared.rate as f64;
        let estimate = (self.pipeline.bytes.len() as u64)
            .max((take.recorded as f64 / rate * take.bytes_per_sec) as u64);
        self.shared.size.store(estimate, Ordering::Relaxed);
        if at_limit {
            self.shared
                .state
                .store(State::LimitReached as u8, Ordering::Release);
            return Ok(Some(EndReason::LimitReached));
        }
        Ok(None)
    }

    /// Ends the note: a last fade out, the cleanup's tail, the encoder flushed, and the
    /// finished note with what happened. A take with no sound at all is no note.
    fn finish(mut self, mut take: TakeSoFar, ended_by: EndReason) -> Result<Take, RecordError> {
        if take.recorded == 0 {
            if let Some(spool) = self.spool.take() {
                spool.remove();
            }
            return match self.capture.state.take_failure() {
                Some(err) => Err(RecordError::Audio(err)),
                None => Err(RecordError::Empty),
            };
        }
        take.staged.clear();
        take.fade.fade_out(&mut take.staged);
        self.feed(&take.staged, &mut take.cleaned)?;
        let report = self.cleanup.as_mut().map(|c| {
            take.cleaned.clear();
            let report = c.finish(&mut take.cleaned);
            (report, std::mem::take(&mut take.cleaned))
        });
        let report = match report {
            Some((report, tail)) => {
                self.pipeline.feed(&tail)?;
                Some(report)
            }
            None => None,
        };
        let bytes = self.pipeline.finish()?;
        let state = if ended_by == EndReason::DeviceFailed {
            State::DeviceFailed
        } else if ended_by == EndReason::LimitReached {
            State::LimitReached
        } else {
            State::Finished
        };
        self.shared.state.store(state as u8, Ordering::Release);
        let note = convert::finish_note(
            self.platform,
            self.target,
            bytes,
            None,
            self.platform_limit && ended_by == EndReason::LimitReached,
            report,
        )?;
        let device_error = self.capture.state.take_failure();
        Ok(Take {
            note,
            device: self.capture.device.clone(),
            ended_by,
            device_error,
            overruns: self.capture.state.overruns.load(Ordering::Relaxed),
            silent: take.meter.loudest_rms_dbfs() < SILENT_DBFS,
            spool: self.spool.take(),
        })
    }
}

/// What the worker holds of the take in progress, between its steps: the buffers it
/// reuses, the fade and the meter, and how much has been kept.
struct TakeSoFar {
    channels: usize,
    meter: Meter,
    fade: Fade,
    interleaved: Vec<f32>,
    mono: Vec<f32>,
    staged: Vec<f32>,
    cleaned: Vec<f32>,
    /// Samples kept (at the capture rate).
    recorded: u64,
    was_paused: bool,
    bytes_per_sec: f64,
    last_audio: std::time::Instant,
    heard_any: bool,
}

impl TakeSoFar {
    fn new(channels: u16, rate: u32, bytes_per_sec: f64) -> TakeSoFar {
        let channels = channels.max(1) as usize;
        TakeSoFar {
            channels,
            meter: Meter::new(rate),
            fade: Fade::new(rate),
            interleaved: Vec::with_capacity(rate as usize * channels / 10),
            mono: Vec::with_capacity(rate as usize / 10),
            staged: Vec::with_capacity(rate as usize / 10),
            cleaned: Vec::with_capacity(rate as usize / 10),
            recorded: 0,
            was_paused: false,
            bytes_per_sec,
            last_audio: std::time::Instant::now(),
            heard_any: false,
        }
    }
}

/// Resampling and encoding, and the bytes made so far.
struct Pipeline {
    resampler: Resampler,
    encoder: Box<dyn Encode>,
    resampled: Vec<f32>,
    bytes: Vec<u8>,
}

impl Pipeline {
    fn feed(&mut self, samples: &[f32]) -> Result<(), ClipError> {
        if samples.is_empty() {
            return Ok(());
        }
        self.resampled.clear();
        self.resampler.push(samples, &mut self.resampled)?;
        self.encoder.push(&self.resampled)?;
        self.bytes.extend(self.encoder.take_bytes());
        Ok(())
    }

    /// Flushes the resampler and the encoder; returns the whole note.
    fn finish(&mut self) -> Result<Vec<u8>, ClipError> {
        self.resampled.clear();
        self.resampler.finish(&mut self.resampled)?;
        self.encoder.push(&self.resampled)?;
        self.bytes.extend(self.encoder.finish()?);
        Ok(std::mem::take(&mut self.bytes))
    }
}

/// Bytes a second of the note takes, for the running size estimate of formats whose
/// bytes only come at the end.
fn nominal_bytes_per_sec(target: Target, platform: Platform) -> f64 {
    match target {
        Target::OggOpus => recording_bitrate(platform) as f64 / 8.0 * 1.03,
        Target::AmrNb => 1_600.0,
        Target::M4aAac => 64_000.0 / 8.0 * 1.02,
        Target::Mp3 => 16_000.0,
    }
}
