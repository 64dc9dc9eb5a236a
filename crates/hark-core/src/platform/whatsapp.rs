//! The WhatsApp Business Cloud API: the note is uploaded as media, then sent as an
//! audio message with `voice: true`, so it arrives as a voice note.

use serde::Deserialize;
use serde_json::json;

use super::Platform;
use super::account::Account;
use super::answer::field;
use super::client::{Client, Outgoing, Receipt, SendOptions, Verified, bad_recipient, secret};
use super::doing::Doing;
use super::error::SendError;
use super::graph;
use super::http::{Http, ProgressFn, Reply, Stage, join};
use crate::secret::Secrets;

pub struct Whatsapp {
    http: Http,
    base: String,
    version: String,
    phone_number_id: String,
    token: String,
}

impl Whatsapp {
    pub fn new(account: &Account<'_>, secrets: &Secrets, http: Http) -> Whatsapp {
        Whatsapp {
            http,
            base: account.api_base().unwrap_or_default().to_owned(),
            version: account.field("graph_version").unwrap_or("v25.0").to_owned(),
            phone_number_id: account
                .field("phone_number_id")
                .unwrap_or_default()
                .to_owned(),
            token: secret(secrets, "access_token"),
        }
    }

    fn url(&self, path: &str) -> String {
        join(
            &self.base,
            &format!("{}/{}/{}", self.version, self.phone_number_id, path),
        )
        .trim_end_matches('/')
        .to_owned()
    }
}

/// The phone number's own record (`GET /{phone-number-id}`).
#[derive(Debug, Default, Deserialize)]
struct PhoneNumber {
    #[serde(default, deserialize_with = "field")]
    display_phone_number: Option<String>,
    #[serde(default, deserialize_with = "field")]
    verified_name: Option<String>,
}

/// An upload's answer (`POST /media`): `{"id"}`.
#[derive(Debug, Default, Deserialize)]
struct Uploaded {
    #[serde(default, deserialize_with = "field")]
    id: Option<String>,
}

/// A message's answer (`POST /messages`): `{"messages": [{"id"}]}`.
#[derive(Debug, Default, Deserialize)]
struct Sent {
    #[serde(default, deserialize_with = "field")]
    messages: Option<Vec<Uploaded>>,
}

fn ok_json<T: serde::de::DeserializeOwned + Default>(reply: &Reply) -> Result<T, SendError> {
    graph::ok_json(Platform::Whatsapp, reply)
}

/// An id the platform documents its success answer holds.
fn required(reply: &Reply, id: Option<String>, what: &str) -> Result<String, SendError> {
    id.filter(|v| !v.is_empty())
        .ok_or_else(|| reply.not_understood(Platform::Whatsapp, what))
}

/// A phone number as the Cloud API wants it: country code and number, digits only.
pub fn normalise_number(to: &str) -> Option<String> {
    let t = to.trim();
    let t = t.strip_prefix("00").unwrap_or(t);
    if t.chars()
        .any(|c| !(c.is_ascii_digit() || " +-().".contains(c)))
    {
        return None;
    }
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    (8..=15).contains(&digits.len()).then_some(digits)
}

/// The recipient in the form the platform wants, or what is wrong with it.
pub fn recipient(to: &str) -> Result<String, SendError> {
    normalise_number(to).ok_or_else(|| bad_recipient(Platform::Whatsapp, to))
}

impl Client for Whatsapp {
    fn verify(&self) -> Result<Verified, SendError> {
        let url = self.url("");
        let number = self.http.check(
            Doing::CheckingPhoneNumber,
            |c| {
                c.get(&url)
                    .bearer_auth(&self.token)
                    .query(&[("fields", "display_phone_number,verified_name")])
            },
            |r| ok_json::<PhoneNumber>(&r),
        )?;
        Ok(Verified {
            account: format!(
                "{} ({})",
                number.display_phone_number.unwrap_or_default(),
                number.verified_name.unwrap_or_default()
            ),
        })
    }

    fn http(&self) -> Option<&Http> {
        Some(&self.http)
    }

    fn send(
        &self,
        note: &Outgoing<'_>,
        to: &str,
        _options: &SendOptions,
        progress: &ProgressFn,
    ) -> Result<Receipt, SendError> {
        let media_url = self.url("media");
        let uploaded = self.http.call(
            Doing::Uploading,
            Stage::BeforeSend,
            progress,
            |c| {
                let form = reqwest::multipart::Form::new()
                    .text("messaging_product", "whatsapp")
                    .text("type", "audio/ogg")
                    .part(
                        "file",
                        self.http.file_part(
                            note.bytes,
                            note.format.file_name(),
                            "audio/ogg",
                            progress,
                        ),
                    );
                c.post(&media_url).bearer_auth(&self.token).multipart(form)
            },
            |r| required(&r, ok_json::<Uploaded>(&r)?.id, "media id"),
        )?;
        let media_id = uploaded;
        let body = json!({
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": to,
            "type": "audio",
            "audio": {"id": media_id, "voice": true},
        });
        let messages_url = self.url("messages");
        let sent = self.http.call(
            Doing::Sending,
            Stage::Send,
            progress,
            |c| c.post(&messages_url).bearer_auth(&self.token).json(&body),
            |r| {
                let sent = ok_json::<Sent>(&r)?;
                let first = sent.messages.and_then(|m| m.into_iter().next());
                required(&r, first.and_then(|m| m.id), "message id")
            },
        )?;
        Ok(Receipt {
            platform: Platform::Whatsapp,
            recipient: to.to_owned(),
            message_id: Some(sent),
            media_id: Some(media_id),
            delivered_to: None,
            sent_at: crate::clock::rfc3339(crate::clock::now_ms()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_become_digits_with_their_country_code() {
        assert_eq!(
            normalise_number("+44 7700 900-123").as_deref(),
            Some("447700900123")
        );
        assert_eq!(
            normalise_number("0044 (7700) 900123").as_deref(),
            Some("447700900123")
        );
        assert_eq!(normalise_number("12345"), None);
        assert_eq!(normalise_number("alice"), None);
        assert_eq!(normalise_number("+1 555 0100 x12"), None);
    }
}
