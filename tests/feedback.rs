//! Feedback released to institutions: a juror's comment meant for the institution reaches it
//! on its entry, once the secretariat releases the competition's feedback after publication,
//! without the juror's name or scores; its members are told by e-mail.

use portal::competitions::Phase;
use portal::demo::workflow::{SECOND_SUBMITTER, SECRETARIAT, SUBMITTER};
use portal::paths;
use reqwest::StatusCode;

use crate::common::builders::move_phase;
use crate::common::jury::{
    appoint, assign, criteria, eligible_entry, open_review, post_review, register_juror,
    review_fields,
};
use crate::common::{text_of, TestApp};

const FOR_THE_INSTITUTION: &str = "Publish the cost per claim; others will want to know.";
const FOR_THE_JURY: &str = "Strong results, weak on costs.";

#[tokio::test]
async fn comments_for_the_institution_reach_it_once_released_without_names_or_scores() {
    let app = TestApp::spawn().await;
    let conn = &mut app.db();
    let competition = open_review(conn, "europe");
    let entry = eligible_entry(conn, competition, "Pensions paid at home");
    let juror = register_juror(&app.base, conn, "Greta Juror", "greta@jury.example").await;
    appoint(conn, competition, juror.id, true);
    assign(conn, entry, juror.id);
    let criteria = criteria(conn, competition);
    let mut fields = review_fields(&criteria, &["9", "8", "7", "9"], FOR_THE_JURY, "submit");
    fields.push(("institution_comment".into(), FOR_THE_INSTITUTION.into()));
    let reviewed = post_review(&juror.browser, entry, &fields).await;
    assert_eq!(reviewed.status(), StatusCode::SEE_OTHER);

    let members = app.signed_in(SECOND_SUBMITTER.0, SECOND_SUBMITTER.1).await;
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    let admin = paths::admin_competition(competition);
    // Not before publication.
    let early = secretariat
        .post_form(&admin, &paths::release_feedback(competition), &[])
        .await;
    assert_eq!(early.status(), StatusCode::SEE_OTHER);
    assert!(text_of(&secretariat.page(&admin).await, ".flash")
        .concat()
        .contains("once the results are published"));
    move_phase(conn, competition, Phase::Deliberation);
    let published = secretariat
        .post_form(&admin, &paths::publish(competition), &[])
        .await;
    assert_eq!(published.status(), StatusCode::SEE_OTHER);
    // Published, not yet released: the entry page has no feedback.
    let page = members.page(&paths::entry(entry)).await;
    assert!(text_of(&page, "#feedback-title").is_empty());

    let released = secretariat
        .post_form(&admin, &paths::release_feedback(competition), &[])
        .await;
    assert_eq!(released.status(), StatusCode::SEE_OTHER);
    let board = secretariat.page(&admin).await;
    assert!(text_of(&board, "main p")
        .iter()
        .any(|line| line.starts_with("Feedback released to the institutions on")));
    assert!(
        text_of(&board, "#feedback button").is_empty(),
        "released once"
    );

    let page = members.page(&paths::entry(entry)).await;
    assert_eq!(text_of(&page, "#feedback-title"), ["The jury’s feedback"]);
    assert_eq!(
        text_of(&page, ".feedback blockquote"),
        [FOR_THE_INSTITUTION]
    );
    let shown = page.root_element().text().collect::<String>();
    assert!(
        shown.contains("It is in the public database, without an award."),
        "{shown}"
    );
    for hidden in [FOR_THE_JURY, "Greta Juror", "greta@jury.example"] {
        assert!(
            !shown.contains(hidden),
            "{hidden} is shown to the institution"
        );
    }
    // The members are told, in their language, with a link to the entry.
    let (subject, body) = app.last_mail_to(SECOND_SUBMITTER.0).unwrap();
    assert_eq!(subject, "The jury’s feedback on “Pensions paid at home”");
    assert!(body.ends_with(&paths::entry(entry)), "{body}");

    // Another institution's member does not reach the entry at all.
    let outsider = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    assert!(outsider
        .get(&paths::entry(entry))
        .await
        .status()
        .is_client_error());
    // A second release is refused and sends nothing.
    let mails = app.count("SELECT COUNT(*) FROM outbox");
    secretariat
        .post_form(&admin, &paths::release_feedback(competition), &[])
        .await;
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox"), mails);
}
