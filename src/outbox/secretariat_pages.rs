use actix_web::{web, HttpRequest, HttpResponse};

use super::views::OutboxPage;
use crate::accounts::roles::Secretariat;
use crate::accounts::session::{self, Visitor};
use crate::db;
use crate::error::AppError;
use crate::forms::Posted;
use crate::http::{render, see_other};
use crate::ids::MessageId;
use crate::languages::Message;
use crate::pagination::Paged;
use crate::paths;
use crate::routes::Routes;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes
        .get(paths::OUTBOX, outbox)
        .post(paths::OUTBOX_RESEND, send_again);
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

async fn send_again(
    state: web::Data<AppState>,
    id: MessageId,
    Posted { visitor, .. }: Posted<Secretariat>,
) -> Result<HttpResponse, AppError> {
    let secretariat = visitor.user.clone();
    let queued = db::run(&state.pool, move |conn| {
        Ok(super::send_again(conn, &secretariat, id)?)
    })
    .await?;
    if !queued {
        return Err(AppError::NotFound);
    }
    session::flash(&visitor.session, Message::new("admin-mail-queued-again"));
    Ok(see_other(paths::OUTBOX))
}
