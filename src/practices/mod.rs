//! The public practice database: browse, search, facets, practice and institution pages.

pub mod catalog;
pub mod facets;
pub mod models;
pub mod public_pages;
pub mod repository;
pub mod search;
pub mod service;
pub mod views;

use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use diesel::SqliteConnection;

use crate::error::AppError;
use catalog::Catalog;

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
}

impl CatalogStore {
    pub fn load(
        conn: &mut SqliteConnection,
        max_staleness: Duration,
    ) -> Result<CatalogStore, AppError> {
        let catalog = Catalog::build(repository::load_catalog(conn)?);
        Ok(CatalogStore {
            current: RwLock::new(Arc::new(catalog)),
            rebuilding: Mutex::new(()),
            max_staleness,
            checked_at: Mutex::new(Some(Instant::now())),
        })
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
    pub fn fresh(&self, conn: &mut SqliteConnection) -> Result<Arc<Catalog>, AppError> {
        let version = repository::catalog_version(conn)?;
        *self.checked_at.lock().expect("check lock") = Some(Instant::now());
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
        let rebuilt = Arc::new(Catalog::build(repository::load_catalog(conn)?));
        *self.current.write().expect("catalog lock") = Arc::clone(&rebuilt);
        tracing::info!(
            version = rebuilt.version(),
            practices = rebuilt.len(),
            "catalogue rebuilt"
        );
        Ok(rebuilt)
    }
}
