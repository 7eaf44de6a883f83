//! The good-practice portal: the app factory shared by the binary and the tests.

pub mod accounts;
pub mod admin;
pub mod alerts;
pub mod audit;
pub mod background;
pub mod backup;
pub mod competitions;
pub mod config;
pub mod copy_database;
pub mod db;
pub mod demo;
pub mod error;
pub mod exports;
pub mod forms;
pub mod framework;
pub mod http;
pub mod ids;
pub mod jury;
pub mod language_versions;
pub mod languages;
pub mod logs;
pub mod map;
pub mod metrics;
pub mod organisations;
pub mod outbox;
pub mod pagination;
pub mod paths;
pub mod practices;
pub mod progress;
pub mod routes;
pub mod schema;
pub mod secrets;
pub mod sitemap;
pub mod statistics;
pub mod stored;
pub mod submissions;
pub mod taxonomy;
pub mod text;

use std::net::TcpListener;
use std::sync::Arc;

use actix_session::config::CookieContentSecurity;
use actix_session::storage::CookieSessionStore;
use actix_session::SessionMiddleware;
use actix_web::cookie::{Key, SameSite};
use actix_web::dev::Server;
use actix_web::{middleware, web, App, HttpServer};
use tracing_actix_web::TracingLogger;

use config::Config;
use db::DbPool;
use error::AppError;
use practices::CatalogStore;

/// What every request handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub pool: DbPool,
    /// The threads that serve besides the web workers; stopped after the server.
    pub background: Arc<background::Background>,
    pub catalog: Arc<CatalogStore>,
    pub config: Arc<Config>,
    session_key: Key,
}

impl AppState {
    /// The public address without a trailing slash, for absolute links.
    pub fn public_url(&self) -> Arc<str> {
        Arc::from(self.config.public_url.trim_end_matches('/'))
    }
}

/// Opens the database, applies migrations, loads the demo data into an empty database when
/// asked, and builds the in-memory catalogue.
pub fn prepare(config: &Config) -> Result<AppState, AppError> {
    let pool = db::connect(&config.database)?;
    let mut conn = pool.get()?;
    db::starting_alone(&config.database, &mut conn, |conn| {
        db::migrate(conn)?;
        organisations::require_country_codes(conn)?;
        if config.load_demo && organisations::repository::count(conn)? == 0 {
            let report = demo::load(
                conn,
                demo::DEMO_PRACTICES,
                &config.public_url,
                &progress::Progress::hidden(),
            )?;
            tracing::info!(?report, "demo data loaded into the new database");
        }
        Ok(())
    })?;
    let background = Arc::new(background::Background::default());
    let search = practices::search::SearchIndex::open(&config.search_index_dir())?;
    let catalog = Arc::new(CatalogStore::load(
        &mut conn,
        config.catalog_staleness,
        search,
        &pool,
        &background,
    )?);
    submissions::service::take_in_document_files(&mut conn, &config.uploads_dir())?;
    drop(conn);
    if let Some(smtp) = &config.smtp {
        outbox::sender::start(pool.clone(), smtp.clone(), &background)?;
    }
    alerts::digests::start(
        pool.clone(),
        Arc::clone(&catalog),
        config.public_url.trim_end_matches('/').to_owned(),
        config.alert_check,
        &background,
    )?;
    Ok(AppState {
        pool,
        background,
        catalog,
        session_key: secrets::session_key(&config.data_dir())?,
        config: Arc::new(config.clone()),
    })
}

/// Every route of the portal, in the order the router tries them.
pub fn route_table() -> routes::Routes {
    let mut table = routes::Routes::default();
    practices::public_pages::routes(&mut table);
    practices::secretariat_pages::routes(&mut table);
    accounts::public_pages::routes(&mut table);
    accounts::member_pages::routes(&mut table);
    accounts::secretariat_pages::routes(&mut table);
    submissions::member_pages::routes(&mut table);
    submissions::translation_pages::routes(&mut table);
    submissions::screening_pages::routes(&mut table);
    competitions::public_pages::routes(&mut table);
    competitions::secretariat_pages::routes(&mut table);
    jury::board_pages::routes(&mut table);
    jury::juror_pages::routes(&mut table);
    jury::preference_pages::routes(&mut table);
    jury::ranking_pages::routes(&mut table);
    admin::secretariat_pages::routes(&mut table);
    audit::secretariat_pages::routes(&mut table);
    outbox::secretariat_pages::routes(&mut table);
    exports::public_pages::routes(&mut table);
    alerts::public_pages::routes(&mut table);
    framework::public_pages::routes(&mut table);
    statistics::public_pages::routes(&mut table);
    map::public_pages::routes(&mut table);
    sitemap::public_pages::routes(&mut table);
    metrics::routes(&mut table);
    http::routes(&mut table);
    table
}

fn routes(cfg: &mut web::ServiceConfig) {
    route_table().register(cfg);
    cfg.default_service(web::to(routes::not_found));
}

fn sessions(state: &AppState) -> SessionMiddleware<CookieSessionStore> {
    SessionMiddleware::builder(CookieSessionStore::default(), state.session_key.clone())
        .cookie_name("portal_session".to_owned())
        .cookie_content_security(CookieContentSecurity::Private)
        .cookie_http_only(true)
        .cookie_same_site(SameSite::Lax)
        .cookie_secure(state.config.secure_cookies)
        .build()
}

/// How long requests in flight may take to finish once the server is told to stop.
const SHUTDOWN_GRACE_SECONDS: u64 = 20;

/// Starts serving on an already bound listener (tests bind port 0). SIGTERM and SIGINT stop
/// it gracefully: no new connections, the requests in flight answered (for at most
/// `SHUTDOWN_GRACE_SECONDS`); then stop `AppState::background`.
pub fn serve(listener: TcpListener, state: AppState) -> std::io::Result<Server> {
    let state = web::Data::new(state);
    let server = HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .wrap(middleware::from_fn(http::refuse_unprintable_paths))
            .wrap(middleware::from_fn(http::error_pages))
            .wrap(middleware::from_fn(languages::negotiation::middleware))
            .wrap(sessions(&state))
            .wrap(http::security_headers())
            .wrap(middleware::Compress::default())
            .wrap(middleware::from_fn(metrics::track))
            .wrap(TracingLogger::<logs::RequestSpan>::new())
            .configure(routes)
    })
    .shutdown_timeout(SHUTDOWN_GRACE_SECONDS)
    .listen(listener)?
    .run();
    Ok(server)
}
