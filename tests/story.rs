//! The seeds' own cycle in the demo: the ISSA Good Practice Award for the Americas 2020,
//! published, with the figures of its announcement (138 entries from 30 institutions in 18
//! countries, all in the database) and its results by level, won by ESDC.

use portal::demo::{STORY_COUNTRIES, STORY_ENTRIES, STORY_INSTITUTIONS};
use portal::ids::CompetitionId;
use portal::paths;

use crate::common::{hrefs, list_total, text_of, TestApp};

const WINNER: &str = "Service transformation: Design-thinking and the Acceleration Hub";

#[tokio::test]
async fn the_demo_tells_the_2020_americas_competition_as_announced() {
    let app = TestApp::spawn().await;
    let competitions = app.page(paths::COMPETITIONS).await;
    assert!(text_of(&competitions, "main a")
        .iter()
        .any(|title| title == "ISSA Good Practice Award for the Americas 2020"));
    let id = app.id_of::<CompetitionId>(
        "SELECT id FROM competitions WHERE region = 'americas' AND cycle_year = 2020",
    );

    let page = app.page(&paths::competition(id)).await;
    assert_eq!(
        text_of(&page, "p.lead"),
        vec![format!(
            "{STORY_ENTRIES} entries from {STORY_INSTITUTIONS} institutions in {STORY_COUNTRIES} countries."
        )]
    );
    assert_eq!(
        (STORY_ENTRIES, STORY_INSTITUTIONS, STORY_COUNTRIES),
        (138, 30, 18)
    );
    // Results by level: ESDC's practice alone at the top, every entry listed once.
    let headings = text_of(&page, "h3");
    assert_eq!(
        headings.first().map(String::as_str),
        Some("Good Practice Award (1)")
    );
    let winner = text_of(&page, "h3 + ul li")
        .first()
        .cloned()
        .unwrap_or_default();
    assert!(
        winner.starts_with(WINNER)
            && winner.ends_with("Employment and Social Development Canada, Canada"),
        "{winner}"
    );
    let listed: Vec<String> = hrefs(&page, "h3 + ul a");
    let distinct: std::collections::BTreeSet<&String> = listed.iter().collect();
    let distinguished = headings
        .iter()
        .find(|heading| heading.starts_with("Special Distinction"))
        .map_or(0, |heading| {
            heading
                .rsplit('(')
                .next()
                .unwrap()
                .trim_end_matches(')')
                .parse::<usize>()
                .unwrap()
        });
    assert_eq!(listed.len() - distinguished, STORY_ENTRIES, "{headings:?}");
    assert_eq!(distinct.len(), STORY_ENTRIES);

    // All of them published in the database: the list of the region's 2020 practices.
    assert_eq!(
        list_total(&app, "/practices?region=americas&year=2020").await,
        STORY_ENTRIES
    );
    // In Persian, with its digits.
    let persian = app
        .page(&format!("{}?lang=fa", paths::competition(id)))
        .await;
    assert!(text_of(&persian, "p.lead")[0].contains("۱۳۸"));
}
