//! The jury through the HTTP stack: appointment, automatic and manual assignment, and
//! conflicts of interest that are never crossed.

use crate::common::builders::{self, EntryBuilder};
use crate::common::entries::americas;
use crate::common::jury::{
    appoint, assign, criteria, eligible_entry, join, open_review, post_review, review_fields,
    user_id,
};
use crate::common::{field_error, location, text_of, Browser, TestApp};
use portal::accounts::Role;
use portal::demo::workflow::{CHAIR, JUROR, SECOND_JUROR, SECRETARIAT};
use portal::ids::{CompetitionId, EntryId, UserId};
use portal::paths;
use reqwest::StatusCode;
use scraper::Html;

/// Makes `count` more eligible entries of IMSS and two of ESDC in the Americas competition.
fn eligible_entries(app: &TestApp, count: usize) {
    let conn = &mut app.db();
    let americas = americas(conn);
    for n in 0..count {
        eligible_entry(conn, americas, &format!("IMSS entry {n}"));
    }
    for title in ["ESDC entry 1", "ESDC entry 2"] {
        EntryBuilder::of_esdc(conn)
            .titled(title)
            .eligible()
            .insert(conn);
    }
}

/// The appointment form's boxes for a juror who judges in all four entry languages.
const EVERY_LANGUAGE: [(&str, &str); 4] = [
    ("languages", "en"),
    ("languages", "fr"),
    ("languages", "de"),
    ("languages", "es"),
];

/// A juror account, optionally a member of an institution.
fn juror(app: &TestApp, email: &str, institution: Option<&str>) -> UserId {
    let id = builders::account(&mut app.db(), email, email, Role::Juror);
    if let Some(name) = institution {
        join(&mut app.db(), id, name);
    }
    id
}

/// The secretariat presses "Assign automatically" on the jury board.
async fn assign_automatically(secretariat: &Browser, competition: CompetitionId) {
    let board = paths::jury_board(competition);
    let assigned = secretariat
        .post_form(&board, &paths::assign(competition), &[])
        .await;
    assert_eq!(assigned.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn entries_are_assigned_evenly_and_never_to_a_conflicted_juror() {
    let app = TestApp::spawn().await;
    let competition = app.id_of::<CompetitionId>(
        "SELECT id FROM competitions WHERE region = 'americas' AND cycle_year = 2027",
    );
    eligible_entries(&app, 6);
    let canadian = juror(
        &app,
        "canada@jury.example",
        Some("Employment and Social Development Canada"),
    );
    let others = [
        app.id_of::<UserId>(&format!("SELECT id FROM users WHERE email = '{}'", JUROR.0)),
        juror(&app, "one@jury.example", None),
        juror(&app, "two@jury.example", None),
    ];
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    let board = paths::jury_board(competition);
    for (n, id) in std::iter::once(canadian).chain(others).enumerate() {
        let id = id.to_string();
        let chair = if n == 0 { "yes" } else { "" };
        let response = secretariat
            .post_form(
                &board,
                &paths::jurors(competition),
                &[
                    &[("juror", id.as_str()), ("chair", chair), ("topics", "ict")][..],
                    &EVERY_LANGUAGE,
                ]
                .concat(),
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    assign_automatically(&secretariat, competition).await;

    let esdc_entries = format!(
        "SELECT e.id FROM entries e JOIN organisations o ON o.id = e.organisation_id \
         WHERE o.name = 'Employment and Social Development Canada' AND e.status = 'eligible' \
         AND e.competition_id = {competition}"
    );
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM assignments WHERE user_id = {canadian} AND entry_id IN ({esdc_entries})")),
        0,
        "the juror from ESDC judges no ESDC entry"
    );
    // Every eligible entry has its three jurors (four jurors, at most one conflicted).
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM entries e WHERE e.competition_id = {competition} AND e.status = 'eligible' AND (SELECT COUNT(*) FROM assignments a WHERE a.entry_id = e.id) <> 3")),
        0
    );
    let loads: Vec<i64> = std::iter::once(canadian)
        .chain(others)
        .map(|id| {
            app.count(&format!(
                "SELECT COUNT(*) FROM assignments a JOIN entries e ON e.id = a.entry_id \
                 WHERE a.user_id = {id} AND e.competition_id = {competition}"
            ))
        })
        .collect();
    assert!(
        loads.iter().max().unwrap() - loads.iter().min().unwrap() <= 1,
        "{loads:?}"
    );

    // By hand, a conflict is refused with the reason, and nothing changes.
    let esdc_entry = app.count(&format!("SELECT MIN(id) FROM ({esdc_entries}) AS found"));
    let refused = secretariat
        .post_form(
            &board,
            &paths::assignments(competition),
            &[
                ("entry", &esdc_entry.to_string()),
                ("user", &canadian.to_string()),
                ("change", "add"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = Html::parse_document(&refused.text().await.unwrap());
    assert!(field_error(&page, "jury").is_none());
    assert!(crate::common::text_of(&page, ".error-summary li")[0].contains("own institution"));
    assert_eq!(
        app.count(&format!("SELECT COUNT(*) FROM assignments WHERE user_id = {canadian} AND entry_id = {esdc_entry}")),
        0
    );

    // Dismissing a juror takes their assignments with them; all is in the log.
    let dismissed = secretariat
        .post_form(
            &board,
            &format!(
                "/admin/competitions/{competition}/jurors/{}/dismiss",
                others[2]
            ),
            &[],
        )
        .await;
    assert_eq!(dismissed.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM assignments WHERE user_id = {}",
            others[2]
        )),
        0
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE subject = 'competition' AND subject_id = {competition} \
             AND action IN ('juror-appointed', 'jury-assigned', 'juror-dismissed')"
        )),
        6
    );
    let shown = secretariat.page(&board).await;
    assert!(crate::common::text_of(&shown, ".card .field-error")
        .iter()
        .all(|m| m.starts_with("Short of jurors")));
}

#[tokio::test]
async fn only_juror_accounts_can_be_appointed() {
    let app = TestApp::spawn().await;
    let competition =
        app.id_of::<CompetitionId>("SELECT id FROM competitions WHERE region = 'europe'");
    let submitter =
        app.id_of::<UserId>("SELECT id FROM users WHERE role = 'submitter' ORDER BY id LIMIT 1");
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    let board = paths::jury_board(competition);
    let refused = secretariat
        .post_form(
            &board,
            &paths::jurors(competition),
            &[("juror", &submitter.to_string())],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM jurors WHERE competition_id = {competition}"
        )),
        0
    );
}

/// The demo's competition under review: Asia and the Pacific, 2026.
fn demo_review(app: &TestApp) -> CompetitionId {
    app.id_of::<CompetitionId>("SELECT id FROM competitions WHERE phase = 'review'")
}

#[tokio::test]
async fn the_demo_has_a_jury_halfway_through_its_review() {
    let app = TestApp::spawn().await;
    let competition = demo_review(&app);
    let reviews = |status: &str| {
        app.count(&format!(
            "SELECT COUNT(*) FROM reviews r JOIN entries e ON e.id = r.entry_id \
             WHERE e.competition_id = {competition} AND r.status = '{status}'"
        ))
    };
    let assigned = app.count(&format!(
        "SELECT COUNT(*) FROM assignments a JOIN entries e ON e.id = a.entry_id \
         WHERE e.competition_id = {competition}"
    ));
    assert!(reviews("submitted") > 0 && reviews("draft") > 0);
    assert!(reviews("submitted") + reviews("draft") < assigned);

    let chair = app.signed_in(CHAIR.0, CHAIR.1).await;
    let ranking = chair.page(&paths::ranking(competition)).await;
    assert!(!text_of(&ranking, "tbody tr").is_empty());
    let juror = app.signed_in(JUROR.0, JUROR.1).await;
    let home = juror.page(paths::JURY).await;
    let statuses = text_of(&home, &format!("#competition-{competition} li"));
    assert!(
        statuses.iter().any(|line| line.ends_with("not started")),
        "the demo juror has entries left to score: {statuses:?}"
    );
    juror
        .page_with_status(&paths::ranking(competition), StatusCode::FORBIDDEN)
        .await;
}

#[tokio::test]
async fn the_secretariat_reminds_only_the_jurors_with_reviews_to_submit() {
    let app = TestApp::spawn().await;
    let competition = demo_review(&app);
    let board = paths::jury_board(competition);
    let reminders = paths::reminders(competition);
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    let shown = secretariat.page(&board).await;
    assert_eq!(
        text_of(&shown, "#reminders form p"),
        [
            "2 jurors have reviews still to submit. Each is e-mailed how many are left, the \
          closing date of the review and the link to their entries."
        ]
    );
    let mails_before = app.count("SELECT COUNT(*) FROM outbox");

    let sent = secretariat.post_form(&board, &reminders, &[]).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox"), mails_before + 2);
    let (subject, body) = app
        .last_mail_to(JUROR.0)
        .expect("the demo juror is reminded");
    assert!(subject.starts_with("Reminder: your reviews for ISSA Good Practice Award 2026"));
    assert!(
        body.contains("2 of the 3 entries assigned to you"),
        "{body}"
    );
    assert!(body.trim_end().ends_with(paths::JURY), "{body}");
    assert!(app.last_mail_to(CHAIR.0).is_some());
    assert!(
        app.last_mail_to(SECOND_JUROR.0).is_none(),
        "the juror who has submitted everything is left alone"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE subject = 'competition' \
             AND subject_id = {competition} AND action = 'jurors-reminded'"
        )),
        1
    );

    // Outside the review there is nothing to remind of: the board says so, nothing is sent.
    let open = app.id_of::<CompetitionId>(
        "SELECT id FROM competitions WHERE region = 'americas' AND phase = 'open'",
    );
    let open_board = paths::jury_board(open);
    let refused = secretariat
        .post_form(&open_board, &paths::reminders(open), &[])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = Html::parse_document(&refused.text().await.unwrap());
    assert_eq!(
        field_error(&page, "reminders").as_deref(),
        Some("Reminders are sent while the jury review is open.")
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM outbox"), mails_before + 2);
}

#[tokio::test]
async fn the_board_flags_entries_short_of_jurors_only_once_assignment_has_begun() {
    let app = TestApp::spawn().await;
    let competition = app.id_of::<CompetitionId>(
        "SELECT id FROM competitions WHERE region = 'americas' AND cycle_year = 2027",
    );
    eligible_entries(&app, 1);
    let first = juror(&app, "first@jury.example", None).to_string();
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    let board = paths::jury_board(competition);
    let appointed = secretariat
        .post_form(
            &board,
            &paths::jurors(competition),
            &[&[("juror", first.as_str())][..], &EVERY_LANGUAGE].concat(),
        )
        .await;
    assert_eq!(appointed.status(), StatusCode::SEE_OTHER);
    let shown = secretariat.page(&board).await;
    assert!(
        text_of(&shown, ".card h3").len() >= 3,
        "eligible entries listed"
    );
    assert_eq!(text_of(&shown, ".card .field-error"), Vec::<String>::new());

    assign_automatically(&secretariat, competition).await;
    // One juror for entries that need three: now each is short, and says so.
    let shown = secretariat.page(&board).await;
    let flags = text_of(&shown, ".card .field-error");
    assert_eq!(flags.len(), text_of(&shown, ".card h3").len(), "{flags:?}");
    assert!(flags.iter().all(|flag| flag.starts_with("Short of jurors")));
}

#[tokio::test]
async fn submit_and_next_opens_the_jurors_next_entry_until_none_is_left() {
    let app = TestApp::spawn().await;
    let conn = &mut app.db();
    let juror = user_id(conn, JUROR.0);
    let competition = open_review(conn, "europe");
    let entries: Vec<EntryId> = ["First to review", "Second to review", "Third to review"]
        .into_iter()
        .map(|title| eligible_entry(conn, competition, title))
        .collect();
    appoint(conn, competition, juror, false);
    for &entry in &entries {
        assign(conn, entry, juror);
    }
    let browser = app.signed_in(JUROR.0, JUROR.1).await;
    let criteria = criteria(conn, competition);
    let scores = ["7", "7", "7", "7"];
    // The third is done already; from the first, the next is the second, then none.
    let done = post_review(
        &browser,
        entries[2],
        &review_fields(&criteria, &scores, "", "submit"),
    )
    .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    for (entry, next) in [
        (entries[0], paths::review(entries[1])),
        (entries[1], paths::JURY.to_owned()),
    ] {
        let submitted = post_review(
            &browser,
            entry,
            &review_fields(&criteria, &scores, "", "submit-next"),
        )
        .await;
        assert_eq!(submitted.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&submitted), next);
        let status = app.count(&format!(
            "SELECT COUNT(*) FROM reviews WHERE entry_id = {entry} AND user_id = {juror} \
             AND status = 'submitted'"
        ));
        assert_eq!(status, 1, "submitted before moving on");
    }
    let home = browser.page(paths::JURY).await;
    assert!(
        text_of(&home, "[role=status]")
            .iter()
            .any(|message| message.contains("your last one for now")),
        "{:?}",
        text_of(&home, "[role=status]")
    );
}
