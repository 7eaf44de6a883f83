//! How the portal answers at the level of HTTP, for every route of its table: HEAD beside every
//! GET, 405 with `Allow` for a method a path does not take, one address per page (ids written
//! one way), JSON errors for API clients, nothing unprintable in a path, and logs that an
//! operator can read in a file.

use std::io::Read;
use std::process::{Command, Stdio};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use crate::common::routes::declared_routes;
use crate::common::{free_port, TestApp};
use portal::db::Database;
use portal::demo::workflow::SECRETARIAT;
use portal::ids::PracticeId;
use portal::paths;
use reqwest::{Method, StatusCode};

/// A path of `route` with every `{…}` filled with `id`.
fn filled(route: &str, id: &str) -> String {
    route
        .split('/')
        .map(|segment| {
            if segment.starts_with('{') {
                id.to_owned()
            } else {
                segment.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(paths::HOME)
}

#[tokio::test]
async fn every_get_route_answers_head_as_it_answers_get_without_a_body() {
    let app = TestApp::spawn().await;
    for (method, route) in declared_routes() {
        if method != "GET" {
            continue;
        }
        let path = filled(&route, "1");
        let url = format!("{}{path}", app.base);
        let get = app.client.get(&url).send().await.unwrap();
        let head = app.client.head(&url).send().await.unwrap();
        assert_eq!(head.status(), get.status(), "HEAD {path}");
        assert_eq!(
            head.headers().get("content-type"),
            get.headers().get("content-type"),
            "HEAD {path}"
        );
        assert!(
            head.bytes().await.unwrap().is_empty(),
            "HEAD {path} sent a body"
        );
    }
}

#[tokio::test]
async fn a_method_a_path_does_not_take_is_405_with_the_methods_it_does() {
    let app = TestApp::spawn().await;
    let routes = declared_routes();
    let mut checked = 0;
    for (_, route) in &routes {
        let methods: Vec<&str> = routes
            .iter()
            .filter(|(_, other)| other == route)
            .map(|(method, _)| *method)
            .collect();
        let path = filled(route, "1");
        for wrong in ["GET", "POST", "PUT", "DELETE"] {
            if methods.contains(&wrong) {
                continue;
            }
            let response = app
                .client
                .request(
                    Method::from_bytes(wrong.as_bytes()).unwrap(),
                    format!("{}{path}", app.base),
                )
                .send()
                .await
                .unwrap();
            assert_eq!(
                response.status(),
                StatusCode::METHOD_NOT_ALLOWED,
                "{wrong} {path}"
            );
            let allow = response.headers()["allow"].to_str().unwrap().to_owned();
            for method in &methods {
                assert!(allow.contains(method), "{wrong} {path}: Allow {allow}");
            }
            if methods.contains(&"GET") {
                assert!(allow.contains("HEAD"), "{wrong} {path}: Allow {allow}");
            }
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
    // The error page in the person's language, and JSON for the API.
    let refused = app
        .client
        .delete(format!("{}/practices?lang=fr", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert!(refused.text().await.unwrap().contains("lang=\"fr\""));
    let api = app
        .client
        .post(format!("{}/api/v1/practices", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), StatusCode::METHOD_NOT_ALLOWED);
    let body: serde_json::Value = serde_json::from_slice(&api.bytes().await.unwrap()).unwrap();
    assert!(body["error"].is_string());
}

#[tokio::test]
async fn ids_are_written_one_way_and_any_other_way_is_not_found() {
    let app = TestApp::spawn().await;
    let practice =
        app.id_of::<PracticeId>("SELECT MIN(id) FROM practices WHERE status = 'published'");
    assert_eq!(
        app.get(&paths::practice(practice)).await.status(),
        StatusCode::OK
    );
    for written in [format!("+{practice}"), format!("0000{practice}")] {
        assert_eq!(
            app.get(&format!("{}/{written}", paths::PRACTICES))
                .await
                .status(),
            StatusCode::NOT_FOUND,
            "{written}"
        );
    }
    // On every route with ids, as the secretariat: an id written another way is not found,
    // before the handler (and its role check) runs.
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    let mut checked = 0;
    for (_, route) in declared_routes()
        .into_iter()
        .filter(|(method, route)| *method == "GET" && route.contains('{'))
    {
        if route.starts_with("/static/") || route.starts_with("/password-reset/") {
            continue;
        }
        for written in [
            "+1", "01", "0001", "1.0", "%201", "1%20", "-1", "0x1", "1e0",
        ] {
            let path = filled(&route, written);
            assert_eq!(
                secretariat.get(&path).await.status(),
                StatusCode::NOT_FOUND,
                "{path}"
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
}

#[tokio::test]
async fn the_api_answers_json_for_every_address_under_it_that_is_not_found() {
    let app = TestApp::spawn().await;
    for path in [
        "/api/v1/practices/",
        "/api/v1/practices/abc",
        "/api/v1/practices/+1",
        "/api/v1/nothing",
        "/api/",
    ] {
        let (status, body) = app.json(path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(body["error"].is_string(), "{path}: {body}");
    }
    let page = app.get("/practices/none").await;
    assert!(page.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
}

#[tokio::test]
async fn a_path_with_an_unprintable_character_is_not_found_whatever_route_it_looks_like() {
    let app = TestApp::spawn().await;
    for (_, route) in declared_routes() {
        for bad in ["%00", "a%1Bb", "%EF%BF%BE", "%ED%A0%80", "%C2%85", "%0A"] {
            let path = filled(&route, bad);
            if path == route {
                continue;
            }
            let response = app.get(&path).await;
            assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        }
    }
    assert_eq!(
        app.get("/practices%00").await.status(),
        StatusCode::NOT_FOUND
    );
}

/// The portal binary serving a new database of its own, with its log going to a file (not
/// a terminal).
struct Process {
    child: std::process::Child,
    base: String,
    log_path: std::path::PathBuf,
    _folder: tempfile::TempDir,
}

impl Process {
    async fn start(options: &[&str]) -> Process {
        let folder = tempfile::tempdir().unwrap();
        let port = free_port();
        let log_path = folder.path().join("portal.log");
        let log = std::fs::File::create(&log_path).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_portal"))
            .args([
                "serve",
                "--bind",
                &format!("127.0.0.1:{port}"),
                "--database",
            ])
            .arg(folder.path().join("portal.sqlite3"))
            .args(options)
            .env("RUST_LOG", "info")
            .stdout(Stdio::from(log.try_clone().unwrap()))
            .stderr(Stdio::from(log))
            .spawn()
            .expect("start the portal binary");
        let base = format!("http://127.0.0.1:{port}");
        let client = reqwest::Client::new();
        for _ in 0..300 {
            if client.get(format!("{base}/healthz")).send().await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Process {
            child,
            base,
            log_path,
            _folder: folder,
        }
    }

    fn log(&self) -> String {
        let mut text = String::new();
        std::fs::File::open(&self.log_path)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    /// Sends SIGTERM, waits (at most a minute) for the process to exit, checks that it
    /// exited cleanly, and returns the log.
    async fn terminate_cleanly(&mut self) -> String {
        let sent = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        for _ in 0..600 {
            if let Some(status) = self.child.try_wait().unwrap() {
                let log = self.log();
                assert!(status.success(), "exit status {status}: {log}");
                let last = log.lines().last().unwrap_or_default();
                assert!(last.contains("stopped"), "the last line: {log}");
                return log;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        self.child.kill().unwrap();
        panic!(
            "the portal did not stop within a minute of SIGTERM: {}",
            self.log()
        );
    }
}

/// Whether a request failed because its connection closed before any answer came.
fn closed_before_an_answer(error: &reqwest::Error) -> bool {
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        if cause
            .downcast_ref::<hyper::Error>()
            .is_some_and(hyper::Error::is_incomplete_message)
        {
            return true;
        }
        source = cause.source();
    }
    false
}

/// Starts the portal binary with `options`, lets `visit` make requests, stops it and returns
/// the log.
async fn log_of(options: &[&str], visit: impl AsyncFnOnce(&str)) -> String {
    let mut process = Process::start(options).await;
    visit(&process.base).await;
    process.child.kill().unwrap();
    process.child.wait().unwrap();
    process.log()
}

#[tokio::test]
async fn sigterm_answers_every_request_sent_before_it_and_exits_cleanly() {
    let mut process = Process::start(&[]).await;
    let signalled: Arc<OnceLock<Instant>> = Arc::default();
    let clients: Vec<_> = (0..8)
        .map(|client_number| {
            let base = process.base.clone();
            let signalled = Arc::clone(&signalled);
            tokio::spawn(async move {
                let client = reqwest::Client::new();
                let mut answered = 0;
                for round in 0.. {
                    let sent_at = Instant::now();
                    let path = format!("{}?q=pension&page={}", paths::PRACTICES, round % 3 + 1);
                    let before_the_signal = || signalled.get().is_none_or(|at| sent_at < *at);
                    let response = match client.get(format!("{base}{path}")).send().await {
                        Ok(response) => response,
                        // The server closed a kept-alive connection as the request went out,
                        // before reading it: clients send such a request again (RFC 9112,
                        // 9.3.1), and after the signal a new connection is refused.
                        Err(error) if closed_before_an_answer(&error) || !before_the_signal() => {
                            return answered;
                        }
                        Err(error) => {
                            panic!("client {client_number}: {path}, sent before SIGTERM: {error:?}")
                        }
                    };
                    // Once an answer has begun, it is whole, whenever the signal came.
                    assert_eq!(response.status(), StatusCode::OK, "{path}");
                    let body = response.text().await.expect("a whole answer");
                    let page = scraper::Html::parse_document(&body);
                    let heading = scraper::Selector::parse("h1").unwrap();
                    assert!(page.select(&heading).next().is_some(), "a whole page");
                    answered += 1;
                }
                answered
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_millis(500)).await;
    signalled.set(Instant::now()).unwrap();
    let log = process.terminate_cleanly().await;
    let mut answered = 0;
    for client in clients {
        answered += client
            .await
            .expect("every request sent before SIGTERM answered");
    }
    assert!(answered > 8, "requests were in flight: {answered}");
    assert!(log.contains("graceful shutdown"), "{log}");
}

#[tokio::test]
async fn sigterm_stops_the_outbox_sender_and_the_process_exits() {
    // A server that refuses every connection: the sender tries, fails, and rests; it must
    // wake from its rest and stop, or the process would not exit.
    let smtp_url = format!("smtp://127.0.0.1:{}", free_port());
    let mut process =
        Process::start(&["--smtp-url", &smtp_url, "--mail-from", "portal@example.org"]).await;
    process.terminate_cleanly().await;
}

#[tokio::test]
async fn serve_takes_its_settings_from_a_settings_file() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("portal.toml");
    std::fs::write(
        &file,
        "log_format = \"json\"\nmetrics_token = \"from-the-file\"\n",
    )
    .unwrap();
    let log = log_of(&["--config", file.to_str().unwrap()], async |base: &str| {
        let metrics = reqwest::Client::new()
            .get(format!("{base}{}", paths::METRICS))
            .bearer_auth("from-the-file")
            .send()
            .await
            .unwrap();
        assert_eq!(metrics.status(), StatusCode::OK);
    })
    .await;
    for line in log.lines().filter(|line| !line.trim().is_empty()) {
        serde_json::from_str::<serde_json::Value>(line)
            .unwrap_or_else(|_| panic!("not JSON: {line}"));
    }
}

#[tokio::test]
async fn a_log_file_has_no_colour_codes_and_ordinary_refusals_are_no_errors() {
    let log = log_of(&[], async |base: &str| {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        for path in [
            paths::SUBMISSIONS,
            paths::ADMIN,
            paths::JURY,
            "/no-such-page",
            "/practices/+1",
        ] {
            let response = client.get(format!("{base}{path}")).send().await.unwrap();
            assert!(response.status().is_redirection() || response.status().is_client_error());
        }
        let refused = client
            .delete(format!("{base}/practices"))
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), StatusCode::METHOD_NOT_ALLOWED);
    })
    .await;
    assert!(log.contains("INFO"), "the log is written: {log}");
    assert!(!log.contains('\u{1b}'), "colour codes in a log file: {log}");
    assert!(!log.contains("ERROR"), "{log}");
    assert!(!log.contains("WARN"), "{log}");
}

#[tokio::test]
async fn a_json_log_has_one_object_a_line_with_the_request_and_no_secret_of_its_path() {
    let token = "a-reset-token-nobody-may-read";
    let log = log_of(&["--log-format", "json"], async |base: &str| {
        let client = reqwest::Client::new();
        for path in [
            "/practices?q=pension".to_owned(),
            paths::password_reset_form(token),
        ] {
            let response = client.get(format!("{base}{path}")).send().await.unwrap();
            assert!(!response.status().is_server_error(), "{path}");
        }
    })
    .await;
    let lines: Vec<serde_json::Value> = log
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).unwrap_or_else(|_| panic!("not JSON: {line}")))
        .collect();
    let answered = |route: &str| {
        lines
            .iter()
            .find(|line| line["message"] == "answered" && line["span"]["route"] == route)
            .unwrap_or_else(|| panic!("no line for {route}: {log}"))
    };
    let search = answered(paths::PRACTICES);
    assert_eq!(search["status"], 200);
    assert_eq!(search["span"]["method"], "GET");
    assert!(search["ms"].as_f64().is_some());
    let request_id = search["span"]["request_id"].as_str().unwrap();
    assert_eq!(request_id.len(), 36, "a UUID: {request_id}");
    answered(paths::PASSWORD_RESET_FORM);
    assert!(
        !log.contains(token),
        "the reset token reached the log: {log}"
    );
    assert!(
        !log.contains("pension"),
        "a query string reached the log: {log}"
    );
}

#[tokio::test]
async fn text_stored_with_forbidden_characters_reaches_no_page_raw() {
    let app = TestApp::spawn().await;
    // Written behind the portal's back, as data from before the edge was cleaned would be.
    let practice =
        app.id_of::<PracticeId>("SELECT MIN(id) FROM practices WHERE status = 'published'");
    // PostgreSQL's text cannot hold NUL at all; SQLite's can.
    let nul = match app.database {
        Database::File(_) => "char(0) || ",
        Database::Server(_) => "",
    };
    app.execute(&format!(
        "UPDATE practices SET title = 'Pen' || {nul}'sion\u{1b}\u{fffe}' WHERE id = {practice}"
    ));
    app.execute(
        "UPDATE organisations SET name = name || '\u{1}\u{b}' WHERE id = \
         (SELECT organisation_id FROM practices WHERE status = 'published' ORDER BY id LIMIT 1)",
    );
    for path in [
        paths::practice(practice),
        "/practices?sort=title".to_owned(),
        paths::PRACTICES_ATOM.to_owned(),
    ] {
        let body = app.get(&path).await.text().await.unwrap();
        let forbidden: Vec<char> = body
            .chars()
            .filter(|&c| !portal::text::is_allowed(c))
            .collect();
        assert!(forbidden.is_empty(), "{path}: {forbidden:?}");
    }
    let page = app.page(&paths::practice(practice)).await;
    assert!(page.html().contains("Pension"));
}

#[test]
fn create_admin_help_describes_every_option() {
    let output = Command::new(env!("CARGO_BIN_EXE_portal"))
        .args(["create-admin", "--help"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for option in ["--email", "--password", "--name", "--database"] {
        let line = help
            .lines()
            .find(|line| line.trim_start().starts_with(option))
            .unwrap_or_else(|| panic!("{option} in {help}"));
        // What follows the option's placeholder says what it is.
        let described = line
            .split_once('>')
            .is_some_and(|(_, description)| description.trim().len() > 10);
        assert!(described, "{option} is not described: {help}");
    }
}
