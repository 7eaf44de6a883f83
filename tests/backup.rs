//! The `backup` command, run as an operator would while the portal serves the database.

use crate::common::entries::draft_with_document;
use crate::common::{count, open_database, strings, TestApp};
use portal::db::Database;
use portal::demo::workflow::SUBMITTER;

fn run_backup(database: &std::path::Path, to: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_portal"))
        .args(["backup", "--database"])
        .arg(database)
        .arg("--to")
        .arg(to)
        .output()
        .expect("run the portal binary")
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02X}")).collect()
}

#[tokio::test]
async fn a_backup_of_a_serving_portal_holds_its_rows_and_documents_and_is_never_overwritten() {
    let app = TestApp::spawn().await;
    // A PostgreSQL portal is backed up with pg_dump.
    let Some(database) = app.sqlite_file() else {
        return;
    };
    let submitter = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let id = draft_with_document(&mut app.db(), &submitter, "Backed up").await;
    assert_eq!(app.count("SELECT COUNT(*) FROM documents"), 1);

    let out = tempfile::tempdir().unwrap();
    let copy = out.path().join("copy.sqlite3");
    let made = run_backup(database, &copy);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );

    let mut restored = open_database(&Database::File(copy.clone()));
    for table in ["entries", "users", "practices", "documents"] {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        assert_eq!(count(&mut restored, &sql), app.count(&sql), "{table}");
    }
    assert_eq!(
        count(
            &mut restored,
            &format!("SELECT COUNT(*) FROM entries WHERE id = {id} AND title = 'Backed up'")
        ),
        1
    );
    // The document's bytes are in the copy, as uploaded.
    let bytes = |conn: &mut portal::db::DbConnection| {
        strings(
            conn,
            "SELECT hex(content) AS value FROM document_contents JOIN documents \
             ON documents.id = document_contents.document_id",
        )
    };
    assert_eq!(bytes(&mut restored), bytes(&mut app.db()));
    assert_eq!(
        bytes(&mut restored),
        vec![Some(hex(crate::common::entries::PDF))]
    );

    let again = run_backup(database, &copy);
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("already exists"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    // The refused run left the first backup as it was.
    assert_eq!(
        count(
            &mut open_database(&Database::File(copy.clone())),
            "SELECT COUNT(*) FROM entries"
        ),
        app.count("SELECT COUNT(*) FROM entries")
    );
}
