//! The HTTP status of a failure: from its stable code where one fits exactly, else
//! from its kind.

use axum::http::StatusCode;
use hark_core::ProblemKind;

pub fn of(code: &str, kind: ProblemKind) -> StatusCode {
    match code {
        "invalid_request" | "invalid_profile" => StatusCode::BAD_REQUEST,
        "unauthorized" => StatusCode::UNAUTHORIZED,
        "profile_not_found" | "send_not_found" | "contact_not_found" | "not_found" => {
            StatusCode::NOT_FOUND
        }
        "idempotency_conflict" | "ambiguous_contact" => StatusCode::CONFLICT,
        "audio_too_large" => StatusCode::PAYLOAD_TOO_LARGE,
        "recipient_not_found" | "audio_fetch_failed" | "unsupported_audio" | "audio_too_long" => {
            StatusCode::UNPROCESSABLE_ENTITY
        }
        "queue_full" | "rate_limited" => StatusCode::TOO_MANY_REQUESTS,
        _ => match kind {
            ProblemKind::Usage => StatusCode::BAD_REQUEST,
            ProblemKind::Unusable | ProblemKind::DoesNotFit => StatusCode::UNPROCESSABLE_ENTITY,
            ProblemKind::HeldBack => StatusCode::CONFLICT,
            ProblemKind::Refused | ProblemKind::Unknown => StatusCode::BAD_GATEWAY,
            ProblemKind::Temporary | ProblemKind::Local | ProblemKind::Device => {
                StatusCode::SERVICE_UNAVAILABLE
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_failure_has_the_status_that_fits() {
        let cases = [
            ("invalid_request", ProblemKind::Usage, 400),
            ("unauthorized", ProblemKind::Usage, 401),
            ("profile_not_found", ProblemKind::Usage, 404),
            ("idempotency_conflict", ProblemKind::HeldBack, 409),
            ("audio_too_large", ProblemKind::DoesNotFit, 413),
            ("recipient_not_found", ProblemKind::Refused, 422),
            ("queue_full", ProblemKind::Temporary, 429),
            ("invalid_token", ProblemKind::Refused, 502),
            ("delivery_unknown", ProblemKind::Unknown, 502),
            ("keychain_unavailable", ProblemKind::Local, 503),
        ];
        for (code, kind, status) in cases {
            assert_eq!(of(code, kind).as_u16(), status, "{code}");
        }
    }
}
