use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::outbox::sender::SmtpSettings;

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
    /// Where visitors reach the portal, e.g. `https://practices.example.org`: e-mails, feeds,
    /// sitemaps and exports need absolute links, and taking them from the request's Host
    /// header would let one visitor poison the cached answers of all others.
    pub public_url: String,
    /// Mark the session cookie `Secure`; set when the portal is served over TLS (usually
    /// behind a proxy that terminates it).
    pub secure_cookies: bool,
    /// Where uploaded documents are kept; `None` means `uploads/` beside the database.
    pub uploads: Option<PathBuf>,
    /// Send the outbox through this server; without it messages wait at `/admin/outbox`.
    pub smtp: Option<SmtpSettings>,
    /// The search index's folder; `None` means the database file's name plus `.search`.
    pub search_index: Option<PathBuf>,
    /// The bearer token `/metrics` asks for; `None`: no metrics are served.
    pub metrics_token: Option<String>,
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
            secure_cookies: false,
            uploads: None,
            smtp: None,
            search_index: None,
            metrics_token: None,
        }
    }
}

impl Config {
    /// The folder that holds the database, the session key and, by default, the uploads.
    pub fn data_dir(&self) -> PathBuf {
        self.database
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), PathBuf::from)
    }

    pub fn search_index_dir(&self) -> PathBuf {
        self.search_index
            .clone()
            .unwrap_or_else(|| Config::default_search_index_of(&self.database))
    }

    /// The search index's folder when none is set: the database file's name plus `.search`.
    pub fn default_search_index_of(database: &Path) -> PathBuf {
        let mut name = database.as_os_str().to_owned();
        name.push(".search");
        PathBuf::from(name)
    }

    pub fn uploads_dir(&self) -> PathBuf {
        self.uploads
            .clone()
            .unwrap_or_else(|| self.data_dir().join("uploads"))
    }
}
