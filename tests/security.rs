//! Attacks through the HTTP stack: borrowed CSRF tokens, planted session cookies, the headers
//! and cookie flags of every kind of answer, hostile uploads, and HTML or script typed into
//! every text field a person can fill in.

use crate::common::builders;
use crate::common::entries::{americas, complete_entry, new_entry, refs, with, PDF, TEXT_FIELDS};
use crate::common::forms::{form, pairs, replaced};
use crate::common::jury::{
    appoint, assign, criteria, eligible_entry, open_review, post_review, register_juror,
    review_fields, user_id,
};
use crate::common::pages::{every_page, Seen};
use crate::common::{field_error, selector, urlencode, Browser, TestApp};
use portal::competitions::Phase;
use portal::demo::workflow::{JUROR, SECOND_SUBMITTER, SECRETARIAT, SUBMITTER};
use portal::ids::{CompetitionId, DocumentId, EntryId, MembershipId, OrganisationId, PracticeId};
use portal::paths;
use reqwest::header::{HeaderMap, COOKIE, SET_COOKIE};
use reqwest::StatusCode;
use scraper::Html;

const SESSION_COOKIE: &str = "portal_session";

/// The value of the session cookie an answer sets, if it sets one.
fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find_map(|cookie| cookie.strip_prefix(&format!("{SESSION_COOKIE}=")))
        .map(|rest| rest.split(';').next().unwrap_or_default().to_owned())
}

/// A request carrying exactly this session cookie, as an attacker who copied it would send.
async fn with_cookie(app: &TestApp, path: &str, cookie: &str) -> reqwest::Response {
    app.client
        .get(format!("{}{path}", app.base))
        .header(COOKIE, format!("{SESSION_COOKIE}={cookie}"))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_csrf_token_of_another_session_is_refused() {
    let app = TestApp::spawn().await;
    let victim = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let path = format!(
        "/submissions/{}",
        new_entry(&app, &victim, &complete_entry("Guarded"), "save").await
    );
    let own_token = victim.csrf_token(&path).await;
    // The tokens an attacker can hold: of their own account, of the victim's account in
    // another session, and of a session without an account.
    let attackers = [
        app.signed_in(SECOND_SUBMITTER.0, SECOND_SUBMITTER.1).await,
        app.signed_in(SUBMITTER.0, SUBMITTER.1).await,
        app.browser(),
    ];
    for attacker in &attackers {
        let token = attacker.csrf_token(paths::SIGN_IN).await;
        assert_ne!(token, own_token);
        let forged_entry = with(
            &complete_entry("Forged"),
            &[("csrf_token", &token), ("action", "save")],
        );
        let forged = victim
            .post_multipart_raw(&path, &refs(&forged_entry), None)
            .await;
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
        let forged_password = victim
            .post_raw(
                paths::ACCOUNT_PASSWORD,
                &[
                    ("csrf_token", &token),
                    ("current_password", SUBMITTER.1),
                    ("password", "chosen by the attacker"),
                    ("confirmation", "chosen by the attacker"),
                ],
            )
            .await;
        assert_eq!(forged_password.status(), StatusCode::FORBIDDEN);
        let forged_logout = victim
            .post_raw(paths::SIGN_OUT, &[("csrf_token", &token)])
            .await;
        assert_eq!(forged_logout.status(), StatusCode::FORBIDDEN);
    }
    assert_eq!(
        app.count("SELECT COUNT(*) FROM entries WHERE title IN ('Forged', 'Guarded')"),
        1
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM entries WHERE title = 'Guarded'"),
        1
    );
    // Still signed in with the same password; and the victim's own token does what the
    // borrowed ones could not, so the refusals above were the token's doing.
    victim.page(paths::SUBMISSIONS).await;
    let own = with(
        &complete_entry("Changed by its owner"),
        &[("csrf_token", &own_token), ("action", "save")],
    );
    assert_eq!(
        victim
            .post_multipart_raw(&path, &refs(&own), None)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
}

#[tokio::test]
async fn a_session_cookie_planted_before_sign_in_is_worth_nothing_after_it() {
    let app = TestApp::spawn().await;
    // The attacker opens the sign-in page and gets a session of their own...
    let attacker = app.browser();
    let opened = attacker.get(paths::SIGN_IN).await;
    let planted = session_cookie(opened.headers()).expect("the sign-in page starts a session");
    let token = attacker.csrf_token(paths::SIGN_IN).await;
    // ...which the victim's browser is made to carry when the victim signs in.
    let signed_in = app
        .client
        .post(format!("{}/login", app.base))
        .header(COOKIE, format!("{SESSION_COOKIE}={planted}"))
        .form(&[
            ("csrf_token", token.as_str()),
            ("email", SUBMITTER.0),
            ("password", SUBMITTER.1),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
    let renewed = session_cookie(signed_in.headers()).expect("sign-in sets a new cookie");
    assert_ne!(renewed, planted);

    assert_eq!(
        attacker.get(paths::SUBMISSIONS).await.status(),
        StatusCode::SEE_OTHER,
        "the planted session is not signed in"
    );
    let replayed = with_cookie(&app, paths::SUBMISSIONS, &planted).await;
    assert_eq!(replayed.status(), StatusCode::SEE_OTHER);
    assert!(crate::common::location(&replayed).starts_with(paths::SIGN_IN));
    // The victim's own cookie is what signs in: the replay above was a fair try.
    assert_eq!(
        with_cookie(&app, paths::SUBMISSIONS, &renewed)
            .await
            .status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_copied_session_cookie_is_worth_nothing_after_sign_out() {
    let app = TestApp::spawn().await;
    let person = app.browser();
    let token = person.csrf_token(paths::SIGN_IN).await;
    let signed_in = person
        .post_raw(
            paths::SIGN_IN,
            &[
                ("csrf_token", token.as_str()),
                ("email", SUBMITTER.0),
                ("password", SUBMITTER.1),
            ],
        )
        .await;
    let copied = session_cookie(signed_in.headers()).expect("sign-in sets the session cookie");
    assert_eq!(
        with_cookie(&app, paths::SUBMISSIONS, &copied)
            .await
            .status(),
        StatusCode::OK,
        "the copy works while the person is signed in"
    );
    let token = person.csrf_token(paths::ACCOUNT).await;
    let signed_out = person
        .post_raw(paths::SIGN_OUT, &[("csrf_token", token.as_str())])
        .await;
    assert_eq!(signed_out.status(), StatusCode::SEE_OTHER);
    let replayed = with_cookie(&app, paths::SUBMISSIONS, &copied).await;
    assert_eq!(replayed.status(), StatusCode::SEE_OTHER);
    assert!(crate::common::location(&replayed).starts_with(paths::SIGN_IN));
    // Signing in again works as before.
    app.signed_in(SUBMITTER.0, SUBMITTER.1)
        .await
        .page(paths::SUBMISSIONS)
        .await;
}

/// Checks the headers every answer must carry; returns what is missing.
fn header_problems(path: &str, headers: &HeaderMap) -> Vec<String> {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let policy = header("content-security-policy");
    let mut problems: Vec<String> = [
        "default-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    .into_iter()
    .filter(|directive| !policy.split(';').any(|part| part.trim() == *directive))
    .map(|directive| format!("{path}: no `{directive}` in the CSP `{policy}`"))
    .collect();
    for (name, expected) in [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "strict-origin-when-cross-origin"),
    ] {
        if header(name) != expected {
            problems.push(format!("{path}: {name} is `{}`", header(name)));
        }
    }
    problems
}

#[tokio::test]
async fn every_kind_of_answer_carries_the_security_headers() {
    let app = TestApp::spawn().await;
    let submitter = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let entry =
        crate::common::entries::draft_with_document(&mut app.db(), &submitter, "With headers")
            .await;
    let document = app.id_of::<DocumentId>(&format!(
        "SELECT id FROM documents WHERE entry_id = {entry}"
    ));
    let practice =
        app.id_of::<PracticeId>("SELECT MIN(id) FROM practices WHERE status = 'published'");
    let anonymous = [
        paths::HOME,
        // Twice: the second answer comes from the page cache.
        paths::HOME,
        "/practices?topic=ict",
        "/practices?topic=ict",
        &paths::practice(practice),
        paths::SIGN_IN,
        "/no-such-page",
        "/practices/not-a-number",
        paths::SUBMISSIONS,
        "/static/style.css",
        paths::PRACTICES_CSV,
        paths::PRACTICES_JSON,
        paths::PRACTICES_ATOM,
        paths::API_PRACTICES,
        "/api/v1/practices/0",
        paths::SITEMAP,
        paths::ROBOTS,
        paths::HEALTH,
    ]
    .map(str::to_owned);
    let mut problems = Vec::new();
    for path in &anonymous {
        let response = app.get(path).await;
        problems.extend(header_problems(path, response.headers()));
    }
    for path in [
        paths::SUBMISSIONS.to_owned(),
        paths::entry(entry),
        paths::entry_document(entry, document),
        paths::ADMIN.to_owned(),
    ] {
        let response = submitter.get(&path).await;
        problems.extend(header_problems(&path, response.headers()));
    }
    let refused = submitter.post_raw(paths::SIGN_OUT, &[]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    problems.extend(header_problems("POST /logout", refused.headers()));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[tokio::test]
async fn the_session_cookie_is_http_only_same_site_and_secure_when_asked() {
    for secure in [false, true] {
        let app = TestApp::spawn_with(|config| config.secure_cookies = secure).await;
        let response = app.get(paths::SIGN_IN).await;
        let cookie = response
            .headers()
            .get_all(SET_COOKIE)
            .iter()
            .map(|value| value.to_str().unwrap().to_owned())
            .find(|cookie| cookie.starts_with(SESSION_COOKIE))
            .expect("a session cookie");
        let flags: Vec<String> = cookie
            .split(';')
            .skip(1)
            .map(|flag| flag.trim().to_ascii_lowercase())
            .collect();
        for flag in ["httponly", "samesite=lax", "path=/"] {
            assert!(flags.iter().any(|f| f == flag), "{flag} missing: {cookie}");
        }
        assert_eq!(
            flags.iter().any(|f| f == "secure"),
            secure,
            "Secure with secure_cookies = {secure}: {cookie}"
        );
        // The session lives in the cookie; it is encrypted, so nothing in it can be read.
        let value = cookie.split(';').next().unwrap();
        assert!(
            !value.contains("csrf") && !value.contains("signed_in"),
            "{value}"
        );
    }
}

/// Every file under `folder`, as paths relative to it.
fn files_under(folder: &std::path::Path) -> Vec<String> {
    let mut found = Vec::new();
    for item in std::fs::read_dir(folder).unwrap() {
        let path = item.unwrap().path();
        if path.is_dir() {
            found.extend(
                files_under(&path).into_iter().map(|inner| {
                    format!("{}/{inner}", path.file_name().unwrap().to_string_lossy())
                }),
            );
        } else {
            found.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    found
}

/// Posts the entry form of `entry` again with `document` attached, as its submitter.
async fn attach(
    browser: &Browser,
    entry: EntryId,
    document: reqwest::multipart::Part,
) -> reqwest::Response {
    let path = paths::entry(entry);
    let token = browser.csrf_token(&path).await;
    let fields = with(
        &complete_entry("Hostile files"),
        &[("csrf_token", &token), ("action", "save")],
    );
    browser
        .post_multipart_part(&path, &refs(&fields), Some(document))
        .await
}

#[tokio::test]
async fn uploaded_file_names_never_reach_the_file_system_and_come_back_clean() {
    let app = TestApp::spawn().await;
    let submitter = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let entry = new_entry(&app, &submitter, &complete_entry("Hostile files"), "save").await;
    let folder = app.data.clone();
    let before = files_under(&folder);
    // As sent, as kept, and as offered for download (with the extension of what it is).
    let names = [
        ("../../etc/passwd.pdf", "passwd.pdf", "passwd.pdf"),
        ("..\\..\\Windows\\win.ini.pdf", "win.ini.pdf", "win.ini.pdf"),
        ("/etc/cron.d/job.pdf", "job.pdf", "job.pdf"),
        ("..", "document", "document.pdf"),
        ("a\u{fffe}b.pdf", "ab.pdf", "ab.pdf"),
    ];
    for (sent, clean, offered) in names {
        let part = reqwest::multipart::Part::bytes(PDF.to_vec())
            .file_name(sent.to_owned())
            .mime_str("application/pdf")
            .unwrap();
        let response = attach(&submitter, entry, part).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{sent:?}");
        let document = app.id_of::<DocumentId>(&format!(
            "SELECT MAX(id) FROM documents WHERE entry_id = {entry}"
        ));
        assert_eq!(
            app.count(&format!(
                "SELECT COUNT(*) FROM documents WHERE id = {document} AND original_name = '{clean}'"
            )),
            1,
            "{sent:?} is kept as {clean:?}"
        );
        let download = submitter.get(&paths::entry_document(entry, document)).await;
        assert_eq!(download.status(), StatusCode::OK);
        assert_eq!(
            download.headers()["content-disposition"].to_str().unwrap(),
            format!("attachment; filename=\"{offered}\"")
        );
        assert_eq!(download.headers()["content-type"], "application/pdf");
        assert_eq!(download.bytes().await.unwrap(), PDF);
    }
    // A NUL byte cannot be part of a header: the whole form is refused, and nothing kept.
    let part = reqwest::multipart::Part::bytes(PDF.to_vec())
        .file_name("nul\0byte.pdf")
        .mime_str("application/pdf")
        .unwrap();
    assert_eq!(
        attach(&submitter, entry, part).await.status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM documents WHERE entry_id = {entry}"
        )),
        names.len() as i64
    );
    let page = submitter.page(&paths::entry(entry)).await;
    let shown = page.root_element().text().collect::<String>();
    for (_, _, offered) in names {
        assert!(shown.contains(offered), "{offered} is listed");
    }
    // The files are in the database, and nothing appeared anywhere near it.
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM document_contents JOIN documents \
             ON documents.id = document_contents.document_id WHERE entry_id = {entry}"
        )),
        names.len() as i64
    );
    let mut appeared: Vec<String> = files_under(&folder)
        .into_iter()
        .filter(|file| !before.contains(file))
        .filter(|file| !file.starts_with("portal.sqlite3"))
        .collect();
    appeared.sort();
    assert!(appeared.is_empty(), "{appeared:?}");
}

#[tokio::test]
async fn a_script_disguised_as_an_image_is_refused() {
    let app = TestApp::spawn().await;
    let submitter = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let entry = new_entry(&app, &submitter, &complete_entry("Hostile files"), "save").await;
    let svg: &[u8] = b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">\
                       <script>alert(document.cookie)</script></svg>";
    let disguised: [(&str, &str, &[u8]); 5] = [
        (
            "photo.png",
            "image/png",
            b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>",
        ),
        ("logo.png", "image/png", svg),
        ("logo.svg", "image/svg+xml", svg),
        (
            "chart.jpg",
            "image/jpeg",
            b"fetch('/account/password', {method: 'POST'});",
        ),
        (
            "scan.png",
            "image/png",
            b"<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></html>",
        ),
    ];
    for (name, media_type, bytes) in disguised {
        let part = reqwest::multipart::Part::bytes(bytes.to_vec())
            .file_name(name.to_owned())
            .mime_str(media_type)
            .unwrap();
        let refused = attach(&submitter, entry, part).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        let page = Html::parse_document(&refused.text().await.unwrap());
        let message = field_error(&page, "document").unwrap_or_default();
        assert!(
            message.contains("is not a PDF, DOCX, ODT, PNG or JPEG"),
            "{name}: {message}"
        );
    }
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM documents WHERE entry_id = {entry}"
        )),
        0
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM document_contents"), 0);

    // A real PNG with markup after it is an image, and is only ever served as one: as a
    // download, with its own type, never sniffed into a page.
    let mut polyglot = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0".to_vec();
    polyglot.extend_from_slice(b"<html><script>alert(document.cookie)</script></html>");
    let part = reqwest::multipart::Part::bytes(polyglot)
        .file_name("polyglot.html")
        .mime_str("text/html")
        .unwrap();
    assert_eq!(
        attach(&submitter, entry, part).await.status(),
        StatusCode::SEE_OTHER
    );
    let document = app.id_of::<DocumentId>(&format!(
        "SELECT id FROM documents WHERE entry_id = {entry}"
    ));
    let served = submitter.get(&paths::entry_document(entry, document)).await;
    assert_eq!(served.headers()["content-type"], "image/png");
    assert_eq!(served.headers()["x-content-type-options"], "nosniff");
    // Offered under the extension of what it is, so that nothing opens it as a web page.
    assert_eq!(
        served.headers()["content-disposition"].to_str().unwrap(),
        "attachment; filename=\"polyglot.html.png\""
    );

    // A picture named as a PDF is listed and offered as the picture it is.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0".to_vec();
    let part = reqwest::multipart::Part::bytes(png)
        .file_name("picture.pdf")
        .mime_str("application/pdf")
        .unwrap();
    assert_eq!(
        attach(&submitter, entry, part).await.status(),
        StatusCode::SEE_OTHER
    );
    let picture = app.id_of::<DocumentId>(&format!(
        "SELECT MAX(id) FROM documents WHERE entry_id = {entry}"
    ));
    let served = submitter.get(&paths::entry_document(entry, picture)).await;
    assert_eq!(served.headers()["content-type"], "image/png");
    assert_eq!(
        served.headers()["content-disposition"].to_str().unwrap(),
        "attachment; filename=\"picture.pdf.png\""
    );
    let listed = submitter.page(&paths::entry(entry)).await;
    let names = crate::common::text_of(&listed, "a[href*='/documents/']");
    assert!(names.contains(&"picture.pdf.png".to_owned()), "{names:?}");
}

/// What an attacker types into `field`: markup that breaks out of text, attribute values,
/// text areas and titles, and then names the field.
fn hostile(field: &str) -> String {
    format!("\"'></title></textarea><script>alert(1)</script><img src=x onerror=alert(1)>{field}")
}

/// What makes a page run something that nobody wrote into the templates: a script that is
/// not one of the portal's files, an event handler, a `javascript:` link, an embedded object.
fn active_content(html: &Html) -> Vec<String> {
    let mut found = Vec::new();
    for element in html
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        let tag = element.value().name();
        // Structured data is never run: a JSON-LD block that parses whole is data (markup
        // breaking out of it would make elements of its own, found here).
        let data = element.value().attr("type") == Some("application/ld+json")
            && serde_json::from_str::<serde_json::Value>(&element.text().collect::<String>())
                .is_ok();
        if tag == "script" && !data {
            let src = element.value().attr("src").unwrap_or_default();
            if !src.starts_with("/static/") || !element.text().collect::<String>().is_empty() {
                found.push(format!("a script: {}", element.html()));
            }
        }
        if ["iframe", "object", "embed", "base"].contains(&tag) {
            found.push(format!("an element {tag}"));
        }
        for (name, value) in element.value().attrs() {
            if name.starts_with("on") {
                found.push(format!("an event handler: {}", element.html()));
            }
            if value
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("javascript:")
            {
                found.push(format!("a javascript: link in {name}"));
            }
        }
    }
    found
}

/// Whether the page shows `text` as it was typed, as text or as the value of a field.
fn shows(html: &Html, text: &str) -> bool {
    html.root_element()
        .text()
        .collect::<String>()
        .contains(text)
        || html
            .root_element()
            .descendants()
            .filter_map(scraper::ElementRef::wrap)
            .any(|element| {
                element
                    .value()
                    .attrs()
                    .any(|(_, value)| value.contains(text))
            })
}

/// The pages seen so far and what was wrong with them.
#[derive(Default)]
struct Inspection {
    problems: Vec<String>,
}

impl Inspection {
    /// Opens `path` as `browser`: the page must run nothing typed by a person and show the
    /// hostile text of each of `fields` as text.
    async fn page(&mut self, browser: &Browser, path: &str, fields: &[&str]) {
        let response = browser.get(path).await;
        if response.status() != StatusCode::OK {
            self.problems
                .push(format!("{path}: answered {}", response.status()));
            return;
        }
        self.html(path, &response.text().await.unwrap(), fields);
    }

    /// Checks the page `html` of `path` as `page` does.
    fn html(&mut self, path: &str, html: &str, fields: &[&str]) {
        let html = Html::parse_document(html);
        self.problems.extend(
            active_content(&html)
                .into_iter()
                .map(|found| format!("{path}: {found}")),
        );
        for field in fields {
            if !shows(&html, &hostile(field)) {
                self.problems
                    .push(format!("{path}: does not show the {field} as typed"));
            }
        }
    }
}

/// What the public sees of an entry once it is a practice: every text but the endorsement.
const PRACTICE_TEXTS: &[&str] = TEXT_FIELDS.split_at(8).0;

#[tokio::test]
async fn html_typed_into_any_text_field_is_shown_as_text_on_every_page() {
    let app = TestApp::spawn().await;
    let conn = &mut app.db();
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    let anonymous = app.browser();
    let mut seen = Inspection::default();

    // A person registers under a hostile name, asks to join IMSS and registers an institution
    // with a hostile name and country.
    let person = app.browser();
    let password = "a long enough password";
    let registered = person
        .register(&hostile("account name"), "hostile@example.org", password)
        .await;
    assert_eq!(registered.status(), StatusCode::SEE_OTHER);
    let imss = app.id_of::<OrganisationId>(
        "SELECT id FROM organisations WHERE name = 'Instituto Mexicano del Seguro Social'",
    );
    let asked = person
        .post_form(
            paths::ACCOUNT,
            paths::ACCOUNT_MEMBERSHIPS,
            &[("organisation", &imss.to_string())],
        )
        .await;
    assert_eq!(asked.status(), StatusCode::SEE_OTHER);
    let account = person.page(paths::ACCOUNT).await;
    let kind = form(&account, paths::ACCOUNT_ORGANISATIONS).offered("kind")[1].clone();
    let register = |country: String| {
        let (person, kind) = (&person, &kind);
        async move {
            person
                .post_form(
                    paths::ACCOUNT,
                    paths::ACCOUNT_ORGANISATIONS,
                    &[
                        ("organisation_name", &hostile("institution name")),
                        ("country", &country),
                        ("region", "americas"),
                        ("kind", kind),
                    ],
                )
                .await
        }
    };
    // A country is a code from the list: anything else is refused, the name typed kept.
    let refused = register(hostile("country")).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    seen.html(
        "the refused institution",
        &refused.text().await.unwrap(),
        &["institution name"],
    );
    assert_eq!(
        register("CL".to_owned()).await.status(),
        StatusCode::SEE_OTHER
    );
    seen.page(
        &secretariat,
        paths::MEMBERSHIPS,
        &["account name", "institution name"],
    )
    .await;

    // The secretariat refuses the first request with a hostile note and approves the second.
    let person_id = user_id(conn, "hostile@example.org");
    let request = |to_imss: bool| {
        app.id_of::<MembershipId>(&format!(
            "SELECT id FROM memberships WHERE user_id = {person_id} AND organisation_id {} {imss}",
            if to_imss { "=" } else { "<>" }
        ))
    };
    for (id, decision, note) in [
        (request(true), "reject", hostile("membership note")),
        (request(false), "approve", String::new()),
    ] {
        let decided = secretariat
            .post_form(
                paths::MEMBERSHIPS,
                &paths::membership(id),
                &[("decision", decision), ("note", &note)],
            )
            .await;
        assert_eq!(decided.status(), StatusCode::SEE_OTHER);
    }
    seen.page(
        &person,
        paths::ACCOUNT,
        &["account name", "institution name", "membership note"],
    )
    .await;

    // The secretariat gives the Americas competition a hostile title, call and criterion.
    let competition = americas(conn);
    let admin = paths::admin_competition(competition);
    let settings = form(&secretariat.page(&admin).await, &admin).filled();
    let mut settings = replaced(&settings, "title", &[&hostile("competition title")]);
    settings = replaced(&settings, "call_text", &[&hostile("call")]);
    let criterion = settings
        .iter_mut()
        .find(|(name, _)| name == "criterion_name")
        .unwrap();
    criterion.1 = hostile("criterion name");
    let saved = secretariat.post_raw(&admin, &pairs(&settings)).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);

    // The person enters a practice with hostile text in every field, and a second one.
    let typed: Vec<(&'static str, String)> = complete_entry("")
        .into_iter()
        .map(|(name, value)| {
            if TEXT_FIELDS.contains(&name) {
                (name, hostile(name))
            } else {
                (name, value)
            }
        })
        .collect();
    let entry = new_entry(&app, &person, &typed, "submit").await;
    let refused = new_entry(&app, &person, &complete_entry("Refused"), "submit").await;
    let with_institution = |texts: &[&'static str]| {
        let mut all = texts.to_vec();
        all.push("institution name");
        all
    };
    seen.page(&person, paths::SUBMISSIONS, &["title", "institution name"])
        .await;
    seen.page(
        &person,
        &paths::entry(entry),
        &with_institution(&TEXT_FIELDS),
    )
    .await;
    seen.page(&person, paths::NEW_ENTRY, &["competition title"])
        .await;
    seen.page(
        &secretariat,
        paths::SCREENING_QUEUE,
        &["title", "institution name"],
    )
    .await;
    seen.page(
        &secretariat,
        &paths::screening(entry),
        &with_institution(&TEXT_FIELDS),
    )
    .await;

    // Screening: the first is eligible, the second refused with a hostile reason.
    for (id, outcome, note) in [
        (entry, "eligible", String::new()),
        (refused, "ineligible", hostile("refusal reason")),
    ] {
        let path = paths::screening(id);
        let checklist = form(&secretariat.page(&path).await, &path);
        let checks = checklist.offered("checks");
        let mut fields = replaced(
            &checklist.filled(),
            "checks",
            &checks.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        fields = replaced(&fields, "note", &[&note]);
        fields.push(("outcome".into(), outcome.into()));
        let screened = secretariat.post_raw(&path, &pairs(&fields)).await;
        assert_eq!(screened.status(), StatusCode::SEE_OTHER, "{outcome}");
    }
    seen.page(&person, &paths::entry(refused), &["refusal reason"])
        .await;

    // The review: a chair with a hostile name and the demo juror score the entry with
    // hostile comments; the demo juror declares a conflict with another one, for a hostile
    // reason.
    let competition_id = open_review(conn, "americas");
    let chair = register_juror(
        &app.base,
        conn,
        &hostile("juror name"),
        "chair@jury.example",
    )
    .await;
    let demo_juror = user_id(conn, JUROR.0);
    appoint(conn, competition_id, chair.id, true);
    appoint(conn, competition_id, demo_juror, false);
    assign(conn, entry, chair.id);
    assign(conn, entry, demo_juror);
    let declined = eligible_entry(conn, competition_id, "Declined by a juror");
    assign(conn, declined, demo_juror);
    let juror = app.signed_in(JUROR.0, JUROR.1).await;
    let declared = juror
        .post_form(
            &paths::review(declined),
            &paths::conflict(declined),
            &[("reason", &hostile("conflict reason"))],
        )
        .await;
    assert_eq!(declared.status(), StatusCode::SEE_OTHER);
    let criteria = criteria(conn, competition_id);
    for browser in [&chair.browser, &juror] {
        let fields = review_fields(
            &criteria,
            &["8", "7", "9", "6"],
            &hostile("overall comment"),
            "submit",
        );
        let fields = replaced(
            &fields,
            &format!("comment-{}", criteria[0]),
            &[&hostile("review comment")],
        );
        let reviewed = post_review(browser, entry, &fields).await;
        assert_eq!(reviewed.status(), StatusCode::SEE_OTHER);
    }
    seen.page(&juror, paths::JURY, &["title", "competition title"])
        .await;
    let mut review_page = with_institution(PRACTICE_TEXTS);
    review_page.extend([
        "juror name",
        "review comment",
        "overall comment",
        "criterion name",
    ]);
    seen.page(&juror, &paths::review(entry), &review_page).await;
    seen.page(
        &secretariat,
        &format!("{admin}/jury"),
        &["title", "juror name", "conflict reason"],
    )
    .await;

    // Deliberation: the chair's hostile note.
    builders::move_phase(&mut app.db(), americas(&mut app.db()), Phase::Deliberation);
    let ranking = paths::ranking(competition);
    let decided = chair
        .browser
        .post_form(
            &ranking,
            &format!("{ranking}/entries/{entry}"),
            &[
                ("award", "good-practice-award"),
                ("note", &hostile("deliberation note")),
            ],
        )
        .await;
    assert_eq!(decided.status(), StatusCode::SEE_OTHER);
    seen.page(
        &chair.browser,
        &ranking,
        &[
            "title",
            "deliberation note",
            "criterion name",
            "competition title",
        ],
    )
    .await;

    // Published, it is everyone's.
    let published = secretariat
        .post_form(&admin, &format!("{admin}/publish"), &[])
        .await;
    assert_eq!(published.status(), StatusCode::SEE_OTHER);
    let practice = app.id_of::<PracticeId>(&format!(
        "SELECT id FROM practices WHERE entry_id = {entry}"
    ));
    let organisation = app.id_of::<OrganisationId>(&format!(
        "SELECT organisation_id FROM entries WHERE id = {entry}"
    ));
    let practice_page = with_institution(PRACTICE_TEXTS);
    seen.page(&anonymous, &paths::practice(practice), &practice_page)
        .await;
    seen.page(&anonymous, paths::HOME, &["title"]).await;
    seen.page(&anonymous, "/practices?sort=newest", &["title", "summary"])
        .await;
    seen.page(
        &anonymous,
        &format!("{}?organisation={organisation}", paths::PRACTICES),
        &["title", "institution name"],
    )
    .await;
    seen.page(
        &anonymous,
        &paths::organisation(organisation),
        &["title", "institution name"],
    )
    .await;
    seen.page(&anonymous, paths::COMPETITIONS, &["competition title"])
        .await;
    seen.page(
        &anonymous,
        &paths::competition(competition),
        &["competition title", "call", "criterion name", "title"],
    )
    .await;
    seen.page(&anonymous, paths::FRAMEWORK, &[]).await;
    seen.page(&anonymous, paths::STATISTICS, &[]).await;
    seen.page(&anonymous, paths::MAP, &[]).await;
    // What a visitor types into a query comes back as text too.
    seen.page(
        &anonymous,
        &format!("{}?q={}", paths::PRACTICES, urlencode(&hostile("search"))),
        &["search"],
    )
    .await;
    seen.page(
        &anonymous,
        &format!("{}?next={}", paths::SIGN_IN, urlencode(&hostile("next"))),
        &[],
    )
    .await;
    seen.page(&secretariat, paths::USERS, &["account name", "juror name"])
        .await;
    seen.page(
        &secretariat,
        paths::ADMIN_COMPETITIONS,
        &["competition title"],
    )
    .await;
    seen.page(
        &secretariat,
        &admin,
        &["competition title", "call", "criterion name"],
    )
    .await;
    seen.page(
        &secretariat,
        paths::OUTBOX,
        &["title", "refusal reason", "membership note"],
    )
    .await;
    seen.page(&secretariat, paths::AUDIT, &["refusal reason"])
        .await;
    assert!(
        seen.problems.is_empty(),
        "{} problems:\n{}",
        seen.problems.len(),
        seen.problems.join("\n")
    );

    // The feed is XML: the title is one text node, exactly as typed.
    let feed = app.get(paths::PRACTICES_ATOM).await.text().await.unwrap();
    let document = roxmltree::Document::parse(&feed).expect("the feed is well-formed XML");
    assert!(document
        .descendants()
        .filter(|node| node.has_tag_name("title"))
        .any(|title| title.text() == Some(hostile("title").as_str())));
}

/// The name assistive technology reads for a control: its `aria-label`, else the whole text of
/// its label (hidden words included); for a button, its text.
fn accessible_name(page: &Html, control: scraper::ElementRef<'_>) -> String {
    if let Some(label) = control.value().attr("aria-label") {
        return label.to_owned();
    }
    if control.value().name() == "button" {
        return control
            .text()
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
    }
    let id = control.value().attr("id").unwrap_or_default();
    page.select(&selector(&format!("label[for='{id}']")))
        .next()
        .map(|label| {
            label
                .text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn controls_repeated_for_each_row_each_have_a_name_of_their_own() {
    let app = TestApp::spawn().await;
    // The demo's Asia and the Pacific jury deliberates: the ranking shows a decision per entry.
    let asia = builders::competition(&mut app.db(), "asia-pacific", 2026);
    builders::move_phase(&mut app.db(), asia, Phase::Deliberation);
    let deliberating = app.id_of::<CompetitionId>(
        "SELECT id FROM competitions WHERE region = 'asia-pacific' AND cycle_year = 2026",
    );
    let also = [
        paths::ranking(deliberating),
        paths::jury_board(deliberating),
    ];
    let mut repeated = Vec::new();
    let mut rows_seen = 0;
    for Seen { person, path, page } in every_page(&app, &also, "").await {
        let mut names = std::collections::BTreeMap::<String, usize>::new();
        // Controls in rows: a table's cells or a list's items, outside a fieldset that names
        // its own group.
        for control in page.select(&selector(
            "td select, td textarea, td input[type=checkbox], td button, \
             li select, li textarea, li input[type=checkbox], li button",
        )) {
            let grouped = control
                .ancestors()
                .filter_map(scraper::ElementRef::wrap)
                .any(|ancestor| ancestor.value().name() == "fieldset");
            if grouped {
                continue;
            }
            rows_seen += 1;
            *names.entry(accessible_name(&page, control)).or_default() += 1;
        }
        for (name, times) in names {
            if times > 1 {
                repeated.push(format!("{person} {path}: {name:?} ×{times}"));
            }
        }
    }
    assert!(rows_seen > 20, "{rows_seen} controls in rows");
    assert!(repeated.is_empty(), "{repeated:#?}");
}
