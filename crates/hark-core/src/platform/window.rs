//! Where a customer stands in the platform's reply window, from when they last wrote:
//! said before the agent records, where the platform has a window and the time is
//! known; nothing is guessed otherwise.

use serde::Serialize;

use super::Platform;

const HOUR_MS: i64 = 3_600_000;

/// Where the window stands now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    tag = "state"
)]
pub enum Standing {
    /// A note may go, for `left_ms` more.
    Open { left_ms: i64 },
    /// Closed `ago_ms` ago, but a person may still reply with the platform's tag
    /// (Messenger's HUMAN_AGENT) until `tag_until_ms` (ms since the epoch).
    TagOnly { ago_ms: i64, tag_until_ms: i64 },
    /// Closed `ago_ms` ago.
    Closed { ago_ms: i64 },
}

/// Where `platform`'s window stands at `now_ms` for a customer who last wrote at
/// `last_heard_ms`; `None` where the platform has no window.
pub fn standing(platform: Platform, last_heard_ms: i64, now_ms: i64) -> Option<Standing> {
    let window = platform.facts().reply_window?;
    let closes = last_heard_ms + i64::from(window.hours) * HOUR_MS;
    if now_ms < closes {
        return Some(Standing::Open {
            left_ms: closes - now_ms,
        });
    }
    let ago_ms = now_ms - closes;
    match window.tagged_hours {
        Some(tagged) if now_ms < last_heard_ms + i64::from(tagged) * HOUR_MS => {
            Some(Standing::TagOnly {
                ago_ms,
                tag_until_ms: last_heard_ms + i64::from(tagged) * HOUR_MS,
            })
        }
        _ => Some(Standing::Closed { ago_ms }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000_000;

    #[test]
    fn messenger_is_open_for_a_day_then_tagged_for_a_week_then_closed() {
        let heard = |hours: i64| NOW - hours * HOUR_MS;
        assert_eq!(
            standing(Platform::Messenger, heard(19), NOW),
            Some(Standing::Open {
                left_ms: 5 * HOUR_MS
            })
        );
        // The case: the customer wrote 30 hours ago.
        assert_eq!(
            standing(Platform::Messenger, heard(30), NOW),
            Some(Standing::TagOnly {
                ago_ms: 6 * HOUR_MS,
                tag_until_ms: NOW + (7 * 24 - 30) * HOUR_MS
            })
        );
        assert_eq!(
            standing(Platform::Messenger, heard(8 * 24), NOW),
            Some(Standing::Closed {
                ago_ms: 7 * 24 * HOUR_MS
            })
        );
    }

    #[test]
    fn each_platform_has_its_own_window_or_none() {
        let heard = NOW - 30 * HOUR_MS;
        assert_eq!(
            standing(Platform::Wechat, heard, NOW),
            Some(Standing::Open {
                left_ms: 18 * HOUR_MS
            })
        );
        assert_eq!(
            standing(Platform::Whatsapp, heard, NOW),
            Some(Standing::Closed {
                ago_ms: 6 * HOUR_MS
            })
        );
        for none in [
            Platform::Telegram,
            Platform::WhatsappGateway,
            Platform::Sandbox,
        ] {
            assert_eq!(standing(none, heard, NOW), None, "{none:?}");
        }
    }
}
