//! Full-text matching against a real FTS5 index, including searches for words so common that
//! they are ordered without bm25.

use diesel::prelude::*;
use portal::ids::PracticeId;
use portal::practices::search::{self, FtsQuery};

use crate::common::{TestApp, FILTERED_VIEWS};
use portal::paths;

fn database_with_practices(count: i32) -> (tempfile::TempDir, SqliteConnection) {
    let (dir, mut conn) = crate::common::database_with_institution("Fund");
    // Every practice mentions "common" in its body; every 1000th also in its title, and
    // practice 7 alone says "rare" in its title while practice 8 says it in its body.
    diesel::sql_query(format!(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) \
         INSERT INTO practices (id, organisation_id, title, summary, challenge, solution, \
           results, innovation, sustainability, replicability, language, implementation_year, \
           status, impact_area, approach, innovation_type, governance_level) \
         SELECT i, 1, \
           CASE WHEN i % 1000 = 0 THEN 'A common title' WHEN i = 7 THEN 'A rare title' \
                ELSE 'Title ' || i END, \
           's', 'a common challenge', CASE WHEN i = 8 THEN 'rare' ELSE 'x' END, 'r', 'i', \
           'su', 're', 'en', 2020, 'published', 'public-value', 'activist', 'disruptive', \
           'extended' FROM n"
    ))
    .execute(&mut conn)
    .unwrap();
    (dir, conn)
}

fn ids(found: &[PracticeId]) -> Vec<i32> {
    found.iter().map(|id| id.0).collect()
}

#[test]
fn a_title_match_ranks_above_a_body_match() {
    let (_dir, mut conn) = database_with_practices(50);
    let query = FtsQuery::from_text("rare").unwrap();
    assert_eq!(
        ids(&search::matching(&mut conn, &query, true).unwrap()),
        vec![7, 8]
    );
    // English stemming: a plural finds the singular.
    let plural = FtsQuery::from_text("rares").unwrap();
    assert_eq!(
        ids(&search::matching(&mut conn, &plural, true).unwrap()),
        vec![7, 8]
    );
    let mut unranked = ids(&search::matching(&mut conn, &query, false).unwrap());
    unranked.sort_unstable();
    assert_eq!(unranked, vec![7, 8]);
}

#[test]
fn very_common_words_put_title_matches_first_and_miss_nothing() {
    let (_dir, mut conn) = database_with_practices(6_000);
    let query = FtsQuery::from_text("common").unwrap();
    let found = ids(&search::matching(&mut conn, &query, true).unwrap());
    assert_eq!(found.len(), 6_000);
    assert_eq!(&found[..6], &[6000, 5000, 4000, 3000, 2000, 1000]);
    let mut sorted = found.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), 6_000);
}

#[test]
fn snippets_mark_the_matched_words() {
    let (_dir, mut conn) = database_with_practices(10);
    let query = FtsQuery::from_text("rare").unwrap();
    let snippets = search::snippets(&mut conn, &query, &[PracticeId(7), PracticeId(8)]).unwrap();
    let marked = |id| {
        snippets[&PracticeId(id)]
            .iter()
            .filter(|segment| segment.hit)
            .map(|segment| segment.text.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(marked(7), vec!["rare"]);
    assert_eq!(marked(8), vec!["rare"]);
}

#[tokio::test]
async fn control_characters_inside_a_word_are_searched_as_if_never_typed() {
    let app = TestApp::spawn().await;
    let plain = crate::common::list_total(&app, "/practices?q=pension").await;
    assert!(plain > 0);
    for typed in [
        "pension%00",
        "pen%00sion",
        "pension%01%1B",
        "pension%EF%BF%BE",
        "pension%0B",
    ] {
        for path in FILTERED_VIEWS {
            let response = app.get(&format!("{path}?q={typed}")).await;
            assert_eq!(
                response.status(),
                reqwest::StatusCode::OK,
                "{path}?q={typed}"
            );
        }
        assert_eq!(
            crate::common::list_total(&app, &format!("{}?q={typed}", paths::PRACTICES)).await,
            plain,
            "{typed}"
        );
    }
}
