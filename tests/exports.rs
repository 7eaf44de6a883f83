//! Downloads, feed, API, sitemap and sharing metadata through the real HTTP stack, each
//! checked against the list it exports and against SQLite.

use std::collections::BTreeSet;

use crate::common::{insert_practice, list_total, listed_ids, selector, total, urlencode, TestApp};
use portal::demo::workflow::SECRETARIAT;
use portal::ids::{CompetitionId, PracticeId};
use portal::paths;
use portal::taxonomy::PracticeStatus;
use reqwest::StatusCode;

const ATOM: &str = "http://www.w3.org/2005/Atom";

/// GETs `path`, checks the status and the content type, and returns the body.
async fn fetch(app: &TestApp, path: &str, content_type: &str) -> String {
    let response = app.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "GET {path}");
    let got = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(got.starts_with(content_type), "{path}: {got}");
    response.text().await.unwrap()
}

/// Every practice id of a list, page by page.
async fn all_listed(app: &TestApp, filters: &str) -> Vec<i32> {
    let mut ids = Vec::new();
    let mut page = 1;
    loop {
        let html = app
            .page(&format!("{}?{filters}&page={page}", paths::PRACTICES))
            .await;
        ids.extend(listed_ids(&html).into_iter().map(|id| id.0));
        if ids.len() >= total(&html) {
            return ids;
        }
        page += 1;
    }
}

fn csv_records(body: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header = reader.headers().expect("a header row").clone();
    let rows = reader
        .records()
        .map(|r| r.expect("a well-formed row"))
        .collect();
    (header, rows)
}

#[tokio::test]
async fn the_csv_of_a_filtered_list_has_its_rows_in_its_order_and_round_trips() {
    let app = TestApp::spawn().await;
    let title = "Guichet \"unique\", en ligne\net mobile";
    let awkward = insert_practice(
        &app,
        title,
        "The quasquicentennial challenge.",
        PracticeStatus::Published,
    );
    for filters in [
        "",
        "region=americas&topic=health",
        "q=pension&sort=title",
        "topic=nothing",
    ] {
        let body = fetch(
            &app,
            &format!("{}?{filters}", paths::PRACTICES_CSV),
            "text/csv",
        )
        .await;
        let (header, rows) = csv_records(&body);
        assert_eq!(&header[0], "id");
        assert!(rows.iter().all(|row| row.len() == header.len()));
        let ids: Vec<i32> = rows.iter().map(|row| row[0].parse().unwrap()).collect();
        assert_eq!(ids, all_listed(&app, filters).await, "{filters:?}");

        // Written again and read back, every field survives.
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(&header).unwrap();
        for row in &rows {
            writer.write_record(row).unwrap();
        }
        let rewritten = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        assert_eq!(csv_records(&rewritten), (header, rows));
    }
    let body = fetch(&app, "/practices.csv?q=quasquicentennial", "text/csv").await;
    let (header, rows) = csv_records(&body);
    assert_eq!(rows.len(), 1);
    let field = |name: &str| {
        let column = header.iter().position(|h| h == name).unwrap();
        rows[0][column].to_owned()
    };
    assert_eq!(field("id"), awkward.to_string());
    assert_eq!(field("title"), title);
    assert_eq!(field("topics"), "ICT; Migration");
    assert_eq!(field("award"), "Certificate of Merit");
    assert_eq!(
        field("social_innovation_elements"),
        "Open, recombinant process"
    );
    assert_eq!(field("url"), format!("{}/practices/{awkward}", app.base));
}

#[tokio::test]
async fn the_whole_database_streams_as_csv_and_json() {
    let app = TestApp::spawn().await;
    let published = app.count("SELECT COUNT(*) FROM practices WHERE status = 'published'");
    let response = app.get(paths::PRACTICES_CSV).await;
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("practices.csv"));
    let (_, rows) = csv_records(&response.text().await.unwrap());
    assert_eq!(rows.len() as i64, published);
    assert!(published > 150, "the demo has {published} practices");

    let json: serde_json::Value =
        serde_json::from_str(&fetch(&app, paths::PRACTICES_JSON, "application/json").await)
            .unwrap();
    let items = json.as_array().expect("a JSON array");
    assert_eq!(items.len() as i64, published);
    let json_ids: Vec<i64> = items
        .iter()
        .map(|item| item["id"].as_i64().unwrap())
        .collect();
    let csv_ids: Vec<i64> = rows.iter().map(|row| row[0].parse().unwrap()).collect();
    assert_eq!(json_ids, csv_ids);
    let unique: BTreeSet<i64> = json_ids.iter().copied().collect();
    assert_eq!(unique.len(), json_ids.len());
    let empty: serde_json::Value = serde_json::from_str(
        &fetch(&app, "/practices.json?region=atlantis", "application/json").await,
    )
    .unwrap();
    assert_eq!(empty, serde_json::json!([]));
}

#[tokio::test]
async fn the_atom_feed_lists_the_newest_practices_of_the_filter() {
    let app = TestApp::spawn().await;
    let newest = insert_practice(
        &app,
        "A practice published just now",
        "Words.",
        PracticeStatus::Published,
    );
    for filters in ["", "topic=health", "region=europe&award=merit", "q=pension"] {
        let body = fetch(
            &app,
            &format!("{}?{filters}", paths::PRACTICES_ATOM),
            "application/atom+xml",
        )
        .await;
        let document = roxmltree::Document::parse(&body).expect("well-formed XML");
        let feed = document.root_element();
        assert!(feed.has_tag_name((ATOM, "feed")), "{filters:?}");
        for required in ["id", "title", "updated"] {
            assert!(
                feed.children().any(|n| n.has_tag_name((ATOM, required))),
                "feed {required}"
            );
        }
        let entries: Vec<_> = feed
            .children()
            .filter(|n| n.has_tag_name((ATOM, "entry")))
            .collect();
        let listed = all_listed(&app, &format!("{filters}&sort=newest")).await;
        assert_eq!(entries.len(), listed.len().min(50), "{filters:?}");
        let linked: Vec<i32> = entries
            .iter()
            .map(|entry| {
                for required in ["id", "title", "updated", "author", "summary"] {
                    assert!(
                        entry.children().any(|n| n.has_tag_name((ATOM, required))),
                        "entry {required}"
                    );
                }
                let href = entry
                    .children()
                    .find(|n| n.has_tag_name((ATOM, "link")))
                    .unwrap()
                    .attribute("href")
                    .unwrap();
                href.strip_prefix(&format!("{}/practices/", app.base))
                    .unwrap()
                    .parse()
                    .unwrap()
            })
            .collect();
        assert_eq!(linked, listed[..linked.len()], "{filters:?}");
    }
    let everything = fetch(&app, paths::PRACTICES_ATOM, "application/atom+xml").await;
    let document = roxmltree::Document::parse(&everything).unwrap();
    let first_title = document
        .descendants()
        .find(|n| n.has_tag_name((ATOM, "entry")))
        .and_then(|entry| entry.children().find(|n| n.has_tag_name((ATOM, "title"))))
        .and_then(|title| title.text())
        .unwrap();
    assert_eq!(
        first_title, "A practice published just now",
        "practice {newest} first"
    );
}

#[tokio::test]
async fn the_api_pages_through_exactly_the_list() {
    let app = TestApp::spawn().await;
    for filters in ["", "topic=health&region=europe", "q=digital&sort=title"] {
        let listed = all_listed(&app, filters).await;
        let mut path = Some(format!("{}?{filters}", paths::API_PRACTICES));
        let mut ids = Vec::new();
        let mut pages = 0;
        while let Some(current) = path {
            let page: serde_json::Value =
                serde_json::from_str(&fetch(&app, &current, "application/json").await).unwrap();
            assert_eq!(
                page["total"].as_u64().unwrap() as usize,
                listed.len(),
                "{current}"
            );
            assert_eq!(page["page_size"], 25);
            pages += 1;
            assert_eq!(page["page"], pages);
            ids.extend(
                page["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| i["id"].as_i64().unwrap() as i32),
            );
            path = page["next"]
                .as_str()
                .map(|next| next.strip_prefix(&app.base).unwrap().to_owned());
            assert!(pages <= 50, "the pages do not end");
        }
        assert_eq!(ids, listed, "{filters:?}");
        assert_eq!(pages, listed.len().div_ceil(25).max(1));
    }
    let past_the_end: serde_json::Value =
        serde_json::from_str(&fetch(&app, "/api/v1/practices?page=9999", "application/json").await)
            .unwrap();
    assert_eq!(past_the_end["items"], serde_json::json!([]));
    assert!(past_the_end["next"].is_null());
}

#[tokio::test]
async fn the_api_gives_one_practice_with_its_body_and_json_errors() {
    let app = TestApp::spawn().await;
    let id = insert_practice(
        &app,
        "API practice",
        "The quasquicentennial challenge.",
        PracticeStatus::Published,
    );
    let practice: serde_json::Value =
        serde_json::from_str(&fetch(&app, &paths::api_practice(id), "application/json").await)
            .unwrap();
    assert_eq!(practice["id"], id.0);
    assert_eq!(practice["title"], "API practice");
    assert_eq!(
        practice["sections"]["challenge"],
        "The quasquicentennial challenge."
    );
    assert_eq!(practice["topics"], serde_json::json!(["ict", "migration"]));
    assert_eq!(practice["innovation_type"], "disruptive");
    assert_eq!(
        practice["partners"][0]["url"],
        format!("{}/organisations/2", app.base)
    );
    // A vocabulary value in the API is a filter value of the list.
    let listed = list_total(&app, "/practices?q=quasquicentennial&innovation=disruptive").await;
    assert_eq!(listed, 1);

    let hidden = insert_practice(&app, "Draft", "Words.", PracticeStatus::Unpublished);
    for path in [
        paths::api_practice(hidden),
        "/api/v1/practices/abc".to_owned(),
    ] {
        let response = app.get(&path).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        let error: serde_json::Value =
            serde_json::from_str(&response.text().await.unwrap()).unwrap();
        assert_eq!(error["error"], "Page not found");
    }
}

#[tokio::test]
async fn the_sitemap_names_every_published_practice_and_robots_points_to_it() {
    let app = TestApp::spawn().await;
    let robots = fetch(&app, paths::ROBOTS, "text/plain").await;
    assert!(
        robots.contains(&format!("Sitemap: {}/sitemap.xml", app.base)),
        "{robots}"
    );
    // A practice with versions in French and Japanese: the French one is its page in French
    // (`?lang=fr`), the Japanese one an alternate of its own.
    let translated = app.count("SELECT MAX(id) FROM practices WHERE status = 'published'");
    for language in ["fr", "ja"] {
        app.execute(&format!(
            "INSERT INTO practice_translations (practice_id, language, title, summary, challenge, \
             solution, results, innovation, sustainability, replicability) \
             VALUES ({translated}, '{language}', 'T', 'S', '', '', '', '', '', '')"
        ));
    }
    let translated_url = format!(
        "{}{}",
        app.base,
        paths::practice(PracticeId(translated as i32))
    );
    let index = fetch(&app, paths::SITEMAP, "application/xml").await;
    let document = roxmltree::Document::parse(&index).unwrap();
    let files: Vec<String> = document
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .map(|n| n.text().unwrap().to_owned())
        .collect();
    assert!(files.len() >= 2);
    let mut urls = Vec::new();
    let mut seen_translated = false;
    for file in files {
        let path = file.strip_prefix(&app.base).unwrap();
        let body = fetch(&app, path, "application/xml").await;
        let document = roxmltree::Document::parse(&body).unwrap();
        assert!(document
            .root_element()
            .has_tag_name(("http://www.sitemaps.org/schemas/sitemap/0.9", "urlset")));
        // Each page with its four languages and the default as alternates.
        for url in document.descendants().filter(|n| n.has_tag_name("url")) {
            let loc = url
                .children()
                .find(|n| n.has_tag_name("loc"))
                .and_then(|n| n.text())
                .unwrap();
            let alternates: Vec<(&str, String)> = url
                .children()
                .filter(|n| n.has_tag_name(("http://www.w3.org/1999/xhtml", "link")))
                .map(|n| {
                    assert_eq!(n.attribute("rel"), Some("alternate"));
                    (
                        n.attribute("hreflang").unwrap(),
                        n.attribute("href").unwrap().to_owned(),
                    )
                })
                .collect();
            let mut expected = vec![
                ("en", format!("{loc}?lang=en")),
                ("fr", format!("{loc}?lang=fr")),
                ("es", format!("{loc}?lang=es")),
                ("fa", format!("{loc}?lang=fa")),
            ];
            if loc == translated_url {
                expected.push(("ja", format!("{loc}?version=ja")));
                seen_translated = true;
            }
            expected.push(("x-default", loc.to_owned()));
            assert_eq!(alternates, expected);
        }
        urls.extend(
            document
                .descendants()
                .filter(|n| n.has_tag_name("loc"))
                .map(|n| {
                    n.text()
                        .unwrap()
                        .strip_prefix(&app.base)
                        .unwrap()
                        .to_owned()
                }),
        );
    }
    assert!(seen_translated, "{translated_url} is in the sitemap");
    let practices: BTreeSet<i64> = urls
        .iter()
        .filter_map(|url| url.strip_prefix("/practices/")?.parse().ok())
        .collect();
    assert_eq!(
        practices.len() as i64,
        app.count("SELECT COUNT(*) FROM practices WHERE status = 'published'")
    );
    for page in [
        paths::HOME,
        paths::PRACTICES,
        paths::FRAMEWORK,
        paths::STATISTICS,
        paths::MAP,
        "/organisations/1",
    ] {
        assert!(urls.iter().any(|url| url == page), "{page} missing");
    }
    assert_eq!(
        app.get("/sitemaps/practices-2.xml").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/sitemaps/practices-x.xml").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn pages_carry_titles_and_descriptions_for_sharing() {
    let app = TestApp::spawn().await;
    let id = app.id_of::<PracticeId>("SELECT MIN(id) FROM practices WHERE status = 'published'");
    for path in [
        paths::HOME.to_owned(),
        "/practices?q=pension".to_owned(),
        paths::practice(id),
        "/framework?region=africa".to_owned(),
        paths::STATISTICS.to_owned(),
        "/map?region=americas".to_owned(),
        "/organisations/1".to_owned(),
    ] {
        let html = app.page(&path).await;
        let meta = |property: &str| {
            html.select(&selector(&format!("meta[property='{property}']")))
                .next()
                .and_then(|m| m.value().attr("content"))
                .unwrap_or_else(|| panic!("{path}: no {property}"))
                .to_owned()
        };
        let title = html
            .select(&selector("head > title"))
            .next()
            .unwrap()
            .text()
            .collect::<String>();
        assert_eq!(
            format!("{} · Good Practice Portal", meta("og:title")),
            title,
            "{path}"
        );
        let description = meta("og:description");
        assert!(
            description.len() > 40 && description.len() < 400,
            "{path}: {description}"
        );
        let named = html
            .select(&selector("meta[name=description]"))
            .next()
            .unwrap();
        assert_eq!(named.value().attr("content"), Some(description.as_str()));
    }
}

#[tokio::test]
async fn malformed_export_queries_never_fail() {
    let app = TestApp::spawn().await;
    let long = "pension ".repeat(500);
    let inputs = [
        "q=%22".to_owned(),
        "q=NEAR(a%20b)".to_owned(),
        format!("q={}", urlencode(&long)),
        "page=0&sort=%FF".to_owned(),
        "page=18446744073709551615".to_owned(),
        "year=abc&organisation=-1&topic=".to_owned(),
        "%zz=1&region=europe".to_owned(),
    ];
    for input in &inputs {
        for path in [
            paths::PRACTICES_CSV,
            paths::PRACTICES_JSON,
            paths::PRACTICES_ATOM,
            paths::API_PRACTICES,
        ] {
            let response = app.get(&format!("{path}?{input}")).await;
            assert_eq!(response.status(), StatusCode::OK, "{path}?{input}");
            response.bytes().await.expect("a complete body");
        }
    }
}

/// A cell a spreadsheet would take for a formula: it starts (after spaces) with `=`, `+`, `-`,
/// `@`, a tab or a line break, and is not a plain number such as `-0.750`.
fn formula(cell: &str) -> bool {
    let digits = cell.strip_prefix(['-', '+']).unwrap_or(cell);
    let plain_number = digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1;
    cell.trim_start_matches(' ')
        .starts_with(['=', '+', '-', '@', '\t', '\r', '\n'])
        && !plain_number
}

#[tokio::test]
async fn no_csv_the_portal_writes_carries_a_spreadsheet_formula() {
    let app = TestApp::spawn().await;
    let hostile = [
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3+cmd",
        "@SUM(A1:A9)",
        "\t=1+1",
    ];
    for (n, title) in hostile.iter().enumerate() {
        let id = insert_practice(&app, title, "Formula test", PracticeStatus::Published);
        app.execute(&format!(
            "UPDATE practices SET summary = '{}' WHERE id = {id}",
            hostile[(n + 1) % hostile.len()].replace('\'', "''")
        ));
    }
    // Titles of entries in a ranking: the demo's Asia and the Pacific jury has reviews.
    let competition = app.id_of::<CompetitionId>(
        "SELECT id FROM competitions WHERE region = 'asia-pacific' AND cycle_year = 2026",
    );
    app.execute(&format!(
        "UPDATE entries SET title = '=HYPERLINK(\"http://evil.example\",\"x\")' \
         WHERE competition_id = {competition}"
    ));
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    // Every CSV route of the portal.
    let csv_routes: Vec<String> = crate::common::routes::declared_routes()
        .into_iter()
        .filter(|(method, route)| *method == "GET" && route.ends_with(".csv"))
        .map(|(_, route)| route.replace("{competition}", &competition.to_string()))
        .collect();
    assert_eq!(csv_routes.len(), 2, "{csv_routes:?}");
    for path in csv_routes {
        let response = secretariat.get(&format!("{path}?q=formula")).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let body = response.text().await.unwrap();
        let mut reader = csv::Reader::from_reader(body.as_bytes());
        let mut cells = 0;
        let mut neutralised = 0;
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                cells += 1;
                assert!(!formula(cell), "{path}: {cell:?}");
                if cell.starts_with("'=") || cell.starts_with("'+") || cell.starts_with("'@") {
                    neutralised += 1;
                }
            }
        }
        assert!(
            neutralised > 0,
            "{path}: no hostile cell reached the file ({cells} cells)"
        );
    }
}
