//! The ranking of a competition as the chair and the secretariat read it: the scores ranked,
//! with the entries' titles and the decisions taken so far, in the order asked for.

use std::collections::BTreeMap;

use crate::db::DbConnection;

use super::ranking::{self, Ranked, Scale, Score, Weighted};
use super::repository::{self, Deliberated};
use crate::accounts::{policy, User};
use crate::competitions::{self, Competition, Criterion};
use crate::error::AppError;
use crate::ids::{CompetitionId, EntryId};
use crate::languages::key;

/// How the ranking can be ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Normalised,
    Weighted,
    Spread,
    Reviews,
    /// The entries the jurors disagree on, then those most discussed: what the chair takes
    /// up first in deliberation.
    Debate,
}

impl Order {
    /// Each order with its parameter and the key of its name.
    pub const ALL: [(Order, &'static str, &'static str); 5] = [
        (
            Order::Normalised,
            "normalised",
            key!("jury-order-normalised"),
        ),
        (Order::Weighted, "weighted", key!("jury-order-weighted")),
        (Order::Spread, "spread", key!("jury-order-spread")),
        (Order::Reviews, "reviews", key!("jury-order-reviews")),
        (Order::Debate, "debate", key!("jury-order-debate")),
    ];

    pub fn from_query(query: &str) -> Order {
        let asked = crate::paths::query_value(query, "sort").unwrap_or_default();
        Order::ALL
            .iter()
            .find(|(_, slug, _)| *slug == asked)
            .map_or(Order::Normalised, |(order, _, _)| *order)
    }

    /// `comments` counts each entry's discussion.
    pub fn sort(self, rows: &mut [Ranked], comments: &BTreeMap<EntryId, (usize, usize)>) {
        match self {
            Order::Normalised => {}
            Order::Weighted => rows.sort_by(|a, b| b.weighted_total.total_cmp(&a.weighted_total)),
            Order::Spread => rows.sort_by(|a, b| b.spread.total_cmp(&a.spread)),
            Order::Reviews => rows.sort_by_key(|row| std::cmp::Reverse(row.reviews)),
            Order::Debate => rows.sort_by(|a, b| {
                let comments_on =
                    |row: &Ranked| comments.get(&EntryId(row.entry)).map_or(0, |c| c.0);
                (b.disputed, comments_on(b))
                    .cmp(&(a.disputed, comments_on(a)))
                    .then(b.spread.total_cmp(&a.spread))
            }),
        }
    }
}

/// The ranking with the titles of its entries and the decisions taken so far.
pub struct Standing {
    pub competition: Competition,
    pub criteria: Vec<Criterion>,
    pub rows: Vec<(String, Ranked)>,
    pub decisions: Vec<Deliberated>,
    /// Per entry with a discussion: its comments, and those the reader has not read.
    pub discussion: BTreeMap<EntryId, (usize, usize)>,
}

pub fn standing(
    conn: &mut DbConnection,
    user: &User,
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
    let discussion = repository::discussion_counts(conn, id, user.id)?;
    order.sort(&mut ranked, &discussion);
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
        discussion,
        competition,
        criteria,
        rows,
    })
}
