//! Every migration applies and reverts cleanly, and the FTS triggers keep the index in step.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use diesel_migrations::MigrationHarness;
use portal::db::MIGRATIONS;

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

fn tables(conn: &mut SqliteConnection) -> Vec<String> {
    diesel::sql_query(
        "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') \
         AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__diesel%' AND name NOT LIKE 'practices_fts_%' \
         ORDER BY name",
    )
    .load::<Name>(conn)
    .unwrap()
    .into_iter()
    .map(|n| n.name)
    .collect()
}

#[test]
fn migrations_run_up_down_and_up_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.sqlite3");
    let mut conn = SqliteConnection::establish(path.to_str().unwrap()).unwrap();
    conn.run_pending_migrations(MIGRATIONS).unwrap();
    let created = tables(&mut conn);
    for table in [
        "organisations",
        "practices",
        "practice_topics",
        "practices_fts",
        "catalog_state",
        "users",
        "memberships",
        "competitions",
        "entries",
        "documents",
        "outbox",
        "audit_log",
    ] {
        assert!(
            created.contains(&table.to_owned()),
            "{table} missing from {created:?}"
        );
    }
    conn.revert_all_migrations(MIGRATIONS).unwrap();
    assert!(
        tables(&mut conn).is_empty(),
        "left behind: {:?}",
        tables(&mut conn)
    );
    conn.run_pending_migrations(MIGRATIONS).unwrap();
    assert_eq!(tables(&mut conn), created);
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn matches(conn: &mut SqliteConnection, word: &str) -> i64 {
    diesel::sql_query("SELECT COUNT(*) AS n FROM practices_fts WHERE practices_fts MATCH ?")
        .bind::<Text, _>(word)
        .get_result::<Count>(conn)
        .unwrap()
        .n
}

#[test]
fn the_search_index_follows_updates_deletes_and_renames() {
    let (_dir, mut conn) = crate::common::database_with_institution("Alphafund");
    diesel::sql_query(
        "INSERT INTO practices (id, organisation_id, title, summary, challenge, solution, results, \
         innovation, sustainability, replicability, language, implementation_year, status, \
         impact_area, approach, innovation_type, governance_level) VALUES (1, 1, 'Kiosk', 's', \
         'c', 'sol', 'r', 'i', 'su', 're', 'en', 2020, 'published', 'public-value', 'activist', \
         'disruptive', 'extended')",
    )
    .execute(&mut conn)
    .unwrap();
    assert_eq!(matches(&mut conn, "kiosk"), 1);
    assert_eq!(matches(&mut conn, "alphafund"), 1);
    diesel::sql_query("UPDATE practices SET title = 'Tablet' WHERE id = 1")
        .execute(&mut conn)
        .unwrap();
    assert_eq!(
        (matches(&mut conn, "kiosk"), matches(&mut conn, "tablet")),
        (0, 1)
    );
    diesel::sql_query("UPDATE organisations SET name = 'Betafund' WHERE id = 1")
        .execute(&mut conn)
        .unwrap();
    assert_eq!(
        (
            matches(&mut conn, "alphafund"),
            matches(&mut conn, "betafund")
        ),
        (0, 1)
    );
    diesel::sql_query("DELETE FROM practices WHERE id = 1")
        .execute(&mut conn)
        .unwrap();
    assert_eq!(matches(&mut conn, "tablet"), 0);
    diesel::sql_query("INSERT INTO practices_fts (practices_fts) VALUES ('integrity-check')")
        .execute(&mut conn)
        .unwrap();
}
