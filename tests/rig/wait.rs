//! Polling with a deadline: how the rig waits for anything.

use std::time::{Duration, Instant};

const INTERVAL: Duration = Duration::from_millis(20);

/// Calls `probe` until it returns `Some`, or panics naming `what` after `limit`.
pub fn until<T>(limit: Duration, what: &str, mut probe: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(value) = probe() {
            return value;
        }
        assert!(
            start.elapsed() < limit,
            "timed out after {limit:?} waiting for {what}"
        );
        std::thread::sleep(INTERVAL);
    }
}

/// The async twin of [`until`], for WebDriver tests.
pub async fn until_async<T, F, Fut>(limit: Duration, what: &str, mut probe: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let start = Instant::now();
    loop {
        if let Some(value) = probe().await {
            return value;
        }
        assert!(
            start.elapsed() < limit,
            "timed out after {limit:?} waiting for {what}"
        );
        tokio::time::sleep(INTERVAL).await;
    }
}
