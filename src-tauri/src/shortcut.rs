//! The global shortcut that records from anywhere (another app in front), chosen in
//! Settings: Ctrl+Shift+Space (Cmd+Shift+Space on macOS) until the agent picks other
//! keys. Two modes: press to start and press again to stop, or hold to talk (the take
//! lasts while the keys are held and is kept when they are let go). The shell tells
//! the window, which starts or stops the recording exactly as the record button does.

use std::sync::Mutex;

use hark_core::i18n::Words;
use hark_core::settings::ShortcutMode;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use tauri_plugin_global_shortcut::{Code, GlobalShortcutExt, Modifiers, Shortcut, ShortcutState};

use crate::CommandError;
use crate::events;

/// The shortcut registered now, if any: put back when new keys cannot be had.
#[derive(Default)]
pub struct Registered(Mutex<Option<(String, ShortcutMode)>>);

/// Registers the saved shortcut at start. A desktop that refuses global shortcuts
/// (some Wayland compositors), or keys another program took since, leave the app fully
/// usable; the reason goes to stderr, and Settings offers other keys.
pub fn register_saved<R: Runtime>(app: &AppHandle<R>, keys: &str, mode: ShortcutMode) {
    app.manage(Registered::default());
    if let Err(err) = apply(app, keys, mode) {
        eprintln!("Hark: the recording shortcut is not available: {err}");
    }
}

/// Makes `keys` the recording shortcut, working in `mode`. Keys that are not a
/// shortcut, or that another program holds, are refused in words, and the shortcut
/// registered before stays.
pub fn apply<R: Runtime>(
    app: &AppHandle<R>,
    keys: &str,
    mode: ShortcutMode,
) -> Result<(), CommandError> {
    let shortcut = parse(keys)?;
    let global = app.global_shortcut();
    let registered = app.state::<Registered>();
    let mut current = registered.0.lock().unwrap_or_else(|e| e.into_inner());
    if current
        .as_ref()
        .is_some_and(|(k, m)| k == keys && *m == mode)
    {
        return Ok(());
    }
    let _ = global.unregister_all();
    match listen(app, shortcut, mode) {
        Ok(()) => {
            *current = Some((keys.to_owned(), mode));
            Ok(())
        }
        Err(err) => {
            if let Some((keys, mode)) = current.as_ref()
                && let Ok(before) = parse(keys)
                && listen(app, before, *mode).is_err()
            {
                *current = None;
            }
            let taken = err.to_string().contains("already registered");
            Err(if taken {
                CommandError::shell(
                    "shortcut_taken",
                    Words::new("app-error-shortcut-taken").text("keys", label(keys)),
                    Words::new("app-remedy-shortcut-taken"),
                )
            } else {
                CommandError::shell(
                    "shortcut_unavailable",
                    Words::new("app-error-shortcut-unavailable")
                        .text("keys", label(keys))
                        .text("detail", err.to_string()),
                    Words::new("app-remedy-shortcut-unavailable"),
                )
            }
            .in_field("shortcut"))
        }
    }
}

fn listen<R: Runtime>(
    app: &AppHandle<R>,
    shortcut: Shortcut,
    mode: ShortcutMode,
) -> Result<(), tauri_plugin_global_shortcut::Error> {
    app.global_shortcut()
        .on_shortcut(shortcut, move |app, _, event| match mode {
            ShortcutMode::Toggle => {
                if event.state == ShortcutState::Pressed {
                    let _ = app.emit_to("main", events::TOGGLE_RECORDING, ());
                }
            }
            ShortcutMode::Hold => {
                let down = event.state == ShortcutState::Pressed;
                let _ = app.emit_to("main", events::HOLD_RECORDING, down);
            }
        })
}

/// The keys as a shortcut: a key with Ctrl, Alt or Super (Shift alone is typing), or
/// an F key by itself.
fn parse(keys: &str) -> Result<Shortcut, CommandError> {
    let not_a_shortcut = |why: &str| {
        CommandError::shell(
            "shortcut_invalid",
            Words::new(why).text("keys", label(keys)),
            Words::new("app-remedy-shortcut-invalid"),
        )
        .in_field("shortcut")
    };
    let shortcut: Shortcut = keys
        .parse()
        .map_err(|_| not_a_shortcut("app-error-shortcut-unknown"))?;
    let f_key = matches!(
        shortcut.key,
        Code::F1
            | Code::F2
            | Code::F3
            | Code::F4
            | Code::F5
            | Code::F6
            | Code::F7
            | Code::F8
            | Code::F9
            | Code::F10
            | Code::F11
            | Code::F12
            | Code::F13
            | Code::F14
            | Code::F15
            | Code::F16
            | Code::F17
            | Code::F18
            | Code::F19
            | Code::F20
            | Code::F21
            | Code::F22
            | Code::F23
            | Code::F24
    );
    let held = Modifiers::CONTROL | Modifiers::ALT | Modifiers::SUPER | Modifiers::META;
    if !f_key && !shortcut.mods.intersects(held) {
        return Err(not_a_shortcut("app-error-shortcut-while-typing"));
    }
    Ok(shortcut)
}

/// The keys in the words of the keyboard: "CommandOrControl+Shift+Space" is
/// "Ctrl+Shift+Space" (Cmd on macOS), "KeyR" is "R".
pub fn label(keys: &str) -> String {
    keys.split('+')
        .map(|part| {
            let part = part.trim();
            match part.to_ascii_lowercase().as_str() {
                "commandorcontrol" | "cmdorctrl" | "commandorctrl" | "cmdorcontrol" => {
                    if cfg!(target_os = "macos") {
                        "Cmd"
                    } else {
                        "Ctrl"
                    }
                    .to_owned()
                }
                "control" | "ctrl" => "Ctrl".to_owned(),
                "super" | "meta" | "command" | "cmd" => if cfg!(target_os = "macos") {
                    "Cmd"
                } else {
                    "Super"
                }
                .to_owned(),
                "option" | "alt" => "Alt".to_owned(),
                _ => part
                    .strip_prefix("Key")
                    .or_else(|| part.strip_prefix("Digit"))
                    .filter(|rest| rest.len() == 1)
                    .unwrap_or(part)
                    .to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("+")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_named_as_on_the_keyboard() {
        #[cfg(not(target_os = "macos"))]
        assert_eq!(label("CommandOrControl+Shift+Space"), "Ctrl+Shift+Space");
        assert_eq!(label("Ctrl+Alt+KeyR"), "Ctrl+Alt+R");
        assert_eq!(label("Ctrl+Alt+R"), "Ctrl+Alt+R");
        assert_eq!(label("Alt+Digit5"), "Alt+5");
    }

    #[test]
    fn a_shortcut_needs_a_holding_key_unless_it_is_an_f_key() {
        assert!(parse("Ctrl+Alt+R").is_ok());
        assert!(parse("CommandOrControl+Shift+Space").is_ok());
        assert!(parse("F9").is_ok());
        let typing = parse("Shift+R").unwrap_err();
        assert_eq!(typing.code, "shortcut_invalid");
        assert_eq!(typing.field.as_deref(), Some("shortcut"));
        assert!(
            typing.message.contains("while typing"),
            "{}",
            typing.message
        );
        assert_eq!(parse("Ctrl+Nope").unwrap_err().code, "shortcut_invalid");
    }
}
