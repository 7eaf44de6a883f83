//! The submission workflow through the HTTP stack: registration, membership, the entry form
//! with documents, submitting, screening, and each way an entry can be refused.

use crate::common::builders::EntryBuilder;
use crate::common::entries::{
    complete_entry, draft_with_document, new_entry, refs, screen, with, PDF,
};
use crate::common::{
    field_error, field_value, location, selector, sql_time, text_of, Browser, TestApp,
};
use portal::demo::workflow::{SECOND_SUBMITTER, SECRETARIAT, SUBMITTER};
use portal::ids::{DocumentId, EntryId, MembershipId, OrganisationId, UserId};
use portal::paths;
use reqwest::StatusCode;

async fn save_entry(
    browser: &Browser,
    id: EntryId,
    fields: &[(&'static str, String)],
    action: &str,
    file: Option<(&str, Vec<u8>)>,
) -> reqwest::Response {
    let path = paths::entry(id);
    let all = with(fields, &[("action", action)]);
    browser
        .post_multipart(&path, &path, &refs(&all), file)
        .await
}

fn status_of(app: &TestApp, id: EntryId) -> String {
    let statuses = [
        "draft",
        "submitted",
        "withdrawn",
        "screening",
        "eligible",
        "ineligible",
    ];
    statuses
        .into_iter()
        .find(|status| {
            app.count(&format!(
                "SELECT COUNT(*) FROM entries WHERE id = {id} AND status = '{status}'"
            )) == 1
        })
        .unwrap_or("missing")
        .to_owned()
}

fn audit_actions(app: &TestApp, subject: &str, id: impl std::fmt::Display) -> Vec<String> {
    #[derive(diesel::QueryableByName)]
    struct Action {
        #[diesel(sql_type = diesel::sql_types::Text)]
        action: String,
    }
    use diesel::RunQueryDsl;
    diesel::sql_query(format!(
        "SELECT action FROM audit_log WHERE subject = '{subject}' AND subject_id = {id} ORDER BY id"
    ))
    .load::<Action>(&mut app.db())
    .unwrap()
    .into_iter()
    .map(|row| row.action)
    .collect()
}

#[tokio::test]
async fn from_registration_to_an_eligible_entry() {
    let app = TestApp::spawn().await;
    let person = app.browser();
    let password = "a long enough password";
    let registered = person
        .register("Ana Souza", "Ana@INSS.example ", password)
        .await;
    assert_eq!(registered.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&registered), paths::ACCOUNT);

    // Not yet a member: the entry form sends them to ask.
    assert_eq!(
        location(&person.get(paths::NEW_ENTRY).await),
        paths::ACCOUNT
    );
    let asked = person.ask_to_act_for("Caja Previsional del Sur").await;
    assert_eq!(asked.status(), StatusCode::SEE_OTHER);
    let organisation = app.id_of::<OrganisationId>(
        "SELECT id FROM organisations WHERE name = 'Caja Previsional del Sur' AND NOT approved",
    );
    assert!(organisation.0 > 0, "the institution waits for approval");
    // Unapproved institutions have no public page.
    app.page_with_status(&paths::organisation(organisation), StatusCode::NOT_FOUND)
        .await;

    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    secretariat
        .approve_membership("Caja Previsional del Sur")
        .await;
    assert!(app
        .last_mail_to("ana@inss.example")
        .unwrap()
        .1
        .contains("You can now act for"));

    let id = new_entry(
        &app,
        &person,
        &complete_entry("Pensions without a claim"),
        "save",
    )
    .await;
    assert_eq!(status_of(&app, id), "draft");
    let attached = save_entry(
        &person,
        id,
        &complete_entry("Pensions without a claim"),
        "save",
        Some(("plan.pdf", PDF.to_vec())),
    )
    .await;
    assert_eq!(attached.status(), StatusCode::SEE_OTHER);
    let submitted = save_entry(
        &person,
        id,
        &complete_entry("Pensions without a claim"),
        "submit",
        None,
    )
    .await;
    assert_eq!(submitted.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "submitted");
    let (subject, body) = app.last_mail_to("ana@inss.example").unwrap();
    assert!(subject.starts_with("Entry received"), "{subject}");
    assert!(body.contains("Pensions without a claim"));

    // Read-only for the submitter now: no form, a withdraw button.
    let view = person.page(&paths::entry(id)).await;
    assert!(view.select(&selector("form.entry-form")).next().is_none());
    assert_eq!(text_of(&view, "#withdraw button"), ["Withdraw this entry"]);
    let document = view
        .select(&selector("a[href*='/documents/']"))
        .next()
        .unwrap()
        .value()
        .attr("href")
        .unwrap()
        .to_owned();
    let download = person.get(&document).await;
    assert_eq!(download.status(), StatusCode::OK);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert_eq!(download.bytes().await.unwrap().as_ref(), PDF);

    let queue = secretariat.page(paths::SCREENING_QUEUE).await;
    assert!(text_of(&queue, "td a").contains(&"Pensions without a claim".to_owned()));
    let checklist = secretariat.page(&paths::screening(id)).await;
    assert_eq!(
        checklist.select(&selector(".check.failed")).count(),
        0,
        "every computed line passes"
    );
    let eligible = screen(&secretariat, id, "eligible", "").await;
    assert_eq!(eligible.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "eligible");
    assert!(app
        .last_mail_to("ana@inss.example")
        .unwrap()
        .0
        .starts_with("Your entry is eligible"));

    let list = person.page(paths::SUBMISSIONS).await;
    assert!(text_of(&list, ".status").contains(&"Eligible".to_owned()));
    assert_eq!(
        audit_actions(&app, "entry", id),
        [
            "entry-created",
            "entry-submitted",
            "screening-started",
            "entry-eligible"
        ]
    );
    let user = app.id_of::<UserId>("SELECT id FROM users WHERE email = 'ana@inss.example'");
    assert_eq!(audit_actions(&app, "account", user), ["registered"]);
    assert_eq!(
        audit_actions(&app, "organisation", organisation),
        ["organisation-registered", "organisation-approved"]
    );
    let membership = app.id_of::<MembershipId>(&format!(
        "SELECT id FROM memberships WHERE user_id = {user}"
    ));
    assert_eq!(
        audit_actions(&app, "membership", membership),
        ["membership-requested", "membership-approved"]
    );
    let log = secretariat.page(paths::AUDIT).await;
    let rows = text_of(&log, "tbody tr");
    assert!(
        rows.iter()
            .any(|row| row.contains("Found eligible") && row.contains("Demo Secretariat")),
        "{rows:?}"
    );
}

#[tokio::test]
async fn another_institution_sees_nothing_of_a_draft() {
    let app = TestApp::spawn().await;
    let owner = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let id = new_entry(&app, &owner, &complete_entry("Our secret draft"), "save").await;
    let saved = save_entry(
        &owner,
        id,
        &complete_entry("Our secret draft"),
        "save",
        Some(("a.pdf", PDF.to_vec())),
    )
    .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let document =
        app.id_of::<DocumentId>(&format!("SELECT id FROM documents WHERE entry_id = {id}"));

    let stranger = app.signed_in(SECOND_SUBMITTER.0, SECOND_SUBMITTER.1).await;
    stranger
        .page_with_status(&paths::entry(id), StatusCode::NOT_FOUND)
        .await;
    let download = stranger.get(&paths::entry_document(id, document)).await;
    assert_eq!(download.status(), StatusCode::NOT_FOUND);
    // Writing is refused the same way, and changes nothing.
    let token = stranger.csrf_token(paths::SUBMISSIONS).await;
    let overwrite = stranger
        .client
        .post(format!("{}/submissions/{id}", stranger.base))
        .multipart(
            reqwest::multipart::Form::new()
                .text("csrf_token", token)
                .text("title", "Hijacked")
                .text("action", "save"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(overwrite.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM entries WHERE id = {id} AND title = 'Our secret draft'"
        )),
        1
    );
    // Nor does the entry or its document show anywhere for them or the public.
    assert!(!stranger
        .get(paths::SUBMISSIONS)
        .await
        .text()
        .await
        .unwrap()
        .contains("Our secret draft"));
    assert_eq!(
        app.get(&paths::entry_document(id, document)).await.status(),
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn a_submission_after_the_deadline_is_refused_and_kept() {
    let app = TestApp::spawn().await;
    let submitter = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let id = new_entry(
        &app,
        &submitter,
        &complete_entry("Late but complete"),
        "save",
    )
    .await;
    app.execute(&format!(
        "UPDATE competitions SET submission_deadline = {} WHERE region = 'americas' AND cycle_year = 2027",
        sql_time(-1)
    ));
    let mut typed = complete_entry("Late but complete, edited");
    typed[1].1 = "A summary typed just before pressing submit.".to_owned();
    let refused = save_entry(&submitter, id, &typed, "submit", None).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = scraper::Html::parse_document(&refused.text().await.unwrap());
    let summary = text_of(&page, ".error-summary li a");
    assert!(
        summary
            .iter()
            .any(|message| message.contains("can no longer be submitted")),
        "{summary:?}"
    );
    assert_eq!(field_value(&page, "title"), "Late but complete, edited");
    assert_eq!(
        field_value(&page, "summary"),
        "A summary typed just before pressing submit."
    );
    assert_eq!(status_of(&app, id), "draft");
    // What was typed is stored in the draft too.
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM entries WHERE id = {id} AND title = 'Late but complete, edited'"
        )),
        1
    );
}

#[tokio::test]
async fn an_eleventh_entry_is_refused() {
    let app = TestApp::spawn().await;
    let submitter = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let id = new_entry(&app, &submitter, &complete_entry("The eleventh"), "save").await;
    let already = app.count("SELECT COUNT(*) FROM entries e JOIN organisations o ON o.id = e.organisation_id WHERE o.name = 'Employment and Social Development Canada' AND e.status = 'submitted'");
    let conn = &mut app.db();
    for n in already..10 {
        EntryBuilder::of_esdc(conn)
            .titled(&format!("Earlier {n}"))
            .submitted()
            .insert(conn);
    }
    let refused = save_entry(
        &submitter,
        id,
        &complete_entry("The eleventh"),
        "submit",
        None,
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = scraper::Html::parse_document(&refused.text().await.unwrap());
    assert!(text_of(&page, ".error-summary li")
        .iter()
        .any(|m| m.contains("already submitted 10 entries")));
    assert_eq!(status_of(&app, id), "draft");
}

#[tokio::test]
async fn oversize_and_disguised_files_are_refused_and_nothing_typed_is_lost() {
    let app = TestApp::spawn().await;
    let submitter = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let id = new_entry(
        &app,
        &submitter,
        &complete_entry("With attachments"),
        "save",
    )
    .await;
    let mut oversize = PDF.to_vec();
    oversize.resize(10 * 1024 * 1024 + 1, b' ');
    let disguised = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff".to_vec();
    for (name, bytes, problem) in [
        ("big.pdf", oversize, "larger than 10 MB"),
        (
            "report.pdf",
            disguised,
            "is not a PDF, DOCX, ODT, PNG or JPEG",
        ),
    ] {
        let typed = complete_entry(&format!("Typed with {name}"));
        let refused = save_entry(&submitter, id, &typed, "save", Some((name, bytes))).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        let page = scraper::Html::parse_document(&refused.text().await.unwrap());
        let message = field_error(&page, "document").unwrap_or_default();
        assert!(message.contains(problem), "{name}: {message}");
        assert_eq!(field_value(&page, "title"), format!("Typed with {name}"));
        assert_eq!(
            app.count(&format!(
                "SELECT COUNT(*) FROM entries WHERE id = {id} AND title = 'Typed with {name}'"
            )),
            1
        );
    }
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM documents WHERE entry_id = {id}"
        )),
        0
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM document_contents"),
        0,
        "no refused file is kept"
    );
}

/// A portal from before documents lived in the database kept them as files in an uploads
/// folder, named in `documents.stored_name`: the next start takes them in.
#[tokio::test]
async fn documents_left_in_an_uploads_folder_are_taken_into_the_database_at_start() {
    let app = TestApp::spawn().await;
    let submitter = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let entry = draft_with_document(&mut app.db(), &submitter, "From before").await;
    let document = app.id_of::<DocumentId>(&format!(
        "SELECT id FROM documents WHERE entry_id = {entry}"
    ));
    let uploads = app.data.join("uploads-of-old");
    std::fs::create_dir_all(&uploads).unwrap();
    let old_file = b"%PDF-1.4\n% a document of an older portal\n".to_vec();
    std::fs::write(uploads.join("0123456789abcdef0123456789abcdef"), &old_file).unwrap();
    app.execute("DELETE FROM document_contents");
    app.execute(&format!(
        "UPDATE documents SET stored_name = '0123456789abcdef0123456789abcdef' WHERE id = {document}"
    ));
    let download = paths::entry_document(entry, document);
    assert_eq!(
        submitter.get(&download).await.status(),
        StatusCode::NOT_FOUND
    );

    let restarted = portal::prepare(&portal::config::Config {
        database: app.database.clone(),
        data: Some(app.data.clone()),
        search_index: Some(app.data.join("restarted-index")),
        uploads: Some(uploads.clone()),
        load_demo: false,
        ..portal::config::Config::default()
    })
    .expect("a start on the older portal's database");
    restarted.background.stop();

    let served = submitter.get(&download).await;
    assert_eq!(served.status(), StatusCode::OK);
    assert_eq!(served.bytes().await.unwrap(), old_file);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM documents WHERE stored_name <> ''"),
        0
    );
    assert!(!uploads.exists(), "the emptied folder is removed");
}

#[tokio::test]
async fn a_summary_of_181_words_is_refused_and_kept() {
    let app = TestApp::spawn().await;
    let submitter = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let id = new_entry(&app, &submitter, &complete_entry("Wordy"), "save").await;
    let long_summary = vec!["word"; 181].join(" ");
    let mut typed = complete_entry("Wordy");
    typed[1].1 = long_summary.clone();
    let refused = save_entry(&submitter, id, &typed, "submit", None).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = scraper::Html::parse_document(&refused.text().await.unwrap());
    assert_eq!(
        field_error(&page, "summary").as_deref(),
        Some("The summary has 181 words; the limit is 180.")
    );
    assert_eq!(field_value(&page, "summary"), long_summary);
    let summary = page.select(&selector("#summary")).next().unwrap();
    assert_eq!(summary.value().attr("aria-invalid"), Some("true"));
    assert_eq!(status_of(&app, id), "draft");
    typed[1].1 = vec!["word"; 180].join(" ");
    assert_eq!(
        save_entry(&submitter, id, &typed, "submit", None)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(status_of(&app, id), "submitted");
}

#[tokio::test]
async fn forms_without_the_csrf_token_are_refused() {
    let app = TestApp::spawn().await;
    let submitter = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let id = new_entry(&app, &submitter, &complete_entry("Guarded"), "save").await;
    let forged = submitter
        .client
        .post(format!("{}/submissions/{id}", submitter.base))
        .multipart(
            reqwest::multipart::Form::new()
                .text("title", "Forged")
                .text("action", "save"),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let page = scraper::Html::parse_document(&forged.text().await.unwrap());
    assert_eq!(text_of(&page, "h1"), ["This form has expired"]);
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM entries WHERE id = {id} AND title = 'Guarded'"
        )),
        1
    );
    for (path, fields) in [
        (paths::SIGN_OUT, vec![]),
        (
            paths::ACCOUNT_PASSWORD,
            vec![
                ("current_password", SUBMITTER.1),
                ("password", "new password 123"),
                ("confirmation", "new password 123"),
            ],
        ),
        (&*paths::entry_withdraw(id), vec![]),
        (
            paths::SIGN_IN,
            vec![("email", SUBMITTER.0), ("password", SUBMITTER.1)],
        ),
    ] {
        let wrong_token = [vec![("csrf_token", "not-the-token")], fields.clone()].concat();
        for body in [fields.clone(), wrong_token] {
            assert_eq!(
                submitter.post_raw(path, &body).await.status(),
                StatusCode::FORBIDDEN,
                "{path}"
            );
        }
    }
    // Still signed in, password unchanged.
    submitter.page(paths::SUBMISSIONS).await;
}

#[tokio::test]
async fn a_returned_entry_can_be_completed_and_submitted_again() {
    let app = TestApp::spawn().await;
    let submitter = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    let id = new_entry(
        &app,
        &submitter,
        &complete_entry("Needs indicators"),
        "submit",
    )
    .await;
    assert_eq!(status_of(&app, id), "submitted");
    // A reason is required; without it nothing changes.
    let without_note = screen(&secretariat, id, "return", "  ").await;
    assert_eq!(without_note.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(status_of(&app, id), "submitted");
    assert_eq!(
        screen(&secretariat, id, "return", "Add the baseline figures.")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(status_of(&app, id), "draft");
    assert!(app
        .last_mail_to(SUBMITTER.0)
        .unwrap()
        .1
        .contains("Add the baseline figures."));

    let form = submitter.page(&paths::entry(id)).await;
    assert!(text_of(&form, ".notice p").contains(&"Add the baseline figures.".to_owned()));
    let mut completed = complete_entry("Needs indicators");
    completed[4].1 = "Waiting time fell from 94 days (2021 baseline) to 1 day (2024).".to_owned();
    assert_eq!(
        save_entry(&submitter, id, &completed, "submit", None)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(status_of(&app, id), "submitted");
    assert_eq!(
        audit_actions(&app, "entry", id),
        [
            "entry-created",
            "entry-submitted",
            "screening-started",
            "entry-returned",
            "entry-submitted"
        ]
    );
}

#[tokio::test]
async fn an_entry_can_be_withdrawn_until_screening_starts() {
    let app = TestApp::spawn().await;
    let submitter = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    let first = new_entry(&app, &submitter, &complete_entry("Withdrawn one"), "submit").await;
    let path = paths::entry(first);
    let withdrawn = submitter
        .post_form(&path, &format!("{path}/withdraw"), &[])
        .await;
    assert_eq!(withdrawn.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, first), "withdrawn");

    let second = new_entry(&app, &submitter, &complete_entry("In screening"), "submit").await;
    assert_eq!(
        screen(&secretariat, second, "keep", "").await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(status_of(&app, second), "screening");
    let path = paths::entry(second);
    let token = submitter.csrf_token(paths::SUBMISSIONS).await;
    let refused = submitter
        .post_raw(&format!("{path}/withdraw"), &[("csrf_token", &token)])
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(status_of(&app, second), "screening");
}

#[tokio::test]
async fn submitters_and_anonymous_visitors_cannot_reach_the_secretariat() {
    let app = TestApp::spawn().await;
    let submitter = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    for path in [
        paths::ADMIN,
        paths::SCREENING_QUEUE,
        paths::MEMBERSHIPS,
        paths::USERS,
        paths::OUTBOX,
        paths::AUDIT,
    ] {
        assert_eq!(
            submitter.get(path).await.status(),
            StatusCode::FORBIDDEN,
            "{path}"
        );
        let anonymous = app.get(path).await;
        assert_eq!(anonymous.status(), StatusCode::SEE_OTHER, "{path}");
        assert!(location(&anonymous).starts_with("/login?next="), "{path}");
    }
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    // The secretariat reads entries but does not write them.
    let entry = app.id_of::<EntryId>("SELECT MIN(id) FROM entries WHERE status = 'draft'");
    secretariat.page(&paths::entry(entry)).await;
    assert_eq!(
        secretariat.get(paths::SUBMISSIONS).await.status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn saving_the_checklist_keeps_the_reason_typed_and_only_an_outcome_sends_it() {
    let app = TestApp::spawn().await;
    let submitter = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    let id = new_entry(&app, &submitter, &complete_entry("Half screened"), "submit").await;
    let path = paths::screening(id);
    let reason = "The endorsement letter is unsigned; ask for a signed copy.";
    let saved = screen(&secretariat, id, "keep", reason).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&saved), path);
    // Back on the page, the reason is there to finish; the institution has not seen it.
    assert_eq!(field_value(&secretariat.page(&path).await, "note"), reason);
    let entry = submitter.page(&paths::entry(id)).await;
    assert!(!entry
        .root_element()
        .text()
        .collect::<String>()
        .contains(reason));
    assert!(app
        .last_mail_to(SUBMITTER.0)
        .is_none_or(|(_, body)| !body.contains(reason)));
    // Sent with an outcome, it reaches the institution and the draft is gone.
    let returned = screen(&secretariat, id, "return", reason).await;
    assert_eq!(returned.status(), StatusCode::SEE_OTHER);
    assert!(app.last_mail_to(SUBMITTER.0).unwrap().1.contains(reason));
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM entries WHERE id = {id} AND screening_draft = ''"
        )),
        1
    );
}
