//! The entry form as a submitter fills it in, shared by the tests that submit entries.

use portal::db::DbConnection;
use reqwest::StatusCode;

use super::{id_of, location, Browser, TestApp};
use portal::ids::{CompetitionId, EntryId};
use portal::paths;

pub const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n";

/// The text fields of the entry form.
pub const TEXT_FIELDS: [&str; 10] = [
    "title",
    "summary",
    "challenge",
    "solution",
    "results",
    "innovation",
    "sustainability",
    "replicability",
    "endorser_name",
    "endorser_position",
];

/// Every field of a complete entry, as a submitter would fill them in.
pub fn complete_entry(title: &str) -> Vec<(&'static str, String)> {
    let text = |words: &str| words.to_owned();
    vec![
        ("title", title.to_owned()),
        (
            "summary",
            text("Pensions are paid from the day after retirement without a claim."),
        ),
        (
            "challenge",
            text("New pensioners waited three months for their first payment."),
        ),
        (
            "solution",
            text("Records are completed during working life; the pension is computed in advance."),
        ),
        (
            "results",
            text("Waiting time fell from 94 to 1 day; complaints fell by 80%."),
        ),
        ("innovation", text("No claim is needed at all.")),
        (
            "sustainability",
            text("Run from the regular budget by our own staff."),
        ),
        (
            "replicability",
            text("Any institution with full contribution records can do it."),
        ),
        ("language", "es".to_owned()),
        ("implementation_year", "2023".to_owned()),
        ("topics", "old-age-pensions".to_owned()),
        ("topics", "ict".to_owned()),
        ("impact_area", "service-delivery".to_owned()),
        ("approach", "transformative".to_owned()),
        ("innovation_type", "disruptive".to_owned()),
        ("elements", "need-driven".to_owned()),
        ("governance_level", "intra-governmental".to_owned()),
        ("integrations", "administrative".to_owned()),
        ("endorser_name", "María López".to_owned()),
        ("endorser_position", "Director General".to_owned()),
        ("endorsement_confirmed", "yes".to_owned()),
    ]
}

pub fn with(
    fields: &[(&'static str, String)],
    extra: &[(&'static str, &str)],
) -> Vec<(&'static str, String)> {
    let mut all = fields.to_vec();
    all.extend(
        extra
            .iter()
            .map(|(name, value)| (*name, (*value).to_owned())),
    );
    all
}

pub fn refs<'a>(fields: &'a [(&'static str, String)]) -> Vec<(&'a str, &'a str)> {
    fields
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect()
}

/// Posts the entry form of a new entry for `competition` (its id) with `action` (`save` or
/// `submit`), as the signed-in submitter.
pub async fn post_new_entry(
    browser: &Browser,
    competition: CompetitionId,
    fields: &[(&'static str, String)],
    action: &str,
) -> reqwest::Response {
    let competition = competition.to_string();
    let all = with(fields, &[("competition", &competition), ("action", action)]);
    browser
        .post_multipart(paths::NEW_ENTRY, paths::SUBMISSIONS, &refs(&all), None)
        .await
}

/// Saves a new entry of the signed-in submitter and returns its id.
pub async fn new_entry(
    app: &TestApp,
    browser: &Browser,
    fields: &[(&'static str, String)],
    action: &str,
) -> EntryId {
    let response = post_new_entry(browser, americas(&mut app.db()), fields, action).await;
    assert_eq!(
        response.status(),
        StatusCode::SEE_OTHER,
        "{}",
        response.text().await.unwrap()
    );
    entry_id(&response)
}

/// The id of the entry a successful save redirected to.
pub fn entry_id(response: &reqwest::Response) -> EntryId {
    let id = location(response)
        .rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .map(EntryId)
        .expect("an entry's address");
    assert_eq!(location(response), paths::entry(id));
    id
}

/// The id of the demo's open competition for the Americas, where ESDC and IMSS enter.
pub fn americas(conn: &mut DbConnection) -> CompetitionId {
    id_of(
        conn,
        "SELECT id FROM competitions WHERE region = 'americas' AND cycle_year = 2027",
    )
}

/// Saves a complete draft titled `title` with a PDF attached, as the signed-in submitter,
/// and returns its id.
pub async fn draft_with_document(
    conn: &mut DbConnection,
    browser: &Browser,
    title: &str,
) -> EntryId {
    let saved = post_new_entry(browser, americas(conn), &complete_entry(title), "save").await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER, "save {title}");
    let id = entry_id(&saved);
    let path = paths::entry(id);
    let fields = with(&complete_entry(title), &[("action", "save")]);
    let attached = browser
        .post_multipart(
            &path,
            &path,
            &refs(&fields),
            Some(("plan.pdf", PDF.to_vec())),
        )
        .await;
    assert_eq!(
        attached.status(),
        StatusCode::SEE_OTHER,
        "attach to {title}"
    );
    id
}

/// The secretariat screens entry `id` with every manual line ticked and `outcome`
/// (`eligible`, `ineligible`, `return`, or `keep` to save the checklist only).
pub async fn screen(
    secretariat: &Browser,
    id: EntryId,
    outcome: &str,
    note: &str,
) -> reqwest::Response {
    let path = paths::screening(id);
    secretariat
        .post_form(
            &path,
            &path,
            &[
                ("checks", "issa-member"),
                ("checks", "endorsement-genuine"),
                ("checks", "language-matches"),
                ("note", note),
                ("outcome", outcome),
            ],
        )
        .await
}

/// The competition form as the secretariat fills it in: two criteria, weighted 2 and 1.
pub fn competition_form<'a>(
    region: &'a str,
    cycle_year: &'a str,
    title: &'a str,
    deadline: &'a str,
) -> Vec<(&'static str, &'a str)> {
    vec![
        ("region", region),
        ("cycle_year", cycle_year),
        ("title", title),
        ("call_text", "Enter your practices."),
        ("opens_at", "2026-01-01T00:00"),
        ("submission_deadline", deadline),
        ("review_deadline", ""),
        ("results_at", ""),
        ("scale_min", "1"),
        ("scale_max", "10"),
        ("jurors_per_entry", "3"),
        ("criterion_name", "Achieved outcomes"),
        ("criterion_description", "Measured results."),
        ("criterion_weight", "2"),
        ("criterion_name", "Innovativeness"),
        ("criterion_description", ""),
        ("criterion_weight", "1"),
        ("criterion_name", ""),
        ("criterion_description", ""),
        ("criterion_weight", "1"),
    ]
}
