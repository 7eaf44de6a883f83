//! Alerts: anyone follows a search by e-mail, confirms it from the link sent to the address,
//! and then receives at most weekly the practices published since that the search finds, in
//! the language asked in, with a one-click way out (RFC 8058) that needs no session.

use std::time::Duration;

use portal::paths;
use reqwest::StatusCode;
use scraper::Html;

use crate::common::forms::{form, pairs, replaced};
use crate::common::smtp::{eventually, sending_to, SmtpSink};
use crate::common::{count, field_error, selector, sql_time, strings, text_of, Browser, TestApp};

/// A portal that looks for due digests every tenth of a second.
async fn portal_checking_often(smtp: Option<&SmtpSink>) -> TestApp {
    let smtp = smtp.map(|sink| sending_to(sink.url.clone(), None));
    TestApp::spawn_with(move |config| {
        config.alert_check = Duration::from_millis(100);
        config.smtp = smtp;
    })
    .await
}

/// Fills in and sends the alert form the list `search` (a query string) links to.
async fn ask(browser: &Browser, search: &str, email: &str) -> reqwest::Response {
    let list = browser
        .page(&format!("{}?{search}", paths::PRACTICES))
        .await;
    let link = list
        .select(&selector(".downloads a"))
        .find(|link| {
            link.value()
                .attr("href")
                .unwrap()
                .starts_with(paths::NEW_ALERT)
        })
        .expect("the list links to its alert form")
        .value()
        .attr("href")
        .unwrap()
        .to_owned();
    let page = browser.page(&link).await;
    let fields = replaced(&form(&page, paths::ALERTS).filled(), "email", &[email]);
    browser.post_raw(paths::ALERTS, &pairs(&fields)).await
}

/// The messages queued for `email`: (subject, body), oldest first.
fn mails_to(app: &TestApp, email: &str) -> Vec<(String, String)> {
    strings(
        &mut app.db(),
        &format!(
            "SELECT subject || '\u{1f}' || body AS value FROM outbox \
             WHERE recipient = '{email}' ORDER BY id"
        ),
    )
    .into_iter()
    .map(|row| {
        let row = row.unwrap();
        let (subject, body) = row.split_once('\u{1f}').unwrap();
        (subject.to_owned(), body.to_owned())
    })
    .collect()
}

/// The path (and query) of the first link in `body` to `/alerts/…/{ending}`.
fn link_in(app: &TestApp, body: &str, ending: &str) -> String {
    let link = body
        .split_whitespace()
        .find(|word| word.starts_with(&app.base) && word.contains(ending))
        .unwrap_or_else(|| panic!("no link to {ending} in {body}"));
    link[app.base.len()..].to_owned()
}

/// Presses the one button of the page a link leads to.
async fn press(browser: &Browser, path: &str) -> Html {
    let page = browser.page(path).await;
    let action = page
        .select(&selector("main form[method=post]"))
        .next()
        .expect("a button to press")
        .value()
        .attr("action")
        .unwrap()
        .to_owned();
    let token = browser.csrf_token(path).await;
    let response = browser.post_raw(&action, &[("csrf_token", &token)]).await;
    assert_eq!(response.status(), StatusCode::OK);
    Html::parse_document(&response.text().await.unwrap())
}

/// Follows `search` at `email` and confirms it; returns the path of the confirmation link.
async fn confirmed_alert(app: &TestApp, search: &str, email: &str) -> String {
    let browser = app.browser();
    assert_eq!(ask(&browser, search, email).await.status(), StatusCode::OK);
    let (_, body) = mails_to(app, email).pop().expect("a confirmation mail");
    let confirm = link_in(app, &body, "/confirm");
    press(&browser, &confirm).await;
    confirm
}

/// Every practice published long ago, but `recent` (a title, days ago) published lately.
fn publication_dates(app: &TestApp, recent: &[(&str, i64)]) {
    app.execute(
        "UPDATE practices SET published_at = '2021-03-01 09:00:00' WHERE published_at IS NOT NULL",
    );
    for (title, days) in recent {
        app.execute(&format!(
            "UPDATE practices SET published_at = {} WHERE title = '{title}'",
            sql_time(-days * 24 * 60)
        ));
    }
}

/// A published practice's title in `region`, the `nth` by id.
fn title_in(app: &TestApp, region: &str, nth: usize) -> String {
    strings(
        &mut app.db(),
        &format!(
            "SELECT p.title AS value FROM practices p JOIN organisations o ON o.id = p.organisation_id \
             WHERE p.status = 'published' AND o.region = '{region}' AND p.entry_id IS NULL \
             AND p.title NOT LIKE '%''%' ORDER BY p.id LIMIT 1 OFFSET {nth}"
        ),
    )
    .pop()
    .flatten()
    .unwrap()
}

fn digests_to(app: &TestApp, email: &str) -> i64 {
    count(
        &mut app.db(),
        &format!("SELECT COUNT(*) FROM outbox WHERE recipient = '{email}' AND unsubscribe_url IS NOT NULL"),
    )
}

#[tokio::test]
async fn a_confirmed_alert_gets_one_digest_of_what_its_search_finds_even_across_restarts() {
    let app = portal_checking_often(None).await;
    let email = "follower@example.org";
    let browser = app.browser();
    let answer = ask(&browser, "region=europe&sort=title", email).await;
    assert_eq!(answer.status(), StatusCode::OK);
    let page = Html::parse_document(&answer.text().await.unwrap());
    assert!(text_of(&page, "[role=status]")[0].contains(email));

    // Double opt-in: one mail, with the link; nothing is followed before it is pressed.
    let mails = mails_to(&app, email);
    assert_eq!(mails.len(), 1);
    let (subject, body) = &mails[0];
    assert!(subject.contains("Confirm your alert"), "{subject}");
    assert!(body.contains("Europe"), "the search in words: {body}");
    assert_eq!(
        count(
            &mut app.db(),
            "SELECT COUNT(*) FROM alerts WHERE confirmed_at IS NULL AND query = 'region=europe'"
        ),
        1,
        "the sort is not part of what is followed"
    );
    let confirm = link_in(&app, body, "/confirm");
    // A mail program that opens the link to scan it confirms nothing.
    let shown = browser.page(&confirm).await;
    assert!(text_of(&shown, "main p")[0].contains(email));
    assert_eq!(
        count(
            &mut app.db(),
            "SELECT COUNT(*) FROM alerts WHERE confirmed_at IS NOT NULL"
        ),
        0
    );
    let confirmed = press(&browser, &confirm).await;
    assert_eq!(text_of(&confirmed, "h1"), ["Your alert is confirmed"]);

    // Two practices of Europe and one of the Americas published lately; the alert's last
    // look a week and a day ago.
    let (older, newer) = (title_in(&app, "europe", 0), title_in(&app, "europe", 1));
    let elsewhere = title_in(&app, "americas", 0);
    publication_dates(&app, &[(&older, 3), (&newer, 1), (&elsewhere, 2)]);
    app.execute(&format!(
        "UPDATE alerts SET covered_until = {}",
        sql_time(-8 * 24 * 60)
    ));

    eventually("the digest", || digests_to(&app, email) == 1).await;
    let (subject, body) = mails_to(&app, email).pop().unwrap();
    assert!(
        subject.starts_with("2 new practices for your alert: Europe"),
        "{subject}"
    );
    let (at_newer, at_older) = (body.find(&newer).unwrap(), body.find(&older).unwrap());
    assert!(at_newer < at_older, "newest first: {body}");
    assert!(
        !body.contains(&elsewhere),
        "only what the search finds: {body}"
    );
    let unsubscribe = link_in(&app, &body, "/unsubscribe");
    let list = link_in(&app, &body, "/practices?");
    assert_eq!(list, "/practices?region=europe&sort=newest");

    // Nothing twice: not in later rounds, nor from a portal started again on the database.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let database = app.database.clone();
    let again = TestApp::spawn_with(move |config| {
        config.database = database;
        config.alert_check = Duration::from_millis(100);
    })
    .await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(digests_to(&app, email), 1);
    drop(again);

    // The way out, as the page offers it.
    let ended = press(&browser, &unsubscribe).await;
    assert_eq!(text_of(&ended, "h1"), ["Alert stopped"]);
    assert_eq!(count(&mut app.db(), "SELECT COUNT(*) FROM alerts"), 0);
    assert_eq!(
        browser.get(&unsubscribe).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn every_digest_offers_one_click_unsubscribe_that_needs_no_session() {
    let sink = SmtpSink::start(&[]);
    let app = portal_checking_often(Some(&sink)).await;
    let email = "reader@example.org";
    confirmed_alert(&app, "region=americas", email).await;
    let title = title_in(&app, "americas", 2);
    publication_dates(&app, &[(&title, 1)]);
    app.execute(&format!(
        "UPDATE alerts SET covered_until = {}",
        sql_time(-8 * 24 * 60)
    ));
    eventually("the digest sent", || {
        count(
            &mut app.db(),
            "SELECT COUNT(*) FROM outbox WHERE unsubscribe_url IS NOT NULL AND sent_at IS NOT NULL",
        ) == 1
    })
    .await;

    let taken = sink.messages();
    let digest = taken
        .iter()
        .map(|raw| mail_parser::MessageParser::default().parse(raw).unwrap())
        .find(|message| message.subject().unwrap().starts_with("A new practice"))
        .expect("the digest reached the server");
    let header = |name: &str| {
        digest
            .header_raw(name)
            .unwrap_or_else(|| panic!("no {name}"))
            .trim()
            .to_owned()
    };
    assert_eq!(
        header("List-Unsubscribe-Post"),
        "List-Unsubscribe=One-Click"
    );
    let url = header("List-Unsubscribe");
    let url = url.trim_start_matches('<').trim_end_matches('>');
    assert!(url.starts_with(&format!("{}/alerts/", app.base)), "{url}");
    assert!(
        digest.body_text(0).unwrap().contains(url),
        "the same link in the text"
    );

    // What a mail program sends: a POST without cookie or CSRF token.
    let client = reqwest::Client::new();
    let one_click = || {
        client
            .post(url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
    };
    assert_eq!(one_click().await.unwrap().status(), StatusCode::OK);
    assert_eq!(count(&mut app.db(), "SELECT COUNT(*) FROM alerts"), 0);
    assert_eq!(one_click().await.unwrap().status(), StatusCode::NOT_FOUND);
    // Other alerts' links lead nowhere either: a token is not guessed from another.
    let made_up = url.replace("/alerts/", "/alerts/x");
    let refused = client.post(&made_up).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_alert_asked_in_persian_writes_in_persian_and_a_search_with_nothing_new_sends_nothing() {
    let app = portal_checking_often(None).await;
    let email = "dabir@example.org";
    let browser = app.browser();
    browser.page(&format!("{}?lang=fa", paths::PRACTICES)).await;
    assert_eq!(
        ask(&browser, "region=asia-pacific", email).await.status(),
        StatusCode::OK
    );
    let (subject, body) = mails_to(&app, email).pop().unwrap();
    assert!(subject.contains("تأیید"), "{subject}");
    let confirm = link_in(&app, &body, "/confirm");
    assert!(confirm.ends_with("?lang=fa"), "{confirm}");
    let stranger = app.browser();
    let page = stranger.page(&confirm).await;
    let root = page.root_element();
    let html = page.select(&selector("html")).next().unwrap_or(root);
    assert_eq!(html.value().attr("lang"), Some("fa"));
    press(&stranger, &confirm).await;

    // A week on, nothing new in Asia and the Pacific: no mail, and not asked again for a week.
    let europe = title_in(&app, "europe", 0);
    publication_dates(&app, &[(&europe, 1)]);
    app.execute(&format!(
        "UPDATE alerts SET covered_until = {}",
        sql_time(-8 * 24 * 60)
    ));
    eventually("the alert looked at", || {
        count(
            &mut app.db(),
            &format!(
                "SELECT COUNT(*) FROM alerts WHERE covered_until > {}",
                sql_time(-60)
            ),
        ) == 1
    })
    .await;
    assert_eq!(digests_to(&app, email), 0);

    // Something new: the digest is in Persian, with Persian digits.
    let asian = title_in(&app, "asia-pacific", 0);
    publication_dates(&app, &[(&asian, 1)]);
    app.execute(&format!(
        "UPDATE alerts SET covered_until = {}",
        sql_time(-8 * 24 * 60)
    ));
    eventually("the digest", || digests_to(&app, email) == 1).await;
    let (subject, body) = mails_to(&app, email).pop().unwrap();
    let shown = subject.replace(['\u{2068}', '\u{2069}'], "");
    assert!(shown.starts_with("۱ تجربهٔ تازه"), "{subject}");
    assert!(body.contains(&asian));
    assert!(link_in(&app, &body, "/unsubscribe").ends_with("?lang=fa"));
}

#[tokio::test]
async fn the_form_refuses_a_bad_address_keeping_the_search_and_tells_nobody_what_an_address_follows(
) {
    let app = TestApp::spawn().await;
    let browser = app.browser();
    let refused = ask(&browser, "q=pension&topic=health", "not an address").await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = Html::parse_document(&refused.text().await.unwrap());
    assert!(field_error(&page, "email").is_some());
    assert_eq!(text_of(&page, ".error-summary a[href='#email']").len(), 1);
    let kept = form(&page, paths::ALERTS).filled();
    assert!(
        kept.contains(&("search".to_owned(), "q=pension&topic=health".to_owned())),
        "{kept:?}"
    );
    assert!(kept.contains(&("email".to_owned(), "not an address".to_owned())));
    assert_eq!(count(&mut app.db(), "SELECT COUNT(*) FROM alerts"), 0);

    // Asked again at once, or once confirmed: the same answer, and no second mail.
    let email = "Someone@Example.org";
    for _ in 0..2 {
        assert_eq!(
            ask(&browser, "topic=health", email).await.status(),
            StatusCode::OK
        );
    }
    assert_eq!(mails_to(&app, "someone@example.org").len(), 1);
    // Five searches at most wait for one address's confirmation: no flooding a mailbox.
    for search in [
        "region=africa",
        "region=americas",
        "region=asia-pacific",
        "region=europe",
        "q=pension",
    ] {
        let answer = ask(&browser, search, "someone@example.org").await;
        assert_eq!(answer.status(), StatusCode::OK);
    }
    assert_eq!(mails_to(&app, "someone@example.org").len(), 5);
}

#[tokio::test]
async fn links_lead_nowhere_once_unknown_or_expired() {
    let app = portal_checking_often(None).await;
    let browser = app.browser();
    for path in [
        paths::alert_confirm("no-such-token"),
        paths::alert_end("no-such-token"),
    ] {
        assert_eq!(
            browser.get(&path).await.status(),
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let email = "late@example.org";
    ask(&browser, "region=europe", email).await;
    let (_, body) = mails_to(&app, email).pop().unwrap();
    let confirm = link_in(&app, &body, "/confirm");
    assert_eq!(browser.get(&confirm).await.status(), StatusCode::OK);
    // A week and a day later the link is dead, and the alert forgotten at the next look.
    app.execute(&format!(
        "UPDATE alerts SET asked_at = {}",
        sql_time(-8 * 24 * 60)
    ));
    assert_eq!(browser.get(&confirm).await.status(), StatusCode::NOT_FOUND);
    eventually("the unconfirmed alert forgotten", || {
        count(&mut app.db(), "SELECT COUNT(*) FROM alerts") == 0
    })
    .await;
}
