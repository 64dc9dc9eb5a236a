//! What a note in the preview costs the app's memory: the peak heap of making its
//! waveform and its playable audio, for a note of MINUTES (default 10) on Messenger
//! (M4A/AAC, which the webview cannot play, so it is decoded) and on WhatsApp
//! (Ogg/Opus, played as it is). Side by side: the note's own size, the one streaming
//! pass the app uses (`preview::stream`, the decoded audio written to disk), and the
//! whole-note decoding it replaced (`preview::preview`, everything in memory).
//!
//!   cargo bench -p hark-core --bench preview_memory [-- MINUTES]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use hark_core::audio::convert::{ConvertOptions, encode_samples};
use hark_core::audio::preview;
use hark_core::platform::Platform;

/// The system allocator, counting the bytes in use and their peak.
struct Counting;
static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// The peak heap above what was in use before, while `work` runs, in MB.
fn peak_mb<T>(work: impl FnOnce() -> T) -> (T, f64) {
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = work();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    (out, peak as f64 / 1e6)
}

fn main() {
    let minutes: f32 = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(10.0);
    let rate = 48_000;
    let secs = minutes * 60.0;
    // Speech-like: a tone that comes and goes, so the codecs have work to do.
    let samples: Vec<f32> = (0..(secs * rate as f32) as usize)
        .map(|i| {
            let t = i as f32 / rate as f32;
            0.4 * (t * 220.0 * std::f32::consts::TAU).sin() * (0.5 + 0.5 * (t * 3.0).sin())
        })
        .collect();
    let dir = tempfile::tempdir().expect("temp dir");
    println!("a {minutes}-minute note in the preview: peak heap while making it playable");
    for platform in [Platform::Messenger, Platform::Whatsapp] {
        let note = encode_samples(&samples, rate, platform, ConvertOptions::default())
            .expect("encode the note");
        let path = dir.path().join(note.file_name);
        std::fs::write(&path, &note.bytes).expect("write the note");
        let decoded = matches!(platform, Platform::Messenger).then(|| dir.path().join("p.wav"));
        let (_, streaming) = peak_mb(|| {
            preview::stream(&path, 160, note.duration_ms, decoded.as_deref()).expect("stream")
        });
        let (_, whole) = peak_mb(|| preview::preview(&path, 160).expect("preview"));
        println!(
            "  {:<9} note {:>6.1} MB | streaming pass {:>6.1} MB{} | whole-note decoding {:>6.1} MB",
            platform.facts().name,
            note.size as f64 / 1e6,
            streaming,
            if decoded.is_some() {
                " (+ the WAV on disk)"
            } else {
                ""
            },
            whole,
        );
    }
}
