//! An international jury in a real browser: a juror who reads only French says so, marks the
//! entries she would like to judge, and is given only French ones from a competition with
//! entries in three languages. Without JavaScript, as the portal needs none.

use super::{tools, Chromium, Settings};
use crate::common::builders::move_phase;
use crate::common::jury::{appoint, competition_in, entry_in, register_juror, PASSWORD};
use crate::common::TestApp;
use portal::competitions::Phase;
use portal::demo::workflow::{JUROR, SECRETARIAT};
use portal::paths;

const FRENCH: &str = "Allocations familiales versées sans demande";
const SPANISH: &str = "Pensiones pagadas en casa";
const ENGLISH: &str = "Benefits claimed in one visit";

#[tokio::test]
async fn a_juror_who_reads_only_french_is_given_only_the_french_entry() {
    let Some(tools) = tools() else { return };
    let app = TestApp::spawn().await;
    let europe = competition_in(&app, Phase::Screening);
    for (title, language) in [(FRENCH, "fr"), (SPANISH, "es"), (ENGLISH, "en")] {
        entry_in(&app, europe, title, language);
    }
    let email = "elise@jury.example";
    let elise = register_juror(&app.base, &mut app.db(), "Élise Juror", email).await;
    let demo_juror = app.id_of(&format!("SELECT id FROM users WHERE email = '{}'", JUROR.0));
    for juror in [elise.id, demo_juror] {
        appoint(&mut app.db(), europe, juror, false);
    }

    let browser = Chromium::start(
        &tools,
        &app.base,
        "french-juror",
        Settings::WITHOUT_JAVASCRIPT,
    )
    .await;
    browser
        .step("she says she judges in French only", async {
            browser.sign_in((email, PASSWORD)).await;
            browser.menu().await.follow("Jury").await;
            browser
                .content()
                .await
                .expect_text("You have not yet said which languages you judge in")
                .await;
            browser.tick("French").await;
            browser.press("Save my languages").await;
            browser.expect_flash("Your languages are saved.").await;
        })
        .await;
    browser
        .step("she is eager to judge the French entry, the only one listed", async {
            browser
                .follow("Say which entries you would like to judge (ISSA Good Practice Award 2027 – Europe)")
                .await;
            let sheet = browser.content().await;
            sheet
                .expect_text("2 more eligible entries are written in other languages than yours (French)")
                .await;
            assert_eq!(sheet.count("#preferences fieldset").await, 1);
            browser
                .within(FRENCH)
                .await
                .tick("Eager to judge it")
                .await;
            browser.press("Save my preferences").await;
            browser
                .expect_flash("Your preferences are saved (1 stated).")
                .await;
            browser.sign_out().await;
        })
        .await;
    browser
        .step("the secretariat sees the languages and assigns automatically", async {
            browser.sign_in(SECRETARIAT).await;
            browser.open(&paths::jury_board(europe)).await;
            browser
                .content()
                .await
                .expect_text("Languages of the entries")
                .await;
            browser.press("Assign automatically").await;
            browser
                .content()
                .await
                .expect_text("Jurors' wishes: 1 of 1 entries they were eager or willing to judge given to them")
                .await;
            browser.sign_out().await;
        })
        .await;
    move_phase(&mut app.db(), europe, Phase::Review);
    browser
        .step("she finds only the French entry on her list", async {
            browser.sign_in((email, PASSWORD)).await;
            browser.menu().await.follow("Jury").await;
            let list = browser.content().await;
            list.expect_text(FRENCH).await;
            let shown = list.text().await;
            assert!(
                !shown.contains(SPANISH) && !shown.contains(ENGLISH),
                "{shown}"
            );
            browser.follow(FRENCH).await;
            assert_eq!(browser.heading().await, FRENCH);
        })
        .await;
}
