//! What a juror says before the assignment: the languages they judge in (on their list) and
//! their preferences among a competition's eligible entries.

use std::collections::BTreeMap;

use actix_web::{web, HttpResponse};

use super::juror_pages::home_page;
use super::preference_service;
use super::preferences::{self, Preference};
use super::views::{named_languages, PreferenceRow, PreferencesPage};
use crate::accounts::roles::Juror;
use crate::accounts::session::{Layout, Visitor};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::forms::{FieldErrors, Posted};
use crate::http::Reply;
use crate::ids::{CompetitionId, EntryId};
use crate::languages::Message;
use crate::paths;
use crate::routes::Routes;
use crate::taxonomy::Language;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes
        .post(paths::JURY_LANGUAGES, state_languages)
        .get(paths::PREFERENCES, sheet)
        .post(paths::PREFERENCES, save);
}

async fn state_languages(
    state: web::Data<AppState>,
    Posted { visitor, form }: Posted<Juror>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let layout = visitor.layout();
    let typed = form.values("languages");
    let languages: Vec<Language> = typed
        .iter()
        .filter_map(|slug| Language::from_slug(slug))
        .collect();
    Reply::run(
        &state.pool,
        &visitor.session,
        move |conn| match preference_service::state_languages(conn, &user, &languages) {
            Ok(()) => Ok(Reply::redirect(
                paths::JURY,
                Message::new("jury-languages-saved"),
            )),
            Err(error) => {
                let errors = error.into_problems()?;
                Reply::invalid(&home_page(conn, &user, layout, Some(typed), errors)?)
            }
        },
    )
    .await
}

fn sheet_page(
    conn: &mut DbConnection,
    user: &Juror,
    layout: Layout,
    id: CompetitionId,
    typed: Option<&BTreeMap<EntryId, Option<Preference>>>,
    errors: FieldErrors,
) -> Result<PreferencesPage, AppError> {
    let sheet = preference_service::sheet(conn, user, id)?;
    let lang = layout.lang;
    Ok(PreferencesPage {
        competition_id: id,
        open: preferences::open_for_preferences(&sheet.competition),
        title: sheet.competition.title,
        rows: sheet
            .entries
            .into_iter()
            .map(|(candidate, saved)| PreferenceRow {
                chosen: typed
                    .and_then(|typed| typed.get(&candidate.id).copied())
                    .unwrap_or(saved),
                id: candidate.id,
                title: candidate.title,
                summary: candidate.summary,
                language: candidate.language,
            })
            .collect(),
        in_other_languages: sheet.in_other_languages,
        languages: named_languages(&sheet.languages, lang),
        choices: Preference::ALL,
        layout,
        errors,
    })
}

async fn sheet(
    state: web::Data<AppState>,
    visitor: Visitor<Juror>,
    id: CompetitionId,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let layout = visitor.layout();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        Reply::page(&sheet_page(
            conn,
            &user,
            layout,
            id,
            None,
            FieldErrors::default(),
        )?)
    })
    .await
}

async fn save(
    state: web::Data<AppState>,
    id: CompetitionId,
    Posted { visitor, form }: Posted<Juror>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let layout = visitor.layout();
    // An empty or unknown value takes a preference back.
    let chosen: BTreeMap<EntryId, Option<Preference>> = form
        .numbered("entry-")
        .into_iter()
        .map(|(entry, slug)| (EntryId(entry), Preference::from_slug(slug)))
        .collect();
    Reply::run(
        &state.pool,
        &visitor.session,
        move |conn| match preference_service::save(conn, &user, id, &chosen) {
            Ok(stated) => Ok(Reply::redirect(
                paths::preferences(id),
                Message::new("jury-preferences-saved").with("count", stated),
            )),
            Err(error) => {
                let errors = error.into_problems()?;
                let page = sheet_page(conn, &user, layout, id, Some(&chosen), errors)?;
                Reply::invalid(&page)
            }
        },
    )
    .await
}
