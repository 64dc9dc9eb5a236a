//! Verdicts: does an encoded note fit a platform? Computed from the encoded file
//! (duration from its stream, size from its bytes), one line per limit.

use std::time::Duration;

use serde::Serialize;

use super::Platform;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Within the limit.
    Ok,
    /// Sends, but something the user would notice is off (e.g. no play icon).
    Warn,
    /// The platform would refuse it, or it would not arrive as a voice note.
    Fail,
}

/// Which limit a verdict is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum VerdictCheck {
    /// Whether the format plays as a voice note there.
    Format,
    Duration,
    Size,
    /// Whether the note shows the platform's play icon (WhatsApp: Opus, mono, 16 kHz).
    PlayIcon,
}

/// One line of the limits panel.
#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    pub check: VerdictCheck,
    pub level: Level,
    /// Stable code for a warning or failure (`audio_too_long`, …).
    pub code: Option<&'static str>,
    /// The line, e.g. "Duration 0:42 — within WeChat's 1:00".
    pub message: String,
    /// The fix, for a warning or failure.
    pub remedy: Option<String>,
}

impl Verdict {
    fn ok(check: VerdictCheck, message: String) -> Self {
        Verdict {
            check,
            level: Level::Ok,
            code: None,
            message,
            remedy: None,
        }
    }

    fn not_ok(
        check: VerdictCheck,
        level: Level,
        code: &'static str,
        message: String,
        remedy: String,
    ) -> Self {
        Verdict {
            check,
            level,
            code: Some(code),
            message,
            remedy: Some(remedy),
        }
    }
}

/// The verdicts for a note of `duration` and `bytes` whose format is `format_label`;
/// `native` says whether that format plays as a voice note on `platform`.
pub fn verdicts(
    platform: Platform,
    format_label: &str,
    native: bool,
    duration: Duration,
    bytes: u64,
) -> Vec<Verdict> {
    let facts = platform.facts();
    let name = facts.name;
    let mut out = Vec::with_capacity(4);

    out.push(if native {
        Verdict::ok(
            VerdictCheck::Format,
            format!("Format {format_label} — plays as a voice note on {name}"),
        )
    } else {
        Verdict::not_ok(
            VerdictCheck::Format,
            Level::Fail,
            "unsupported_audio",
            format!(
                "Format {format_label} — {name} plays {} voice notes",
                facts.target.label()
            ),
            format!("Convert it first: hark convert FILE --for {platform}"),
        )
    });

    out.push(match facts.max_duration {
        Some(max) if duration > max => Verdict::not_ok(
            VerdictCheck::Duration,
            Level::Fail,
            "audio_too_long",
            format!(
                "Duration {} — {name} allows at most {}",
                clock_tenths(duration),
                clock(max)
            ),
            format!(
                "Trim it to {} or less (hark convert --trim-to-limit keeps the first {}), or \
                 record a shorter note.",
                clock(max),
                clock(max)
            ),
        ),
        Some(max) => Verdict::ok(
            VerdictCheck::Duration,
            format!(
                "Duration {} — within {name}'s {}",
                clock(duration),
                clock(max)
            ),
        ),
        None => Verdict::ok(
            VerdictCheck::Duration,
            format!("Duration {}", clock(duration)),
        ),
    });

    out.push(if bytes > facts.max_bytes {
        Verdict::not_ok(
            VerdictCheck::Size,
            Level::Fail,
            "audio_too_large",
            format!(
                "Size {} — {name} allows at most {}",
                size(bytes),
                size(facts.max_bytes)
            ),
            "Record a shorter note, or split what you have to say into two notes.".into(),
        )
    } else {
        Verdict::ok(
            VerdictCheck::Size,
            format!("Size {} — within {}", size(bytes), size(facts.max_bytes)),
        )
    });

    if let Some(icon) = facts.play_icon_max_bytes {
        out.push(if bytes > icon {
            Verdict::not_ok(
                VerdictCheck::PlayIcon,
                Level::Warn,
                "audio_over_play_icon_limit",
                format!(
                    "Over {} — {name} will show a download arrow instead of a play button",
                    size(icon)
                ),
                "Keep the note under about 3 minutes so it plays straight away.".into(),
            )
        } else {
            Verdict::ok(
                VerdictCheck::PlayIcon,
                format!("Under {} — shows with a play button", size(icon)),
            )
        });
    }
    out
}

/// `m:ss`, rounded to the second: the one duration format of the app and the CLI
/// (`clock_tenths` only where a note is just over a limit).
pub fn clock(d: Duration) -> String {
    let secs = (d.as_millis() as u64 + 500) / 1000;
    format!("{}:{:02}", secs / 60, secs % 60)
}

/// `m:ss.t`: for a note just over a limit, where "1:00" against "1:00" would confuse.
pub fn clock_tenths(d: Duration) -> String {
    let tenths = (d.as_millis() / 100) as u64;
    let secs = tenths / 10;
    format!("{}:{:02}.{}", secs / 60, secs % 60, tenths % 10)
}

/// Bytes for people: "812 bytes", "64 KB", "2 MB", "2.4 MB".
pub fn size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} bytes")
    } else if b < KB * KB {
        format!("{} KB", (b / KB).round())
    } else {
        let mb = b / (KB * KB);
        if (mb - mb.round()).abs() < 0.05 {
            format!("{} MB", mb.round())
        } else {
            format!("{mb:.1} MB")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(v: &[Verdict], check: VerdictCheck) -> &Verdict {
        v.iter().find(|x| x.check == check).unwrap()
    }

    #[test]
    fn wechat_refuses_a_note_over_sixty_seconds_with_the_fix() {
        let v = verdicts(
            Platform::Wechat,
            "AMR-NB",
            true,
            Duration::from_millis(60_100),
            94_000,
        );
        let d = find(&v, VerdictCheck::Duration);
        assert_eq!(d.level, Level::Fail);
        assert_eq!(d.code, Some("audio_too_long"));
        assert_eq!(d.message, "Duration 1:00.1 — WeChat allows at most 1:00");
        assert!(d.remedy.as_ref().unwrap().contains("--trim-to-limit"));

        let ok = verdicts(
            Platform::Wechat,
            "AMR-NB",
            true,
            Duration::from_millis(59_900),
            94_000,
        );
        assert_eq!(find(&ok, VerdictCheck::Duration).level, Level::Ok);
        assert!(ok.iter().all(|x| x.level == Level::Ok));
    }

    #[test]
    fn size_is_checked_against_the_platforms_maximum() {
        let v = verdicts(
            Platform::Wechat,
            "AMR-NB",
            true,
            Duration::from_secs(30),
            2 * 1024 * 1024 + 1,
        );
        assert_eq!(find(&v, VerdictCheck::Size).code, Some("audio_too_large"));
        let v = verdicts(
            Platform::Telegram,
            "Ogg/Opus",
            true,
            Duration::from_secs(30),
            49 * 1024 * 1024,
        );
        assert_eq!(find(&v, VerdictCheck::Size).level, Level::Ok);
    }

    #[test]
    fn whatsapp_warns_above_512_kb_but_still_sends() {
        let v = verdicts(
            Platform::Whatsapp,
            "Ogg/Opus",
            true,
            Duration::from_secs(200),
            600 * 1024,
        );
        let icon = find(&v, VerdictCheck::PlayIcon);
        assert_eq!(icon.level, Level::Warn);
        assert_eq!(icon.code, Some("audio_over_play_icon_limit"));
        assert!(v.iter().all(|x| x.level != Level::Fail));
        let v = verdicts(
            Platform::Whatsapp,
            "Ogg/Opus",
            true,
            Duration::from_secs(30),
            512 * 1024,
        );
        assert_eq!(find(&v, VerdictCheck::PlayIcon).level, Level::Ok);
        // Telegram has no such threshold.
        let v = verdicts(
            Platform::Telegram,
            "Ogg/Opus",
            true,
            Duration::from_secs(30),
            600 * 1024,
        );
        assert!(v.iter().all(|x| x.check != VerdictCheck::PlayIcon));
    }

    #[test]
    fn a_format_that_is_not_a_voice_note_fails_with_the_convert_command() {
        let v = verdicts(
            Platform::Whatsapp,
            "MP3",
            false,
            Duration::from_secs(5),
            80_000,
        );
        let f = find(&v, VerdictCheck::Format);
        assert_eq!(f.code, Some("unsupported_audio"));
        assert_eq!(
            f.message,
            "Format MP3 — WhatsApp plays Ogg/Opus voice notes"
        );
        assert_eq!(
            f.remedy.as_deref(),
            Some("Convert it first: hark convert FILE --for whatsapp")
        );
    }

    #[test]
    fn clock_and_size_read_as_people_expect() {
        assert_eq!(clock(Duration::from_millis(9_960)), "0:10");
        assert_eq!(clock(Duration::from_millis(42_400)), "0:42");
        assert_eq!(clock(Duration::from_secs(75)), "1:15");
        assert_eq!(size(812), "812 bytes");
        assert_eq!(size(64 * 1024), "64 KB");
        assert_eq!(size(2 * 1024 * 1024), "2 MB");
        assert_eq!(size(2_516_582), "2.4 MB");
    }
}
