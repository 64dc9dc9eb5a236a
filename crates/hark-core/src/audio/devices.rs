//! Input devices, as the OS's default audio host sees them (cpal).

use cpal::traits::{DeviceTrait, HostTrait};
use serde::Serialize;

use crate::i18n::{Said, Words};
use crate::{ProblemKind, UserError};

/// The format a device opens in when nothing else is asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StreamFormat {
    pub sample_rate: u32,
    pub channels: u16,
    pub sample_format: String,
}

/// One configuration range a device supports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SupportedFormat {
    pub channels: u16,
    pub min_sample_rate: u32,
    pub max_sample_rate: u32,
    pub sample_format: String,
}

/// One microphone (or other capture source).
#[derive(Debug, Clone, Serialize)]
pub struct InputDevice {
    /// Stable id, e.g. `pulseaudio:alsa_input.usb-Jabra…`; use it to pick the device.
    pub id: String,
    /// What the OS calls it, for people.
    pub name: String,
    pub is_default: bool,
    /// `None` when the device is listed but would not open.
    pub default_format: Option<StreamFormat>,
    /// Every rate range and channel count the device offers (empty if unknown).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub supported: Vec<SupportedFormat>,
}

/// What the default audio host offers for recording.
#[derive(Debug, Clone, Serialize)]
pub struct InputInventory {
    /// The audio host in use, e.g. "PulseAudio" or "ALSA".
    pub host: String,
    pub devices: Vec<InputDevice>,
}

impl InputInventory {
    pub fn default_device(&self) -> Option<&InputDevice> {
        self.devices.iter().find(|d| d.is_default)
    }
}

#[derive(Debug, Clone, thiserror::Error)]
pub enum AudioError {
    #[error("{}", self.words().english())]
    NoInputDevice { detail: String },
    #[error("{}", self.words().english())]
    NoSoundServer { detail: String },
    #[error("{}", self.words().english())]
    PermissionDenied { detail: String },
    #[error("{}", self.words().english())]
    DeviceBusy { detail: String },
    #[error("{}", self.words().english())]
    Unsupported { detail: String },
    #[error("{}", self.words().english())]
    Backend { detail: String },
}

impl AudioError {
    /// Its sentence and remedy in the catalog's words; the sound system's own words
    /// (`detail`) are said as they are.
    fn words(&self) -> Said {
        let (AudioError::NoInputDevice { detail }
        | AudioError::NoSoundServer { detail }
        | AudioError::PermissionDenied { detail }
        | AudioError::DeviceBusy { detail }
        | AudioError::Unsupported { detail }
        | AudioError::Backend { detail }) = self;
        let id = self.code().replace('_', "-");
        Said::new(
            Words::new(format!("error-{id}")).text("detail", detail.clone()),
            Words::new(format!("remedy-{id}")),
        )
    }
}

impl UserError for AudioError {
    fn code(&self) -> &'static str {
        match self {
            AudioError::NoInputDevice { .. } => "no_input_device",
            AudioError::NoSoundServer { .. } => "no_sound_server",
            AudioError::PermissionDenied { .. } => "microphone_denied",
            AudioError::DeviceBusy { .. } => "device_busy",
            AudioError::Unsupported { .. } => "unsupported_input_format",
            AudioError::Backend { .. } => "audio_backend_error",
        }
    }

    fn said(&self) -> Option<Said> {
        Some(self.words())
    }

    fn kind(&self) -> ProblemKind {
        ProblemKind::Device
    }
}

impl From<cpal::Error> for AudioError {
    fn from(err: cpal::Error) -> Self {
        let detail = err.to_string();
        match err.kind() {
            cpal::ErrorKind::DeviceNotAvailable => AudioError::NoInputDevice { detail },
            cpal::ErrorKind::HostUnavailable => AudioError::NoSoundServer { detail },
            cpal::ErrorKind::PermissionDenied => AudioError::PermissionDenied { detail },
            cpal::ErrorKind::DeviceBusy => AudioError::DeviceBusy { detail },
            cpal::ErrorKind::UnsupportedConfig => AudioError::Unsupported { detail },
            _ => AudioError::Backend { detail },
        }
    }
}

/// Lists the default host's input devices. The default device comes first.
///
/// An error means nothing could be listed at all; a listed device that would not open
/// has `default_format: None`.
pub fn list_inputs() -> Result<InputInventory, AudioError> {
    list(true)
}

/// The input devices by id and name only, without opening any: quick on any machine
/// (opening each device to read its formats can take seconds on a busy one), for a
/// list to choose from. `default_format` is `None` and `supported` empty.
pub fn input_names() -> Result<InputInventory, AudioError> {
    list(false)
}

fn list(probe: bool) -> Result<InputInventory, AudioError> {
    super::quiet::quiet();
    super::host::with_host(|host| list_on(host, probe))
}

fn list_on(host: &cpal::Host, probe: bool) -> Result<InputInventory, AudioError> {
    let format = |device: &cpal::Device| probe.then(|| default_format(device).ok()).flatten();
    let formats = |device: &cpal::Device| {
        if probe {
            supported_formats(device)
        } else {
            Vec::new()
        }
    };
    let default = host.default_input_device();
    let default_id = default.as_ref().and_then(|d| d.id().ok());
    let mut devices: Vec<InputDevice> = host
        .input_devices()?
        .filter_map(|device| {
            let (id, name) = describe_device(&device).ok()?;
            Some(InputDevice {
                is_default: Some(&id) == default_id.as_ref(),
                id: id.to_string(),
                name,
                default_format: format(&device),
                supported: formats(&device),
            })
        })
        .collect();
    // A host may name a default that its enumeration leaves out (ALSA's `default`).
    if let Some(device) = default
        && !devices.iter().any(|d| d.is_default)
    {
        let (id, name) = describe_device(&device)?;
        devices.push(InputDevice {
            id: id.to_string(),
            name,
            is_default: true,
            default_format: format(&device),
            supported: formats(&device),
        });
    }
    devices.sort_by_key(|d| !d.is_default);
    Ok(InputInventory {
        host: host.id().name().to_string(),
        devices,
    })
}

/// Opens the default input device's default configuration, which is what recording
/// will do: the cheapest proof that a microphone is really usable. The device
/// returned always has its `default_format`.
pub fn default_input() -> Result<(InputDevice, StreamFormat), AudioError> {
    super::host::with_host(default_input_on)
}

fn default_input_on(host: &cpal::Host) -> Result<(InputDevice, StreamFormat), AudioError> {
    let device = host
        .default_input_device()
        .ok_or_else(|| AudioError::NoInputDevice {
            detail: format!("the {} sound system has no default input", host.id().name()),
        })?;
    let format = default_format(&device)?;
    let (id, name) = describe_device(&device)?;
    let input = InputDevice {
        id: id.to_string(),
        name,
        is_default: true,
        default_format: Some(format.clone()),
        supported: Vec::new(),
    };
    Ok((input, format))
}

/// A device's id and the name people know it by (its id when it has no description).
pub fn describe_device(device: &cpal::Device) -> Result<(cpal::DeviceId, String), AudioError> {
    let id = device.id()?;
    let name = device
        .description()
        .map(|d| d.name().to_string())
        .unwrap_or_else(|_| id.to_string());
    Ok((id, name))
}

fn supported_formats(device: &cpal::Device) -> Vec<SupportedFormat> {
    let mut all: Vec<SupportedFormat> = device
        .supported_input_configs()
        .map(|configs| {
            configs
                .map(|c| SupportedFormat {
                    channels: c.channels(),
                    min_sample_rate: c.min_sample_rate(),
                    max_sample_rate: c.max_sample_rate(),
                    sample_format: c.sample_format().to_string(),
                })
                .collect()
        })
        .unwrap_or_default();
    all.dedup();
    all
}

fn default_format(device: &cpal::Device) -> Result<StreamFormat, AudioError> {
    let config = device.default_input_config()?;
    Ok(StreamFormat {
        sample_rate: config.sample_rate(),
        channels: config.channels(),
        sample_format: config.sample_format().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpal_errors_map_to_stable_codes_with_remedies() {
        let cases = [
            (cpal::ErrorKind::DeviceNotAvailable, "no_input_device"),
            (cpal::ErrorKind::HostUnavailable, "no_sound_server"),
            (cpal::ErrorKind::PermissionDenied, "microphone_denied"),
            (cpal::ErrorKind::DeviceBusy, "device_busy"),
            (cpal::ErrorKind::BackendError, "audio_backend_error"),
        ];
        for (kind, code) in cases {
            let err = AudioError::from(cpal::Error::from(kind));
            assert_eq!(err.code(), code);
            assert!(err.remedy().ends_with('.'), "{code}: remedy is a sentence");
        }
    }
}
