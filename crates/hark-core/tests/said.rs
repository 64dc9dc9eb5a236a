//! Every error Hark says from its catalogs is whole in each language, on each surface:
//! no placeable left unfilled, Chinese in the Chinese catalog, no command to type in
//! the window, and the English of `Display` and `remedy()` is the catalog's.

use std::path::PathBuf;

use hark_core::audio::{AudioError, ClipError};
use hark_core::db::DbError;
use hark_core::i18n::{Lang, Surface};
use hark_core::outbox::{OutboxError, State};
use hark_core::paths::DataDirError;
use hark_core::platform::error::described;
use hark_core::platform::{ErrorCode, Platform};
use hark_core::profile::model::validate;
use hark_core::profile::{KeychainError, NewProfile, ProfileError};
use hark_core::record::recorder::RecordError;
use hark_core::{Problem, UserError};

fn io(kind: std::io::ErrorKind) -> std::io::Error {
    std::io::Error::new(kind, "os said no")
}

fn every_error() -> Vec<Box<dyn UserError>> {
    let detail = || "it said no".to_string();
    let path = || PathBuf::from("/data/hark.db");
    let sqlite = || rusqlite::Error::InvalidQuery;
    let mut all: Vec<Box<dyn UserError>> = vec![
        Box::new(ProfileError::NotFound("Shop".into())),
        Box::new(ProfileError::NameTaken("Shop".into())),
        Box::new(ProfileError::SecretMissing {
            name: "Shop".into(),
            key: "app_secret".into(),
        }),
        Box::new(KeychainError::Unavailable { detail: detail() }),
        Box::new(KeychainError::Locked { detail: detail() }),
        Box::new(KeychainError::NoAnswer),
        Box::new(KeychainError::Failed { detail: detail() }),
        Box::new(DataDirError::NoHome),
        Box::new(DataDirError::NotWritable {
            path: path(),
            source: io(std::io::ErrorKind::PermissionDenied),
        }),
        Box::new(DbError::Sqlite {
            path: path(),
            source: sqlite(),
        }),
        Box::new(DbError::TooNew {
            path: path(),
            found: 9,
            known: 5,
        }),
        Box::new(ClipError::Unsupported {
            found: hark_core::audio::sniff::found("png"),
        }),
        Box::new(ClipError::Corrupt { detail: detail() }),
        Box::new(ClipError::Unreadable {
            path: path(),
            source: io(std::io::ErrorKind::NotFound),
        }),
        Box::new(ClipError::TooBig {
            bytes: 900_000_000,
            max: 512_000_000,
        }),
        Box::new(ClipError::Encode { detail: detail() }),
        Box::new(ClipError::Cancelled),
        Box::new(AudioError::NoInputDevice { detail: detail() }),
        Box::new(AudioError::NoSoundServer { detail: detail() }),
        Box::new(AudioError::PermissionDenied { detail: detail() }),
        Box::new(AudioError::DeviceBusy { detail: detail() }),
        Box::new(AudioError::Unsupported { detail: detail() }),
        Box::new(AudioError::Backend { detail: detail() }),
        Box::new(RecordError::Spool(io(std::io::ErrorKind::StorageFull))),
        Box::new(RecordError::Cancelled),
        Box::new(RecordError::Empty),
        Box::new(OutboxError::NoSuchSend(999)),
        Box::new(OutboxError::StillSending(3)),
        Box::new(OutboxError::AlreadyResent { id: 3, again: 7 }),
        Box::new(OutboxError::SessionNotKept(3)),
    ];
    for state in [State::Sent, State::Unknown] {
        all.push(Box::new(OutboxError::MayDuplicate {
            id: 3,
            state,
            platform: Platform::Telegram,
        }));
    }
    for platform in Platform::ALL {
        for code in ErrorCode::ALL {
            all.push(Box::new(described(code, platform)));
        }
        // A form saved with a name and nothing else: a required field is missing; with
        // a bad address, a field that does not exist, a secret given as a field.
        let fields = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        for (name, given) in [
            ("Shop", fields(&[])),
            ("", fields(&[])),
            ("Shop", fields(&[("api_base", "not a url")])),
            ("Shop", fields(&[("colour", "red")])),
        ] {
            let new = NewProfile {
                platform,
                name: name.into(),
                fields: given,
                secrets: Default::default(),
            };
            if let Err(invalid) = validate(&new) {
                all.push(Box::new(ProfileError::Invalid(invalid)));
            }
        }
    }
    all
}

#[test]
fn every_error_is_said_whole_in_each_language_on_each_surface() {
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for error in every_error() {
        let code = error.code();
        assert!(error.said().is_some(), "{code}: not in the catalog");
        let english = Problem::said_in(error.as_ref(), Lang::En, Surface::Cli);
        assert_eq!(english.message, error.to_string(), "{code}");
        assert_eq!(english.remedy, error.remedy(), "{code}");
        for lang in Lang::ALL {
            for surface in [Surface::Cli, Surface::App] {
                let p = Problem::said_in(error.as_ref(), lang, surface);
                let what = format!("{code} in {} for {surface:?}", lang.tag());
                for text in [&p.message, &p.remedy] {
                    assert!(!text.trim().is_empty(), "{what}");
                    assert!(!text.contains('{'), "{what}: {text}");
                    assert!(!text.contains("error-") && !text.contains("remedy-"));
                    assert_eq!(han(text), lang == Lang::ZhCn, "{what}: {text}");
                }
                if surface == Surface::App {
                    let typed = p.remedy.contains("hark ") || p.remedy.contains('`');
                    assert!(!typed, "{what}: a command in the window: {}", p.remedy);
                }
            }
        }
    }
}

/// Each field of each platform's account form has a label and a help in each
/// language, which the form, the CLI's flags and prompts all read.
#[test]
fn every_account_field_is_labelled_in_each_language() {
    use hark_core::i18n::Catalog;
    use hark_core::platform::credentials;
    for platform in Platform::ALL {
        for field in credentials::fields(platform) {
            let id = format!("field-{}-{}", platform.id(), field.key);
            for lang in Lang::ALL {
                for part in ["label", "help"] {
                    let text = Catalog::of(lang).part(&id, part).unwrap_or_default();
                    assert!(!text.trim().is_empty(), "{id}.{part} in {lang:?}");
                }
                assert_eq!(
                    field.label(platform, lang),
                    Catalog::of(lang).part(&id, "label").unwrap()
                );
            }
        }
    }
}

/// Every line of the limits panel, fitting or not, is whole in each language, and its
/// fix in the window names no command.
#[test]
fn every_verdict_is_said_whole_in_each_language() {
    use hark_core::platform::limits::verdicts;
    use std::time::Duration;
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for platform in Platform::ALL {
        for (native, secs, bytes) in [(true, 5, 8_000), (false, 3_600, 900_000_000)] {
            for v in verdicts(
                platform,
                "Ogg/Opus",
                native,
                Duration::from_secs(secs),
                bytes,
            ) {
                assert_eq!(v.message_in(Lang::En), v.message);
                assert_eq!(v.remedy_in(Lang::En, Surface::Cli), v.remedy);
                for lang in Lang::ALL {
                    let line = v.message_in(lang);
                    assert!(!line.contains('{') && !line.is_empty(), "{line}");
                    assert_eq!(han(&line), lang == Lang::ZhCn, "{line}");
                    for surface in [Surface::Cli, Surface::App] {
                        let Some(fix) = v.remedy_in(lang, surface) else {
                            continue;
                        };
                        assert!(!fix.contains('{') && han(&fix) == (lang == Lang::ZhCn));
                        if surface == Surface::App {
                            assert!(!fix.contains("hark "), "{fix}");
                        }
                    }
                }
            }
        }
    }
}

/// Every message a program names in its source (`Words::new("…")`, `found("…")`,
/// `say_id("…")`, the ids a shell error and a notification use) is in both catalogs:
/// a message named in the code and missing from a catalog would be said as its id.
#[test]
fn every_message_the_code_names_is_in_each_catalog() {
    use hark_core::i18n::Catalog;
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut sources = vec![];
    let mut dirs = vec![root.join("crates"), root.join("src-tauri/src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() && !path.ends_with("target") {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                sources.push(path);
            }
        }
    }
    assert!(sources.len() > 50, "{} sources", sources.len());
    let mut named = 0;
    for path in &sources {
        let text = std::fs::read_to_string(path).unwrap();
        for (call, prefix) in [
            ("Words::new(\"", ""),
            ("found(\"", "found-"),
            ("say_id(\"", ""),
        ] {
            for (at, _) in text.match_indices(call) {
                let rest = &text[at + call.len()..];
                let id = &rest[..rest.find('"').unwrap()];
                // An id built at run time ("error-{id}") is checked where it is built.
                let literal = id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
                // The catalog's own test names one that is missing on purpose.
                if id.is_empty() || !literal || id.ends_with('-') || id == "no-such-message" {
                    continue;
                }
                let id = format!("{prefix}{id}");
                for lang in Lang::ALL {
                    assert!(
                        Catalog::of(lang).has(&id),
                        "{id} (named in {}) is not in the {lang:?} catalog",
                        path.display()
                    );
                }
                named += 1;
            }
        }
    }
    assert!(named > 150, "{named} messages named");
}

/// What Hark was doing when a call went unanswered is said in each language.
#[test]
fn every_call_is_named_in_each_language() {
    use hark_core::i18n::Catalog;
    use hark_core::platform::doing::Doing;
    for lang in Lang::ALL {
        for doing in Doing::ALL {
            assert!(Catalog::of(lang).has(&doing.words().id), "{doing:?}");
        }
    }
}
