//! The secretariat's pages of competitions: creating, editing and moving them through phases.

use actix_web::{web, HttpResponse};
use chrono::Utc;

use super::form::CompetitionForm;
use super::views::{AdminFormPage, AdminListPage, CompetitionRow, PhaseControls};
use super::{repository, rules, service};
use crate::accounts::roles::Secretariat;
use crate::accounts::session::{Layout, Visitor};
use crate::audit::{self, AuditSubject};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::forms::{FieldErrors, Posted};
use crate::http::Reply;
use crate::ids::CompetitionId;
use crate::languages::{Arg, Message};
use crate::paths;
use crate::routes::Routes;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes
        .get(paths::ADMIN_COMPETITIONS, admin_list)
        .post(paths::ADMIN_COMPETITIONS, create)
        .get(paths::NEW_COMPETITION, new_form)
        .get(paths::ADMIN_COMPETITION, edit_form)
        .post(paths::ADMIN_COMPETITION, update)
        .post(paths::COMPETITION_PHASE, change_phase);
}

async fn admin_list(
    state: web::Data<AppState>,
    visitor: Visitor<Secretariat>,
) -> Result<HttpResponse, AppError> {
    let layout = visitor.layout();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        let competitions = repository::all(conn, false)?;
        Reply::page(&AdminListPage {
            rows: CompetitionRow::list(&competitions, paths::ADMIN_COMPETITIONS, layout.lang),
            layout,
        })
    })
    .await
}

async fn new_form(visitor: Visitor<Secretariat>) -> Result<HttpResponse, AppError> {
    let page = AdminFormPage::new(
        visitor.layout(),
        CompetitionForm::blank(),
        None,
        FieldErrors::default(),
    );
    Ok(Reply::page(&page)?.respond(&visitor.session))
}

/// The edit page of a competition, with its phase controls and history.
fn edit_page(
    conn: &mut DbConnection,
    layout: Layout,
    id: CompetitionId,
    form: Option<CompetitionForm>,
    reason: String,
    errors: FieldErrors,
) -> Result<AdminFormPage, AppError> {
    let competition = repository::find(conn, id)?.ok_or(AppError::NotFound)?;
    let criteria = repository::criteria_of(conn, id)?;
    let form = form.unwrap_or_else(|| CompetitionForm::from_competition(&competition, &criteria));
    let controls = PhaseControls {
        id,
        phase: competition.phase,
        next: competition.phase.next(),
        previous: competition.phase.previous(),
        reopenable: rules::reopen_problem(&competition).is_none(),
        history: audit::history(conn, AuditSubject::Competition, id.0)?,
        feedback_released_at: competition.feedback_released_at,
    };
    let mut page = AdminFormPage::new(layout, form, Some(controls), errors);
    page.reason = reason;
    Ok(page)
}

async fn edit_form(
    state: web::Data<AppState>,
    visitor: Visitor<Secretariat>,
    id: CompetitionId,
) -> Result<HttpResponse, AppError> {
    let layout = visitor.layout();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        Reply::page(&edit_page(
            conn,
            layout,
            id,
            None,
            String::new(),
            FieldErrors::default(),
        )?)
    })
    .await
}

async fn create(
    state: web::Data<AppState>,
    Posted { visitor, form }: Posted<Secretariat>,
) -> Result<HttpResponse, AppError> {
    let secretariat = visitor.user.clone();
    let typed = CompetitionForm::from_posted(&form);
    let layout = visitor.layout();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        let outcome = typed
            .parse()
            .map_err(crate::forms::FormError::Invalid)
            .and_then(|(settings, criteria)| {
                service::create(conn, &secretariat, &settings, &criteria)
            });
        match outcome {
            Ok(id) => Ok(Reply::redirect(
                paths::admin_competition(id),
                Message::new("competition-the-competition-has-been"),
            )),
            Err(error) => Reply::invalid(&AdminFormPage::new(
                layout,
                typed,
                None,
                error.into_problems()?,
            )),
        }
    })
    .await
}

async fn update(
    state: web::Data<AppState>,
    id: CompetitionId,
    Posted { visitor, form }: Posted<Secretariat>,
) -> Result<HttpResponse, AppError> {
    let secretariat = visitor.user.clone();
    let typed = CompetitionForm::from_posted(&form);
    let layout = visitor.layout();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        let outcome = typed
            .parse()
            .map_err(crate::forms::FormError::Invalid)
            .and_then(|(settings, criteria)| {
                service::update(conn, &secretariat, id, &settings, &criteria)
            });
        match outcome {
            Ok(()) => Ok(Reply::redirect(
                paths::admin_competition(id),
                Message::new("competition-the-competition-has-been-2"),
            )),
            Err(error) => {
                let errors = error.into_problems()?;
                Reply::invalid(&edit_page(
                    conn,
                    layout,
                    id,
                    Some(typed),
                    String::new(),
                    errors,
                )?)
            }
        }
    })
    .await
}

async fn change_phase(
    state: web::Data<AppState>,
    id: CompetitionId,
    Posted { visitor, form }: Posted<Secretariat>,
) -> Result<HttpResponse, AppError> {
    let secretariat = visitor.user.clone();
    let forward = form.value("direction") != "back";
    let early = form.checked("early");
    let reason = form.value("reason").to_owned();
    let layout = visitor.layout();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        let now = Utc::now().naive_utc();
        match service::change_phase(conn, &secretariat, id, forward, early, &reason, now) {
            Ok(phase) => Ok(Reply::redirect(
                paths::admin_competition(id),
                Message::new("competition-now-in-phase").with("phase", Arg::key(phase.label_key())),
            )),
            Err(error) => {
                let errors = error.into_problems()?;
                Reply::invalid(&edit_page(conn, layout, id, None, reason, errors)?)
            }
        }
    })
    .await
}
