//! Each account's address book: people by name, with the id their platform knows them
//! by, where they came from, and when they were last heard from where the platform
//! says. Never secret; kept in the database beside the account.

mod csv;
mod error;
mod fold;
mod model;
mod store;

pub use csv::{CsvReport, CsvRow, parse_csv};
pub use error::ContactError;
pub use fold::folded;
pub use model::{Contact, Origin};
pub use store::{AddError, Contacts, Imported};
