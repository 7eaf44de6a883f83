//! Stored documents sent as downloads, once a rule has decided the visitor may have them.

use actix_web::http::header::{self, ContentDisposition};
use actix_web::HttpResponse;

use super::documents::Document;
use super::repository;
use crate::db::{self, DbConnection};
use crate::error::AppError;
use crate::AppState;

/// Sends a stored document as a download, once `find` has decided the visitor may have it.
pub async fn send_document<F>(
    state: &AppState,
    cache_control: &'static str,
    find: F,
) -> Result<HttpResponse, AppError>
where
    F: FnOnce(&mut DbConnection) -> Result<Document, AppError> + Send + 'static,
{
    let (document, bytes) = db::run(&state.pool, move |conn| {
        let document = find(conn)?;
        let bytes = repository::document_content(conn, document.id)?.ok_or(AppError::NotFound)?;
        Ok((document, bytes))
    })
    .await?;
    Ok(HttpResponse::Ok()
        .content_type(document.media_type.as_str())
        .insert_header(ContentDisposition::attachment(document.download_name()))
        .insert_header((header::CACHE_CONTROL, cache_control))
        .body(bytes))
}
