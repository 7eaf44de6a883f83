//! Random and hostile input (proptest) at every query parameter, id in a path and posted
//! form, each by a person of the right role: nothing answers a server error, a tampered token
//! is always refused, what a form accepted is stored exactly as it was sent, what it refused
//! is shown back as typed and leaves the database as it was, and the file passes SQLite's
//! checks at the end. Each property shares one spawned portal among its cases.

use std::future::Future;

use crate::common::builders::{self, EntryBuilder};
use crate::common::entries::{americas, TEXT_FIELDS};
use crate::common::forms::{forms, PageForm};
use crate::common::jury::{
    appoint, assign, criteria, eligible_entry, open_review, post_review, review_fields, user_id,
};
use crate::common::routes::{declared_routes, route_matches};
use crate::common::{
    count, field_value, id_of, strings, urlencode, Browser, TestApp, FILTERED_VIEWS, FILTERS,
};
use portal::competitions::Phase;
use portal::db::DbConnection;
use portal::demo::workflow::{APPLICANT, JUROR, SECRETARIAT, SUBMITTER};
use portal::ids::{CompetitionId, EntryId, PracticeId};
use portal::paths;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use reqwest::header::CONTENT_TYPE;
use reqwest::StatusCode;
use scraper::Html;

/// Cases per property: enough to find what the obvious examples miss, few enough that the
/// module runs in seconds.
const CASES: u32 = 96;

/// A portal and the runtime serving it, kept for all the cases of one property.
struct Harness {
    runtime: tokio::runtime::Runtime,
    app: TestApp,
}

impl Harness {
    fn new() -> Harness {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let app = runtime.block_on(TestApp::spawn());
        Harness { runtime, app }
    }

    fn block_on<T>(&self, work: impl Future<Output = T>) -> T {
        self.runtime.block_on(work)
    }

    /// Runs `case` for `CASES` values of `strategy`, shrinking a failure to its simplest form.
    fn check<S, F, Fut>(&self, strategy: S, case: F)
    where
        S: Strategy,
        S::Value: std::fmt::Debug,
        F: Fn(S::Value) -> Fut,
        Fut: Future<Output = Result<(), TestCaseError>>,
    {
        let mut runner = TestRunner::new(Config {
            cases: CASES,
            failure_persistence: None,
            ..Config::default()
        });
        if let Err(failure) = runner.run(&strategy, |value| self.block_on(case(value))) {
            panic!("{failure}");
        }
    }

    /// `PRAGMA integrity_check` and `foreign_key_check` find nothing wrong with the file.
    /// (PostgreSQL checks every constraint as rows are written and has no such pragma.)
    fn assert_database_sound(&self) {
        let conn = &mut self.app.db();
        if matches!(conn, DbConnection::Postgres(_)) {
            return;
        }
        assert_eq!(
            strings(
                conn,
                "SELECT integrity_check AS value FROM pragma_integrity_check"
            ),
            [Some("ok".to_owned())]
        );
        assert_eq!(
            count(conn, "SELECT COUNT(*) FROM pragma_foreign_key_check"),
            0
        );
    }
}

/// A property about what a form accepts proves little unless some cases are accepted.
fn assert_enough_accepted(accepted: std::sync::atomic::AtomicUsize, what: &str) {
    let accepted = accepted.into_inner();
    assert!(
        accepted >= CASES as usize / 10,
        "only {accepted} of {CASES} {what} were accepted: the property proved little"
    );
}

/// Text no form expects: markup, SQL and FTS5 syntax, escapes, control and bidirectional
/// characters, numbers past every limit.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "' OR '1'='1",
    "\"; DROP TABLE entries; --",
    "\0",
    "\u{202e}fdp.exe",
    "../../../etc/passwd",
    "%00",
    "%",
    "%zz",
    "NEAR(pension health)",
    "\"unbalanced",
    "title:x",
    "a OR b NOT c",
    "*",
    "{{7*7}}",
    "${jndi:ldap://x}",
    "\u{feff}",
    "\r\n",
    " ",
    "-1",
    "0",
    "2147483648",
    "-2147483649",
    "9223372036854775808",
    "1e309",
    "NaN",
    "0x10",
    "١٢٣",
    "🏳️‍🌈",
    "\u{10ffff}",
    "pension\0",
    "pen\u{1}sion",
    "a\u{b}b",
    "\u{1}\u{2}\u{1b}",
    "\u{fffe}",
    "\u{85}",
    "%ED%A0%80",
    "%EF%BF%BE",
    "%01%02%1B",
    "pension%00",
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "+1+1",
    "@SUM(A1)",
];

/// Characters that HTML or XML forbid, and that broke the portal inside words: NUL and other
/// controls, DEL and C1 controls, noncharacters.
const FORBIDDEN: &[char] = &[
    '\0',
    '\u{1}',
    '\u{8}',
    '\u{b}',
    '\u{c}',
    '\u{1b}',
    '\u{7f}',
    '\u{85}',
    '\u{9f}',
    '\u{fdd0}',
    '\u{fffe}',
    '\u{ffff}',
    '\u{1fffe}',
    '\u{10ffff}',
];

/// A word with a forbidden character inside it, or a lone surrogate percent-encoded (which
/// no `String` can hold, so only a raw query string sends it).
fn word_with_forbidden() -> BoxedStrategy<String> {
    prop_oneof![
        3 => ("[a-z]{1,8}", select(FORBIDDEN), "[a-z]{0,8}")
            .prop_map(|(before, bad, after)| format!("{before}{bad}{after}")),
        1 => ("[a-z]{1,8}", select(&["%ED%A0%80", "%ED%BF%BF", "%00", "%1B", "%EF%BF%BF"][..]))
            .prop_map(|(word, bad)| format!("{word}{bad}")),
    ]
    .boxed()
}

fn text() -> BoxedStrategy<String> {
    prop_oneof![
        3 => any::<String>(),
        2 => word_with_forbidden(),
        2 => "[a-z0-9 -]{0,20}",
        3 => select(HOSTILE).prop_map(str::to_owned),
        1 => (0u32..8).prop_map(|n| "long ".repeat(1 << (2 * n))),
        1 => any::<i64>().prop_map(|n| n.to_string()),
    ]
    .boxed()
}

/// The parameters the public lists take besides their filters, and values they know, so
/// that cases also reach past parsing into filtering, paging and sorting.
const QUERY_KEYS: [&str; 4] = ["q", "sort", "page", "next"];
const KNOWN_VALUES: &[&str] = &[
    "europe",
    "americas",
    "ict",
    "health",
    "good-practice-award",
    "2021",
    "disruptive",
    "cross-sectoral",
    "service-delivery",
    "need-driven",
    "public-value",
    "en",
    "relevance",
    "newest",
    "title",
    "weighted",
    "1",
    "2",
    "Canada",
];

/// A query string: pairs encoded as a browser would, or written raw, percent signs and all.
fn query() -> impl Strategy<Value = String> {
    let keys: Vec<&str> = FILTERS.iter().chain(&QUERY_KEYS).copied().collect();
    let key = prop_oneof![3 => select(keys).prop_map(str::to_owned), 1 => text()];
    let value = prop_oneof![1 => select(KNOWN_VALUES).prop_map(str::to_owned), 2 => text()];
    prop::collection::vec((key, value, any::<bool>()), 0..6).prop_map(|pairs| {
        pairs
            .iter()
            .map(|(key, value, raw)| {
                if *raw {
                    format!("{key}={value}")
                } else {
                    format!("{}={}", urlencode(key), urlencode(value))
                }
            })
            .collect::<Vec<_>>()
            .join("&")
    })
}

/// Whether `url` is one a client can send at all: `reqwest` refuses some, such as an
/// invalid host after a raw `@`, or one past the 64 kB an HTTP request line can take.
fn sendable(url: &str) -> bool {
    url.len() < 60_000 && reqwest::Url::parse(url).is_ok()
}

/// Checks an answer: no server error, and a download that is what it says it is.
async fn sound_answer(what: &str, response: reqwest::Response) -> Result<(), TestCaseError> {
    let status = response.status();
    prop_assert!(!status.is_server_error(), "{what}: {status}");
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = response.bytes().await;
    prop_assert!(body.is_ok(), "{what}: the body broke off");
    let body = body.unwrap();
    if content_type.starts_with("text/html") || content_type.starts_with("application/atom+xml") {
        let text = String::from_utf8_lossy(&body);
        let forbidden: Vec<char> = text
            .chars()
            .filter(|&c| !portal::text::is_allowed(c))
            .collect();
        prop_assert!(
            forbidden.is_empty(),
            "{what}: characters HTML and XML forbid reached the page: {forbidden:?}"
        );
    }
    if status == StatusCode::OK && content_type.starts_with("application/json") {
        prop_assert!(
            serde_json::from_slice::<serde_json::Value>(&body).is_ok(),
            "{what}: not JSON"
        );
    }
    if status == StatusCode::OK && content_type.starts_with("application/atom+xml") {
        let text = String::from_utf8(body.to_vec());
        prop_assert!(text.is_ok(), "{what}: not UTF-8");
        prop_assert!(
            roxmltree::Document::parse(&text.unwrap()).is_ok(),
            "{what}: not XML"
        );
    }
    Ok(())
}

#[test]
fn no_query_makes_a_list_export_or_page_fail() {
    let harness = Harness::new();
    let app = &harness.app;
    let (secretariat, competition) = harness.block_on(async {
        (
            app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await,
            americas(&mut app.db()),
        )
    });
    let public: Vec<&str> = [paths::HOME, paths::COMPETITIONS, paths::SIGN_IN]
        .into_iter()
        .chain(FILTERED_VIEWS)
        .collect();
    let ranking = paths::ranking(competition);
    let signed_in = [
        paths::SCREENING_QUEUE,
        paths::AUDIT,
        paths::OUTBOX,
        paths::USERS,
        paths::MEMBERSHIPS,
        ranking.as_str(),
    ];
    harness.check(query(), |query| {
        let (app, secretariat, public) = (&app, &secretariat, &public);
        async move {
            for path in public {
                let url = format!("{}{path}?{query}", app.base);
                if sendable(&url) {
                    let response = app.client.get(&url).send().await.unwrap();
                    sound_answer(&url, response).await?;
                }
            }
            for path in signed_in {
                let url = format!("{}{path}?{query}", app.base);
                if sendable(&url) {
                    let response = secretariat.client.get(&url).send().await.unwrap();
                    sound_answer(&url, response).await?;
                }
            }
            Ok(())
        }
    });
    harness.assert_database_sound();
}

/// An id in a path: numbers past every integer type, signs, decimals, words, escapes.
fn id() -> impl Strategy<Value = (String, bool)> {
    let value = prop_oneof![
        2 => any::<i64>().prop_map(|n| n.to_string()),
        2 => select(&[
            "0", "-1", "2147483647", "2147483648", "99999999999999999999999", "1.5", "1e3",
            " 1", "1 ", "+1", "0x1f", "abc", "", "%00", "..", "%2e%2e%2f", "١", "1;DROP",
        ][..])
        .prop_map(str::to_owned),
        1 => text(),
    ];
    (value, any::<bool>())
}

/// The GETs and POSTs with ids in their paths, as `{}` in a template, and who asks.
const ID_PATHS: &[(&str, &str)] = &[
    ("GET", "/practices/{}"),
    ("GET", "/practices/{}/certificate.pdf"),
    ("GET", "/practices/{}/cite.bib"),
    ("GET", "/practices/{}/cite.ris"),
    ("GET", "/api/v1/practices/{}"),
    ("GET", "/organisations/{}"),
    ("GET", "/competitions/{}"),
    ("GET", "/sitemaps/practices-{}.xml"),
    ("GET", "/static/{}"),
    ("GET", "/password-reset/{}"),
    ("GET", "/submissions/{}"),
    ("GET", "/submissions/{}/documents/1"),
    ("GET", "/submissions/1/documents/{}"),
    ("GET", "/admin/screening/{}"),
    ("GET", "/admin/competitions/{}"),
    ("GET", "/admin/competitions/{}/jury"),
    ("GET", "/ranking/{}"),
    ("GET", "/ranking/{}/ranking.csv"),
    ("GET", "/ranking/{}/entries/{}/discussion"),
    ("POST", "/ranking/{}/entries/{}/discussion"),
    ("POST", "/submissions/{}/withdraw"),
    ("POST", "/admin/memberships/{}"),
    ("POST", "/admin/users/{}/role"),
    ("POST", "/admin/screening/{}"),
    ("POST", "/admin/competitions/{}/phase"),
    ("POST", "/admin/competitions/{}/jurors/{}/dismiss"),
    ("POST", "/ranking/{}/entries/{}"),
    ("POST", "/password-reset/{}"),
];

/// The same for the pages of jurors, asked by a juror.
const JUROR_ID_PATHS: &[(&str, &str)] = &[
    ("GET", "/jury/entries/{}"),
    ("POST", "/jury/entries/{}"),
    ("POST", "/jury/entries/{}/conflict"),
    ("POST", "/jury/entries/{}/comments"),
    ("GET", "/jury/competitions/{}/preferences"),
    ("POST", "/jury/competitions/{}/preferences"),
];

#[test]
fn no_id_in_a_path_makes_a_page_fail() {
    let harness = Harness::new();
    let app = &harness.app;
    let (secretariat, juror) = harness.block_on(async {
        (
            app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await,
            app.signed_in(JUROR.0, JUROR.1).await,
        )
    });
    let tokens = harness.block_on(async {
        (
            secretariat.csrf_token(paths::ADMIN).await,
            juror.csrf_token(paths::JURY).await,
        )
    });
    harness.check(id(), |(id, raw)| {
        let (secretariat, juror, tokens) = (&secretariat, &juror, &tokens);
        async move {
            let segment = if raw { id.clone() } else { urlencode(&id) };
            for (browser, token, paths) in [
                (secretariat, &tokens.0, ID_PATHS),
                (juror, &tokens.1, JUROR_ID_PATHS),
            ] {
                for (method, template) in paths {
                    let url = format!("{}{}", browser.base, template.replace("{}", &segment));
                    if !sendable(&url) {
                        continue;
                    }
                    let request = if *method == "GET" {
                        browser.client.get(&url)
                    } else {
                        browser
                            .client
                            .post(&url)
                            .form(&[("csrf_token", token.as_str())])
                    };
                    let response = request.send().await.unwrap();
                    sound_answer(&format!("{method} {url}"), response).await?;
                }
            }
            Ok(())
        }
    });
    harness.assert_database_sound();
}

/// The people whose forms are posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Persona {
    Anonymous,
    Submitter,
    Juror,
    Secretariat,
}

/// What is sent for one control of a form.
#[derive(Debug, Clone)]
enum Fill {
    /// What the page put there.
    AsPage,
    Omitted,
    /// One of the values the control offers.
    Offered(Index),
    Typed(String),
    /// The name sent several times.
    Repeated(Vec<String>),
}

fn fill() -> impl Strategy<Value = Fill> {
    prop_oneof![
        3 => Just(Fill::AsPage),
        1 => Just(Fill::Omitted),
        3 => any::<Index>().prop_map(Fill::Offered),
        3 => text().prop_map(Fill::Typed),
        1 => prop::collection::vec(text(), 2..4).prop_map(Fill::Repeated),
    ]
}

/// A posted form, from the forms found on the pages.
#[derive(Debug, Clone)]
struct Posting {
    form: Index,
    fills: Vec<Fill>,
    /// Fields no page has.
    extra: Vec<(String, String)>,
    /// Bytes a browser never sends: invalid UTF-8 and percent-encoding.
    garbage: Option<Vec<u8>>,
    /// A file in the form, whatever the page offers.
    file: Option<(String, Vec<u8>)>,
    tamper_token: bool,
}

fn posting() -> impl Strategy<Value = Posting> {
    let garbage = prop_oneof![
        Just(b"%".to_vec()),
        Just(b"%zz=%ff%fe".to_vec()),
        Just(b"\xff\xfe=\xc3\x28".to_vec()),
        Just(b"a=%c3%28&&&==".to_vec()),
        prop::collection::vec(any::<u8>(), 0..64),
    ];
    (
        any::<Index>(),
        prop::collection::vec(fill(), 48),
        prop::collection::vec((text(), text()), 0..3),
        prop::option::weighted(0.2, garbage),
        prop::option::weighted(0.2, (text(), prop::collection::vec(any::<u8>(), 0..2048))),
        prop::bool::weighted(0.1),
    )
        .prop_map(
            |(form, fills, extra, garbage, file, tamper_token)| Posting {
                form,
                fills,
                extra,
                garbage,
                file,
                tamper_token,
            },
        )
}

impl Posting {
    /// The fields sent for `form`: each control filled as this posting says, the token as
    /// the page gave it unless tampered with.
    fn fields(&self, form: &PageForm) -> Vec<(String, String)> {
        let mut fields = Vec::new();
        for (control, fill) in form.controls.iter().zip(self.fills.iter().cycle()) {
            let name = control.name.clone();
            if name == "csrf_token" {
                let token = control.sent.clone().unwrap_or_default();
                let token = if self.tamper_token {
                    token.chars().rev().collect()
                } else {
                    token
                };
                fields.push((name, token));
                continue;
            }
            match fill {
                Fill::AsPage => fields.extend(control.sent.clone().map(|value| (name, value))),
                Fill::Omitted => {}
                Fill::Offered(index) if !control.offered.is_empty() => {
                    fields.push((name, index.get(&control.offered).clone()))
                }
                Fill::Offered(_) => fields.extend(control.sent.clone().map(|value| (name, value))),
                Fill::Typed(value) => fields.push((name, value.clone())),
                Fill::Repeated(values) => {
                    fields.extend(values.iter().map(|value| (name.clone(), value.clone())))
                }
            }
        }
        fields.extend(self.extra.iter().cloned());
        fields
    }
}

/// The people, signed in, and the forms their pages show, found once.
struct Stage {
    browsers: Vec<(Persona, Browser)>,
    forms: Vec<(Persona, PageForm)>,
    /// Statements that give the people back what a case may have taken: their roles and the
    /// demo juror's place on the juries.
    restore: Vec<String>,
}

/// Sets the demo competitions up so that every form of the portal is on some page: the
/// Americas open for entries, Europe in review with an entry for the demo juror, Asia and
/// the Pacific in deliberation with one review submitted (its phase and settings forms are
/// the ones posted at random, so that the others stay where they are), Africa open.
async fn stage(app: &TestApp) -> Stage {
    let conn = &mut app.db();
    let juror = app.signed_in(JUROR.0, JUROR.1).await;
    let juror_id = user_id(conn, JUROR.0);
    let europe = open_review(conn, "europe");
    let reviewed = eligible_entry(conn, europe, "Reviewed at random");
    appoint(conn, europe, juror_id, false);
    assign(conn, reviewed, juror_id);
    let asia = open_review(conn, "asia-pacific");
    let decided = eligible_entry(conn, asia, "Decided at random");
    appoint(conn, asia, juror_id, true);
    assign(conn, decided, juror_id);
    let scored = post_review(
        &juror,
        decided,
        &review_fields(&criteria(conn, asia), &["5", "6", "7", "8"], "", "submit"),
    )
    .await;
    assert_eq!(scored.status(), StatusCode::SEE_OTHER);
    builders::move_phase(&mut app.db(), asia, Phase::Deliberation);
    let africa =
        id_of::<CompetitionId>(conn, "SELECT id FROM competitions WHERE region = 'africa'");
    // In screening with an eligible entry, so that the demo juror's preferences are asked;
    // other jurors than the demo's are left to appoint on its board.
    let screening = africa;
    eligible_entry(conn, screening, "Preferred at random");
    appoint(conn, screening, juror_id, false);
    builders::move_phase(conn, screening, Phase::Screening);
    // Published, its feedback not released yet, so the form to release it is offered.
    let published = builders::competition(conn, "asia-pacific", 2026);
    builders::move_phase(conn, published, Phase::Published);
    let anonymous = app.browser();
    let requested = anonymous
        .post_form(
            paths::PASSWORD_RESET,
            paths::PASSWORD_RESET,
            &[("email", APPLICANT.0)],
        )
        .await;
    assert_eq!(requested.status(), StatusCode::OK);
    // An alert asked for, so that its two links' pages offer their buttons.
    let asked = anonymous
        .post_form(
            "/alerts/new?region=europe",
            paths::ALERTS,
            &[
                ("email", "hostile@example.org"),
                ("search", "region=europe"),
            ],
        )
        .await;
    assert_eq!(asked.status(), StatusCode::OK);
    let alert_token = crate::common::strings(conn, "SELECT token AS value FROM alerts")
        .remove(0)
        .unwrap();
    // A practice with a version, so that its page offers to change and remove it.
    let translated = id_of::<PracticeId>(
        conn,
        "SELECT MIN(id) FROM practices WHERE status = 'published'",
    );
    let version = format!(
        "INSERT INTO practice_translations (practice_id, language, title, summary, challenge, \
         solution, results, innovation, sustainability, replicability) VALUES \
         ({translated}, 'ja', '題', '要約', '', '', '', '', '', '') ON CONFLICT DO NOTHING"
    );
    crate::common::execute(conn, &version);
    let draft = EntryBuilder::of_esdc(conn).titled("A draft").insert(conn);
    let submitted = EntryBuilder::of_esdc(conn)
        .titled("Sent")
        .submitted()
        .insert(conn);
    let screened = EntryBuilder::of_esdc(conn)
        .titled("In screening")
        .screening()
        .insert(conn);
    // A version of a submitted entry, so that its page offers to change and remove it.
    let entry_version = format!(
        "INSERT INTO entry_translations (entry_id, language, title, summary, challenge, \
         solution, results, innovation, sustainability, replicability) VALUES \
         ({submitted}, 'de', 'Titel', 'Zusammenfassung', '', '', '', '', '', '') \
         ON CONFLICT DO NOTHING"
    );
    crate::common::execute(conn, &entry_version);
    // A message the sender gave up on, so that the outbox offers to send it again.
    crate::common::execute(
        conn,
        "INSERT INTO outbox (recipient, subject, body, attempts, last_error) \
         VALUES ('gone@example.org', 'Lost', 'Refused.', 5, '550 No such mailbox')",
    );
    let pages: Vec<(Persona, String)> = [
        (Persona::Anonymous, paths::SIGN_IN.to_owned()),
        (Persona::Anonymous, paths::REGISTER.to_owned()),
        (Persona::Anonymous, paths::PASSWORD_RESET.to_owned()),
        (Persona::Anonymous, app.reset_link(APPLICANT.0)),
        (Persona::Anonymous, "/alerts/new?region=europe".to_owned()),
        (Persona::Anonymous, paths::alert_confirm(&alert_token)),
        (Persona::Anonymous, paths::alert_end(&alert_token)),
        (Persona::Submitter, paths::ACCOUNT.to_owned()),
        (Persona::Submitter, paths::ACCOUNT_PASSWORD.to_owned()),
        (Persona::Submitter, paths::NEW_ENTRY.to_owned()),
        (Persona::Submitter, paths::entry(draft)),
        (Persona::Submitter, paths::entry(submitted)),
        (Persona::Submitter, paths::entry_translations(submitted)),
        (Persona::Juror, paths::review(reviewed)),
        (Persona::Juror, paths::ranking(asia)),
        // The chair discusses in deliberation, on the review page and beside the ranking.
        (Persona::Juror, paths::review(decided)),
        (Persona::Juror, paths::discussion(asia, decided)),
        (Persona::Juror, paths::JURY.to_owned()),
        (Persona::Juror, paths::preferences(screening)),
        (Persona::Secretariat, paths::MEMBERSHIPS.to_owned()),
        (Persona::Secretariat, paths::OUTBOX.to_owned()),
        (Persona::Secretariat, paths::USERS.to_owned()),
        (Persona::Secretariat, paths::screening(screened)),
        (Persona::Secretariat, paths::NEW_COMPETITION.to_owned()),
        (Persona::Secretariat, paths::admin_competition(africa)),
        (Persona::Secretariat, paths::admin_competition(asia)),
        (Persona::Secretariat, paths::admin_competition(published)),
        (Persona::Secretariat, paths::jury_board(europe)),
        (Persona::Secretariat, paths::jury_board(africa)),
        (Persona::Secretariat, paths::ranking(asia)),
        (
            Persona::Secretariat,
            paths::practice_translations(translated),
        ),
    ]
    .into_iter()
    .collect();
    let browsers = vec![
        (Persona::Anonymous, anonymous),
        (
            Persona::Submitter,
            app.signed_in(SUBMITTER.0, SUBMITTER.1).await,
        ),
        (Persona::Juror, juror),
        (
            Persona::Secretariat,
            app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await,
        ),
    ];
    let mut found = Vec::new();
    for (persona, path) in pages {
        let browser = &browsers.iter().find(|(p, _)| *p == persona).unwrap().1;
        for form in forms(&browser.page(&path).await) {
            // Signing out would end the case's session, not test anything.
            if form.action != paths::SIGN_OUT {
                found.push((persona, form));
            }
        }
    }
    let restore = vec![
        format!(
            "UPDATE users SET role = CASE email WHEN '{}' THEN 'submitter' WHEN '{}' THEN 'juror' \
             ELSE 'secretariat' END WHERE email IN ('{}', '{}', '{}')",
            SUBMITTER.0, JUROR.0, SUBMITTER.0, JUROR.0, SECRETARIAT.0
        ),
        format!(
            "INSERT INTO jurors (competition_id, user_id, is_chair) \
             VALUES ({europe}, {juror_id}, FALSE), ({asia}, {juror_id}, TRUE), \
             ({screening}, {juror_id}, FALSE) ON CONFLICT DO NOTHING"
        ),
        format!("DELETE FROM juror_languages WHERE user_id = {juror_id}"),
        // As the demo has them.
        format!(
            "INSERT INTO juror_languages (user_id, language) \
             VALUES ({juror_id}, 'en'), ({juror_id}, 'fr'), ({juror_id}, 'es')"
        ),
        format!(
            "INSERT INTO assignments (entry_id, user_id) \
             VALUES ({reviewed}, {juror_id}), ({decided}, {juror_id}) ON CONFLICT DO NOTHING"
        ),
        format!("DELETE FROM declared_conflicts WHERE user_id = {juror_id}"),
        version,
        entry_version,
        // Ended by a posting to its one-click address: asked for again.
        format!(
            "INSERT INTO alerts (email, language, query, token, asked_at) VALUES \
             ('hostile@example.org', 'en', 'region=europe', '{alert_token}', CURRENT_TIMESTAMP) \
             ON CONFLICT DO NOTHING"
        ),
    ];
    Stage {
        browsers,
        forms: found,
        restore,
    }
}

/// Posts `fields` (and `posting`'s garbage and file) as the form asks to be sent.
async fn send(
    browser: &Browser,
    form: &PageForm,
    fields: &[(String, String)],
    posting: &Posting,
) -> reqwest::Response {
    let url = format!("{}{}", browser.base, form.action);
    let request = if form.multipart {
        let mut body = reqwest::multipart::Form::new();
        for (name, value) in fields {
            body = body.text(name.clone(), value.clone());
        }
        if let Some(garbage) = &posting.garbage {
            body = body.part("garbage", reqwest::multipart::Part::bytes(garbage.clone()));
        }
        if let Some((name, bytes)) = &posting.file {
            body = body.part(
                "document",
                reqwest::multipart::Part::bytes(bytes.clone()).file_name(name.clone()),
            );
        }
        browser.client.post(&url).multipart(body)
    } else {
        let mut body: Vec<u8> = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish()
            .into_bytes();
        if let Some(garbage) = &posting.garbage {
            body.push(b'&');
            body.extend_from_slice(garbage);
        }
        browser
            .client
            .post(&url)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body)
    };
    request.send().await.unwrap()
}

#[test]
fn no_form_fails_whatever_is_posted_to_it() {
    let harness = Harness::new();
    let app = &harness.app;
    let stage = harness.block_on(stage(app));
    // Every form route of the portal is among the forms found (signing out aside).
    let missing: Vec<String> = declared_routes()
        .into_iter()
        .filter(|(method, route)| *method == "POST" && route != paths::SIGN_OUT)
        .filter(|(_, route)| {
            !stage
                .forms
                .iter()
                .any(|(_, form)| route_matches(route, &form.action))
        })
        .map(|(_, route)| route)
        .collect();
    assert!(missing.is_empty(), "no form found for {missing:?}");

    harness.check(posting(), |posting| {
        let stage = &stage;
        async move {
            let (persona, form) = posting.form.get(&stage.forms);
            let browser = &stage.browsers.iter().find(|(p, _)| p == persona).unwrap().1;
            let fields = posting.fields(form);
            let response = send(browser, form, &fields, &posting).await;
            let status = response.status();
            let what = format!("{persona:?} POST {}", form.action);
            sound_answer(&what, response).await?;
            // The one-click unsubscribe takes no CSRF token: the token in its path is its key.
            let one_click = form.action.ends_with("/unsubscribe");
            if posting.tamper_token && !one_click {
                prop_assert!(
                    [StatusCode::FORBIDDEN, StatusCode::BAD_REQUEST].contains(&status),
                    "{what} with a tampered token: {status}"
                );
            }
            for statement in &stage.restore {
                app.execute(statement);
            }
            Ok(())
        }
    });
    harness.assert_database_sound();
}

/// The text fields of the entry form stored trimmed.
const TRIMMED: [&str; 3] = ["title", "endorser_name", "endorser_position"];

/// What the HTML parser makes of text, as a browser shows it back: line ends become `\n`,
/// NUL becomes U+FFFD, and a text area drops one leading line end.
fn as_parsed(text: &str, text_area: bool) -> String {
    let text = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\0', "\u{fffd}");
    match text.strip_prefix('\n') {
        Some(rest) if text_area => rest.to_owned(),
        _ => text,
    }
}

/// The stored text fields of an entry, in the order of `TEXT_FIELDS`.
fn stored_entry(app: &TestApp, entry: EntryId) -> Vec<Option<String>> {
    TEXT_FIELDS
        .iter()
        .map(|column| {
            strings(
                &mut app.db(),
                &format!("SELECT {column} AS value FROM entries WHERE id = {entry}"),
            )
            .remove(0)
        })
        .collect()
}

#[test]
fn the_entry_form_stores_exactly_what_it_accepts_and_shows_back_what_it_refuses() {
    let harness = Harness::new();
    let app = &harness.app;
    let submitter = harness.block_on(app.signed_in(SUBMITTER.0, SUBMITTER.1));
    let draft = EntryBuilder::of_esdc(&mut app.db())
        .titled("Typed at random")
        .insert(&mut app.db());
    let path = paths::entry(draft);
    let accepted = std::sync::atomic::AtomicUsize::new(0);
    let texts = prop::collection::vec(text(), TEXT_FIELDS.len());
    // Mostly values the lists offer, so that a good share of the forms is accepted.
    let offered = |values: &'static [&'static str]| prop_oneof![4 => select(values).prop_map(str::to_owned), 1 => text()];
    let choices = (
        offered(&["en", "fr", "", "es"]),
        offered(&["2019", "", "1950"]),
        prop::collection::vec(offered(&["ict", "health"]), 0..3),
    );
    harness.check((texts, choices), |(texts, (language, year, topics))| {
        let (submitter, path, accepted) = (&submitter, &path, &accepted);
        async move {
            let before = stored_entry(app, draft);
            let mut fields: Vec<(&str, &str)> = TEXT_FIELDS
                .iter()
                .copied()
                .zip(texts.iter().map(String::as_str))
                .collect();
            fields.extend([
                ("language", language.as_str()),
                ("implementation_year", year.as_str()),
                ("action", "save"),
            ]);
            fields.extend(topics.iter().map(|topic| ("topics", topic.as_str())));
            let response = submitter.post_multipart(path, path, &fields, None).await;
            let status = response.status();
            let body = response.text().await.unwrap();
            let after = stored_entry(app, draft);
            let sent: Vec<Option<String>> = TEXT_FIELDS
                .iter()
                .zip(&texts)
                .map(|(field, text)| {
                    let text = portal::text::clean(text);
                    Some(if TRIMMED.contains(field) {
                        text.trim().to_owned()
                    } else {
                        text.into_owned()
                    })
                })
                .collect();
            match status {
                StatusCode::SEE_OTHER => {
                    accepted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    prop_assert_eq!(&after, &sent);
                }
                StatusCode::UNPROCESSABLE_ENTITY => {
                    // Unreadable values keep the entry as it was; a readable draft with
                    // problems (too many words) is kept as sent, the problems shown.
                    prop_assert!(
                        after == before || after == sent,
                        "a refused form changed the entry into something else"
                    );
                    let page = Html::parse_document(&body);
                    for (field, sent) in TEXT_FIELDS.iter().zip(&texts) {
                        let text_area =
                            !["title", "endorser_name", "endorser_position"].contains(field);
                        prop_assert_eq!(
                            field_value(&page, field),
                            as_parsed(&portal::text::clean(sent), text_area),
                            "{} is not shown back as typed",
                            field
                        );
                    }
                }
                // Too large to read: nothing was taken from it.
                StatusCode::BAD_REQUEST => prop_assert_eq!(&after, &before),
                other => prop_assert!(false, "answered {}", other),
            }
            Ok(())
        }
    });
    assert_enough_accepted(accepted, "forms");
    harness.assert_database_sound();
}

#[test]
fn the_review_form_stores_exactly_what_it_accepts() {
    let harness = Harness::new();
    let app = &harness.app;
    let conn = &mut app.db();
    let europe = open_review(conn, "europe");
    let entry = eligible_entry(conn, europe, "Scored at random");
    let juror_id = user_id(conn, JUROR.0);
    appoint(conn, europe, juror_id, false);
    assign(conn, entry, juror_id);
    let criteria = criteria(conn, europe);
    let juror = harness.block_on(app.signed_in(JUROR.0, JUROR.1));
    let accepted = std::sync::atomic::AtomicUsize::new(0);
    let score = prop_oneof![
        5 => (1..=10).prop_map(|n: i32| n.to_string()),
        1 => text(),
    ];
    let strategy = (
        prop::collection::vec((score, text()), criteria.len()),
        text(),
        prop::bool::weighted(0.1),
        select(&["save", "submit"][..]),
    );
    harness.check(strategy, |(rows, overall, cannot_judge, action)| {
        let (juror, criteria, accepted) = (&juror, &criteria, &accepted);
        async move {
            let stored = || {
                let conn = &mut app.db();
                let overall = strings(
                    conn,
                    &format!(
                        "SELECT overall_comment AS value FROM reviews \
                         WHERE entry_id = {entry} AND user_id = {juror_id}"
                    ),
                );
                let column = |conn: &mut DbConnection, column: &str| {
                    strings(
                        conn,
                        &format!(
                            "SELECT {column} AS value FROM review_scores s \
                             JOIN reviews r ON r.id = s.review_id \
                             JOIN criteria c ON c.id = s.criterion_id \
                             WHERE r.entry_id = {entry} AND r.user_id = {juror_id} \
                             ORDER BY c.position"
                        ),
                    )
                };
                let scores = column(conn, "CAST(s.score AS TEXT)");
                let comments = column(conn, "s.comment");
                (overall, scores, comments)
            };
            let before = stored();
            let mut fields = review_fields(criteria, &[], &overall, action);
            for (criterion, (score, comment)) in criteria.iter().zip(&rows) {
                fields.push((format!("score-{criterion}"), score.clone()));
                fields.push((format!("comment-{criterion}"), comment.clone()));
            }
            if cannot_judge {
                fields.push(("cannot_judge".into(), "yes".into()));
            }
            let response = post_review(juror, entry, &fields).await;
            let status = response.status();
            let after = stored();
            match status {
                StatusCode::SEE_OTHER => {
                    accepted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    prop_assert_eq!(
                        &after.0,
                        &vec![Some(portal::text::clean(&overall).trim().to_owned())]
                    );
                    let scores: Vec<Option<String>> = rows
                        .iter()
                        .map(|(score, _)| score.trim().parse::<i32>().ok().map(|n| n.to_string()))
                        .collect();
                    let comments: Vec<Option<String>> = rows
                        .iter()
                        .map(|(_, comment)| Some(portal::text::clean(comment).trim().to_owned()))
                        .collect();
                    prop_assert_eq!(&after.1, &scores);
                    prop_assert_eq!(&after.2, &comments);
                }
                StatusCode::UNPROCESSABLE_ENTITY | StatusCode::BAD_REQUEST => {
                    prop_assert_eq!(&after, &before, "a refused review changed what is stored")
                }
                other => prop_assert!(false, "answered {}", other),
            }
            Ok(())
        }
    });
    assert_enough_accepted(accepted, "reviews");
    harness.assert_database_sound();
}
