//! Every migration applies and reverts cleanly, and the FTS triggers keep the index in step.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use diesel_migrations::MigrationHarness;
use portal::db::{DbConnection, SQLITE_MIGRATIONS};

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
    conn.run_pending_migrations(SQLITE_MIGRATIONS).unwrap();
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
    conn.revert_all_migrations(SQLITE_MIGRATIONS).unwrap();
    assert!(
        tables(&mut conn).is_empty(),
        "left behind: {:?}",
        tables(&mut conn)
    );
    conn.run_pending_migrations(SQLITE_MIGRATIONS).unwrap();
    assert_eq!(tables(&mut conn), created);
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn matches(conn: &mut DbConnection, word: &str) -> i64 {
    diesel::sql_query("SELECT COUNT(*) AS n FROM practices_fts WHERE practices_fts MATCH ?")
        .bind::<Text, _>(word)
        .get_result::<Count>(conn)
        .unwrap()
        .n
}

#[test]
fn the_search_index_follows_updates_deletes_and_renames() {
    let (_dir, _, mut conn) = crate::common::database_with_institution("Alphafund");
    // SQLite's FTS5 index, kept for the benchmark's comparison; PostgreSQL never had it.
    if matches!(conn, DbConnection::Postgres(_)) {
        return;
    }
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

#[derive(QueryableByName)]
struct Column {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text)]
    sql_type: String,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    notnull: i32,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pk: i32,
}

/// The tables `src/schema.rs` declares: name → `(column, diesel type)` in order.
fn declared_tables() -> std::collections::BTreeMap<String, Vec<(String, String)>> {
    let schema = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/schema.rs"),
    )
    .unwrap();
    let mut tables = std::collections::BTreeMap::new();
    for block in schema.split("diesel::table! {").skip(1) {
        let body = block.split("\n}").next().unwrap();
        let mut lines = body.lines().map(str::trim).filter(|line| !line.is_empty());
        let header = lines.next().unwrap();
        let name = header.split_whitespace().next().unwrap().to_owned();
        let columns = lines
            .filter_map(|line| line.trim_end_matches(',').split_once(" -> "))
            .map(|(column, kind)| (column.to_owned(), kind.to_owned()))
            .collect();
        tables.insert(name, columns);
    }
    tables
}

/// Whether SQLite's declared column type stores what the diesel type reads.
fn compatible(diesel: &str, sqlite: &str) -> bool {
    let sqlite = sqlite.to_ascii_uppercase();
    let inner = diesel
        .strip_prefix("Nullable<")
        .and_then(|rest| rest.strip_suffix('>'))
        .unwrap_or(diesel);
    match inner {
        "Integer" | "BigInt" => sqlite.contains("INT"),
        "Text" => sqlite.contains("TEXT") || sqlite.contains("CHAR"),
        "Bool" => sqlite.contains("BOOL") || sqlite.contains("INT"),
        "Double" => sqlite.contains("REAL") || sqlite.contains("DOUB") || sqlite.contains("FLOA"),
        "Timestamp" => sqlite.contains("TIMESTAMP") || sqlite.contains("DATETIME"),
        "Binary" => sqlite.contains("BLOB"),
        _ => false,
    }
}

#[test]
fn schema_rs_declares_exactly_the_tables_and_columns_the_migrations_make() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.sqlite3");
    let mut conn = SqliteConnection::establish(path.to_str().unwrap()).unwrap();
    conn.run_pending_migrations(SQLITE_MIGRATIONS).unwrap();
    let declared = declared_tables();
    let mut drift = Vec::new();
    let views: Vec<String> =
        diesel::sql_query("SELECT name FROM sqlite_master WHERE type = 'view'")
            .load::<Name>(&mut conn)
            .unwrap()
            .into_iter()
            .map(|view| view.name)
            .collect();
    for table in tables(&mut conn) {
        // The full-text index is SQLite's own machinery, and views are read by raw SQL only.
        if table.starts_with("practices_fts") || views.contains(&table) {
            continue;
        }
        let Some(columns) = declared.get(&table) else {
            drift.push(format!("{table}: not in schema.rs"));
            continue;
        };
        let actual: Vec<Column> = diesel::sql_query(format!(
            "SELECT name, type AS sql_type, \"notnull\", pk FROM pragma_table_info('{table}')"
        ))
        .load(&mut conn)
        .unwrap();
        let declared_names: Vec<&str> = columns.iter().map(|(name, _)| name.as_str()).collect();
        let actual_names: Vec<&str> = actual.iter().map(|column| column.name.as_str()).collect();
        if declared_names != actual_names {
            drift.push(format!(
                "{table}: schema.rs {declared_names:?}, migrations {actual_names:?}"
            ));
            continue;
        }
        for ((name, kind), column) in columns.iter().zip(&actual) {
            let nullable = kind.starts_with("Nullable<");
            let may_be_null = column.notnull == 0 && column.pk == 0;
            if nullable != may_be_null {
                drift.push(format!(
                    "{table}.{name}: {kind} but NOT NULL is {}",
                    column.notnull
                ));
            }
            if !compatible(kind, &column.sql_type) {
                drift.push(format!("{table}.{name}: {kind} but {}", column.sql_type));
            }
        }
    }
    for table in declared.keys() {
        if !tables(&mut conn).contains(table) {
            drift.push(format!("{table}: in schema.rs, not made by the migrations"));
        }
    }
    assert!(drift.is_empty(), "schema.rs has drifted: {drift:#?}");
}

/// One line per column, primary key, foreign key and index of the portal's tables, in words
/// that do not depend on the back-end, so that the two schemas can be compared line by line.
fn schema_lines(conn: &mut DbConnection) -> std::collections::BTreeSet<String> {
    let (columns, primary_keys, foreign_keys, indexes) = match conn {
        DbConnection::Sqlite(_) => (
            "SELECT m.name || '|' || c.name || '|' || c.type || '|' || (c.\"notnull\" OR c.pk > 0) \
             || '|' || CASE WHEN c.pk = 1 AND c.name = 'id' THEN 2 ELSE c.dflt_value IS NOT NULL END \
             AS value \
             FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' \
             AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__diesel%' \
             AND m.name NOT LIKE 'practices_fts%'",
            "SELECT m.name || '|' || (SELECT group_concat(name, ',') FROM \
             (SELECT name FROM pragma_table_info(m.name) WHERE pk > 0 ORDER BY pk)) AS value \
             FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
             AND m.name NOT LIKE '__diesel%' AND m.name NOT LIKE 'practices_fts%'",
            "SELECT m.name || '|' || f.\"from\" || '|' || f.\"table\" || '|' || f.\"to\" || '|' \
             || f.on_delete AS value FROM sqlite_master m, pragma_foreign_key_list(m.name) f \
             WHERE m.type = 'table'",
            "SELECT m.name || '|' || l.name || '|' || l.\"unique\" || '|' || \
             (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(l.name) \
             ORDER BY seqno)) AS value \
             FROM sqlite_master m, pragma_index_list(m.name) l WHERE m.type = 'table' \
             AND l.origin = 'c' AND m.name NOT LIKE 'practices_fts%'",
        ),
        DbConnection::Postgres(_) => (
            "SELECT table_name || '|' || column_name || '|' || data_type || '|' \
             || CASE is_nullable WHEN 'NO' THEN '1' ELSE '0' END || '|' \
             || CASE WHEN is_identity = 'YES' THEN '2' WHEN column_default IS NULL THEN '0' \
             ELSE '1' END \
             AS value FROM information_schema.columns WHERE table_schema = 'public' \
             AND table_name NOT LIKE '__diesel%'",
            "SELECT t.relname || '|' || string_agg(a.attname, ',' ORDER BY k.n) AS value \
             FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid \
             JOIN pg_namespace ns ON ns.oid = t.relnamespace \
             CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, n) \
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum \
             WHERE ns.nspname = 'public' AND ix.indisprimary AND t.relname NOT LIKE '__diesel%' \
             GROUP BY t.relname",
            "SELECT c.conrelid::regclass::text || '|' || a.attname || '|' \
             || c.confrelid::regclass::text || '|' || af.attname || '|' \
             || CASE c.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' \
                WHEN 'r' THEN 'RESTRICT' ELSE 'NO ACTION' END AS value \
             FROM pg_constraint c \
             CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(attnum, fattnum) \
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum \
             JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = k.fattnum \
             WHERE c.contype = 'f'",
            "SELECT t.relname || '|' || i.relname || '|' || CASE WHEN ix.indisunique THEN '1' \
             ELSE '0' END || '|' || string_agg(a.attname, ',' ORDER BY k.n) AS value \
             FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid \
             JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace ns ON ns.oid = t.relnamespace \
             CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, n) \
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum \
             WHERE ns.nspname = 'public' AND NOT ix.indisprimary \
             GROUP BY t.relname, i.relname, ix.indisunique",
        ),
    };
    let rows = |conn: &mut DbConnection, sql: &str| -> Vec<Vec<String>> {
        crate::common::strings(conn, sql)
            .into_iter()
            // NULL: a table without a primary key.
            .flatten()
            .map(|row| row.split('|').map(str::to_owned).collect())
            .collect()
    };
    let mut lines = std::collections::BTreeSet::new();
    for row in rows(conn, columns) {
        let kind = match row[2].to_ascii_lowercase().as_str() {
            "timestamp without time zone" => "timestamp".to_owned(),
            "double precision" => "double".to_owned(),
            "bytea" => "blob".to_owned(),
            other => other.to_owned(),
        };
        let not_null = if row[3] == "1" { "not null" } else { "null" };
        // An `id` is numbered by the database: a rowid on SQLite, an identity on PostgreSQL.
        let default = match row[4].as_str() {
            "2" => "numbered",
            "1" => "with a default",
            _ => "",
        };
        lines.insert(format!(
            "column {}.{} {kind} {not_null} {default}",
            row[0], row[1]
        ));
    }
    for row in rows(conn, primary_keys) {
        lines.insert(format!("primary key {} ({})", row[0], row[1]));
    }
    for row in rows(conn, foreign_keys) {
        lines.insert(format!(
            "foreign key {}.{} -> {}.{} on delete {}",
            row[0], row[1], row[2], row[3], row[4]
        ));
    }
    for row in rows(conn, indexes) {
        let unique = if row[2] == "1" { "unique " } else { "" };
        lines.insert(format!(
            "{unique}index {} on {} ({})",
            row[1], row[0], row[3]
        ));
    }
    lines
}

#[test]
fn both_back_ends_declare_the_same_tables_columns_types_and_constraints() {
    let Ok(server) = std::env::var("PORTAL_TEST_POSTGRES") else {
        eprintln!("PORTAL_TEST_POSTGRES is not set: the PostgreSQL schema is not compared");
        return;
    };
    let sqlite_dir = tempfile::tempdir().unwrap();
    let mut sqlite = crate::common::open_database(&portal::db::Database::File(
        sqlite_dir.path().join("s.sqlite3"),
    ));
    portal::db::migrate(&mut sqlite).unwrap();
    let postgres_dir = tempfile::tempdir().unwrap();
    let database = crate::common::DroppedAtEnd(crate::common::empty_database(postgres_dir.path()));
    assert!(database.0.file().is_none(), "{server} is a server");
    let mut postgres = crate::common::open_database(&database.0);
    portal::db::migrate(&mut postgres).unwrap();

    let (sqlite, postgres) = (schema_lines(&mut sqlite), schema_lines(&mut postgres));
    assert!(sqlite.len() > 200, "{sqlite:#?}");
    let only_sqlite: Vec<&String> = sqlite.difference(&postgres).collect();
    let only_postgres: Vec<&String> = postgres.difference(&sqlite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "only on SQLite: {only_sqlite:#?}\nonly on PostgreSQL: {only_postgres:#?}"
    );
}
