//! The good-practice portal: the app factory shared by the binary and the tests.

pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod exports;
pub mod framework;
pub mod http;
pub mod ids;
pub mod organisations;
pub mod practices;
pub mod schema;
pub mod sitemap;
pub mod statistics;
pub mod taxonomy;

use std::net::TcpListener;
use std::sync::Arc;

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
    pub catalog: Arc<CatalogStore>,
    /// The public address without a trailing slash, for absolute links.
    pub public_url: Arc<str>,
}

/// Opens the database, applies migrations, loads the demo data into an empty database when
/// asked, and builds the in-memory catalogue.
pub fn prepare(config: &Config) -> Result<AppState, AppError> {
    let pool = db::connect(&config.database)?;
    let mut conn = pool.get()?;
    db::migrate(&mut conn)?;
    if config.load_demo && organisations::repository::count(&mut conn)? == 0 {
        let report = practices::seed::load_demo(&mut conn, demo::DEMO_PRACTICES)?;
        tracing::info!(?report, "demo data loaded into the new database");
    }
    let catalog = Arc::new(CatalogStore::load(&mut conn, config.catalog_staleness)?);
    drop(conn);
    Ok(AppState {
        pool,
        catalog,
        public_url: config.public_url.trim_end_matches('/').into(),
    })
}

/// Every route of the portal.
pub fn routes(cfg: &mut web::ServiceConfig) {
    practices::handlers::routes(cfg);
    exports::handlers::routes(cfg);
    framework::handlers::routes(cfg);
    statistics::handlers::routes(cfg);
    sitemap::handlers::routes(cfg);
    http::routes(cfg);
}

/// Starts serving on an already bound listener (tests bind port 0).
pub fn serve(listener: TcpListener, state: AppState) -> std::io::Result<Server> {
    let state = web::Data::new(state);
    let server = HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .wrap(http::security_headers())
            .wrap(middleware::Compress::default())
            .wrap(TracingLogger::default())
            .configure(routes)
    })
    .listen(listener)?
    .run();
    Ok(server)
}
