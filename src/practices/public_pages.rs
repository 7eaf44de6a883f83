use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{web, HttpRequest, HttpResponse};

use super::certificate;
use super::facets::BrowseQuery;
use super::service;
use crate::accounts::session::Visitor;
use crate::error::AppError;
use crate::http::cached_page;
use crate::ids::DocumentId;
use crate::ids::{OrganisationId, PracticeId};
use crate::paths;
use crate::routes::Routes;
use crate::submissions::downloads::send_document;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes
        .get(paths::HOME, home)
        .get(paths::PRACTICES, browse)
        .get(paths::PRACTICE, practice)
        .get(paths::PRACTICE_DOCUMENT, document)
        .get(paths::PRACTICE_CERTIFICATE, certificate)
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
    cached_page(&state, &req, &visitor, move |conn, catalog, layout| {
        service::practice(conn, catalog, id, layout)
    })
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
