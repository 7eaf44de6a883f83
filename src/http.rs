//! What every page shares: rendering, the page cache, security headers, static assets,
//! health, robots.txt and 404.

use std::sync::{Arc, OnceLock};

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::DefaultHeaders;
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use crate::accounts::session::{Layout, Visitor};
use crate::db::{self, DbConnection};
use crate::error::AppError;
use crate::languages::negotiation::Choice;
use crate::languages::{Lang, Message};
use crate::paths;
use crate::practices::catalog::Catalog;
use crate::routes::Routes;
use crate::AppState;

const HTML: &str = "text/html; charset=utf-8";

pub fn html(body: impl actix_web::body::MessageBody + 'static) -> HttpResponse {
    HttpResponse::Ok().content_type(HTML).body(body)
}

/// A form shown again with its problems (422), so that clients and tests can tell it from
/// an accepted one.
fn html_with_problems(body: String) -> HttpResponse {
    HttpResponse::UnprocessableEntity()
        .content_type(HTML)
        .body(body)
}

/// Runs `work` on the blocking pool with the catalogue as of now.
pub async fn with_catalog<T, F>(state: &AppState, work: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConnection, &Catalog) -> Result<T, AppError> + Send + 'static,
{
    with_catalog_or(state, None, work).await
}

/// Runs `work` on the blocking pool with `recent`, or with the catalogue as of now when
/// there is none.
async fn with_catalog_or<T, F>(
    state: &AppState,
    recent: Option<Arc<Catalog>>,
    work: F,
) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConnection, &Catalog) -> Result<T, AppError> + Send + 'static,
{
    let store = Arc::clone(&state.catalog);
    db::run(&state.pool, move |conn| {
        let catalog = match recent {
            Some(catalog) => catalog,
            None => store.fresh(conn)?,
        };
        work(conn, &catalog)
    })
    .await
}

/// Serves a public answer from the catalogue's page cache, or builds and keeps it. Public
/// answers depend on nothing but their URL, their language and the catalogue version, so
/// the language and the URL are the key and the catalogue version the lifetime.
pub async fn cached<F>(
    state: &AppState,
    req: &HttpRequest,
    content_type: &'static str,
    build: F,
) -> Result<HttpResponse, AppError>
where
    F: FnOnce(&mut DbConnection, &Catalog, Lang) -> Result<Bytes, AppError> + Send + 'static,
{
    let choice = Choice::from_request_parts(req);
    let lang = choice.lang;
    // The day too: a practice page names it (the date its citation was accessed), and no
    // answer should outlive the day it was made on.
    let url = format!("{} {}", choice.page_key(), chrono::Utc::now().date_naive());
    let respond = |body: Bytes| HttpResponse::Ok().content_type(content_type).body(body);
    // Public answers may be as old as the catalogue's allowed staleness: while its last
    // check stands, the database is not asked for the version again.
    let recent = state.catalog.recent();
    if let Some(body) = recent.as_ref().and_then(|catalog| catalog.page(&url)) {
        return Ok(respond(body));
    }
    let body = with_catalog_or(state, recent, move |conn, catalog| {
        if let Some(body) = catalog.page(&url) {
            return Ok(body);
        }
        let body = build(conn, catalog, lang)?;
        catalog.keep_page(url, body.clone());
        Ok(body)
    })
    .await?;
    Ok(respond(body))
}

/// A public HTML page rendered from the view model `build` returns: cached when it is the
/// same for everyone, built afresh with the account menu for a signed-in person (or one with
/// a message waiting).
pub async fn cached_page<T, F>(
    state: &AppState,
    req: &HttpRequest,
    visitor: &Visitor,
    build: F,
) -> Result<HttpResponse, AppError>
where
    T: Template,
    F: FnOnce(&mut DbConnection, &Catalog, Layout) -> Result<T, AppError> + Send + 'static,
{
    if !visitor.sees_public_page() {
        let layout = visitor.layout();
        let body = with_catalog(state, move |conn, catalog| {
            Ok(build(conn, catalog, layout)?.render()?)
        })
        .await?;
        return Ok(html(body));
    }
    let layout = Layout::public(&visitor.choice);
    cached(state, req, HTML, move |conn, catalog, _| {
        Ok(Bytes::from(build(conn, catalog, layout)?.render()?))
    })
    .await
}

/// Renders a page.
pub fn render(page: &impl askama::Template) -> Result<HttpResponse, AppError> {
    Ok(html(page.render()?))
}

/// Renders a form again with its problems marked, keeping everything that was typed.
pub fn render_invalid(page: &impl askama::Template) -> Result<HttpResponse, AppError> {
    Ok(html_with_problems(page.render()?))
}

/// Where to go after a form was accepted (POST, then redirect, then GET).
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish()
}

/// What a handler answers after work on the blocking pool, where the session is out of
/// reach: a page, a form with problems, or a redirect with a message for the next page.
pub enum Reply {
    Page(String),
    Invalid(String),
    Redirect { to: String, flash: Vec<Message> },
}

impl Reply {
    pub fn page(page: &impl askama::Template) -> Result<Reply, AppError> {
        Ok(Reply::Page(page.render()?))
    }

    pub fn invalid(page: &impl askama::Template) -> Result<Reply, AppError> {
        Ok(Reply::Invalid(page.render()?))
    }

    pub fn redirect(to: impl Into<String>, flash: impl Into<Vec<Message>>) -> Reply {
        Reply::Redirect {
            to: to.into(),
            flash: flash.into(),
        }
    }

    /// Runs `work` on the pool (`db::run`) and answers with the reply it makes: the tail of
    /// every page handler that reads or changes the database.
    pub async fn run<F>(
        pool: &db::DbPool,
        session: &actix_session::Session,
        work: F,
    ) -> Result<HttpResponse, AppError>
    where
        F: FnOnce(&mut DbConnection) -> Result<Reply, AppError> + Send + 'static,
    {
        Ok(db::run(pool, work).await?.respond(session))
    }

    pub fn respond(self, session: &actix_session::Session) -> HttpResponse {
        match self {
            Reply::Page(body) => html(body),
            Reply::Invalid(body) => html_with_problems(body),
            Reply::Redirect { to, flash } => {
                crate::accounts::session::flash(session, flash);
                see_other(&to)
            }
        }
    }
}

/// A `next` address from a form or query string, if it stays on this site.
pub fn local_path(next: &str) -> Option<&str> {
    let stays_here = next.starts_with('/') && !next.starts_with("//") && !next.contains('\\');
    // Nothing a redirect header or a hidden field could not carry.
    let plain = next
        .chars()
        .all(|c| crate::text::is_allowed(c) && !c.is_control());
    (stays_here && plain).then_some(next)
}

/// A row id typed somewhere other than the path (a form's select): anything that is not one,
/// written as URLs write it, is simply not found.
pub fn parse_id(raw: &str) -> Result<i32, AppError> {
    crate::ids::parse_canonical(raw).ok_or(AppError::NotFound)
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    layout: Layout,
    title: String,
    message: String,
}

/// Writes every failure (`AppError`) as the error page in the request's language, or as JSON
/// for a client of the API (any path under `/api/`), whatever found it: a handler, an id that
/// is not one, a method the path does not take. A redirect to sign in stays a redirect.
pub async fn error_pages(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let choice = Choice::from_request_parts(req.request());
    let res = next.call(req).await?.map_into_boxed_body();
    let api = res.request().path().starts_with("/api/");
    let written = res
        .response()
        .error()
        .and_then(|error| error.as_error::<AppError>())
        .filter(|error| !matches!(error, AppError::SignInRequired { .. }))
        .map(|error| {
            if api {
                error.json_response()
            } else {
                error_page(error, &choice)
            }
        });
    Ok(match written {
        Some(response) => res.into_response(response),
        None => res,
    })
}

fn error_page(error: &AppError, choice: &Choice) -> HttpResponse {
    let (title, message) = error.explanation();
    let page = ErrorPage {
        layout: Layout::public(choice),
        title: choice.lang.t(title),
        message: choice.lang.t(message),
    };
    let body = page.render().unwrap_or_else(|failure| {
        tracing::error!(%failure, "error page could not be rendered");
        format!("<!doctype html><title>{0}</title><h1>{0}</h1>", page.title)
    });
    error
        .answer()
        .content_type("text/html; charset=utf-8")
        .body(body)
}

/// A path whose decoded segments hold a character no page may carry (`%00`, `%1B`, a
/// noncharacter, bytes that are no UTF-8) names nothing here: it is not found before any
/// handler could copy a segment into a page or a header.
pub async fn refuse_unprintable_paths(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let printable = percent_encoding::percent_decode_str(req.path())
        .decode_utf8()
        .is_ok_and(|path| {
            path.chars()
                .all(|c| crate::text::is_allowed(c) && !c.is_control())
        });
    if printable {
        Ok(next.call(req).await?.map_into_left_body())
    } else {
        let (req, _) = req.into_parts();
        let response = HttpResponse::from_error(AppError::NotFound);
        Ok(ServiceResponse::new(req, response).map_into_right_body())
    }
}

/// Only the site's own assets may load; no page may be framed.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; img-src 'self' data:; \
     style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; \
     form-action 'self'; frame-ancestors 'none'";

pub fn security_headers() -> DefaultHeaders {
    DefaultHeaders::new()
        .add((header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY))
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "strict-origin-when-cross-origin"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
        .add((
            header::HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=()",
        ))
}

struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static [u8],
}

/// Served from the binary itself, so the portal runs from any working directory.
const ASSETS: &[Asset] = &[
    Asset {
        name: "style.css",
        content_type: "text/css; charset=utf-8",
        body: include_bytes!("../static/style.css"),
    },
    Asset {
        name: "local-time.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../static/local-time.js"),
    },
    Asset {
        name: "word-count.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../static/word-count.js"),
    },
    Asset {
        name: "favicon.svg",
        content_type: "image/svg+xml",
        body: include_bytes!("../static/favicon.svg"),
    },
];

/// The URL of an asset, versioned by its content so it can be cached for a year.
pub fn asset_url(name: &str) -> &'static str {
    static URLS: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    let urls = URLS.get_or_init(|| {
        ASSETS
            .iter()
            .map(|asset| {
                let version = asset.body.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
                    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
                });
                (
                    asset.name,
                    format!("/static/{}?v={version:016x}", asset.name),
                )
            })
            .collect()
    });
    urls.iter()
        .find(|(asset, _)| *asset == name)
        .map_or("/static/missing", |(_, url)| url.as_str())
}

async fn static_asset(name: web::Path<String>) -> Result<HttpResponse, AppError> {
    let asset = ASSETS
        .iter()
        .find(|asset| asset.name == name.as_str())
        .ok_or(AppError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type(asset.content_type)
        .insert_header((
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        ))
        .body(asset.body))
}

async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let database = crate::db::run(&state.pool, |conn| {
        use diesel::connection::SimpleConnection;
        Ok(conn.batch_execute("SELECT 1")?)
    })
    .await;
    match database {
        Ok(()) => HttpResponse::Ok()
            .content_type("text/plain; charset=utf-8")
            .body("ok"),
        Err(error) => {
            tracing::error!(%error, "health check failed");
            HttpResponse::ServiceUnavailable()
                .content_type("text/plain; charset=utf-8")
                .body("database unavailable")
        }
    }
}

/// Crawlers are welcome on the pages; the exports and the API answer the same content in bulk,
/// and one crawler following every filtered export could keep the server streaming all day.
async fn robots(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .body(format!(
            "User-agent: *\nAllow: /\nDisallow: {}\nDisallow: {}\nDisallow: /api/\n\n\
             Sitemap: {}{}\n",
            paths::PRACTICES_CSV,
            paths::PRACTICES_JSON,
            state.public_url(),
            paths::SITEMAP
        ))
}

pub fn routes(routes: &mut Routes) {
    routes
        .get(paths::HEALTH, healthz)
        .get(paths::ROBOTS, robots)
        .get(paths::STATIC, static_asset);
}
