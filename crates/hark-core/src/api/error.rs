//! What can go wrong with the API's keys and requests, in words.

use crate::db::DbError;
use crate::i18n::{Said, Words};
use crate::{ProblemKind, UserError};

#[derive(Debug, thiserror::Error)]
#[error("{}", self.english())]
pub enum ApiError {
    /// No API key has this name or id.
    KeyNotFound { query: String },
    /// Another key has this name.
    KeyNameTaken { name: String },
    /// A key's name must have something in it.
    EmptyKeyName,
    /// The request had no key, or one that is wrong or revoked.
    Unauthorized,
    /// The request is not one the API takes: what is wrong with it, in words.
    Invalid { field: String, detail: Words },
    /// The same Idempotency-Key came with a different request.
    IdempotencyConflict { key: String, first: String },
    /// The audio given inline is larger than the platform's cap for a source.
    TooLarge { bytes: u64, cap: u64 },
    /// The API has no such route.
    NoRoute { method: String, path: String },
    /// No send of the API has this id.
    SendNotFound { id: String },
    /// The queue holds as many sends as it takes.
    QueueFull { queued: usize },
    /// A queued send needed a session's credentials, which are never kept, and Hark
    /// stopped before it went out.
    SessionNotKept,
    /// The system's random source failed (a key could not be made).
    Random(String),
    /// The database failed.
    Db(Box<DbError>),
}

impl From<DbError> for ApiError {
    fn from(e: DbError) -> ApiError {
        ApiError::Db(Box::new(e))
    }
}

impl UserError for ApiError {
    fn code(&self) -> &'static str {
        match self {
            ApiError::KeyNotFound { .. } => "api_key_not_found",
            ApiError::KeyNameTaken { .. } => "api_key_name_taken",
            ApiError::EmptyKeyName => "invalid_api_key_name",
            ApiError::Unauthorized => "unauthorized",
            ApiError::Invalid { .. } => "invalid_request",
            ApiError::IdempotencyConflict { .. } => "idempotency_conflict",
            ApiError::TooLarge { .. } => "audio_too_large",
            ApiError::SendNotFound { .. } => "send_not_found",
            ApiError::NoRoute { .. } => "not_found",
            ApiError::QueueFull { .. } => "queue_full",
            ApiError::SessionNotKept => "session_not_kept",
            ApiError::Random(_) => "random_unavailable",
            ApiError::Db(e) => e.code(),
        }
    }

    fn said(&self) -> Option<Said> {
        let (message, remedy) = match self {
            ApiError::Db(e) => return e.said(),
            ApiError::KeyNotFound { query } => (
                Words::new("error-api-key-not-found").text("query", query.clone()),
                Words::new("remedy-api-key-not-found"),
            ),
            ApiError::KeyNameTaken { name } => (
                Words::new("error-api-key-name-taken").text("name", name.clone()),
                Words::new("remedy-api-key-name-taken"),
            ),
            ApiError::EmptyKeyName => (
                Words::new("error-api-key-empty-name"),
                Words::new("remedy-api-key-empty-name"),
            ),
            ApiError::Unauthorized => (
                Words::new("error-api-unauthorized"),
                Words::new("remedy-api-unauthorized"),
            ),
            ApiError::Invalid { field, detail } => (
                Words::new("error-api-invalid")
                    .text("field", field.clone())
                    .words("detail", detail.clone()),
                Words::new("remedy-api-invalid"),
            ),
            ApiError::IdempotencyConflict { key, first } => (
                Words::new("error-api-idempotency-conflict")
                    .text("key", key.clone())
                    .text("first", first.clone()),
                Words::new("remedy-api-idempotency-conflict"),
            ),
            ApiError::TooLarge { bytes, cap } => (
                Words::new("error-api-too-large")
                    .text("size", crate::platform::limits::size(*bytes))
                    .text("cap", crate::platform::limits::size(*cap)),
                Words::new("remedy-api-too-large"),
            ),
            ApiError::NoRoute { method, path } => (
                Words::new("error-api-no-route")
                    .text("method", method.clone())
                    .text("path", path.clone()),
                Words::new("remedy-api-no-route"),
            ),
            ApiError::SendNotFound { id } => (
                Words::new("error-api-send-not-found").text("id", id.clone()),
                Words::new("remedy-api-send-not-found"),
            ),
            ApiError::QueueFull { queued } => (
                Words::new("error-api-queue-full").number("queued", *queued as u32),
                Words::new("remedy-api-queue-full"),
            ),
            ApiError::SessionNotKept => (
                Words::new("error-api-session-not-kept"),
                Words::new("remedy-api-session-not-kept"),
            ),
            ApiError::Random(detail) => (
                Words::new("error-api-random").text("detail", detail.clone()),
                Words::new("remedy-api-random"),
            ),
        };
        Some(Said::new(message, remedy))
    }

    fn kind(&self) -> ProblemKind {
        match self {
            ApiError::Db(e) => e.kind(),
            ApiError::Random(_) | ApiError::SessionNotKept => ProblemKind::Local,
            ApiError::QueueFull { .. } => ProblemKind::Temporary,
            ApiError::TooLarge { .. } => ProblemKind::DoesNotFit,
            ApiError::IdempotencyConflict { .. } => ProblemKind::HeldBack,
            _ => ProblemKind::Usage,
        }
    }
}
