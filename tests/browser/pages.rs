//! Every page type, in English and in Persian, as each kind of person sees it: checked in
//! Chromium with axe-core for the WCAG 2.2 A and AA rules, and as served with the Nu HTML
//! Checker. Both must find nothing.

use std::cell::Cell;
use std::path::Path;
use std::process::Command;

use reqwest::StatusCode;
use scraper::Html;

use super::{slug, tools, Chromium, Settings, Tools};
use crate::common::jury::eligible_entry;
use crate::common::{selector, Browser, TestApp};
use portal::demo::workflow::{JUROR, SECRETARIAT, SUBMITTER};
use portal::ids::{CompetitionId, EntryId, OrganisationId, PracticeId, UserId};
use portal::paths;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Person {
    Visitor,
    Submitter,
    Secretariat,
    /// The demo juror, chair of the jury.
    Juror,
}

impl Person {
    fn account(self) -> Option<(&'static str, &'static str)> {
        match self {
            Person::Visitor => None,
            Person::Submitter => Some(SUBMITTER),
            Person::Secretariat => Some(SECRETARIAT),
            Person::Juror => Some(JUROR),
        }
    }
}

/// A form sent with problems, to see the page that names them.
struct Refused<'a> {
    /// Where the form is.
    page: &'a str,
    /// The form's action and fields as the HTTP client posts them.
    action: &'a str,
    fields: &'static [(&'static str, &'static str)],
    multipart: bool,
    /// The button the browser presses, found without its words so that it is found in every
    /// language.
    button: &'static str,
}

/// Goes through the pages, checking each in the browser and keeping what was served.
struct Tour {
    /// A desktop window, and a phone's screen (where tables scroll in their boxes), each with
    /// who is signed in in it.
    screens: [(Chromium, Cell<Person>); 2],
    clients: Vec<(Person, Browser)>,
    axe: String,
    served: tempfile::TempDir,
    pages: usize,
    violations: Vec<String>,
}

impl Tour {
    async fn start(tools: &Tools, app: &TestApp) -> Tour {
        let mut clients = vec![(Person::Visitor, app.browser())];
        for person in [Person::Submitter, Person::Secretariat, Person::Juror] {
            let (email, password) = person.account().expect("an account");
            clients.push((person, app.signed_in(email, password).await));
        }
        Tour {
            screens: [
                (
                    Chromium::start(tools, &app.base, "pages", Settings::DESKTOP).await,
                    Cell::new(Person::Visitor),
                ),
                (
                    Chromium::start(tools, &app.base, "pages-phone", Settings::PHONE).await,
                    Cell::new(Person::Visitor),
                ),
            ],
            clients,
            axe: std::fs::read_to_string(&tools.axe).expect("read axe.min.js"),
            served: tempfile::tempdir().expect("temp dir"),
            pages: 0,
            violations: Vec::new(),
        }
    }

    fn client(&self, person: Person) -> &Browser {
        &self
            .clients
            .iter()
            .find(|(who, _)| *who == person)
            .expect("a client for everyone")
            .1
    }

    /// Signs `person` in in the browser of `screen`, if someone else is signed in there.
    async fn become_(&self, screen: usize, person: Person) {
        let (chromium, current) = &self.screens[screen];
        if current.get() != person {
            chromium.forget_cookies().await;
            if let Some(account) = person.account() {
                chromium.sign_in(account).await;
            }
            current.set(person);
        }
    }

    /// `path` as `person` sees it, in English and in Persian.
    async fn visit(&mut self, person: Person, path: &str, status: StatusCode) {
        for lang in ["en", "fa"] {
            let path = with_lang(path, lang);
            let response = self.client(person).get(&path).await;
            assert_eq!(response.status(), status, "GET {path} as {person:?}");
            self.keep(person, &path, response).await;
            self.check_in_browser(person, &path, &path, None).await;
        }
    }

    /// The page that a refused form leads to, in English and in Persian.
    async fn send_refused(&mut self, person: Person, form: &Refused<'_>) {
        for lang in ["en", "fa"] {
            let page = with_lang(form.page, lang);
            let client = self.client(person);
            let response = if form.multipart {
                client
                    .post_multipart(&page, form.action, form.fields, None)
                    .await
            } else {
                client.post_form(&page, form.action, form.fields).await
            };
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "POST {} as {person:?}",
                form.action
            );
            let label = format!("{} refused ({lang})", form.action);
            self.keep(person, &label, response).await;
            self.check_in_browser(person, &label, &page, Some(form.button))
                .await;
        }
    }

    /// Keeps the page as served, for the Nu HTML Checker.
    async fn keep(&mut self, person: Person, label: &str, response: reqwest::Response) {
        self.pages += 1;
        let name = slug(&format!("{:03}-{person:?}-{label}", self.pages));
        let body = response.text().await.expect("page body");
        std::fs::write(self.served.path().join(format!("{name}.html")), body)
            .expect("keep the page");
    }

    /// Opens `path` in Chromium as `person` (and presses `button` there, if given) and runs
    /// axe-core on the page it shows: on a desktop, and in English on a phone's screen too.
    async fn check_in_browser(
        &mut self,
        person: Person,
        label: &str,
        path: &str,
        button: Option<&str>,
    ) {
        let screens = if path.contains("lang=en") { 2 } else { 1 };
        for screen in 0..screens {
            let chromium = &self.screens[screen].0;
            let found = chromium
                .step(&format!("{label} as {person:?}"), async {
                    self.become_(screen, person).await;
                    chromium.open(path).await;
                    if let Some(button) = button {
                        chromium.submit_with(button).await;
                    }
                    chromium.axe_violations(&self.axe).await
                })
                .await;
            let on = if screen == 0 { "" } else { " on a phone" };
            self.violations.extend(
                found
                    .into_iter()
                    .map(|violation| format!("{label} as {person:?}{on}: {violation}")),
            );
        }
    }
}

/// `path` with `lang=…` added: given every time, because the portal remembers the last
/// language asked for.
fn with_lang(path: &str, lang: &str) -> String {
    let separator = if path.contains('?') { '&' } else { '?' };
    format!("{path}{separator}lang={lang}")
}

/// Errors the Nu HTML Checker finds in the pages kept in `folder`, one line each.
fn nu_errors(tools: &Tools, folder: &Path) -> Vec<String> {
    let output = Command::new(&tools.java)
        .arg("-jar")
        .arg(&tools.vnu)
        .args(["--errors-only", "--format", "json"])
        .arg(folder)
        .output()
        .expect("run the Nu HTML Checker");
    // The checker writes its report to standard error.
    let report: serde_json::Value = serde_json::from_slice(&output.stderr).unwrap_or_else(|e| {
        panic!(
            "the Nu HTML Checker's report is not JSON ({e}): {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let checked = std::fs::read_dir(folder).expect("kept pages").count();
    assert!(checked > 0, "no page was kept for the checker");
    report["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .map(|message| {
            let file = message["url"].as_str().unwrap_or_default();
            let file = file.rsplit('/').next().unwrap_or(file);
            format!(
                "{file}, line {}: {} [{}]",
                message["lastLine"],
                message["message"].as_str().unwrap_or_default(),
                message["extract"].as_str().unwrap_or_default().trim()
            )
        })
        .collect()
}

/// The ids of the score lists on a review form: `score-{criterion}`.
fn score_fields(form: &Html) -> Vec<String> {
    form.select(&selector("select[name^=score-]"))
        .map(|list| list.value().attr("name").expect("a name").to_owned())
        .collect()
}

/// Moves a competition to its next phase as the secretariat, early when its date is ahead.
async fn move_on(secretariat: &Browser, competition: CompetitionId) {
    let page = paths::admin_competition(competition);
    let response = secretariat
        .post_form(
            &page,
            &format!("{page}/phase"),
            &[
                ("direction", "forward"),
                ("early", "yes"),
                ("reason", "Checking the pages of every phase."),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "move {page} on");
}

#[tokio::test]
async fn every_page_type_passes_axe_core_and_the_nu_html_checker_in_english_and_persian() {
    use Person::*;
    let Some(tools) = tools() else { return };
    let app = TestApp::spawn().await;
    let mut tour = Tour::start(&tools, &app).await;
    let ok = StatusCode::OK;
    let practice =
        app.id_of::<PracticeId>("SELECT MIN(id) FROM practices WHERE status = 'published'");
    let organisation = app.id_of::<OrganisationId>("SELECT MIN(organisation_id) FROM practices");
    let americas = app.id_of::<CompetitionId>(
        "SELECT id FROM competitions WHERE region = 'americas' AND cycle_year = 2027",
    );
    let europe = app.id_of::<CompetitionId>("SELECT id FROM competitions WHERE region = 'europe'");
    let draft =
        app.id_of::<EntryId>("SELECT id FROM entries WHERE status = 'draft' ORDER BY id LIMIT 1");
    let submitted = app
        .id_of::<EntryId>("SELECT id FROM entries WHERE status = 'submitted' ORDER BY id LIMIT 1");

    // A jury for Europe, through the secretariat's forms, with one eligible entry copied
    // from the demo.
    let reviewed = eligible_entry(&mut app.db(), europe, "Reviewed: a copy");
    let secretariat = tour.client(Secretariat);
    let board = paths::jury_board(europe);
    let juror = app
        .id_of::<UserId>(&format!("SELECT id FROM users WHERE email = '{}'", JUROR.0))
        .to_string();
    for (action, fields) in [
        ("jurors", vec![("juror", juror.as_str()), ("chair", "yes")]),
        ("assign", vec![]),
    ] {
        let response = secretariat
            .post_form(
                &board,
                &format!("/admin/competitions/{europe}/{action}"),
                &fields,
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{action}");
    }
    move_on(secretariat, europe).await;
    // In screening, the jurors say which entries they would like to judge.
    tour.visit(Juror, &paths::preferences(europe), ok).await;
    move_on(tour.client(Secretariat), europe).await;

    // A version of the practice in Arabic, read right to left.
    app.execute(&format!(
        "INSERT INTO practice_translations (practice_id, language, title, summary, challenge, \
         solution, results, innovation, sustainability, replicability) VALUES ({practice}, 'ar', \
         'نافذة المتقاعدين الموحدة', 'خدمة واحدة للمتقاعدين.', 'كانت المدفوعات تتأخر.', '', '', '', '', '')"
    ));
    // A version of the submitted entry in Persian, right to left.
    app.execute(&format!(
        "INSERT INTO entry_translations (entry_id, language, title, summary, challenge, \
         solution, results, innovation, sustainability, replicability) VALUES ({submitted}, 'fa', \
         'پرداخت مستمری در خانه', 'مستمری در خانه پرداخت می‌شود.', '', '', '', '', '', '')"
    ));
    // An alert as its e-mailed links find it.
    app.execute(
        "INSERT INTO alerts (email, language, query, token, asked_at) VALUES \
         ('follower@example.org', 'en', 'region=europe', 'tour-alert', CURRENT_TIMESTAMP)",
    );
    for path in [
        paths::HOME.to_owned(),
        "/practices?region=europe&topic=health&sort=newest".to_owned(),
        "/practices?q=pension".to_owned(),
        paths::practice(practice),
        format!("{}?version=ar", paths::practice(practice)),
        paths::organisation(organisation),
        paths::FRAMEWORK.to_owned(),
        paths::STATISTICS.to_owned(),
        "/map?region=europe".to_owned(),
        paths::COMPETITIONS.to_owned(),
        paths::competition(americas),
        paths::SIGN_IN.to_owned(),
        paths::REGISTER.to_owned(),
        paths::PASSWORD_RESET.to_owned(),
        "/alerts/new?region=europe&q=pension".to_owned(),
        paths::alert_confirm("tour-alert"),
        paths::alert_end("tour-alert"),
    ] {
        tour.visit(Visitor, &path, ok).await;
    }
    tour.visit(Visitor, "/practices/999999", StatusCode::NOT_FOUND)
        .await;
    tour.send_refused(
        Visitor,
        &Refused {
            page: paths::REGISTER,
            action: paths::REGISTER,
            fields: &[("name", ""), ("email", "not an address")],
            multipart: false,
            button: "form[action='/register'] button[type=submit]",
        },
    )
    .await;
    tour.send_refused(
        Visitor,
        &Refused {
            page: "/alerts/new?region=europe",
            action: paths::ALERTS,
            fields: &[("email", "not an address")],
            multipart: false,
            button: "form[action='/alerts'] button[type=submit]",
        },
    )
    .await;

    for path in [
        paths::ACCOUNT.to_owned(),
        paths::ACCOUNT_PASSWORD.to_owned(),
        paths::SUBMISSIONS.to_owned(),
        paths::NEW_ENTRY.to_owned(),
        paths::entry(draft),
        paths::entry(submitted),
        paths::entry_translations(submitted),
    ] {
        tour.visit(Submitter, &path, ok).await;
    }
    tour.visit(Submitter, paths::ADMIN, StatusCode::FORBIDDEN)
        .await;
    tour.send_refused(
        Submitter,
        &Refused {
            page: paths::NEW_ENTRY,
            action: paths::SUBMISSIONS,
            fields: &[("action", "submit")],
            multipart: true,
            button: "button[name=action][value=submit]",
        },
    )
    .await;

    for path in [
        paths::ADMIN.to_owned(),
        paths::SCREENING_QUEUE.to_owned(),
        paths::screening(submitted),
        paths::MEMBERSHIPS.to_owned(),
        paths::USERS.to_owned(),
        paths::ADMIN_COMPETITIONS.to_owned(),
        paths::NEW_COMPETITION.to_owned(),
        paths::admin_competition(americas),
        paths::admin_competition(europe),
        board.clone(),
        paths::OUTBOX.to_owned(),
        paths::AUDIT.to_owned(),
        paths::practice_translations(practice),
    ] {
        tour.visit(Secretariat, &path, ok).await;
    }
    let versions = paths::practice_translations(practice);
    tour.send_refused(
        Secretariat,
        &Refused {
            page: &versions,
            action: &versions,
            fields: &[("action", "save"), ("language", "xx")],
            multipart: false,
            button: "button[name=action][value=save]",
        },
    )
    .await;

    let review = paths::review(reviewed);
    tour.visit(Juror, paths::JURY, ok).await;
    tour.send_refused(
        Juror,
        &Refused {
            page: paths::JURY,
            action: paths::JURY_LANGUAGES,
            fields: &[],
            multipart: false,
            button: "#languages-form button[type=submit]",
        },
    )
    .await;
    tour.visit(Juror, &review, ok).await;
    let form = tour.client(Juror).page(&review).await;
    let mut scores: Vec<(String, String)> = score_fields(&form)
        .into_iter()
        .map(|field| (field, "8".to_owned()))
        .collect();
    scores.push(("action".into(), "submit".into()));
    let fields: Vec<(&str, &str)> = scores
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    let submitted_review = tour
        .client(Juror)
        .post_form(&review, &review, &fields)
        .await;
    assert_eq!(submitted_review.status(), StatusCode::SEE_OTHER);
    tour.visit(Juror, &review, ok).await;
    // The review page now holds the discussion; the chair also has it beside the ranking.
    let comments = paths::comments(reviewed);
    tour.send_refused(
        Juror,
        &Refused {
            page: &review,
            action: &comments,
            fields: &[("comment", "")],
            multipart: false,
            button: "#discussion button[type=submit]",
        },
    )
    .await;
    tour.visit(Juror, &paths::discussion(europe, reviewed), ok)
        .await;
    move_on(tour.client(Secretariat), europe).await;
    tour.visit(Juror, &paths::ranking(europe), ok).await;

    let published = tour
        .client(Secretariat)
        .post_form(
            &paths::admin_competition(europe),
            &paths::publish(europe),
            &[],
        )
        .await;
    assert_eq!(published.status(), StatusCode::SEE_OTHER);
    tour.visit(Visitor, &paths::competition(europe), ok).await;

    let errors = nu_errors(&tools, tour.served.path());
    assert!(
        tour.violations.is_empty() && errors.is_empty(),
        "{} pages checked.\n\naxe-core found {} violations:\n{}\n\nthe Nu HTML Checker found {} errors:\n{}",
        tour.pages,
        tour.violations.len(),
        tour.violations.join("\n"),
        errors.len(),
        errors.join("\n")
    );
}
