//! The public pages of competitions: the list and one competition with its results.

use actix_web::{web, HttpResponse};

use super::views::{CompetitionPage, CompetitionRow, CompetitionsPage, Participation};
use super::{repository, Phase};
use crate::accounts::session::Visitor;
use crate::error::AppError;
use crate::http::Reply;
use crate::ids::CompetitionId;
use crate::paths;
use crate::routes::Routes;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes
        .get(paths::COMPETITIONS, list)
        .get(paths::COMPETITION, detail);
}

async fn list(state: web::Data<AppState>, visitor: Visitor) -> Result<HttpResponse, AppError> {
    let layout = visitor.layout();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        let competitions = repository::all(conn, true)?;
        Reply::page(&CompetitionsPage {
            rows: CompetitionRow::list(&competitions, paths::COMPETITIONS, layout.lang),
            layout,
        })
    })
    .await
}

async fn detail(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: CompetitionId,
) -> Result<HttpResponse, AppError> {
    let layout = visitor.layout();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        let competition = repository::find(conn, id)?
            .filter(|competition| competition.phase != Phase::Draft)
            .ok_or(AppError::NotFound)?;
        let participation = if competition.phase > Phase::Open {
            let (entries, institutions, countries) = repository::participation(conn, id)?;
            Some(Participation {
                entries,
                institutions,
                countries,
            })
        } else {
            None
        };
        let criteria = repository::criteria_of(conn, id)?;
        let outcomes = if competition.phase == Phase::Published {
            repository::outcomes(conn, id)?
        } else {
            Vec::new()
        };
        Reply::page(&CompetitionPage::new(
            layout,
            &competition,
            criteria,
            participation,
            outcomes,
        ))
    })
    .await
}
