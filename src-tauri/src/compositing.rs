//! How WebKitGTK draws the window, on Linux: without its compositing mode.
//!
//! In compositing mode WebKit draws the page through OpenGL, which on a computer
//! without a graphics driver for it is Mesa's software renderer: measured on the
//! release app (docs/benchmarks.md), that mode alone cost Hark's web process more than
//! 100 MB at rest, far more than it cost WebKit's own MiniBrowser for a one-line page.
//! Hark's window is a form, a meter and a waveform: drawn without it, it looks the
//! same, and scrolls and animates well enough. Someone who wants it back sets
//! `WEBKIT_DISABLE_COMPOSITING_MODE=0` before starting Hark (set to anything, it is
//! left as it is).

/// WebKitGTK's switch, read when the web view is made (and by its web process, which
/// inherits it).
pub const SWITCH: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// At start, before any thread is made.
pub fn configure() {
    #[cfg(target_os = "linux")]
    if std::env::var_os(SWITCH).is_none() {
        // SAFETY: nothing else reads or writes the environment yet: this runs first in
        // `run`, before any other thread exists.
        unsafe {
            std::env::set_var(SWITCH, "1");
        }
    }
}
