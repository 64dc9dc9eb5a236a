//! The sandbox: a platform with no account anywhere. It checks a note as WhatsApp
//! would (an Ogg/Opus voice note within WhatsApp's limits) and "delivers" it into a
//! local inbox in the data folder, where `hark inbox` and the app can play it.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::client::{Client, Outgoing, Receipt, SendOptions, Verified, bad_recipient};
use super::error::{ErrorCode, SendError, described};
use super::http::{Progress, ProgressFn};
use super::{Platform, Target};
use crate::clock::{now_ms, rfc3339};
use crate::i18n::Words;

/// The inbox folder inside the data folder.
pub const INBOX_DIR: &str = "sandbox-inbox";

pub struct Sandbox {
    inbox: PathBuf,
}

impl Sandbox {
    pub fn new(data_dir: &Path) -> Sandbox {
        Sandbox {
            inbox: data_dir.join(INBOX_DIR),
        }
    }
}

/// A note the sandbox received.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Delivered {
    pub message_id: String,
    pub recipient: String,
    pub received_at: String,
    pub bytes: u64,
    pub duration_ms: u64,
    /// The note as it arrived.
    pub file: PathBuf,
}

/// What WhatsApp checks of a voice note: Ogg with Opus inside, within 16 MB.
fn check_like_whatsapp(note: &Outgoing<'_>) -> Result<(), SendError> {
    let facts = Platform::Whatsapp.facts();
    let is_ogg_opus = note.bytes.starts_with(b"OggS")
        && note.bytes.len() > 36
        && &note.bytes[28..36] == b"OpusHead";
    if note.format != Target::OggOpus || !is_ogg_opus {
        return Err(described(ErrorCode::UnsupportedAudio, Platform::Sandbox)
            .raw("131053", "Media upload error: audio/ogg must be Opus"));
    }
    if note.bytes.len() as u64 > facts.max_bytes {
        return Err(described(ErrorCode::AudioTooLarge, Platform::Sandbox)
            .raw("131053", "Media upload error: file is larger than 16 MB"));
    }
    Ok(())
}

fn folder_name(recipient: &str) -> String {
    let cleaned: String = recipient
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_.@+".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    cleaned.trim_matches('.').to_owned()
}

/// The recipient in the form the platform wants, or what is wrong with it.
pub fn recipient(to: &str) -> Result<String, SendError> {
    let to = to.trim();
    if to.is_empty() || to.chars().count() > 100 || folder_name(to).is_empty() {
        Err(bad_recipient(Platform::Sandbox, to))
    } else {
        Ok(to.to_owned())
    }
}

impl Client for Sandbox {
    fn verify(&self) -> Result<Verified, SendError> {
        Ok(Verified {
            account: format!("the sandbox (notes are kept in {})", self.inbox.display()),
        })
    }

    fn http(&self) -> Option<&super::http::Http> {
        None
    }

    fn send(
        &self,
        note: &Outgoing<'_>,
        to: &str,
        _options: &SendOptions,
        progress: &ProgressFn,
    ) -> Result<Receipt, SendError> {
        check_like_whatsapp(note)?;
        progress(Progress::Sending);
        let now = now_ms();
        let message_id = format!("sandbox-{now}-{:06x}", fastrand::u32(..0xff_ffff));
        let folder = self.inbox.join(folder_name(to));
        let file = folder.join(format!("{message_id}.ogg"));
        let delivered = Delivered {
            message_id: message_id.clone(),
            recipient: to.to_owned(),
            received_at: rfc3339(now),
            bytes: note.bytes.len() as u64,
            duration_ms: note.duration.as_millis() as u64,
            file: file.clone(),
        };
        let write = || -> std::io::Result<()> {
            std::fs::create_dir_all(&folder)?;
            crate::files::write_atomically(&file, note.bytes)?;
            crate::files::write_atomically(
                &file.with_extension("json"),
                serde_json::to_string_pretty(&delivered)
                    .expect("serialises")
                    .as_bytes(),
            )
        };
        write().map_err(|e| {
            // Half a delivery is none: the inbox lists a note by its record.
            let _ = std::fs::remove_file(&file);
            SendError::local(Words::new("writing-sandbox-inbox"), &folder, &e)
        })?;
        Ok(Receipt {
            platform: Platform::Sandbox,
            recipient: to.to_owned(),
            message_id: Some(message_id),
            media_id: None,
            delivered_to: Some(file),
            sent_at: crate::clock::rfc3339(now),
        })
    }
}

/// Every note the sandbox received, newest first.
pub fn inbox(data_dir: &Path) -> std::io::Result<Vec<Delivered>> {
    let root = data_dir.join(INBOX_DIR);
    let mut all = Vec::new();
    let Ok(folders) = std::fs::read_dir(&root) else {
        return Ok(all);
    };
    for folder in folders {
        let folder = folder?.path();
        if !folder.is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "json")
                && let Ok(text) = std::fs::read_to_string(&path)
                && let Ok(item) = serde_json::from_str::<Delivered>(&text)
                && item.file.exists()
            {
                all.push(item);
            }
        }
    }
    // By the time it says, not its text: notes written before times always carried
    // milliseconds have "…:05Z" for "…:05.000Z", which sorts after "…:05.120Z".
    let at = |d: &Delivered| d.received_at.parse::<jiff::Timestamp>().ok();
    all.sort_by(|a, b| at(b).cmp(&at(a)).then(b.message_id.cmp(&a.message_id)));
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inbox_is_newest_first_by_time_whatever_way_the_time_was_written() {
        let dir = tempfile::tempdir().expect("a folder");
        let folder = dir.path().join(INBOX_DIR).join("cust");
        std::fs::create_dir_all(&folder).expect("the inbox");
        // A record from before times always carried milliseconds, then two newer ones.
        for (id, at) in [
            ("older", "2026-12-02T16:42:05Z"),
            ("newer", "2026-12-02T16:42:05.120Z"),
            ("newest", "2026-12-02T16:42:06.000Z"),
        ] {
            let file = folder.join(format!("{id}.ogg"));
            std::fs::write(&file, b"OggS").expect("the note");
            let record = Delivered {
                message_id: id.to_owned(),
                recipient: "cust".to_owned(),
                received_at: at.to_owned(),
                bytes: 4,
                duration_ms: 1000,
                file,
            };
            std::fs::write(
                folder.join(format!("{id}.json")),
                serde_json::to_string(&record).expect("serialises"),
            )
            .expect("the record");
        }
        let order: Vec<String> = inbox(dir.path())
            .expect("the inbox reads")
            .into_iter()
            .map(|d| d.message_id)
            .collect();
        assert_eq!(order, ["newest", "newer", "older"]);
    }
}
