use actix_web::web::Bytes;
use actix_web::{web, HttpRequest, HttpResponse};

use crate::error::AppError;
use crate::http::{cached, with_catalog};
use crate::paths;
use crate::practices::translations;
use crate::routes::Routes;
use crate::AppState;

const XML: &str = "application/xml; charset=utf-8";

pub fn routes(routes: &mut Routes) {
    routes
        .get(paths::SITEMAP, index)
        .get(paths::SITEMAP_PAGES, pages)
        .get(paths::SITEMAP_PRACTICES, practices);
}

async fn index(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let public_url = state.public_url();
    cached(&state, &req, XML, move |_, catalog, _| {
        Ok(Bytes::from(super::index(catalog, &public_url)?))
    })
    .await
}

async fn pages(state: web::Data<AppState>, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let public_url = state.public_url();
    cached(&state, &req, XML, move |_, catalog, _| {
        Ok(Bytes::from(super::pages(catalog, &public_url)?))
    })
    .await
}

/// Not cached: a full file of 50,000 URLs would push a hundred pages out of the page cache,
/// and writing it from the catalogue takes milliseconds.
async fn practices(
    state: web::Data<AppState>,
    part: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let part = usize::try_from(crate::http::parse_id(&part)?).map_err(|_| AppError::NotFound)?;
    let public_url = state.public_url();
    let body = with_catalog(&state, move |conn, catalog| {
        let ids = super::practices_of_part(catalog, part).ok_or(AppError::NotFound)?;
        let versions = translations::languages_of(conn, ids)?;
        super::practices(ids, &versions, &public_url)
    })
    .await?;
    Ok(HttpResponse::Ok().content_type(XML).body(body))
}
