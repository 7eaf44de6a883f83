//! Starts the real portal on a temporary SQLite file, or on a new database of the PostgreSQL
//! server that `PORTAL_TEST_POSTGRES` names, and talks to it over HTTP.

pub mod builders;
pub mod entries;
pub mod forms;
pub mod jury;
pub mod pages;
pub mod process;
pub mod routes;
pub mod smtp;

use std::net::TcpListener;

use diesel::prelude::*;
use diesel::sql_types::BigInt;
use portal::config::Config;
use portal::db::{Database, DbConnection};
use portal::ids::{OrganisationId, PracticeId};
use portal::paths;
use portal::practices::models::{NewPractice, PracticeLinks};
use portal::practices::repository;
use portal::taxonomy::*;
use reqwest::StatusCode;
use scraper::{Html, Selector};
use tempfile::TempDir;

/// The filters of the practice list, each a query parameter and a facet.
pub const FILTERS: [&str; 12] = [
    "region",
    "country",
    "topic",
    "award",
    "year",
    "innovation",
    "governance",
    "integration",
    "element",
    "impact",
    "language",
    "organisation",
];

/// Every public address that takes the filters and the search of `/practices`.
pub const FILTERED_VIEWS: [&str; 8] = [
    paths::PRACTICES,
    paths::PRACTICES_CSV,
    paths::PRACTICES_JSON,
    paths::PRACTICES_ATOM,
    paths::API_PRACTICES,
    paths::FRAMEWORK,
    paths::STATISTICS,
    paths::MAP,
];

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub database: Database,
    /// The folder of the session key, the uploads and the search index.
    pub data: std::path::PathBuf,
    fronts: Fronts,
    _dropped: DroppedAtEnd,
    _dir: TempDir,
}

impl TestApp {
    /// A portal with the demo data on a fresh database.
    pub async fn spawn() -> TestApp {
        TestApp::spawn_with(|_| {}).await
    }

    /// A portal with the demo data on a fresh database (a copy of the one migrated and seeded
    /// once for the whole test run), configured by `configure`.
    pub async fn spawn_with(configure: impl FnOnce(&mut Config)) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().to_owned();
        let seeded = seeded_database();
        let database = seeded.database.copy(&data);
        // Its search index too, so that no test waits for one to be built.
        let index = data.join("search-index");
        std::fs::create_dir_all(&index).expect("index folder");
        for file in std::fs::read_dir(&seeded.index).expect("seeded index") {
            let file = file.expect("index file").path();
            if file.is_file()
                && file
                    .file_name()
                    .is_some_and(|name| name != ".tantivy-writer.lock")
            {
                std::fs::copy(&file, index.join(file.file_name().unwrap())).expect("copy index");
            }
        }
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let mut config = Config {
            bind: listener.local_addr().unwrap().to_string(),
            database: database.clone(),
            data: Some(data.clone()),
            search_index: Some(index),
            load_demo: true,
            // Tests write behind the portal's back and read at once.
            catalog_staleness: std::time::Duration::ZERO,
            public_url: base.clone(),
            ..Config::default()
        };
        configure(&mut config);
        let state = portal::prepare(&config).expect("prepare the portal");
        let server = portal::serve(listener, state).expect("serve");
        tokio::spawn(server);
        TestApp {
            base,
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .pool_idle_timeout(IDLE_CONNECTIONS_CLOSED_AFTER)
                .build()
                .unwrap(),
            fronts: Fronts::default(),
            _dropped: DroppedAtEnd(database.clone()),
            database,
            data,
            _dir: dir,
        }
    }

    /// The SQLite file, for the tests of what only a file has (backups, crash safety);
    /// `None` on PostgreSQL, where such a test has nothing to check.
    pub fn sqlite_file(&self) -> Option<&std::path::Path> {
        self.database.file()
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.fronts.url(&self.base, path))
            .send()
            .await
            .expect("request")
    }

    /// GETs a JSON answer: its status and body; panics unless it is JSON.
    pub async fn json(&self, path: &str) -> (StatusCode, serde_json::Value) {
        let response = self.get(path).await;
        let status = response.status();
        assert!(
            response.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/json"),
            "{path}"
        );
        let body = response.text().await.unwrap();
        (status, serde_json::from_str(&body).unwrap())
    }

    /// GETs a page and parses it; panics unless the status is as expected.
    pub async fn page_with_status(&self, path: &str, status: StatusCode) -> Html {
        let response = self.get(path).await;
        assert_eq!(response.status(), status, "GET {path}");
        let content_type = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            content_type.starts_with("text/html"),
            "{path}: {content_type}"
        );
        Html::parse_document(&response.text().await.unwrap())
    }

    pub async fn page(&self, path: &str) -> Html {
        self.page_with_status(path, StatusCode::OK).await
    }

    /// A direct connection to the same database, for independent checks.
    pub fn db(&self) -> DbConnection {
        open_database(&self.database)
    }

    /// `SELECT COUNT(*) ...` straight from the database.
    pub fn count(&self, sql: &str) -> i64 {
        count(&mut self.db(), sql)
    }

    /// The id `SELECT id ...` finds, straight from the database.
    pub fn id_of<I: From<i32>>(&self, sql: &str) -> I {
        id_of(&mut self.db(), sql)
    }
}

/// A test's database on the server goes with it (a file goes with its folder), so that a run
/// of the whole suite leaves the server as it found it.
/// A database of the test server, dropped when this goes (a file goes with its folder).
pub struct DroppedAtEnd(pub Database);

impl Drop for DroppedAtEnd {
    fn drop(&mut self) {
        if let (Database::Server(url), Some(server)) = (&self.0, test_server()) {
            let name = database_name(url);
            // FORCE: a portal of the test may still hold its pool's connections.
            execute(
                &mut open_database(&Database::Server(server)),
                &format!("DROP DATABASE {name} WITH (FORCE)"),
            );
        }
    }
}

/// Below the portal's keep-alive (actix-web closes an idle connection after 5 s): a client
/// that reused a connection the server was closing got no answer on a busy machine.
const IDLE_CONNECTIONS_CLOSED_AFTER: std::time::Duration = std::time::Duration::from_secs(2);

/// The back-end the tests run on: `PORTAL_TEST_POSTGRES` (a server URL whose user may create
/// databases), or SQLite files.
fn test_server() -> Option<String> {
    std::env::var("PORTAL_TEST_POSTGRES")
        .ok()
        .filter(|url| !url.is_empty())
}

/// Where one test's data lives, before the portal opens it.
pub enum TestDatabase {
    File(std::path::PathBuf),
    /// A database of the test server, made from the seeded one as a template.
    Server {
        url: String,
        name: String,
    },
}

impl TestDatabase {
    /// A new database for one test: a copy of this one (in `folder`, for a file).
    fn copy(&self, folder: &std::path::Path) -> Database {
        match self {
            TestDatabase::File(seeded) => {
                let path = folder.join("portal.sqlite3");
                std::fs::copy(seeded, &path).expect("copy the seeded database");
                Database::File(path)
            }
            TestDatabase::Server { url, name } => {
                let copy = new_database_name();
                execute(
                    &mut open_database(&Database::Server(url.clone())),
                    &format!("CREATE DATABASE {copy} TEMPLATE {name}"),
                );
                Database::Server(database_url(url, &copy))
            }
        }
    }
}

/// A database name no other test process or test uses.
fn new_database_name() -> String {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("portal_test_{}_{n}", std::process::id())
}

/// `url` with its database (the path) replaced by `name`.
fn database_url(url: &str, name: &str) -> String {
    let mut url = url::Url::parse(url).expect("PORTAL_TEST_POSTGRES is a URL");
    url.set_path(name);
    url.to_string()
}

/// The database a server URL names (its path).
fn database_name(url: &str) -> String {
    url::Url::parse(url).expect("a server URL").path()[1..].to_owned()
}

/// A new, empty database of the test back-end, and the folder for its portal's files.
pub fn empty_database(folder: &std::path::Path) -> Database {
    match test_server() {
        None => Database::File(folder.join("portal.sqlite3")),
        Some(url) => {
            let name = new_database_name();
            execute(
                &mut open_database(&Database::Server(url.clone())),
                &format!("CREATE DATABASE {name}"),
            );
            Database::Server(database_url(&url, &name))
        }
    }
}

pub struct Seeded {
    database: TestDatabase,
    index: std::path::PathBuf,
}

/// A database migrated and loaded with the demo data, made once for the whole test run: each
/// test's portal starts on a copy of it rather than seeding its own.
fn seeded_database() -> &'static Seeded {
    static SEEDED: std::sync::OnceLock<(TempDir, Seeded)> = std::sync::OnceLock::new();
    let (_, seeded) = SEEDED.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let database = empty_database(dir.path());
        let index = dir.path().join("search-index");
        let state = portal::prepare(&Config {
            database: database.clone(),
            data: Some(dir.path().to_owned()),
            search_index: Some(index.clone()),
            load_demo: true,
            ..Config::default()
        })
        .expect("seed the demo database");
        // A template database must have no connection open when it is copied.
        state.background.stop();
        drop(state);
        let database = match database {
            Database::File(path) => {
                // Everything into the main file, so that copying the file copies the database.
                execute(
                    &mut open_database(&Database::File(path.clone())),
                    "PRAGMA wal_checkpoint(TRUNCATE)",
                );
                TestDatabase::File(path)
            }
            Database::Server(url) => TestDatabase::Server {
                name: database_name(&url),
                url: test_server().unwrap(),
            },
        };
        (dir, Seeded { database, index })
    });
    seeded
}

/// A time `minutes` from now (negative: ago) as an SQL literal both back-ends read as a
/// TIMESTAMP in UTC, as the portal stores them.
pub fn sql_time(minutes: i64) -> String {
    sql_time_in_seconds(minutes * 60)
}

pub fn sql_time_in_seconds(seconds: i64) -> String {
    let at = chrono::Utc::now().naive_utc() + chrono::Duration::seconds(seconds);
    format!("'{}'", at.format("%Y-%m-%d %H:%M:%S"))
}

/// A port nothing listens on (until someone binds it).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A connection of its own to a database, which waits while the portal writes.
pub fn open_database(database: &Database) -> DbConnection {
    match database {
        Database::File(path) => {
            let mut conn = DbConnection::Sqlite(
                diesel::SqliteConnection::establish(path.to_str().unwrap()).expect("open database"),
            );
            execute(&mut conn, "PRAGMA busy_timeout = 5000");
            conn
        }
        Database::Server(url) => DbConnection::Postgres(
            diesel::PgConnection::establish(url).expect("connect to the test server"),
        ),
    }
}

/// The single number `sql` selects, e.g. `SELECT COUNT(*) FROM entries`.
pub fn count(conn: &mut DbConnection, sql: &str) -> i64 {
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = BigInt)]
        n: i64,
    }
    let rows: Vec<Count> = diesel::sql_query(format!("SELECT CAST(({sql}) AS BIGINT) AS n"))
        .load(conn)
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    rows[0].n
}

/// The id of the row `sql` selects, typed as its table's ids: `id_of::<EntryId>(conn, ...)`.
pub fn id_of<I: From<i32>>(conn: &mut DbConnection, sql: &str) -> I {
    I::from(i32::try_from(count(conn, sql)).unwrap_or_else(|_| panic!("{sql}: not an id")))
}

impl TestApp {
    /// A browser of its own: it keeps its cookies, so it has a session.
    pub fn browser(&self) -> Browser {
        Browser::balanced(&self.base, Fronts::new(&self.fronts.addresses))
    }

    /// From now on every request of the test goes to `processes` in turn, not to the portal
    /// of the test itself.
    pub fn behind(&mut self, processes: &[String]) {
        self.fronts = Fronts::new(processes);
    }

    /// Waits until what one process changed shows on the public pages of every other: their
    /// catalogue checks the database at least this often. The test's own portal checks on
    /// every request.
    pub async fn settle(&self) {
        if !self.fronts.addresses.is_empty() {
            let staleness = portal::config::Config::default().catalog_staleness;
            tokio::time::sleep(staleness + std::time::Duration::from_millis(200)).await;
        }
    }

    /// A browser signed in with the given account.
    pub async fn signed_in(&self, email: &str, password: &str) -> Browser {
        let browser = self.browser();
        browser.sign_in(email, password).await;
        browser
    }

    /// The newest message queued for `recipient`.
    pub fn last_mail_to(&self, recipient: &str) -> Option<(String, String)> {
        use portal::schema::outbox;
        outbox::table
            .filter(outbox::recipient.eq(recipient))
            .order(outbox::id.desc())
            .select((outbox::subject, outbox::body))
            .first(&mut self.db())
            .optional()
            .unwrap()
    }

    /// The path of the password reset link last e-mailed to `email`.
    pub fn reset_link(&self, email: &str) -> String {
        let (_, body) = self.last_mail_to(email).expect("the link is in the outbox");
        let link = body
            .lines()
            .find(|line| line.contains("/password-reset/"))
            .expect("a reset link");
        link[link.find("/password-reset/").unwrap()..]
            .trim()
            .to_owned()
    }

    /// Runs a statement straight on the database, behind the portal's back.
    pub fn execute(&self, sql: &str) {
        execute(&mut self.db(), sql);
    }
}

/// The text column `sql` selects, aliased `value`, row by row (`None` for NULL), e.g.
/// `SELECT title AS value FROM entries`.
pub fn strings(conn: &mut DbConnection, sql: &str) -> Vec<Option<String>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
        value: Option<String>,
    }
    diesel::sql_query(sql)
        .load::<Row>(conn)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .into_iter()
        .map(|row| row.value)
        .collect()
}

/// Runs a statement straight on a database, behind the portal's back.
pub fn execute(conn: &mut DbConnection, sql: &str) {
    diesel::sql_query(sql)
        .execute(conn)
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

pub struct Browser {
    pub base: String,
    pub client: reqwest::Client,
    fronts: Fronts,
}

/// Portals of one database taken in turn, request by request, as a load balancer would;
/// none: the one portal at `base`.
#[derive(Default)]
pub struct Fronts {
    addresses: Vec<String>,
    turn: std::sync::atomic::AtomicUsize,
}

impl Fronts {
    pub fn new(addresses: &[String]) -> Fronts {
        Fronts {
            addresses: addresses.to_vec(),
            turn: Default::default(),
        }
    }

    /// The address of `path` on the portal whose turn it is.
    fn url(&self, base: &str, path: &str) -> String {
        let turn = self.turn.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        match self.addresses.len() {
            0 => format!("{base}{path}"),
            n => format!("{}{path}", self.addresses[turn % n]),
        }
    }
}

impl Browser {
    /// A browser of a portal served at `base`, e.g. `http://127.0.0.1:8080`.
    pub fn new(base: &str) -> Browser {
        Browser::balanced(base, Fronts::default())
    }

    /// A browser sending each request to the next of `fronts` (`base` when there are none);
    /// the session cookie goes to all, as they share one host.
    pub fn balanced(base: &str, fronts: Fronts) -> Browser {
        Browser {
            base: base.to_owned(),
            fronts,
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .pool_idle_timeout(IDLE_CONNECTIONS_CLOSED_AFTER)
                .cookie_store(true)
                .build()
                .unwrap(),
        }
    }

    pub async fn sign_in(&self, email: &str, password: &str) {
        let response = self
            .post_form(
                paths::SIGN_IN,
                paths::SIGN_IN,
                &[("email", email), ("password", password)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "sign in {email}");
    }

    /// Asks, through the account page, to act for a new institution of Brazil, a social
    /// security institution of the Americas named `organisation`.
    pub async fn ask_to_act_for(&self, organisation: &str) -> reqwest::Response {
        self.ask_to_act_for_one_in(organisation, "BR").await
    }

    /// `ask_to_act_for` an institution of the country of code `country`.
    pub async fn ask_to_act_for_one_in(
        &self,
        organisation: &str,
        country: &str,
    ) -> reqwest::Response {
        self.post_form(
            paths::ACCOUNT,
            paths::ACCOUNT_ORGANISATIONS,
            &[
                ("organisation_name", organisation),
                ("country", country),
                ("region", "americas"),
                ("kind", "social-security-institution"),
            ],
        )
        .await
    }

    /// Creates an account through the registration form, which signs this browser in.
    pub async fn register(&self, name: &str, email: &str, password: &str) -> reqwest::Response {
        self.post_form(
            paths::REGISTER,
            paths::REGISTER,
            &[
                ("name", name),
                ("email", email),
                ("password", password),
                ("confirmation", password),
            ],
        )
        .await
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.fronts.url(&self.base, path))
            .send()
            .await
            .expect("request")
    }

    pub async fn page_with_status(&self, path: &str, status: StatusCode) -> Html {
        let response = self.get(path).await;
        assert_eq!(response.status(), status, "GET {path}");
        Html::parse_document(&response.text().await.unwrap())
    }

    pub async fn page(&self, path: &str) -> Html {
        self.page_with_status(path, StatusCode::OK).await
    }

    /// The CSRF token of the forms on `path`, as a browser would find it.
    pub async fn csrf_token(&self, path: &str) -> String {
        let page = self.page(path).await;
        page.select(&selector("input[name=csrf_token]"))
            .next()
            .unwrap_or_else(|| panic!("no CSRF token on {path}"))
            .value()
            .attr("value")
            .unwrap()
            .to_owned()
    }

    /// Posts a form found on `form_page` to `action`, with that page's CSRF token.
    pub async fn post_form(
        &self,
        form_page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let token = self.csrf_token(form_page).await;
        let mut body: Vec<(&str, &str)> = vec![("csrf_token", &token)];
        body.extend_from_slice(fields);
        self.post_raw(action, &body).await
    }

    /// As the secretariat: approves the membership request whose card mentions `who`.
    pub async fn approve_membership(&self, who: &str) {
        let requests = self.page(paths::MEMBERSHIPS).await;
        let action = requests
            .select(&selector(".card"))
            .find(|card| card.text().collect::<String>().contains(who))
            .and_then(|card| card.select(&selector("form")).next())
            .and_then(|form| form.value().attr("action"))
            .unwrap_or_else(|| panic!("no request of {who}"))
            .to_owned();
        let approved = self
            .post_form(
                paths::MEMBERSHIPS,
                &action,
                &[("decision", "approve"), ("note", "")],
            )
            .await;
        assert_eq!(approved.status(), StatusCode::SEE_OTHER, "approving {who}");
    }

    /// Posts exactly these fields, token or not.
    pub async fn post_raw(&self, action: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.fronts.url(&self.base, action))
            .form(fields)
            .send()
            .await
            .expect("post")
    }

    /// Posts a multipart form (the entry form), with the CSRF token of `form_page` and an
    /// optional file `(name, bytes)` in the `document` field.
    pub async fn post_multipart(
        &self,
        form_page: &str,
        action: &str,
        fields: &[(&str, &str)],
        file: Option<(&str, Vec<u8>)>,
    ) -> reqwest::Response {
        let token = self.csrf_token(form_page).await;
        let mut all: Vec<(&str, &str)> = vec![("csrf_token", &token)];
        all.extend_from_slice(fields);
        self.post_multipart_raw(action, &all, file).await
    }

    /// Posts exactly these fields as a multipart form, token or not.
    pub async fn post_multipart_raw(
        &self,
        action: &str,
        fields: &[(&str, &str)],
        file: Option<(&str, Vec<u8>)>,
    ) -> reqwest::Response {
        let part = file
            .map(|(name, bytes)| reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()));
        self.post_multipart_part(action, fields, part).await
    }

    /// Posts exactly these fields as a multipart form, with `document` as the part given
    /// (its file name and media type as the caller set them).
    pub async fn post_multipart_part(
        &self,
        action: &str,
        fields: &[(&str, &str)],
        document: Option<reqwest::multipart::Part>,
    ) -> reqwest::Response {
        let mut form = reqwest::multipart::Form::new();
        for (name, value) in fields {
            form = form.text(name.to_string(), value.to_string());
        }
        if let Some(part) = document {
            form = form.part("document", part);
        }
        self.client
            .post(self.fronts.url(&self.base, action))
            .multipart(form)
            .send()
            .await
            .expect("post")
    }
}

/// Where a redirect points.
pub fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_owned()
}

/// The value of the form control with this id.
pub fn field_value(html: &Html, id: &str) -> String {
    let element = html
        .select(&selector(&format!("#{id}")))
        .next()
        .unwrap_or_else(|| panic!("no #{id}"));
    match element.value().name() {
        "textarea" => element.text().collect(),
        _ => element.value().attr("value").unwrap_or_default().to_owned(),
    }
}

/// The message shown next to a field, if any.
pub fn field_error(html: &Html, field: &str) -> Option<String> {
    text_of(html, &format!("#{field}-error")).pop()
}

pub fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("selector {css}: {e:?}"))
}

pub fn text_of(html: &Html, css: &str) -> Vec<String> {
    html.select(&selector(css))
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The total the list page reports.
pub fn total(html: &Html) -> usize {
    html.select(&selector("#results-title"))
        .next()
        .expect("results heading")
        .value()
        .attr("data-total")
        .expect("data-total")
        .parse()
        .unwrap()
}

/// The practice ids linked from the result list, in order.
pub fn listed_ids(html: &Html) -> Vec<PracticeId> {
    html.select(&selector(".practice-list .practice-card h3 a"))
        .map(|a| {
            let href = a.value().attr("href").unwrap();
            let id = PracticeId(href.rsplit('/').next().unwrap().parse().unwrap());
            assert_eq!(href, paths::practice(id));
            id
        })
        .collect()
}

/// The counts shown next to each value of a facet: `value -> count`.
pub fn facet_counts(html: &Html, param: &str) -> Vec<(String, i64)> {
    html.select(&selector(&format!("input[type=checkbox][name={param}]")))
        .map(|input| {
            let id = input.value().attr("id").unwrap();
            let label = html
                .select(&selector(&format!("label[for=\"{id}\"] .count")))
                .next()
                .unwrap_or_else(|| panic!("label for {id}"));
            let count = label.text().collect::<String>();
            let count = count
                .trim_matches(|c| c == '(' || c == ')')
                .parse()
                .unwrap();
            (input.value().attr("value").unwrap().to_owned(), count)
        })
        .collect()
}

/// A migrated database holding one institution (id 1) named `organisation`.
pub fn database_with_institution(organisation: &str) -> (TempDir, Database, DbConnection) {
    use portal::schema::organisations;
    let dir = tempfile::tempdir().expect("temp dir");
    let database = empty_database(dir.path());
    let mut conn = open_database(&database);
    portal::db::migrate(&mut conn).expect("migrate");
    diesel::insert_into(organisations::table)
        .values((
            organisations::id.eq(1),
            organisations::name.eq(organisation),
            organisations::country.eq("CL"),
            organisations::region.eq("americas"),
            organisations::kind.eq("pension-fund"),
        ))
        .execute(&mut conn)
        .expect("insert institution");
    (dir, database, conn)
}

/// The inline `<svg class="{class}" …>…</svg>` elements of a page, as XML text.
pub fn svgs(page: &str, class: &str) -> Vec<String> {
    let start = format!("<svg class=\"{class}\"");
    page.match_indices(&start)
        .map(|(at, _)| {
            let end = page[at..].find("</svg>").expect("closed svg") + "</svg>".len();
            page[at..at + end].to_owned()
        })
        .collect()
}

/// The total of the list at `path` (a `/practices?…` link).
pub async fn list_total(app: &TestApp, path: &str) -> usize {
    assert!(path.starts_with(paths::PRACTICES), "{path} is not a list");
    total(&app.page(path).await)
}

pub fn urlencode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// The targets of the links `css` selects, in order.
pub fn hrefs(html: &Html, css: &str) -> Vec<String> {
    html.select(&selector(css))
        .map(|a| a.value().attr("href").expect("a link").to_owned())
        .collect()
}

/// Inserts a published or unpublished practice of institution 1, jointly with institution 2,
/// straight into the database; its other values are fixed so that tests can look for them.
pub fn insert_practice(
    app: &TestApp,
    title: &str,
    challenge: &str,
    status: PracticeStatus,
) -> PracticeId {
    let mut conn = app.db();
    portal::db::write_transaction(&mut conn, |conn| {
        repository::insert(
            conn,
            &NewPractice {
                organisation_id: OrganisationId(1),
                title,
                summary: "A short summary of a test practice.",
                challenge,
                solution: "Solution text.",
                results: "Results text.",
                innovation: "Innovation text.",
                sustainability: "Sustainability text.",
                replicability: "Replicability text.",
                language: Language::ENGLISH,
                implementation_year: 2019,
                status,
                award: Some(Award::Merit),
                innovation_distinction: false,
                competition_year: Some(2021),
                impact_area: ImpactArea::PublicValue,
                approach: Approach::Activist,
                innovation_type: InnovationType::Disruptive,
                governance_level: GovernanceLevel::CrossSectoral,
                published_at: Some(chrono::Utc::now().naive_utc()),
                entry_id: None,
            },
            &PracticeLinks {
                partners: vec![OrganisationId(2)],
                topics: vec![Topic::Migration, Topic::Ict],
                elements: vec![SocialInnovationElement::OpenProcess],
                integrations: vec![IntegrationType::ServiceDelivery],
            },
        )
    })
    .expect("insert practice")
}
