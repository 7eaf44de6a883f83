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
    #[error("the background task was cancelled")]
    Cancelled,
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    title: &'static str,
    message: &'static str,
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        let page = if status == StatusCode::NOT_FOUND {
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
        };
        let body = page.render().unwrap_or_else(|error| {
            tracing::error!(%error, "error page could not be rendered");
            format!("<!doctype html><title>{0}</title><h1>{0}</h1>", page.title)
        });
        HttpResponse::build(status)
            .content_type("text/html; charset=utf-8")
            .body(body)
    }
}
