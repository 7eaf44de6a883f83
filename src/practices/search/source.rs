//! What the index is built from: the published practices' text, read from the database.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::ids::PracticeId;
use crate::practices::translations::{self, Translation};
use crate::schema::{organisations as org, practices};
use crate::taxonomy::{Language, PracticeStatus};

/// A published practice's text as the search index takes it, with its versions in other
/// languages.
#[derive(Debug, Clone)]
pub struct SearchDocument {
    pub id: PracticeId,
    pub language: Language,
    pub title: String,
    pub summary: String,
    pub institution: String,
    /// The institution's ISO 3166-1 code.
    pub country: String,
    pub challenge: String,
    pub solution: String,
    pub results: String,
    pub innovation: String,
    pub sustainability: String,
    pub replicability: String,
    pub updated_at: NaiveDateTime,
    pub translations: Vec<Translation>,
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

/// A section of the template, in the order a row stores them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Challenge,
    Solution,
    Results,
    Innovation,
    Sustainability,
    Replicability,
}

impl Section {
    pub const ALL: [Section; 6] = [
        Section::Challenge,
        Section::Solution,
        Section::Results,
        Section::Innovation,
        Section::Sustainability,
        Section::Replicability,
    ];
}

/// One section of these practices. A row keeps its long sections one after the other in
/// overflow pages, and reading a column reads the pages up to it only: snippets come from the
/// first section that matched, so they read the others when needed, and the practice's
/// language, which comes after the sections, is not read here (the catalogue knows it).
pub fn section_texts(
    conn: &mut DbConnection,
    section: Section,
    ids: &[PracticeId],
) -> QueryResult<Vec<(PracticeId, String)>> {
    macro_rules! read {
        ($column:ident) => {
            practices::table
                .filter(practices::id.eq_any(ids))
                .select((practices::id, practices::$column))
                .load(conn)
        };
    }
    match section {
        Section::Challenge => read!(challenge),
        Section::Solution => read!(solution),
        Section::Results => read!(results),
        Section::Innovation => read!(innovation),
        Section::Sustainability => read!(sustainability),
        Section::Replicability => read!(replicability),
    }
}

/// The text of these practices, for the search index.
pub fn search_documents(
    conn: &mut DbConnection,
    ids: &[PracticeId],
) -> QueryResult<Vec<SearchDocument>> {
    let mut translations = translations::of_practices(conn, ids)?
        .into_iter()
        .peekable();
    let mut documents = originals(conn, ids)?;
    documents.sort_unstable_by_key(|document| document.id);
    for document in &mut documents {
        while let Some(version) = translations.next_if(|version| version.practice_id <= document.id)
        {
            if version.practice_id == document.id {
                document.translations.push(version);
            }
        }
    }
    Ok(documents)
}

fn originals(conn: &mut DbConnection, ids: &[PracticeId]) -> QueryResult<Vec<SearchDocument>> {
    type Sections = (String, String, String, String, String, String);
    type Row = (
        PracticeId,
        Language,
        (String, String),
        (String, String),
        Sections,
        NaiveDateTime,
    );
    let rows: Vec<Row> = practices::table
        .inner_join(org::table)
        .filter(practices::id.eq_any(ids))
        .select((
            practices::id,
            practices::language,
            (practices::title, practices::summary),
            (org::name, org::country),
            (
                practices::challenge,
                practices::solution,
                practices::results,
                practices::innovation,
                practices::sustainability,
                practices::replicability,
            ),
            practices::updated_at,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, language, (title, summary), (institution, country), sections, updated_at)| {
                let (challenge, solution, results, innovation, sustainability, replicability) =
                    sections;
                SearchDocument {
                    id,
                    language,
                    title,
                    summary,
                    institution,
                    country,
                    challenge,
                    solution,
                    results,
                    innovation,
                    sustainability,
                    replicability,
                    updated_at,
                    translations: Vec::new(),
                }
            },
        )
        .collect())
}

/// Every published practice with its version as the index compares it: when the practice
/// last changed, its institution's name and country (renaming an institution or correcting
/// its country changes its practices' text in the index, not their `updated_at`).
pub fn published_changes(conn: &mut DbConnection) -> QueryResult<Vec<(PracticeId, i64)>> {
    let rows: Vec<(PracticeId, NaiveDateTime, String, String)> = practices::table
        .inner_join(org::table)
        .filter(practices::status.eq(PracticeStatus::Published))
        .select((
            practices::id,
            practices::updated_at,
            org::name,
            org::country,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, changed, institution, country)| (id, stamp(changed, &institution, &country)))
        .collect())
}

/// A practice's version as the index keeps it: the same for the same `updated_at`,
/// institution name and country on every machine and build (FNV-1a, not the standard
/// library's hasher).
pub fn stamp(changed: NaiveDateTime, institution: &str, country: &str) -> i64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let micros = changed.and_utc().timestamp_micros().to_le_bytes();
    let named = [institution.as_bytes(), b"\0", country.as_bytes()];
    for byte in micros.iter().chain(named.into_iter().flatten()) {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash as i64
}
