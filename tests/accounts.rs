//! Accounts through the HTTP stack: sign-in and its rate limit, sessions, password change
//! and reset, roles.

use crate::common::builders;
use crate::common::{field_error, location, selector, sql_time, text_of, TestApp};
use portal::accounts::Role;
use portal::demo::workflow::{JUROR, SECRETARIAT, SUBMITTER};
use portal::ids::{OrganisationId, UserId};
use portal::paths;
use reqwest::StatusCode;
use scraper::Html;

async fn sign_in_status(app: &TestApp, email: &str, password: &str) -> (StatusCode, String) {
    let browser = app.browser();
    let response = browser
        .post_form(
            paths::SIGN_IN,
            paths::SIGN_IN,
            &[("email", email), ("password", password)],
        )
        .await;
    let status = response.status();
    let page = Html::parse_document(&response.text().await.unwrap());
    (status, field_error(&page, "email").unwrap_or_default())
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_address_get_the_same_answer() {
    let app = TestApp::spawn().await;
    let wrong = sign_in_status(&app, SUBMITTER.0, "not the password").await;
    let unknown = sign_in_status(&app, "nobody@nowhere.example", "not the password").await;
    assert_eq!(wrong.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong, unknown);
    assert_eq!(
        wrong.1,
        "The e-mail address or the password is not correct."
    );
}

#[tokio::test]
async fn failed_sign_ins_lock_the_account_for_a_while() {
    let app = TestApp::spawn().await;
    for _ in 0..5 {
        let (status, _) = sign_in_status(&app, SUBMITTER.0, "guess").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    // Now even the right password is refused, with a message that says why.
    let (status, message) = sign_in_status(&app, SUBMITTER.0, SUBMITTER.1).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        message.starts_with("Too many failed sign-in attempts"),
        "{message}"
    );
    // Other accounts are not locked by it, until the address itself has failed too often.
    let (status, _) = sign_in_status(&app, JUROR.0, JUROR.1).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    for n in 0..15 {
        sign_in_status(&app, &format!("guess{n}@nowhere.example"), "guess").await;
    }
    let (_, message) = sign_in_status(&app, JUROR.0, JUROR.1).await;
    assert!(
        message.starts_with("Too many failed sign-in attempts"),
        "{message}"
    );
    // The window passes.
    app.execute(&format!(
        "UPDATE login_failures SET failed_at = {}",
        sql_time(-16)
    ));
    let (status, _) = sign_in_status(&app, SUBMITTER.0, SUBMITTER.1).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn sign_in_renews_the_session_and_returns_to_the_page_asked_for() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let sent_away = browser.get(paths::NEW_ENTRY).await;
    assert_eq!(location(&sent_away), "/login?next=%2Fsubmissions%2Fnew");
    let login = browser.page("/login?next=%2Fsubmissions%2Fnew").await;
    let next = login
        .select(&selector("input[name=next]"))
        .next()
        .unwrap()
        .value()
        .attr("value")
        .unwrap()
        .to_owned();
    let before = browser.csrf_token(paths::SIGN_IN).await;
    let response = browser
        .post_raw(
            paths::SIGN_IN,
            &[
                ("csrf_token", &before),
                ("email", SUBMITTER.0),
                ("password", SUBMITTER.1),
                ("next", &next),
            ],
        )
        .await;
    assert_eq!(location(&response), paths::NEW_ENTRY);
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    // The token of the anonymous session is no longer accepted.
    assert_ne!(browser.csrf_token(paths::SUBMISSIONS).await, before);
    // A `next` to another site is ignored.
    let elsewhere = app.browser();
    let token = elsewhere.csrf_token(paths::SIGN_IN).await;
    let response = elsewhere
        .post_raw(
            paths::SIGN_IN,
            &[
                ("csrf_token", &token),
                ("email", SUBMITTER.0),
                ("password", SUBMITTER.1),
                ("next", "//evil.example/"),
            ],
        )
        .await;
    assert_eq!(location(&response), paths::SUBMISSIONS);
}

#[tokio::test]
async fn changing_the_password_signs_out_other_sessions() {
    let app = TestApp::spawn().await;
    let here = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let elsewhere = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let wrong = here
        .post_form(
            paths::ACCOUNT_PASSWORD,
            paths::ACCOUNT_PASSWORD,
            &[
                ("current_password", "wrong"),
                ("password", "a brand new password"),
                ("confirmation", "a brand new password"),
            ],
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let changed = here
        .post_form(
            paths::ACCOUNT_PASSWORD,
            paths::ACCOUNT_PASSWORD,
            &[
                ("current_password", SUBMITTER.1),
                ("password", "a brand new password"),
                ("confirmation", "a brand new password"),
            ],
        )
        .await;
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    here.page(paths::SUBMISSIONS).await;
    assert_eq!(
        elsewhere.get(paths::SUBMISSIONS).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        sign_in_status(&app, SUBMITTER.0, SUBMITTER.1).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        sign_in_status(&app, SUBMITTER.0, "a brand new password")
            .await
            .0,
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_a_one_time_link() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    for email in [SUBMITTER.0, "nobody@nowhere.example"] {
        let response = browser
            .post_form(
                paths::PASSWORD_RESET,
                paths::PASSWORD_RESET,
                &[("email", email)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let page = Html::parse_document(&response.text().await.unwrap());
        assert!(text_of(&page, "[role=status]")[0].starts_with("If an account exists"));
    }
    assert!(app.last_mail_to("nobody@nowhere.example").is_none());
    let path = &app.reset_link(SUBMITTER.0);

    let short = browser
        .post_form(
            path,
            path,
            &[("password", "short"), ("confirmation", "short")],
        )
        .await;
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let reset = browser
        .post_form(
            path,
            path,
            &[
                ("password", "chosen after reset"),
                ("confirmation", "chosen after reset"),
            ],
        )
        .await;
    assert_eq!(location(&reset), paths::SIGN_IN);
    assert_eq!(
        sign_in_status(&app, SUBMITTER.0, "chosen after reset")
            .await
            .0,
        StatusCode::SEE_OTHER
    );
    // Used once, the link is dead; so is an expired one.
    let used = browser.page(path).await;
    assert!(text_of(&used, "main p")
        .iter()
        .any(|p| p.contains("expired or has already been used")));
    browser
        .post_form(
            paths::PASSWORD_RESET,
            paths::PASSWORD_RESET,
            &[("email", SUBMITTER.0)],
        )
        .await;
    app.execute(&format!(
        "UPDATE password_resets SET expires_at = {} WHERE used_at IS NULL",
        sql_time(-1)
    ));
    let expired = &app.reset_link(SUBMITTER.0);
    assert!(browser
        .page(expired)
        .await
        .select(&selector("input[name=password]"))
        .next()
        .is_none());
}

#[tokio::test]
async fn the_secretariat_changes_roles_and_it_is_logged() {
    let app = TestApp::spawn().await;
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    let submitter = app.id_of::<UserId>(&format!(
        "SELECT id FROM users WHERE email = '{}'",
        SUBMITTER.0
    ));
    let response = secretariat
        .post_form(
            paths::USERS,
            &paths::user_role(submitter),
            &[("role", "juror")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.count(&format!("SELECT COUNT(*) FROM audit_log WHERE subject = 'account' AND subject_id = {submitter} AND action = 'role-changed' AND from_state = 'submitter' AND to_state = 'juror'")), 1);
    // A juror has no entries page.
    let juror = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    assert_eq!(
        juror.get(paths::SUBMISSIONS).await.status(),
        StatusCode::FORBIDDEN
    );
    // The secretariat cannot demote itself.
    let me = app.id_of::<UserId>(&format!(
        "SELECT id FROM users WHERE email = '{}'",
        SECRETARIAT.0
    ));
    let refused = secretariat
        .post_form(
            paths::USERS,
            &paths::user_role(me),
            &[("role", "submitter")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[test]
fn create_admin_makes_a_secretariat_account_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("admin.sqlite3");
    let run = |password: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_portal"))
            .args([
                "create-admin",
                "--database",
                database.to_str().unwrap(),
                "--email",
                "Chief@Example.org",
                "--password",
                password,
            ])
            .output()
            .unwrap()
    };
    let short = run("short");
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 10 characters"));
    let made = run("a long admin password");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let mut conn =
        <diesel::SqliteConnection as diesel::Connection>::establish(database.to_str().unwrap())
            .unwrap();
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        role: String,
    }
    let rows: Vec<Row> = diesel::RunQueryDsl::load(
        diesel::sql_query("SELECT role FROM users WHERE email = 'chief@example.org'"),
        &mut conn,
    )
    .unwrap();
    assert_eq!(
        rows.iter().map(|r| r.role.as_str()).collect::<Vec<_>>(),
        ["secretariat"]
    );
}

#[tokio::test]
async fn registration_problems_keep_what_was_typed() {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let refused = browser
        .post_form(
            paths::REGISTER,
            paths::REGISTER,
            &[
                ("name", "Ana Souza"),
                ("email", "not an address"),
                ("password", "short"),
                ("confirmation", "short"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = Html::parse_document(&refused.text().await.unwrap());
    assert_eq!(crate::common::field_value(&page, "name"), "Ana Souza");
    assert_eq!(crate::common::field_value(&page, "email"), "not an address");
    assert!(field_error(&page, "email").is_some());
    assert_eq!(
        field_error(&page, "password").as_deref(),
        Some("Use at least 10 characters.")
    );
    // The summary links each problem to its field.
    let links: Vec<_> = page
        .select(&selector(".error-summary a"))
        .map(|link| link.value().attr("href").unwrap().to_owned())
        .collect();
    assert_eq!(links, ["#email", "#password"]);
    // An address already registered is named as such.
    let taken = browser
        .post_form(
            paths::REGISTER,
            paths::REGISTER,
            &[
                ("name", "Someone"),
                ("email", SUBMITTER.0),
                ("password", "long enough password"),
                ("confirmation", "long enough password"),
            ],
        )
        .await;
    let page = Html::parse_document(&taken.text().await.unwrap());
    assert!(field_error(&page, "email")
        .unwrap()
        .contains("already exists"));
}

#[tokio::test]
async fn one_account_has_at_most_three_requests_waiting_and_the_secretariat_reads_them_by_page() {
    let app = TestApp::spawn().await;
    let applicant = app.browser();
    let registered = applicant
        .register("Many Hats", "hats@example.org", "a long passphrase of hats")
        .await;
    assert_eq!(registered.status(), StatusCode::SEE_OTHER);
    let institutions: Vec<String> = crate::common::strings(
        &mut app.db(),
        "SELECT CAST(id AS TEXT) AS value FROM organisations WHERE approved ORDER BY id LIMIT 4",
    )
    .into_iter()
    .map(Option::unwrap)
    .collect();
    for institution in &institutions[..3] {
        let asked = applicant
            .post_form(
                paths::ACCOUNT,
                paths::ACCOUNT_MEMBERSHIPS,
                &[("organisation", institution)],
            )
            .await;
        assert_eq!(asked.status(), StatusCode::SEE_OTHER);
    }
    let pending = "SELECT COUNT(*) FROM memberships JOIN users ON users.id = memberships.user_id \
                   WHERE users.email = 'hats@example.org' AND status = 'requested'";
    assert_eq!(app.count(pending), 3);
    // A fourth request, for a known institution or a new one, is refused and says why.
    let fourth = applicant
        .post_form(
            paths::ACCOUNT,
            paths::ACCOUNT_MEMBERSHIPS,
            &[("organisation", &institutions[3])],
        )
        .await;
    assert_eq!(fourth.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = Html::parse_document(&fourth.text().await.unwrap());
    assert!(field_error(&page, "organisation")
        .unwrap_or_default()
        .contains("3 requests waiting"));
    let new_institution = applicant
        .post_form(
            paths::ACCOUNT,
            paths::ACCOUNT_ORGANISATIONS,
            &[
                ("organisation_name", "Caisse des Chapeaux"),
                ("country", "FR"),
                ("region", "europe"),
                ("kind", "social-security-institution"),
            ],
        )
        .await;
    assert_eq!(new_institution.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = Html::parse_document(&new_institution.text().await.unwrap());
    assert_eq!(
        crate::common::field_value(&page, "organisation_name"),
        "Caisse des Chapeaux"
    );
    assert_eq!(app.count(pending), 3);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM organisations WHERE name = 'Caisse des Chapeaux'"),
        0
    );

    // Many people asking: the secretariat's list comes a page at a time, oldest first.
    let conn = &mut app.db();
    for n in 0..40 {
        let email = format!("asker{n}@example.org");
        let asker = builders::account(conn, &email, &format!("Asker {n}"), Role::Submitter);
        builders::membership_request(conn, asker, OrganisationId(1));
    }
    let waiting = app.count("SELECT COUNT(*) FROM memberships WHERE status = 'requested'");
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    let first = secretariat.page(paths::MEMBERSHIPS).await;
    let second = secretariat.page("/admin/memberships?page=2").await;
    let cards = |page: &Html| page.select(&selector("main .card-list > li")).count();
    assert_eq!(cards(&first), 25);
    assert_eq!(cards(&first) + cards(&second), waiting as usize);
    assert!(crate::common::hrefs(&first, "nav a")
        .iter()
        .any(|href| href == "/admin/memberships?page=2"));
}
