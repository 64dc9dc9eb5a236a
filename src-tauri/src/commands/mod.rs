//! Commands, grouped by concern; each is a thin wrapper over hark-core.

pub mod accounts;
pub mod app_info;
pub mod clips;
pub mod contacts;
pub mod drafts;
pub mod history;
pub mod links;
pub mod opened;
pub mod platforms;
pub mod quit;
pub mod record;
pub mod send;
pub mod settings;
