//! Every answered write survives a SIGKILL of the real binary in the middle of a stream of
//! submissions.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::entries::{americas, complete_entry, entry_id, post_new_entry};
use crate::common::{count, open_database, Browser};
use diesel::prelude::*;
use diesel::sql_types::Text;
use portal::demo::workflow::{SECOND_SUBMITTER, SUBMITTER};
use reqwest::StatusCode;

/// Enough acknowledged entries that the kill lands in a steady stream of writes, and few
/// enough that no submission yet meets the limit of 10 entries an institution has in a
/// competition (ESDC and IMSS share the stream; the demo data has entered a few already).
const ACKNOWLEDGED_BEFORE_KILL: usize = 8;

/// The portal binary serving `database`; killed when dropped, so a failing test leaves no
/// server behind.
struct Portal {
    child: Child,
    base: String,
}

impl Portal {
    fn start(database: &Path) -> Portal {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let bind = format!("127.0.0.1:{port}");
        let child = Command::new(env!("CARGO_BIN_EXE_portal"))
            .args(["serve", "--bind", &bind, "--database"])
            .arg(database)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .expect("start the portal binary");
        let portal = Portal {
            child,
            base: format!("http://{bind}"),
        };
        portal.wait_until_healthy();
        portal
    }

    /// Plain HTTP over a socket: the test's async client cannot block, and the server needs
    /// a while to load the demo data into a new database.
    fn wait_until_healthy(&self) {
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(120) {
            if self.answers_health_check() {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("the portal at {} did not become healthy", self.base);
    }

    fn answers_health_check(&self) -> bool {
        let Ok(mut stream) = std::net::TcpStream::connect(self.base.trim_start_matches("http://"))
        else {
            return false;
        };
        let mut answer = String::new();
        stream
            .write_all(b"GET /healthz HTTP/1.0\r\n\r\n")
            .and_then(|()| stream.read_to_string(&mut answer))
            .is_ok_and(|_| answer.starts_with("HTTP/1.1 200") || answer.starts_with("HTTP/1.0 200"))
    }

    /// SIGKILL: no shutdown hook, no flush, no checkpoint.
    fn kill(&mut self) {
        self.child.kill().expect("kill the portal");
        self.child.wait().expect("reap the portal");
    }
}

impl Drop for Portal {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Default)]
struct Outcomes {
    acknowledged: Vec<i64>,
    /// Answers other than the redirect of a stored submission, which would make the test
    /// prove nothing.
    unexpected: Vec<StatusCode>,
}

/// Submits complete entries until the portal stops answering (the transport error ends the
/// task with a panic, which is expected here).
async fn submit_until_killed(
    browser: Browser,
    competition: String,
    outcomes: Arc<Mutex<Outcomes>>,
) {
    for n in 0.. {
        let title = format!("Durable entry {n}");
        let response =
            post_new_entry(&browser, &competition, &complete_entry(&title), "submit").await;
        let mut recorded = outcomes.lock().unwrap();
        if response.status() == StatusCode::SEE_OTHER {
            recorded.acknowledged.push(entry_id(&response));
        } else {
            recorded.unexpected.push(response.status());
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_acknowledged_submission_survives_a_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("portal.sqlite3");
    let mut portal = Portal::start(&database);
    let competition = americas(&mut open_database(&database));
    // Several submitters at once, so that requests are in flight when the process dies; each
    // in a session of its own, as people in different offices would be.
    let mut browsers = Vec::new();
    for (email, password) in [SUBMITTER, SUBMITTER, SECOND_SUBMITTER] {
        let browser = Browser::new(&portal.base);
        browser.sign_in(email, password).await;
        browsers.push(browser);
    }
    let outcomes = Arc::new(Mutex::new(Outcomes::default()));
    let submitters: Vec<_> = browsers
        .into_iter()
        .map(|browser| {
            tokio::spawn(submit_until_killed(
                browser,
                competition.clone(),
                outcomes.clone(),
            ))
        })
        .collect();
    let started = Instant::now();
    while outcomes.lock().unwrap().acknowledged.len() < ACKNOWLEDGED_BEFORE_KILL {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "too few submissions acknowledged"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    portal.kill();
    for submitter in submitters {
        assert!(submitter.await.is_err(), "a submitter outlived the portal");
    }
    let outcomes = outcomes.lock().unwrap();
    assert!(
        outcomes.unexpected.is_empty(),
        "answers other than 303: {:?}",
        outcomes.unexpected
    );

    let _restarted = Portal::start(&database);
    let mut conn = open_database(&database);
    #[derive(QueryableByName)]
    struct Check {
        #[diesel(sql_type = Text)]
        integrity_check: String,
    }
    let check: Vec<Check> = diesel::sql_query("PRAGMA integrity_check")
        .load(&mut conn)
        .unwrap();
    assert_eq!(
        check
            .iter()
            .map(|row| row.integrity_check.as_str())
            .collect::<Vec<_>>(),
        ["ok"]
    );
    let missing: Vec<i64> = outcomes
        .acknowledged
        .iter()
        .copied()
        .filter(|id| {
            count(
                &mut conn,
                &format!("SELECT COUNT(*) FROM entries WHERE id = {id} AND status = 'submitted'"),
            ) != 1
        })
        .collect();
    assert!(
        missing.is_empty(),
        "acknowledged entries lost or not submitted after the kill: {missing:?} (of {:?})",
        outcomes.acknowledged
    );
}
