use std::path::PathBuf;
use std::time::Duration;

/// Settings of a running portal; every field has a default that works out of the box.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on, e.g. `127.0.0.1:8080`.
    pub bind: String,
    /// The SQLite file; created with its folder when missing.
    pub database: PathBuf,
    /// Load the demo data when the database holds no institution yet.
    pub load_demo: bool,
    /// How long public pages may lag behind changes made by another process.
    pub catalog_staleness: Duration,
    /// Where visitors reach the portal, e.g. `https://practices.example.org`: feeds, sitemaps
    /// and exports need absolute links, and taking them from the request's Host header would
    /// let one visitor poison the cached answers of all others.
    pub public_url: String,
}

pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
pub const DEFAULT_DATABASE: &str = "data/portal.sqlite3";

impl Default for Config {
    fn default() -> Self {
        Self {
            bind: DEFAULT_BIND.to_owned(),
            database: PathBuf::from(DEFAULT_DATABASE),
            load_demo: true,
            catalog_staleness: Duration::from_secs(1),
            public_url: format!("http://{DEFAULT_BIND}"),
        }
    }
}
