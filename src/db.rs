//! The connection pool on either back-end (an SQLite file, the default, or a PostgreSQL
//! server), its settings, embedded migrations and the helpers that keep blocking database work
//! off the async workers.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use actix_web::web;
use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::r2d2::{CustomizeConnection, ManageConnection, Pool};
use diesel::{Connection, ConnectionError, PgConnection, SqliteConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::error::AppError;
use crate::progress::Progress;

/// One connection to whichever back-end the portal runs on. Queries are written once against
/// it; what differs between the two (transactions that write, upserts) is matched here.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Sqlite(SqliteConnection),
    Postgres(PgConnection),
}

pub type DbPool = Pool<Database>;

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Where the data lives: `--database` takes a file path or a `postgres://` URL.
#[derive(Clone, PartialEq, Eq)]
pub enum Database {
    File(PathBuf),
    Server(String),
}

impl Database {
    /// What `--database` takes to reach it again: the file's path or the server's URL.
    pub fn url(&self) -> String {
        match self {
            Database::File(path) => path.to_string_lossy().into_owned(),
            Database::Server(url) => url.clone(),
        }
    }

    /// The SQLite file, when the data lives in one.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Database::File(path) => Some(path),
            Database::Server(_) => None,
        }
    }

    fn open(&self) -> Result<DbConnection, AppError> {
        let connection = match self {
            Database::File(path) => {
                SqliteConnection::establish(&path.to_string_lossy()).map(DbConnection::Sqlite)
            }
            Database::Server(url) => PgConnection::establish(url)
                .map(DbConnection::Postgres)
                // libpq quotes the URL it could not parse, password and all.
                .map_err(|error| match error {
                    ConnectionError::BadConnection(message) => ConnectionError::BadConnection(
                        message.replace(url.as_str(), &self.to_string()),
                    ),
                    other => other,
                }),
        };
        connection.map_err(|source| AppError::Connection {
            database: self.to_string(),
            source,
        })
    }
}

impl std::str::FromStr for Database {
    type Err = std::convert::Infallible;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Ok(
            if text.starts_with("postgres://") || text.starts_with("postgresql://") {
                Database::Server(text.to_owned())
            } else {
                Database::File(PathBuf::from(text))
            },
        )
    }
}

/// The file's path, or the server's URL without its password: this is what logs and error
/// messages show.
impl fmt::Display for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Database::File(path) => write!(f, "{}", path.display()),
            Database::Server(url) => f.write_str(&crate::secrets::without_password(url)),
        }
    }
}

impl fmt::Debug for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Opens pooled connections with `Database::open`, so a refused connection keeps its cause
/// (diesel's own manager tries each back-end in turn and reports only that none answered).
impl ManageConnection for Database {
    type Connection = DbConnection;
    type Error = AppError;

    fn connect(&self) -> Result<DbConnection, AppError> {
        self.open()
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), AppError> {
        Ok(conn.batch_execute("SELECT 1")?)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        <DbConnection as Connection>::TransactionManager::is_broken_transaction_manager(conn)
    }
}

/// Readers never wait for the writer in WAL mode, so a few more connections than cores keeps
/// both cores busy while one request waits on I/O.
const POOL_SIZE: u32 = 4;
/// How long a request waits for a connection: with the database out of reach, pages answer
/// 503 after this long (and a load balancer's health check sees it within its own timeout).
const CONNECTION_WAIT: Duration = Duration::from_secs(5);

/// SQLite: `synchronous = FULL` (with WAL, set once per file in `connect`): every commit is on
/// disk before it is acknowledged, so an answered write survives a crash of the process and of
/// the machine. The page cache is kept small because the pool holds several connections.
/// Pages are read through a memory map of the file (up to 2 GiB, SQLite's own ceiling) rather
/// than a `pread` call each: a practice's long texts span many overflow pages, and those calls
/// were more than a quarter of reading a search's snippets. The mapped pages are the kernel's file cache,
/// shared with every connection, not the process's own memory (see docs/performance.md).
/// PostgreSQL is durable by its own settings.
#[derive(Debug)]
struct Settings;

impl CustomizeConnection<DbConnection, AppError> for Settings {
    fn on_acquire(&self, conn: &mut DbConnection) -> Result<(), AppError> {
        match conn {
            DbConnection::Sqlite(conn) => Ok(conn.batch_execute(
                "PRAGMA busy_timeout = 5000;
                 PRAGMA synchronous = FULL;
                 PRAGMA foreign_keys = ON;
                 PRAGMA cache_size = -2000;
                 PRAGMA mmap_size = 2147483648;",
            )?),
            DbConnection::Postgres(_) => Ok(()),
        }
    }
}

/// Opens the pool; an SQLite file is created with its folder when missing, a server must answer.
pub fn connect(database: &Database) -> Result<DbPool, AppError> {
    if let Database::File(path) = database {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder).map_err(AppError::file("create", folder))?;
        }
        // The journal mode is a property of the file; switching it needs the file to itself,
        // so it is done before the pool opens its connections at once.
        // Other processes starting on the same new file may hold it a moment.
        database
            .open()?
            .batch_execute("PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL")?;
    } else {
        // One clear refusal at start rather than the pool's timeout after ten seconds.
        database.open()?;
    }
    Ok(Pool::builder()
        .max_size(POOL_SIZE)
        .connection_timeout(CONNECTION_WAIT)
        .connection_customizer(Box::new(Settings))
        .build(database.clone())?)
}

pub fn migrate(conn: &mut DbConnection) -> Result<(), AppError> {
    migrate_showing(conn, &Progress::hidden()).map(drop)
}

/// `migrate`, one migration at a time with `progress`; returns how many were applied.
pub fn migrate_showing(conn: &mut DbConnection, progress: &Progress) -> Result<usize, AppError> {
    match conn {
        DbConnection::Sqlite(conn) => apply_migrations(conn, SQLITE_MIGRATIONS, progress),
        DbConnection::Postgres(conn) => apply_migrations(conn, POSTGRES_MIGRATIONS, progress),
    }
}

fn apply_migrations<C: MigrationHarness<B>, B: diesel::backend::Backend>(
    conn: &mut C,
    migrations: EmbeddedMigrations,
    progress: &Progress,
) -> Result<usize, AppError> {
    let pending = conn
        .pending_migrations(migrations)
        .map_err(AppError::Migration)?;
    progress.add_to_total(pending.len() as u64);
    for migration in &pending {
        conn.run_migration(migration.as_ref())
            .map_err(AppError::Migration)?;
        progress.advance(1);
    }
    Ok(pending.len())
}

/// The keys of the portal's PostgreSQL advisory locks: "portal" and "portal+" in ASCII.
const STARTING: i64 = 0x0000_706f_7274_616c;
const WRITING: i64 = 0x0070_6f72_7461_6c2b;

/// Runs `work` (the migrations, the demo data) while no other portal process starting on the
/// same database does: processes started at once on a new database would otherwise each apply
/// the migrations and load the demo data, and all but one fail. The others wait, then find
/// the work done. PostgreSQL: an advisory lock of the session; SQLite: a lock on the file
/// `<database>.starting` beside it (not on the database file, whose locks are SQLite's).
pub fn starting_alone<T>(
    database: &Database,
    conn: &mut DbConnection,
    work: impl FnOnce(&mut DbConnection) -> Result<T, AppError>,
) -> Result<T, AppError> {
    match database {
        Database::File(path) => {
            let mut name = path.as_os_str().to_owned();
            name.push(".starting");
            let lock_path = PathBuf::from(name);
            let lock = std::fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&lock_path)
                .map_err(AppError::file("open", &lock_path))?;
            lock.lock().map_err(AppError::file("lock", &lock_path))?;
            // Unlocked when `lock` is closed, also when the process dies.
            work(conn)
        }
        Database::Server(_) => {
            conn.batch_execute(&format!("SELECT pg_advisory_lock({STARTING})"))?;
            let outcome = work(conn);
            // The work's own failure is the one to report, not a failure to unlock after it.
            let unlocked = conn.batch_execute(&format!("SELECT pg_advisory_unlock({STARTING})"));
            let value = outcome?;
            unlocked?;
            Ok(value)
        }
    }
}

/// A transaction for work that reads and then writes: such transactions run one at a time,
/// whatever the number of portal processes, so that a rule read before a write (at most ten
/// entries, three requests waiting, five documents) still holds when the write commits. On
/// SQLite it takes the write lock at its start (`BEGIN IMMEDIATE`), so two queue instead of
/// one failing when it tries to upgrade its read lock; on PostgreSQL, whose READ COMMITTED
/// would let both read the same count, they queue on one advisory lock held to the commit.
/// Readers wait for neither.
pub fn write_transaction<T, E>(
    conn: &mut DbConnection,
    work: impl FnOnce(&mut DbConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    match conn {
        DbConnection::Sqlite(conn) => {
            AnsiTransactionManager::begin_transaction_sql(conn, "BEGIN IMMEDIATE")?
        }
        DbConnection::Postgres(conn) => {
            AnsiTransactionManager::begin_transaction(conn)?;
            conn.batch_execute(&format!("SELECT pg_advisory_xact_lock({WRITING})"))?;
        }
    }
    match work(conn) {
        Ok(value) => {
            <DbConnection as Connection>::TransactionManager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(error) => {
            <DbConnection as Connection>::TransactionManager::rollback_transaction(conn)?;
            Err(error)
        }
    }
}

/// Runs the same diesel statement on whichever back-end `conn` is, for the statements that
/// diesel builds for one back-end at a time (upserts: `on_conflict`).
macro_rules! on_backend {
    ($conn:expr, |$inner:ident| $statement:expr) => {
        match $conn {
            $crate::db::DbConnection::Sqlite($inner) => $statement,
            $crate::db::DbConnection::Postgres($inner) => $statement,
        }
    };
}
pub(crate) use on_backend;

/// Runs `work` with a pooled connection on the blocking thread pool, inside the request's
/// tracing span (so every log line of the request carries its id); a panic there comes back
/// as `AppError::Panicked` with its message, not as a cancelled task.
pub async fn run<T, F>(pool: &DbPool, work: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: FnOnce(&mut DbConnection) -> Result<T, AppError> + Send + 'static,
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
        $crate::db::insert_batch!($conn, $table::table, &rows)
    }};
}
pub(crate) use insert_links;

/// Inserts several rows in one statement: diesel builds a multi-row `INSERT` for one back-end
/// at a time (a missing value is `DEFAULT` on PostgreSQL, not on SQLite).
macro_rules! insert_batch {
    ($conn:expr, $table:expr, $rows:expr) => {
        $crate::db::on_backend!($conn, |conn| diesel::insert_into($table)
            .values($rows)
            .execute(conn))
    };
}
pub(crate) use insert_batch;

#[cfg(test)]
mod tests {
    use super::*;

    #[actix_web::test]
    async fn a_panic_on_the_pool_comes_back_as_a_panic_with_its_message() {
        let folder = tempfile::tempdir().unwrap();
        let pool = connect(&Database::File(folder.path().join("p.sqlite3"))).unwrap();
        let answer: Result<(), AppError> = run(&pool, |_| panic!("the rule was broken")).await;
        match answer {
            Err(AppError::Panicked(message)) => assert_eq!(message, "the rule was broken"),
            other => panic!("{other:?}"),
        }
        assert_eq!(run(&pool, |_| Ok(7)).await.unwrap(), 7);
    }
}
