//! The jury's discussion of an entry through the HTTP stack: its jurors once they have
//! submitted their review, the chair and the secretariat write; nobody else reads it — not a
//! conflicted juror, not the institution. New comments are flagged on a juror's list, and the
//! chair can take up the most debated entries first.

use portal::demo::workflow::{SECOND_SUBMITTER, SECRETARIAT};
use portal::ids::EntryId;
use portal::paths;
use reqwest::StatusCode;
use scraper::Html;

use crate::common::jury::{
    appoint, assign, criteria, eligible_entry, join, open_review, post_review, register_juror,
    review_fields,
};
use crate::common::{field_error, text_of, Browser, TestApp};

async fn comment_as_juror(juror: &Browser, entry: EntryId, body: &str) -> reqwest::Response {
    let page = paths::review(entry);
    juror
        .post_form(&page, &paths::comments(entry), &[("comment", body)])
        .await
}

async fn html(response: reqwest::Response) -> Html {
    Html::parse_document(&response.text().await.expect("a page"))
}

fn comments(page: &Html) -> Vec<String> {
    text_of(page, "#discussion .comments li .prose")
}

#[tokio::test]
async fn only_the_entry_s_jurors_after_their_review_the_chair_and_the_secretariat_discuss_it() {
    let app = TestApp::spawn().await;
    let conn = &mut app.db();
    let competition = open_review(conn, "europe");
    let entry = eligible_entry(conn, competition, "Pensions paid at home");
    let calm = eligible_entry(conn, competition, "A quiet entry");
    let ana = register_juror(&app.base, conn, "Ana Juror", "ana@jury.example").await;
    let ben = register_juror(&app.base, conn, "Ben Juror", "ben@jury.example").await;
    let chair = register_juror(&app.base, conn, "Chloé Chair", "chloe@jury.example").await;
    let dan = register_juror(&app.base, conn, "Dan Conflicted", "dan@jury.example").await;
    for juror in [&ana, &ben, &dan] {
        appoint(conn, competition, juror.id, false);
        assign(conn, entry, juror.id);
    }
    assign(conn, calm, ana.id);
    appoint(conn, competition, chair.id, true);
    // Dan joins the institution that entered it: the entry, and its discussion, leave him.
    join(conn, dan.id, "Instituto Mexicano del Seguro Social");
    let criteria = criteria(conn, competition);
    let review = paths::review(entry);

    // Before her own review, Ana is told when she joins, and cannot write.
    let page = ana.browser.page(&review).await;
    assert_eq!(
        text_of(&page, "#discussion p:not(.hint)"),
        ["You join the discussion once you have submitted your review, as you then see the panel's scores."]
    );
    assert!(text_of(&page, "#discussion textarea").is_empty());
    let early = comment_as_juror(&ana.browser, entry, "Too early").await;
    assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM entry_comments WHERE entry_id = {entry}"
        )),
        0
    );

    for scored in [entry, calm] {
        let fields = review_fields(&criteria, &["9", "8", "7", "9"], "Strong.", "submit");
        let submitted = post_review(&ana.browser, scored, &fields).await;
        assert_eq!(submitted.status(), StatusCode::SEE_OTHER);
    }
    // An empty comment is refused; one too long too, what was typed kept.
    let empty = html(comment_as_juror(&ana.browser, entry, "   ").await).await;
    assert_eq!(
        field_error(&empty, "comment").as_deref(),
        Some("Write the comment first.")
    );
    let long = "word ".repeat(1_001);
    let refused = html(comment_as_juror(&ana.browser, entry, &long).await).await;
    assert_eq!(
        field_error(&refused, "comment").as_deref(),
        Some("A comment takes at most 5000 characters.")
    );
    assert_eq!(text_of(&refused, "textarea#comment"), [long.trim()]);
    let first = "Were the results checked by anyone outside the institution?";
    let added = comment_as_juror(&ana.browser, entry, first).await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    assert_eq!(comments(&ana.browser.page(&review).await), [first]);

    // Ben has not submitted: he sees no comment yet.
    assert!(comments(&ben.browser.page(&review).await).is_empty());

    // The chair and the secretariat write beside the ranking.
    let discussion = paths::discussion(competition, entry);
    let chair_page = chair.browser.page(&discussion).await;
    assert_eq!(comments(&chair_page), [first]);
    let answer = "Yes: the auditor's report is in the annex.";
    let answered = chair
        .browser
        .post_form(&discussion, &discussion, &[("comment", answer)])
        .await;
    assert_eq!(answered.status(), StatusCode::SEE_OTHER);
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    let noted = "The annex is on page 12.";
    let posted = secretariat
        .post_form(&discussion, &discussion, &[("comment", noted)])
        .await;
    assert_eq!(posted.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        text_of(
            &secretariat.page(&discussion).await,
            "#discussion .comments li strong"
        ),
        ["Ana Juror", "Chloé Chair", "Demo Secretariat"]
    );

    // Ana's list flags the two new comments until she reads them.
    let flags = |page: &Html| text_of(page, &format!("#competition-{competition} li .badge"));
    assert_eq!(
        flags(&ana.browser.page(paths::JURY).await),
        ["2 new comments (Pensions paid at home)"]
    );
    assert_eq!(
        comments(&ana.browser.page(&review).await),
        [first, answer, noted]
    );
    assert!(flags(&ana.browser.page(paths::JURY).await).is_empty());

    // The most debated entry first when the chair asks for it.
    let ranking = chair
        .browser
        .page(&format!("{}?sort=debate", paths::ranking(competition)))
        .await;
    let order = text_of(&ranking, "tbody tr td:nth-child(2)");
    assert_eq!(order, ["Pensions paid at home", "A quiet entry"]);

    // Nobody else reads it: not the conflicted juror, not the institution.
    for path in [review.clone(), discussion.clone()] {
        let answer = dan.browser.get(&path).await.status();
        assert!(
            [StatusCode::NOT_FOUND, StatusCode::FORBIDDEN].contains(&answer),
            "{path}: {answer}"
        );
    }
    let blocked = dan
        .browser
        .post_form(
            paths::JURY,
            &paths::comments(entry),
            &[("comment", "Let me in")],
        )
        .await;
    assert_eq!(blocked.status(), StatusCode::NOT_FOUND);
    let institution = app.signed_in(SECOND_SUBMITTER.0, SECOND_SUBMITTER.1).await;
    let own = institution
        .get(&paths::entry(entry))
        .await
        .text()
        .await
        .unwrap();
    for said in [first, answer, noted] {
        assert!(!own.contains(said), "the institution reads “{said}”");
    }
    assert_eq!(
        institution.get(&discussion).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM entry_comments WHERE entry_id = {entry}"
        )),
        3
    );
}
