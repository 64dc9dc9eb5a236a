//! What a call to a platform is for, as an error about the call says it ("… while Hark
//! was uploading the note") and as the debug log names it.

use crate::i18n::Words;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doing {
    CheckingAccount,
    CheckingPageToken,
    CheckingBotToken,
    CheckingAccessToken,
    CheckingPhoneNumber,
    CheckingSession,
    GettingToken,
    GettingTokenFromRelay,
    Uploading,
    Sending,
    AskingForMessages,
    ListingChats,
}

impl Doing {
    pub const ALL: [Doing; 12] = [
        Doing::CheckingAccount,
        Doing::CheckingPageToken,
        Doing::CheckingBotToken,
        Doing::CheckingAccessToken,
        Doing::CheckingPhoneNumber,
        Doing::CheckingSession,
        Doing::GettingToken,
        Doing::GettingTokenFromRelay,
        Doing::Uploading,
        Doing::Sending,
        Doing::AskingForMessages,
        Doing::ListingChats,
    ];

    /// A stable name, for logs and the catalog (`doing-<id>`).
    pub fn id(self) -> &'static str {
        match self {
            Doing::CheckingAccount => "checking-account",
            Doing::CheckingPageToken => "checking-page-token",
            Doing::CheckingBotToken => "checking-bot-token",
            Doing::CheckingAccessToken => "checking-access-token",
            Doing::CheckingPhoneNumber => "checking-phone-number",
            Doing::CheckingSession => "checking-session",
            Doing::GettingToken => "getting-token",
            Doing::GettingTokenFromRelay => "getting-token-from-relay",
            Doing::Uploading => "uploading",
            Doing::Sending => "sending",
            Doing::AskingForMessages => "asking-for-messages",
            Doing::ListingChats => "listing-chats",
        }
    }

    /// What Hark was doing, as the middle of a sentence.
    pub fn words(self) -> Words {
        Words::new(format!("doing-{}", self.id()))
    }
}
