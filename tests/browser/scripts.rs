//! What the page's scripts write speaks the page's language: its words and its digits.

use super::{tools, Chromium, Settings};
use crate::common::TestApp;
use portal::demo::workflow::{JUROR, SECRETARIAT, SUBMITTER};
use portal::ids::{CompetitionId, EntryId};
use portal::languages::Lang;
use portal::paths;

#[tokio::test]
async fn the_word_counter_counts_in_the_page_s_language() {
    let Some(tools) = tools() else { return };
    let app = TestApp::spawn().await;
    let browser = Chromium::start(&tools, &app.base, "word-counter", Settings::DESKTOP).await;
    browser.sign_in(SUBMITTER).await;
    for lang in Lang::ALL {
        browser
            .step(&format!("word counter in {}", lang.tag()), async {
                browser
                    .open(&format!("{}?lang={}", paths::NEW_ENTRY, lang.tag()))
                    .await;
                let shown = browser
                    .script(
                        "const summary = document.getElementById('summary');
                         summary.value = 'one two three';
                         summary.dispatchEvent(new Event('input'));
                         return summary.parentNode.querySelector('.word-counter').textContent;",
                    )
                    .await;
                let expected = lang.t2(
                    "entry-word-counter",
                    "count",
                    lang.digits(3),
                    "limit",
                    lang.digits(180),
                );
                assert_eq!(shown.as_str(), Some(expected.as_str()), "{lang:?}");
                if lang == Lang::Fa {
                    assert!(
                        !expected.chars().any(|c| c.is_ascii_digit()),
                        "{expected:?} has Latin digits"
                    );
                    assert!(expected.contains("واژه"), "{expected:?}");
                }
            })
            .await;
    }
}

/// Every checkbox of the page whose label does not sit on the checkbox's line: the label's
/// box must overlap the checkbox's line and begin beside it.
const CHECKBOXES_OFF_THEIR_LINE: &str = "
  return Array.from(document.querySelectorAll('input[type=checkbox]')).filter(box => {
    const label = document.querySelector(`label[for='${box.id}']`);
    if (!label) { return true; }
    const b = box.getBoundingClientRect(), l = label.getClientRects()[0];
    const sameLine = l.top < b.bottom && l.bottom > b.top;
    return !sameLine;
  }).map(box => box.id);";

#[tokio::test]
async fn every_checkbox_sits_on_the_line_of_its_label_on_a_desktop_and_a_phone() {
    let Some(tools) = tools() else { return };
    let app = TestApp::spawn().await;
    let competition = app.id_of::<CompetitionId>(
        "SELECT id FROM competitions WHERE region = 'americas' AND cycle_year = 2027",
    );
    let reviewing = app.id_of::<EntryId>(
        "SELECT MIN(entry_id) FROM assignments JOIN users ON users.id = assignments.user_id \
         WHERE users.email = 'juror@demo.example'",
    );
    let pages = [
        (SUBMITTER, paths::NEW_ENTRY.to_owned()),
        (JUROR, paths::review(reviewing)),
        (SECRETARIAT, paths::admin_competition(competition)),
        (SECRETARIAT, paths::jury_board(competition)),
    ];
    for (name, settings) in [("desktop", Settings::DESKTOP), ("phone", Settings::PHONE)] {
        let browser =
            Chromium::start(&tools, &app.base, &format!("checkboxes-{name}"), settings).await;
        for (account, path) in &pages {
            browser
                .step(&format!("checkboxes of {path} ({name})"), async {
                    browser.forget_cookies().await;
                    browser.sign_in(*account).await;
                    browser.open(path).await;
                    let found = browser.script(CHECKBOXES_OFF_THEIR_LINE).await;
                    let boxes = browser
                        .script("return document.querySelectorAll('input[type=checkbox]').length;")
                        .await;
                    assert!(boxes.as_u64() > Some(0), "no checkbox on {path}");
                    assert_eq!(found, serde_json::json!([]), "{path} at {name}");
                })
                .await;
        }
    }
}
