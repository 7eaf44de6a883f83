//! The interface in English, French, Spanish and Persian: the language files are whole, the
//! language is chosen from the URL, the remembered choice and `Accept-Language`, pages and
//! e-mails speak it, and the page cache never serves one language for another.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::common::entries::{americas, complete_entry, entry_id, post_new_entry, refs, with};
use crate::common::pages::{every_page, Seen};
use crate::common::{hrefs, location, selector, text_of, Browser, TestApp};
use portal::demo::workflow::SECRETARIAT;
use portal::ids::OrganisationId;
use portal::paths;
use reqwest::StatusCode;
use scraper::Html;

const LANGUAGES: [&str; 4] = ["en", "fr", "es", "fa"];

/// The language files of `lang`, each with its text.
fn files_of(lang: &str) -> Vec<(std::path::PathBuf, String)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(lang);
    std::fs::read_dir(&folder)
        .unwrap()
        .map(|file| {
            let path = file.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            (path, text)
        })
        .collect()
}

/// Every message and attribute (`mail-reset.subject`) of one language, each with the
/// variables its text uses, read from all its files; a file that does not parse fails.
fn messages_of(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut messages = BTreeMap::new();
    for (path, text) in files_of(lang) {
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        let ids: Vec<String> = resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(message) => Some(message),
                _ => None,
            })
            .flat_map(|message| {
                let id = message.id.name.to_owned();
                let attributes = message
                    .attributes
                    .iter()
                    .map(move |attribute| format!("{}.{}", message.id.name, attribute.id.name));
                std::iter::once(id).chain(attributes)
            })
            .collect();
        for (id, variables) in ids.into_iter().zip(variables_by_message(&text)) {
            assert!(
                messages.insert(id.clone(), variables).is_none(),
                "{id} twice in {lang}"
            );
        }
    }
    messages
}

/// The variables (`$count`) of each message and attribute of a file, in file order: a
/// message starts at the margin, an attribute on an indented line with a dot, and the lines
/// after either belong to it.
fn variables_by_message(text: &str) -> Vec<BTreeSet<String>> {
    let mut found: Vec<BTreeSet<String>> = Vec::new();
    for line in text.lines() {
        let starts_message = line.starts_with(|c: char| c.is_ascii_lowercase());
        let starts_attribute = line.starts_with(' ') && line.trim_start().starts_with('.');
        if starts_message || starts_attribute {
            found.push(BTreeSet::new());
        }
        if let Some(current) = found.last_mut() {
            current.extend(line.split('$').skip(1).map(|rest| {
                rest.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect::<String>()
            }));
        }
    }
    found
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let english = messages_of("en");
    assert!(
        english.len() > 500,
        "only {} English messages",
        english.len()
    );
    for lang in &LANGUAGES[1..] {
        let other = messages_of(lang);
        let missing: Vec<&String> = english
            .keys()
            .filter(|key| !other.contains_key(*key))
            .collect();
        let extra: Vec<&String> = other
            .keys()
            .filter(|key| !english.contains_key(*key))
            .collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(extra.is_empty(), "{lang} has what English lacks: {extra:?}");
        for (key, variables) in &english {
            assert_eq!(&other[key], variables, "{lang}: the variables of {key}");
        }
    }
}

/// The keys that the code and the templates name: the first argument of `t`, `t1`, `t2`,
/// `Message::new`, `Arg::key` and `key!`, and the terms of every vocabulary.
fn keys_in_use() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for folder in ["src", "templates"] {
        collect_files(&root.join(folder), &mut files);
    }
    let mut keys = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for call in [".t(", ".t1(", ".t2(", "Message::new(", "Arg::key(", "key!("] {
            for (at, _) in text.match_indices(call) {
                let rest = text[at + call.len()..].trim_start();
                if let Some(quoted) = rest.strip_prefix('"') {
                    keys.insert(quoted[..quoted.find('"').unwrap()].to_owned());
                }
            }
        }
        keys.extend(vocabulary_keys(&text));
    }
    keys
}

fn collect_files(folder: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_files(&path, files);
        } else {
            files.push(path);
        }
    }
}

/// `region-africa` and the like: the prefix of each `vocabulary!` and the slug of each term.
fn vocabulary_keys(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for block in text.split("vocabulary! {").skip(1) {
        let Some((header, body)) = block.split_once(" {\n") else {
            continue;
        };
        let Some(prefix) = header.split('"').nth(1) else {
            continue;
        };
        for line in body.lines().take_while(|line| line.trim() != "}") {
            if let Some(slug) = line.split("=> \"").nth(1) {
                keys.push(format!("{prefix}-{}", slug.trim_end_matches("\",")));
            }
        }
    }
    keys
}

#[test]
fn every_key_the_code_names_is_in_english() {
    let english = messages_of("en");
    let used = keys_in_use();
    assert!(used.contains("region-asia-pacific") && used.contains("phase-deliberation"));
    assert!(used.contains("nav-practices") && used.contains("mail-received"));
    let missing: Vec<&String> = used
        .iter()
        .filter(|key| {
            !english.contains_key(*key) && !english.contains_key(&format!("{key}.subject"))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "named but not in locales/en: {missing:?}"
    );
}

fn root_attribute(html: &Html, name: &str) -> String {
    html.select(&selector("html"))
        .next()
        .unwrap()
        .value()
        .attr(name)
        .unwrap_or_default()
        .to_owned()
}

fn language_of(html: &Html) -> (String, String) {
    (root_attribute(html, "lang"), root_attribute(html, "dir"))
}

async fn page_with(app: &TestApp, path: &str, accept_language: &str) -> Html {
    let response = app
        .client
        .get(format!("{}{path}", app.base))
        .header("accept-language", accept_language)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "GET {path}");
    Html::parse_document(&response.text().await.unwrap())
}

#[tokio::test]
async fn persian_pages_read_right_to_left_with_persian_labels() {
    let app = TestApp::spawn().await;
    let home = app.page("/?lang=fa").await;
    assert_eq!(language_of(&home), ("fa".into(), "rtl".into()));
    let menu = text_of(&home, "header nav:not(.language-switcher) a");
    assert!(menu.contains(&"پایگاه تجربه‌ها".to_owned()), "{menu:?}");
    assert_eq!(text_of(&home, "h1"), vec!["تجربه‌های موفق در تأمین اجتماعی"]);

    let list = app.page("/practices?region=europe&lang=fa").await;
    assert_eq!(language_of(&list), ("fa".into(), "rtl".into()));
    let legends = text_of(&list, ".facet legend");
    assert!(legends.contains(&"منطقه".to_owned()), "{legends:?}");
    let summary = text_of(&list, "#results-title").concat();
    assert!(summary.contains("تجربه"), "{summary}");
    assert!(
        summary.chars().any(|c| ('۰'..='۹').contains(&c))
            && !summary.chars().any(|c| c.is_ascii_digit()),
        "counts in Persian digits: {summary}"
    );
    let chips = text_of(&list, ".active-filters .chip").concat();
    assert!(chips.contains("اروپا"), "{chips}");

    // Practice texts keep their own language inside the Persian page.
    let first = hrefs(&list, ".practice-card h3 a")[0].clone();
    let practice = app.page(&format!("{first}?lang=fa")).await;
    assert_eq!(language_of(&practice), ("fa".into(), "rtl".into()));
    let title_lang = practice
        .select(&selector("article h1"))
        .next()
        .unwrap()
        .value()
        .attr("lang")
        .unwrap()
        .to_owned();
    assert!(["en", "fr", "de", "es"].contains(&title_lang.as_str()));
    assert_eq!(text_of(&practice, "#summary-title"), vec!["خلاصه"]);

    for (path, heading) in [
        ("/framework?lang=fa", "نقشهٔ چارچوب IESI"),
        ("/statistics?lang=fa", "آمار"),
        ("/competitions?lang=fa", "رقابت‌ها"),
        ("/login?lang=fa", "ورود"),
    ] {
        let page = app.page(path).await;
        assert_eq!(language_of(&page), ("fa".into(), "rtl".into()), "{path}");
        assert_eq!(text_of(&page, "h1"), vec![heading], "{path}");
    }

    let missing = app.get("/no-such-page?lang=fa").await;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let missing = Html::parse_document(&missing.text().await.unwrap());
    assert_eq!(language_of(&missing), ("fa".into(), "rtl".into()));
    assert_eq!(text_of(&missing, "h1"), vec!["صفحه پیدا نشد"]);
}

#[tokio::test]
async fn accept_language_chooses_among_the_four_languages() {
    let app = TestApp::spawn().await;
    let french = page_with(&app, paths::HOME, "de-CH, fr;q=0.8, en;q=0.5").await;
    assert_eq!(language_of(&french), ("fr".into(), "ltr".into()));
    assert_eq!(
        text_of(&french, "h1"),
        vec!["Bonnes pratiques en sécurité sociale"]
    );
    let spanish = page_with(&app, paths::STATISTICS, "es-MX").await;
    assert_eq!(root_attribute(&spanish, "lang"), "es");
    assert_eq!(text_of(&spanish, "h1"), vec!["Estadísticas"]);
    let german = page_with(&app, paths::HOME, "de-DE, it").await;
    assert_eq!(language_of(&german), ("en".into(), "ltr".into()));
    assert_eq!(
        text_of(&german, "h1"),
        vec!["Good practices in social security"]
    );
}

/// The language switcher's link to `lang` on a page.
fn switcher_link(html: &Html, lang: &str) -> String {
    hrefs(html, &format!("nav.language-switcher a[hreflang={lang}]"))
        .pop()
        .unwrap_or_else(|| panic!("no link to {lang}"))
}

#[tokio::test]
async fn the_switcher_keeps_the_query_and_its_choice_is_remembered() {
    let app = TestApp::spawn().await;
    let browser = Browser::new(&app.base);
    let list = browser.page("/practices?topic=health&region=europe").await;
    assert_eq!(
        switcher_link(&list, "fa"),
        "/practices?topic=health&region=europe&lang=fa"
    );
    let current = hrefs(&list, "nav.language-switcher a[aria-current=true]");
    assert_eq!(
        current,
        vec!["/practices?topic=health&region=europe&lang=en"]
    );
    for lang in LANGUAGES {
        let link = list
            .select(&selector(&format!(
                "nav.language-switcher a[hreflang={lang}]"
            )))
            .next()
            .unwrap();
        assert_eq!(
            link.value().attr("lang"),
            Some(lang),
            "the link names itself in {lang}"
        );
    }

    let chosen = browser.get(&switcher_link(&list, "fa")).await;
    assert_eq!(chosen.status(), StatusCode::OK);
    let cookie = chosen.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("lang=fa;"), "{cookie}");

    // Remembered: a link without `lang` stays Persian, even against Accept-Language.
    let later = browser
        .client
        .get(format!("{}/statistics?region=europe", app.base))
        .header("accept-language", "fr")
        .send()
        .await
        .unwrap();
    let later = Html::parse_document(&later.text().await.unwrap());
    assert_eq!(language_of(&later), ("fa".into(), "rtl".into()));

    // And back to English, which is remembered too.
    let back = browser.page(&switcher_link(&later, "en")).await;
    assert_eq!(language_of(&back), ("en".into(), "ltr".into()));
    let after = browser.page(paths::FRAMEWORK).await;
    assert_eq!(language_of(&after), ("en".into(), "ltr".into()));
    assert_eq!(text_of(&after, "h1"), vec!["The IESI framework map"]);
}

#[tokio::test]
async fn the_page_cache_keeps_the_languages_apart() {
    let app = TestApp::spawn().await;
    let path = "/practices?topic=health";
    for _ in 0..2 {
        let english = page_with(&app, path, "en").await;
        assert_eq!(
            text_of(&english, "#filters-title"),
            vec!["Filter the practices"]
        );
    }
    let french = page_with(&app, path, "fr-FR").await;
    assert_eq!(
        text_of(&french, "#filters-title"),
        vec!["Filtrer les pratiques"]
    );
    let persian = app.page(&format!("{path}&lang=fa")).await;
    assert_eq!(text_of(&persian, "#filters-title"), vec!["پالایش تجربه‌ها"]);
    let spanish = page_with(&app, path, "es").await;
    assert_eq!(
        text_of(&spanish, "#filters-title"),
        vec!["Filtrar las prácticas"]
    );
    let english = page_with(&app, path, "en-GB").await;
    assert_eq!(
        text_of(&english, "#filters-title"),
        vec!["Filter the practices"]
    );
    let response = app.get(path).await;
    assert_eq!(response.headers()["content-language"], "en");
    assert!(response.headers()["vary"]
        .to_str()
        .unwrap()
        .contains("Accept-Language"));
}

#[tokio::test]
async fn the_csv_of_a_filtered_list_downloads_in_persian() {
    let app = TestApp::spawn().await;
    let listed = crate::common::total(&app.page("/practices?region=europe&topic=health").await);
    let response = app
        .get("/practices.csv?region=europe&topic=health&lang=fa")
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let body = response.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header = reader.headers().unwrap().clone();
    let region = header.iter().position(|name| name == "region").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), listed);
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|row| &row[region] == "اروپا"),
        "regions named in Persian"
    );
}

#[tokio::test]
async fn a_persian_account_gets_its_e_mails_in_persian() {
    let app = TestApp::spawn().await;
    let person = app.browser();
    // Chosen once in the URL, the language holds for the whole visit and the account.
    let form = person.page("/register?lang=fa").await;
    assert_eq!(language_of(&form), ("fa".into(), "rtl".into()));
    let password = "a long enough password";
    let registered = person
        .post_form(
            paths::REGISTER,
            paths::REGISTER,
            &[
                ("name", "Sara Ahmadi"),
                ("email", "sara@example.org"),
                ("password", password),
                ("confirmation", password),
            ],
        )
        .await;
    assert_eq!(registered.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.count(
            "SELECT COUNT(*) FROM users WHERE email = 'sara@example.org' AND language = 'fa'"
        ),
        1
    );
    let welcome = person.page(&location(&registered)).await;
    assert_eq!(
        text_of(&welcome, ".flash"),
        vec!["خوش آمدید! اکنون در پایین درخواست نمایندگی سازمان خود را بدهید."]
    );

    // A form's problems come back in Persian too.
    let refused = person
        .post_form(
            paths::ACCOUNT,
            paths::ACCOUNT_MEMBERSHIPS,
            &[("organisation", "")],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = Html::parse_document(&refused.text().await.unwrap());
    assert_eq!(
        text_of(&refused, "#organisation-error"),
        vec!["یک سازمان انتخاب کنید."]
    );

    let esdc = app.id_of::<OrganisationId>(
        "SELECT id FROM organisations WHERE name LIKE 'Employment and Social Development%'",
    );
    let asked = person
        .post_form(
            paths::ACCOUNT,
            paths::ACCOUNT_MEMBERSHIPS,
            &[("organisation", &esdc.to_string())],
        )
        .await;
    assert_eq!(asked.status(), StatusCode::SEE_OTHER);
    // The secretariat reads in English: its notice is in English.
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    secretariat.approve_membership("Sara Ahmadi").await;
    let (subject, body) = app.last_mail_to("sara@example.org").unwrap();
    assert_eq!(subject, "درخواست عضویت شما");
    assert!(body.contains("اکنون می‌توانید در درگاه نمایندهٔ"), "{body}");

    let competition = americas(&mut app.db());
    let saved = post_new_entry(
        &person,
        competition,
        &complete_entry("Pensions by text message"),
        "save",
    )
    .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let id = entry_id(&saved);
    let entry_page = paths::entry(id);
    let fields = with(
        &complete_entry("Pensions by text message"),
        &[("action", "submit")],
    );
    let submitted = person
        .post_multipart(&entry_page, &entry_page, &refs(&fields), None)
        .await;
    assert_eq!(submitted.status(), StatusCode::SEE_OTHER);
    let (subject, body) = app.last_mail_to("sara@example.org").unwrap();
    assert_eq!(
        subject.replace(['\u{2068}', '\u{2069}'], ""),
        "طرح دریافت شد: Pensions by text message"
    );
    assert!(body.contains("دبیرخانه کامل بودن"), "{body}");
    assert!(
        body.chars().any(|c| ('۰'..='۹').contains(&c)),
        "the date and number in Persian digits: {body}"
    );
}

/// The English text of every message that is plain text of at least two words (no variables,
/// no selectors), whose Persian text is another.
fn english_only_texts() -> BTreeSet<String> {
    let plain = |lang: &str| -> BTreeMap<String, String> {
        let mut texts = BTreeMap::new();
        for (_, text) in files_of(lang) {
            let resource = fluent_syntax::parser::parse(text.as_str()).unwrap();
            for entry in resource.body {
                let fluent_syntax::ast::Entry::Message(message) = entry else {
                    continue;
                };
                if let Some(pattern) = message.value {
                    if let [fluent_syntax::ast::PatternElement::TextElement { value }] =
                        pattern.elements.as_slice()
                    {
                        texts.insert(message.id.name.to_owned(), value.trim().to_owned());
                    }
                }
            }
        }
        texts
    };
    let persian = plain("fa");
    plain("en")
        .into_iter()
        .filter(|(key, text)| {
            text.split_whitespace().count() >= 2 && persian.get(key) != Some(text)
        })
        .map(|(_, text)| text)
        .collect()
}

#[tokio::test]
async fn every_page_of_every_role_speaks_persian_and_lays_typed_text_out_by_its_content() {
    let app = TestApp::spawn().await;
    let english = english_only_texts();
    let mut english_found = Vec::new();
    let mut fields_without_dir = Vec::new();
    for Seen { person, path, page } in every_page(&app, &[], "?lang=fa").await {
        for text in page.root_element().text() {
            let text = text.trim();
            if english.contains(text) {
                english_found.push(format!("{person} {path}: {text:?}"));
            }
        }
        // Persian typed into an English page, or English into a Persian one, is laid out by
        // its own direction while it is typed.
        for field in page.select(&selector(
            "textarea, input[type=text]:not([inputmode]), input[type=search]",
        )) {
            if field.value().attr("dir") != Some("auto") {
                fields_without_dir.push(format!(
                    "{person} {path}: {}",
                    field.value().attr("name").unwrap_or_default()
                ));
            }
        }
    }
    assert!(
        english_found.is_empty(),
        "English on Persian pages: {english_found:#?}"
    );
    assert!(
        fields_without_dir.is_empty(),
        "without dir=auto: {fields_without_dir:#?}"
    );
}
