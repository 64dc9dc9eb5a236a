//! Client-side rate limits: wait before a send rather than have the platform refuse
//! it. The last attempt is read from the history, so separate `hark` processes and
//! the app pace each other too.

use std::time::Duration;

use crate::clock::now_ms;
use crate::db::DbError;
use crate::platform::Platform;

use super::history::History;

/// How long to wait before send `id` may go out to `recipient` on this account.
pub fn wait_before(
    history: &History,
    platform: Platform,
    profile_id: &str,
    recipient: &str,
    id: i64,
) -> Result<Duration, DbError> {
    let Some(pace) = platform.send_pace() else {
        return Ok(Duration::ZERO);
    };
    let last = history.last_attempt(profile_id, pace.per_recipient.then_some(recipient), id)?;
    Ok(match last {
        Some(at) => {
            let since = Duration::from_millis(now_ms().saturating_sub(at).max(0) as u64);
            pace.every.saturating_sub(since)
        }
        None => Duration::ZERO,
    })
}
