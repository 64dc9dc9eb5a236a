//! What can go wrong with a contact.

use crate::db::DbError;
use crate::i18n::{Said, Words};
use crate::{ProblemKind, UserError};

#[derive(Debug, thiserror::Error)]
#[error("{}", self.english())]
pub enum ContactError {
    /// No contact of the account has this name or id.
    NotFound { query: String },
    /// More than one contact has this name.
    Ambiguous { query: String, matches: Vec<String> },
    /// A name must have something in it.
    EmptyName,
    /// The CSV file could not be read.
    Unreadable { path: String, detail: String },
    /// The database failed.
    Db(Box<DbError>),
}

impl UserError for ContactError {
    fn code(&self) -> &'static str {
        match self {
            ContactError::NotFound { .. } => "contact_not_found",
            ContactError::Ambiguous { .. } => "ambiguous_contact",
            ContactError::EmptyName => "invalid_contact",
            ContactError::Unreadable { .. } => "file_unreadable",
            ContactError::Db(e) => e.code(),
        }
    }

    fn said(&self) -> Option<Said> {
        let (message, remedy) = match self {
            ContactError::Db(e) => return e.said(),
            ContactError::NotFound { query } => (
                Words::new("error-contact-not-found").text("query", query.clone()),
                Words::new("remedy-contact-not-found"),
            ),
            ContactError::Ambiguous { query, matches } => (
                Words::new("error-contact-ambiguous")
                    .text("query", query.clone())
                    .text("matches", matches.join(", ")),
                Words::new("remedy-contact-ambiguous"),
            ),
            ContactError::EmptyName => (
                Words::new("error-contact-empty-name"),
                Words::new("remedy-contact-empty-name"),
            ),
            ContactError::Unreadable { path, detail } => (
                Words::new("error-contacts-unreadable")
                    .text("path", path.clone())
                    .text("detail", detail.clone()),
                Words::new("remedy-contacts-unreadable"),
            ),
        };
        Some(Said::new(message, remedy))
    }

    fn kind(&self) -> ProblemKind {
        match self {
            ContactError::Unreadable { .. } => ProblemKind::Unusable,
            ContactError::Db(e) => e.kind(),
            _ => ProblemKind::Usage,
        }
    }
}
