//! The SQLite connection pool, its pragmas, embedded migrations and the helpers that keep
//! blocking database work off the async workers.

use std::path::Path;
use std::time::Duration;

use actix_web::web;
use diesel::connection::SimpleConnection;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool};
use diesel::{Connection, SqliteConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::error::AppError;
use crate::progress::Progress;

pub type DbPool = Pool<ConnectionManager<SqliteConnection>>;

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// Readers never wait for the writer in WAL mode, so a few more connections than cores keeps
/// both cores busy while one request waits on I/O.
const POOL_SIZE: u32 = 4;

/// `synchronous = FULL` (with WAL, set once per file in `connect`): every commit is on disk
/// before it is acknowledged, so an answered write survives a crash of the process and of the
/// machine. The page cache is kept small because the pool holds several connections.
#[derive(Debug)]
struct Pragmas;

impl CustomizeConnection<SqliteConnection, diesel::r2d2::Error> for Pragmas {
    fn on_acquire(&self, conn: &mut SqliteConnection) -> Result<(), diesel::r2d2::Error> {
        conn.batch_execute(
            "PRAGMA busy_timeout = 5000;
             PRAGMA synchronous = FULL;
             PRAGMA foreign_keys = ON;
             PRAGMA cache_size = -2000;",
        )
        .map_err(diesel::r2d2::Error::QueryError)
    }
}

/// Opens (creating if needed) the database file and its folder.
pub fn connect(path: &Path) -> Result<DbPool, AppError> {
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(AppError::file("create", folder))?;
    }
    let url = path.to_string_lossy();
    // The journal mode is a property of the file; switching it needs the file to itself, so it
    // is done before the pool opens its connections at once.
    SqliteConnection::establish(&url)
        .map_err(|source| AppError::Connection {
            path: path.to_owned(),
            source,
        })?
        .batch_execute("PRAGMA journal_mode = WAL")?;
    let manager = ConnectionManager::<SqliteConnection>::new(url);
    Ok(Pool::builder()
        .max_size(POOL_SIZE)
        .connection_timeout(Duration::from_secs(10))
        .connection_customizer(Box::new(Pragmas))
        .build(manager)?)
}

pub fn migrate(conn: &mut SqliteConnection) -> Result<(), AppError> {
    migrate_showing(conn, &Progress::hidden()).map(drop)
}

/// `migrate`, one migration at a time with `progress`; returns how many were applied.
pub fn migrate_showing(
    conn: &mut SqliteConnection,
    progress: &Progress,
) -> Result<usize, AppError> {
    let pending = conn
        .pending_migrations(MIGRATIONS)
        .map_err(AppError::Migration)?;
    progress.add_to_total(pending.len() as u64);
    for migration in &pending {
        conn.run_migration(migration.as_ref())
            .map_err(AppError::Migration)?;
        progress.advance(1);
    }
    Ok(pending.len())
}

/// Runs `work` with a pooled connection on the blocking thread pool, inside the request's
/// tracing span (so every log line of the request carries its id); a panic there comes back
/// as `AppError::Panicked` with its message, not as a cancelled task.
pub async fn run<T, F>(pool: &DbPool, work: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&mut SqliteConnection) -> Result<T, AppError> + Send + 'static,
{
    let pool = pool.clone();
    let span = tracing::Span::current();
    web::block(move || {
        span.in_scope(|| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let mut conn = pool.get()?;
                work(&mut conn)
            }))
            .unwrap_or_else(|panic| Err(AppError::Panicked(panic_message(panic.as_ref()))))
        })
    })
    .await
    .map_err(|_| AppError::Cancelled)?
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|message| (*message).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}

/// Inserts one row `(owner, value)` per value into a link table, such as the topics of a
/// practice: `insert_links!(conn, practice_topics, practice_id = id, topic in topics)`.
macro_rules! insert_links {
    ($conn:expr, $table:ident, $owner_column:ident = $owner:expr, $value_column:ident in $values:expr) => {{
        let rows: Vec<_> = $values
            .iter()
            .map(|&value| {
                (
                    $table::$owner_column.eq($owner),
                    $table::$value_column.eq(value),
                )
            })
            .collect();
        diesel::insert_into($table::table)
            .values(&rows)
            .execute($conn)
    }};
}
pub(crate) use insert_links;

#[cfg(test)]
mod tests {
    use super::*;

    #[actix_web::test]
    async fn a_panic_on_the_pool_comes_back_as_a_panic_with_its_message() {
        let folder = tempfile::tempdir().unwrap();
        let pool = connect(&folder.path().join("p.sqlite3")).unwrap();
        let answer: Result<(), AppError> = run(&pool, |_| panic!("the rule was broken")).await;
        match answer {
            Err(AppError::Panicked(message)) => assert_eq!(message, "the rule was broken"),
            other => panic!("{other:?}"),
        }
        assert_eq!(run(&pool, |_| Ok(7)).await.unwrap(), 7);
    }
}
