//! Citing a practice: the sentence on its page, BibTeX and RIS downloads, and schema.org
//! JSON-LD in its head — whatever its title holds.

use portal::paths;
use portal::taxonomy::PracticeStatus;
use reqwest::StatusCode;

use crate::common::{insert_practice, selector, text_of, TestApp};

/// A title with what TeX, RIS and a `<script>` element each treat specially.
const AWKWARD: &str = "Cash & care: 50% {faster} </script><script>alert(1)</script>\nsecond line";

#[tokio::test]
async fn a_practice_says_how_to_cite_it_in_the_page_bibtex_ris_and_json_ld() {
    let app = TestApp::spawn().await;
    let id = insert_practice(&app, AWKWARD, "Challenge text.", PracticeStatus::Published);
    app.settle().await;
    let url = format!("{}{}", app.base, paths::practice(id));
    let today = chrono::Utc::now().date_naive();
    let one_line = AWKWARD.split_whitespace().collect::<Vec<_>>().join(" ");

    let page = app.page(&paths::practice(id)).await;
    let institution = text_of(&page, "article.practice header .meta a")
        .first()
        .cloned()
        .expect("the institution's link");
    let citation = text_of(&page, "#citation").pop().expect("a citation");
    assert_eq!(
        citation,
        format!(
            "{institution} (2021). {one_line}. ISSA Good Practice Portal. {url} (accessed {}).",
            today.format("%-d %B %Y")
        )
    );

    // JSON-LD: one script, parsed whole, the title not breaking out of it.
    let scripts: Vec<String> = page
        .select(&selector("script[type='application/ld+json']"))
        .map(|script| script.text().collect())
        .collect();
    assert_eq!(scripts.len(), 1);
    assert_eq!(
        page.select(&selector("script")).count(),
        1,
        "no script injected"
    );
    let data: serde_json::Value = serde_json::from_str(&scripts[0]).expect("JSON-LD parses");
    assert_eq!(data["@type"], "CreativeWork");
    assert_eq!(data["name"], AWKWARD);
    assert_eq!(data["url"], url.as_str());
    assert_eq!(data["author"]["name"], institution.as_str());
    assert_eq!(data["award"], serde_json::json!(["Certificate of Merit"]));

    // BibTeX: the specials escaped, one line a field.
    let bib = app.get(&paths::practice_bibtex(id)).await;
    assert_eq!(bib.status(), StatusCode::OK);
    assert!(bib.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains(&format!("practice-{id}.bib")));
    let bib = bib.text().await.unwrap();
    assert!(
        bib.starts_with(&format!("@misc{{practice-{id},\n")),
        "{bib}"
    );
    let field = |name: &str| {
        bib.lines()
            .find_map(|line| line.trim().strip_prefix(&format!("{name} = ")))
            .map(|value| value.trim_end_matches(',').to_owned())
            .unwrap_or_else(|| panic!("no {name} in {bib}"))
    };
    assert_eq!(
        field("title"),
        "{{Cash \\& care: 50\\% \\{faster\\} </script><script>alert(1)</script> second line}}"
    );
    assert_eq!(field("url"), format!("{{{url}}}"));
    assert_eq!(field("year"), "{2021}");
    assert_eq!(field("urldate"), format!("{{{today}}}"));

    // RIS: every line a tag, the record closed.
    let ris = app
        .get(&paths::practice_ris(id))
        .await
        .text()
        .await
        .unwrap();
    let lines: Vec<&str> = ris.split("\r\n").filter(|line| !line.is_empty()).collect();
    assert_eq!(lines.first(), Some(&"TY  - ELEC"));
    assert_eq!(lines.last(), Some(&"ER  - "), "{ris:?}");
    assert!(lines
        .iter()
        .all(|line| line.len() >= 5 && &line[2..5] == "  -"));
    assert!(lines.contains(&format!("TI  - {one_line}").as_str()));
    assert!(lines.contains(&format!("UR  - {url}").as_str()));

    // An unpublished practice is cited nowhere.
    let draft = insert_practice(&app, "Not yet", "Challenge.", PracticeStatus::Unpublished);
    for path in [paths::practice_bibtex(draft), paths::practice_ris(draft)] {
        assert_eq!(app.get(&path).await.status(), StatusCode::NOT_FOUND);
    }
}
