use actix_web::{web, HttpRequest, HttpResponse};

use super::views::OutboxPage;
use crate::accounts::roles::Secretariat;
use crate::accounts::session::Visitor;
use crate::error::AppError;
use crate::http::render;
use crate::pagination::Paged;
use crate::paths;
use crate::routes::Routes;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes.get(paths::OUTBOX, outbox);
}

async fn outbox(
    state: web::Data<AppState>,
    visitor: Visitor<Secretariat>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let messages = Paged::fetch(&state.pool, &req, super::count, super::page).await?;
    render(&OutboxPage {
        layout: visitor.layout(),
        sending: state.config.smtp.is_some(),
        messages,
    })
}
