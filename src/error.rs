use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

use crate::accounts::session::Layout;

/// The one error type of the portal. Every variant becomes an HTML page (or, for a missing
/// sign-in, a redirect); internal details go to the log, never to the visitor.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("sign-in required for {next}")]
    SignInRequired { next: String },
    #[error("forbidden")]
    Forbidden,
    #[error("missing or wrong CSRF token")]
    CsrfRejected,
    #[error("form too large or unreadable")]
    FormTooLarge,
    #[error("database error: {0}")]
    Database(#[from] diesel::result::Error),
    #[error("database connection error: {0}")]
    Pool(#[from] diesel::r2d2::PoolError),
    #[error("{0}")]
    Storage(String),
    #[error("database migration failed: {0}")]
    Migration(String),
    #[error("template error: {0}")]
    Template(#[from] askama::Error),
    #[error("{0}")]
    Internal(String),
    /// A feed, export or API answer could not be written (CSV, JSON or XML).
    #[error("encoding error: {0}")]
    Encoding(String),
    #[error("the background task was cancelled")]
    Cancelled,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    layout: Layout,
    title: &'static str,
    message: &'static str,
}

impl AppError {
    pub fn encoding(error: impl std::fmt::Display) -> AppError {
        AppError::Encoding(error.to_string())
    }

    /// The same failure for a client of the JSON API: its status and `{"error": "..."}`.
    pub fn json_response(&self) -> HttpResponse {
        if self.status_code().is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        let page = self.page();
        HttpResponse::build(self.status_code())
            .json(serde_json::json!({ "error": page.title, "message": page.message }))
    }

    /// What the visitor is told: a title and a sentence, never the internal cause, which goes
    /// to the log instead.
    fn page(&self) -> ErrorPage {
        let (title, message) = match self {
            AppError::NotFound => (
                "Page not found",
                "There is nothing at this address. It may have moved, or the link may be \
                 mistyped.",
            ),
            AppError::Forbidden => (
                "Not allowed",
                "Your account does not give access to this page. If you think it should, \
                 ask the secretariat.",
            ),
            AppError::CsrfRejected => (
                "This form has expired",
                "The form did not carry this session's security token (it may come from an \
                 earlier session or another site), so nothing was changed. Go back, reload \
                 the page and send the form again.",
            ),
            AppError::FormTooLarge => (
                "The form could not be read",
                "What was sent is too large or not a form. Nothing was changed.",
            ),
            _ => (
                "Something went wrong",
                "The portal could not answer this request. The problem has been logged; \
                 please try again in a moment.",
            ),
        };
        ErrorPage {
            layout: Layout::default(),
            title,
            message,
        }
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::SignInRequired { .. } => StatusCode::SEE_OTHER,
            AppError::Forbidden | AppError::CsrfRejected => StatusCode::FORBIDDEN,
            AppError::FormTooLarge => StatusCode::BAD_REQUEST,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        if let AppError::SignInRequired { next } = self {
            let next: String = form_urlencoded::byte_serialize(next.as_bytes()).collect();
            let target = format!("/login?next={next}");
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, target))
                .finish();
        }
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        let page = self.page();
        let body = page.render().unwrap_or_else(|error| {
            tracing::error!(%error, "error page could not be rendered");
            format!("<!doctype html><title>{0}</title><h1>{0}</h1>", page.title)
        });
        HttpResponse::build(status)
            .content_type("text/html; charset=utf-8")
            .body(body)
    }
}
