//! What the people who run the portal read from it: metrics.

use std::collections::BTreeMap;

use reqwest::StatusCode;

use crate::common::{count, TestApp};
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
}
