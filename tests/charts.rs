//! The framework map and the statistics through the real HTTP stack: every number they draw
//! is checked against the list its link leads to, and against SQLite directly.

use crate::common::{hrefs, list_total, selector, svgs, text_of, total, TestApp};
use portal::ids::PracticeId;
use portal::paths;
use reqwest::StatusCode;

/// A linked cell or bar of a chart: where it leads and the number it shows.
#[derive(Debug)]
struct Mark {
    url: Option<String>,
    count: usize,
    /// The numbers by impact area under a framework cell.
    split: Vec<usize>,
}

fn text_with_class<'a>(node: roxmltree::Node<'a, 'a>, class: &str) -> Option<String> {
    node.descendants()
        .find(|n| n.has_tag_name("text") && n.attribute("class") == Some(class))
        .map(|n| n.text().unwrap_or_default().trim().to_owned())
}

/// Parses one SVG chart as XML and reads every mark (`g` group) in it that has a count.
fn marks(svg: &str, count_class: &str) -> Vec<Mark> {
    let document = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}: {svg}"));
    let root = document.root_element();
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    assert!(
        root.children().any(|n| n.has_tag_name("title"))
            || root.attribute("aria-labelledby").is_some(),
        "the chart has no accessible name"
    );
    root.descendants()
        .filter(|n| n.has_tag_name("g"))
        .filter_map(|group| {
            let count = text_with_class(group, count_class)?.parse().unwrap();
            let link = group.descendants().find(|n| n.has_tag_name("a"));
            if let Some(link) = link {
                assert!(link.attribute("aria-label").is_some(), "unlabelled link");
            }
            let split = text_with_class(group, "cell-split")
                .map(|split| split.split(" + ").map(|n| n.parse().unwrap()).collect())
                .unwrap_or_default();
            Some(Mark {
                url: link.map(|a| a.attribute("href").unwrap().to_owned()),
                count,
                split,
            })
        })
        .collect()
}

async fn body(app: &TestApp, path: &str) -> String {
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "GET {path}");
    response.text().await.unwrap()
}

const FILTERS: [&str; 5] = [
    "",
    "region=europe&topic=health",
    "q=pension&sort=title",
    "award=good-practice-award&award=merit&innovation=disruptive&innovation=transformative",
    "year=2020&impact=public-value",
];

#[tokio::test]
async fn every_framework_cell_leads_to_a_list_of_exactly_its_practices() {
    let app = TestApp::spawn().await;
    for filters in FILTERS {
        let page = body(&app, &format!("{}?{filters}", paths::FRAMEWORK)).await;
        let [svg] = &svgs(&page, "plane")[..] else {
            panic!("one map expected on /framework?{filters}")
        };
        let cells = marks(svg, "cell-total");
        assert_eq!(cells.len(), 4 * 5, "{filters}");
        let on_map: usize = cells.iter().map(|cell| cell.count).sum();
        let listed = list_total(&app, &format!("{}?{filters}", paths::PRACTICES)).await;
        assert_eq!(on_map, listed, "map total vs list total for {filters:?}");
        let html = scraper::Html::parse_document(&page);
        let heading = html.select(&selector("#map-title")).next().unwrap();
        assert_eq!(
            heading.value().attr("data-total"),
            Some(listed.to_string().as_str())
        );

        for cell in &cells {
            let Some(url) = &cell.url else {
                assert_eq!(cell.count, 0, "a non-empty cell without a link");
                continue;
            };
            assert_eq!(list_total(&app, url).await, cell.count, "{url}");
            // The split by impact area: each part is the list narrowed to that impact.
            assert_eq!(cell.split.iter().sum::<usize>(), cell.count, "{url}");
            if !filters.contains("impact=") {
                for (impact, expected) in
                    ["service-delivery", "public-value"].iter().zip(&cell.split)
                {
                    let narrowed = format!("{url}&impact={impact}");
                    assert_eq!(list_total(&app, &narrowed).await, *expected, "{narrowed}");
                }
            }
        }

        // The table holds the same numbers, row by row from the top of the map.
        let table: Vec<usize> = text_of(&html, ".framework-table tbody td")
            .iter()
            .map(|cell| cell.split_whitespace().next().unwrap().parse().unwrap())
            .collect();
        let drawn: Vec<usize> = cells.iter().map(|cell| cell.count).collect();
        assert_eq!(table, drawn, "table vs map for {filters:?}");
    }
}

#[tokio::test]
async fn the_unfiltered_map_agrees_with_sqlite() {
    let app = TestApp::spawn().await;
    let page = body(&app, paths::FRAMEWORK).await;
    let cells = marks(&svgs(&page, "plane")[0], "cell-total");
    // Drawn with the most integrated level at the top, innovation types left to right.
    let levels = [
        "extended",
        "cross-sectoral",
        "inter-governmental",
        "intra-governmental",
        "segregated",
    ];
    let types = ["incremental", "sustaining", "disruptive", "transformative"];
    let mut non_empty = 0;
    for (row, level) in levels.iter().enumerate() {
        for (column, kind) in types.iter().enumerate() {
            let stored = app.count(&format!(
                "SELECT COUNT(*) FROM practices WHERE status = 'published' \
                 AND governance_level = '{level}' AND innovation_type = '{kind}'"
            ));
            let cell = &cells[row * types.len() + column];
            assert_eq!(cell.count as i64, stored, "{kind} × {level}");
            non_empty += usize::from(stored > 0);
        }
    }
    assert!(
        non_empty >= 10,
        "the demo data fills only {non_empty} cells"
    );
}

#[tokio::test]
async fn every_statistics_bar_leads_to_a_list_of_exactly_its_practices() {
    let app = TestApp::spawn().await;
    for filters in ["", "region=europe&topic=health", "q=digital"] {
        let page = body(&app, &format!("{}?{filters}", paths::STATISTICS)).await;
        let charts = svgs(&page, "bars");
        assert_eq!(charts.len(), 6, "{filters}");
        let listed = list_total(&app, &format!("{}?{filters}", paths::PRACTICES)).await;
        for (chart, svg) in charts.iter().enumerate() {
            let bars = marks(svg, "bar-count");
            assert!(!bars.is_empty());
            for bar in &bars {
                match &bar.url {
                    Some(url) => assert_eq!(list_total(&app, url).await, bar.count, "{url}"),
                    None => assert_eq!(bar.count, 0),
                }
            }
            // Every practice has one region (chart 0) and, in the demo, one competition year.
            if chart <= 1 && !filters.contains("region=") {
                let sum: usize = bars.iter().map(|bar| bar.count).sum();
                assert_eq!(sum, listed, "chart {chart} for {filters:?}");
            }
        }
    }
    // Independently of the list: the years against SQLite.
    let page = body(&app, paths::STATISTICS).await;
    let years = marks(&svgs(&page, "bars")[1], "bar-count");
    let html = scraper::Html::parse_document(&page);
    let labels = text_of(&html, "#chart-year ~ details tbody th");
    assert_eq!(labels.len(), years.len());
    for (label, bar) in labels.iter().zip(&years) {
        let stored = app.count(&format!(
            "SELECT COUNT(*) FROM practices WHERE status = 'published' AND competition_year = {label}"
        ));
        assert_eq!(bar.count as i64, stored, "year {label}");
    }
    let mut sorted = labels.clone();
    sorted.sort();
    assert_eq!(labels, sorted, "years run oldest first");
}

#[tokio::test]
async fn a_practice_page_marks_its_place_on_the_framework() {
    let app = TestApp::spawn().await;
    let id = app.id_of::<PracticeId>(
        "SELECT id FROM practices WHERE status = 'published' \
         AND innovation_type = 'transformative' AND governance_level = 'segregated' LIMIT 1",
    );
    let page = body(&app, &paths::practice(id)).await;
    let [svg] = &svgs(&page, "mini-plane")[..] else {
        panic!("one small map expected")
    };
    let document = roxmltree::Document::parse(svg).unwrap();
    assert_eq!(document.root_element().attribute("role"), Some("img"));
    let cells: Vec<(f64, f64, bool)> = document
        .descendants()
        .filter(|n| n.has_tag_name("rect"))
        .map(|n| {
            let class = n.attribute("class").unwrap();
            (
                n.attribute("x").unwrap().parse().unwrap(),
                n.attribute("y").unwrap().parse().unwrap(),
                class.split(' ').any(|c| c == "here"),
            )
        })
        .collect();
    assert_eq!(cells.len(), 20);
    let marked: Vec<_> = cells.iter().filter(|c| c.2).collect();
    assert_eq!(marked.len(), 1);
    // Transformative is the right-most column, segregated the bottom row.
    let right = cells.iter().map(|c| c.0).fold(f64::MIN, f64::max);
    let bottom = cells.iter().map(|c| c.1).fold(f64::MIN, f64::max);
    assert_eq!((marked[0].0, marked[0].1), (right, bottom));
    let html = scraper::Html::parse_document(&page);
    let same_cell = hrefs(&html, ".mini-map figcaption a").remove(0);
    let neighbours = app.page(&same_cell).await;
    assert_eq!(
        total(&neighbours) as i64,
        app.count(
            "SELECT COUNT(*) FROM practices WHERE status = 'published' \
             AND innovation_type = 'transformative' AND governance_level = 'segregated'"
        )
    );
}

#[tokio::test]
async fn the_views_of_a_list_carry_its_filters() {
    let app = TestApp::spawn().await;
    let list = app
        .page("/practices?region=europe&topic=health&page=2")
        .await;
    let links = hrefs(&list, ".filtered-views a");
    for path in [
        paths::FRAMEWORK,
        paths::STATISTICS,
        paths::MAP,
        paths::PRACTICES_CSV,
        paths::PRACTICES_JSON,
        paths::PRACTICES_ATOM,
    ] {
        assert!(
            links.contains(&format!("{path}?region=europe&topic=health")),
            "{path} missing from {links:?}"
        );
    }
    let framework = app.page("/framework?region=europe&topic=health").await;
    assert_eq!(
        text_of(&framework, "head > title"),
        vec!["IESI framework map: Europe, Health · Good Practice Portal"]
    );
    let chips = hrefs(&framework, ".active-filters a.chip");
    assert_eq!(
        chips,
        vec!["/framework?topic=health", "/framework?region=europe"]
    );
    let nav = text_of(
        &app.page(paths::HOME).await,
        "header nav:not(.language-switcher) a",
    );
    assert_eq!(
        nav,
        vec![
            "Practice database",
            "Framework map",
            "Statistics",
            "Map",
            "Competitions",
            "Sign in",
            "Register"
        ]
    );
}

#[tokio::test]
async fn malformed_filters_give_normal_chart_pages() {
    let app = TestApp::spawn().await;
    for query in [
        "innovation=bogus",
        "q=%22NEAR(",
        "year=99999999999&page=-1",
        "governance=&impact=%FF",
        "region=europe&region=atlantis",
    ] {
        for path in [paths::FRAMEWORK, paths::STATISTICS] {
            let page = body(&app, &format!("{path}?{query}")).await;
            assert!(!svgs(
                &page,
                if path == paths::FRAMEWORK {
                    "plane"
                } else {
                    "bars"
                }
            )
            .is_empty());
        }
    }
    let empty = body(&app, "/framework?innovation=bogus").await;
    let cells = marks(&svgs(&empty, "plane")[0], "cell-total");
    assert!(cells
        .iter()
        .all(|cell| cell.count == 0 && cell.url.is_none()));
}
