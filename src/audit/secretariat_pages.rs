use actix_web::{web, HttpRequest, HttpResponse};

use super::views::AuditPage;
use crate::accounts::roles::Secretariat;
use crate::accounts::session::Visitor;
use crate::error::AppError;
use crate::http::render;
use crate::pagination::Paged;
use crate::paths;
use crate::routes::Routes;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes.get(paths::AUDIT, audit_log);
}

async fn audit_log(
    state: web::Data<AppState>,
    visitor: Visitor<Secretariat>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let records = Paged::fetch(&state.pool, &req, super::count, super::page).await?;
    render(&AuditPage {
        layout: visitor.layout(),
        records,
    })
}
