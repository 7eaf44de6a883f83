//! The authorisation matrix: every route of the portal, for each kind of person, with the
//! answer each must get. A route found in the source without a row here fails the test, so
//! that a new page cannot skip the question of who may use it.

use portal::db::DbConnection;
use std::collections::BTreeMap;

use crate::common::entries::{americas, draft_with_document};
use crate::common::jury::{
    appoint, assign, eligible_entry, join, open_review, register_juror, user_id,
};
use crate::common::routes::declared_routes;
use crate::common::{location, Browser, TestApp};
use diesel::prelude::*;
use diesel::sql_types::Text;
use portal::demo::workflow::{APPLICANT, JUROR, SECOND_SUBMITTER, SECRETARIAT, SUBMITTER};
use reqwest::StatusCode;

/// The people of the matrix, in the order of its columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Person {
    Anonymous,
    /// A submitter of ESDC, the institution that owns the draft `{esdc}`.
    Esdc,
    /// A submitter of IMSS, another institution.
    Imss,
    /// A juror of the competition's jury without the assignment of `{reviewed}`.
    Unassigned,
    /// A juror assigned to `{reviewed}`, the one person who may review it.
    Assigned,
    /// A juror assigned to `{reviewed}` who has since joined IMSS, the institution that entered
    /// it: the conflict takes the entry away although the assignment is still there.
    Conflicted,
    /// The chair of the jury, not assigned to `{reviewed}`.
    Chair,
    Secretariat,
}

use Person::*;

/// An expected answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Answer {
    /// 200.
    Served,
    /// 303 to the sign-in page.
    SignIn,
    Forbidden,
    NotFound,
}

use portal::ids::EntryId;
use portal::paths;
use Answer::*;

/// The number of people, the columns of the matrix.
const PEOPLE: usize = 8;
type Answers = [Answer; PEOPLE];

/// A GET: the route as the source declares it, the path asked for (with `{object}`
/// placeholders), and the answer of each person, in the order of `Person`.
struct Get {
    route: &'static str,
    path: &'static str,
    answers: Answers,
}

const fn get(route: &'static str, path: &'static str, answers: Answers) -> Get {
    Get {
        route,
        path,
        answers,
    }
}

const EVERYONE: Answers = [Served; PEOPLE];
const SIGNED_IN: Answers = [
    SignIn, Served, Served, Served, Served, Served, Served, Served,
];
const SECRETARIAT_ONLY: Answers = [
    SignIn, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Served,
];
const JURORS_ONLY: Answers = [
    SignIn, Forbidden, Forbidden, Served, Served, Served, Served, Forbidden,
];
const SUBMITTERS_ONLY: Answers = [
    SignIn, Served, Served, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden,
];
/// An object of ESDC: its members and the secretariat see it; to others it does not exist.
const ESDC_AND_SECRETARIAT: Answers = [
    SignIn, Served, NotFound, NotFound, NotFound, NotFound, NotFound, Served,
];
const IMSS_AND_SECRETARIAT: Answers = [
    SignIn, NotFound, Served, NotFound, NotFound, NotFound, NotFound, Served,
];
const CHAIR_AND_SECRETARIAT: Answers = [
    SignIn, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Served, Served,
];

const GETS: &[Get] = &[
    get(
        "/admin/practices/{practice}/translations",
        "/admin/practices/{awarded}/translations",
        SECRETARIAT_ONLY,
    ),
    // A practice not published has no versions to edit, even for the secretariat.
    get(
        "/admin/practices/{practice}/translations",
        "/admin/practices/{unpublished}/translations",
        [
            SignIn, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, NotFound,
        ],
    ),
    get(
        "/admin/competitions/{competition}/jury",
        "/admin/competitions/{competition}/jury",
        SECRETARIAT_ONLY,
    ),
    get(
        "/ranking/{competition}",
        "/ranking/{competition}",
        CHAIR_AND_SECRETARIAT,
    ),
    get(
        "/ranking/{competition}/ranking.csv",
        "/ranking/{competition}/ranking.csv",
        CHAIR_AND_SECRETARIAT,
    ),
    // The chair of another competition's jury reads none of this one's ranking.
    get(
        "/ranking/{competition}",
        "/ranking/{other_competition}",
        SECRETARIAT_ONLY,
    ),
    get(paths::JURY, paths::JURY, JURORS_ONLY),
    // The discussion beside the ranking: the chair and the secretariat (the entry's jurors
    // read it on their review page).
    get(
        "/ranking/{competition}/entries/{entry}/discussion",
        "/ranking/{competition}/entries/{reviewed}/discussion",
        CHAIR_AND_SECRETARIAT,
    ),
    // A draft is nobody's to discuss.
    get(
        "/ranking/{competition}/entries/{entry}/discussion",
        "/ranking/{competition}/entries/{esdc}/discussion",
        [
            SignIn, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, NotFound, NotFound,
        ],
    ),
    // Every juror of the competition has a sheet of preferences (here closed: it is in review).
    get(
        "/jury/competitions/{competition}/preferences",
        "/jury/competitions/{competition}/preferences",
        JURORS_ONLY,
    ),
    // A competition a juror does not judge has none.
    get(
        "/jury/competitions/{competition}/preferences",
        "/jury/competitions/{other_competition}/preferences",
        [
            SignIn, Forbidden, Forbidden, NotFound, NotFound, NotFound, NotFound, Forbidden,
        ],
    ),
    get(
        "/jury/entries/{entry}",
        "/jury/entries/{reviewed}",
        [
            SignIn, Forbidden, Forbidden, NotFound, Served, NotFound, NotFound, Forbidden,
        ],
    ),
    // The assigned juror reads the entry's documents; the pair must match.
    get(
        "/jury/entries/{entry}/documents/{document}",
        "/jury/entries/{reviewed}/documents/{reviewed_document}",
        [
            SignIn, Forbidden, Forbidden, NotFound, Served, NotFound, NotFound, Forbidden,
        ],
    ),
    get(
        "/jury/entries/{entry}/documents/{document}",
        "/jury/entries/{reviewed}/documents/{document}",
        [
            SignIn, Forbidden, Forbidden, NotFound, NotFound, NotFound, NotFound, Forbidden,
        ],
    ),
    // A draft is assigned to nobody.
    get(
        "/jury/entries/{entry}",
        "/jury/entries/{esdc}",
        [
            SignIn, Forbidden, Forbidden, NotFound, NotFound, NotFound, NotFound, Forbidden,
        ],
    ),
    // Jurors read an entry on the jury's pages only, IMSS's members and the secretariat here.
    get(
        "/submissions/{entry}",
        "/submissions/{reviewed}",
        IMSS_AND_SECRETARIAT,
    ),
    get(paths::HOME, paths::HOME, EVERYONE),
    get(paths::PRACTICES, paths::PRACTICES, EVERYONE),
    get("/practices/{practice}", "/practices/{practice}", EVERYONE),
    get(
        "/practices/{practice}",
        "/practices/{unpublished}",
        [NotFound; PEOPLE],
    ),
    // An awarded practice's certificate is for everyone; an unpublished practice has none.
    get(
        "/practices/{practice}/certificate.pdf",
        "/practices/{awarded}/certificate.pdf",
        EVERYONE,
    ),
    get(
        "/practices/{practice}/certificate.pdf",
        "/practices/{unpublished}/certificate.pdf",
        [NotFound; PEOPLE],
    ),
    get(
        "/practices/{practice}/cite.bib",
        "/practices/{practice}/cite.bib",
        EVERYONE,
    ),
    get(
        "/practices/{practice}/cite.ris",
        "/practices/{unpublished}/cite.ris",
        [NotFound; PEOPLE],
    ),
    get(
        "/practices/{practice}/cite.ris",
        "/practices/{practice}/cite.ris",
        EVERYONE,
    ),
    // The draft's document is not the practice's: documents are public only with the
    // practice their entry became (tests/cycle.rs follows one through publishing).
    get(
        "/practices/{practice}/documents/{document}",
        "/practices/{practice}/documents/{document}",
        [NotFound; PEOPLE],
    ),
    get(
        "/organisations/{organisation}",
        "/organisations/{organisation}",
        EVERYONE,
    ),
    get(paths::FRAMEWORK, paths::FRAMEWORK, EVERYONE),
    get(paths::STATISTICS, paths::STATISTICS, EVERYONE),
    get(paths::MAP, paths::MAP, EVERYONE),
    get(paths::PRACTICES_CSV, paths::PRACTICES_CSV, EVERYONE),
    get(paths::PRACTICES_JSON, paths::PRACTICES_JSON, EVERYONE),
    get(paths::PRACTICES_ATOM, paths::PRACTICES_ATOM, EVERYONE),
    get(paths::API_PRACTICES, paths::API_PRACTICES, EVERYONE),
    get(paths::API_OPENAPI, paths::API_OPENAPI, EVERYONE),
    get(
        "/api/v1/practices/{practice}",
        "/api/v1/practices/{practice}",
        EVERYONE,
    ),
    get(
        "/api/v1/practices/{practice}",
        "/api/v1/practices/{unpublished}",
        [NotFound; PEOPLE],
    ),
    get(paths::SITEMAP, paths::SITEMAP, EVERYONE),
    get(paths::SITEMAP_PAGES, paths::SITEMAP_PAGES, EVERYONE),
    get(
        "/sitemaps/practices-{part}.xml",
        "/sitemaps/practices-1.xml",
        EVERYONE,
    ),
    get(paths::ROBOTS, paths::ROBOTS, EVERYONE),
    get(paths::HEALTH, paths::HEALTH, EVERYONE),
    // For the holder of the configured token, whoever is signed in; none is configured here
    // (tests/operating.rs has one).
    get(paths::METRICS, paths::METRICS, [NotFound; PEOPLE]),
    get("/static/{name}", "/static/word-count.js", EVERYONE),
    get(
        "/static/{name}",
        "/static/..%2FCargo.toml",
        [NotFound; PEOPLE],
    ),
    get(paths::COMPETITIONS, paths::COMPETITIONS, EVERYONE),
    get(
        "/competitions/{competition}",
        "/competitions/{competition}",
        EVERYONE,
    ),
    get(paths::SIGN_IN, paths::SIGN_IN, EVERYONE),
    get(paths::REGISTER, paths::REGISTER, EVERYONE),
    get(paths::PASSWORD_RESET, paths::PASSWORD_RESET, EVERYONE),
    get(
        "/password-reset/{token}",
        "/password-reset/not-a-real-token",
        EVERYONE,
    ),
    get(
        paths::NEW_ALERT,
        "/alerts/new?region=europe&q=pension",
        EVERYONE,
    ),
    // An alert's pages are reached by the token e-mailed for it; tests/alerts.rs follows
    // real ones.
    get(
        "/alerts/{token}/confirm",
        "/alerts/not-a-real-token/confirm",
        [NotFound; PEOPLE],
    ),
    get(
        "/alerts/{token}/unsubscribe",
        "/alerts/not-a-real-token/unsubscribe",
        [NotFound; PEOPLE],
    ),
    get(paths::ACCOUNT, paths::ACCOUNT, SIGNED_IN),
    get(paths::ACCOUNT_PASSWORD, paths::ACCOUNT_PASSWORD, SIGNED_IN),
    get(paths::SUBMISSIONS, paths::SUBMISSIONS, SUBMITTERS_ONLY),
    get(paths::NEW_ENTRY, paths::NEW_ENTRY, SUBMITTERS_ONLY),
    get(
        "/submissions/{entry}",
        "/submissions/{esdc}",
        ESDC_AND_SECRETARIAT,
    ),
    get(
        "/submissions/{entry}",
        "/submissions/{imss}",
        IMSS_AND_SECRETARIAT,
    ),
    get(
        "/submissions/{entry}/documents/{document}",
        "/submissions/{esdc}/documents/{document}",
        ESDC_AND_SECRETARIAT,
    ),
    get(
        "/submissions/{entry}/translations",
        "/submissions/{esdc}/translations",
        ESDC_AND_SECRETARIAT,
    ),
    get(
        "/submissions/{entry}/translations",
        "/submissions/{imss}/translations",
        IMSS_AND_SECRETARIAT,
    ),
    // ESDC's document asked for under IMSS's entry: the pair must match.
    get(
        "/submissions/{entry}/documents/{document}",
        "/submissions/{imss}/documents/{document}",
        [
            SignIn, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound,
        ],
    ),
    get(paths::ADMIN, paths::ADMIN, SECRETARIAT_ONLY),
    get(
        paths::SCREENING_QUEUE,
        paths::SCREENING_QUEUE,
        SECRETARIAT_ONLY,
    ),
    get(
        "/admin/screening/{entry}",
        "/admin/screening/{submitted}",
        SECRETARIAT_ONLY,
    ),
    get(paths::MEMBERSHIPS, paths::MEMBERSHIPS, SECRETARIAT_ONLY),
    get(paths::USERS, paths::USERS, SECRETARIAT_ONLY),
    get(paths::OUTBOX, paths::OUTBOX, SECRETARIAT_ONLY),
    get(paths::AUDIT, paths::AUDIT, SECRETARIAT_ONLY),
    get(
        paths::ADMIN_COMPETITIONS,
        paths::ADMIN_COMPETITIONS,
        SECRETARIAT_ONLY,
    ),
    get(
        paths::NEW_COMPETITION,
        paths::NEW_COMPETITION,
        SECRETARIAT_ONLY,
    ),
    get(
        "/admin/competitions/{competition}",
        "/admin/competitions/{competition}",
        SECRETARIAT_ONLY,
    ),
];

/// How a POST route reads its body.
#[derive(Clone, Copy)]
enum Body {
    Form,
    /// The entry form, which may carry a file.
    Multipart,
    /// The one-click unsubscribe of an alert's e-mails (RFC 8058): a mail program posts it
    /// without cookie or CSRF token, so the token in its path is its only authority, and a
    /// path without a real one leads nowhere, with a CSRF token or without.
    OneClick,
}

/// A POST: the route, the path, how it is posted, fields that would change something if the
/// request were obeyed, and the people who must be refused even with a valid token.
struct Post {
    route: &'static str,
    path: &'static str,
    body: Body,
    fields: &'static [(&'static str, &'static str)],
    refused: &'static [Person],
}

const fn post(
    route: &'static str,
    path: &'static str,
    fields: &'static [(&'static str, &'static str)],
    refused: &'static [Person],
) -> Post {
    Post {
        route,
        path,
        body: Body::Form,
        fields,
        refused,
    }
}

const EVERY_PERSON: &[Person] = &[
    Anonymous,
    Esdc,
    Imss,
    Unassigned,
    Assigned,
    Conflicted,
    Chair,
    Secretariat,
];
const NOT_SECRETARIAT: &[Person] = &[
    Anonymous, Esdc, Imss, Unassigned, Assigned, Conflicted, Chair,
];
/// Everyone but the juror assigned to `{reviewed}`.
const NOT_ITS_REVIEWER: &[Person] = &[
    Anonymous,
    Esdc,
    Imss,
    Unassigned,
    Conflicted,
    Chair,
    Secretariat,
];
/// Everyone without an institution to act for.
const NOT_SUBMITTERS: &[Person] = &[
    Anonymous,
    Unassigned,
    Assigned,
    Conflicted,
    Chair,
    Secretariat,
];

const POSTS: &[Post] = &[
    post(
        "/admin/competitions/{competition}/jurors",
        "/admin/competitions/{competition}/jurors",
        &[("juror", "1"), ("chair", "yes")],
        NOT_SECRETARIAT,
    ),
    post(
        "/admin/competitions/{competition}/jurors/{user}/dismiss",
        "/admin/competitions/{competition}/jurors/1/dismiss",
        &[],
        NOT_SECRETARIAT,
    ),
    post(
        "/admin/competitions/{competition}/reminders",
        "/admin/competitions/{competition}/reminders",
        &[],
        NOT_SECRETARIAT,
    ),
    post(
        "/admin/competitions/{competition}/assign",
        "/admin/competitions/{competition}/assign",
        &[],
        NOT_SECRETARIAT,
    ),
    post(
        "/admin/competitions/{competition}/assignments",
        "/admin/competitions/{competition}/assignments",
        &[("entry", "{esdc}"), ("user", "1"), ("change", "add")],
        NOT_SECRETARIAT,
    ),
    post(
        "/admin/competitions/{competition}/publish",
        "/admin/competitions/{competition}/publish",
        &[],
        NOT_SECRETARIAT,
    ),
    post(
        "/admin/competitions/{competition}/feedback",
        "/admin/competitions/{competition}/feedback",
        &[],
        NOT_SECRETARIAT,
    ),
    // Only the chair and the secretariat record the jury's decisions.
    post(
        "/ranking/{competition}/entries/{entry}",
        "/ranking/{competition}/entries/{reviewed}",
        &[("award", "good-practice-award"), ("note", "Planted")],
        &[Anonymous, Esdc, Imss, Unassigned, Assigned, Conflicted],
    ),
    post(
        "/jury/entries/{entry}",
        "/jury/entries/{reviewed}",
        &[("action", "save"), ("overall_comment", "Planted")],
        NOT_ITS_REVIEWER,
    ),
    // The assigned juror has not submitted a review yet: told so, nothing written.
    post(
        "/jury/entries/{entry}/comments",
        "/jury/entries/{reviewed}/comments",
        &[("comment", "Planted")],
        NOT_ITS_REVIEWER,
    ),
    post(
        "/ranking/{competition}/entries/{entry}/discussion",
        "/ranking/{competition}/entries/{reviewed}/discussion",
        &[("comment", "Planted")],
        &[Anonymous, Esdc, Imss, Unassigned, Assigned, Conflicted],
    ),
    post(
        paths::JURY_LANGUAGES,
        paths::JURY_LANGUAGES,
        &[("languages", "fr")],
        &[Anonymous, Esdc, Imss, Secretariat],
    ),
    post(
        "/jury/competitions/{competition}/preferences",
        "/jury/competitions/{other_competition}/preferences",
        &[("entry-{reviewed}", "eager")],
        &[
            Anonymous,
            Esdc,
            Imss,
            Unassigned,
            Assigned,
            Conflicted,
            Chair,
            Secretariat,
        ],
    ),
    post(
        "/jury/entries/{entry}/conflict",
        "/jury/entries/{reviewed}/conflict",
        &[("reason", "Planted")],
        NOT_ITS_REVIEWER,
    ),
    post(
        paths::SIGN_IN,
        paths::SIGN_IN,
        &[
            ("email", "juror@demo.example"),
            ("password", "demo-juror-1"),
        ],
        &[],
    ),
    post(paths::SIGN_OUT, paths::SIGN_OUT, &[], &[]),
    post(
        paths::REGISTER,
        paths::REGISTER,
        &[
            ("full_name", "New Person"),
            ("email", "new.person@example.org"),
            ("password", "a long enough password"),
            ("password_confirmation", "a long enough password"),
        ],
        &[],
    ),
    post(
        paths::ACCOUNT_PASSWORD,
        paths::ACCOUNT_PASSWORD,
        &[
            ("current_password", "whatever it was"),
            ("new_password", "a new long password"),
            ("new_password_confirmation", "a new long password"),
        ],
        &[Anonymous],
    ),
    post(
        paths::ACCOUNT_MEMBERSHIPS,
        paths::ACCOUNT_MEMBERSHIPS,
        &[("organisation", "{organisation}")],
        NOT_SUBMITTERS,
    ),
    post(
        paths::ACCOUNT_ORGANISATIONS,
        paths::ACCOUNT_ORGANISATIONS,
        &[
            ("name", "A New Institution"),
            ("country", "CL"),
            ("kind", "pension-fund"),
        ],
        NOT_SUBMITTERS,
    ),
    post(
        "/admin/practices/{practice}/translations",
        "/admin/practices/{awarded}/translations",
        &[
            ("action", "save"),
            ("language", "fr"),
            ("title", "Un titre"),
            ("summary", "Un résumé"),
        ],
        NOT_SECRETARIAT,
    ),
    post(
        paths::ALERTS,
        paths::ALERTS,
        &[
            ("email", "follower@example.org"),
            ("search", "region=europe"),
        ],
        &[],
    ),
    post(
        "/alerts/{token}/confirm",
        "/alerts/not-a-real-token/confirm",
        &[],
        EVERY_PERSON,
    ),
    Post {
        route: "/alerts/{token}/unsubscribe",
        path: "/alerts/not-a-real-token/unsubscribe",
        body: Body::OneClick,
        fields: &[("List-Unsubscribe", "One-Click")],
        refused: EVERY_PERSON,
    },
    post(
        paths::PASSWORD_RESET,
        paths::PASSWORD_RESET,
        &[("email", "submitter@esdc.demo.example")],
        &[],
    ),
    post(
        "/password-reset/{token}",
        "/password-reset/not-a-real-token",
        &[
            ("password", "a new long password"),
            ("password_confirmation", "a new long password"),
        ],
        &[],
    ),
    post(
        "/admin/memberships/{membership}",
        "/admin/memberships/{membership}",
        &[("decision", "approve")],
        NOT_SECRETARIAT,
    ),
    post(
        "/admin/outbox/{message}/resend",
        "/admin/outbox/{given_up}/resend",
        &[],
        NOT_SECRETARIAT,
    ),
    post(
        "/admin/users/{user}/role",
        "/admin/users/{applicant}/role",
        &[("role", "secretariat")],
        NOT_SECRETARIAT,
    ),
    Post {
        route: paths::SUBMISSIONS,
        path: paths::SUBMISSIONS,
        body: Body::Multipart,
        fields: &[
            ("competition", "{competition}"),
            ("title", "Planted"),
            ("action", "save"),
        ],
        refused: NOT_SUBMITTERS,
    },
    Post {
        route: "/submissions/{entry}",
        path: "/submissions/{esdc}",
        body: Body::Multipart,
        fields: &[("title", "Overwritten"), ("action", "save")],
        refused: &[
            Anonymous,
            Imss,
            Unassigned,
            Assigned,
            Conflicted,
            Chair,
            Secretariat,
        ],
    },
    post(
        "/submissions/{entry}/withdraw",
        "/submissions/{imss}/withdraw",
        &[],
        &[
            Anonymous,
            Esdc,
            Unassigned,
            Assigned,
            Conflicted,
            Chair,
            Secretariat,
        ],
    ),
    // An entry's versions are its institution's to change; the secretariat reads them.
    post(
        "/submissions/{entry}/translations",
        "/submissions/{esdc}/translations",
        &[
            ("action", "save"),
            ("language", "fr"),
            ("title", "Un titre"),
            ("summary", "Un résumé"),
        ],
        &[
            Anonymous,
            Imss,
            Unassigned,
            Assigned,
            Conflicted,
            Chair,
            Secretariat,
        ],
    ),
    post(
        "/admin/screening/{entry}",
        "/admin/screening/{submitted}",
        &[("outcome", "ineligible"), ("note", "Planted.")],
        NOT_SECRETARIAT,
    ),
    post(
        paths::ADMIN_COMPETITIONS,
        paths::ADMIN_COMPETITIONS,
        &[
            ("year", "2031"),
            ("region", "europe"),
            ("title", "Planted"),
            ("criterion_name", "Impact"),
            ("criterion_weight", "1"),
        ],
        NOT_SECRETARIAT,
    ),
    post(
        "/admin/competitions/{competition}",
        "/admin/competitions/{competition}",
        &[("title", "Planted")],
        NOT_SECRETARIAT,
    ),
    post(
        "/admin/competitions/{competition}/phase",
        "/admin/competitions/{competition}/phase",
        &[("direction", "forward"), ("early", "yes")],
        NOT_SECRETARIAT,
    ),
];

/// The ids the paths name, made or found in the demo data.
struct Objects(BTreeMap<&'static str, String>);

impl Objects {
    fn fill(&self, template: &str) -> String {
        self.0
            .iter()
            .fold(template.to_owned(), |path, (name, value)| {
                path.replace(&format!("{{{name}}}"), value)
            })
    }
}

/// The browsers of the people of the matrix, each signed in (or not) in a session of its own.
struct People(Vec<(Person, Browser)>);

/// The jurors made for the matrix, besides the demo's (who is `Unassigned`).
const JURY: [(Person, &str); 3] = [
    (Assigned, "assigned@jury.example"),
    (Conflicted, "conflicted@jury.example"),
    (Chair, "chair@jury.example"),
];

impl People {
    async fn sign_in(app: &TestApp) -> People {
        let mut people = vec![(Anonymous, app.browser())];
        for (person, (email, password)) in [
            (Esdc, SUBMITTER),
            (Imss, SECOND_SUBMITTER),
            (Unassigned, JUROR),
        ] {
            people.push((person, app.signed_in(email, password).await));
        }
        for (person, email) in JURY {
            let name = format!("{person:?} Juror");
            let juror = register_juror(&app.base, &mut app.db(), &name, email).await;
            people.push((person, juror.browser));
        }
        people.push((
            Secretariat,
            app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await,
        ));
        assert!(
            people.iter().map(|(person, _)| *person).eq(PERSONS),
            "the browsers are in the order of the columns"
        );
        People(people)
    }
}

/// The people in the order of the columns.
const PERSONS: [Person; PEOPLE] = [
    Anonymous,
    Esdc,
    Imss,
    Unassigned,
    Assigned,
    Conflicted,
    Chair,
    Secretariat,
];

/// The jury of the Americas competition, in review: the demo juror without an assignment,
/// `{reviewed}` (an entry of IMSS) assigned to the `Assigned` and the `Conflicted` juror, who
/// then joins IMSS, and the chair. Returns `{reviewed}`.
fn appoint_the_jury(conn: &mut DbConnection) -> EntryId {
    let competition = open_review(conn, "americas");
    let reviewed = eligible_entry(conn, competition, "An entry under review");
    let juror_of = |conn: &mut DbConnection, person: Person| {
        let email = JURY.iter().find(|(p, _)| *p == person).unwrap().1;
        user_id(conn, email)
    };
    let unassigned = user_id(conn, JUROR.0);
    appoint(conn, competition, unassigned, false);
    for person in [Assigned, Conflicted] {
        let juror = juror_of(conn, person);
        appoint(conn, competition, juror, false);
        assign(conn, reviewed, juror);
    }
    let conflicted = juror_of(conn, Conflicted);
    join(conn, conflicted, "Instituto Mexicano del Seguro Social");
    let chair = juror_of(conn, Chair);
    appoint(conn, competition, chair, true);
    reviewed
}

fn answer_of(response: &reqwest::Response) -> String {
    let status = response.status();
    if status == StatusCode::SEE_OTHER {
        format!("303 to {}", location(response))
    } else {
        status.as_u16().to_string()
    }
}

fn matches(expected: Answer, response: &reqwest::Response) -> bool {
    let status = response.status();
    let to = || location(response);
    match expected {
        Served => status == StatusCode::OK,
        SignIn => status == StatusCode::SEE_OTHER && to().starts_with(paths::SIGN_IN),
        Forbidden => status == StatusCode::FORBIDDEN,
        NotFound => status == StatusCode::NOT_FOUND,
    }
}

fn refusal(response: &reqwest::Response) -> bool {
    [SignIn, Forbidden, NotFound]
        .into_iter()
        .any(|answer| matches(answer, response))
}

/// Everything stored, row by row, so that a refused request can be shown to have changed
/// nothing. The full-text index shadows its tables and is left out.
fn fingerprint(conn: &mut DbConnection) -> BTreeMap<String, String> {
    #[derive(QueryableByName)]
    struct Name {
        #[diesel(sql_type = Text)]
        name: String,
    }
    #[derive(QueryableByName)]
    struct Dump {
        #[diesel(sql_type = diesel::sql_types::Nullable<Text>)]
        rows: Option<String>,
    }
    let postgres = matches!(conn, DbConnection::Postgres(_));
    let tables = if postgres {
        "SELECT table_name AS name FROM information_schema.tables \
         WHERE table_schema = 'public' ORDER BY table_name"
    } else {
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         AND name NOT LIKE '%fts%' ORDER BY name"
    };
    let tables: Vec<Name> = diesel::sql_query(tables).load(conn).unwrap();
    tables
        .into_iter()
        .map(|table| {
            let dump = if postgres {
                format!(
                    "SELECT string_agg(r::text, chr(10) ORDER BY r::text) AS rows FROM \"{}\" r",
                    table.name
                )
            } else {
                let columns: Vec<Name> = diesel::sql_query(format!(
                    "SELECT name FROM pragma_table_info('{}')",
                    table.name
                ))
                .load(conn)
                .unwrap();
                let row = columns
                    .iter()
                    .map(|column| format!("quote(\"{}\")", column.name))
                    .collect::<Vec<_>>()
                    .join(" || ',' || ");
                format!(
                    "SELECT group_concat(r, char(10)) AS rows FROM \
                     (SELECT {row} AS r FROM \"{}\" ORDER BY r)",
                    table.name
                )
            };
            let dump: Vec<Dump> = diesel::sql_query(dump).load(conn).unwrap();
            (table.name, dump[0].rows.clone().unwrap_or_default())
        })
        .collect()
}

async fn make_objects(app: &TestApp, people: &People) -> Objects {
    let esdc_browser = &people.0[1].1;
    let esdc = draft_with_document(&mut app.db(), esdc_browser, "ESDC's draft").await;
    let reviewed = appoint_the_jury(&mut app.db());
    // The reviewed entry carries a copy of ESDC's document.
    app.execute(&format!(
        "INSERT INTO documents (entry_id, original_name, stored_name, media_type, size_bytes, uploaded_at, uploaded_by) \
         SELECT {reviewed}, 'evidence.pdf', stored_name, media_type, size_bytes, uploaded_at, uploaded_by \
         FROM documents WHERE entry_id = {esdc}"
    ));
    app.execute(&format!(
        "INSERT INTO document_contents (document_id, content) \
         SELECT (SELECT id FROM documents WHERE entry_id = {reviewed}), content \
         FROM document_contents JOIN documents ON documents.id = document_contents.document_id \
         WHERE documents.entry_id = {esdc}"
    ));
    let entry_of = |email: &str| {
        format!(
            "SELECT entries.id FROM entries JOIN memberships \
             ON memberships.organisation_id = entries.organisation_id \
             JOIN users ON users.id = memberships.user_id \
             WHERE users.email = '{email}' ORDER BY entries.id LIMIT 1"
        )
    };
    let found = |sql: &str| {
        let id = app.count(sql);
        assert!(id > 0, "no object: {sql}");
        id.to_string()
    };
    Objects(BTreeMap::from([
        ("esdc", esdc.to_string()),
        (
            "document",
            found(&format!("SELECT id FROM documents WHERE entry_id = {esdc}")),
        ),
        ("imss", found(&entry_of(SECOND_SUBMITTER.0))),
        (
            "submitted",
            found("SELECT MIN(id) FROM entries WHERE status = 'submitted'"),
        ),
        ("competition", americas(&mut app.db()).to_string()),
        ("reviewed", reviewed.to_string()),
        (
            "reviewed_document",
            found(&format!(
                "SELECT id FROM documents WHERE entry_id = {reviewed}"
            )),
        ),
        (
            "other_competition",
            found("SELECT id FROM competitions WHERE region = 'europe'"),
        ),
        (
            "membership",
            found("SELECT MIN(id) FROM memberships WHERE status = 'requested'"),
        ),
        (
            "applicant",
            found(&format!(
                "SELECT id FROM users WHERE email = '{}'",
                APPLICANT.0
            )),
        ),
        (
            "practice",
            found("SELECT MIN(id) FROM practices WHERE status = 'published'"),
        ),
        (
            "awarded",
            found(
                "SELECT MIN(id) FROM practices WHERE status = 'published' \
                 AND award IS NOT NULL",
            ),
        ),
        // An unpublished practice when the demo data has one, else an id with no practice.
        (
            "unpublished",
            found(
                "SELECT COALESCE(MIN(id), (SELECT MAX(id) + 1 FROM practices)) \
                 FROM practices WHERE status <> 'published'",
            ),
        ),
        ("organisation", found("SELECT MIN(id) FROM organisations")),
        ("given_up", {
            app.execute(
                "INSERT INTO outbox (recipient, subject, body, attempts, last_error) \
                 VALUES ('gone@example.org', 'Lost', 'Refused.', 5, '550 No such mailbox')",
            );
            found("SELECT MAX(id) FROM outbox WHERE attempts = 5")
        }),
    ]))
}

async fn send_post(
    browser: &Browser,
    route: &Post,
    objects: &Objects,
    token: Option<&str>,
) -> reqwest::Response {
    let path = objects.fill(route.path);
    let filled: Vec<(String, String)> = token
        .map(|token| ("csrf_token".to_owned(), token.to_owned()))
        .into_iter()
        .chain(
            route
                .fields
                .iter()
                .map(|(name, value)| ((*name).to_owned(), objects.fill(value))),
        )
        .collect();
    let fields: Vec<(&str, &str)> = filled
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    match route.body {
        Body::Form | Body::OneClick => browser.post_raw(&path, &fields).await,
        Body::Multipart => browser.post_multipart_raw(&path, &fields, None).await,
    }
}

#[tokio::test]
async fn every_route_answers_each_person_as_the_matrix_says() {
    let app = TestApp::spawn().await;
    let people = People::sign_in(&app).await;
    let objects = make_objects(&app, &people).await;
    let mut mismatches = Vec::new();

    let covered: Vec<(&str, &str)> = GETS
        .iter()
        .map(|row| ("GET", row.route))
        .chain(POSTS.iter().map(|row| ("POST", row.route)))
        .collect();
    for (method, route) in declared_routes() {
        if !covered.contains(&(method, route.as_str())) {
            mismatches.push(format!("{method} {route}: not in the matrix"));
        }
    }

    for row in GETS {
        let path = objects.fill(row.path);
        for ((person, browser), expected) in people.0.iter().zip(row.answers) {
            let response = browser.get(&path).await;
            if !matches(expected, &response) {
                mismatches.push(format!(
                    "GET {path} as {person:?}: expected {expected:?}, got {}",
                    answer_of(&response)
                ));
            }
        }
    }

    for row in POSTS {
        let path = objects.fill(row.path);
        for (person, browser) in &people.0 {
            let before = fingerprint(&mut app.db());
            let response = send_post(browser, row, &objects, None).await;
            let expected = match row.body {
                Body::OneClick => NotFound,
                Body::Form | Body::Multipart => Forbidden,
            };
            if !matches(expected, &response) {
                mismatches.push(format!(
                    "POST {path} as {person:?} without a token: expected {expected:?}, got {}",
                    answer_of(&response)
                ));
            }
            if fingerprint(&mut app.db()) != before {
                mismatches.push(format!(
                    "POST {path} as {person:?} without a token changed the database"
                ));
            }
        }
        for (person, browser) in people.0.iter().filter(|(p, _)| row.refused.contains(p)) {
            // Every session has its token on the sign-in page, even an anonymous one.
            let token = browser.csrf_token(paths::SIGN_IN).await;
            let before = fingerprint(&mut app.db());
            let response = send_post(browser, row, &objects, Some(&token)).await;
            if !refusal(&response) {
                mismatches.push(format!(
                    "POST {path} as {person:?} with a token: expected a refusal, got {}",
                    answer_of(&response)
                ));
            }
            let after = fingerprint(&mut app.db());
            let changed: Vec<&String> = after
                .iter()
                .filter(|(table, rows)| before.get(table.as_str()) != Some(rows))
                .map(|(table, _)| table)
                .collect();
            if !changed.is_empty() {
                mismatches.push(format!(
                    "POST {path} as {person:?} with a token changed {changed:?}"
                ));
            }
        }
    }

    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    // The people are still who they were: nothing above signed anyone in or out.
    let esdc = &people.0[1].1;
    assert_eq!(esdc.get(paths::SUBMISSIONS).await.status(), StatusCode::OK);
}
