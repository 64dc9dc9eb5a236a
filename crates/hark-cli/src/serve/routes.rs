//! The API's routes: `POST /v1/send`, `GET /v1/sends`, `GET /v1/sends/{id}`, and the
//! OpenAPI document at `GET /openapi.json`. Every route but the document needs an API
//! key (`Authorization: Bearer hark_…`, or `X-API-Key`). A failure is JSON with its
//! stable code and the HTTP status that fits (`status::of`).

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router, routing};
use hark_core::api::{ApiError, ApiKey, ApiKeys, ApiSends, ApiStatus, Enqueued, Sessions, accept};
use hark_core::outbox::Outbox;
use hark_core::{Problem, UserError};
use serde::Deserialize;
use utoipa::OpenApi;

use super::wire;

/// What every request shares.
pub struct Api {
    pub outbox: Outbox,
    pub keys: ApiKeys,
    pub sends: ApiSends,
    pub sessions: Arc<Sessions>,
    /// The most sends queued at once (`--queue-limit`).
    pub queue_limit: usize,
}

type Shared = State<Arc<Api>>;

/// The most a request's body may be: the largest audio Hark takes, in base64.
pub fn body_limit() -> usize {
    let cap = hark_core::audio::link::size_cap(None) as usize;
    cap / 3 * 4 + 64 * 1024
}

pub fn router(api: Arc<Api>) -> Router {
    Router::new()
        .route("/v1/send", routing::post(send))
        .route("/v1/sends", routing::get(list))
        .route("/v1/sends/{id}", routing::get(get))
        .route("/openapi.json", routing::get(openapi))
        .fallback(
            |method: axum::http::Method, uri: axum::http::Uri| async move {
                failure_of(&ApiError::NoRoute {
                    method: method.to_string(),
                    path: uri.path().to_owned(),
                })
            },
        )
        .layer(axum::extract::DefaultBodyLimit::max(body_limit()))
        .with_state(api)
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Hark local send API",
        description = "Send voice notes through Hark (`hark serve`): the note is checked, \
            converted and sent as a native voice message, and kept in Hark's history."
    ),
    paths(send, list, get),
    components(schemas(wire::SendBody, wire::Send, wire::Sends, wire::Error, wire::Problem, wire::Status)),
    modifiers(&Security)
)]
pub struct Doc;

struct Security;

impl utoipa::Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "api_key",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("A key from `hark api-key create NAME`."))
                    .build(),
            ),
        );
        openapi.security = Some(vec![utoipa::openapi::security::SecurityRequirement::new(
            "api_key",
            Vec::<String>::new(),
        )]);
    }
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(Doc::openapi())
}

#[derive(Deserialize, utoipa::IntoParams)]
struct SendParams {
    /// Wait up to this many seconds (at most 60) for the outcome before answering:
    /// 200 when sent, the failure's status when it failed or may have arrived, 202 if
    /// still under way.
    wait: Option<u64>,
}

/// Queues a voice note, and answers at once (202) with its id.
#[utoipa::path(
    post,
    path = "/v1/send",
    request_body = wire::SendBody,
    params(
        SendParams,
        ("Idempotency-Key" = Option<String>, Header,
         description = "A retry with the same key (and the same request) gets the first send back, 200, instead of sending twice."),
    ),
    responses(
        (status = 202, description = "Queued", body = wire::Send),
        (status = 200, description = "A retry of an earlier request (Idempotency-Key), or sent within `wait`", body = wire::Send),
        (status = 400, description = "The request is not one the API takes", body = wire::Error),
        (status = 401, description = "No API key, or a wrong or revoked one", body = wire::Error),
        (status = 404, description = "No such profile", body = wire::Error),
        (status = 409, description = "The Idempotency-Key came with another request", body = wire::Error),
        (status = 413, description = "The audio is too large", body = wire::Error),
        (status = 422, description = "The recipient or the audio cannot be used", body = wire::Error),
        (status = 429, description = "The queue is full", body = wire::Error),
        (status = 502, description = "With `wait`: the platform refused, or its answer was lost", body = wire::Error),
        (status = 503, description = "Hark cannot do it now (keychain, disk, database)", body = wire::Error),
    )
)]
async fn send(
    State(api): Shared,
    Query(params): Query<SendParams>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let key = match authorized(&api, &headers).await {
        Ok(key) => key,
        Err(response) => return response,
    };
    let body = match body {
        Ok(body) => body,
        Err(rejected) if rejected.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            let limit = body_limit() as u64;
            return failure_of(&ApiError::TooLarge {
                bytes: limit,
                cap: limit / 4 * 3,
            });
        }
        Err(rejected) => return invalid("body", rejected.body_text()),
    };
    let body: wire::SendBody = match serde_json::from_slice(&body) {
        Ok(body) => body,
        // serde's words say which field and where; never the request's values.
        Err(e) => return invalid("body", e.to_string()),
    };
    let idempotency = headers
        .get("idempotency-key")
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().to_owned());
    let worked = {
        let api = api.clone();
        tokio::task::spawn_blocking(move || {
            accept(
                &api.outbox,
                &api.sends,
                &api.sessions,
                &key.id,
                body.into(),
                idempotency,
                api.queue_limit,
            )
        })
        .await
    };
    let enqueued = match worked {
        Ok(Ok(enqueued)) => enqueued,
        Ok(Err(problem)) => return failure(*problem),
        Err(e) => return invalid("body", e.to_string()),
    };
    let (first, send) = match enqueued {
        Enqueued::New(send) => {
            api.sessions.ring();
            (true, send)
        }
        Enqueued::Again(send) => (false, send),
    };
    let Some(wait) = params.wait.filter(|w| *w > 0) else {
        let status = if first {
            StatusCode::ACCEPTED
        } else {
            StatusCode::OK
        };
        return (status, Json(wire::Send::from(send))).into_response();
    };
    // Waiting for the outcome.
    let deadline = Instant::now() + Duration::from_secs(wait.min(60));
    let mut now = send;
    while !now.status.is_final() && Instant::now() < deadline {
        // Woken when a send is settled (or after a while, whatever happens).
        let mut settled = std::pin::pin!(api.sessions.next_settled());
        settled.as_mut().enable();
        let (reading, id) = (api.clone(), now.id.clone());
        match tokio::task::spawn_blocking(move || reading.sends.get(&id)).await {
            Ok(Ok(Some(s))) => now = s,
            _ => break,
        }
        if now.status.is_final() {
            break;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        let _ = tokio::time::timeout(left.min(Duration::from_secs(1)), settled).await;
    }
    let status = match now.status {
        ApiStatus::Sent => StatusCode::OK,
        ApiStatus::Failed | ApiStatus::Unknown => now
            .error
            .as_ref()
            .map(|e| {
                let code = e["code"].as_str().unwrap_or_default();
                let kind = serde_json::from_value(e["kind"].clone())
                    .unwrap_or(hark_core::ProblemKind::Refused);
                super::status::of(code, kind)
            })
            .unwrap_or(StatusCode::BAD_GATEWAY),
        ApiStatus::Queued | ApiStatus::Sending => StatusCode::ACCEPTED,
    };
    (status, Json(wire::Send::from(now))).into_response()
}

#[derive(Deserialize, utoipa::IntoParams)]
struct ListParams {
    /// Only sends in this status.
    status: Option<String>,
    /// How many, newest first (default 50, at most 500).
    limit: Option<usize>,
}

/// The newest sends, newest first.
#[utoipa::path(
    get,
    path = "/v1/sends",
    params(ListParams),
    responses(
        (status = 200, body = wire::Sends),
        (status = 400, body = wire::Error),
        (status = 401, body = wire::Error),
    )
)]
async fn list(
    State(api): Shared,
    Query(params): Query<ListParams>,
    headers: HeaderMap,
) -> Response {
    if let Err(response) = authorized(&api, &headers).await {
        return response;
    }
    let status = match params.status.as_deref() {
        None => None,
        Some("queued") => Some(ApiStatus::Queued),
        Some("sending") => Some(ApiStatus::Sending),
        Some("sent") => Some(ApiStatus::Sent),
        Some("failed") => Some(ApiStatus::Failed),
        Some("unknown") => Some(ApiStatus::Unknown),
        Some(other) => {
            return invalid(
                "status",
                format!("“{other}” is not one of queued, sending, sent, failed, unknown"),
            );
        }
    };
    let limit = params.limit.unwrap_or(50).clamp(1, 500);
    let listed = tokio::task::spawn_blocking(move || api.sends.list(status, limit)).await;
    match listed {
        Ok(Ok(sends)) => Json(wire::Sends {
            sends: sends.into_iter().map(wire::Send::from).collect(),
        })
        .into_response(),
        Ok(Err(e)) => failure_of(&e),
        Err(e) => invalid("status", e.to_string()),
    }
}

/// One send, as it stands.
#[utoipa::path(
    get,
    path = "/v1/sends/{id}",
    params(("id" = String, Path, description = "The id `POST /v1/send` answered")),
    responses(
        (status = 200, body = wire::Send),
        (status = 401, body = wire::Error),
        (status = 404, body = wire::Error),
    )
)]
async fn get(State(api): Shared, Path(id): Path<String>, headers: HeaderMap) -> Response {
    if let Err(response) = authorized(&api, &headers).await {
        return response;
    }
    let asked = id.clone();
    let found = tokio::task::spawn_blocking(move || api.sends.get(&asked)).await;
    match found {
        Ok(Ok(Some(send))) => Json(wire::Send::from(send)).into_response(),
        Ok(Ok(None)) => failure_of(&ApiError::SendNotFound { id }),
        Ok(Err(e)) => failure_of(&e),
        Err(e) => invalid("id", e.to_string()),
    }
}

/// The request's key, if it is a good one; else the 401 to answer.
async fn authorized(api: &Arc<Api>, headers: &HeaderMap) -> Result<ApiKey, Response> {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("bearer "))
        });
    let given = bearer
        .or_else(|| headers.get("x-api-key").and_then(|v| v.to_str().ok()))
        .map(|v| v.trim().to_owned())
        .unwrap_or_default();
    let api = api.clone();
    match tokio::task::spawn_blocking(move || api.keys.check(&given)).await {
        Ok(Ok(key)) => Ok(key),
        Ok(Err(e)) => Err(failure_of(&e)),
        Err(_) => Err(failure_of(&ApiError::Unauthorized)),
    }
}

fn invalid(field: &str, detail: String) -> Response {
    failure_of(&ApiError::Invalid {
        field: field.into(),
        detail: hark_core::i18n::Words::new("said-as-is").text("text", detail),
    })
}

fn failure_of(e: &impl UserError) -> Response {
    failure(Problem::of(e))
}

fn failure(problem: Problem) -> Response {
    let status = super::status::of(&problem.code, problem.kind);
    let mut response = (
        status,
        Json(wire::Error {
            error: problem.into(),
        }),
    )
        .into_response();
    if status == StatusCode::UNAUTHORIZED {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            header::HeaderValue::from_static("Bearer"),
        );
    }
    if status == StatusCode::TOO_MANY_REQUESTS {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from_static("30"));
    }
    response
}
