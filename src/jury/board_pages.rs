//! The secretariat's jury board of a competition: appointing jurors, assigning entries,
//! reminders, closing the review and publishing the results.

use actix_web::{web, HttpResponse};

use super::repository;
use super::service::{self, ManualChange};
use super::views::{
    language_choices, named, named_languages, JurorRow, JuryPage, PendingAssignment,
};
use crate::accounts::roles::Secretariat;
use crate::accounts::session::{Layout, Visitor};
use crate::competitions::Phase;
use crate::db::DbConnection;
use crate::error::AppError;
use crate::forms::{Choice, FieldErrors, FormError, Posted, PostedForm};
use crate::http::{parse_id, Reply};
use crate::ids::{CompetitionId, EntryId, UserId};
use crate::languages::Message;
use crate::paths;
use crate::routes::Routes;
use crate::taxonomy::{Language, Topic};
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes
        .get(paths::JURY_BOARD, board)
        .post(paths::JURORS, appoint)
        .post(paths::JUROR_DISMISS, dismiss)
        .post(paths::ASSIGN, assign)
        .post(paths::PUBLISH, publish)
        .post(paths::RELEASE_FEEDBACK, release_feedback)
        .post(paths::REMINDERS, remind)
        .post(paths::ASSIGNMENTS, change_assignment);
}

fn jury_page(
    conn: &mut DbConnection,
    layout: Layout,
    id: CompetitionId,
    pending: Option<PendingAssignment>,
    errors: FieldErrors,
) -> Result<JuryPage, AppError> {
    let board = service::board(conn, id)?;
    let lang = layout.lang;
    let juror_choices = board
        .jurors
        .iter()
        .map(|juror| Choice {
            value: juror.user.id.to_string(),
            label: juror.user.name.clone(),
            selected: false,
        })
        .collect();
    Ok(JuryPage {
        layout,
        competition_id: id,
        title: board.competition.title.clone(),
        per_entry: board.competition.jurors_per_entry,
        reviewing: board.competition.phase == Phase::Review,
        behind: board
            .progress
            .values()
            .filter(|progress| progress.unfinished() > 0)
            .count(),
        jurors: board
            .jurors
            .iter()
            .map(|juror| JurorRow {
                id: juror.user.id,
                name: juror.user.name.clone(),
                email: juror.user.email.clone(),
                is_chair: juror.is_chair,
                progress: board
                    .progress
                    .get(&juror.user.id)
                    .copied()
                    .unwrap_or_default(),
                topics: named(&juror.topics, lang),
                languages: named_languages(&juror.languages, lang),
            })
            .collect(),
        available: board
            .available
            .iter()
            .map(|user| Choice {
                value: user.id.to_string(),
                label: format!("{} ({})", user.name, user.email),
                selected: false,
            })
            .collect(),
        topics: Choice::terms::<Topic>(&[], lang),
        languages: language_choices(&repository::languages_in_use(conn)?, &[], lang),
        supply: {
            let mut supply = board.languages;
            supply.sort_by(|a, b| lang.compare(a.language.name(lang), b.language.name(lang)));
            supply
        },
        preferences: board.preferences.summary(),
        entries: board.entries,
        juror_choices,
        // Asked for only when the problem is the missing reason.
        pending: pending.filter(|_| errors.get("reason").is_some()),
        errors,
    })
}

async fn board(
    state: web::Data<AppState>,
    visitor: Visitor<Secretariat>,
    id: CompetitionId,
) -> Result<HttpResponse, AppError> {
    let layout = visitor.layout();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        Reply::page(&jury_page(conn, layout, id, None, FieldErrors::default())?)
    })
    .await
}

/// Runs one change to the jury and answers with the board: again with the problem, or a
/// redirect with `done`.
async fn change_jury<F>(
    state: web::Data<AppState>,
    visitor: Visitor<Secretariat>,
    id: CompetitionId,
    pending: Option<PendingAssignment>,
    change: F,
) -> Result<HttpResponse, AppError>
where
    F: FnOnce(&mut DbConnection, &Secretariat) -> Result<Message, FormError> + Send + 'static,
{
    let user = visitor.user.clone();
    let layout = visitor.layout();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        match change(conn, &user) {
            Ok(done) => Ok(Reply::redirect(paths::jury_board(id), done)),
            Err(error) => {
                let errors = error.into_problems()?;
                Reply::invalid(&jury_page(conn, layout, id, pending, errors)?)
            }
        }
    })
    .await
}

fn chosen_user(form: &PostedForm, field: &'static str) -> Result<UserId, FormError> {
    form.value(field)
        .parse()
        .map(UserId)
        .map_err(|_| FormError::invalid(field, Message::new("jury-choose-a-juror")))
}

async fn appoint(
    state: web::Data<AppState>,
    id: CompetitionId,
    Posted { visitor, form }: Posted<Secretariat>,
) -> Result<HttpResponse, AppError> {
    let user = chosen_user(&form, "juror");
    let is_chair = form.checked("chair");
    let topics: Vec<Topic> = form
        .values("topics")
        .iter()
        .filter_map(|slug| Topic::from_slug(slug))
        .collect();
    let languages: Vec<Language> = form
        .values("languages")
        .iter()
        .filter_map(|slug| Language::from_slug(slug))
        .collect();
    change_jury(state, visitor, id, None, move |conn, secretariat| {
        service::appoint(conn, secretariat, id, user?, is_chair, &topics, &languages)?;
        Ok(Message::new("jury-appointed"))
    })
    .await
}

async fn dismiss(
    state: web::Data<AppState>,
    id: CompetitionId,
    user: UserId,
    Posted { visitor, .. }: Posted<Secretariat>,
) -> Result<HttpResponse, AppError> {
    change_jury(state, visitor, id, None, move |conn, secretariat| {
        service::dismiss(conn, secretariat, id, user)?;
        Ok(Message::new("jury-dismissed"))
    })
    .await
}

async fn assign(
    state: web::Data<AppState>,
    id: CompetitionId,
    Posted { visitor, .. }: Posted<Secretariat>,
) -> Result<HttpResponse, AppError> {
    change_jury(state, visitor, id, None, move |conn, secretariat| {
        let added = service::assign_automatically(conn, secretariat, id)?;
        Ok(Message::new("jury-assignments-made").with("count", added))
    })
    .await
}

async fn change_assignment(
    state: web::Data<AppState>,
    id: CompetitionId,
    Posted { visitor, form }: Posted<Secretariat>,
) -> Result<HttpResponse, AppError> {
    let entry = EntryId(parse_id(form.value("entry"))?);
    let user = chosen_user(&form, "user");
    let add = form.value("change") == "add";
    let reason = form.value("reason").to_owned();
    let pending = user.as_ref().ok().map(|&user| PendingAssignment {
        entry,
        user,
        reason: reason.clone(),
    });
    change_jury(state, visitor, id, pending, move |conn, secretariat| {
        let change = ManualChange {
            entry,
            user: user?,
            add,
            reason,
        };
        service::change_assignment(conn, secretariat, id, &change)?;
        Ok(Message::new("jury-assignment-changed"))
    })
    .await
}

async fn remind(
    state: web::Data<AppState>,
    id: CompetitionId,
    Posted { visitor, .. }: Posted<Secretariat>,
) -> Result<HttpResponse, AppError> {
    let jury_url = format!("{}{}", state.public_url(), paths::JURY);
    change_jury(state, visitor, id, None, move |conn, secretariat| {
        let reminded = service::remind(conn, secretariat, id, &jury_url)?;
        Ok(Message::new("jury-reminders-sent").with("count", reminded))
    })
    .await
}

async fn publish(
    state: web::Data<AppState>,
    id: CompetitionId,
    Posted { visitor, .. }: Posted<Secretariat>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let public_url = state.public_url();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        let now = chrono::Utc::now().naive_utc();
        Ok(
            match super::awards::publish(conn, &user, id, &public_url, now) {
                Ok(count) => Reply::redirect(
                    paths::competition(id),
                    Message::new("jury-results-published").with("count", count),
                ),
                Err(error) => Reply::redirect(
                    paths::admin_competition(id),
                    error.into_problems()?.messages(),
                ),
            },
        )
    })
    .await
}

async fn release_feedback(
    state: web::Data<AppState>,
    id: CompetitionId,
    Posted { visitor, .. }: Posted<Secretariat>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let public_url = state.public_url();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        let now = chrono::Utc::now().naive_utc();
        let flash = match super::awards::release_feedback(conn, &user, id, &public_url, now) {
            Ok(count) => vec![Message::new("jury-feedback-released").with("count", count)],
            Err(error) => error.into_problems()?.messages(),
        };
        Ok(Reply::redirect(paths::admin_competition(id), flash))
    })
    .await
}
