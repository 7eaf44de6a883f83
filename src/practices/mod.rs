//! The public practice database: browse, search, facets, practice and institution pages.

pub mod catalog;
pub mod certificate;
pub mod citation;
pub mod facets;
pub mod models;
pub mod public_pages;
pub mod repository;
pub mod search;
pub mod secretariat_pages;
pub mod service;
pub mod translations;
pub mod views;

use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use crate::db::DbConnection;

use crate::background::Background;
use crate::db::DbPool;
use crate::error::AppError;
use crate::progress::Progress;
use catalog::Catalog;
use search::SearchIndex;

/// Builds the search index on a thread of its own while the portal serves; a stop leaves
/// it between two batches, and the next start goes on from there.
fn sync_in_background(
    search: Arc<SearchIndex>,
    pool: DbPool,
    version: i64,
    background: &Arc<Background>,
) -> Result<(), AppError> {
    search.mark_building();
    background.spawn("search-index", move |background| {
        let outcome = pool.get().map_err(AppError::from).and_then(|mut conn| {
            search.sync_unless(
                &mut conn,
                version,
                &|| background.is_stopping(),
                &Progress::hidden(),
            )
        });
        if let Err(error) = outcome {
            search.stop_building();
            tracing::error!(%error, "the search index could not be built");
        }
    })
}

/// The current in-memory catalogue, shared by the workers and rebuilt when the database says
/// the published practices changed.
#[derive(Debug)]
pub struct CatalogStore {
    current: RwLock<Arc<Catalog>>,
    rebuilding: Mutex<()>,
    /// How long a check of the database's catalogue version stands (zero: check every time).
    /// Changes made by other processes show after at most this long.
    max_staleness: Duration,
    checked_at: Mutex<Option<Instant>>,
    search: Arc<SearchIndex>,
}

impl CatalogStore {
    /// The catalogue as the database holds it now, searched with `search`, which is brought
    /// up to date first when that is quick, and in the background when it is not.
    pub fn load(
        conn: &mut DbConnection,
        max_staleness: Duration,
        search: SearchIndex,
        pool: &DbPool,
        background: &Arc<Background>,
    ) -> Result<CatalogStore, AppError> {
        let source = repository::load_catalog(conn)?;
        let search = Arc::new(search);
        if search.version() != Some(source.version) {
            if source.ids.len() <= search::BUILD_BEFORE_SERVING {
                search.sync(conn, source.version)?;
            } else {
                sync_in_background(
                    Arc::clone(&search),
                    pool.clone(),
                    source.version,
                    background,
                )?;
            }
        }
        let catalog = Catalog::build(source, Arc::clone(&search));
        Ok(CatalogStore {
            current: RwLock::new(Arc::new(catalog)),
            rebuilding: Mutex::new(()),
            max_staleness,
            checked_at: Mutex::new(Some(Instant::now())),
            search,
        })
    }

    /// The search index the catalogues are searched with.
    pub fn search(&self) -> &SearchIndex {
        &self.search
    }

    /// The catalogue without asking the database, while the last check still stands.
    pub fn recent(&self) -> Option<Arc<Catalog>> {
        let checked_at = *self.checked_at.lock().expect("check lock");
        checked_at
            .filter(|at| at.elapsed() < self.max_staleness)
            .map(|_| self.snapshot())
    }

    fn snapshot(&self) -> Arc<Catalog> {
        Arc::clone(&self.current.read().expect("catalog lock"))
    }

    /// The catalogue as of now; call on a blocking thread.
    pub fn fresh(&self, conn: &mut DbConnection) -> Result<Arc<Catalog>, AppError> {
        let version = repository::catalog_version(conn)?;
        *self.checked_at.lock().expect("check lock") = Some(Instant::now());
        // The index follows every version, including the one a background build started
        // from; while that build runs it is left to it.
        if self.search.version() != Some(version) && !self.search.is_building() {
            self.search.sync(conn, version)?;
        }
        let catalog = self.snapshot();
        if catalog.version() >= version {
            return Ok(catalog);
        }
        // One rebuild at a time; those who waited find it done.
        let _rebuild = self.rebuilding.lock().expect("rebuild lock");
        let catalog = self.snapshot();
        if catalog.version() >= version {
            return Ok(catalog);
        }
        let source = repository::load_catalog(conn)?;
        let rebuilt = Arc::new(Catalog::build(source, Arc::clone(&self.search)));
        *self.current.write().expect("catalog lock") = Arc::clone(&rebuilt);
        tracing::info!(
            version = rebuilt.version(),
            practices = rebuilt.len(),
            "catalogue rebuilt"
        );
        Ok(rebuilt)
    }
}
