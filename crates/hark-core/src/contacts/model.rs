//! A contact, and where it came from.

use serde::{Deserialize, Serialize};

/// Where a contact came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Entered by the agent.
    Typed,
    /// Read from a file or from the platform.
    Imported,
    /// Sent to by id, and kept so that it can be named.
    Learned,
}

impl Origin {
    pub fn id(self) -> &'static str {
        match self {
            Origin::Typed => "typed",
            Origin::Imported => "imported",
            Origin::Learned => "learned",
        }
    }

    pub fn from_id(id: &str) -> Option<Origin> {
        [Origin::Typed, Origin::Imported, Origin::Learned]
            .into_iter()
            .find(|o| o.id() == id)
    }
}

/// A person an account can send to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contact {
    pub id: i64,
    pub profile_id: String,
    /// The recipient as the platform knows it (an OpenID, a PSID, digits, a chat id).
    pub platform_id: String,
    /// The name the agent knows them by; `None` for one learned from a send and not
    /// named yet.
    pub name: Option<String>,
    pub note: Option<String>,
    pub origin: Origin,
    /// The last time the platform says they wrote (RFC 3339), when it says.
    pub last_heard_at: Option<String>,
    /// The same, in ms since the epoch.
    #[serde(skip)]
    pub last_heard_ms: Option<i64>,
    pub created_at: String,
}

impl Contact {
    /// The name, or the id for one not named yet.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.platform_id)
    }
}
