//! Full-text search with SQLite FTS5: the one SQLite-specific module of the feature, so that a
//! PostgreSQL back-end (`tsvector`) can replace it alone.
//!
//! A visitor's text never reaches the MATCH syntax raw: every term is quoted as a phrase, so
//! `"`, `(`, `NEAR`, `*`, `-` and the like are searched for, not interpreted.

use std::collections::HashMap;

use diesel::prelude::*;
use diesel::sql_types::{Integer, Text};

use super::catalog::TextMatches;
use crate::ids::PracticeId;

/// More terms than this are ignored: they would only narrow an already precise search.
const MAX_TERMS: usize = 12;

/// Marks the matched words in a snippet; control characters no practice text contains.
const HIT_START: char = '\u{2}';
const HIT_END: char = '\u{3}';

/// A search expression that is safe to hand to FTS5 MATCH.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FtsQuery(String);

impl FtsQuery {
    /// Every term becomes a quoted phrase; all must match. A trailing `*` keeps its meaning as
    /// a prefix search. `None` when nothing searchable is left.
    pub fn from_text(text: &str) -> Option<FtsQuery> {
        let terms: Vec<String> = text
            .split_whitespace()
            .filter_map(|term| {
                let word = term.trim_end_matches('*');
                if !word.chars().any(char::is_alphanumeric) {
                    return None;
                }
                let phrase = format!("\"{}\"", word.replace('"', "\"\""));
                Some(if word.len() < term.len() {
                    phrase + "*"
                } else {
                    phrase
                })
            })
            .take(MAX_TERMS)
            .collect();
        (!terms.is_empty()).then(|| FtsQuery(terms.join(" ")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(QueryableByName)]
struct Hit {
    #[diesel(sql_type = Integer)]
    id: PracticeId,
}

#[derive(QueryableByName)]
struct SnippetRow {
    #[diesel(sql_type = Integer)]
    id: PracticeId,
    #[diesel(sql_type = Text)]
    snippet: String,
}

/// Above this many matches the terms are too common for bm25 to tell documents apart (their
/// inverse document frequency is near zero), while scoring every match would cost ten times the
/// match itself; such searches put title and summary matches first, newest first within each.
const RANKED_MATCHES: usize = 5_000;

/// Every practice matching the query; best first (bm25, a title hit weighs most) when
/// `ranked`, otherwise in no particular order.
pub fn matching(
    conn: &mut SqliteConnection,
    query: &FtsQuery,
    ranked: bool,
) -> QueryResult<TextMatches> {
    let load = |conn: &mut SqliteConnection, sql: &str, expression: &str| {
        diesel::sql_query(sql)
            .bind::<Text, _>(expression)
            .load::<Hit>(conn)
            .map(|hits| hits.into_iter().map(|hit| hit.id).collect::<Vec<_>>())
    };
    let mut all = load(
        conn,
        "SELECT rowid AS id FROM practices_fts WHERE practices_fts MATCH ? ORDER BY rowid DESC",
        query.as_str(),
    )?;
    if !ranked {
        return Ok(all);
    }
    if all.len() <= RANKED_MATCHES {
        return load(
            conn,
            "SELECT rowid AS id FROM practices_fts WHERE practices_fts MATCH ? \
             ORDER BY bm25(practices_fts, 10.0, 5.0, 1.0, 3.0)",
            query.as_str(),
        );
    }
    let prominent = load(
        conn,
        "SELECT rowid AS id FROM practices_fts WHERE practices_fts MATCH ? ORDER BY rowid DESC",
        &format!("{{title summary}} : ({})", query.as_str()),
    )?;
    // Both lists run by descending id: walk them together to drop the prominent ones.
    let mut next_prominent = prominent.iter().peekable();
    all.retain(|id| {
        while next_prominent.next_if(|p| *p > id).is_some() {}
        next_prominent.peek() != Some(&id)
    });
    Ok(prominent.into_iter().chain(all).collect())
}

/// A piece of snippet text, `hit` when it matched the search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub hit: bool,
}

/// The best-matching passage of each of these practices, with the matched words marked.
pub fn snippets(
    conn: &mut SqliteConnection,
    query: &FtsQuery,
    ids: &[PracticeId],
) -> QueryResult<HashMap<PracticeId, Vec<Segment>>> {
    let id_list = format!(
        "[{}]",
        ids.iter()
            .map(|id| id.to_string())
            .collect::<Vec<_>>()
            .join(",")
    );
    let rows: Vec<SnippetRow> = diesel::sql_query(
        "SELECT rowid AS id, \
                snippet(practices_fts, -1, char(2), char(3), '…', 32) AS snippet \
         FROM practices_fts \
         WHERE practices_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))",
    )
    .bind::<Text, _>(query.as_str())
    .bind::<Text, _>(id_list)
    .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|row| (row.id, segments(&row.snippet)))
        .collect())
}

fn segments(snippet: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    for (position, part) in snippet.split(HIT_START).enumerate() {
        // Every part after the first opened a hit, which runs to the end marker.
        let (hit, rest) = match part.split_once(HIT_END) {
            Some((hit, rest)) if position > 0 => (hit, rest),
            _ => ("", part),
        };
        for (text, is_hit) in [(hit, true), (rest, false)] {
            if !text.is_empty() {
                segments.push(Segment {
                    text: text.to_owned(),
                    hit: is_hit,
                });
            }
        }
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_quoted_and_syntax_is_neutralised() {
        let q = |text| FtsQuery::from_text(text).map(|q| q.0);
        assert_eq!(q("pension reform"), Some(r#""pension" "reform""#.into()));
        assert_eq!(q(r#"a"b NEAR(x"#), Some(r#""a""b" "NEAR(x""#.into()));
        assert_eq!(q("digit*"), Some(r#""digit"*"#.into()));
        assert_eq!(q(r#"" ( ) * - ""#), None);
        assert_eq!(q("   "), None);
    }

    #[test]
    fn snippet_markers_become_segments() {
        let text = format!("The {HIT_START}pension{HIT_END} fund{HIT_START}s{HIT_END}");
        assert_eq!(
            segments(&text),
            vec![
                Segment {
                    text: "The ".into(),
                    hit: false
                },
                Segment {
                    text: "pension".into(),
                    hit: true
                },
                Segment {
                    text: " fund".into(),
                    hit: false
                },
                Segment {
                    text: "s".into(),
                    hit: true
                },
            ]
        );
    }
}
