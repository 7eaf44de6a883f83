use actix_web::{http::StatusCode, HttpResponse, ResponseError};
use askama::Template;

/// The one error type of the portal. Every variant becomes an HTML page; internal details go
/// to the log, never to the visitor.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
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
    /// A feed, export or API answer could not be written (CSV, JSON or XML).
    #[error("encoding error: {0}")]
    Encoding(String),
    #[error("the background task was cancelled")]
    Cancelled,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    title: &'static str,
    message: &'static str,
}

impl AppError {
    pub fn encoding(error: impl std::fmt::Display) -> AppError {
        AppError::Encoding(error.to_string())
    }

    /// What the visitor is told: a title and a sentence, never the internal cause, which goes
    /// to the log instead.
    fn public_message(&self) -> ErrorPage {
        if self.status_code() == StatusCode::NOT_FOUND {
            ErrorPage {
                title: "Page not found",
                message: "There is nothing at this address. It may have moved, or the link may \
                          be mistyped.",
            }
        } else {
            tracing::error!(error = %self, "request failed");
            ErrorPage {
                title: "Something went wrong",
                message: "The portal could not answer this request. The problem has been \
                          logged; please try again in a moment.",
            }
        }
    }

    /// The same failure for a client of the JSON API: its status and `{"error": "..."}`.
    pub fn json_response(&self) -> HttpResponse {
        let page = self.public_message();
        HttpResponse::build(self.status_code())
            .json(serde_json::json!({ "error": page.title, "message": page.message }))
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let page = self.public_message();
        let body = page.render().unwrap_or_else(|error| {
            tracing::error!(%error, "error page could not be rendered");
            format!("<!doctype html><title>{0}</title><h1>{0}</h1>", page.title)
        });
        HttpResponse::build(self.status_code())
            .content_type("text/html; charset=utf-8")
            .body(body)
    }
}
