//! The world map: practices per country, each country with practices a link to exactly its
//! list, named with its count for screen readers, and the same numbers in the table.

use std::collections::BTreeMap;

use portal::paths;
use scraper::Html;

use crate::common::{list_total, selector, text_of, TestApp};

/// Each linked country of the map: its list's address and its accessible name.
fn map_links(page: &Html) -> BTreeMap<String, String> {
    page.select(&selector("svg.map a"))
        .map(|link| {
            let attr = |name| link.value().attr(name).unwrap().to_owned();
            (attr("href"), attr("aria-label"))
        })
        .collect()
}

/// The table beside the map: (country, its list, count as written).
fn table(page: &Html) -> Vec<(String, String, String)> {
    page.select(&selector("table.numbers tbody tr"))
        .map(|row| {
            let link = row.select(&selector("td a")).next().unwrap();
            (
                row.select(&selector("th")).next().unwrap().text().collect(),
                link.value().attr("href").unwrap().to_owned(),
                link.text().collect(),
            )
        })
        .collect()
}

#[tokio::test]
async fn each_country_links_to_exactly_its_practices_and_the_table_says_the_same() {
    let app = TestApp::spawn().await;
    let page = app.page(paths::MAP).await;
    let links = map_links(&page);
    let rows = table(&page);
    assert!(rows.len() > 20, "the demo spans many countries");
    assert_eq!(links.len(), rows.len(), "one shape or marker a country");
    for (country, url, count) in &rows {
        assert_eq!(
            links.get(url),
            Some(&format!(
                "{country}: {count} practice{}",
                if count == "1" { "" } else { "s" }
            )),
            "{url}"
        );
    }
    // The largest, a middling and the smallest country: the list holds what the map says.
    for (_, url, count) in [&rows[0], &rows[rows.len() / 2], &rows[rows.len() - 1]] {
        assert_eq!(list_total(&app, url).await.to_string(), *count, "{url}");
    }
    // A country too small to draw, with practices, is a circle.
    assert!(page
        .select(&selector("svg.map a[href='/practices?country=BB'] circle"))
        .next()
        .is_some());
    // Countries without practices are drawn, but hidden from screen readers and not links.
    assert!(
        page.select(&selector("svg.map path[aria-hidden=true]"))
            .count()
            > 100
    );
}

#[tokio::test]
async fn the_map_takes_the_list_s_filters_and_the_reader_s_language() {
    let app = TestApp::spawn().await;
    let page = app.page("/map?region=europe&lang=fa").await;
    let rows = table(&page);
    assert!(!rows.is_empty());
    for (_, url, _) in &rows {
        assert!(
            url.starts_with("/practices?region=europe&country="),
            "{url} keeps the filter"
        );
    }
    let names: Vec<&str> = rows.iter().map(|(name, _, _)| name.as_str()).collect();
    assert!(names.contains(&"آلمان"), "{names:?}");
    assert!(
        !rows.iter().any(|(_, url, _)| url.ends_with("country=BR")),
        "no American country on a European map"
    );
    assert!(rows
        .iter()
        .all(|(_, _, count)| count.chars().all(|c| ('۰'..='۹').contains(&c))));
    // The map's own counts ignore the country filter, so a chosen country is marked among all.
    let chosen = app.page("/map?country=DE").await;
    assert_eq!(
        table(&chosen).len(),
        table(&app.page(paths::MAP).await).len()
    );
    assert_eq!(
        chosen.select(&selector("svg.map .selected")).count(),
        1,
        "Germany outlined"
    );
    assert_eq!(
        text_of(&chosen, "h1"),
        vec!["Map"],
        "the heading names the view"
    );
}
