use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{web, HttpRequest, HttpResponse};

use super::catalog::{Catalog, ResultSet};
use super::certificate;
use super::citation::Citation;
use super::facets::BrowseQuery;
use super::service;
use crate::accounts::session::{Layout, Visitor};
use crate::error::AppError;
use crate::http::cached_page;
use crate::ids::DocumentId;
use crate::ids::{OrganisationId, PracticeId};
use crate::paths;
use crate::routes::Routes;
use crate::submissions::downloads::send_document;
use crate::AppState;

/// A public view of the practices the filters and search of `/practices` select (the
/// framework grid, the statistics, the map), built by `page` from the catalogue's answer and
/// served from the page cache like the list.
pub async fn filtered_view<T: askama::Template + 'static>(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    page: fn(Layout, &BrowseQuery, &Catalog, &ResultSet) -> T,
) -> Result<HttpResponse, AppError> {
    let query = BrowseQuery::parse(req.query_string());
    cached_page(&state, &req, &visitor, move |_, catalog, layout| {
        let result = service::matching(catalog, &query)?;
        Ok(page(layout, &query, catalog, &result))
    })
    .await
}

pub fn routes(routes: &mut Routes) {
    routes
        .get(paths::HOME, home)
        .get(paths::PRACTICES, browse)
        .get(paths::PRACTICE, practice)
        .get(paths::PRACTICE_DOCUMENT, document)
        .get(paths::PRACTICE_CERTIFICATE, certificate)
        .get(paths::PRACTICE_BIBTEX, bibtex)
        .get(paths::PRACTICE_RIS, ris)
        .get(paths::ORGANISATION, organisation);
}

async fn home(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
) -> Result<HttpResponse, AppError> {
    cached_page(&state, &req, &visitor, service::home).await
}

async fn browse(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
) -> Result<HttpResponse, AppError> {
    let query = BrowseQuery::parse(req.query_string());
    cached_page(&state, &req, &visitor, move |conn, catalog, layout| {
        service::browse(conn, catalog, &query, layout)
    })
    .await
}

async fn practice(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: PracticeId,
) -> Result<HttpResponse, AppError> {
    let public_url = state.public_url();
    let today = chrono::Utc::now().date_naive();
    let version = paths::query_value(req.query_string(), "version");
    cached_page(&state, &req, &visitor, move |conn, catalog, layout| {
        let asked = (id, version.as_deref());
        service::practice(conn, catalog, asked, layout, &public_url, today)
    })
    .await
}

/// The citation of a practice as a file for a reference manager.
async fn citation_file(
    state: web::Data<AppState>,
    id: PracticeId,
    content_type: &'static str,
    extension: &'static str,
    write: fn(&Citation, &str) -> String,
) -> Result<HttpResponse, AppError> {
    let public_url = state.public_url();
    let today = chrono::Utc::now().date_naive();
    let citation = crate::db::run(&state.pool, move |conn| {
        service::citation(conn, id, &public_url, today)
    })
    .await?;
    let name = format!("practice-{id}");
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(format!("{name}.{extension}"))],
        })
        .body(write(&citation, &name)))
}

async fn bibtex(state: web::Data<AppState>, id: PracticeId) -> Result<HttpResponse, AppError> {
    citation_file(
        state,
        id,
        "application/x-bibtex; charset=utf-8",
        "bib",
        |c, key| c.bibtex(key),
    )
    .await
}

async fn ris(state: web::Data<AppState>, id: PracticeId) -> Result<HttpResponse, AppError> {
    citation_file(
        state,
        id,
        "application/x-research-info-systems; charset=utf-8",
        "ris",
        |c, _| c.ris(),
    )
    .await
}

async fn document(
    state: web::Data<AppState>,
    id: PracticeId,
    document: DocumentId,
) -> Result<HttpResponse, AppError> {
    send_document(&state, "public, max-age=3600", move |conn| {
        service::document(conn, id, document)
    })
    .await
}

async fn certificate(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: PracticeId,
) -> Result<HttpResponse, AppError> {
    let lang = visitor.layout().lang;
    let pdf = crate::db::run(&state.pool, move |conn| {
        let certificate = certificate::certificate_of(conn, id, lang)?;
        certificate::render(&certificate)
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        // In the reader's language, which the same address gives in another for another reader.
        .insert_header((header::CACHE_CONTROL, "private, no-cache"))
        .insert_header(ContentDisposition {
            disposition: DispositionType::Inline,
            parameters: vec![DispositionParam::Filename(format!(
                "certificate-{id}-{}.pdf",
                lang.tag()
            ))],
        })
        .body(pdf))
}

async fn organisation(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
    id: OrganisationId,
) -> Result<HttpResponse, AppError> {
    let page = BrowseQuery::parse(req.query_string()).page;
    cached_page(&state, &req, &visitor, move |conn, catalog, layout| {
        service::organisation(conn, catalog, id, page, layout)
    })
    .await
}
