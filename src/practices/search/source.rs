//! What the index is built from: the published practices' text, read from the database.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::ids::PracticeId;
use crate::schema::{organisations as org, practices};
use crate::taxonomy::{Language, PracticeStatus};

/// A published practice's text as the search index takes it.
#[derive(Debug, Clone, Queryable)]
pub struct SearchDocument {
    pub id: PracticeId,
    pub language: Language,
    pub title: String,
    pub summary: String,
    pub institution: String,
    pub challenge: String,
    pub solution: String,
    pub results: String,
    pub innovation: String,
    pub sustainability: String,
    pub replicability: String,
    pub updated_at: NaiveDateTime,
}

impl SearchDocument {
    /// The template's sections, in order.
    pub fn sections(&self) -> [&str; 6] {
        [
            &self.challenge,
            &self.solution,
            &self.results,
            &self.innovation,
            &self.sustainability,
            &self.replicability,
        ]
    }
}

/// The text of these practices, for the search index and its snippets.
pub fn search_documents(
    conn: &mut SqliteConnection,
    ids: &[PracticeId],
) -> QueryResult<Vec<SearchDocument>> {
    practices::table
        .inner_join(org::table)
        .filter(practices::id.eq_any(ids))
        .select((
            practices::id,
            practices::language,
            practices::title,
            practices::summary,
            org::name,
            practices::challenge,
            practices::solution,
            practices::results,
            practices::innovation,
            practices::sustainability,
            practices::replicability,
            practices::updated_at,
        ))
        .load(conn)
}

/// Every published practice with when it last changed: what the search index must hold.
pub fn published_changes(
    conn: &mut SqliteConnection,
) -> QueryResult<Vec<(PracticeId, NaiveDateTime)>> {
    practices::table
        .filter(practices::status.eq(PracticeStatus::Published))
        .select((practices::id, practices::updated_at))
        .load(conn)
}
