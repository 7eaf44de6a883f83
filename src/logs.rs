//! What the portal writes to its log. People read text, in colour only on a terminal; log
//! collectors read one JSON object a line (`--log-format json`). Every line written while a
//! request is served carries the request's id, and each request ends with one line: its
//! method, route, status and time. A request is named by its route pattern, never by its path
//! or query string, which can hold a secret (the token of a password-reset link).

use std::io::IsTerminal;
use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::{Error, HttpMessage};
use tracing::Span;
use tracing_actix_web::{RequestId, RootSpanBuilder};
use tracing_subscriber::EnvFilter;

/// How log lines are written: text for people, JSON (one object a line) for collectors.
/// (Without doc comments on the values, which would turn `--help` into its long layout.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// Installs the process's logger; `RUST_LOG` chooses what is written (default: info).
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let lines = tracing_subscriber::fmt().with_env_filter(filter);
    match format {
        LogFormat::Text => lines.with_ansi(std::io::stdout().is_terminal()).init(),
        LogFormat::Json => lines
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .init(),
    }
}

/// When the request began, for the time it took.
#[derive(Clone, Copy)]
struct Began(Instant);

/// The span every request is served in (see the module's documentation).
pub struct RequestSpan;

impl RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &ServiceRequest) -> Span {
        request.extensions_mut().insert(Began(Instant::now()));
        let request_id = request
            .extensions()
            .get::<RequestId>()
            .map(ToString::to_string)
            .unwrap_or_default();
        let route = crate::routes::matched_route(request);
        tracing::info_span!(
            "request",
            request_id = %request_id,
            method = %request.method(),
            route = %route,
        )
    }

    fn on_request_end<B: MessageBody>(span: Span, outcome: &Result<ServiceResponse<B>, Error>) {
        let _entered = span.enter();
        match outcome {
            Ok(response) => {
                let took = response
                    .request()
                    .extensions()
                    .get::<Began>()
                    .map(|began| began.0.elapsed());
                tracing::info!(
                    status = response.status().as_u16(),
                    ms = took.map_or(0.0, |took| took.as_secs_f64() * 1000.0),
                    "answered"
                );
            }
            Err(error) => tracing::info!(
                status = error.as_response_error().status_code().as_u16(),
                "answered"
            ),
        }
    }
}
