//! A jury at work, shared by the tests that need one: juror accounts, appointment,
//! assignment, and the review form as a juror fills it in. The jury is set up straight in the
//! database, as the secretariat's pages (tested in `tests/jury.rs`) would leave it.

use portal::db::DbConnection;
use reqwest::StatusCode;

use portal::accounts::{self, Role};
use portal::competitions::{self, Phase};
use portal::demo::workflow::SECOND_SUBMITTER;
use portal::ids::{CompetitionId, EntryId, PracticeId, UserId};
use portal::jury;

pub use super::builders::user_id;
use super::builders::{self, EntryBuilder};
use super::forms::pairs;
use super::{Browser, TestApp};
use portal::paths;

/// The password of every juror made here.
pub const PASSWORD: &str = "a juror's long password";

/// A juror signed in in a browser of their own.
pub struct Juror {
    pub id: UserId,
    pub browser: Browser,
}

/// Registers an account through the portal at `base` and makes it a juror, as the
/// secretariat would at `/admin/users`. Registration signs the new person in.
pub async fn register_juror(base: &str, conn: &mut DbConnection, name: &str, email: &str) -> Juror {
    let browser = Browser::new(base);
    let response = browser.register(name, email, PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "register {email}");
    let id = user_id(conn, email);
    accounts::repository::set_role(conn, id, Role::Juror).expect("make a juror");
    Juror { id, browser }
}

/// Makes `user` an approved member of the institution named `institution`.
pub fn join(conn: &mut DbConnection, user: UserId, institution: &str) {
    let institution = builders::institution(conn, institution);
    builders::approved_member(conn, user, institution);
}

pub fn appoint(conn: &mut DbConnection, competition: CompetitionId, user: UserId, chair: bool) {
    jury::repository::appoint(conn, competition, user, chair, &[]).expect("appoint");
}

pub fn assign(conn: &mut DbConnection, entry: EntryId, user: UserId) {
    jury::repository::assign(conn, entry, user).expect("assign");
}

/// A new eligible entry of `competition` by IMSS, complete; returns its id.
pub fn eligible_entry(conn: &mut DbConnection, competition: CompetitionId, title: &str) -> EntryId {
    let imss = builders::institution(conn, "Instituto Mexicano del Seguro Social");
    let author = user_id(conn, SECOND_SUBMITTER.0);
    EntryBuilder::new(competition, imss, author)
        .titled(title)
        .eligible()
        .insert(conn)
}

/// Opens the review of the demo's open 2027 competition of `region`; returns its id.
pub fn open_review(conn: &mut DbConnection, region: &str) -> CompetitionId {
    let id = builders::competition(conn, region, 2027);
    builders::move_phase(conn, id, Phase::Review);
    id
}

/// The ids of the competition's criteria, in the order of the form.
pub fn criteria(conn: &mut DbConnection, competition: CompetitionId) -> Vec<i32> {
    competitions::repository::criteria_of(conn, competition)
        .expect("read the criteria")
        .into_iter()
        .map(|criterion| criterion.id)
        .collect()
}

/// The review form: a score and a comment for each criterion, in order, and `action`
/// (`save` or `submit`).
pub fn review_fields(
    criteria: &[i32],
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
    entry: EntryId,
    fields: &[(String, String)],
) -> reqwest::Response {
    let path = paths::review(entry);
    browser.post_form(&path, &path, &pairs(fields)).await
}

/// An eligible entry of IMSS in `competition`, written in `language`.
pub fn entry_in(app: &TestApp, competition: CompetitionId, title: &str, language: &str) -> EntryId {
    let entry = eligible_entry(&mut app.db(), competition, title);
    app.execute(&format!(
        "UPDATE entries SET language = '{language}' WHERE id = {entry}"
    ));
    entry
}

/// The Europe competition with no eligible entry but ours, one juror an entry, in `phase`.
pub fn competition_in(app: &TestApp, phase: Phase) -> CompetitionId {
    let competition = builders::competition(&mut app.db(), "europe", 2027);
    app.execute(&format!(
        "UPDATE entries SET status = 'ineligible' WHERE competition_id = {competition} \
         AND status = 'eligible'"
    ));
    app.execute(&format!(
        "UPDATE competitions SET jurors_per_entry = 1 WHERE id = {competition}"
    ));
    builders::move_phase(&mut app.db(), competition, phase);
    competition
}

/// Moves `competition` to deliberation and publishes its results as the signed-in
/// `secretariat`; returns the practice `entry` became.
pub async fn publish_with(
    app: &TestApp,
    secretariat: &Browser,
    competition: CompetitionId,
    entry: EntryId,
) -> PracticeId {
    builders::move_phase(&mut app.db(), competition, Phase::Deliberation);
    let published = secretariat
        .post_form(
            &paths::admin_competition(competition),
            &paths::publish(competition),
            &[],
        )
        .await;
    assert_eq!(published.status(), StatusCode::SEE_OTHER);
    app.id_of::<PracticeId>(&format!(
        "SELECT id FROM practices WHERE entry_id = {entry}"
    ))
}
