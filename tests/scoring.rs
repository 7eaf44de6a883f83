//! A juror's scoring through the HTTP stack: only assigned, unconflicted entries, only during
//! the review, the panel's scores only after one's own, every change kept.

use crate::common::builders;
use crate::common::entries::americas;
use crate::common::entries::{draft_with_document, PDF};
use crate::common::jury::{
    appoint, assign, criteria, eligible_entry, join, post_review, register_juror, review_fields,
    user_id,
};
use crate::common::{hrefs, text_of, Browser, TestApp};
use portal::competitions::Phase;
use portal::demo::workflow::{JUROR, SECRETARIAT, SUBMITTER};
use portal::ids::{CompetitionId, EntryId, PracticeId, UserId};
use portal::paths;
use portal::submissions::EntryStatus;
use reqwest::StatusCode;
use scraper::Html;

struct Panel {
    app: TestApp,
    competition: CompetitionId,
    first: Browser,
    second: Browser,
    shared: EntryId,
    own: EntryId,
    other: EntryId,
    criteria: Vec<i32>,
}

/// Two jurors on the Americas competition, the first chairing: `shared` is assigned to both,
/// `own` to the first only, `other` to nobody.
async fn panel() -> Panel {
    let app = TestApp::spawn().await;
    let conn = &mut app.db();
    let competition = app.id_of::<CompetitionId>(
        "SELECT id FROM competitions WHERE region = 'americas' AND cycle_year = 2027",
    );
    app.execute("UPDATE entries SET status = 'eligible' WHERE status = 'submitted'");
    eligible_entry(conn, competition, "Copy of a demo entry");
    let ids: Vec<EntryId> = (0..3)
        .map(|n| {
            app.id_of::<EntryId>(&format!(
                "SELECT id FROM entries WHERE competition_id = {competition} AND status = 'eligible' \
                 ORDER BY id LIMIT 1 OFFSET {n}"
            ))
        })
        .collect();
    let second = register_juror(&app.base, conn, "Second Juror", "second@jury.example").await;
    let first_id = user_id(conn, JUROR.0);
    appoint(conn, competition, first_id, true);
    appoint(conn, competition, second.id, false);
    for (entry, juror) in [(ids[0], first_id), (ids[0], second.id), (ids[1], first_id)] {
        assign(conn, entry, juror);
    }
    Panel {
        first: app.signed_in(JUROR.0, JUROR.1).await,
        second: second.browser,
        shared: ids[0],
        own: ids[1],
        other: ids[2],
        criteria: criteria(conn, competition),
        competition,
        app,
    }
}

fn scores(panel: &Panel, values: &[&str], action: &str) -> Vec<(String, String)> {
    review_fields(&panel.criteria, values, "A solid practice.", action)
}

#[tokio::test]
async fn jurors_score_only_their_entries_during_the_review_and_see_the_panel_after_submitting() {
    let panel = panel().await;
    let app = &panel.app;
    let home = panel.first.page(paths::JURY).await;
    let listed = text_of(&home, &format!("#competition-{} li a", panel.competition));
    assert_eq!(listed.len(), 2, "{listed:?}");
    panel
        .first
        .page_with_status(&paths::review(panel.other), StatusCode::NOT_FOUND)
        .await;

    // Not in the review phase yet: nothing can be scored.
    let early = post_review(
        &panel.first,
        panel.shared,
        &scores(&panel, &["7", "8", "6", "9"], "save"),
    )
    .await;
    assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM reviews WHERE entry_id IN \
             (SELECT id FROM entries WHERE competition_id = {})",
            panel.competition
        )),
        0
    );
    builders::move_phase(&mut app.db(), americas(&mut app.db()), Phase::Review);

    // Submitting needs every score; a draft does not, and keeps what was typed.
    let incomplete = post_review(
        &panel.first,
        panel.shared,
        &scores(&panel, &["7", "", "6", "9"], "submit"),
    )
    .await;
    assert_eq!(incomplete.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = Html::parse_document(&incomplete.text().await.unwrap());
    assert!(text_of(&page, ".error-summary li")[0].contains("Give a score for"));
    let kept = page
        .select(&crate::common::selector(&format!(
            "#score-{} option[selected]",
            panel.criteria[0]
        )))
        .next()
        .unwrap()
        .value()
        .attr("value")
        .unwrap()
        .to_owned();
    assert_eq!(kept, "7");
    let draft = post_review(
        &panel.first,
        panel.shared,
        &scores(&panel, &["7", "", "6", "9"], "save"),
    )
    .await;
    assert_eq!(draft.status(), StatusCode::SEE_OTHER);

    // The second juror submits; the first, not yet submitted, does not see it.
    let second = post_review(
        &panel.second,
        panel.shared,
        &scores(&panel, &["3", "4", "2", "5"], "submit"),
    )
    .await;
    assert_eq!(second.status(), StatusCode::SEE_OTHER);
    let before = panel.first.page(&paths::review(panel.shared)).await;
    assert!(!text_of(&before, "h2").contains(&"The panel's reviews".to_owned()));
    assert!(!before.html().contains("Second Juror"));

    let submitted = post_review(
        &panel.first,
        panel.shared,
        &scores(&panel, &["7", "8", "6", "9"], "submit"),
    )
    .await;
    assert_eq!(submitted.status(), StatusCode::SEE_OTHER);
    let after = panel.first.page(&paths::review(panel.shared)).await;
    assert!(text_of(&after, "h2").contains(&"The panel's reviews".to_owned()));
    assert_eq!(text_of(&after, "section.card h3"), ["Second Juror"]);

    // A change after submitting stays submitted and is kept in the history.
    let changed = post_review(
        &panel.first,
        panel.shared,
        &scores(&panel, &["8", "8", "6", "9"], "save"),
    )
    .await;
    assert_eq!(changed.status(), StatusCode::SEE_OTHER);
    let juror = app.id_of::<UserId>(&format!("SELECT id FROM users WHERE email = '{}'", JUROR.0));
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM reviews WHERE user_id = {juror} AND entry_id = {} \
             AND status = 'submitted'",
            panel.shared
        )),
        1
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM review_history h JOIN reviews r ON r.id = h.review_id \
             WHERE r.user_id = {juror} AND r.entry_id = {}",
            panel.shared
        )),
        3
    );
    assert_eq!(
        app.count(&format!(
            "SELECT score FROM review_scores s JOIN reviews r ON r.id = s.review_id \
             WHERE r.user_id = {juror} AND r.entry_id = {} AND s.criterion_id = {}",
            panel.shared, panel.criteria[0]
        )),
        8
    );
}

#[tokio::test]
async fn a_declared_conflict_takes_the_entry_away_and_blind_review_hides_the_institution() {
    let panel = panel().await;
    let app = &panel.app;
    let path = paths::review(panel.own);
    let shown = panel.first.page(&path).await;
    let subtitle = text_of(&shown, "main h1 + p")[0].clone();
    assert!(
        subtitle.contains("Canada") || subtitle.contains("Mexico"),
        "{subtitle}"
    );

    app.execute(
        "UPDATE competitions SET blind = TRUE WHERE region = 'americas' AND cycle_year = 2027",
    );
    let blind = panel.first.page(&path).await;
    assert!(text_of(&blind, "main h1 + p")[0].contains("blind review"));

    let refused = panel
        .first
        .post_form(&path, &format!("{path}/conflict"), &[("reason", " ")])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let declared = panel
        .first
        .post_form(
            &path,
            &format!("{path}/conflict"),
            &[("reason", "I advised this project")],
        )
        .await;
    assert_eq!(declared.status(), StatusCode::SEE_OTHER);
    panel
        .first
        .page_with_status(&path, StatusCode::NOT_FOUND)
        .await;
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM declared_conflicts WHERE entry_id = {} AND reason = 'I advised this project'", panel.own)),
        1
    );
    // Submitters and the secretariat have no jury pages.
    assert_eq!(
        panel.app.get(paths::JURY).await.status(),
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn the_chair_and_the_secretariat_read_the_ranking_others_do_not() {
    let panel = panel().await;
    let app = &panel.app;
    builders::move_phase(&mut app.db(), americas(&mut app.db()), Phase::Review);
    for (browser, values) in [
        (&panel.first, ["7", "8", "6", "9"]),
        (&panel.second, ["3", "4", "2", "5"]),
    ] {
        let response = post_review(browser, panel.shared, &scores(&panel, &values, "submit")).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let competition = app.id_of::<CompetitionId>(
        "SELECT id FROM competitions WHERE region = 'americas' AND cycle_year = 2027",
    );
    let path = paths::ranking(competition);
    // The second juror does not chair the jury.
    assert_eq!(
        panel.second.get(&path).await.status(),
        StatusCode::FORBIDDEN
    );
    let page = panel.first.page(&path).await;
    let rows = text_of(&page, "tbody tr");
    assert_eq!(rows.len(), 1, "{rows:?}");
    // The second juror is only severer: on normalised scores the two do not disagree.
    assert!(!rows[0].contains("discuss"), "{rows:?}");

    let secretariat = app
        .signed_in(
            portal::demo::workflow::SECRETARIAT.0,
            portal::demo::workflow::SECRETARIAT.1,
        )
        .await;
    let csv = secretariat.get(&format!("{path}/ranking.csv")).await;
    assert_eq!(csv.status(), StatusCode::OK);
    let body = csv.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 1);
    let field = |name: &str| {
        let at = headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}"));
        records[0][at].to_owned()
    };
    assert_eq!(field("entry"), panel.shared.to_string());
    assert_eq!(field("reviews"), "2");
    // Criterion means 5, 6, 4 and 7 with equal weights; the jurors' raw totals 7.5 and 3.5,
    // but each juror scored this entry only, so normalised both stand at the mean.
    assert_eq!(field("weighted total"), "5.500");
    assert_eq!(field("spread"), "0.000");
    assert_eq!(field("disputed"), "false");
}

#[tokio::test]
async fn deliberation_and_publishing_put_the_results_in_the_public_database() {
    let panel = panel().await;
    let app = &panel.app;
    builders::move_phase(&mut app.db(), americas(&mut app.db()), Phase::Review);
    for (browser, values) in [
        (&panel.first, ["9", "9", "8", "9"]),
        (&panel.second, ["8", "9", "9", "8"]),
    ] {
        let response = post_review(browser, panel.shared, &scores(&panel, &values, "submit")).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let competition = app.id_of::<CompetitionId>(
        "SELECT id FROM competitions WHERE region = 'americas' AND cycle_year = 2027",
    );
    let ranking = paths::ranking(competition);
    let decision = format!("{ranking}/entries/{}", panel.shared);
    // Not before deliberation.
    panel
        .first
        .post_form(
            &ranking,
            &decision,
            &[("award", "good-practice-award"), ("note", "Clear winner")],
        )
        .await;
    assert_eq!(app.count("SELECT COUNT(*) FROM deliberations"), 0);
    builders::move_phase(&mut app.db(), americas(&mut app.db()), Phase::Deliberation);
    let decided = panel
        .first
        .post_form(
            &ranking,
            &decision,
            &[
                ("award", "good-practice-award"),
                ("innovation_distinction", "yes"),
                ("note", "Clear winner"),
            ],
        )
        .await;
    assert_eq!(decided.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.count("SELECT COUNT(*) FROM deliberations WHERE award = 'good-practice-award' AND innovation_distinction"), 1);

    let eligible = app.count(&format!(
        "SELECT COUNT(*) FROM entries WHERE competition_id = {competition} AND status = 'eligible'"
    ));
    let before = app.count("SELECT COUNT(*) FROM practices");
    let secretariat = app
        .signed_in(
            portal::demo::workflow::SECRETARIAT.0,
            portal::demo::workflow::SECRETARIAT.1,
        )
        .await;
    // No date was planned for the results: publishing is when they were announced.
    app.execute(&format!(
        "UPDATE competitions SET results_at = NULL WHERE id = {competition}"
    ));
    let admin = paths::admin_competition(competition);
    let published = secretariat
        .post_form(&admin, &format!("{admin}/publish"), &[])
        .await;
    assert_eq!(published.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM practices") - before,
        eligible
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM competitions WHERE id = {competition} AND phase = 'published'"
        )),
        1
    );

    let results = app.page(&paths::competition(competition)).await;
    let facts = text_of(&results, "dl.facts dd");
    assert!(
        !facts.iter().any(|fact| fact.contains("to be announced")),
        "{facts:?}"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM competitions WHERE id = {competition} AND results_at IS NOT NULL"
        )),
        1
    );
    let headings = text_of(&results, "main h3");
    assert_eq!(headings[0], "Good Practice Award (1)", "{headings:?}");
    assert!(headings.contains(&"Special Distinction for Innovation (1)".to_owned()));
    let winner = app.id_of::<PracticeId>(&format!(
        "SELECT id FROM practices WHERE entry_id = {}",
        panel.shared
    ));
    let practice = app.page(&paths::practice(winner)).await;
    assert!(practice.html().contains("Good Practice Award"));

    // Once published, the juror reads their review but is offered no form to change it,
    // nor to declare a conflict; a conflict sent anyway is refused.
    let review = paths::review(panel.shared);
    let page = panel.first.page(&review).await;
    let actions: Vec<String> = page
        .select(&crate::common::selector("main form"))
        .filter_map(|form| form.value().attr("action").map(str::to_owned))
        .collect();
    assert!(
        !actions
            .iter()
            .any(|action| action.starts_with("/jury/entries/")),
        "{actions:?}"
    );
    let conflict = panel
        .first
        .post_form(
            &review,
            &format!("{review}/conflict"),
            &[("reason", "Remembered too late")],
        )
        .await;
    assert_eq!(conflict.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM declared_conflicts WHERE reason = 'Remembered too late'"),
        0
    );
    assert!(app
        .last_mail_to(portal::demo::workflow::SUBMITTER.0)
        .is_some());
}

/// The classification and the documents of an entry page: the last `dl.facts` as
/// `term: value` lines, and the names and addresses of the listed documents.
fn entered(page: &Html) -> (Vec<String>, Vec<(String, String)>) {
    let facts = page
        .select(&crate::common::selector("dl.facts"))
        .next_back()
        .expect("a classification")
        .select(&crate::common::selector("dt, dd"))
        .map(|cell| cell.text().collect::<String>())
        .collect();
    let documents = page
        .select(&crate::common::selector("a[href*='/documents/']"))
        .map(|link| {
            (
                link.text().collect::<String>(),
                link.value().attr("href").unwrap().to_owned(),
            )
        })
        .collect();
    (facts, documents)
}

#[tokio::test]
async fn a_juror_reads_everything_the_institution_entered_and_a_blind_review_hides_who() {
    let panel = panel().await;
    let app = &panel.app;
    let submitter = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let entry = draft_with_document(&mut app.db(), &submitter, "Entered in full").await;
    builders::move_entry(&mut app.db(), entry, EntryStatus::Eligible);
    assign(&mut app.db(), entry, user_id(&mut app.db(), JUROR.0));
    builders::move_phase(&mut app.db(), americas(&mut app.db()), Phase::Review);
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    let (institution_facts, institution_documents) =
        entered(&secretariat.page(&paths::entry(entry)).await);

    let review = paths::review(entry);
    let (facts, documents) = entered(&panel.first.page(&review).await);
    // What the secretariat reads of the entry, the juror reads too: every classification
    // line, the implementation year, the endorsement, the same documents.
    assert_eq!(facts, institution_facts);
    for term in [
        "Implemented in",
        "Topics",
        "Endorsed by",
        "Joint institutions",
    ] {
        assert!(facts.iter().any(|fact| fact == term), "{term} in {facts:?}");
    }
    assert_eq!(documents.len(), 1, "{documents:?}");
    assert_eq!(documents[0].0, institution_documents[0].0);
    let download = panel.first.get(&documents[0].1).await;
    assert_eq!(download.status(), StatusCode::OK);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert_eq!(download.bytes().await.unwrap(), PDF);
    // The second juror is not assigned to it: neither the page nor the document.
    assert_eq!(
        panel.second.get(&review).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        panel.second.get(&documents[0].1).await.status(),
        StatusCode::NOT_FOUND
    );

    // In a blind review the endorser and the joint institutions would name who entered.
    app.execute(
        "UPDATE competitions SET blind = TRUE WHERE region = 'americas' AND cycle_year = 2027",
    );
    let page = panel.first.page(&review).await;
    let (blind_facts, blind_documents) = entered(&page);
    for term in ["Endorsed by", "Joint institutions"] {
        assert!(
            !blind_facts.iter().any(|fact| fact == term),
            "{blind_facts:?}"
        );
    }
    assert!(blind_facts.iter().any(|fact| fact == "Implemented in"));
    assert_eq!(blind_documents, documents);
    let text = page.root_element().text().collect::<String>();
    assert!(!text.contains("Employment and Social Development Canada"));
}

#[tokio::test]
async fn an_entry_whose_conflict_arose_after_assignment_leaves_the_juror_s_list_too() {
    let panel = panel().await;
    let app = &panel.app;
    builders::move_phase(&mut app.db(), americas(&mut app.db()), Phase::Review);
    let own = paths::review(panel.own);
    assert!(hrefs(&panel.first.page(paths::JURY).await, "main a").contains(&own));
    // The juror joins the entering institution after being assigned its entry.
    let institution = crate::common::strings(
        &mut app.db(),
        &format!(
            "SELECT organisations.name AS value FROM organisations JOIN entries \
             ON entries.organisation_id = organisations.id WHERE entries.id = {}",
            panel.own
        ),
    )[0]
    .clone()
    .unwrap();
    join(&mut app.db(), user_id(&mut app.db(), JUROR.0), &institution);
    panel
        .first
        .page_with_status(&own, StatusCode::NOT_FOUND)
        .await;
    let list = hrefs(&panel.first.page(paths::JURY).await, "main a");
    assert!(!list.contains(&own), "{list:?}");
}
