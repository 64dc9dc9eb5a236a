//! One table of platform facts. Sources: shared/platforms.md and shared/formats.md.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use serde::Serialize;

use crate::i18n::{Said, Words};

/// A messaging platform Hark sends to. The ids are those of the CLI (`--for`), the
/// database and the UI bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum Platform {
    Wechat,
    Messenger,
    Whatsapp,
    WhatsappGateway,
    Telegram,
    /// No account anywhere: checks a note exactly as WhatsApp would and keeps it locally.
    Sandbox,
}

/// The audio file a platform plays as a native voice note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Target {
    /// Ogg (RFC 3533) with Opus (RFC 7845), mono, 48 kHz granules.
    OggOpus,
    /// AMR-NB in the RFC 4867 storage format, mono, 8 kHz, MR122.
    AmrNb,
    /// MPEG-4 audio (`.m4a`) with AAC-LC, mono.
    M4aAac,
    /// MP3: WeChat also plays it as a voice note, so one is sent as it is; Hark never
    /// encodes MP3.
    Mp3,
}

impl Target {
    pub fn mime(self) -> &'static str {
        match self {
            Target::OggOpus => "audio/ogg; codecs=opus",
            Target::AmrNb => "audio/amr",
            Target::M4aAac => "audio/mp4",
            Target::Mp3 => "audio/mpeg",
        }
    }

    pub fn file_name(self) -> &'static str {
        match self {
            Target::OggOpus => "voice-note.ogg",
            Target::AmrNb => "voice-note.amr",
            Target::M4aAac => "voice-note.m4a",
            Target::Mp3 => "voice-note.mp3",
        }
    }

    /// How people name it ("Ogg/Opus").
    pub fn label(self) -> &'static str {
        match self {
            Target::OggOpus => "Ogg/Opus",
            Target::AmrNb => "AMR-NB",
            Target::M4aAac => "M4A (AAC-LC)",
            Target::Mp3 => "MP3",
        }
    }
}

/// What Hark knows about a platform's voice notes.
#[derive(Debug, Clone, Serialize)]
pub struct Facts {
    pub platform: Platform,
    /// The platform's name, for people.
    pub name: &'static str,
    /// What Hark encodes for this platform.
    pub target: Target,
    /// Other formats the platform plays as a voice note, sent as they are.
    pub also_plays: &'static [Target],
    /// Longest note the platform accepts, if it has such a limit.
    #[serde(serialize_with = "millis")]
    pub max_duration: Option<Duration>,
    /// Largest file the platform accepts, in bytes.
    pub max_bytes: u64,
    /// Above this size the note still sends but does not show as a playable bubble.
    pub play_icon_max_bytes: Option<u64>,
    /// Whether the platform can list the people who wrote to the account, without a
    /// public server of Hark's own (what `Client::people` asks).
    pub lists_people: bool,
    /// How long after the customer last wrote a free-form note may go, when the
    /// platform has such a window.
    pub reply_window: Option<ReplyWindow>,
    /// Whether the platform says how far a sent note got (delivered, read, played);
    /// elsewhere "sent" means the platform accepted it.
    pub reports_reach: bool,
}

/// A platform's customer-service window, in hours from the customer's last message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ReplyWindow {
    pub hours: u32,
    /// A person (not a bot) may still reply this long with a tag (Messenger's
    /// HUMAN_AGENT).
    pub tagged_hours: Option<u32>,
}

const MB: u64 = 1024 * 1024;
const KB: u64 = 1024;

const TABLE: [Facts; 6] = [
    Facts {
        platform: Platform::Wechat,
        name: "WeChat",
        target: Target::AmrNb,
        also_plays: &[Target::Mp3],
        max_duration: Some(Duration::from_secs(60)),
        max_bytes: 2 * MB,
        play_icon_max_bytes: None,
        lists_people: true,
        reply_window: Some(ReplyWindow {
            hours: 48,
            tagged_hours: None,
        }),
        reports_reach: false,
    },
    Facts {
        platform: Platform::Messenger,
        name: "Messenger",
        target: Target::M4aAac,
        also_plays: &[],
        max_duration: None,
        max_bytes: 25 * MB,
        play_icon_max_bytes: None,
        lists_people: true,
        reply_window: Some(ReplyWindow {
            hours: 24,
            tagged_hours: Some(7 * 24),
        }),
        reports_reach: false,
    },
    Facts {
        platform: Platform::Whatsapp,
        name: "WhatsApp",
        target: Target::OggOpus,
        also_plays: &[],
        max_duration: None,
        max_bytes: 16 * MB,
        play_icon_max_bytes: Some(512 * KB),
        lists_people: false,
        reply_window: Some(ReplyWindow {
            hours: 24,
            tagged_hours: None,
        }),
        reports_reach: false,
    },
    Facts {
        platform: Platform::WhatsappGateway,
        name: "WhatsApp gateway",
        target: Target::OggOpus,
        also_plays: &[],
        max_duration: None,
        // Gateways set their own limits; WhatsApp's are the ones every gateway meets.
        max_bytes: 16 * MB,
        play_icon_max_bytes: Some(512 * KB),
        lists_people: true,
        reply_window: None,
        reports_reach: true,
    },
    Facts {
        platform: Platform::Telegram,
        name: "Telegram",
        target: Target::OggOpus,
        also_plays: &[],
        max_duration: None,
        max_bytes: 50 * MB,
        play_icon_max_bytes: None,
        lists_people: true,
        reply_window: None,
        reports_reach: false,
    },
    Facts {
        platform: Platform::Sandbox,
        name: "Sandbox",
        target: Target::OggOpus,
        also_plays: &[],
        max_duration: None,
        max_bytes: 16 * MB,
        play_icon_max_bytes: Some(512 * KB),
        lists_people: false,
        reply_window: None,
        reports_reach: false,
    },
];

impl Facts {
    /// Whether a note already in `format` plays as a voice note here.
    pub fn plays(&self, format: Target) -> bool {
        format == self.target || self.also_plays.contains(&format)
    }
}

impl Platform {
    pub const ALL: [Platform; 6] = [
        Platform::Wechat,
        Platform::Messenger,
        Platform::Whatsapp,
        Platform::WhatsappGateway,
        Platform::Telegram,
        Platform::Sandbox,
    ];

    pub fn facts(self) -> &'static Facts {
        TABLE
            .iter()
            .find(|f| f.platform == self)
            .expect("every platform has a row in the table")
    }

    /// How often Hark lets notes go out, so that the platform never has to refuse one
    /// for going too fast (shared/platforms.md): Messenger takes 10 audio sends a
    /// second per Page, WhatsApp about one message every 6 s to the same person,
    /// Telegram about one a second per chat.
    pub fn send_pace(self) -> Option<Pace> {
        match self {
            Platform::Messenger => Some(Pace {
                every: Duration::from_millis(100),
                per_recipient: false,
            }),
            Platform::Whatsapp => Some(Pace {
                every: Duration::from_secs(6),
                per_recipient: true,
            }),
            Platform::Telegram => Some(Pace {
                every: Duration::from_secs(1),
                per_recipient: true,
            }),
            Platform::Wechat | Platform::WhatsappGateway | Platform::Sandbox => None,
        }
    }

    /// The platform's name as the catalog says it (`platform-<id>`).
    pub fn name_words(self) -> crate::i18n::Words {
        crate::i18n::Words::new(format!("platform-{}", self.id()))
    }

    /// The stable id (`wechat`, `whatsapp-gateway`, …).
    pub fn id(self) -> &'static str {
        match self {
            Platform::Wechat => "wechat",
            Platform::Messenger => "messenger",
            Platform::Whatsapp => "whatsapp",
            Platform::WhatsappGateway => "whatsapp-gateway",
            Platform::Telegram => "telegram",
            Platform::Sandbox => "sandbox",
        }
    }
}

/// At most one send every `every`, per account or per account and recipient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Pace {
    #[serde(serialize_with = "millis_plain")]
    pub every: Duration,
    pub per_recipient: bool,
}

fn millis_plain<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_u64(d.as_millis() as u64)
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{}", crate::UserError::english(self))]
pub struct UnknownPlatform(String);

impl crate::UserError for UnknownPlatform {
    fn code(&self) -> &'static str {
        "unknown_platform"
    }
    fn said(&self) -> Option<Said> {
        Some(Said::new(
            Words::new("error-unknown-platform").text("name", self.0.clone()),
            Words::new("remedy-unknown-platform"),
        ))
    }

    fn kind(&self) -> crate::ProblemKind {
        crate::ProblemKind::Usage
    }
}

impl FromStr for Platform {
    type Err = UnknownPlatform;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Platform::ALL
            .into_iter()
            .find(|p| p.id().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownPlatform(s.to_string()))
    }
}

fn millis<S: serde::Serializer>(d: &Option<Duration>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_some(&(d.as_millis() as u64)),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_platform_has_exactly_one_row_and_its_id_round_trips() {
        for p in Platform::ALL {
            assert_eq!(TABLE.iter().filter(|f| f.platform == p).count(), 1, "{p}");
            assert_eq!(p.id().parse::<Platform>().unwrap(), p);
        }
        assert!("signal".parse::<Platform>().is_err());
    }

    #[test]
    fn the_table_says_what_the_platform_docs_say() {
        let wechat = Platform::Wechat.facts();
        assert_eq!(wechat.target, Target::AmrNb);
        assert_eq!(wechat.max_duration, Some(Duration::from_secs(60)));
        assert_eq!(wechat.max_bytes, 2 * MB);
        assert_eq!(Platform::Messenger.facts().target, Target::M4aAac);
        assert_eq!(
            Platform::Whatsapp.facts().play_icon_max_bytes,
            Some(512 * KB)
        );
        assert_eq!(Platform::Telegram.facts().max_bytes, 50 * MB);
        // The sandbox checks a note exactly as WhatsApp would.
        let (sandbox, whatsapp) = (Platform::Sandbox.facts(), Platform::Whatsapp.facts());
        assert_eq!(sandbox.target, whatsapp.target);
        assert_eq!(sandbox.max_bytes, whatsapp.max_bytes);
        assert_eq!(sandbox.play_icon_max_bytes, whatsapp.play_icon_max_bytes);
    }
}
