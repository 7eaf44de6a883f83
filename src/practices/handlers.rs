use std::sync::Arc;

use actix_web::web::Bytes;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use diesel::SqliteConnection;

use super::catalog::Catalog;
use super::facets::BrowseQuery;
use super::service;
use crate::accounts::session::{Layout, Visitor};
use crate::db;
use crate::error::AppError;
use crate::http::{html, parse_id};
use crate::ids::{OrganisationId, PracticeId};
use crate::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home))
        .route("/practices", web::get().to(browse))
        .route("/practices/{id}", web::get().to(practice))
        .route("/organisations/{id}", web::get().to(organisation));
}

/// Serves a public page from the catalogue's page cache, or builds, renders and keeps it.
/// Public pages depend on nothing but their URL and the catalogue version, except for the
/// page frame of a signed-in person (or one with a message waiting), which is never cached.
async fn public_page<T, F>(
    state: &AppState,
    req: &HttpRequest,
    visitor: &Visitor,
    build: F,
) -> Result<HttpResponse, AppError>
where
    T: Template,
    F: FnOnce(&mut SqliteConnection, &Catalog, Layout) -> Result<T, AppError> + Send + 'static,
{
    if !visitor.sees_public_page() {
        let layout = visitor.layout();
        let store = Arc::clone(&state.catalog);
        let body = db::run(&state.pool, move |conn| {
            let catalog = store.fresh(conn)?;
            Ok(build(conn, &catalog, layout)?.render()?)
        })
        .await?;
        return Ok(html(body));
    }
    let url = req.uri().to_string();
    if let Some(body) = state
        .catalog
        .recent()
        .and_then(|catalog| catalog.page(&url))
    {
        return Ok(html(body));
    }
    let store = Arc::clone(&state.catalog);
    let body = db::run(&state.pool, move |conn| {
        let catalog = store.fresh(conn)?;
        if let Some(body) = catalog.page(&url) {
            return Ok(body);
        }
        let body = Bytes::from(build(conn, &catalog, Layout::default())?.render()?);
        catalog.keep_page(url, body.clone());
        Ok(body)
    })
    .await?;
    Ok(html(body))
}

async fn home(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
) -> Result<HttpResponse, AppError> {
    public_page(&state, &req, &visitor, service::home).await
}

async fn browse(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
) -> Result<HttpResponse, AppError> {
    let query = BrowseQuery::parse(req.query_string());
    public_page(&state, &req, &visitor, move |conn, catalog, layout| {
        service::browse(conn, catalog, &query, layout)
    })
    .await
}

async fn practice(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = PracticeId(parse_id(&id)?);
    public_page(&state, &req, &visitor, move |conn, catalog, layout| {
        service::practice(conn, catalog, id, layout)
    })
    .await
}

async fn organisation(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = OrganisationId(parse_id(&id)?);
    let page = BrowseQuery::parse(req.query_string()).page;
    public_page(&state, &req, &visitor, move |conn, catalog, layout| {
        service::organisation(conn, catalog, id, page, layout)
    })
    .await
}
