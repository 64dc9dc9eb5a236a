//! Facebook Messenger (Graph API Send API): a Page access token; the note is uploaded
//! and sent in one multipart call, as an audio attachment.

use serde::Deserialize;
use serde_json::json;

use super::Platform;
use super::account::Account;
use super::answer::field;
use super::client::{
    Client, Listed, Listing, Outgoing, Receipt, SendOptions, Verified, bad_recipient, secret,
};
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

/// A page of the Page's conversations (`GET /{page}/conversations`).
#[derive(Debug, Default, Deserialize)]
struct Conversations {
    #[serde(default)]
    data: Vec<Conversation>,
    #[serde(default)]
    paging: Option<Paging>,
}

#[derive(Debug, Default, Deserialize)]
struct Paging {
    #[serde(default)]
    cursors: Option<Cursors>,
    /// Present only when there is a page after this one.
    #[serde(default)]
    next: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct Cursors {
    #[serde(default)]
    after: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct Conversation {
    #[serde(default)]
    participants: Option<List<Person>>,
    /// The newest messages first.
    #[serde(default)]
    messages: Option<List<Message>>,
}

#[derive(Debug, Deserialize)]
struct List<T> {
    #[serde(default = "Vec::new")]
    data: Vec<T>,
}

#[derive(Debug, Default, Deserialize)]
struct Person {
    #[serde(default, deserialize_with = "field")]
    id: Option<String>,
    #[serde(default, deserialize_with = "field")]
    name: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct Message {
    #[serde(default)]
    from: Option<Person>,
    #[serde(default, deserialize_with = "field")]
    created_time: Option<String>,
}

/// The fields asked of each conversation: who is in it, and who wrote its newest
/// messages when (the customer's last message starts the window).
const CONVERSATION_FIELDS: &str = "participants,messages.limit(10){from,created_time}";
/// Conversations a page; and how many pages at most (Graph paces a Page's calls).
const PAGE_SIZE: &str = "100";
const MOST_PAGES: usize = 200;

/// Graph's time (`2026-12-01T10:00:00+0000`) in ms since the epoch.
fn graph_time(text: &str) -> Option<i64> {
    let parsed = jiff::fmt::strtime::parse("%Y-%m-%dT%H:%M:%S%z", text).ok()?;
    Some(parsed.to_timestamp().ok()?.as_millisecond())
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

    /// The people in the Page's conversations (their PSIDs and names) and when each
    /// last wrote, page by page as Graph gives them (its cursors, never its `next`
    /// address); Graph's rate limits are waited out by the transport.
    fn people(&self, seen: &dyn Fn(usize)) -> Result<Listing, SendError> {
        let url = self.url(&format!("{}/conversations", self.page_id));
        let mut people: Vec<Listed> = Vec::new();
        let mut after: Option<String> = None;
        for _ in 0..MOST_PAGES {
            let page = self.http.check(
                Doing::ListingChats,
                |c| {
                    let mut query = vec![
                        ("platform", "messenger"),
                        ("fields", CONVERSATION_FIELDS),
                        ("limit", PAGE_SIZE),
                        ("access_token", self.token.as_str()),
                    ];
                    if let Some(cursor) = &after {
                        query.push(("after", cursor.as_str()));
                    }
                    c.get(&url).query(&query)
                },
                |r| graph::ok_json::<Conversations>(Platform::Messenger, &r),
            )?;
            for conversation in &page.data {
                let everyone = conversation.participants.as_ref().map(|p| &p.data);
                let Some(customer) = everyone
                    .into_iter()
                    .flatten()
                    .find(|p| p.id.as_deref().is_some_and(|id| id != self.page_id))
                else {
                    continue;
                };
                let id = customer.id.clone().unwrap_or_default();
                let last_heard_ms = conversation
                    .messages
                    .iter()
                    .flat_map(|m| &m.data)
                    .filter(|m| m.from.as_ref().and_then(|f| f.id.as_deref()) == Some(&id))
                    .filter_map(|m| m.created_time.as_deref().and_then(graph_time))
                    .max();
                if !people.iter().any(|p| p.id == id) {
                    people.push(Listed {
                        id,
                        name: customer.name.clone(),
                        last_heard_ms,
                    });
                }
            }
            seen(people.len());
            let next = page.paging.as_ref().filter(|p| p.next.is_some());
            match next.and_then(|p| p.cursors.as_ref()?.after.clone()) {
                Some(cursor) if after.as_ref() != Some(&cursor) => after = Some(cursor),
                _ => break,
            }
        }
        Ok(Listing::People(people))
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
