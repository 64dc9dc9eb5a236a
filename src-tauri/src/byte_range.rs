//! The `Range` header of a player's request, read against the length of what is served.

/// What a `Range: bytes=…` asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Range {
    /// Bytes `start..=end`, both within the length.
    Within(u64, u64),
    /// A start at or past the end (answered with 416).
    Beyond,
    /// Not a byte range this reads: the whole is served, as HTTP says to.
    Unreadable,
}

/// `bytes=a-b`, `bytes=a-` or `bytes=-n` (the first range, where several are asked)
/// against `total` bytes.
pub fn parse_range(value: &str, total: u64) -> Range {
    let Some((a, b)) = value
        .strip_prefix("bytes=")
        .and_then(|v| v.split(',').next())
        .and_then(|v| v.trim().split_once('-'))
    else {
        return Range::Unreadable;
    };
    let number = |s: &str| s.trim().parse::<u64>().ok();
    let (start, end) = match (a.trim(), b.trim()) {
        ("", n) => match number(n) {
            Some(0) | None => return Range::Unreadable,
            Some(n) => (total.saturating_sub(n), total.saturating_sub(1)),
        },
        (a, "") => match number(a) {
            Some(a) => (a, total.saturating_sub(1)),
            None => return Range::Unreadable,
        },
        (a, b) => match (number(a), number(b)) {
            (Some(a), Some(b)) if a <= b => (a, b.min(total.saturating_sub(1))),
            _ => return Range::Unreadable,
        },
    };
    if total == 0 || start >= total {
        Range::Beyond
    } else {
        Range::Within(start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::{Range, parse_range};

    #[test]
    fn ranges_are_read_as_players_send_them() {
        assert_eq!(parse_range("bytes=0-99", 1000), Range::Within(0, 99));
        assert_eq!(parse_range("bytes=500-", 1000), Range::Within(500, 999));
        assert_eq!(parse_range("bytes=-100", 1000), Range::Within(900, 999));
        assert_eq!(parse_range("bytes=-5000", 1000), Range::Within(0, 999));
        assert_eq!(parse_range("bytes=900-5000", 1000), Range::Within(900, 999));
        assert_eq!(parse_range("bytes=0-0, 5-9", 1000), Range::Within(0, 0));
        assert_eq!(parse_range("bytes=1000-", 1000), Range::Beyond);
        assert_eq!(parse_range("bytes=0-", 0), Range::Beyond);
        assert_eq!(parse_range("items=0-1", 1000), Range::Unreadable);
        assert_eq!(parse_range("bytes=9-1", 1000), Range::Unreadable);
        assert_eq!(parse_range("bytes=x-", 1000), Range::Unreadable);
        assert_eq!(parse_range("bytes=-0", 1000), Range::Unreadable);
    }
}
