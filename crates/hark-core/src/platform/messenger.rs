//! Facebook Messenger (Graph API Send API): a Page access token; the note is uploaded
//! and sent in one multipart call, as an audio attachment.

use serde::Deserialize;
use serde_json::json;

use super::Platform;
use super::account::Account;
use super::answer::field;
use super::client::{Client, Outgoing, Receipt, SendOptions, Verified, bad_recipient, secret};
use super::doing::Doing;
use super::error::{ErrorCode, SendError};
use super::graph;
use super::http::{Http, ProgressFn, Reply, Stage, join};
use crate::i18n::{Said, Words};
use crate::secret::Secrets;

pub struct Messenger {
    http: Http,
    base: String,
    version: String,
    page_id: String,
    messaging_type: String,
    token: String,
}

impl Messenger {
    pub fn new(account: &Account<'_>, secrets: &Secrets, http: Http) -> Messenger {
        Messenger {
            http,
            base: account.api_base().unwrap_or_default().to_owned(),
            version: account.field("graph_version").unwrap_or("v25.0").to_owned(),
            page_id: account.field("page_id").unwrap_or_default().to_owned(),
            messaging_type: account
                .field("messaging_type")
                .unwrap_or("RESPONSE")
                .to_owned(),
            token: secret(secrets, "page_access_token"),
        }
    }

    fn url(&self, path: &str) -> String {
        join(&self.base, &format!("{}/{}", self.version, path))
    }
}

/// The Page, as `GET /me?fields=id,name` gives it.
#[derive(Debug, Default, Deserialize)]
struct Page {
    #[serde(default, deserialize_with = "field")]
    id: Option<String>,
    #[serde(default, deserialize_with = "field")]
    name: Option<String>,
}

/// The Send API's success: `message_id` (and `attachment_id` for an upload).
#[derive(Debug, Default, Deserialize)]
struct Sent {
    #[serde(default, deserialize_with = "field")]
    message_id: Option<String>,
    #[serde(default, deserialize_with = "field")]
    attachment_id: Option<String>,
}

fn sent(reply: &Reply) -> Result<Sent, SendError> {
    let sent: Sent = graph::ok_json(Platform::Messenger, reply)?;
    match &sent.message_id {
        Some(id) if !id.is_empty() => Ok(sent),
        _ => Err(reply.not_understood(Platform::Messenger, "message id")),
    }
}

/// The recipient in the form the platform wants, or what is wrong with it.
pub fn recipient(to: &str) -> Result<String, SendError> {
    let to = to.trim();
    if !to.is_empty() && to.chars().all(|c| c.is_ascii_digit()) {
        Ok(to.to_owned())
    } else {
        Err(bad_recipient(Platform::Messenger, to))
    }
}

impl Client for Messenger {
    fn verify(&self) -> Result<Verified, SendError> {
        let url = self.url("me");
        let me = self.http.check(
            Doing::CheckingPageToken,
            |c| {
                c.get(&url)
                    .query(&[("fields", "id,name"), ("access_token", &self.token)])
            },
            |r| graph::ok_json::<Page>(Platform::Messenger, &r),
        )?;
        let id = me.id.as_deref().unwrap_or_default();
        let name = me.name.as_deref().unwrap_or("?");
        if id != self.page_id {
            return Err(SendError::say(
                ErrorCode::InvalidToken,
                Said::new(
                    Words::new("error-token-of-another-page")
                        .text("name", name)
                        .text("id", id)
                        .text("page", self.page_id.clone()),
                    Words::new("remedy-token-of-another-page"),
                ),
            ));
        }
        Ok(Verified {
            account: format!("{name} (Page {id})"),
        })
    }

    fn http(&self) -> Option<&Http> {
        Some(&self.http)
    }

    fn send(
        &self,
        note: &Outgoing<'_>,
        to: &str,
        options: &SendOptions,
        progress: &ProgressFn,
    ) -> Result<Receipt, SendError> {
        let url = self.url(&format!("{}/messages", self.page_id));
        let recipient = json!({ "id": to }).to_string();
        let message =
            json!({"attachment": {"type": "audio", "payload": {"is_reusable": true}}}).to_string();
        let sent = self.http.call(
            Doing::Sending,
            Stage::Send,
            progress,
            |c| {
                let mut form = reqwest::multipart::Form::new().text("recipient", recipient.clone());
                form = if options.human_agent {
                    form.text("messaging_type", "MESSAGE_TAG")
                        .text("tag", "HUMAN_AGENT")
                } else {
                    form.text("messaging_type", self.messaging_type.clone())
                };
                form = form.text("message", message.clone()).part(
                    "filedata",
                    self.http
                        .file_part(note.bytes, note.format.file_name(), "audio/mp4", progress),
                );
                c.post(&url)
                    .query(&[("access_token", &self.token)])
                    .multipart(form)
            },
            |r| sent(&r),
        )?;
        Ok(Receipt {
            platform: Platform::Messenger,
            recipient: to.to_owned(),
            message_id: sent.message_id,
            media_id: sent.attachment_id,
            delivered_to: None,
            sent_at: crate::clock::rfc3339(crate::clock::now_ms()),
        })
    }
}
