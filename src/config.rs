use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::db::Database;
use crate::outbox::sender::SmtpSettings;

/// Settings of a running portal; every field has a default that works out of the box.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on, e.g. `127.0.0.1:8080`.
    pub bind: String,
    /// The SQLite file (created with its folder when missing) or the PostgreSQL server.
    pub database: Database,
    /// The folder for the session key and, unless set apart, the search index;
    /// `None` means the SQLite file's folder, or `data/` on PostgreSQL.
    pub data: Option<PathBuf>,
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
    /// The folder documents were kept in before they moved into the database, taken in at
    /// start; `None` means `uploads/` in the data folder.
    pub uploads: Option<PathBuf>,
    /// Send the outbox through this server; without it messages wait at `/admin/outbox`.
    pub smtp: Option<SmtpSettings>,
    /// The search index's folder; `None`: see `search_index_dir`.
    pub search_index: Option<PathBuf>,
    /// The bearer token `/metrics` asks for; `None`: no metrics are served.
    pub metrics_token: Option<String>,
    /// How often to look for alerts whose weekly digest is due.
    pub alert_check: Duration,
}

pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
pub const DEFAULT_DATABASE: &str = "data/portal.sqlite3";

impl Default for Config {
    fn default() -> Self {
        Self {
            bind: DEFAULT_BIND.to_owned(),
            database: Database::File(PathBuf::from(DEFAULT_DATABASE)),
            data: None,
            load_demo: true,
            catalog_staleness: Duration::from_secs(1),
            public_url: format!("http://{DEFAULT_BIND}"),
            secure_cookies: false,
            uploads: None,
            smtp: None,
            search_index: None,
            metrics_token: None,
            alert_check: crate::alerts::DEFAULT_CHECK,
        }
    }
}

impl Config {
    /// The folder that holds the session key and, by default, the search
    /// index: the SQLite file's folder, or `data/` beside a PostgreSQL server's portal.
    pub fn data_dir(&self) -> PathBuf {
        if let Some(folder) = &self.data {
            return folder.clone();
        }
        match &self.database {
            Database::File(path) => path
                .parent()
                .filter(|parent| !parent.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), PathBuf::from),
            Database::Server(_) => PathBuf::from("data"),
        }
    }

    /// The search index's folder: as set, else beside an SQLite file that has no data folder
    /// of its own (where portals kept it before `--data-dir`), else in the data folder.
    pub fn search_index_dir(&self) -> PathBuf {
        self.search_index
            .clone()
            .unwrap_or_else(|| match (&self.database, &self.data) {
                (Database::File(path), None) => Config::search_index_beside(path),
                _ => self.data_dir().join("search-index"),
            })
    }

    /// The database file's name plus `.search`.
    fn search_index_beside(database: &Path) -> PathBuf {
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

/// A settings file (`--config portal.toml`): TOML `key = value` lines, one key for each
/// option that has an environment variable, named as that variable without `PORTAL_` and in
/// lower case (`bind` for `--bind` and `PORTAL_BIND`). The file's values stand where neither the
/// command line nor the environment gives one: they are put into the environment before the
/// command line is read. Returns the variables it set; an unknown key or a value that is not
/// text, a number or true/false is refused with the list of keys.
pub fn apply_settings_file(path: &Path, command: &clap::Command) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    let table: toml::Table = text
        .parse()
        .map_err(|error| format!("{} is not TOML: {error}", path.display()))?;
    let known = settings(command);
    let mut set = Vec::new();
    for (key, value) in table {
        let Some(variable) = known.iter().find(|(name, _)| *name == key).map(|(_, v)| v) else {
            let keys: Vec<&str> = known.iter().map(|(name, _)| name.as_str()).collect();
            return Err(format!(
                "unknown setting `{key}` in {}; the settings are: {}",
                path.display(),
                keys.join(", ")
            ));
        };
        let value = match value {
            toml::Value::String(text) => text,
            toml::Value::Integer(number) => number.to_string(),
            toml::Value::Boolean(flag) => flag.to_string(),
            other => {
                return Err(format!(
                    "`{key}` in {} is a {}; give text, a number or true/false",
                    path.display(),
                    other.type_str()
                ))
            }
        };
        if std::env::var_os(variable).is_none() {
            // Before any thread is started: nothing else reads the environment yet.
            std::env::set_var(variable, value);
            set.push(variable.clone());
        }
    }
    Ok(set)
}

/// The settings file's key for an environment variable: `bind` for `PORTAL_BIND`.
pub fn setting_key(variable: &str) -> Option<String> {
    Some(variable.strip_prefix("PORTAL_")?.to_lowercase())
}

/// Every `(key, PORTAL_VARIABLE)` of `command` and its subcommands, sorted by key.
pub fn settings(command: &clap::Command) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = command
        .get_arguments()
        .filter_map(|arg| arg.get_env())
        .filter_map(|variable| variable.to_str())
        .filter_map(|variable| Some((setting_key(variable)?, variable.to_owned())))
        .chain(command.get_subcommands().flat_map(settings))
        .collect();
    found.sort();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_index_lives_beside_the_file_or_in_the_data_folder() {
        let on = |database: &str, data: Option<&str>| Config {
            database: database.parse().unwrap(),
            data: data.map(PathBuf::from),
            ..Config::default()
        };
        assert_eq!(
            on("db/portal.sqlite3", None).search_index_dir(),
            PathBuf::from("db/portal.sqlite3.search")
        );
        assert_eq!(
            on("db/portal.sqlite3", Some("/srv/portal")).search_index_dir(),
            PathBuf::from("/srv/portal/search-index")
        );
        assert_eq!(
            on("postgres://portal@db/portal", None).search_index_dir(),
            PathBuf::from("data/search-index")
        );
        let set = Config {
            search_index: Some(PathBuf::from("/index")),
            ..on("postgres://portal@db/portal", Some("/srv/portal"))
        };
        assert_eq!(set.search_index_dir(), PathBuf::from("/index"));
        assert_eq!(set.uploads_dir(), PathBuf::from("/srv/portal/uploads"));
    }
}
