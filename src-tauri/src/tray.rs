//! The tray icon: it shows whether Hark is recording (the icon gains a red dot and the
//! first item says "Stop recording") and offers Record/Stop, Show Hark and Quit Hark,
//! so Hark stays at hand, and keeps recording or sending, with its window closed.
//!
//! On Linux the icon is a StatusNotifierItem (libayatana-appindicator), which a desktop
//! shows only when it runs a tray host; `host_present` tells, and the window is hidden
//! into the tray only then (elsewhere closing asks, as without a tray).

use tauri::image::Image;
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::{TrayIcon, TrayIconBuilder};
use tauri::{AppHandle, Emitter, Manager, Wry};

use crate::events;
use crate::lang::say_id;
use crate::state::Hark;

const IDLE: &[u8] = include_bytes!("../../icons/tray.png");
const RECORDING: &[u8] = include_bytes!("../../icons/tray-recording.png");

/// The menu items' ids.
const RECORD: &str = "record";
const SHOW: &str = "show";
const QUIT: &str = "quit";

/// The tray icon and the item whose words follow the recording.
pub struct Tray {
    icon: TrayIcon<Wry>,
    record: MenuItem<Wry>,
}

/// Puts Hark's icon in the tray. Without the system's tray library (a desktop with no
/// appindicator) Hark runs without a tray, and says why on stderr.
pub fn install(app: &AppHandle) {
    let made = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| make(app)));
    match made {
        Ok(Ok(tray)) => {
            app.manage(tray);
        }
        Ok(Err(err)) => eprintln!("Hark: no tray icon ({err})."),
        Err(_) => eprintln!(
            "Hark: no tray icon (the system's tray library, libayatana-appindicator3, \
             could not be loaded)."
        ),
    }
}

fn make(app: &AppHandle) -> tauri::Result<Tray> {
    let record = MenuItem::with_id(app, RECORD, say_id("tray-record"), true, None::<&str>)?;
    let show = MenuItem::with_id(app, SHOW, say_id("tray-show"), true, None::<&str>)?;
    let quit = MenuItem::with_id(app, QUIT, say_id("tray-quit"), true, None::<&str>)?;
    let separator = PredefinedMenuItem::separator(app)?;
    let menu = Menu::with_items(app, &[&record, &show, &separator, &quit])?;
    let icon = TrayIconBuilder::with_id("hark")
        .icon(Image::from_bytes(IDLE)?)
        .tooltip("Hark")
        .menu(&menu)
        .show_menu_on_left_click(true)
        .on_menu_event(|app, event| match event.id().as_ref() {
            // The window starts or stops the take exactly as its button does.
            RECORD => {
                let _ = app.emit_to("main", events::TOGGLE_RECORDING, ());
            }
            SHOW => crate::opened::show_window(app),
            QUIT => quit_asked(app),
            _ => {}
        })
        .build(app)?;
    Ok(Tray { icon, record })
}

/// Says in the tray whether a recording is under way.
pub fn show_recording(app: &AppHandle, recording: bool) {
    let Some(tray) = app.try_state::<Tray>() else {
        return;
    };
    let (words, icon, tip) = if recording {
        (
            say_id("tray-stop-recording"),
            RECORDING,
            say_id("tray-tooltip-recording"),
        )
    } else {
        (say_id("tray-record"), IDLE, "Hark".to_owned())
    };
    let _ = tray.record.set_text(words);
    let _ = tray.icon.set_icon(Image::from_bytes(icon).ok());
    let _ = tray.icon.set_tooltip(Some(tip));
}

/// Quit from the tray: with nothing unfinished Hark ends at once; otherwise the window
/// comes forward and asks, as closing it does.
fn quit_asked(app: &AppHandle) {
    if app.state::<Hark>().has_unfinished_work() {
        crate::opened::show_window(app);
        let _ = app.emit_to("main", events::CLOSE_REQUESTED, ());
    } else {
        app.exit(0);
    }
}

/// Whether the desktop shows tray icons: a StatusNotifierWatcher is on the session bus.
#[cfg(target_os = "linux")]
pub fn host_present() -> bool {
    let Ok(bus) = zbus::blocking::Connection::session() else {
        return false;
    };
    let Ok(dbus) = zbus::blocking::fdo::DBusProxy::new(&bus) else {
        return false;
    };
    zbus::names::BusName::try_from("org.kde.StatusNotifierWatcher")
        .ok()
        .and_then(|name| dbus.name_has_owner(name).ok())
        .unwrap_or(false)
}

/// Whether the desktop shows tray icons (macOS and Windows always do).
#[cfg(not(target_os = "linux"))]
pub fn host_present() -> bool {
    true
}
