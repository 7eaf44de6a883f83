//! The secretariat's start page.

use actix_web::{web, HttpResponse};

use super::views::{QueueCount, SecretariatHome};
use crate::accounts::roles::Secretariat;
use crate::accounts::session::Visitor;
use crate::db;
use crate::error::AppError;
use crate::http::render;
use crate::languages::key;
use crate::paths;
use crate::routes::Routes;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes.get(paths::ADMIN, home);
}

async fn home(
    state: web::Data<AppState>,
    visitor: Visitor<Secretariat>,
) -> Result<HttpResponse, AppError> {
    let (screening, memberships) = db::run(&state.pool, |conn| {
        Ok((
            crate::submissions::repository::count_awaiting_screening(conn)?,
            crate::accounts::repository::count_pending_memberships(conn)?,
        ))
    })
    .await?;
    render(&SecretariatHome {
        layout: visitor.layout(),
        queues: vec![
            QueueCount {
                label: key!("admin-entries-to-screen"),
                url: paths::SCREENING_QUEUE,
                count: screening,
            },
            QueueCount {
                label: key!("admin-membership-requests"),
                url: paths::MEMBERSHIPS,
                count: memberships,
            },
        ],
    })
}
