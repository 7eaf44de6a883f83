use std::path::{Path, PathBuf};

use crate::languages::{key, Lang, Message};
use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};

/// A cause kept as it came, whatever its type.
pub type BoxedError = Box<dyn std::error::Error + Send + Sync>;

/// The one error type of the portal. Every variant becomes an HTML page (written by
/// `http::error_pages`, in the request's language) or, for a missing sign-in, a redirect;
/// internal details go to the log, never to the visitor.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    /// `sign_in`: the sign-in page, with the address to come back to.
    #[error("sign-in required: {sign_in}")]
    SignInRequired { sign_in: String },
    #[error("forbidden")]
    Forbidden,
    /// The path exists for other methods, listed in `allow` (`GET, HEAD`).
    #[error("method not allowed (allowed: {allow})")]
    MethodNotAllowed { allow: String },
    /// More work of one kind waits than the portal takes at once (password hashing).
    #[error("too busy: {0}")]
    Busy(&'static str),
    #[error("missing or wrong CSRF token")]
    CsrfRejected,
    #[error("form too large or unreadable")]
    FormTooLarge,
    #[error("database error: {0}")]
    Database(#[from] diesel::result::Error),
    #[error("search index error: {0}")]
    Search(#[source] tantivy::TantivyError),
    #[error("database connection error: {0}")]
    Pool(#[from] diesel::r2d2::PoolError),
    /// A file or folder the portal needs could not be used.
    #[error("cannot {action} {}: {source}", path.display())]
    File {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A file or folder is not as a command needs it (already there, missing, not a key).
    #[error("{} {problem}", path.display())]
    Unusable {
        path: PathBuf,
        problem: &'static str,
    },
    /// A setting from the command line or the environment cannot be used.
    #[error("{setting} {problem}")]
    Setting {
        setting: &'static str,
        problem: &'static str,
    },
    /// A setting was refused by what it sets up (an SMTP URL by the mail library).
    #[error("{setting} cannot be used: {source}")]
    SettingRefused {
        setting: &'static str,
        #[source]
        source: BoxedError,
    },
    #[error("cannot start the {thread} thread: {source}")]
    Thread {
        thread: &'static str,
        #[source]
        source: std::io::Error,
    },
    /// `database` is the file, or the server's URL without its password.
    #[error("cannot open the database {database}: {source}")]
    Connection {
        database: String,
        #[source]
        source: diesel::ConnectionError,
    },
    #[error("database migration failed: {0}")]
    Migration(#[source] BoxedError),
    #[error("template error: {0}")]
    Template(#[from] askama::Error),
    /// A feed, export or API answer could not be written (CSV, JSON or XML).
    #[error("encoding error: {0}")]
    Encoding(#[source] BoxedError),
    #[error("password hashing failed: {0}")]
    Hashing(#[source] BoxedError),
    #[error("the session could not be written: {0}")]
    Session(#[from] actix_session::SessionInsertError),
    /// The demo data was refused by the rules it goes through.
    #[error("the demo data was refused: {0:?}")]
    DemoRefused(Vec<Message>),
    /// Institutions name countries the conversion to ISO codes could not map.
    #[error(
        "institutions name countries without an ISO 3166-1 code: {}. Give each its two-letter code \
         (`portal set-country --name \"…\" --code XX`), then start again",
        .0.iter().map(|(name, count)| format!("\"{name}\" ({count} institution{})", if *count == 1 { "" } else { "s" })).collect::<Vec<_>>().join(", ")
    )]
    CountriesWithoutCode(Vec<(String, i64)>),
    #[error("the background task was cancelled")]
    Cancelled,
    /// Work on the blocking pool panicked, with the panic's message.
    #[error("panicked on the blocking pool: {0}")]
    Panicked(String),
}

impl AppError {
    pub fn encoding(error: impl Into<BoxedError>) -> AppError {
        AppError::Encoding(error.into())
    }

    /// A failure to `action` (create, read, write, copy into) the file or folder at `path`.
    pub fn file<'a>(
        action: &'static str,
        path: &'a Path,
    ) -> impl Fn(std::io::Error) -> AppError + Copy + 'a {
        move |source| AppError::File {
            action,
            path: path.to_owned(),
            source,
        }
    }

    /// The same failure for a client of the JSON API: its status and
    /// `{"error": "...", "message": "..."}` (the `Error` schema of `exports::openapi`).
    pub fn json_response(&self) -> HttpResponse {
        let (title, message) = self.explanation();
        self.answer().json(serde_json::json!({
            "error": Lang::En.t(title),
            "message": Lang::En.t(message),
        }))
    }

    /// What the visitor is told, as the keys of a title and a sentence: never the internal
    /// cause, which goes to the log instead.
    pub fn explanation(&self) -> (&'static str, &'static str) {
        match self {
            AppError::NotFound => (key!("error-not-found"), key!("error-not-found-text")),
            AppError::Forbidden => (key!("error-forbidden"), key!("error-forbidden-text")),
            AppError::CsrfRejected => (key!("error-csrf"), key!("error-csrf-text")),
            AppError::FormTooLarge => (key!("error-form"), key!("error-form-text")),
            AppError::MethodNotAllowed { .. } => (key!("error-method"), key!("error-method-text")),
            AppError::Busy(_) => (key!("error-busy"), key!("error-busy-text")),
            _ if self.is_database_unreachable() => {
                (key!("error-unavailable"), key!("error-unavailable-text"))
            }
            _ => (key!("error-internal"), key!("error-internal-text")),
        }
    }

    /// The database server is out of reach (no connection to be had, or the one in use was
    /// cut): a passing state the portal recovers from by itself once the server answers.
    pub fn is_database_unreachable(&self) -> bool {
        use diesel::result::{DatabaseErrorKind, Error};
        matches!(
            self,
            AppError::Pool(_)
                | AppError::Database(Error::DatabaseError(
                    DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                    _
                ))
        )
    }

    /// A failure of the portal is an error to look into; being busy or cut off from the
    /// database is a warning (the cause is elsewhere, and it passes); what a visitor did wrong
    /// is no news.
    fn log(&self) {
        match self {
            AppError::Busy(_) => tracing::warn!(error = %self, "request refused"),
            _ if self.is_database_unreachable() => {
                tracing::warn!(error = %self, "database unreachable")
            }
            _ if self.status_code().is_server_error() => {
                tracing::error!(error = %self, "request failed")
            }
            _ => {}
        }
    }

    /// The status and the headers that go with it, whatever the body.
    pub fn answer(&self) -> actix_web::HttpResponseBuilder {
        let mut answer = HttpResponse::build(self.status_code());
        match self {
            AppError::MethodNotAllowed { allow } => {
                answer.insert_header((header::ALLOW, allow.as_str()));
            }
            AppError::Busy(_) => {
                answer.insert_header((header::RETRY_AFTER, "5"));
            }
            _ if self.is_database_unreachable() => {
                answer.insert_header((header::RETRY_AFTER, "30"));
            }
            _ => {}
        }
        answer
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::SignInRequired { .. } => StatusCode::SEE_OTHER,
            AppError::Forbidden | AppError::CsrfRejected => StatusCode::FORBIDDEN,
            AppError::FormTooLarge => StatusCode::BAD_REQUEST,
            AppError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Busy(_) => StatusCode::SERVICE_UNAVAILABLE,
            _ if self.is_database_unreachable() => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let AppError::SignInRequired { sign_in } = self {
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, sign_in.as_str()))
                .finish();
        }
        self.log();
        // `http::error_pages` writes the body: the page in the request's language, or JSON.
        self.answer().finish()
    }
}
