//! `copy-database`: an SQLite portal, serving and holding a document, copied onto PostgreSQL
//! (`PORTAL_TEST_POSTGRES`); the copy then answers as the original did.

use std::net::TcpListener;

use portal::config::Config;
use portal::db::Database;
use portal::demo::workflow::SUBMITTER;
use portal::ids::{DocumentId, EntryId, PracticeId};
use portal::paths;
use reqwest::StatusCode;

use crate::common::entries::{draft_with_document, PDF};
use crate::common::{empty_database, id_of, open_database, Browser, DroppedAtEnd};

/// A portal serving `database` with the files in `data`; its address.
fn serve(database: Database, data: &std::path::Path, load_demo: bool) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let state = portal::prepare(&Config {
        bind: listener.local_addr().unwrap().to_string(),
        database,
        data: Some(data.to_owned()),
        load_demo,
        catalog_staleness: std::time::Duration::ZERO,
        // The same for both, so that absolute links compare equal.
        public_url: "https://practices.example.org".to_owned(),
        ..Config::default()
    })
    .expect("a portal");
    tokio::spawn(portal::serve(listener, state).unwrap());
    base
}

fn copy_database(from: &std::path::Path, to: &Database) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_portal"))
        .args(["copy-database", "--from"])
        .arg(from)
        .arg("--to")
        .arg(to.url())
        .output()
        .unwrap()
}

async fn body(base: &str, path: &str) -> (StatusCode, String) {
    let answer = reqwest::get(format!("{base}{path}")).await.unwrap();
    (answer.status(), answer.text().await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_sqlite_portal_copied_to_postgresql_answers_the_same_and_goes_on_from_there() {
    let folder = tempfile::tempdir().unwrap();
    let target = DroppedAtEnd(empty_database(folder.path()));
    if target.0.file().is_some() {
        // SQLite only: there is no server to copy to.
        return;
    }
    let sqlite = folder.path().join("old").join("portal.sqlite3");
    let original = serve(
        Database::File(sqlite.clone()),
        &folder.path().join("old"),
        true,
    );
    let mut old = open_database(&Database::File(sqlite.clone()));
    let submitter = Browser::new(&original);
    submitter.sign_in(SUBMITTER.0, SUBMITTER.1).await;
    let entry = draft_with_document(&mut old, &submitter, "Moved with its document").await;
    let document: DocumentId = id_of(
        &mut old,
        &format!("SELECT id FROM documents WHERE entry_id = {entry}"),
    );

    // Copied while the original serves.
    let copied = copy_database(&sqlite, &target.0);
    let said = String::from_utf8_lossy(&copied.stdout);
    assert!(
        copied.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&copied.stderr)
    );
    assert!(said.contains("tables copied from"), "{said}");
    let moved = serve(target.0.clone(), &folder.path().join("new"), false);

    let practices: Vec<PracticeId> = (0..3)
        .map(|n| {
            id_of(
                &mut old,
                &format!(
                    "SELECT id FROM practices WHERE status = 'published' \
                     ORDER BY id LIMIT 1 OFFSET {}",
                    n * 40
                ),
            )
        })
        .collect();
    let mut pages = vec![
        paths::PRACTICES.to_owned(),
        format!("{}?page=2", paths::PRACTICES),
        format!("{}?q=pension", paths::PRACTICES),
        paths::API_PRACTICES.to_owned(),
        format!("{}?page=3", paths::API_PRACTICES),
        paths::PRACTICES_CSV.to_owned(),
        paths::SITEMAP.to_owned(),
    ];
    for id in practices {
        pages.push(paths::practice(id));
        pages.push(paths::api_practice(id));
    }
    for page in &pages {
        let (status, before) = body(&original, page).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert_eq!(body(&moved, page).await, (status, before), "{page}");
    }

    // Accounts, passwords and documents came along.
    let moved_submitter = Browser::new(&moved);
    moved_submitter.sign_in(SUBMITTER.0, SUBMITTER.1).await;
    let download = moved_submitter
        .get(&paths::entry_document(entry, document))
        .await;
    assert_eq!(download.status(), StatusCode::OK);
    assert_eq!(download.bytes().await.unwrap(), PDF);

    // New rows get ids after the copied ones.
    let mut new = open_database(&target.0);
    let next = draft_with_document(&mut new, &moved_submitter, "Made after the move").await;
    let last_copied: EntryId = id_of(&mut old, "SELECT MAX(id) FROM entries");
    assert_eq!(next.0, last_copied.0 + 1);

    // A database that holds a portal is never written into.
    let again = copy_database(&sqlite, &target.0);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("already holds a portal"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
}
