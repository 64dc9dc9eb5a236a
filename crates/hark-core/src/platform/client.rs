//! What every platform client does: check the account, and send a voice note.

use std::path::PathBuf;
use std::time::Duration;

use serde::Serialize;

use super::error::{ErrorCode, SendError};
use super::facts::{Platform, Target};
use super::http::{Http, ProgressFn};
use crate::i18n::{Said, Words};
use crate::secret::Secrets;

/// A voice note ready to go, already in the platform's format and within its limits.
#[derive(Debug, Clone, Copy)]
pub struct Outgoing<'a> {
    pub bytes: &'a [u8],
    pub format: Target,
    pub duration: Duration,
}

/// Per-send choices.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct SendOptions {
    /// Messenger: send with the HUMAN_AGENT tag (a person replying up to 7 days after
    /// the customer's last message).
    #[serde(default)]
    pub human_agent: bool,
    /// Telegram: send the note as a file (sendDocument) rather than a voice message,
    /// for people whose privacy settings refuse voice messages.
    #[serde(default)]
    pub as_file: bool,
}

/// What a successful send returns.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq)]
pub struct Receipt {
    pub platform: Platform,
    /// The recipient as the platform knows them (normalised).
    pub recipient: String,
    /// The platform's message id; WeChat returns none.
    pub message_id: Option<String>,
    /// The uploaded media's id, where there was an upload step.
    pub media_id: Option<String>,
    /// Where the sandbox delivered the note.
    pub delivered_to: Option<PathBuf>,
    /// When the platform accepted the note (RFC 3339, UTC): for WeChat, which returns
    /// no message id, this and the media id are the receipt.
    pub sent_at: String,
}

/// What a platform said when asked whether it has a note.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    /// The platform cannot be asked (most cannot).
    CannotAsk,
    /// It has it: the receipt it gave.
    Found(Receipt),
    /// It answered, and has no such note.
    NotFound,
    /// It could not be asked just now.
    Failed(SendError),
}

/// Who the account is, as the platform says.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Verified {
    /// e.g. "Acme Support (Page 1234)", "@acme_bot", "+1 555 0100 (Acme)".
    pub account: String,
}

pub trait Client {
    /// A cheap real call that proves the credentials work.
    fn verify(&self) -> Result<Verified, SendError>;

    /// The transport it sends through; none for the sandbox, which sends nowhere.
    fn http(&self) -> Option<&Http>;

    /// The people who wrote to the account, where the platform can be asked without a
    /// public server of Hark's own; `seen` hears how many were read so far, page by page.
    fn people(&self, seen: &dyn Fn(usize)) -> Result<Listing, SendError> {
        let _ = seen;
        Ok(Listing::CannotAsk)
    }

    /// How far the note `message_id` sent to `to` got, where the platform says; `None`
    /// where it does not (then "sent" means the platform accepted it) or has nothing
    /// beyond that yet.
    fn reached(&self, to: &str, message_id: &str) -> Result<Option<Reached>, SendError> {
        let _ = (to, message_id);
        Ok(None)
    }

    /// Asks the platform whether `to` has a voice note from this account sent at or
    /// after `since_ms` (ms since the epoch), for a send whose outcome is unknown.
    fn find_sent(&self, to: &str, since_ms: i64) -> Lookup {
        let _ = (to, since_ms);
        Lookup::CannotAsk
    }

    /// Uploads (where the platform needs it) and sends the note to `to` (normalised).
    fn send(
        &self,
        note: &Outgoing<'_>,
        to: &str,
        options: &SendOptions,
        progress: &ProgressFn,
    ) -> Result<Receipt, SendError>;
}

/// Someone a platform says wrote to the account.
/// How far a sent note got, where the platform says (a WhatsApp gateway's acks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reached {
    /// On the customer's phone.
    Delivered,
    /// Opened.
    Read,
    /// Listened to.
    Played,
}

impl Reached {
    pub fn id(self) -> &'static str {
        match self {
            Reached::Delivered => "delivered",
            Reached::Read => "read",
            Reached::Played => "played",
        }
    }

    pub fn from_id(id: &str) -> Option<Reached> {
        [Reached::Delivered, Reached::Read, Reached::Played]
            .into_iter()
            .find(|r| r.id() == id)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    /// The recipient as the platform wants it.
    pub id: String,
    /// The name the platform gives them, if any.
    pub name: Option<String>,
    /// When they last wrote (ms since the epoch), if the platform says.
    pub last_heard_ms: Option<i64>,
}

/// What a platform says of the people who wrote to the account.
#[derive(Debug, Clone, PartialEq)]
pub enum Listing {
    People(Vec<Listed>),
    /// A Telegram bot with a webhook gets its messages only at that address: they
    /// cannot be read without removing it, which is not Hark's to do.
    WebhookSet,
    /// The platform has no call that lists them.
    CannotAsk,
}

/// The error for a recipient `platform` could never accept.
pub fn bad_recipient(platform: Platform, to: &str) -> SendError {
    SendError::say(
        ErrorCode::RecipientNotFound,
        Said::new(
            Words::new("error-bad-recipient").text("to", to),
            Words::new(format!("remedy-bad-recipient-{}", platform.id())),
        ),
    )
}

/// A required secret, or a clear error (the profile store checks this at creation, so
/// it only happens if the keychain entry was edited by hand).
pub fn secret(secrets: &Secrets, key: &str) -> String {
    secrets
        .get(key)
        .map(|s| s.expose().to_owned())
        .unwrap_or_default()
}
