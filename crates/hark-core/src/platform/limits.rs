//! Verdicts: does an encoded note fit a platform? Computed from the encoded file
//! (duration from its stream, size from its bytes), one line per limit.

use std::time::Duration;

use serde::Serialize;

use super::Platform;
use crate::i18n::{Lang, Said, Surface, Words};

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
    /// The line in English, e.g. "Duration 0:42 — within WeChat's 1:00" (`message_in`
    /// says it in another language).
    pub message: String,
    /// The fix, for a warning or failure (English, as the command line says it).
    pub remedy: Option<String>,
    /// The line in the catalog's words, for another language.
    #[serde(skip)]
    words: Words,
    /// The fix in the catalog's words, for a warning or failure.
    #[serde(skip)]
    remedy_words: Option<Words>,
}

impl Verdict {
    fn ok(check: VerdictCheck, message: Words) -> Self {
        Verdict {
            check,
            level: Level::Ok,
            code: None,
            message: Lang::En.say(&message),
            remedy: None,
            words: message,
            remedy_words: None,
        }
    }

    fn not_ok(
        check: VerdictCheck,
        level: Level,
        code: &'static str,
        message: Words,
        remedy: Words,
    ) -> Self {
        Verdict {
            check,
            level,
            code: Some(code),
            message: Lang::En.say(&message),
            remedy: Some(Lang::En.say_for(Surface::Cli, &remedy)),
            words: message,
            remedy_words: Some(remedy),
        }
    }

    /// The line and its fix in the catalog's words, for a warning or failure.
    pub fn said(&self) -> Option<Said> {
        let remedy = self.remedy_words.clone()?;
        Some(Said::new(self.words.clone(), remedy))
    }

    /// The line in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        lang.say(&self.words)
    }

    /// The fix in `lang` where `surface` reads it, for a warning or failure.
    pub fn remedy_in(&self, lang: Lang, surface: Surface) -> Option<String> {
        self.remedy_words
            .as_ref()
            .map(|remedy| lang.say_for(surface, remedy))
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
    let about = |id: &str| about(platform, id);
    let mut out = Vec::with_capacity(4);

    let format = |id: &str| about(id).text("format", format_label);
    out.push(if native {
        Verdict::ok(VerdictCheck::Format, format("verdict-format-ok"))
    } else {
        Verdict::not_ok(
            VerdictCheck::Format,
            Level::Fail,
            "unsupported_audio",
            format("verdict-format-fail").text("target", facts.target.label()),
            about("remedy-verdict-format"),
        )
    });

    out.push(duration_verdict(platform, duration));

    let sized = |id: &str| {
        about(id)
            .text("size", size(bytes))
            .text("max", size(facts.max_bytes))
    };
    out.push(if bytes > facts.max_bytes {
        Verdict::not_ok(
            VerdictCheck::Size,
            Level::Fail,
            "audio_too_large",
            sized("verdict-size-too-large"),
            about("remedy-verdict-size"),
        )
    } else {
        Verdict::ok(VerdictCheck::Size, sized("verdict-size-within"))
    });

    if let Some(icon) = facts.play_icon_max_bytes {
        let icon_words = |id: &str| about(id).text("icon", size(icon));
        out.push(if bytes > icon {
            Verdict::not_ok(
                VerdictCheck::PlayIcon,
                Level::Warn,
                "audio_over_play_icon_limit",
                icon_words("verdict-play-icon-over"),
                about("remedy-verdict-play-icon"),
            )
        } else {
            Verdict::ok(
                VerdictCheck::PlayIcon,
                icon_words("verdict-play-icon-under"),
            )
        });
    }
    out
}

/// Whether a note of `duration` fits `platform`'s limit.
pub fn duration_verdict(platform: Platform, duration: Duration) -> Verdict {
    let about = |id: &str| about(platform, id);
    match platform.facts().max_duration {
        Some(max) if duration > max => Verdict::not_ok(
            VerdictCheck::Duration,
            Level::Fail,
            "audio_too_long",
            about("verdict-duration-too-long").text("duration", clock_tenths(duration)),
            about("remedy-verdict-duration"),
        ),
        Some(_) => Verdict::ok(
            VerdictCheck::Duration,
            about("verdict-duration-within").text("duration", clock(duration)),
        ),
        None => Verdict::ok(
            VerdictCheck::Duration,
            about("verdict-duration").text("duration", clock(duration)),
        ),
    }
}

/// Message `id` about `platform`: every line names the platform, its key and its
/// longest note the same way.
fn about(platform: Platform, id: &str) -> Words {
    let words = Words::new(id)
        .words("platform", platform.name_words())
        .text("key", platform.id());
    match platform.facts().max_duration {
        Some(max) => words.text("max_duration", clock(max)),
        None => words,
    }
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
