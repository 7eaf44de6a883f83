use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;

use super::Message;
use crate::accounts::policy;
use crate::accounts::session::{Layout, Visitor};
use crate::db;
use crate::error::AppError;
use crate::http::render;
use crate::pagination::{requested_page, Paged};
use crate::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/admin/outbox", web::get().to(outbox));
}

#[derive(Template)]
#[template(path = "admin/outbox.html")]
struct OutboxPage {
    layout: Layout,
    sending: bool,
    messages: Paged<Message>,
}

async fn outbox(
    state: web::Data<AppState>,
    visitor: Visitor,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    policy::require_secretariat(visitor.user()?)?;
    let requested = requested_page(req.query_string());
    let messages = db::run(&state.pool, move |conn| {
        let total = super::count(conn)?;
        Ok(Paged::load(
            requested,
            total,
            |page| format!("/admin/outbox?page={page}"),
            |offset, limit| super::page(conn, offset, limit),
        )?)
    })
    .await?;
    render(&OutboxPage {
        layout: visitor.layout(),
        sending: state.config.smtp.is_some(),
        messages,
    })
}
