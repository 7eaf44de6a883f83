//! The secretariat's screening: the queue and the checklist of one entry.

use actix_web::{web, HttpRequest, HttpResponse};

use super::member_pages::details;
use super::repository;
use super::rules::EntryAction;
use super::screening::ScreeningItem;
use super::service::{self, EntryRecord, ScreeningOutcome};
use super::views::{CheckRow, QueuePage, QueueRow, ScreeningPage};
use crate::accounts::roles::Secretariat;
use crate::accounts::session::{Layout, Visitor};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::forms::{FieldErrors, Posted};
use crate::http::{render, Reply};
use crate::ids::EntryId;
use crate::languages::Message;
use crate::pagination::Paged;
use crate::paths;
use crate::routes::Routes;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes
        .get(paths::SCREENING_QUEUE, screening_queue)
        .get(paths::SCREENING, screening)
        .post(paths::SCREENING, screen);
}

async fn screening_queue(
    state: web::Data<AppState>,
    visitor: Visitor<Secretariat>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let queue = Paged::fetch(
        &state.pool,
        &req,
        repository::count_awaiting_screening,
        repository::screening_queue,
    )
    .await?;
    let lang = visitor.lang();
    render(&QueuePage {
        layout: visitor.layout(),
        total: queue.total,
        rows: queue
            .rows
            .into_iter()
            .map(|(entry, competition, organisation)| QueueRow {
                url: paths::screening(entry.id),
                title: entry.fields.title,
                institution: organisation.name_and_country(lang),
                competition: competition.title,
                status: entry.status,
                submitted_at: entry
                    .submitted_at
                    .as_ref()
                    .map(|at| lang.date(at))
                    .unwrap_or_default(),
            })
            .collect(),
        pagination: queue.pagination,
    })
}

fn screening_page(
    conn: &mut DbConnection,
    layout: Layout,
    record: &EntryRecord,
    ticked: Option<Vec<ScreeningItem>>,
    note: String,
    errors: FieldErrors,
) -> Result<ScreeningPage, AppError> {
    let entry = details(conn, record, layout.lang)?;
    Ok(ScreeningPage {
        layout,
        entry,
        checks: CheckRow::list(&service::checklist(conn, record, ticked)?),
        open: record.permits(EntryAction::Screen),
        note,
        errors,
    })
}

async fn screening(
    state: web::Data<AppState>,
    visitor: Visitor<Secretariat>,
    id: EntryId,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let layout = visitor.layout();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        let record = service::load(conn, &user, id)?;
        let draft = service::screening_draft(conn, &record)?;
        Reply::page(&screening_page(
            conn,
            layout,
            &record,
            None,
            draft,
            FieldErrors::default(),
        )?)
    })
    .await
}

async fn screen(
    state: web::Data<AppState>,
    id: EntryId,
    Posted { visitor, form }: Posted<Secretariat>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let ticked: Vec<ScreeningItem> = form
        .values("checks")
        .iter()
        .filter_map(|slug| ScreeningItem::from_slug(slug))
        .collect();
    let outcome = match form.value("outcome") {
        "eligible" => ScreeningOutcome::Eligible,
        "ineligible" => ScreeningOutcome::Ineligible,
        "return" => ScreeningOutcome::ReturnForCompletion,
        _ => ScreeningOutcome::KeepScreening,
    };
    let note = form.value("note").to_owned();
    let layout = visitor.layout();
    Reply::run(
        &state.pool,
        &visitor.session,
        move |conn| match service::screen(
            conn,
            &user,
            id,
            &ticked,
            outcome,
            &note,
            chrono::Utc::now().naive_utc(),
        ) {
            Ok(()) => Ok(match outcome {
                ScreeningOutcome::KeepScreening => Reply::redirect(
                    paths::screening(id),
                    Message::new("entry-the-checklist-has-been"),
                ),
                _ => Reply::redirect(
                    paths::SCREENING_QUEUE,
                    Message::new("entry-the-outcome-has-been"),
                ),
            }),
            Err(error) => {
                let errors = error.into_problems()?;
                let record = service::load(conn, &user, id)?;
                Reply::invalid(&screening_page(
                    conn,
                    layout,
                    &record,
                    Some(ticked),
                    note,
                    errors,
                )?)
            }
        },
    )
    .await
}
