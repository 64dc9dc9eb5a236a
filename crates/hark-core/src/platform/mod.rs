//! The messaging platforms: one table of facts (limits, target formats, hints) that
//! the CLI and the UI both read, the verdicts computed from it, what an account
//! holds on each, and one client per platform speaking one error language.

pub mod account;
mod answer;
pub mod client;
pub mod credentials;
pub mod doing;
pub mod error;
mod facts;
mod graph;
pub mod http;
pub mod limits;
pub mod messenger;
pub mod sandbox;
pub mod telegram;
pub mod wechat;
pub mod whatsapp;
pub mod whatsapp_gateway;
pub mod window;

pub use account::Account;
pub use client::{
    Client, Listed, Listing, Lookup, Outgoing, Reached, Receipt, SendOptions, Verified,
};
pub use error::{Delivery, ErrorCode, RawError, SendError};
pub use facts::{Facts, Pace, Platform, ReplyWindow, Target};
pub use http::{Progress, ProgressFn};
pub use limits::{Level, Verdict, VerdictCheck, verdicts};

use crate::secret::Secrets;
use http::Http;

/// The recipient in the form `platform` wants (digits for WhatsApp, `…@c.us` for a
/// gateway), or an error saying what is wrong; needs no account and no network.
pub fn recipient(platform: Platform, to: &str) -> Result<String, SendError> {
    match platform {
        Platform::Wechat => wechat::recipient(to),
        Platform::Messenger => messenger::recipient(to),
        Platform::Whatsapp => whatsapp::recipient(to),
        Platform::WhatsappGateway => whatsapp_gateway::recipient(to),
        Platform::Telegram => telegram::recipient(to),
        Platform::Sandbox => sandbox::recipient(to),
    }
}

/// A client for `account`, with its secrets.
pub fn connect(
    account: &Account<'_>,
    secrets: Secrets,
    data_dir: &std::path::Path,
) -> Result<Box<dyn Client>, SendError> {
    let http = || Http::new(account.platform, secrets.values());
    Ok(match account.platform {
        Platform::Wechat => Box::new(wechat::Wechat::new(account, &secrets, http()?)),
        Platform::Messenger => Box::new(messenger::Messenger::new(account, &secrets, http()?)),
        Platform::Whatsapp => Box::new(whatsapp::Whatsapp::new(account, &secrets, http()?)),
        Platform::WhatsappGateway => {
            Box::new(whatsapp_gateway::Gateway::new(account, &secrets, http()?))
        }
        Platform::Telegram => Box::new(telegram::Telegram::new(account, &secrets, http()?)),
        Platform::Sandbox => Box::new(sandbox::Sandbox::new(data_dir)),
    })
}
