//! Settings: the microphone (with a live test meter), cleanup while recording, the
//! recording shortcut and how it works, starting at login, the theme, the language.

use std::time::{Duration, Instant};

use hark_core::audio::devices;
use hark_core::i18n::{Lang, Surface, Words};
use hark_core::platform::Platform;
use hark_core::record::{RecordOptions, Recording};
use hark_core::settings::{Settings, ShortcutMode};
use serde::{Deserialize, Serialize};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

use crate::CommandError;
use crate::state::{Hark, blocking};

/// A microphone test ends by itself after this long.
const TEST_LENGTH: Duration = Duration::from_secs(15);

#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SettingsView {
    /// The input device's id, or null for the system's default.
    pub input_device: Option<String>,
    pub clean: bool,
    /// `system`, `light` or `dark`.
    pub theme: String,
    /// The global recording shortcut, as an accelerator ("Ctrl+Alt+R").
    pub shortcut: String,
    pub shortcut_mode: ShortcutModeView,
    /// Hark starts at login, in the tray (the desktop's autostart entry).
    pub start_at_login: bool,
    /// The window's language, or null to follow the system's.
    pub language: Option<Lang>,
    /// The system's language (what null means); not saved.
    pub system_language: Lang,
}

/// How the global recording shortcut works.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum ShortcutModeView {
    /// Press to start, press again to stop.
    Toggle,
    /// Records while the keys are held; the note is kept when they are let go.
    Hold,
}

impl From<ShortcutMode> for ShortcutModeView {
    fn from(mode: ShortcutMode) -> Self {
        match mode {
            ShortcutMode::Toggle => ShortcutModeView::Toggle,
            ShortcutMode::Hold => ShortcutModeView::Hold,
        }
    }
}

impl From<ShortcutModeView> for ShortcutMode {
    fn from(mode: ShortcutModeView) -> Self {
        match mode {
            ShortcutModeView::Toggle => ShortcutMode::Toggle,
            ShortcutModeView::Hold => ShortcutMode::Hold,
        }
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DeviceView {
    pub id: String,
    pub name: String,
    pub is_default: bool,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct InputLevel {
    pub rms_dbfs: f32,
    pub peak_dbfs: f32,
    /// The test is over (its time ran out, or the microphone gave out).
    pub ended: bool,
    /// Why the microphone gave out, when it did: a sentence and what to do.
    pub problem: Option<String>,
}

/// The account chosen last, to select again at start (it may have been removed since).
#[tauri::command]
#[specta::specta]
pub fn last_account(state: State<'_, Hark>) -> Result<Option<String>, CommandError> {
    Ok(hark_core::settings::last_account(state.outbox()?.db())?)
}

/// Remembers the account the agent chose.
#[tauri::command]
#[specta::specta]
pub fn remember_account(state: State<'_, Hark>, id: String) -> Result<(), CommandError> {
    Ok(hark_core::settings::remember_account(
        state.outbox()?.db(),
        &id,
    )?)
}

#[tauri::command]
#[specta::specta]
pub fn get_settings(app: AppHandle, state: State<'_, Hark>) -> Result<SettingsView, CommandError> {
    let s = Settings::load(state.outbox()?.db())?;
    Ok(SettingsView {
        input_device: s.input_device,
        clean: s.clean,
        theme: s.theme,
        shortcut: s.shortcut,
        shortcut_mode: s.shortcut_mode.into(),
        start_at_login: crate::autostart::is_on(&app),
        language: s.language,
        system_language: Lang::from_env(),
    })
}

/// Saves the settings: the shortcut is taken first (keys another program holds are
/// refused, and nothing is saved), then start at login is set, then the rest.
#[tauri::command]
#[specta::specta]
pub fn save_settings(
    app: AppHandle,
    state: State<'_, Hark>,
    settings: SettingsView,
) -> Result<(), CommandError> {
    let mode = ShortcutMode::from(settings.shortcut_mode);
    crate::shortcut::apply(&app, &settings.shortcut, mode)?;
    crate::autostart::set(&app, settings.start_at_login)?;
    Settings {
        input_device: settings.input_device.filter(|d| !d.is_empty()),
        clean: settings.clean,
        theme: settings.theme,
        shortcut: settings.shortcut,
        shortcut_mode: mode,
        language: settings.language,
    }
    .save(state.outbox()?.db())?;
    crate::lang::choose(settings.language);
    Ok(())
}

/// The microphones Hark can record from, by name (none is opened to list them: that
/// can take seconds on a busy machine; Test opens the one chosen).
#[tauri::command]
#[specta::specta]
pub async fn input_devices() -> Result<Vec<DeviceView>, CommandError> {
    let inventory = blocking(|| devices::input_names().map_err(CommandError::from)).await?;
    Ok(inventory
        .devices
        .into_iter()
        .map(|d| DeviceView {
            id: d.id,
            name: d.name,
            is_default: d.is_default,
        })
        .collect())
}

/// Listens to `device` (or the default) and streams its level for a few seconds, so
/// the agent sees the right microphone moving. Nothing is kept.
#[tauri::command]
#[specta::specta]
pub async fn test_input(
    app: AppHandle,
    state: State<'_, Hark>,
    device: Option<String>,
    on_level: Channel<InputLevel>,
) -> Result<(), CommandError> {
    if state.recording().is_some() {
        return Err(CommandError::shell(
            "already_recording",
            Words::new("app-error-recording-under-way"),
            Words::new("app-remedy-recording-under-way"),
        ));
    }
    stop_input_test(state.clone());
    let spool_dir = state.data_dir()?.join("spool").join("test");
    let test = blocking(move || {
        Recording::start(RecordOptions {
            platform: Platform::Sandbox,
            device,
            max_duration: Some(TEST_LENGTH),
            spool_dir,
            clean: false,
        })
        .map_err(CommandError::from)
    })
    .await?;
    *state.input_test() = Some(test);
    std::thread::Builder::new()
        .name("input-test".into())
        .spawn(move || {
            let started = Instant::now();
            loop {
                let hark = app.state::<Hark>();
                let level = match hark.input_test().as_ref() {
                    Some(t) if !t.ended() && started.elapsed() < TEST_LENGTH => t.status().level,
                    _ => break,
                };
                if on_level
                    .send(InputLevel {
                        rms_dbfs: level.rms_dbfs,
                        peak_dbfs: level.peak_dbfs,
                        ended: false,
                        problem: None,
                    })
                    .is_err()
                {
                    break;
                }
                std::thread::sleep(Duration::from_millis(34));
            }
            // Over: the page hears why, if the microphone gave out (nothing is kept).
            let Some(test) = app.state::<Hark>().input_test().take() else {
                return;
            };
            let said = |e: &dyn hark_core::UserError| {
                let p = hark_core::Problem::said_in(e, crate::lang::current(), Surface::App);
                format!("{} {}", p.message, p.remedy)
            };
            let problem = if test.ended() {
                match test.stop() {
                    Ok(take) => {
                        let problem = take.device_error.as_ref().map(|e| said(e));
                        take.saved();
                        problem
                    }
                    // Nothing was heard before the device gave out.
                    Err(e) => Some(said(&e)),
                }
            } else {
                test.cancel();
                None
            };
            let _ = on_level.send(InputLevel {
                rms_dbfs: -60.0,
                peak_dbfs: -60.0,
                ended: true,
                problem,
            });
        })
        .map_err(|e| CommandError::internal(&e))?;
    Ok(())
}

/// Ends a microphone test (nothing is kept).
#[tauri::command]
#[specta::specta]
pub fn stop_input_test(state: State<'_, Hark>) {
    if let Some(test) = state.input_test().take() {
        test.cancel();
    }
}
