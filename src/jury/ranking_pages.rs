//! The ranking of a competition for the chair and the secretariat, as a page and as CSV.

use actix_web::http::header::ContentDisposition;
use actix_web::{web, HttpRequest, HttpResponse};

use super::awards::{self, Decision};
use super::discussion;
use super::standing::{standing, Order};
use super::views::{DiscussionPage, RankingPage};
use crate::accounts::roles::SignedIn;
use crate::accounts::session::Visitor;
use crate::db;
use crate::error::AppError;
use crate::forms::{FieldErrors, Posted};
use crate::http::{render, Reply};
use crate::ids::{CompetitionId, EntryId};
use crate::languages::Message;
use crate::paths;
use crate::routes::Routes;
use crate::taxonomy::Award;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes
        .get(paths::RANKING, page)
        .get(paths::RANKING_CSV, csv)
        .post(paths::DECISION, decide)
        .get(paths::DISCUSSION, discussion_page)
        .post(paths::DISCUSSION, comment);
}

async fn page(
    state: web::Data<AppState>,
    visitor: Visitor<SignedIn>,
    req: HttpRequest,
    id: CompetitionId,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let order = Order::from_query(req.query_string());
    let standing = db::run(&state.pool, move |conn| standing(conn, &user, id, order)).await?;
    render(&RankingPage {
        layout: visitor.layout(),
        sorts: Order::ALL
            .iter()
            .map(|(o, slug, label)| (*slug, *label, *o == order))
            .collect(),
        standing,
    })
}

async fn decide(
    state: web::Data<AppState>,
    id: CompetitionId,
    entry: EntryId,
    Posted { visitor, form }: Posted<SignedIn>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let award = match form.value("award") {
        "" => None,
        slug => match Award::from_slug(slug) {
            Some(award) => Some(award),
            // Only a forged form gets here: the page offers the levels as a list.
            None => {
                let refused =
                    Reply::redirect(paths::ranking(id), Message::new("jury-award-level-unknown"));
                return Ok(refused.respond(&visitor.session));
            }
        },
    };
    let decision = Decision {
        award,
        innovation_distinction: form.checked("innovation_distinction"),
        note: form.value("note").to_owned(),
    };
    Reply::run(&state.pool, &visitor.session, move |conn| {
        let now = chrono::Utc::now().naive_utc();
        Ok(
            match awards::decide(conn, &user, id, entry, &decision, now) {
                Ok(()) => Reply::redirect(
                    paths::ranking(id),
                    Message::new("jury-the-decision-has-been"),
                ),
                Err(error) => {
                    Reply::redirect(paths::ranking(id), error.into_problems()?.messages())
                }
            },
        )
    })
    .await
}

async fn csv(
    state: web::Data<AppState>,
    visitor: Visitor<SignedIn>,
    req: HttpRequest,
    id: CompetitionId,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let order = Order::from_query(req.query_string());
    let standing = db::run(&state.pool, move |conn| standing(conn, &user, id, order)).await?;
    let mut header = vec![
        "rank".to_owned(),
        "entry".to_owned(),
        "title".to_owned(),
        "reviews".to_owned(),
    ];
    header.extend(
        standing
            .criteria
            .iter()
            .map(|c| format!("mean: {}", c.name)),
    );
    header.extend(["weighted total", "normalised total", "spread", "disputed"].map(str::to_owned));
    let mut records = vec![header];
    for (rank, (title, row)) in standing.rows.iter().enumerate() {
        let mut record = vec![
            (rank + 1).to_string(),
            row.entry.to_string(),
            title.clone(),
            row.reviews.to_string(),
        ];
        record.extend(standing.criteria.iter().map(|c| {
            row.criterion_means
                .get(&c.id)
                .map(|mean| format!("{mean:.3}"))
                .unwrap_or_default()
        }));
        record.extend([
            format!("{:.3}", row.weighted_total),
            format!("{:.3}", row.normalised_total),
            format!("{:.3}", row.spread),
            row.disputed.to_string(),
        ]);
        records.push(record);
    }
    let body = crate::exports::csv::rows(records)?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(ContentDisposition::attachment(format!(
            "ranking-{}.csv",
            standing.competition.id
        )))
        .body(body))
}

async fn discussion_page(
    state: web::Data<AppState>,
    visitor: Visitor<SignedIn>,
    id: CompetitionId,
    entry: EntryId,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let layout = visitor.layout();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        discussion::require_beside_ranking(conn, &user, id, entry)?;
        Reply::page(&DiscussionPage {
            layout,
            discussion: discussion::read(conn, &user, entry)?,
            comment: String::new(),
            errors: FieldErrors::default(),
        })
    })
    .await
}

async fn comment(
    state: web::Data<AppState>,
    id: CompetitionId,
    entry: EntryId,
    Posted { visitor, form }: Posted<SignedIn>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let body = form.value("comment").to_owned();
    let layout = visitor.layout();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        discussion::require_beside_ranking(conn, &user, id, entry)?;
        match discussion::write(conn, &user, entry, &body, chrono::Utc::now().naive_utc()) {
            Ok(()) => Ok(Reply::redirect(
                paths::discussion(id, entry),
                Message::new("jury-comment-added"),
            )),
            Err(error) => {
                let errors = error.into_problems()?;
                Reply::invalid(&DiscussionPage {
                    layout,
                    discussion: discussion::read(conn, &user, entry)?,
                    comment: body,
                    errors,
                })
            }
        }
    })
    .await
}
