//! Versions of a practice in other languages: the secretariat adds them in any ISO 639-1
//! language; the page offers them with `hreflang`, shows the reader's language first, marks
//! every text with its `lang` and `dir`; search finds every version; the API lists them. The
//! institution adds versions to its entry until the results are published, and they become
//! the practice's.

use portal::demo::workflow::{SECOND_SUBMITTER, SECRETARIAT, SUBMITTER};
use portal::ids::PracticeId;
use portal::paths;
use reqwest::StatusCode;
use scraper::Html;

use crate::common::forms::{form, pairs, replaced};
use crate::common::jury::{eligible_entry, open_review, publish_with};
use crate::common::{
    count, field_error, list_total, selector, strings, text_of, urlencode, Browser, TestApp,
};

/// An English practice of the demo with no version in another language yet, and its title.
fn english_practice(app: &TestApp) -> (PracticeId, String) {
    let id = app.id_of::<PracticeId>(
        "SELECT MIN(id) FROM practices WHERE status = 'published' AND language = 'en' \
         AND solution <> '' AND id NOT IN (SELECT practice_id FROM practice_translations)",
    );
    let title = strings(
        &mut app.db(),
        &format!("SELECT title AS value FROM practices WHERE id = {id}"),
    )
    .remove(0)
    .unwrap();
    (id, title)
}

/// Fills the version form at `path` (a practice's or an entry's) with `fields` and sends it.
async fn send_version(browser: &Browser, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let page = browser.page(path).await;
    let mut filled = form(&page, path).filled();
    for (name, value) in fields {
        filled = replaced(&filled, name, &[value]);
    }
    filled.push(("action".to_owned(), "save".to_owned()));
    browser.post_raw(path, &pairs(&filled)).await
}

/// `(lang, dir, text)` of the first element `css` selects.
fn written(page: &Html, css: &str) -> (String, String, String) {
    let element = page
        .select(&selector(css))
        .next()
        .unwrap_or_else(|| panic!("no {css}"));
    let attr = |name| element.value().attr(name).unwrap_or_default().to_owned();
    (
        attr("lang"),
        attr("dir"),
        element.text().collect::<String>().trim().to_owned(),
    )
}

#[tokio::test]
async fn versions_in_any_language_are_offered_read_in_the_readers_language_searched_and_listed() {
    let app = TestApp::spawn().await;
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    let (id, title) = english_practice(&app);

    for fields in [
        vec![
            ("language", "fr"),
            ("title", "Guichet unique des retraités"),
            (
                "summary",
                "Les retraités reçoivent leurs prestations en un seul lieu.",
            ),
            (
                "challenge",
                "Les guichetières recevaient trop de dossiers en retard.",
            ),
        ],
        vec![
            ("language", "ja"),
            ("title", "年金の総合窓口"),
            ("summary", "受給者のための窓口。"),
        ],
        vec![
            ("language", "ar"),
            ("title", "نافذة المتقاعدين الموحدة"),
            ("summary", "خدمة واحدة للمتقاعدين."),
        ],
    ] {
        let saved = send_version(&secretariat, &paths::practice_translations(id), &fields).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER, "{fields:?}");
    }
    let listed = secretariat.page(&paths::practice_translations(id)).await;
    assert_eq!(text_of(&listed, "tbody th").len(), 3);

    // The English reader: the original, and the three others offered in their languages.
    let page = app.page(&paths::practice(id)).await;
    assert_eq!(
        written(&page, "h1"),
        ("en".to_owned(), "ltr".to_owned(), title.clone())
    );
    let offered: Vec<(String, String)> = page
        .select(&selector("nav.versions a"))
        .map(|link| {
            let attr = |name| link.value().attr(name).unwrap().to_owned();
            (attr("hreflang"), attr("href"))
        })
        .collect();
    assert_eq!(
        offered
            .iter()
            .map(|(code, _)| code.as_str())
            .collect::<Vec<_>>(),
        ["ar", "fr", "ja"]
    );
    assert_eq!(offered[1].1, format!("{}?version=fr", paths::practice(id)));
    // One alternate a language: the interface's own (`?lang=fr` shows the French version),
    // and the versions in other languages.
    let mut alternates: Vec<&str> = page
        .select(&selector("link[rel=alternate][hreflang]"))
        .map(|link| link.value().attr("hreflang").unwrap())
        .collect();
    alternates.sort_unstable();
    assert_eq!(alternates, ["ar", "es", "fa", "fr", "ja"]);
    assert_eq!(
        text_of(&page, "nav.versions [aria-current=page]"),
        ["English"]
    );

    // The French reader gets the French version first; what it leaves empty is the original's.
    let french = app.page(&format!("{}?lang=fr", paths::practice(id))).await;
    assert_eq!(written(&french, "h1").2, "Guichet unique des retraités");
    assert_eq!(written(&french, "h1").0, "fr");
    assert_eq!(written(&french, "#challenge + p").0, "fr");
    assert_eq!(
        written(&french, "#solution + p").0,
        "en",
        "an empty section is the original's"
    );
    // Asked for by its link: Japanese left to right, Arabic right to left.
    let japanese = app
        .page(&format!("{}?version=ja", paths::practice(id)))
        .await;
    assert_eq!(
        written(&japanese, "h1"),
        (
            "ja".to_owned(),
            "ltr".to_owned(),
            "年金の総合窓口".to_owned()
        )
    );
    let arabic = app
        .page(&format!("{}?version=ar", paths::practice(id)))
        .await;
    assert_eq!(written(&arabic, "h1").1, "rtl");
    assert_eq!(written(&arabic, ".lead").1, "rtl");
    // A Persian reader: there is no Persian version, so the original.
    let persian = app.page(&format!("{}?lang=fa", paths::practice(id))).await;
    assert_eq!(written(&persian, "h1").2, title);

    // Search finds every version: the French one stemmed (guichetières), the others as written.
    let found_by = |words: &str| {
        format!(
            "/practices?q={}&organisation={}",
            urlencode(words),
            organisation_of(&app, id)
        )
    };
    for words in ["guichetière", "年金の総合窓口", "المتقاعدين"] {
        assert_eq!(list_total(&app, &found_by(words)).await, 1, "{words}");
    }

    // The API lists them.
    let (_, document) = app.json(&paths::api_practice(id)).await;
    let versions = document["translations"].as_array().unwrap();
    let codes: Vec<&str> = versions
        .iter()
        .map(|v| v["language"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["ar", "fr", "ja"]);
    assert_eq!(
        versions[1]["sections"]["challenge"],
        "Les guichetières recevaient trop de dossiers en retard."
    );
    assert!(versions[1]["url"]
        .as_str()
        .unwrap()
        .ends_with("?version=fr"));

    // Removed: gone from the page, the search and the API.
    let path = paths::practice_translations(id);
    let removed = secretariat
        .post_form(&path, &path, &[("action", "remove"), ("language", "ja")])
        .await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    assert_eq!(list_total(&app, &found_by("年金の総合窓口")).await, 0);
    let (_, document) = app.json(&paths::api_practice(id)).await;
    assert_eq!(document["translations"].as_array().unwrap().len(), 2);
    assert_eq!(
        count(
            &mut app.db(),
            &format!(
                "SELECT COUNT(*) FROM audit_log WHERE subject = 'practice' AND subject_id = {id}"
            )
        ),
        4,
        "three saved, one removed"
    );
}

fn organisation_of(app: &TestApp, id: PracticeId) -> i64 {
    count(
        &mut app.db(),
        &format!("SELECT organisation_id FROM practices WHERE id = {id}"),
    )
}

#[tokio::test]
async fn a_version_is_refused_with_its_problems_beside_the_fields_and_nothing_typed_lost() {
    let app = TestApp::spawn().await;
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    let (id, _) = english_practice(&app);
    for (language, title, field) in [
        ("xx", "Un titre", "language"),
        ("en", "Another title", "language"),
        ("de", "", "title"),
    ] {
        let refused = send_version(
            &secretariat,
            &paths::practice_translations(id),
            &[
                ("language", language),
                ("title", title),
                ("summary", "Zusammenfassung"),
            ],
        )
        .await;
        assert_eq!(
            refused.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{language}"
        );
        let page = Html::parse_document(&refused.text().await.unwrap());
        assert!(field_error(&page, field).is_some(), "{language}: {field}");
        let kept = form(&page, &paths::practice_translations(id)).filled();
        assert!(kept.contains(&("summary".to_owned(), "Zusammenfassung".to_owned())));
        assert!(kept.contains(&("title".to_owned(), title.to_owned())));
    }
    // The original's language is not offered.
    let page = secretariat.page(&paths::practice_translations(id)).await;
    let offered = form(&page, &paths::practice_translations(id)).offered("language");
    assert!(!offered.contains(&"en".to_owned()) && offered.contains(&"ja".to_owned()));
    let languages = offered.iter().filter(|code| !code.is_empty()).count();
    assert_eq!(languages, portal::languages::iso639::CODES.len() - 1);
    assert_eq!(
        count(
            &mut app.db(),
            &format!("SELECT COUNT(*) FROM practice_translations WHERE practice_id = {id}")
        ),
        0
    );
}

#[tokio::test]
async fn the_demo_shows_the_award_winner_in_french_too() {
    let app = TestApp::spawn().await;
    let id = app.id_of::<PracticeId>(
        "SELECT id FROM practices WHERE title LIKE 'Service transformation:%'",
    );
    let french = app.page(&format!("{}?lang=fr", paths::practice(id))).await;
    assert_eq!(
        written(&french, "h1"),
        (
            "fr".to_owned(),
            "ltr".to_owned(),
            "Transformation des services : la pensée design et le Carrefour d’accélération"
                .to_owned()
        )
    );
    assert_eq!(written(&french, "#challenge + p").0, "en");
}

#[tokio::test]
async fn the_institution_adds_versions_to_its_entry_until_publication_and_they_become_the_practices(
) {
    let app = TestApp::spawn().await;
    let conn = &mut app.db();
    let competition = open_review(conn, "europe");
    let entry = eligible_entry(conn, competition, "Pensions paid at home");
    let path = paths::entry_translations(entry);
    let member = app.signed_in(SECOND_SUBMITTER.0, SECOND_SUBMITTER.1).await;

    // The entry page names its versions and leads to them.
    let page = member.page(&paths::entry(entry)).await;
    let link = page
        .select(&selector(&format!("a[href='{path}']")))
        .next()
        .map(|link| link.text().collect::<String>());
    assert_eq!(
        link.as_deref(),
        Some("the entry’s versions in other languages")
    );

    // Refused in the entry's own language (Spanish), with everything typed kept.
    let refused = send_version(
        &member,
        &path,
        &[
            ("language", "es"),
            ("title", "Mismo idioma"),
            ("summary", "Kept"),
        ],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = Html::parse_document(&refused.text().await.unwrap());
    assert!(field_error(&refused, "language").is_some());
    assert!(form(&refused, &path)
        .filled()
        .contains(&("summary".to_owned(), "Kept".to_owned())));

    for (language, title, summary) in [
        ("ja", "自宅で受け取る年金", "年金を自宅で受け取る。"),
        ("de", "Renten zu Hause", "Renten werden zu Hause gezahlt."),
    ] {
        let saved = send_version(
            &member,
            &path,
            &[
                ("language", language),
                ("title", title),
                ("summary", summary),
            ],
        )
        .await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER, "{language}");
    }
    let removed = member
        .post_form(&path, &path, &[("action", "remove"), ("language", "de")])
        .await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    let listed = member.page(&path).await;
    assert_eq!(text_of(&listed, "tbody th"), ["Japanese (ja)"]);
    assert_eq!(
        written(&listed, "tbody td span"),
        (
            "ja".to_owned(),
            "ltr".to_owned(),
            "自宅で受け取る年金".to_owned()
        )
    );
    let page = member.page(&paths::entry(entry)).await;
    assert!(text_of(&page, ".facts dd")
        .iter()
        .any(|versions| versions.starts_with("Japanese (")));

    // Another institution's member does not see it; the secretariat reads, does not change.
    let outsider = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    outsider
        .page_with_status(&path, StatusCode::NOT_FOUND)
        .await;
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    let read = secretariat.page(&path).await;
    assert_eq!(text_of(&read, "tbody th"), ["Japanese (ja)"]);
    assert!(read.select(&selector("main form")).next().is_none());

    // Published: the version is the practice's, and the entry's change no more.
    let practice = publish_with(&app, &secretariat, competition, entry).await;
    let japanese = app
        .page(&format!("{}?version=ja", paths::practice(practice)))
        .await;
    assert_eq!(
        written(&japanese, "h1"),
        (
            "ja".to_owned(),
            "ltr".to_owned(),
            "自宅で受け取る年金".to_owned()
        )
    );
    let closed = member.page(&path).await;
    assert!(closed.select(&selector("main form")).next().is_none());
    let late = member
        .post_form(&path, &path, &[("action", "remove"), ("language", "ja")])
        .await;
    assert_eq!(late.status(), StatusCode::FORBIDDEN);
}
