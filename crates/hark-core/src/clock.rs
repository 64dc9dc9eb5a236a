//! Time as Hark stores and shows it: milliseconds since the Unix epoch, RFC 3339 (for
//! JSON), and the reader's local time (for people).

use crate::i18n::{Lang, Words};

/// Milliseconds since the Unix epoch: how every timestamp is stored.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default()
}

/// A stored timestamp as RFC 3339 (UTC), for people and JSON, always with milliseconds,
/// so that two of them sort as text in the order they happened.
pub fn rfc3339(ms: i64) -> String {
    jiff::Timestamp::from_millisecond(ms)
        .map(|t| format!("{t:.3}"))
        .unwrap_or_else(|_| ms.to_string())
}

/// An RFC 3339 time as the reader's local time (the system's time zone), written as
/// `lang` writes a date: `2026-12-02 14:07`, `2026年12月02日 14:07`. A time that does
/// not parse is shown as it is.
pub fn local(rfc3339: &str, lang: Lang) -> String {
    in_zone(rfc3339, &jiff::tz::TimeZone::system(), lang)
}

fn in_zone(rfc3339: &str, zone: &jiff::tz::TimeZone, lang: Lang) -> String {
    let Ok(at) = rfc3339.parse::<jiff::Timestamp>() else {
        return rfc3339.to_owned();
    };
    let t = at.to_zoned(zone.clone());
    let words = Words::new("time-local")
        .text("year", t.year().to_string())
        .text("month", format!("{:02}", t.month()))
        .text("day", format!("{:02}", t.day()))
        .text("time", format!("{:02}:{:02}", t.hour(), t.minute()));
    lang.say(&words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_is_shown_in_the_readers_zone_and_language() {
        let shanghai = jiff::tz::TimeZone::get("Asia/Shanghai")
            .unwrap_or(jiff::tz::TimeZone::fixed(jiff::tz::offset(8)));
        let at = "2026-12-01T23:30:00Z";
        assert_eq!(in_zone(at, &shanghai, Lang::En), "2026-12-02 07:30");
        assert_eq!(in_zone(at, &shanghai, Lang::ZhCn), "2026年12月02日 07:30");
        assert_eq!(
            in_zone(at, &jiff::tz::TimeZone::UTC, Lang::En),
            "2026-12-01 23:30"
        );
        assert_eq!(in_zone("yesterday", &shanghai, Lang::En), "yesterday");
    }

    #[test]
    fn timestamps_read_as_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339(1_700_000_000_123), "2023-11-14T22:13:20.123Z");
        assert_eq!(rfc3339(1_700_000_000_120), "2023-11-14T22:13:20.120Z");
        // Written as text, they sort in the order they happened.
        let mut times = [1_700_000_001_000, 1_700_000_000_999, 1_700_000_000_100];
        let mut written = times.map(rfc3339);
        written.sort();
        times.sort();
        assert_eq!(written, times.map(rfc3339));
    }
}
