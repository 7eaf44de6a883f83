//! The public practice database through the real HTTP stack, checked against SQLite directly.

use std::collections::BTreeSet;

use crate::common::{
    facet_counts, hrefs, insert_practice, listed_ids, selector, text_of, total, urlencode, TestApp,
    FILTERS,
};
use portal::db::Database;
use portal::ids::PracticeId;
use portal::paths;
use portal::taxonomy::PracticeStatus;
use reqwest::StatusCode;

/// The SQL meaning of one filter, written independently of the portal's own code.
/// The SQL condition of one filter value; a search is checked against the back-end's own
/// full-text search (SQLite's FTS5 index, PostgreSQL's English text search).
fn condition(param: &str, value: &str, database: &Database) -> String {
    let v = value.replace('\'', "''");
    let exists = |table: &str, column: &str| {
        format!(
            "EXISTS (SELECT 1 FROM {table} x WHERE x.practice_id = p.id AND x.{column} = '{v}')"
        )
    };
    match param {
        "region" => format!("o.region = '{v}'"),
        "country" => format!(
            "(o.country = '{v}' OR EXISTS (SELECT 1 FROM practice_partners pp \
             JOIN organisations po ON po.id = pp.organisation_id \
             WHERE pp.practice_id = p.id AND po.country = '{v}'))"
        ),
        "organisation" => format!(
            "(p.organisation_id = '{v}' OR EXISTS (SELECT 1 FROM practice_partners pp \
             WHERE pp.practice_id = p.id AND pp.organisation_id = '{v}'))"
        ),
        "topic" => exists("practice_topics", "topic"),
        "element" => exists("practice_elements", "element"),
        "integration" => exists("practice_integrations", "integration"),
        "award" if v == "innovation-distinction" => "p.innovation_distinction".into(),
        "award" => format!("p.award = '{v}'"),
        "year" => format!("p.competition_year = '{v}'"),
        "innovation" => format!("p.innovation_type = '{v}'"),
        "governance" => format!("p.governance_level = '{v}'"),
        "impact" => format!("p.impact_area = '{v}'"),
        "language" => format!("p.language = '{v}'"),
        "q" => match database {
            Database::File(_) => format!(
                "p.id IN (SELECT rowid FROM practices_fts WHERE practices_fts MATCH '\"{v}\"')"
            ),
            Database::Server(_) => format!(
                "to_tsvector('english', concat_ws(' ', p.title, p.summary, p.challenge, \
                 p.solution, p.results, p.innovation, p.sustainability, p.replicability, o.name)) \
                 @@ plainto_tsquery('english', '{v}')"
            ),
        },
        other => panic!("no condition for {other}"),
    }
}

/// Values of one filter combine with OR, different filters with AND.
fn sql_count(app: &TestApp, filters: &[(&str, String)]) -> i64 {
    let mut sql =
        "SELECT COUNT(*) FROM practices p JOIN organisations o ON o.id = p.organisation_id \
                   WHERE p.status = 'published'"
            .to_owned();
    let facets: BTreeSet<&str> = filters.iter().map(|(param, _)| *param).collect();
    for facet in facets {
        let alternatives: Vec<String> = filters
            .iter()
            .filter(|(param, _)| *param == facet)
            .map(|(param, value)| condition(param, value, &app.database))
            .collect();
        sql.push_str(&format!(" AND ({})", alternatives.join(" OR ")));
    }
    app.count(&sql)
}

fn query_string(filters: &[(&str, String)]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (param, value) in filters {
        out.append_pair(param, value);
    }
    out.finish()
}

/// Every count in every facet equals SQLite's count for that value and the other filters.
async fn assert_facet_counts(app: &TestApp, active: &[(&str, String)]) {
    let html = app
        .page(&format!("{}?{}", paths::PRACTICES, query_string(active)))
        .await;
    assert_eq!(
        total(&html) as i64,
        sql_count(app, active),
        "total for {active:?}"
    );
    let mut checked = 0;
    for facet in FILTERS {
        for (value, shown) in facet_counts(&html, facet) {
            let mut filters: Vec<(&str, String)> = active
                .iter()
                .filter(|(p, _)| *p != facet)
                .cloned()
                .collect();
            filters.push((facet, value.clone()));
            assert_eq!(
                shown,
                sql_count(app, &filters),
                "{facet}={value} with {active:?}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} facet values shown");
}

#[tokio::test]
async fn each_filter_narrows_the_list_to_what_sqlite_counts() {
    let app = TestApp::spawn().await;
    let everything = app.page(paths::PRACTICES).await;
    let all = total(&everything);
    assert_eq!(all as i64, sql_count(&app, &[]));
    assert!(all >= 150, "demo data has {all} practices");
    for facet in FILTERS {
        let values = facet_counts(&everything, facet);
        assert!(!values.is_empty(), "facet {facet} shows no value");
        // The rarest value narrows the most.
        let (value, count) = values
            .iter()
            .min_by_key(|(_, count)| *count)
            .unwrap()
            .clone();
        let filtered = app
            .page(&format!(
                "{}?{facet}={}",
                paths::PRACTICES,
                urlencode(&value)
            ))
            .await;
        let shown = total(&filtered);
        assert_eq!(
            shown as i64, count,
            "{facet}={value}: list total vs facet count"
        );
        assert_eq!(
            shown as i64,
            sql_count(&app, &[(facet, value.clone())]),
            "{facet}={value}"
        );
        assert!(shown < all, "{facet}={value} did not narrow the list");
        assert!(listed_ids(&filtered).len() == shown.min(25));
    }
}

#[tokio::test]
async fn facet_counts_reflect_the_other_active_filters() {
    let app = TestApp::spawn().await;
    assert_facet_counts(&app, &[]).await;
    assert_facet_counts(&app, &[("region", "europe".into())]).await;
    assert_facet_counts(
        &app,
        &[
            ("region", "americas".into()),
            ("topic", "ict".into()),
            ("topic", "health".into()),
        ],
    )
    .await;
    assert_facet_counts(
        &app,
        &[("q", "pension".into()), ("innovation", "disruptive".into())],
    )
    .await;
}

#[tokio::test]
async fn pagination_lists_every_practice_exactly_once() {
    let app = TestApp::spawn().await;
    for sort in ["title", "newest", "relevance"] {
        let mut seen = Vec::new();
        let mut path = Some(format!("{}?sort={sort}", paths::PRACTICES));
        let mut pages = 0;
        while let Some(current) = path {
            let html = app.page(&current).await;
            seen.extend(listed_ids(&html));
            path = html
                .select(&selector(".pagination a[rel=next]"))
                .next()
                .map(|a| a.value().attr("href").unwrap().to_owned());
            pages += 1;
            assert!(pages < 100, "pagination does not end");
        }
        let unique: BTreeSet<PracticeId> = seen.iter().copied().collect();
        assert_eq!(
            unique.len(),
            seen.len(),
            "a practice appears twice with sort={sort}"
        );
        assert_eq!(seen.len() as i64, sql_count(&app, &[]), "sort={sort}");
        assert_eq!(pages, seen.len().div_ceil(25));
    }
    let titles_page = app.page("/practices?sort=title").await;
    let titles = text_of(&titles_page, ".practice-card h3");
    let mut sorted = titles.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(titles, sorted);
}

#[tokio::test]
async fn search_finds_by_title_and_by_words_in_a_section_and_marks_them() {
    let app = TestApp::spawn().await;
    let by_title = insert_practice(
        &app,
        "Zephyrine benefit desk",
        "Ordinary words.",
        PracticeStatus::Published,
    );
    let by_section = insert_practice(
        &app,
        "Another practice",
        "Clients faced quokkaborne delays.",
        PracticeStatus::Published,
    );

    let html = app.page("/practices?q=zephyrine").await;
    assert_eq!(listed_ids(&html), vec![by_title]);
    let html = app.page("/practices?q=Quokkaborne").await;
    assert_eq!(listed_ids(&html), vec![by_section]);
    assert_eq!(text_of(&html, ".practice-card mark"), vec!["quokkaborne"]);
    // Prefix search and search by institution name.
    let html = app.page("/practices?q=quokka*").await;
    assert_eq!(listed_ids(&html), vec![by_section]);
    let organisation: String = text_of(&app.page("/organisations/1").await, "h1").remove(0);
    let first_word = organisation
        .split_whitespace()
        .max_by_key(|w| w.len())
        .unwrap();
    let html = app
        .page(&format!("{}?q={}", paths::PRACTICES, urlencode(first_word)))
        .await;
    assert!(listed_ids(&html).contains(&by_title) || total(&html) > 25);
}

#[tokio::test]
async fn unpublished_practices_stay_private() {
    let app = TestApp::spawn().await;
    let hidden = insert_practice(
        &app,
        "Xylocarp draft",
        "Secret words.",
        PracticeStatus::Unpublished,
    );
    app.page_with_status(&paths::practice(hidden), StatusCode::NOT_FOUND)
        .await;
    assert_eq!(total(&app.page("/practices?q=xylocarp").await), 0);
}

#[tokio::test]
async fn the_practice_page_shows_what_was_stored() {
    let app = TestApp::spawn().await;
    let id = insert_practice(
        &app,
        "Wayfinding for migrant workers",
        "Migrants could not find their way.",
        PracticeStatus::Published,
    );
    let html = app.page(&paths::practice(id)).await;
    assert_eq!(text_of(&html, "h1"), vec!["Wayfinding for migrant workers"]);
    let sections = text_of(&html, "article section p.text");
    assert!(sections.contains(&"Migrants could not find their way.".to_owned()));
    assert!(sections.contains(&"Replicability text.".to_owned()));
    let links = text_of(&html, ".classification a");
    for expected in [
        "Migration",
        "ICT",
        "Disruptive",
        "Cross-sectoral",
        "Open, recombinant process",
        "Service delivery",
        "Public value creation",
    ] {
        assert!(
            links.iter().any(|l| l == expected),
            "{expected} missing from {links:?}"
        );
    }
    assert_eq!(
        text_of(&html, ".practice header .awards .badge"),
        vec!["Certificate of Merit"]
    );
    // Organisation and joint partner link to their pages.
    let institution_links = hrefs(&html, ".practice header a[href^='/organisations/']");
    assert_eq!(
        institution_links,
        vec!["/organisations/1", "/organisations/2"]
    );
    // A classification link leads to a list that contains this practice.
    let topic_link = html
        .select(&selector(".classification a"))
        .find(|a| a.text().collect::<String>() == "Migration")
        .unwrap()
        .value()
        .attr("href")
        .unwrap()
        .to_owned();
    assert_eq!(topic_link, "/practices?topic=migration");
    assert_eq!(
        total(&app.page(&topic_link).await) as i64,
        sql_count(&app, &[("topic", "migration".into())])
    );
}

#[tokio::test]
async fn the_real_2020_americas_winner_is_in_the_demo_data() {
    let app = TestApp::spawn().await;
    let html = app
        .page("/practices?q=acceleration+hub&region=americas&award=good-practice-award")
        .await;
    let titles = text_of(&html, ".practice-card h3");
    assert!(
        titles
            .iter()
            .any(|t| t == "Service transformation: Design-thinking and the Acceleration Hub"),
        "{titles:?}"
    );
    let home = app.page(paths::HOME).await;
    assert!(!text_of(&home, "#winners-title + .practice-list h3").is_empty());
}

#[tokio::test]
async fn the_organisation_page_lists_its_practices() {
    let app = TestApp::spawn().await;
    let html = app.page("/organisations/1").await;
    let stored = app.count(
        "SELECT COUNT(*) FROM practices p WHERE p.status = 'published' AND (p.organisation_id = 1 \
         OR EXISTS (SELECT 1 FROM practice_partners pp WHERE pp.practice_id = p.id AND pp.organisation_id = 1))",
    );
    let heading = text_of(&html, "#practices-title").remove(0);
    assert!(
        heading.starts_with(&format!("{stored} practice")),
        "{heading}"
    );
    assert_eq!(listed_ids(&html).len() as i64, stored.min(25));
    let name = text_of(&html, "h1").remove(0);
    let stored_name = app.count(&format!(
        "SELECT COUNT(*) FROM organisations WHERE id = 1 AND name = '{}'",
        name.replace('\'', "''")
    ));
    assert_eq!(stored_name, 1);
}

#[tokio::test]
async fn unknown_addresses_give_a_styled_404() {
    let app = TestApp::spawn().await;
    for path in [
        "/practices/999999",
        "/practices/abc",
        "/practices/-1",
        "/organisations/0",
        "/organisations/x",
        "/no/such/page",
        "/static/nope.css",
    ] {
        let html = app.page_with_status(path, StatusCode::NOT_FOUND).await;
        assert_eq!(text_of(&html, "h1"), vec!["Page not found"], "{path}");
    }
}

#[tokio::test]
async fn hostile_search_input_gives_a_normal_page() {
    let app = TestApp::spawn().await;
    let long = "pension ".repeat(2_000);
    let hostile = [
        "\"",
        "(",
        ")",
        "NEAR",
        "NEAR(a b)",
        "*",
        "-",
        "a -b",
        "\"unterminated",
        "title:x",
        "^start",
        "a AND OR NOT b",
        "{col}: x",
        "'; DROP TABLE practices; --",
        "%",
        "\\",
        "بازنشستگی تأمین اجتماعی",
        "社会保障",
        "пенсия",
        "🙂",
        "\u{0}",
        &long,
        "<script>alert(1)</script>",
    ];
    for text in hostile {
        let path = format!(
            "{}?q={}&page=2&sort=title",
            paths::PRACTICES,
            urlencode(text)
        );
        let html = app.page(&path).await;
        assert_eq!(text_of(&html, "h1"), vec!["Practice database"], "{text:?}");
        assert!(
            html.select(&selector("script")).next().is_none(),
            "{text:?}"
        );
    }
    for query in [
        "page=abc",
        "page=99999999999999999999",
        "year=notayear",
        "organisation=1e9",
        "topic=",
        "sort=%FF",
        "%zz=1",
        "region=europe&region=europe",
    ] {
        app.page(&format!("{}?{query}", paths::PRACTICES)).await;
    }
}

#[tokio::test]
async fn assets_are_cacheable() {
    // The security headers of every kind of answer are checked in `tests/security.rs`.
    let app = TestApp::spawn().await;
    let response = app.get(paths::HOME).await;
    let html = scraper::Html::parse_document(&response.text().await.unwrap());
    let css = hrefs(&html, "link[rel=stylesheet]").remove(0);
    let asset = app.get(&css).await;
    assert_eq!(asset.status(), StatusCode::OK);
    assert!(asset.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));
    assert_eq!(app.get(paths::HEALTH).await.status(), StatusCode::OK);
}
