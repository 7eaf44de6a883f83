//! A jury at work, shared by the tests that need one: juror accounts, appointment,
//! assignment, and the review form as a juror fills it in. The jury is set up straight in the
//! database, as the secretariat's pages (tested in `tests/jury.rs`) would leave it.

use diesel::SqliteConnection;
use reqwest::StatusCode;

use super::forms::pairs;
use super::{count, execute, Browser};

/// The password of every juror made here.
const PASSWORD: &str = "a juror's long password";

/// A juror signed in in a browser of their own.
pub struct Juror {
    pub id: i64,
    pub browser: Browser,
}

/// Registers an account through the portal at `base` and makes it a juror, as the
/// secretariat would at `/admin/users`. Registration signs the new person in.
pub async fn register_juror(
    base: &str,
    conn: &mut SqliteConnection,
    name: &str,
    email: &str,
) -> Juror {
    let browser = Browser::new(base);
    let response = browser.register(name, email, PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "register {email}");
    execute(
        conn,
        &format!("UPDATE users SET role = 'juror' WHERE email = '{email}'"),
    );
    Juror {
        id: user_id(conn, email),
        browser,
    }
}

pub fn user_id(conn: &mut SqliteConnection, email: &str) -> i64 {
    count(
        conn,
        &format!("SELECT id FROM users WHERE email = '{email}'"),
    )
}

/// Makes `user` an approved member of the institution named `institution`.
pub fn join(conn: &mut SqliteConnection, user: i64, institution: &str) {
    execute(
        conn,
        &format!(
            "INSERT INTO memberships (user_id, organisation_id, status) \
             SELECT {user}, id, 'approved' FROM organisations WHERE name = '{institution}'"
        ),
    );
}

pub fn appoint(conn: &mut SqliteConnection, competition: i64, user: i64, chair: bool) {
    execute(
        conn,
        &format!(
            "INSERT INTO jurors (competition_id, user_id, is_chair) \
             VALUES ({competition}, {user}, {})",
            i32::from(chair)
        ),
    );
}

pub fn assign(conn: &mut SqliteConnection, entry: i64, user: i64) {
    execute(
        conn,
        &format!("INSERT INTO assignments (entry_id, user_id) VALUES ({entry}, {user})"),
    );
}

/// A new eligible entry of `competition`, copied from the demo's complete entry of IMSS;
/// returns its id.
pub fn eligible_copy(conn: &mut SqliteConnection, competition: i64, title: &str) -> i64 {
    let columns = "organisation_id, created_by, summary, challenge, solution, results, \
                   innovation, sustainability, replicability, language, implementation_year, \
                   impact_area, approach, innovation_type, governance_level, endorser_name, \
                   endorser_position, endorsement_confirmed";
    execute(
        conn,
        &format!(
            "INSERT INTO entries (competition_id, status, title, {columns}) \
             SELECT {competition}, 'eligible', '{title}', {columns} FROM entries \
             WHERE title LIKE 'Contribution collection%' ORDER BY id LIMIT 1"
        ),
    );
    count(conn, "SELECT MAX(id) FROM entries")
}

/// Opens the review of the demo's open 2027 competition of `region`; returns its id.
pub fn open_review(conn: &mut SqliteConnection, region: &str) -> i64 {
    let id = count(
        conn,
        &format!("SELECT id FROM competitions WHERE region = '{region}' AND cycle_year = 2027"),
    );
    execute(
        conn,
        &format!("UPDATE competitions SET phase = 'review' WHERE id = {id}"),
    );
    id
}

/// The ids of the competition's criteria, in the order of the form.
pub fn criteria(conn: &mut SqliteConnection, competition: i64) -> Vec<i64> {
    let total = count(
        conn,
        &format!("SELECT COUNT(*) FROM criteria WHERE competition_id = {competition}"),
    );
    (0..total)
        .map(|n| {
            count(
                conn,
                &format!(
                    "SELECT id FROM criteria WHERE competition_id = {competition} \
                     ORDER BY position LIMIT 1 OFFSET {n}"
                ),
            )
        })
        .collect()
}

/// The review form: a score and a comment for each criterion, in order, and `action`
/// (`save` or `submit`).
pub fn review_fields(
    criteria: &[i64],
    scores: &[&str],
    overall_comment: &str,
    action: &str,
) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = criteria
        .iter()
        .zip(scores)
        .flat_map(|(criterion, score)| {
            [
                (format!("score-{criterion}"), (*score).to_owned()),
                (
                    format!("comment-{criterion}"),
                    format!("comment on {criterion}"),
                ),
            ]
        })
        .collect();
    fields.push(("overall_comment".into(), overall_comment.into()));
    fields.push(("action".into(), action.into()));
    fields
}

/// Posts the review form of `entry` with the token of its page, as the juror's browser would.
pub async fn post_review(
    browser: &Browser,
    entry: i64,
    fields: &[(String, String)],
) -> reqwest::Response {
    let path = format!("/jury/entries/{entry}");
    browser.post_form(&path, &path, &pairs(fields)).await
}
