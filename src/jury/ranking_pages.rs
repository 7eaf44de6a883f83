//! The ranking of a competition for the chair and the secretariat, as a page and as CSV.

use actix_web::http::header::ContentDisposition;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use diesel::SqliteConnection;

use super::awards::{self, Decision};
use super::ranking::{self, Ranked, Scale, Score, Weighted};
use super::repository::{self, Deliberated};
use crate::accounts::policy;
use crate::accounts::roles::SignedIn;
use crate::accounts::session::{Layout, Visitor};
use crate::competitions::{self, Competition, Criterion, Phase};
use crate::db;
use crate::error::AppError;
use crate::forms::{Choice, Posted};
use crate::http::{render, Reply};
use crate::ids::{CompetitionId, EntryId};
use crate::languages::key;
use crate::languages::Message;
use crate::paths;
use crate::routes::Routes;
use crate::taxonomy::Award;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes
        .get(paths::RANKING, page)
        .get(paths::RANKING_CSV, csv)
        .post(paths::DECISION, decide);
}

/// How the ranking can be ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    Normalised,
    Weighted,
    Spread,
    Reviews,
}

impl Order {
    /// Each order with its parameter and the key of its name.
    const ALL: [(Order, &'static str, &'static str); 4] = [
        (
            Order::Normalised,
            "normalised",
            key!("jury-order-normalised"),
        ),
        (Order::Weighted, "weighted", key!("jury-order-weighted")),
        (Order::Spread, "spread", key!("jury-order-spread")),
        (Order::Reviews, "reviews", key!("jury-order-reviews")),
    ];

    fn from_query(query: &str) -> Order {
        let asked = form_urlencoded::parse(query.as_bytes())
            .find(|(key, _)| key == "sort")
            .map(|(_, value)| value.into_owned())
            .unwrap_or_default();
        Order::ALL
            .iter()
            .find(|(_, slug, _)| *slug == asked)
            .map_or(Order::Normalised, |(order, _, _)| *order)
    }

    fn sort(self, rows: &mut [Ranked]) {
        match self {
            Order::Normalised => {}
            Order::Weighted => rows.sort_by(|a, b| b.weighted_total.total_cmp(&a.weighted_total)),
            Order::Spread => rows.sort_by(|a, b| b.spread.total_cmp(&a.spread)),
            Order::Reviews => rows.sort_by_key(|row| std::cmp::Reverse(row.reviews)),
        }
    }
}

/// The ranking with the titles of its entries and the decisions taken so far.
struct Standing {
    competition: Competition,
    criteria: Vec<Criterion>,
    rows: Vec<(String, Ranked)>,
    decisions: Vec<Deliberated>,
}

fn standing(
    conn: &mut SqliteConnection,
    user: &crate::accounts::User,
    id: CompetitionId,
    order: Order,
) -> Result<Standing, AppError> {
    let competition = competitions::repository::find(conn, id)?.ok_or(AppError::NotFound)?;
    policy::require_ranking_reader(user, repository::is_chair(conn, id, user.id)?)?;
    let criteria = competitions::repository::criteria_of(conn, id)?;
    let weights: Vec<Weighted> = criteria
        .iter()
        .map(|c| Weighted {
            criterion: c.id,
            weight: c.weight,
        })
        .collect();
    let scores: Vec<Score> = repository::submitted_scores(conn, id)?
        .into_iter()
        .map(|(entry, juror, criterion, value)| Score {
            entry: entry.0,
            juror: juror.0,
            criterion,
            value: f64::from(value),
        })
        .collect();
    let scale = Scale {
        min: f64::from(competition.scale_min),
        max: f64::from(competition.scale_max),
    };
    let mut ranked = ranking::rank(&weights, &scores, scale);
    order.sort(&mut ranked);
    let titles = repository::eligible_entries(conn, id)?;
    let rows = ranked
        .into_iter()
        .map(|row| {
            let title = titles
                .iter()
                .find(|candidate| candidate.id == EntryId(row.entry))
                .map_or_else(|| format!("Entry {}", row.entry), |c| c.title.clone());
            (title, row)
        })
        .collect();
    Ok(Standing {
        decisions: repository::decisions(conn, id)?,
        competition,
        criteria,
        rows,
    })
}

fn one_decimal(value: f64) -> String {
    format!("{value:.1}")
}

#[derive(Template)]
#[template(path = "jury/ranking.html")]
struct RankingPage {
    layout: Layout,
    standing: Standing,
    sorts: Vec<(&'static str, &'static str, bool)>,
}

impl RankingPage {
    fn deliberating(&self) -> bool {
        self.standing.competition.phase == Phase::Deliberation
    }

    /// The award levels for the decision form, with the one decided for `entry` selected.
    fn award_choices(&self, entry: &i32) -> Vec<Choice> {
        let decided = self.decision_of(entry).and_then(|d| d.award);
        Award::ALL
            .iter()
            .filter(|award| **award != Award::InnovationDistinction)
            .map(|award| Choice {
                value: award.slug().to_owned(),
                label: award.label(self.layout.lang),
                selected: decided == Some(*award),
            })
            .collect()
    }

    /// Where the decision form on `entry` is posted.
    fn decision_url(&self, entry: &i32) -> String {
        paths::decision(self.standing.competition.id, EntryId(*entry))
    }

    fn decision_of(&self, entry: &i32) -> Option<&Deliberated> {
        self.standing.decisions.iter().find(|d| d.entry.0 == *entry)
    }

    fn distinguished(&self, entry: &i32) -> bool {
        self.decision_of(entry)
            .is_some_and(|d| d.innovation_distinction)
    }

    fn note_of(&self, entry: &i32) -> String {
        self.decision_of(entry)
            .map(|d| d.note.clone())
            .unwrap_or_default()
    }

    fn mean_of(&self, row: &Ranked, criterion: &i32) -> String {
        row.criterion_means
            .get(criterion)
            .map_or_else(|| "–".to_owned(), |mean| one_decimal(*mean))
    }

    fn number(&self, value: &f64) -> String {
        one_decimal(*value)
    }
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
