//! Competitions through the HTTP stack: created and edited by the secretariat, moved through
//! their phases by the guards, and shown to the public.

use crate::common::builders;
use crate::common::entries::americas;
use crate::common::entries::competition_form;
use crate::common::{field_error, field_value, location, text_of, TestApp};
use portal::competitions::Phase;
use portal::demo::workflow::{SECRETARIAT, SUBMITTER};
use portal::ids::{CompetitionId, EntryId};
use portal::paths;
use reqwest::StatusCode;
use scraper::Html;

fn settings<'a>(title: &'a str, deadline: &'a str) -> Vec<(&'static str, &'a str)> {
    competition_form("africa", "2030", title, deadline)
}

fn phase_of(app: &TestApp, id: CompetitionId) -> String {
    [
        "draft",
        "open",
        "screening",
        "review",
        "deliberation",
        "published",
    ]
    .into_iter()
    .find(|phase| {
        app.count(&format!(
            "SELECT COUNT(*) FROM competitions WHERE id = {id} AND phase = '{phase}'"
        )) == 1
    })
    .unwrap()
    .to_owned()
}

#[tokio::test]
async fn the_secretariat_creates_a_competition_and_moves_it_through_guarded_phases() {
    let app = TestApp::spawn().await;
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;

    // A bad form comes back with what was typed and the problem beside the field.
    let mut bad = settings("Africa 2030", "2025-12-31T23:59");
    bad[4] = ("opens_at", "2026-01-01T00:00");
    let refused = secretariat
        .post_form(paths::NEW_COMPETITION, paths::ADMIN_COMPETITIONS, &bad)
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = Html::parse_document(&refused.text().await.unwrap());
    assert_eq!(
        field_error(&page, "submission_deadline").as_deref(),
        Some("The deadline must come after the opening.")
    );
    assert_eq!(field_value(&page, "title"), "Africa 2030");

    let created = secretariat
        .post_form(
            paths::NEW_COMPETITION,
            paths::ADMIN_COMPETITIONS,
            &settings("Africa 2030", "2099-06-30T23:59"),
        )
        .await;
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let path = location(&created);
    let id = CompetitionId(path.rsplit('/').next().unwrap().parse().unwrap());
    assert_eq!(phase_of(&app, id), "draft");
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM criteria WHERE competition_id = {id}"
        )),
        2
    );
    // In preparation it is not public.
    assert_eq!(
        app.get(&paths::competition(id)).await.status(),
        StatusCode::NOT_FOUND
    );

    let phase = format!("{path}/phase");
    let open = secretariat
        .post_form(&path, &phase, &[("direction", "forward"), ("reason", "")])
        .await;
    assert_eq!(open.status(), StatusCode::SEE_OTHER);
    assert_eq!(phase_of(&app, id), "open");

    // Submissions close at the deadline, or early with a reason.
    let too_soon = secretariat
        .post_form(&path, &phase, &[("direction", "forward"), ("reason", "")])
        .await;
    assert_eq!(too_soon.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = Html::parse_document(&too_soon.text().await.unwrap());
    assert!(text_of(&page, ".error-summary li")[0].contains("has not passed"));
    let no_reason = secretariat
        .post_form(
            &path,
            &phase,
            &[("direction", "forward"), ("early", "yes"), ("reason", " ")],
        )
        .await;
    assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(phase_of(&app, id), "open");
    let early = secretariat
        .post_form(
            &path,
            &phase,
            &[
                ("direction", "forward"),
                ("early", "yes"),
                ("reason", "Forum moved forward"),
            ],
        )
        .await;
    assert_eq!(early.status(), StatusCode::SEE_OTHER);
    assert_eq!(phase_of(&app, id), "screening");

    // Review needs a jury; reopening submissions is explicit.
    let no_jury = secretariat
        .post_form(&path, &phase, &[("direction", "forward"), ("reason", "")])
        .await;
    assert_eq!(no_jury.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let reopened = secretariat
        .post_form(
            &path,
            &phase,
            &[("direction", "back"), ("reason", "Late postal entries")],
        )
        .await;
    assert_eq!(reopened.status(), StatusCode::SEE_OTHER);
    assert_eq!(phase_of(&app, id), "open");
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE subject = 'competition' AND subject_id = {id}"
        )),
        4,
        "created, opened, closed early, reopened"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE subject = 'competition' AND subject_id = {id} \
             AND note = 'Forum moved forward' AND from_state = 'open' AND to_state = 'screening'"
        )),
        1
    );

    // The public page shows the call and the criteria.
    let public = app.page(&paths::competition(id)).await;
    assert_eq!(text_of(&public, "h1"), ["Africa 2030"]);
    assert!(text_of(&public, "main li")
        .iter()
        .any(|item| item.starts_with("Achieved outcomes (weight 2)")));
    let listed = app.page(paths::COMPETITIONS).await;
    assert!(text_of(&listed, "h2 a").contains(&"Africa 2030".to_owned()));
}

#[tokio::test]
async fn entries_are_refused_once_submissions_are_closed() {
    let app = TestApp::spawn().await;
    let submitter = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let draft = app.id_of::<EntryId>(
        "SELECT e.id FROM entries e JOIN competitions c ON c.id = e.competition_id \
         WHERE e.status = 'draft' AND c.region = 'americas' ORDER BY e.id LIMIT 1",
    );
    builders::move_phase(&mut app.db(), americas(&mut app.db()), Phase::Screening);
    let path = paths::entry(draft);
    let response = submitter
        .post_multipart(
            &path,
            &path,
            &[("title", "Too late"), ("action", "submit")],
            None,
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = Html::parse_document(&response.text().await.unwrap());
    assert!(text_of(&page, ".error-summary li")
        .iter()
        .any(|message| message.contains("is not open for entries")));
    // Nor can a new draft be started for it.
    let form = submitter.page(paths::NEW_ENTRY).await;
    assert!(form
        .select(&crate::common::selector("#competition option"))
        .all(|option| !option.text().collect::<String>().contains("Americas")));
}

#[tokio::test]
async fn competition_administration_is_for_the_secretariat_only() {
    let app = TestApp::spawn().await;
    let submitter = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let id = app.id_of::<CompetitionId>("SELECT MIN(id) FROM competitions");
    for path in [
        paths::ADMIN_COMPETITIONS.to_owned(),
        paths::NEW_COMPETITION.to_owned(),
        paths::admin_competition(id),
    ] {
        assert_eq!(
            submitter.get(&path).await.status(),
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    let token = submitter.csrf_token(paths::SUBMISSIONS).await;
    let forced = submitter
        .post_raw(
            &paths::competition_phase(id),
            &[
                ("csrf_token", &token),
                ("direction", "forward"),
                ("early", "yes"),
                ("reason", "x"),
            ],
        )
        .await;
    assert_eq!(forced.status(), StatusCode::FORBIDDEN);
    assert_eq!(phase_of(&app, id), "open");
}

#[tokio::test]
async fn dates_a_date_field_cannot_show_are_refused_and_everything_typed_comes_back() {
    let app = TestApp::spawn().await;
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    let before = app.count("SELECT COUNT(*) FROM competitions");
    for (field, value, problem) in [
        ("opens_at", "0000-01-01T00:00", "in the years 2000 to 2100"),
        (
            "submission_deadline",
            "9999-12-31T23:59",
            "in the years 2000 to 2100",
        ),
        ("results_at", "2026-01-02T00:00", "after the review ends"),
    ] {
        let mut form = settings("Africa 2030", "2030-03-31T23:59");
        for (name, typed) in form.iter_mut() {
            if *name == field {
                *typed = value;
            }
        }
        let refused = secretariat
            .post_form(paths::NEW_COMPETITION, paths::ADMIN_COMPETITIONS, &form)
            .await;
        assert_eq!(
            refused.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}"
        );
        let page = Html::parse_document(&refused.text().await.unwrap());
        assert!(
            field_error(&page, field)
                .unwrap_or_default()
                .contains(problem),
            "{field}: {:?}",
            field_error(&page, field)
        );
        assert_eq!(
            field_value(&page, field),
            value,
            "{field} is shown as typed"
        );
        assert_eq!(field_value(&page, "title"), "Africa 2030");
    }
    assert_eq!(app.count("SELECT COUNT(*) FROM competitions"), before);
}
