//! `copy-database`: an SQLite portal moved onto a PostgreSQL server whole — every table, the
//! documents with them, ids kept and the id sequences advanced past them — into an empty
//! database, in one transaction, so that a failed copy leaves nothing behind.
//!
//! The tables and their columns are read from the target, the schema both back-ends are
//! tested to share, and copied in the order their foreign keys need. Rows travel as JSON: SQLite
//! writes a batch with `json_object`, PostgreSQL reads it with `json_populate_recordset`, which
//! parses each value with its column's type (0/1 into booleans, text into timestamps, `\x…`
//! hex into bytes).

use std::collections::BTreeSet;
use std::path::Path;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use crate::db::{self, Database, DbConnection};
use crate::error::AppError;
use crate::progress::Progress;

/// Rows sent in one statement; tables with bytes (documents, up to 10 MB each) send one row at
/// a time.
const BATCH_ROWS: i64 = 1_000;

/// What was copied.
#[derive(Debug, Default)]
pub struct Copied {
    pub tables: usize,
    pub rows: u64,
}

/// A table of the target, as the copy needs it.
#[derive(Debug)]
struct Table {
    name: String,
    /// (name, PostgreSQL type)
    columns: Vec<(String, String)>,
    primary_key: Vec<String>,
    identity: Option<String>,
}

/// Copies the SQLite portal `from` (migrated first, its uploads folder's documents taken in)
/// into the PostgreSQL database `to`, which must hold no portal yet.
pub fn copy_database(
    from: &Path,
    uploads: &Path,
    to: &Database,
    progress: &Progress,
) -> Result<Copied, AppError> {
    if !from.is_file() {
        return Err(AppError::Unusable {
            path: from.to_owned(),
            problem: "is not a database file",
        });
    }
    if to.file().is_some() {
        return Err(AppError::Setting {
            setting: "--to",
            problem: "must be a postgres:// URL: the copy goes from SQLite to PostgreSQL",
        });
    }
    let source_pool = db::connect(&Database::File(from.to_owned()))?;
    let mut source = source_pool.get()?;
    db::migrate(&mut source)?;
    crate::submissions::service::take_in_document_files(&mut source, uploads)?;
    let target_pool = db::connect(to)?;
    let mut target = target_pool.get()?;
    db::migrate(&mut target)?;
    let (DbConnection::Sqlite(source), DbConnection::Postgres(target)) =
        (&mut *source, &mut *target)
    else {
        unreachable!("a file opens SQLite and a URL PostgreSQL");
    };
    let tables = tables_in_copy_order(target)?;
    for table in &tables {
        if has_rows(target, &table.name)? {
            return Err(AppError::Setting {
                setting: "--to",
                problem: "names a database that already holds a portal; copy into an empty one",
            });
        }
    }
    let mut copied = Copied::default();
    // One snapshot of the source, even while a portal serves it; all or nothing in the target.
    source.batch_execute("BEGIN")?;
    let outcome = target.transaction(|target| {
        for table in &tables {
            progress.add_to_total(count_rows(source, &table.name)?);
        }
        for table in &tables {
            copied.rows += copy_table(source, target, table, progress)?;
            copied.tables += 1;
        }
        for table in &tables {
            advance_sequence(target, table)?;
        }
        Ok::<_, AppError>(())
    });
    source.batch_execute("COMMIT")?;
    outcome.map(|()| copied)
}

#[derive(QueryableByName)]
struct Named {
    #[diesel(sql_type = Text)]
    value: String,
}

#[derive(QueryableByName)]
struct Counted {
    #[diesel(sql_type = BigInt)]
    count: i64,
}

#[derive(QueryableByName)]
struct Batch {
    #[diesel(sql_type = Text)]
    rows: String,
    #[diesel(sql_type = BigInt)]
    count: i64,
}

fn texts(conn: &mut PgConnection, sql: &str, table: &str) -> QueryResult<Vec<String>> {
    Ok(diesel::sql_query(sql)
        .bind::<Text, _>(table)
        .load::<Named>(conn)?
        .into_iter()
        .map(|row| row.value)
        .collect())
}

/// The portal's tables, each after the tables its foreign keys point to.
fn tables_in_copy_order(conn: &mut PgConnection) -> Result<Vec<Table>, AppError> {
    let names: Vec<String> = diesel::sql_query(
        "SELECT table_name AS value FROM information_schema.tables \
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' \
         AND table_name NOT LIKE '\\_\\_diesel%' \
         AND table_name <> 'catalog_state' ORDER BY table_name",
    )
    .load::<Named>(conn)?
    .into_iter()
    .map(|row| row.value)
    .collect();
    let mut ordered: Vec<Table> = Vec::new();
    let mut placed = BTreeSet::new();
    while ordered.len() < names.len() {
        let before = ordered.len();
        for name in &names {
            if placed.contains(name) {
                continue;
            }
            let needs = texts(
                conn,
                "SELECT DISTINCT c.confrelid::regclass::text AS value FROM pg_constraint c \
                 WHERE c.contype = 'f' AND c.conrelid = $1::regclass AND c.confrelid <> c.conrelid",
                name,
            )?;
            if needs.iter().all(|needed| placed.contains(needed)) {
                placed.insert(name.clone());
                ordered.push(describe(conn, name)?);
            }
        }
        if ordered.len() == before {
            unreachable!("the portal's foreign keys go round a circle");
        }
    }
    Ok(ordered)
}

fn describe(conn: &mut PgConnection, name: &str) -> Result<Table, AppError> {
    let columns = texts(
        conn,
        "SELECT column_name || '|' || data_type AS value FROM information_schema.columns \
         WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
        name,
    )?
    .into_iter()
    .filter_map(|line| {
        line.split_once('|')
            .map(|(column, kind)| (column.to_owned(), kind.to_owned()))
    })
    .collect();
    let primary_key = texts(
        conn,
        "SELECT a.attname AS value FROM pg_index ix \
         CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, n) \
         JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum \
         WHERE ix.indrelid = $1::regclass AND ix.indisprimary ORDER BY k.n",
        name,
    )?;
    let identity = texts(
        conn,
        "SELECT column_name AS value FROM information_schema.columns \
         WHERE table_schema = 'public' AND table_name = $1 AND is_identity = 'YES'",
        name,
    )?
    .pop();
    Ok(Table {
        name: name.to_owned(),
        columns,
        primary_key,
        identity,
    })
}

fn has_rows(conn: &mut PgConnection, table: &str) -> QueryResult<bool> {
    diesel::sql_query(format!(
        "SELECT COUNT(*) AS count FROM (SELECT 1 FROM \"{table}\" LIMIT 1) AS one"
    ))
    .get_result::<Counted>(conn)
    .map(|row| row.count > 0)
}

fn count_rows(conn: &mut SqliteConnection, table: &str) -> Result<u64, AppError> {
    let counted = diesel::sql_query(format!("SELECT COUNT(*) AS count FROM \"{table}\""))
        .get_result::<Counted>(conn)?;
    Ok(u64::try_from(counted.count).unwrap_or_default())
}

/// Copies one table batch by batch, in primary key order; returns the rows copied.
fn copy_table(
    source: &mut SqliteConnection,
    target: &mut PgConnection,
    table: &Table,
    progress: &Progress,
) -> Result<u64, AppError> {
    let fields: Vec<String> = table
        .columns
        .iter()
        .map(|(column, kind)| match kind.as_str() {
            "bytea" => format!("'{column}', '\\x' || hex(\"{column}\")"),
            _ => format!("'{column}', \"{column}\""),
        })
        .collect();
    let order = if table.primary_key.is_empty() {
        "rowid".to_owned()
    } else {
        let quoted: Vec<String> = table
            .primary_key
            .iter()
            .map(|column| format!("\"{column}\""))
            .collect();
        quoted.join(", ")
    };
    let batch_rows = if table.columns.iter().any(|(_, kind)| kind == "bytea") {
        1
    } else {
        BATCH_ROWS
    };
    let select = format!(
        "SELECT COALESCE(json_group_array(json_object({})), '[]') AS rows, COUNT(*) AS count \
         FROM (SELECT * FROM \"{}\" ORDER BY {order} LIMIT ? OFFSET ?)",
        fields.join(", "),
        table.name
    );
    let insert = format!(
        "INSERT INTO \"{0}\" OVERRIDING SYSTEM VALUE \
         SELECT * FROM json_populate_recordset(NULL::\"{0}\", $1::json)",
        table.name
    );
    let mut copied = 0u64;
    loop {
        let batch = diesel::sql_query(&select)
            .bind::<BigInt, _>(batch_rows)
            .bind::<BigInt, _>(i64::try_from(copied).unwrap_or(i64::MAX))
            .get_result::<Batch>(source)?;
        if batch.count == 0 {
            return Ok(copied);
        }
        let inserted = diesel::sql_query(&insert)
            .bind::<Text, _>(&batch.rows)
            .execute(target)?;
        copied += inserted as u64;
        progress.advance(inserted as u64);
    }
}

/// The next id a table gives is past every id copied into it.
fn advance_sequence(conn: &mut PgConnection, table: &Table) -> QueryResult<()> {
    let Some(identity) = &table.identity else {
        return Ok(());
    };
    diesel::sql_query(format!(
        "SELECT setval(pg_get_serial_sequence('\"{0}\"', '{identity}'), \
         COALESCE(MAX(\"{identity}\"), 0) + 1, false) FROM \"{0}\"",
        table.name
    ))
    .execute(conn)
    .map(drop)
}
