//! Several portals on one database, as several processes behind a load balancer run it: each
//! with its own pool, caches and background threads, sharing only the database and the data
//! folder. Run on PostgreSQL (`PORTAL_TEST_POSTGRES`) and on an SQLite file alike.

use portal::config::Config;

use crate::common::smtp::{every_message_taken_once, sending_to, SmtpSink};
use crate::common::TestApp;

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
