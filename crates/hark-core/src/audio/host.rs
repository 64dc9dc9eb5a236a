//! The sound system's host (cpal's default: on Linux the PulseAudio or PipeWire
//! server), made once a process and shared.
//!
//! cpal 0.18's PulseAudio host starts a client thread (the pulseaudio crate's reactor)
//! that nothing stops when the host is dropped. Made afresh for each take, it left a
//! thread and about 1 MB behind every take: the app's shell grew 1 MB a take over a
//! working day (`cargo bench -p hark-core --bench recording -- takes`, and
//! docs/benchmarks.md). Shared, it costs one thread for the life of the process.

use std::sync::{Arc, Mutex};

static HOST: Mutex<Option<Arc<cpal::Host>>> = Mutex::new(None);

/// The shared host, made on first use.
fn shared() -> Arc<cpal::Host> {
    let mut host = HOST.lock().unwrap_or_else(|p| p.into_inner());
    host.get_or_insert_with(|| Arc::new(cpal::default_host()))
        .clone()
}

/// Runs `use_host` with the shared host; if that fails, once more with a host made
/// afresh, which then replaces it (the sound server may have restarted since, and a
/// client of the old one only ever fails).
pub fn with_host<T, E>(use_host: impl Fn(&cpal::Host) -> Result<T, E>) -> Result<T, E> {
    let host = shared();
    match use_host(&host) {
        Ok(value) => Ok(value),
        Err(_) => {
            let fresh = Arc::new(cpal::default_host());
            let value = use_host(&fresh)?;
            *HOST.lock().unwrap_or_else(|p| p.into_inner()) = Some(fresh);
            Ok(value)
        }
    }
}
