//! Several portals on one database, as several processes behind a load balancer run it: each
//! with its own pool, caches and background threads, sharing only the database and the data
//! folder. Run on PostgreSQL (`PORTAL_TEST_POSTGRES`) and on an SQLite file alike.

use portal::config::Config;
use portal::demo::workflow::{SECRETARIAT, SUBMITTER};
use portal::paths;
use reqwest::StatusCode;

use crate::common::process::Process;
use crate::common::smtp::{every_message_taken_once, sending_to, SmtpSink};
use crate::common::{
    count, empty_database, field_error, open_database, strings, DroppedAtEnd, TestApp,
};

/// Another portal on `app`'s database and data folder, sending its outbox through `smtp`; its
/// search index is its own (`name`), as each process keeps one (tantivy locks its writer).
fn another_portal(app: &TestApp, smtp: &SmtpSink, name: &str) -> portal::AppState {
    portal::prepare(&Config {
        database: app.database.clone(),
        data: Some(app.data.clone()),
        search_index: Some(app.data.join(name)),
        load_demo: false,
        smtp: Some(sending_to(smtp.url.clone(), None)),
        ..Config::default()
    })
    .expect("a second portal on the same database")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_portals_sending_one_outbox_send_each_message_once() {
    let sink = SmtpSink::start(&[]);
    let app = TestApp::spawn().await;
    app.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120) \
         INSERT INTO outbox (recipient, subject, body) \
         SELECT 'reader' || i || '@example.org', 'Message ' || i, 'The body of message ' || i \
         FROM n",
    );
    let senders = [
        another_portal(&app, &sink, "first-index"),
        another_portal(&app, &sink, "second-index"),
    ];
    every_message_taken_once(&app, &sink).await;
    for sender in senders {
        sender.background.stop();
    }
}

/// A test's database served by two portal binaries that take its requests in turn, sending
/// through the returned sink.
async fn behind_two_processes() -> (SmtpSink, TestApp, [Process; 2]) {
    let sink = SmtpSink::start(&[]);
    let mut app = TestApp::spawn().await;
    let processes = two_processes(&app, &sink);
    app.behind(&processes.each_ref().map(|process| process.base.clone()));
    (sink, app, processes)
}

/// Two portal binaries on the test's database, sharing its data folder (the session key), each
/// with a search index of its own and sending through `smtp`.
fn two_processes(app: &TestApp, smtp: &SmtpSink) -> [Process; 2] {
    let data = app.data.to_string_lossy().into_owned();
    ["first-index", "second-index"].map(|index| {
        let index = format!("{data}/{index}");
        Process::start(
            &app.database,
            &[
                "--no-demo",
                "--data-dir",
                &data,
                "--search-index",
                &index,
                "--smtp-url",
                &smtp.url,
                "--mail-from",
                "Good Practice Portal <portal@example.org>",
            ],
        )
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_whole_competition_runs_on_two_processes_taking_requests_in_turn() {
    let (sink, app, _processes) = behind_two_processes().await;
    crate::cycle::competition_cycle(&app, &sink).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_institution_registered_through_one_process_is_approved_through_the_other() {
    let (sink, app, processes) = behind_two_processes().await;

    // Each request goes to the other process: the session, its CSRF token and the flash
    // message made by one are read by the other.
    let person = app.browser();
    let registered = person
        .register("Ana Souza", "ana@inss.example", "a long enough password")
        .await;
    assert_eq!(registered.status(), StatusCode::SEE_OTHER);
    let asked = person.ask_to_act_for("Caja Previsional del Sur").await;
    assert_eq!(asked.status(), StatusCode::SEE_OTHER);
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    secretariat
        .approve_membership("Caja Previsional del Sur")
        .await;
    // Both processes now let her enter.
    for _ in &processes {
        assert_eq!(person.get(paths::NEW_ENTRY).await.status(), StatusCode::OK);
    }
    // The approval is told to her once, whichever process sends.
    every_message_taken_once(&app, &sink).await;
    let (_, told) = app.last_mail_to("ana@inss.example").unwrap();
    assert!(told.contains("You can now act for"), "{told}");

    // Five failures, spread over both, lock the address on both.
    let guesser = app.browser();
    for _ in 0..5 {
        let refused = guesser
            .post_form(
                paths::SIGN_IN,
                paths::SIGN_IN,
                &[("email", SUBMITTER.0), ("password", "a wrong guess")],
            )
            .await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    for _ in &processes {
        let locked = guesser
            .post_form(
                paths::SIGN_IN,
                paths::SIGN_IN,
                &[("email", SUBMITTER.0), ("password", SUBMITTER.1)],
            )
            .await;
        assert_eq!(locked.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let page = scraper::Html::parse_document(&locked.text().await.unwrap());
        assert!(field_error(&page, "email")
            .unwrap_or_default()
            .starts_with("Too many failed sign-in attempts"),);
    }
}

#[test]
fn processes_started_at_once_on_a_new_database_set_it_up_once() {
    let dir = tempfile::tempdir().unwrap();
    let database = DroppedAtEnd(empty_database(dir.path()));
    let data = dir.path().to_string_lossy().into_owned();
    let mut processes = ["first-index", "second-index", "third-index"].map(|index| {
        let index = format!("{data}/{index}");
        Process::launch(
            &database.0,
            &["--data-dir", &data, "--search-index", &index],
        )
    });
    // Each would have migrated and loaded the demo data; one did, the others waited.
    for process in &mut processes {
        process.wait_until_healthy();
    }
    let conn = &mut open_database(&database.0);
    assert_eq!(
        count(
            conn,
            "SELECT COUNT(*) FROM practices WHERE status = 'published'"
        ),
        portal::demo::DEMO_PRACTICES as i64
    );
}

#[tokio::test]
async fn a_second_process_on_the_same_search_index_is_refused_with_the_way_out() {
    let app = TestApp::spawn().await;
    let index = app.data.join("search-index");
    let refused = std::process::Command::new(env!("CARGO_BIN_EXE_portal"))
        .args(["serve", "--no-demo", "--bind", "127.0.0.1:0", "--database"])
        .arg(app.database.url())
        .arg("--data-dir")
        .arg(&app.data)
        .arg("--search-index")
        .arg(&index)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.starts_with(&format!(
            "error: {} is the search index of another portal process; give each process its own",
            index.display()
        )),
        "{said}"
    );
}

/// A rule read before a write holds when requests race through several processes: of eight
/// requests to act for an institution sent at once, three are kept.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_limit_holds_when_requests_race_through_two_processes() {
    let (_sink, app, _processes) = behind_two_processes().await;
    let applicant = app.browser();
    let registered = applicant
        .register("Many Hats", "hats@example.org", "a long passphrase of hats")
        .await;
    assert_eq!(registered.status(), StatusCode::SEE_OTHER);
    let token = applicant.csrf_token(paths::ACCOUNT).await;
    let institutions: Vec<String> = strings(
        &mut app.db(),
        "SELECT CAST(id AS TEXT) AS value FROM organisations WHERE approved ORDER BY id LIMIT 8",
    )
    .into_iter()
    .flatten()
    .collect();
    let answers = futures_util::future::join_all(institutions.iter().map(|institution| async {
        applicant
            .post_raw(
                paths::ACCOUNT_MEMBERSHIPS,
                &[("csrf_token", &token), ("organisation", institution)],
            )
            .await
    }))
    .await;
    let kept = answers
        .iter()
        .filter(|answer| answer.status() == StatusCode::SEE_OTHER)
        .count();
    assert_eq!(
        kept,
        3,
        "{:?}",
        answers.iter().map(|a| a.status()).collect::<Vec<_>>()
    );
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM memberships JOIN users ON users.id = memberships.user_id \
             WHERE users.email = 'hats@example.org' AND status = 'requested'"
        ),
        3
    );
}
