//! Certificates of awarded practices: a PDF in the reader's language, Persian shaped and laid
//! right to left, linked from the public practice page; read back with poppler's `pdftotext`.

use diesel::prelude::*;
use diesel::sql_types::Text;
use portal::ids::PracticeId;
use portal::paths;
use reqwest::StatusCode;

use crate::common::{hrefs, TestApp};

/// The text of a PDF as poppler reads it, without the marks it adds around runs of another
/// direction.
pub fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("certificate.pdf");
    std::fs::write(&file, pdf).expect("write the PDF");
    let out = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils; bash .ci/browser-tools installs it)");
    assert!(out.status.success(), "pdftotext failed on the certificate");
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .chars()
        .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

#[derive(QueryableByName)]
struct Named {
    #[diesel(sql_type = Text)]
    title: String,
    #[diesel(sql_type = Text)]
    name: String,
}

/// The certificate at `path`, checked to be a PDF.
pub async fn certificate(app: &TestApp, path: &str) -> Vec<u8> {
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "application/pdf"
    );
    let pdf = response.bytes().await.unwrap().to_vec();
    assert!(pdf.starts_with(b"%PDF-"), "{path} is no PDF");
    pdf
}

#[tokio::test]
async fn an_awarded_practice_has_a_certificate_in_the_reader_s_language() {
    let app = TestApp::spawn().await;
    let awarded = app.id_of::<PracticeId>(
        "SELECT MIN(id) FROM practices WHERE status = 'published' \
         AND award = 'good-practice-award' AND NOT innovation_distinction",
    );
    let named: Named = diesel::sql_query(format!(
        "SELECT p.title, o.name FROM practices p JOIN organisations o \
         ON o.id = p.organisation_id WHERE p.id = {awarded}"
    ))
    .get_result(&mut app.db())
    .unwrap();
    let (title, institution) = (named.title, named.name);
    let page = app.page(&paths::practice(awarded)).await;
    let path = paths::practice_certificate(awarded);
    assert_eq!(hrefs(&page, ".awards a"), std::slice::from_ref(&path));

    let english = pdf_text(&certificate(&app, &path).await);
    let lines: Vec<&str> = english
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        lines[..4],
        [
            "Certificate",
            "Good Practice Award",
            "is presented to",
            institution.as_str()
        ]
    );
    assert!(english.contains(&title[..20]), "{english}");

    // In Persian: the same certificate, its words joined as Persian is written (poppler reads
    // the shaped glyphs back into the letters), the institution's Latin name kept whole.
    let persian = pdf_text(&certificate(&app, &format!("{path}?lang=fa")).await);
    let competition: Named = diesel::sql_query(format!(
        "SELECT c.title, '' AS name FROM competitions c JOIN entries e ON e.competition_id = c.id \
         JOIN practices p ON p.entry_id = e.id WHERE p.id = {awarded}"
    ))
    .get_result(&mut app.db())
    .unwrap();
    for said in ["گواهی‌نامه", "اعطا می‌شود به", competition.title.as_str()]
    {
        assert!(persian.contains(said), "“{said}” in {persian}");
    }
    assert!(persian.contains(&institution), "{persian}");
    assert!(
        persian.chars().any(|c| ('۰'..='۹').contains(&c)),
        "the date in Persian digits: {persian}"
    );
    let french = pdf_text(&certificate(&app, &format!("{path}?lang=fr")).await);
    assert!(french.starts_with("Certificat"), "{french}");

    // A practice without an award has none, and its page offers none.
    let plain = app.id_of::<PracticeId>(
        "SELECT MIN(id) FROM practices WHERE status = 'published' \
         AND award IS NULL AND NOT innovation_distinction",
    );
    assert!(hrefs(&app.page(&paths::practice(plain)).await, ".awards a").is_empty());
    assert_eq!(
        app.get(&paths::practice_certificate(plain)).await.status(),
        StatusCode::NOT_FOUND
    );
}
