//! The search engine over a real database: ranking, languages, Persian spellings, phrases,
//! prefixes, typo retry, hostile input, and keeping the index in step with the database.

use diesel::prelude::*;
use portal::db::{Database, DbConnection};
use portal::ids::PracticeId;
use portal::practices::repository;
use portal::practices::search::{Found, SearchIndex};
use portal::taxonomy::Language;
use scraper::Html;

use crate::common::{list_total, selector, text_of, urlencode, TestApp, FILTERED_VIEWS};
use portal::paths;

/// Practices `(id, language, title, body)` of one institution, published.
fn database(practices: &[(i32, &str, &str, &str)]) -> (tempfile::TempDir, Database, DbConnection) {
    let (dir, database, mut conn) = crate::common::database_with_institution("Fund");
    for (id, language, title, body) in practices {
        insert(&mut conn, *id, language, title, body);
    }
    (dir, database, conn)
}

fn insert(conn: &mut DbConnection, id: i32, language: &str, title: &str, body: &str) {
    use portal::schema::practices as p;
    diesel::insert_into(p::table)
        .values((
            (
                p::id.eq(id),
                p::organisation_id.eq(1),
                p::title.eq(title),
                p::summary.eq("s"),
                p::challenge.eq(body),
                p::solution.eq("x"),
                p::results.eq("r"),
                p::innovation.eq("i"),
                p::sustainability.eq("su"),
                p::replicability.eq("re"),
            ),
            (
                p::language.eq(language),
                p::implementation_year.eq(2020),
                p::status.eq("published"),
                p::impact_area.eq("public-value"),
                p::approach.eq("activist"),
                p::innovation_type.eq("disruptive"),
                p::governance_level.eq("extended"),
            ),
        ))
        .execute(conn)
        .unwrap();
}

/// The index of the database in `dir`, brought up to date.
fn index(dir: &tempfile::TempDir, conn: &mut DbConnection) -> SearchIndex {
    let index = SearchIndex::open(&dir.path().join("search")).unwrap();
    let version = repository::catalog_version(conn).unwrap();
    index.sync(conn, version).unwrap();
    index
}

fn found(index: &SearchIndex, text: &str) -> Vec<i32> {
    ids(&index.find(text, true, false).unwrap().unwrap_or_default())
}

fn ids(found: &Found) -> Vec<i32> {
    found.ids.iter().map(|id| id.0).collect()
}

#[test]
fn a_title_match_ranks_above_a_body_match() {
    let practices: Vec<(i32, &str, String, String)> = (1..=50)
        .map(|i| {
            let title = if i == 7 {
                "A rare title".to_owned()
            } else {
                format!("Title {i}")
            };
            let body = if i == 8 {
                "rare".to_owned()
            } else {
                "a common challenge".to_owned()
            };
            (i, "en", title, body)
        })
        .collect();
    let borrowed: Vec<(i32, &str, &str, &str)> = practices
        .iter()
        .map(|(i, l, t, b)| (*i, *l, t.as_str(), b.as_str()))
        .collect();
    let (dir, _, mut conn) = database(&borrowed);
    let index = index(&dir, &mut conn);
    assert_eq!(found(&index, "rare"), vec![7, 8]);
    // English stemming: a plural finds the singular.
    assert_eq!(found(&index, "rares"), vec![7, 8]);
    let mut unranked = ids(&index.find("rare", false, false).unwrap().unwrap());
    unranked.sort_unstable();
    assert_eq!(unranked, vec![7, 8]);
}

#[test]
fn very_common_words_are_ranked_too_and_miss_nothing() {
    let (dir, _, mut conn) = crate::common::database_with_institution("Fund");
    diesel::sql_query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000) \
         INSERT INTO practices (id, organisation_id, title, summary, challenge, solution, \
           results, innovation, sustainability, replicability, language, implementation_year, \
           status, impact_area, approach, innovation_type, governance_level) \
         SELECT i, 1, CASE WHEN i % 1000 = 0 THEN 'A common title' ELSE 'Title ' || i END, \
           's', 'a common challenge', 'x', 'r', 'i', 'su', 're', 'en', 2020, 'published', \
           'public-value', 'activist', 'disruptive', 'extended' FROM n",
    )
    .execute(&mut conn)
    .unwrap();
    let index = index(&dir, &mut conn);
    let found = found(&index, "common");
    assert_eq!(found.len(), 6_000);
    assert_eq!(&found[..6], &[6000, 5000, 4000, 3000, 2000, 1000]);
    let mut distinct = found.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), 6_000);
}

#[test]
fn snippets_come_from_the_section_that_matched() {
    let (dir, _, mut conn) = database(&[
        (7, "en", "A rare title", "nothing here"),
        (8, "en", "Another", "Some words before a rare one and after"),
    ]);
    let index = index(&dir, &mut conn);
    let snippets = index
        .snippets(
            &mut conn,
            "rare",
            &[
                (PracticeId(7), Language::ENGLISH),
                (PracticeId(8), Language::ENGLISH),
            ],
        )
        .unwrap();
    let marked: Vec<String> = snippets[&PracticeId(8)]
        .iter()
        .filter(|segment| segment.hit)
        .map(|segment| segment.text.clone())
        .collect();
    assert_eq!(marked, vec!["rare"]);
    assert!(
        !snippets.contains_key(&PracticeId(7)),
        "no section of 7 matched"
    );
}

#[test]
fn each_practice_is_stemmed_in_its_language_and_found_from_any() {
    let (dir, _, mut conn) = database(&[
        (
            1,
            "fr",
            "Une retraite sans démarche",
            "La retraite est versée automatiquement.",
        ),
        (
            2,
            "es",
            "Una pensión digital",
            "La pensión se paga sin trámites.",
        ),
        (
            3,
            "de",
            "Die Rente online",
            "Die Rente wird ohne Antrag gezahlt.",
        ),
        (
            4,
            "en",
            "Pensions paid online",
            "Retirement without a claim.",
        ),
    ]);
    let index = index(&dir, &mut conn);
    assert_eq!(found(&index, "retraites"), vec![1]);
    // Stemmed as Spanish it finds the Spanish practice, as English the English one.
    let mut pensions = found(&index, "pensiones");
    pensions.sort_unstable();
    assert_eq!(pensions, vec![2, 4]);
    assert_eq!(found(&index, "Renten"), vec![3]);
    let mut pension = found(&index, "pension");
    pension.sort_unstable();
    assert_eq!(pension, vec![2, 4], "pensión is pension once stemmed");
    let mut online = found(&index, "online");
    online.sort_unstable();
    assert_eq!(online, vec![3, 4]);
}

#[test]
fn persian_and_arabic_spellings_find_each_other() {
    let (dir, _, mut conn) = database(&[
        (1, "en", "بيمه كارگران", "پرداخت مستمری می\u{200C}شود"),
        (2, "en", "Other", "nothing"),
    ]);
    let index = index(&dir, &mut conn);
    assert_eq!(found(&index, "بیمه کارگران"), vec![1]);
    assert_eq!(found(&index, "میشود"), vec![1]);
    assert_eq!(found(&index, "می\u{200C}شود"), vec![1]);
    assert_eq!(
        found(&index, "مستمرى"),
        vec![1],
        "Arabic alef maksura for Persian yeh"
    );
}

#[test]
fn phrases_prefixes_and_every_word_required() {
    let (dir, _, mut conn) = database(&[
        (
            1,
            "en",
            "Mobile money for pensions",
            "Paid by mobile money.",
        ),
        (
            2,
            "en",
            "Money and mobile offices",
            "The money goes to mobile offices.",
        ),
        (3, "en", "Digital identity", "A digitised register."),
    ]);
    let index = index(&dir, &mut conn);
    assert_eq!(found(&index, "\"mobile money\""), vec![1]);
    let mut both = found(&index, "mobile money");
    both.sort_unstable();
    assert_eq!(both, vec![1, 2]);
    assert_eq!(found(&index, "mobile identity"), Vec::<i32>::new());
    assert_eq!(found(&index, "digit*"), vec![3]);
}

#[test]
fn words_that_find_nothing_are_retried_corrected_unless_asked_exactly() {
    let (dir, _, mut conn) = database(&[
        (
            1,
            "en",
            "Pensions paid without a claim",
            "Retirement benefits.",
        ),
        (2, "en", "Other", "nothing"),
    ]);
    let index = index(&dir, &mut conn);
    let retried = index.find("pensoins claim", true, false).unwrap().unwrap();
    assert_eq!(ids(&retried), vec![1]);
    assert_eq!(retried.corrected.as_deref(), Some("pensions claim"));
    let exact = index.find("pensoins claim", true, true).unwrap().unwrap();
    assert!(exact.ids.is_empty() && exact.corrected.is_none());
    let nothing = index.find("zzzzqqq", true, false).unwrap().unwrap();
    assert!(nothing.ids.is_empty() && nothing.corrected.is_none());
}

#[test]
fn any_text_is_searched_as_text() {
    let (dir, _, mut conn) = database(&[(1, "en", "A title: with (syntax) AND more", "body")]);
    let index = index(&dir, &mut conn);
    for text in [
        "title:",
        "(syntax)",
        "AND",
        "\"",
        "*",
        "+-&&||!(){}[]^\"~*?:\\/",
        "a\0b",
        "\u{FFFE}",
        "title~2",
        "syntax^3",
        "NOT title",
        "[* TO *]",
    ] {
        index.find(text, true, false).unwrap();
        index.find(text, false, true).unwrap();
    }
    index.find(&"pension ".repeat(1_500), true, false).unwrap();
    assert_eq!(found(&index, "(syntax)"), vec![1]);
    assert_eq!(index.find("* ( ) -", true, false).unwrap(), None);
}

#[test]
fn the_index_follows_the_database_practice_by_practice() {
    let (dir, _, mut conn) = database(&[(1, "en", "First", "body"), (2, "en", "Second", "body")]);
    let index = index(&dir, &mut conn);
    assert_eq!(found(&index, "third"), Vec::<i32>::new());
    insert(&mut conn, 3, "en", "Third", "body");
    diesel::sql_query("UPDATE practices SET status = 'withdrawn' WHERE id = 1")
        .execute(&mut conn)
        .unwrap();
    let version = repository::catalog_version(&mut conn).unwrap();
    // The new practice and the one gone; the unchanged one is left alone.
    assert_eq!(index.sync(&mut conn, version).unwrap(), 2);
    assert_eq!(found(&index, "third"), vec![3]);
    assert_eq!(found(&index, "first"), Vec::<i32>::new());
    assert_eq!(index.sync(&mut conn, version).unwrap(), 0);
    // Renaming the institution changes the text of both its practices.
    assert_eq!(found(&index, "renamed"), Vec::<i32>::new());
    diesel::sql_query("UPDATE organisations SET name = 'Renamed Fund' WHERE id = 1")
        .execute(&mut conn)
        .unwrap();
    let version = repository::catalog_version(&mut conn).unwrap();
    assert_eq!(index.sync(&mut conn, version).unwrap(), 2);
    let mut renamed = found(&index, "renamed");
    renamed.sort_unstable();
    assert_eq!(renamed, vec![2, 3]);
    // Reopened, the index knows what it holds and does not rebuild.
    drop(index);
    let reopened = SearchIndex::open(&dir.path().join("search")).unwrap();
    assert_eq!(reopened.version(), Some(version));
    assert_eq!(found(&reopened, "second"), vec![2]);
}

#[test]
fn a_practice_is_found_by_its_country_named_in_any_interface_language() {
    // Written in German, by an institution of Chile.
    let (dir, _, mut conn) = database(&[(1, "de", "Rentenkonto", "Versicherte")]);
    let index = index(&dir, &mut conn);
    for name in ["Chile", "Chili", "شیلی"] {
        assert_eq!(found(&index, name), vec![1], "{name}");
    }
    // The country corrected: the practice is indexed again, under its new names.
    diesel::sql_query("UPDATE organisations SET country = 'MX' WHERE id = 1")
        .execute(&mut conn)
        .unwrap();
    let version = repository::catalog_version(&mut conn).unwrap();
    assert_eq!(index.sync(&mut conn, version).unwrap(), 1);
    assert_eq!(found(&index, "شیلی"), Vec::<i32>::new());
    for name in ["Mexico", "México", "Mexique", "مکزیک"] {
        assert_eq!(found(&index, name), vec![1], "{name}");
    }
}

#[tokio::test]
async fn every_practice_of_a_country_is_found_by_its_name_in_persian_and_spanish() {
    let app = TestApp::spawn().await;
    let of_canada = list_total(&app, "/practices?country=CA").await;
    assert!(of_canada > 1);
    for name in ["Canadá", "کانادا"] {
        let path = format!("/practices?country=CA&q={}", urlencode(name));
        assert_eq!(list_total(&app, &path).await, of_canada, "{name}");
    }
}

#[tokio::test]
async fn a_mistyped_search_shows_the_corrected_one_with_a_way_back() {
    let app = TestApp::spawn().await;
    let exact_total = crate::common::list_total(&app, "/practices?q=pension").await;
    assert!(exact_total > 0);
    let page = app.page("/practices?q=pensoin").await;
    let notice = text_of(&page, ".results .notice");
    assert_eq!(notice.len(), 1, "{notice:?}");
    assert!(notice[0].contains("pension"), "{notice:?}");
    let back = page
        .select(&selector(".results .notice a"))
        .next()
        .and_then(|a| a.value().attr("href"))
        .unwrap()
        .to_owned();
    assert_eq!(back, "/practices?q=pensoin&exact=1");
    let exact: Html = app.page(&back).await;
    assert!(text_of(&exact, ".results .notice").is_empty());
    assert_eq!(crate::common::list_total(&app, &back).await, 0);
}

#[tokio::test]
async fn control_characters_inside_a_word_are_searched_as_if_never_typed() {
    let app = TestApp::spawn().await;
    let plain = crate::common::list_total(&app, "/practices?q=pension").await;
    assert!(plain > 0);
    for typed in [
        "pension%00",
        "pen%00sion",
        "pension%01%1B",
        "pension%EF%BF%BE",
        "pension%0B",
    ] {
        for path in FILTERED_VIEWS {
            let response = app.get(&format!("{path}?q={typed}")).await;
            assert_eq!(
                response.status(),
                reqwest::StatusCode::OK,
                "{path}?q={typed}"
            );
        }
        assert_eq!(
            crate::common::list_total(&app, &format!("{}?q={typed}", paths::PRACTICES)).await,
            plain,
            "{typed}"
        );
    }
}

#[test]
fn reindex_builds_the_index_anew_from_the_database() {
    let (dir, database, _conn) = database(&[
        (1, "en", "Reindexed title", "body"),
        (2, "fr", "Une autre", "texte"),
    ]);
    let folder = dir.path().join("index");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("meta.json"), "not an index").unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_portal"))
        .arg("reindex")
        .arg("--database")
        .arg(database.url())
        .arg("--search-index")
        .arg(&folder)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{said} {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        said.lines()
            .any(|line| line.starts_with("2 practices indexed")),
        "{said}"
    );
    let index = SearchIndex::open(&folder).unwrap();
    assert_eq!(found(&index, "reindexed"), vec![1]);
}
