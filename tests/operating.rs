//! What the people who run the portal rely on: metrics, and mail that really leaves.

use std::collections::BTreeMap;
use std::time::Duration;

use reqwest::StatusCode;

use crate::common::smtp::{
    eventually, every_message_failed_once, every_message_taken_once, portal_sending_to, unsent,
    SmtpSink,
};
use crate::common::{count, free_port, sql_time_in_seconds, TestApp};
use portal::demo::workflow::{SECRETARIAT, SUBMITTER};
use portal::ids::{MessageId, PracticeId};
use portal::paths;

const TOKEN: &str = "a-long-random-metrics-token";

/// The samples of an OpenMetrics text: each series (name and labels, the labels in order of
/// name) and its value.
fn samples(text: &str) -> BTreeMap<String, f64> {
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let (series, value) = line.rsplit_once(' ').expect("a series and a value");
            let series = match series.split_once('{') {
                Some((name, labels)) => {
                    let mut labels: Vec<&str> = labels.trim_end_matches('}').split(',').collect();
                    labels.sort_unstable();
                    format!("{name}{{{}}}", labels.join(","))
                }
                None => series.to_owned(),
            };
            (series, value.parse().expect("a number"))
        })
        .collect()
}

async fn metrics(app: &TestApp, token: Option<&str>) -> reqwest::Response {
    let request = reqwest::Client::new().get(format!("{}{}", app.base, paths::METRICS));
    match token {
        Some(token) => request.bearer_auth(token),
        None => request,
    }
    .send()
    .await
    .unwrap()
}

#[tokio::test]
async fn without_a_token_configured_there_are_no_metrics() {
    let app = TestApp::spawn().await;
    assert_eq!(
        metrics(&app, Some(TOKEN)).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn metrics_count_requests_refusals_and_the_outbox_for_the_token_holder_only() {
    let app = TestApp::spawn_with(|config| config.metrics_token = Some(TOKEN.to_owned())).await;
    for token in [None, Some("a-wrong-token")] {
        let refused = metrics(&app, token).await;
        assert_eq!(refused.status(), StatusCode::UNAUTHORIZED, "{token:?}");
        assert!(refused.text().await.unwrap().is_empty());
    }
    for _ in 0..3 {
        assert_eq!(app.get(paths::PRACTICES).await.status(), StatusCode::OK);
    }
    assert_eq!(
        app.get("/no-such-page").await.status(),
        StatusCode::NOT_FOUND
    );
    let browser = app.browser();
    let wrong = browser
        .post_form(
            paths::SIGN_IN,
            paths::SIGN_IN,
            &[
                ("email", "nobody@example.org"),
                ("password", "not a password"),
            ],
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let response = metrics(&app, Some(TOKEN)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        content_type.starts_with("application/openmetrics-text"),
        "{content_type}"
    );
    let text = response.text().await.unwrap();
    assert!(text.ends_with("# EOF\n"), "{text}");
    let samples = samples(&text);
    let value = |series: &str| {
        *samples
            .get(series)
            .unwrap_or_else(|| panic!("no {series} in {text}"))
    };
    // Counters are the process's; other tests in this process count too.
    assert!(
        value(r#"portal_http_requests_total{method="GET",route="/practices",status="200"}"#) >= 3.0
    );
    assert!(
        value(r#"portal_http_requests_total{method="GET",route="(no route)",status="404"}"#) >= 1.0
    );
    assert!(value(r#"portal_http_request_seconds_count{route="/practices"}"#) >= 3.0);
    assert!(value(r#"portal_http_request_seconds_bucket{le="+Inf",route="/practices"}"#) >= 3.0);
    assert!(value(r#"portal_sign_in_refusals_total{reason="credentials"}"#) >= 1.0);
    // What the database and this app hold, read when scraped.
    let waiting = count(
        &mut app.db(),
        "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL",
    );
    assert_eq!(value("portal_outbox_waiting"), waiting as f64);
    assert_eq!(value("portal_outbox_failing"), 0.0);
    assert_eq!(value("portal_search_index_lag"), 0.0);
    assert_eq!(value("portal_search_index_building"), 0.0);
    assert!(value("portal_db_pool_connections") >= 1.0);
    // No path of a request is a label: ids and tokens stay out.
    assert!(!text.contains("nobody@example.org") && !text.contains("/no-such-page"));

    // A route is named as the table declares it, the pattern of its ids aside.
    let practice =
        app.id_of::<PracticeId>("SELECT MIN(id) FROM practices WHERE status = 'published'");
    assert_eq!(
        app.get(&paths::practice(practice)).await.status(),
        StatusCode::OK
    );
    let later = self::samples(&metrics(&app, Some(TOKEN)).await.text().await.unwrap());
    let series = format!(
        r#"portal_http_requests_total{{method="GET",route="{}",status="200"}}"#,
        paths::PRACTICE
    );
    assert!(later.contains_key(&series), "{series} in {later:?}");
}

#[tokio::test]
async fn every_message_reaches_a_real_smtp_server_once_as_text_and_html_in_its_language() {
    let sink = SmtpSink::start(&[]);
    let app = portal_sending_to(&sink.url, None).await;
    // Besides the demo's acknowledgements, screening outcomes and membership messages: a
    // reset link, asked for by a person who reads French.
    app.execute(&format!(
        "UPDATE users SET language = 'fr' WHERE email = '{}'",
        SUBMITTER.0
    ));
    let asked = app
        .browser()
        .post_form(
            paths::PASSWORD_RESET,
            paths::PASSWORD_RESET,
            &[("email", SUBMITTER.0)],
        )
        .await;
    assert_eq!(asked.status(), StatusCode::OK);
    let subjects = every_message_taken_once(&app, &sink).await;
    let kinds = [
        "Entry received",
        "Your entry is eligible",
        "Your entry needs completing",
        "Your membership request",
        "A membership request is waiting",
        "Réinitialiser votre mot de passe",
    ];
    for kind in kinds {
        assert!(
            subjects.iter().any(|subject| subject.starts_with(kind)),
            "{kind} among {subjects:?}"
        );
    }
}

#[tokio::test]
async fn a_refusal_is_shown_with_its_reason_and_a_server_that_is_down_is_tried_later() {
    let sink = SmtpSink::start(&[]);
    let app = portal_sending_to(&sink.url, None).await;
    app.execute(
        "INSERT INTO outbox (recipient, subject, body) \
         VALUES ('refused@example.org', 'For nobody', 'A message the server refuses.')",
    );
    let given_up = "SELECT COUNT(*) FROM outbox WHERE recipient = 'refused@example.org' \
                    AND attempts = 5 AND sent_at IS NULL AND last_error LIKE '%550%'";
    eventually("the refusal recorded", || {
        count(&mut app.db(), given_up) == 1
    })
    .await;
    assert_eq!(sink.refusals(), 1, "a refusal for good is not tried again");
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    let page = secretariat.page(paths::OUTBOX).await;
    let shown: String = page.root_element().text().collect();
    assert!(
        shown.contains("No such mailbox here"),
        "the server's reason: {shown}"
    );
    // The secretariat puts it back in line; it is tried once more.
    let message =
        app.id_of::<MessageId>("SELECT id FROM outbox WHERE recipient = 'refused@example.org'");
    let again = secretariat
        .post_form(paths::OUTBOX, &paths::outbox_resend(message), &[])
        .await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    eventually("tried again", || sink.refusals() == 2).await;
    eventually("given up again", || count(&mut app.db(), given_up) == 1).await;
    // A message that is not given up cannot be put back in line.
    let sent = app.id_of::<MessageId>("SELECT MIN(id) FROM outbox WHERE sent_at IS NOT NULL");
    let refused = secretariat
        .post_form(paths::OUTBOX, &paths::outbox_resend(sent), &[])
        .await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);

    // A server that is down: each message is tried once, then not again for half a minute.
    let down = portal_sending_to(&format!("smtp://127.0.0.1:{}", free_port()), None).await;
    every_message_failed_once(&down, "").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let retried_early = format!(
        "SELECT COUNT(*) FROM outbox WHERE attempts > 1 OR next_attempt_at < {} \
         OR last_error IS NULL",
        sql_time_in_seconds(20)
    );
    assert_eq!(count(&mut down.db(), &retried_early), 0);
}

#[tokio::test]
async fn mail_goes_over_starttls_and_smtps_to_a_server_whose_certificate_the_operator_trusts() {
    let keys = tempfile::tempdir().unwrap();
    let certified = rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).unwrap();
    let certificate = keys.path().join("smtp.pem");
    let key = keys.path().join("smtp.key");
    std::fs::write(&certificate, certified.cert.pem()).unwrap();
    std::fs::write(&key, certified.signing_key.serialize_pem()).unwrap();
    for (certificate_option, key_option, scheme, query) in [
        ("--tlscert", "--tlskey", "smtp", "?tls=required"),
        ("--smtpscert", "--smtpskey", "smtps", ""),
    ] {
        let sink = SmtpSink::start(&[
            certificate_option.as_ref(),
            certificate.as_os_str(),
            key_option.as_ref(),
            key.as_os_str(),
        ]);
        let url = format!("{scheme}://localhost:{}{query}", sink.port);
        // Without the certificate trusted, nothing goes: the server is not who it says.
        let wary = portal_sending_to(&url, None).await;
        let waiting = unsent(&wary);
        every_message_failed_once(&wary, "certificate").await;
        assert!(sink.messages().is_empty(), "{url}");
        // Trusted, every message goes, encrypted.
        let trusting = portal_sending_to(&url, Some(certificate.clone())).await;
        eventually("every message sent", || unsent(&trusting) == 0).await;
        assert_eq!(sink.messages().len() as i64, waiting, "{url}");
    }
}

/// `portal config check` with `settings` in a file and `environment`: each key's value and
/// where it came from, or the failure's message.
fn config_check(
    settings: &str,
    environment: &[(&str, &str)],
) -> Result<BTreeMap<String, (String, String)>, String> {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("portal.toml");
    std::fs::write(&file, settings).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_portal"))
        .args(["config", "check", "--config"])
        .arg(&file)
        .env_clear()
        .envs(environment.iter().copied())
        .output()
        .unwrap();
    if !output.status.success() {
        return Err(String::from_utf8(output.stderr).unwrap());
    }
    Ok(String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let (key, rest) = line.split_once(" = ").expect("key = value");
            let (value, source) = rest.split_once("  # ").expect("value  # source");
            (
                key.to_owned(),
                (value.trim_matches('"').to_owned(), source.to_owned()),
            )
        })
        .collect())
}

#[test]
fn a_settings_file_fills_in_what_the_command_line_and_environment_leave_with_secrets_masked() {
    let settings = config_check(
        "bind = \"127.0.0.1:9999\"\n\
         metrics_token = \"a-secret-token\"\n\
         smtp_url = \"smtps://mailer:a-secret-password@mail.example.org:465\"\n\
         mail_from = \"portal@example.org\"\n\
         secure_cookies = true\n",
        &[("PORTAL_BIND", "127.0.0.1:7000")],
    )
    .unwrap();
    let setting = |key: &str| settings[key].clone();
    let owned = |value: &str, source: &str| (value.to_owned(), source.to_owned());
    assert_eq!(setting("bind"), owned("127.0.0.1:7000", "environment"));
    assert_eq!(setting("metrics_token"), owned("***", "settings file"));
    assert_eq!(
        setting("smtp_url"),
        owned("smtps://mailer:***@mail.example.org:465", "settings file")
    );
    assert_eq!(setting("secure_cookies"), owned("true", "settings file"));
    assert_eq!(setting("database"), owned("data/portal.sqlite3", "default"));
    assert!(!format!("{settings:?}").contains("a-secret"));

    let refused = config_check("colour = \"blue\"\n", &[]).unwrap_err();
    assert!(
        refused.contains("unknown setting `colour`")
            && refused.contains("bind, data_dir, database"),
        "{refused}"
    );
    let not_text = config_check("bind = [1, 2]\n", &[]).unwrap_err();
    assert!(not_text.contains("`bind`"), "{not_text}");
}

/// Runs the portal binary with `args`; its standard output and error (not terminals).
fn run_portal(args: &[&str]) -> (String, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_portal"))
        .args(args)
        .env_remove("PORTAL_DATABASE")
        .output()
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    );
    assert!(output.status.success(), "{args:?}: {stdout}{stderr}");
    (stdout, stderr)
}

#[test]
fn long_commands_show_progress_in_plain_lines_and_end_with_a_summary() {
    let folder = tempfile::tempdir().unwrap();
    let database = folder.path().join("portal.sqlite3");
    let database = database.to_str().unwrap();
    let migrations = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/sqlite"))
        .unwrap()
        .filter(|entry| entry.as_ref().unwrap().path().join("up.sql").exists())
        .count();

    let (summary, lines) = run_portal(&["migrate", "--database", database]);
    assert!(
        summary.starts_with(&format!(
            "{migrations} migrations applied to {database} in "
        )),
        "{summary}"
    );
    assert!(
        lines.ends_with(&format!(
            "migrations: {migrations} of {migrations} (100%)\n"
        )),
        "{lines}"
    );
    let (again, _) = run_portal(&["migrate", "--database", database]);
    assert!(again.starts_with("0 migrations applied"), "{again}");

    let (summary, lines) = run_portal(&["seed-demo", "--database", database, "--practices", "250"]);
    assert!(
        summary.contains(" 250 practices into ") && summary.trim_end().ends_with(" s"),
        "{summary}"
    );
    // A line at each tenth, not one a practice.
    let shown: Vec<&str> = lines
        .lines()
        .filter(|line| line.starts_with("practices: "))
        .collect();
    assert_eq!(shown.len(), 10, "{lines}");
    assert_eq!(shown[9], "practices: 250 of 250 (100%)");

    let (summary, lines) = run_portal(&["reindex", "--database", database]);
    assert!(
        summary.contains("practices indexed into") && summary.trim_end().ends_with(" s"),
        "{summary}"
    );
    assert!(
        lines.contains("practices indexed: 250 of 250 (100%)"),
        "{lines}"
    );
}

#[test]
fn a_database_that_cannot_be_opened_is_one_clear_error_without_its_password() {
    for (url, problem) in [
        (
            "postgres://portal:s3cret@127.0.0.1:1/portal",
            "Connection refused",
        ),
        ("postgres://portal:s3cret@[::1/portal", "IPv6 host address"),
        ("postgresql://portal:s3cret@db:port/portal", "\"port\""),
    ] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_portal"))
            .args(["serve", "--bind", "127.0.0.1:0", "--database", url])
            .env_clear()
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(1), "{url}: {stderr}");
        let first = stderr.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(&format!(
                "error: cannot open the database {}",
                url.replace(":s3cret@", ":***@")
            )) && stderr.contains(problem),
            "{url}: {stderr}"
        );
        assert!(!stderr.contains("s3cret"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}
