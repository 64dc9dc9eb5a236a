//! Taking a request to send: everything that can be checked before it is answered is
//! checked (the platform, the account or session, the recipient, the audio's size, the
//! links' form), then it is queued, and answered at once. What needs the network (the
//! link's audio, the platform) is the send's to say, in its status.

use std::collections::BTreeMap;
use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha256};

use super::error::ApiError;
use super::queue::{ApiSends, Audio, Enqueued, NewApiSend};
use super::sessions::Sessions;
use crate::Problem;
use crate::audio::link;
use crate::i18n::Words;
use crate::outbox::Outbox;
use crate::platform::Platform;
use crate::profile::Session;

/// The folder of the data folder that keeps audio sent inline until it goes out.
pub const INLINE_DIR: &str = "api";
/// The most sends queued at once by default; more are refused (429) until some go out.
pub const MOST_QUEUED: usize = 1000;

/// A request to send, as the API takes it (`POST /v1/send`).
#[derive(Debug, Clone, Default)]
pub struct SendBody {
    pub platform: String,
    pub recipient: String,
    pub audio_url: Option<String>,
    pub audio_base64: Option<String>,
    pub profile: Option<String>,
    pub session: Option<BTreeMap<String, String>>,
    pub tag: Option<String>,
    pub callback_url: Option<String>,
}

/// The tag that sends a Messenger note as a person's reply up to 7 days on.
pub const HUMAN_AGENT: &str = "human_agent";

/// Checks `body` and queues it for the key `key_id` (unless `most_queued` sends wait
/// already); a retry with the same `idempotency_key` gets the first send back.
pub fn accept(
    outbox: &Outbox,
    sends: &ApiSends,
    sessions: &Sessions,
    key_id: &str,
    body: SendBody,
    idempotency_key: Option<String>,
    most_queued: usize,
) -> Result<Enqueued, Box<Problem>> {
    let invalid = |field: &str, detail: Words| {
        problem(&ApiError::Invalid {
            field: field.into(),
            detail,
        })
    };
    let platform: Platform = body.platform.parse().map_err(|_| {
        invalid(
            "platform",
            Words::new("api-unknown-platform")
                .text("platforms", Platform::ALL.map(|p| p.id()).join(", ")),
        )
    })?;

    // The account: a profile, or a session.
    let (profile, session) = match (&body.profile, &body.session) {
        (Some(name), None) => {
            let profile = outbox.profiles().get(name).map_err(|e| problem(&e))?;
            if profile.platform != platform {
                return Err(invalid(
                    "profile",
                    Words::new("api-profile-other-platform")
                        .text("profile", profile.name.clone())
                        .words("its", profile.platform.name_words())
                        .words("platform", platform.name_words()),
                ));
            }
            (Some(profile), None)
        }
        (None, Some(given)) => {
            let session = Session::parse(platform, given).map_err(|e| {
                invalid(
                    &format!("session.{}", e.field),
                    e.words
                        .unwrap_or_else(|| Words::new("said-as-is").text("text", e.problem)),
                )
            })?;
            (None, Some(session))
        }
        _ => return Err(invalid("profile", Words::new("api-profile-or-session"))),
    };

    let fingerprint = fingerprint(&body, session.as_ref().map(|s| &s.profile().fields));

    // The recipient: a contact of the profile's, or an id in the platform's form.
    let recipient = body.recipient.trim().to_owned();
    let named = match &profile {
        Some(p) => outbox
            .contacts()
            .resolve(p, &recipient)
            .map_err(|e| problem(&e))?
            .is_some(),
        None => false,
    };
    if !named {
        crate::platform::recipient(platform, &recipient).map_err(|e| problem(&e))?;
    }

    let tag = match body.tag.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(t) if t.eq_ignore_ascii_case(HUMAN_AGENT) && platform == Platform::Messenger => {
            Some(HUMAN_AGENT.to_owned())
        }
        Some(t) => {
            return Err(invalid(
                "tag",
                Words::new("api-unknown-tag").text("tag", t.to_owned()),
            ));
        }
    };
    if let Some(url) = &body.callback_url
        && !link::is_link(url)
    {
        return Err(invalid("callback_url", Words::new("api-not-a-link")));
    }

    let id = format!(
        "snd_{}",
        crate::hex::random(8).map_err(|e| problem(&ApiError::Random(e.to_string())))?
    );
    // The audio: a link, fetched in its turn; or inline, kept until it goes out.
    let audio = match (&body.audio_url, &body.audio_base64) {
        (Some(url), None) if link::is_link(url) && url::Url::parse(url.trim()).is_ok() => {
            Audio::Url(url.trim().to_owned())
        }
        (Some(_), None) => return Err(invalid("audio_url", Words::new("api-not-a-link"))),
        (None, Some(inline)) => Audio::File(keep_inline(outbox.data_dir(), &id, inline, platform)?),
        _ => return Err(invalid("audio_url", Words::new("api-audio-url-or-base64"))),
    };
    let inline = match &audio {
        Audio::File(path) => Some(path.clone()),
        Audio::Url(_) => None,
    };

    if let Some(session) = session.clone() {
        sessions.put(&id, session);
    }
    let new = NewApiSend {
        id: id.clone(),
        key_id: key_id.to_owned(),
        idempotency_key: idempotency_key.filter(|k| !k.trim().is_empty()),
        fingerprint,
        platform,
        recipient,
        profile: profile.map(|p| p.id),
        account: session.map(|s| s.profile().fields.clone()),
        audio,
        tag,
        callback_url: body.callback_url.map(|u| u.trim().to_owned()),
    };
    let enqueued = sends.enqueue(&new, most_queued);
    if !matches!(enqueued, Ok(Enqueued::New(_))) {
        // A retry, or not queued: this request's own copies go.
        sessions.take(&id);
        if let Some(path) = inline {
            let _ = std::fs::remove_file(path);
        }
    }
    enqueued.map_err(|e| problem(&e))
}

fn problem(e: &impl crate::UserError) -> Box<Problem> {
    Box::new(Problem::of(e))
}

/// Decodes audio sent inline (base64, or a `data:` URL) into the data folder.
fn keep_inline(
    data_dir: &Path,
    id: &str,
    inline: &str,
    platform: Platform,
) -> Result<std::path::PathBuf, Box<Problem>> {
    let text = match inline.trim().split_once(";base64,") {
        Some((head, rest)) if head.starts_with("data:") => rest,
        _ => inline.trim(),
    };
    let cap = link::size_cap(Some(platform));
    // Base64 is 4 characters for 3 bytes: too long a text is too large a file.
    if (text.len() as u64) / 4 * 3 > cap + 3 {
        return Err(problem(&ApiError::TooLarge {
            bytes: text.len() as u64 / 4 * 3,
            cap,
        }));
    }
    let cleaned: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(&cleaned)
        .or_else(|_| base64::engine::general_purpose::URL_SAFE.decode(&cleaned))
        .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(&cleaned))
        .or_else(|_| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(&cleaned))
        .map_err(|_| {
            problem(&ApiError::Invalid {
                field: "audio_base64".into(),
                detail: Words::new("api-not-base64"),
            })
        })?;
    if bytes.is_empty() {
        return Err(problem(&ApiError::Invalid {
            field: "audio_base64".into(),
            detail: Words::new("api-empty-audio"),
        }));
    }
    let dir = data_dir.join(INLINE_DIR);
    let path = dir.join(format!("{id}.audio"));
    std::fs::create_dir_all(&dir)
        .and_then(|()| crate::files::write_atomically(&path, &bytes))
        .map_err(|source| {
            problem(&crate::outbox::OutboxError::Io {
                path: path.clone(),
                source,
            })
        })?;
    Ok(path)
}

/// A request's fingerprint, without its secrets (of a session, the names of its
/// fields and the values of those that are not secret).
fn fingerprint(body: &SendBody, account: Option<&BTreeMap<String, String>>) -> String {
    let session_keys: Option<Vec<&String>> = body.session.as_ref().map(|s| s.keys().collect());
    let inline = body
        .audio_base64
        .as_ref()
        .map(|a| crate::hex::hex(&Sha256::digest(a.as_bytes())));
    let json = serde_json::json!([
        body.platform,
        body.recipient,
        body.audio_url,
        inline,
        body.profile,
        session_keys,
        account,
        body.tag,
        body.callback_url
    ]);
    crate::hex::hex(&Sha256::digest(json.to_string().as_bytes()))
}
