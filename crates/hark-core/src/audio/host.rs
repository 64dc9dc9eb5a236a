//! The sound system's host (cpal's default: on Linux the PulseAudio or PipeWire
//! server), made once a process and shared.
//!
//! cpal 0.18's PulseAudio host starts a client thread (the pulseaudio crate's reactor)
//! that nothing stops when the host is dropped. Made afresh for each take, it left a
//! thread and about 1 MB behind every take: the app's shell grew 1 MB a take over a
//! working day (`cargo bench -p hark-core --bench recording -- takes`, and
//! docs/benchmarks.md). Shared, it costs one thread for the life of the process.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// How long a host that has never worked is kept before a failure makes another: a
/// machine with no microphone fails every attempt, and each host made leaves its
/// thread behind.
const RETRY_AFTER: Duration = Duration::from_secs(60);

static HOST: Mutex<Option<Held<cpal::Host>>> = Mutex::new(None);

/// The shared host, and what is known of it.
struct Held<H> {
    host: Arc<H>,
    /// It has served a use since it was made.
    worked: bool,
    made: Instant,
}

impl<H> Held<H> {
    fn new(host: H) -> Self {
        Held {
            host: Arc::new(host),
            worked: false,
            made: Instant::now(),
        }
    }
}

/// Runs `use_host` with the shared host. If that fails, and the host has worked
/// before (the sound server may have restarted since, and a client of the old one only
/// ever fails) or has been tried for a while, once more with a host made afresh, which
/// then replaces it.
pub fn with_host<T, E>(use_host: impl Fn(&cpal::Host) -> Result<T, E>) -> Result<T, E> {
    with_shared(&HOST, cpal::default_host, use_host)
}

fn lock<H>(slot: &Mutex<Option<Held<H>>>) -> MutexGuard<'_, Option<Held<H>>> {
    slot.lock().unwrap_or_else(|p| p.into_inner())
}

fn with_shared<H, T, E>(
    slot: &Mutex<Option<Held<H>>>,
    make: impl Fn() -> H,
    use_host: impl Fn(&H) -> Result<T, E>,
) -> Result<T, E> {
    let host = lock(slot)
        .get_or_insert_with(|| Held::new(make()))
        .host
        .clone();
    let error = match use_host(&host) {
        Ok(value) => {
            if let Some(held) = lock(slot).as_mut().filter(|h| Arc::ptr_eq(&h.host, &host)) {
                held.worked = true;
            }
            return Ok(value);
        }
        Err(error) => error,
    };
    let renew = lock(slot)
        .as_ref()
        .is_none_or(|h| h.worked || h.made.elapsed() >= RETRY_AFTER);
    if !renew {
        return Err(error);
    }
    // The failed one is replaced either way: a host that has just failed is no better.
    let fresh = Held::new(make());
    let host = fresh.host.clone();
    *lock(slot) = Some(fresh);
    let value = use_host(&host)?;
    if let Some(held) = lock(slot).as_mut().filter(|h| Arc::ptr_eq(&h.host, &host)) {
        held.worked = true;
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    /// A host that is only a number: which one was made (1, 2, …).
    fn counter() -> (Arc<AtomicU32>, impl Fn() -> u32) {
        let made = Arc::new(AtomicU32::new(0));
        let count = made.clone();
        (made, move || count.fetch_add(1, Ordering::SeqCst) + 1)
    }

    #[test]
    fn a_working_host_is_made_once() {
        let slot = Mutex::new(None);
        let (made, make) = counter();
        for _ in 0..5 {
            assert_eq!(with_shared(&slot, &make, |h| Ok::<_, ()>(*h)), Ok(1));
        }
        assert_eq!(made.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn a_host_that_worked_and_then_fails_is_made_again() {
        let slot = Mutex::new(None);
        let (made, make) = counter();
        assert_eq!(with_shared(&slot, &make, |h| Ok::<_, ()>(*h)), Ok(1));
        // The first host's server is gone: only a new host reaches the new one.
        let use_host = |h: &u32| if *h == 1 { Err("gone") } else { Ok(*h) };
        assert_eq!(with_shared(&slot, &make, use_host), Ok(2));
        assert_eq!(with_shared(&slot, &make, use_host), Ok(2));
        assert_eq!(made.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn failing_every_time_makes_no_new_host_an_attempt() {
        let slot = Mutex::new(None);
        let (made, make) = counter();
        let no_microphone = |_: &u32| Err::<(), _>("no input");
        for _ in 0..20 {
            assert_eq!(with_shared(&slot, &make, no_microphone), Err("no input"));
        }
        // A host that has never worked is kept until RETRY_AFTER.
        assert_eq!(made.load(Ordering::SeqCst), 1);
        // Long after, an attempt tries a new one, once.
        let mut held = lock(&slot);
        let held_host = held.as_mut().unwrap();
        held_host.made = held_host
            .made
            .checked_sub(RETRY_AFTER)
            .expect("an earlier instant");
        drop(held);
        for _ in 0..5 {
            assert_eq!(with_shared(&slot, &make, no_microphone), Err("no input"));
        }
        assert_eq!(made.load(Ordering::SeqCst), 2);
    }
}
