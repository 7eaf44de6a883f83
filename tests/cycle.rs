//! A whole competition through the HTTP stack, every step through the pages people use:
//! the secretariat sets it up and opens it, two institutions submit, the secretariat screens
//! and appoints a jury, two jurors score, the chair decides, the secretariat publishes, and a
//! visitor finds the winner, its award and its document in the public database.

use crate::common::entries::{
    competition_form, complete_entry, entry_id, post_new_entry, refs, screen, with, PDF,
};
use crate::common::jury::{criteria, post_review, review_fields};
use crate::common::smtp::{every_message_taken_once, portal_sending_to, SmtpSink};
use crate::common::{location, text_of, Browser, TestApp};
use portal::demo::workflow::{JUROR, SECOND_SUBMITTER, SECRETARIAT, SUBMITTER};
use portal::ids::{CompetitionId, DocumentId, PracticeId, UserId};
use portal::paths;
use reqwest::StatusCode;

fn see_other(response: &reqwest::Response, step: &str) {
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "{step}");
}

/// Moves the competition at `admin` one phase on, closing early with a reason when asked.
async fn advance(secretariat: &Browser, admin: &str, early: Option<&str>) {
    let mut fields = vec![("direction", "forward")];
    if let Some(reason) = early {
        fields.extend([("early", "yes"), ("reason", reason)]);
    }
    let moved = secretariat
        .post_form(admin, &format!("{admin}/phase"), &fields)
        .await;
    see_other(&moved, &format!("advance {admin}"));
}

/// Registers an account and gives it the juror role; returns its id.
async fn new_juror(app: &TestApp, secretariat: &Browser, email: &str, password: &str) -> UserId {
    let registered = app
        .browser()
        .register("Second Juror", email, password)
        .await;
    see_other(&registered, "register the second juror");
    let id = app.id_of::<UserId>(&format!("SELECT id FROM users WHERE email = '{email}'"));
    let promoted = secretariat
        .post_form(paths::USERS, &paths::user_role(id), &[("role", "juror")])
        .await;
    see_other(&promoted, "make them a juror");
    id
}

#[tokio::test]
async fn a_competition_from_its_creation_to_published_results() {
    // Every message of the cycle goes through a real SMTP server, checked at the end.
    let sink = SmtpSink::start(&[]);
    let app = portal_sending_to(&sink.url, None).await;
    competition_cycle(&app, &sink).await;
}

/// The whole cycle, through whatever serves `app`, its messages sent to `sink`.
pub async fn competition_cycle(app: &TestApp, sink: &SmtpSink) {
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;

    // Set up and open.
    let form: Vec<(&str, &str)> =
        competition_form("americas", "2028", "Americas 2028", "2099-06-30T23:59")
            .into_iter()
            .map(|(name, value)| match name {
                "jurors_per_entry" => (name, "2"),
                _ => (name, value),
            })
            .collect();
    let created = secretariat
        .post_form(paths::NEW_COMPETITION, paths::ADMIN_COMPETITIONS, &form)
        .await;
    see_other(&created, "create");
    let admin = location(&created);
    let competition = CompetitionId(admin.rsplit('/').next().unwrap().parse().unwrap());
    advance(&secretariat, &admin, None).await;

    // Two institutions enter; ESDC attaches a PDF.
    let esdc = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let imss = app.signed_in(SECOND_SUBMITTER.0, SECOND_SUBMITTER.1).await;
    let winner_title = "Pensions paid without a claim in Canada";
    let saved = post_new_entry(&esdc, competition, &complete_entry(winner_title), "save").await;
    see_other(&saved, "ESDC saves");
    let winner = entry_id(&saved);
    let path = paths::entry(winner);
    let submitted = esdc
        .post_multipart(
            &path,
            &path,
            &refs(&with(
                &complete_entry(winner_title),
                &[("action", "submit")],
            )),
            Some(("evaluation.pdf", PDF.to_vec())),
        )
        .await;
    see_other(&submitted, "ESDC submits with a document");
    let other = entry_id(
        &post_new_entry(
            &imss,
            competition,
            &complete_entry("Maternity certificates online"),
            "submit",
        )
        .await,
    );

    // Screening, then the jury: the demo juror chairs it.
    advance(&secretariat, &admin, Some("All expected entries are in")).await;
    for entry in [winner, other] {
        see_other(&screen(&secretariat, entry, "eligible", "").await, "screen");
    }
    let second_password = "second juror password";
    let second = new_juror(app, &secretariat, "second@jury.example", second_password).await;
    let chair = app.id_of::<UserId>(&format!("SELECT id FROM users WHERE email = '{}'", JUROR.0));
    let board = format!("{admin}/jury");
    for (juror, is_chair) in [(chair, "yes"), (second, "")] {
        let appointed = secretariat
            .post_form(
                &board,
                &format!("{admin}/jurors"),
                &[
                    ("juror", &juror.to_string()),
                    ("chair", is_chair),
                    ("languages", "es"),
                ],
            )
            .await;
        see_other(&appointed, "appoint");
    }
    advance(&secretariat, &admin, None).await;
    see_other(
        &secretariat
            .post_form(&board, &format!("{admin}/assign"), &[])
            .await,
        "assign",
    );

    // The jurors are reminded of the reviews they have to write.
    see_other(
        &secretariat
            .post_form(&board, &paths::reminders(competition), &[])
            .await,
        "remind",
    );

    // Both jurors score both entries; the winner scores higher.
    let criteria = criteria(&mut app.db(), competition);
    let chair_browser = app.signed_in(JUROR.0, JUROR.1).await;
    let second_browser = app.signed_in("second@jury.example", second_password).await;
    for juror in [&chair_browser, &second_browser] {
        for (entry, scores) in [(winner, ["9", "8"]), (other, ["5", "6"])] {
            let reviewed = post_review(
                juror,
                entry,
                &review_fields(&criteria, &scores, "A solid practice.", "submit"),
            )
            .await;
            see_other(&reviewed, "review");
        }
    }
    let ranking = paths::ranking(competition);
    let ranked = chair_browser.page(&ranking).await;
    let first_row = text_of(&ranked, "tbody tr td");
    assert!(
        first_row.iter().any(|cell| cell == winner_title),
        "the winner heads the ranking: {first_row:?}"
    );

    // Deliberation: the chair decides, the secretariat publishes.
    advance(&secretariat, &admin, None).await;
    for (entry, award) in [(winner, "good-practice-award"), (other, "merit")] {
        let decided = chair_browser
            .post_form(
                &ranking,
                &format!("{ranking}/entries/{entry}"),
                &[("award", award), ("note", "Agreed by the jury")],
            )
            .await;
        see_other(&decided, "decide");
    }
    // A level that does not exist is refused, not taken for "no award".
    chair_browser
        .post_form(
            &ranking,
            &format!("{ranking}/entries/{other}"),
            &[("award", "gold-medal"), ("note", "")],
        )
        .await;
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM deliberations WHERE entry_id = {other} AND award = 'merit'"
        )),
        1
    );
    see_other(
        &secretariat
            .post_form(&admin, &format!("{admin}/publish"), &[])
            .await,
        "publish",
    );

    // The public results page, winners first, with the counts.
    let results = app.page(&paths::competition(competition)).await;
    let headings = text_of(&results, "main h3");
    assert_eq!(
        headings,
        ["Good Practice Award (1)", "Certificate of Merit (1)"],
        "{headings:?}"
    );
    assert!(
        text_of(&results, "main p")
            .iter()
            .any(|line| line.contains("2 entries from 2 institutions in 2 countries")),
        "{:?}",
        text_of(&results, "main p")
    );

    // A visitor finds the practice by searching, with its award and its document.
    app.settle().await;
    let found = app.page("/practices?q=pensions+claim+canada").await;
    let link = found
        .select(&crate::common::selector(
            ".practice-list h3 a, .results h3 a",
        ))
        .find(|a| a.text().collect::<String>() == winner_title)
        .and_then(|a| a.value().attr("href").map(str::to_owned))
        .expect("the winner is found by searching");
    let practice = app.page(&link).await;
    assert_eq!(
        text_of(&practice, "article.practice > header .awards .badge"),
        ["Good Practice Award"]
    );
    let documents = crate::common::hrefs(&practice, "#documents-title + ul a");
    assert_eq!(documents.len(), 1, "{documents:?}");
    let download = app.get(&documents[0]).await;
    assert_eq!(download.status(), StatusCode::OK);
    assert_eq!(
        download.headers()["content-type"].to_str().unwrap(),
        "application/pdf"
    );
    assert_eq!(download.bytes().await.unwrap().as_ref(), PDF);

    // The institutions are told.
    let (subject, body) = app.last_mail_to(SUBMITTER.0).unwrap();
    assert_eq!(subject, "Results of Americas 2028");
    assert!(body.contains("Good Practice Award"), "{body}");
    assert!(app.last_mail_to(SECOND_SUBMITTER.0).is_some());
    // The mail points to the certificate, which the entry's page offers too.
    let certificate = body
        .split_whitespace()
        .find(|word| word.ends_with("/certificate.pdf"))
        .unwrap_or_else(|| panic!("no certificate link in {body}"));
    let on_entry = crate::common::hrefs(
        &esdc.page(&paths::entry(winner)).await,
        "a[type='application/pdf']",
    );
    assert_eq!(on_entry.len(), 1);
    assert!(
        certificate.ends_with(&on_entry[0]),
        "{certificate} vs {on_entry:?}"
    );
    let pdf = crate::certificates::certificate(app, &on_entry[0]).await;
    assert!(crate::certificates::pdf_text(&pdf).contains(winner_title));

    // Every kind of message went out once, as written.
    let subjects = every_message_taken_once(app, sink).await;
    for kind in [
        "Entry received",
        "Your entry is eligible",
        "Reminder: your reviews for Americas 2028",
        "Results of Americas 2028",
    ] {
        assert!(
            subjects.iter().any(|subject| subject.starts_with(kind)),
            "{kind} among {subjects:?}"
        );
    }
}

#[tokio::test]
async fn documents_of_entries_stay_private_until_their_practice_is_published() {
    let app = TestApp::spawn().await;
    let esdc = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let draft =
        crate::common::entries::draft_with_document(&mut app.db(), &esdc, "Private plan").await;
    let document = app.id_of::<DocumentId>(&format!(
        "SELECT id FROM documents WHERE entry_id = {draft}"
    ));
    let practice =
        app.id_of::<PracticeId>("SELECT MIN(id) FROM practices WHERE status = 'published'");
    // A published practice that did not come from this entry does not serve its document.
    assert_eq!(
        app.get(&paths::practice_document(practice, document))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    // Nor does a practice made from the entry before it is published.
    app.execute(&format!(
        "UPDATE practices SET entry_id = {draft}, status = 'draft' WHERE id = {practice}"
    ));
    assert_eq!(
        app.get(&paths::practice_document(practice, document))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
}
