use actix_web::http::header::ContentDisposition;
use actix_web::web::Bytes;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Serialize;

use super::atom;
use super::openapi;
use super::service;
use super::stream::{self, ExportFormat};
use crate::error::AppError;
use crate::http::{cached, with_catalog};
use crate::ids::PracticeId;
use crate::languages::negotiation::Choice;
use crate::paths;
use crate::practices::facets::BrowseQuery;
use crate::practices::service::matching;
use crate::routes::Routes;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes
        .get(paths::PRACTICES_CSV, csv)
        .get(paths::PRACTICES_JSON, json)
        .get(paths::PRACTICES_ATOM, feed)
        .get(paths::API_PRACTICES, api_list)
        .get(paths::API_PRACTICE, api_practice)
        .get(paths::API_OPENAPI, openapi_document);
}

const JSON: &str = "application/json";

async fn csv(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    download(&state, &req, ExportFormat::Csv).await
}

async fn json(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    download(&state, &req, ExportFormat::Json).await
}

/// Streams the filtered list; a failure after the first bytes can only cut the download short,
/// which the client sees as an incomplete transfer.
async fn download(
    state: &AppState,
    req: &HttpRequest,
    format: ExportFormat,
) -> Result<HttpResponse, AppError> {
    let query = BrowseQuery::parse(req.query_string());
    let lang = Choice::from_request_parts(req).lang;
    let result = with_catalog(state, move |_, catalog| matching(catalog, &query)).await?;
    let body = stream::download(state.pool.clone(), result, format, state.public_url(), lang);
    Ok(HttpResponse::Ok()
        .content_type(format.content_type())
        .insert_header(ContentDisposition::attachment(format.file_name()))
        .streaming(body))
}

async fn feed(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let query = BrowseQuery::parse(req.query_string());
    let public_url = state.public_url();
    cached(
        &state,
        &req,
        atom::CONTENT_TYPE,
        move |conn, catalog, lang| {
            Ok(Bytes::from(service::feed(
                conn,
                catalog,
                &query,
                &public_url,
                lang,
            )?))
        },
    )
    .await
}

fn json_body(value: &impl Serialize) -> Result<Bytes, AppError> {
    serde_json::to_vec(value)
        .map(Bytes::from)
        .map_err(AppError::encoding)
}

// Failures of the API are written as JSON by the language middleware, as for every `/api/` path.
async fn api_list(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let query = BrowseQuery::parse(req.query_string());
    let public_url = state.public_url();
    cached(&state, &req, JSON, move |conn, catalog, _| {
        json_body(&service::api_page(conn, catalog, &query, &public_url)?)
    })
    .await
}

async fn api_practice(
    state: web::Data<AppState>,
    req: HttpRequest,
    id: PracticeId,
) -> Result<HttpResponse, AppError> {
    let public_url = state.public_url();
    cached(&state, &req, JSON, move |conn, _, _| {
        json_body(&service::api_document(conn, id, &public_url)?)
    })
    .await
}

async fn openapi_document(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let public_url = state.public_url();
    cached(&state, &req, JSON, move |_, _, _| {
        json_body(&openapi::document(&public_url))
    })
    .await
}
