//! Capturing a microphone with cpal.
//!
//! The stream is built and started on its own thread, which reports success or the
//! real error back before `open` returns (no device, no sound server, permission
//! denied, busy, unsupported format). The cpal callback only converts samples to f32
//! and copies them into a lock-free single-producer ring (`rtrb`): no allocation, lock,
//! I/O or logging there. When the ring is full the samples are counted as overruns.

use std::str::FromStr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread::JoinHandle;
use std::time::Duration;

use cpal::traits::{DeviceTrait, HostTrait, StreamTrait};
use cpal::{FromSample, SizedSample};

use crate::audio::devices::{AudioError, InputDevice, describe_device};
use crate::audio::host::with_host;

/// Seconds of audio the ring holds if the worker falls behind.
const RING_SECONDS: usize = 4;
const OPEN_TIMEOUT: Duration = Duration::from_secs(10);

/// What the callback and the error callback share with the worker.
#[derive(Default)]
pub struct CaptureState {
    /// Samples (not frames) dropped because the ring was full.
    pub overruns: AtomicU64,
    /// Set by the stream's error callback (device unplugged, stream died).
    pub failed: AtomicBool,
    pub failure: Mutex<Option<AudioError>>,
}

impl CaptureState {
    /// Records a failure noticed outside the stream's own error callback.
    pub fn fail(&self, err: AudioError) {
        if let Ok(mut slot) = self.failure.lock() {
            slot.get_or_insert(err);
        }
        self.failed.store(true, Ordering::Release);
    }

    /// The device's error, if the stream failed (taken once).
    pub fn take_failure(&self) -> Option<AudioError> {
        self.failure.lock().ok().and_then(|mut f| f.take())
    }
}

/// A running input stream. Dropping it stops the stream.
pub struct Capture {
    pub consumer: rtrb::Consumer<f32>,
    pub channels: u16,
    pub sample_rate: u32,
    pub device: InputDevice,
    pub state: Arc<CaptureState>,
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

/// How long closing a stream may take before its thread is left to finish alone: a
/// driver whose device vanished can block forever, and the app must not.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(2);

impl Drop for Capture {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(t) = self.thread.take() {
            let deadline = std::time::Instant::now() + CLOSE_TIMEOUT;
            while !t.is_finished() && std::time::Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(5));
            }
            if t.is_finished() {
                let _ = t.join();
            }
        }
    }
}

type Opened = (rtrb::Consumer<f32>, u16, u32, InputDevice);

/// Opens `device` (an id such as `pulseaudio:vmic`, or part of a device's name), or
/// the default input when `None`, and starts capturing.
pub fn open(device: Option<&str>) -> Result<Capture, AudioError> {
    crate::audio::quiet();
    let wanted = device.map(str::to_string);
    let state = Arc::new(CaptureState::default());
    let (ready_tx, ready_rx) = mpsc::channel::<Result<Opened, AudioError>>();
    let (stop_tx, stop_rx) = mpsc::channel::<()>();
    let thread_state = state.clone();
    let thread = std::thread::Builder::new()
        .name("hark-capture".into())
        .spawn(move || match start(wanted.as_deref(), thread_state) {
            Ok((stream, opened)) => {
                let _ = ready_tx.send(Ok(opened));
                // Keep the stream alive until the Capture is dropped.
                let _ = stop_rx.recv();
                drop(stream);
            }
            Err(err) => {
                let _ = ready_tx.send(Err(err));
            }
        })
        .map_err(|e| AudioError::Backend {
            detail: e.to_string(),
        })?;
    let opened = match ready_rx.recv_timeout(OPEN_TIMEOUT) {
        Ok(result) => result?,
        Err(_) => {
            return Err(AudioError::NoSoundServer {
                detail: format!(
                    "the sound system did not open the microphone within {} seconds",
                    OPEN_TIMEOUT.as_secs()
                ),
            });
        }
    };
    let (consumer, channels, sample_rate, device) = opened;
    Ok(Capture {
        consumer,
        channels,
        sample_rate,
        device,
        state,
        stop: Some(stop_tx),
        thread: Some(thread),
    })
}

/// Finds the device: by exact id, else by a case-insensitive part of its name.
fn select(host: &cpal::Host, wanted: Option<&str>) -> Result<cpal::Device, AudioError> {
    let Some(wanted) = wanted else {
        return host
            .default_input_device()
            .ok_or_else(|| AudioError::NoInputDevice {
                detail: format!("the {} sound system has no default input", host.id().name()),
            });
    };
    if let Ok(id) = cpal::DeviceId::from_str(wanted)
        && let Some(device) = host.device_by_id(&id)
    {
        return Ok(device);
    }
    let needle = wanted.to_lowercase();
    host.input_devices()?
        .find(|d| {
            d.description()
                .is_ok_and(|desc| desc.name().to_lowercase().contains(&needle))
        })
        .ok_or_else(|| AudioError::NoInputDevice {
            detail: format!("there is no input device called \"{wanted}\" (see `hark devices`)"),
        })
}

fn start(
    wanted: Option<&str>,
    state: Arc<CaptureState>,
) -> Result<(cpal::Stream, Opened), AudioError> {
    // The name people know the input by comes from the default host (on Linux the
    // sound server, which names its sources); the host is made once and shared.
    let ((id, name), device) = with_host(|host| -> Result<_, AudioError> {
        Ok((
            describe_device(&select(host, wanted)?)?,
            capture_device(host, wanted)?,
        ))
    })?;
    let supported = device.default_input_config()?;
    let channels = supported.channels();
    let rate = supported.sample_rate();
    let format = supported.sample_format();
    let mut config = supported.config();
    // Ask for 20 ms buffers: sound servers otherwise pick buffers of a second or more,
    // which makes the meter lag and holds back the end of a take at stop.
    // (cpal's PulseAudio host stalls on fixed record buffers: leave it its default.)
    let wanted_frames = rate / 50;
    config.buffer_size = match *supported.buffer_size() {
        _ if device_host_is_pulse(&device) => cpal::BufferSize::Default,
        cpal::SupportedBufferSize::Range { min, max } => {
            cpal::BufferSize::Fixed(wanted_frames.clamp(min, max))
        }
        cpal::SupportedBufferSize::Unknown => cpal::BufferSize::Default,
    };
    let (stream, consumer) = match open_stream(&device, &config, format, state.clone()) {
        Ok(opened) => opened,
        // A device that refuses the small buffer gets its own default.
        Err(AudioError::Unsupported { .. } | AudioError::Backend { .. }) => {
            config.buffer_size = cpal::BufferSize::Default;
            open_stream(&device, &config, format, state)?
        }
        Err(err) => return Err(err),
    };
    stream.play()?;
    let info = InputDevice {
        id: id.to_string(),
        name,
        is_default: wanted.is_none(),
        default_format: None,
        supported: Vec::new(),
    };
    Ok((stream, (consumer, channels, rate, info)))
}

/// The device to capture from. On Linux the default input is opened through the ALSA
/// host (which reaches PulseAudio or PipeWire through their ALSA plugin), because it
/// delivers audio every ~10 ms; cpal's PulseAudio host hands it over in ~⅓ s chunks
/// and stalls when asked for small buffers. A device chosen by id or name is opened on
/// the host that listed it.
fn capture_device(host: &cpal::Host, wanted: Option<&str>) -> Result<cpal::Device, AudioError> {
    #[cfg(target_os = "linux")]
    if wanted.is_none() && host.id() != cpal::HostId::Alsa {
        let alsa = cpal::host_from_id(cpal::HostId::Alsa)?;
        if let Some(device) = alsa.default_input_device()
            && device.default_input_config().is_ok()
        {
            return Ok(device);
        }
    }
    select(host, wanted)
}

fn device_host_is_pulse(device: &cpal::Device) -> bool {
    device
        .id()
        .is_ok_and(|id| id.to_string().starts_with("pulseaudio:"))
}

/// Makes a ring and a stream that fills it, for the device's sample format.
fn open_stream(
    device: &cpal::Device,
    config: &cpal::StreamConfig,
    format: cpal::SampleFormat,
    state: Arc<CaptureState>,
) -> Result<(cpal::Stream, rtrb::Consumer<f32>), AudioError> {
    let size = config.sample_rate as usize * config.channels as usize * RING_SECONDS;
    let (producer, consumer) = rtrb::RingBuffer::new(size);
    use cpal::SampleFormat as F;
    let stream = match format {
        F::I8 => build::<i8>(device, config, producer, state),
        F::I16 => build::<i16>(device, config, producer, state),
        F::I32 => build::<i32>(device, config, producer, state),
        F::I64 => build::<i64>(device, config, producer, state),
        F::U8 => build::<u8>(device, config, producer, state),
        F::U16 => build::<u16>(device, config, producer, state),
        F::U32 => build::<u32>(device, config, producer, state),
        F::U64 => build::<u64>(device, config, producer, state),
        F::F32 => build::<f32>(device, config, producer, state),
        F::F64 => build::<f64>(device, config, producer, state),
        other => Err(AudioError::Unsupported {
            detail: format!("the microphone delivers {other} samples"),
        }),
    }?;
    Ok((stream, consumer))
}

/// The whole of the real-time callback: convert and copy what fits into the ring,
/// count the rest as overruns. No allocation, lock, I/O or logging.
fn copy_into_ring<T>(data: &[T], producer: &mut rtrb::Producer<f32>, overruns: &AtomicU64)
where
    T: SizedSample,
    f32: FromSample<T>,
{
    let fits = producer.slots().min(data.len());
    if let Ok(chunk) = producer.write_chunk_uninit(fits) {
        chunk.fill_from_iter(data[..fits].iter().map(|&s| s.to_sample::<f32>()));
    }
    if fits < data.len() {
        overruns.fetch_add((data.len() - fits) as u64, Ordering::Relaxed);
    }
}

fn build<T>(
    device: &cpal::Device,
    config: &cpal::StreamConfig,
    mut producer: rtrb::Producer<f32>,
    state: Arc<CaptureState>,
) -> Result<cpal::Stream, AudioError>
where
    T: SizedSample,
    f32: FromSample<T>,
{
    let data_state = state.clone();
    let on_data = move |data: &[T], _: &cpal::InputCallbackInfo| {
        copy_into_ring(data, &mut producer, &data_state.overruns);
    };
    let on_error = move |err: cpal::Error| state.fail(AudioError::from(err));
    Ok(device.build_input_stream::<T, _, _>(*config, on_data, on_error, Some(OPEN_TIMEOUT))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples_of_any_format_arrive_as_f32_in_order() {
        let (mut producer, mut consumer) = rtrb::RingBuffer::new(8);
        let overruns = AtomicU64::new(0);
        copy_into_ring(&[0i16, 16384, -32768], &mut producer, &overruns);
        copy_into_ring(&[0.25f32], &mut producer, &overruns);
        copy_into_ring(&[128u8, 255], &mut producer, &overruns);
        let got: Vec<f32> = std::iter::from_fn(|| consumer.pop().ok()).collect();
        let want = [0.0, 0.5, -1.0, 0.25, 0.0, 127.0 / 128.0];
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(want) {
            assert!((g - w).abs() < 1e-6, "{got:?}");
        }
        assert_eq!(overruns.load(Ordering::Relaxed), 0);
    }

    #[test]
    fn a_full_ring_counts_overruns_and_keeps_what_fits() {
        let (mut producer, mut consumer) = rtrb::RingBuffer::new(4);
        let overruns = AtomicU64::new(0);
        copy_into_ring(&[0.1f32, 0.2, 0.3], &mut producer, &overruns);
        copy_into_ring(&[0.4f32, 0.5, 0.6], &mut producer, &overruns);
        assert_eq!(
            overruns.load(Ordering::Relaxed),
            2,
            "two samples did not fit"
        );
        let got: Vec<f32> = std::iter::from_fn(|| consumer.pop().ok()).collect();
        assert_eq!(got, [0.1, 0.2, 0.3, 0.4], "the oldest are kept, in order");
        copy_into_ring(&[0.7f32], &mut producer, &overruns);
        assert_eq!(consumer.pop(), Ok(0.7), "it recovers once drained");
    }
}
