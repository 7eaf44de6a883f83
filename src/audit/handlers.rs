use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::Recorded;
use crate::accounts::roles::Secretariat;
use crate::accounts::session::{Layout, Visitor};
use crate::error::AppError;
use crate::http::render;
use crate::pagination::Paged;
use crate::paths;
use crate::routes::Routes;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes.get(paths::AUDIT, audit_log);
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    layout: Layout,
    records: Paged<Recorded>,
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
