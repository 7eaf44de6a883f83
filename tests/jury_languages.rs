//! An international jury through the HTTP stack: the languages a juror judges in decide what
//! they are given, and the preferences they state before the assignment are honoured after
//! conflicts, languages and balance. An entry may be written in any ISO 639-1 language.

use portal::competitions::Phase;
use portal::demo::workflow::{SECRETARIAT, SUBMITTER};
use portal::ids::{CompetitionId, EntryId, UserId};
use portal::paths;
use reqwest::StatusCode;
use scraper::Html;

use crate::common::builders::move_phase;
use crate::common::entries::{americas, complete_entry, entry_id, post_new_entry, with};
use crate::common::forms::form;
use crate::common::jury::{competition_in, entry_in, publish_with, register_juror, Juror};
use crate::common::{field_error, list_total, selector, text_of, total, Browser, TestApp};

async fn juror(app: &TestApp, name: &str, email: &str) -> Juror {
    register_juror(&app.base, &mut app.db(), name, email).await
}

async fn state_languages(juror: &Browser, languages: &[&str]) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = languages.iter().map(|l| ("languages", *l)).collect();
    juror
        .post_form(paths::JURY, paths::JURY_LANGUAGES, &fields)
        .await
}

async fn appoint(secretariat: &Browser, competition: CompetitionId, juror: UserId) {
    let appointed = secretariat
        .post_form(
            &paths::jury_board(competition),
            &paths::jurors(competition),
            &[("juror", &juror.to_string())],
        )
        .await;
    assert_eq!(appointed.status(), StatusCode::SEE_OTHER);
}

async fn assign_automatically(secretariat: &Browser, competition: CompetitionId) {
    let assigned = secretariat
        .post_form(
            &paths::jury_board(competition),
            &paths::assign(competition),
            &[],
        )
        .await;
    assert_eq!(assigned.status(), StatusCode::SEE_OTHER);
}

/// A juror's preferences posted from their sheet.
async fn say(
    juror: &Browser,
    competition: CompetitionId,
    wishes: &[(EntryId, &str)],
) -> reqwest::Response {
    let sheet = paths::preferences(competition);
    let fields: Vec<(String, &str)> = wishes
        .iter()
        .map(|(entry, wish)| (format!("entry-{entry}"), *wish))
        .collect();
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    juror.post_form(&sheet, &sheet, &fields).await
}

async fn html(response: reqwest::Response) -> Html {
    Html::parse_document(&response.text().await.expect("a page"))
}

fn assigned(app: &TestApp, entry: EntryId, juror: UserId) -> bool {
    app.count(&format!(
        "SELECT COUNT(*) FROM assignments WHERE entry_id = {entry} AND user_id = {juror}"
    )) == 1
}

#[tokio::test]
async fn a_juror_who_reads_only_french_is_given_only_french_entries() {
    let app = TestApp::spawn().await;
    let competition = competition_in(&app, Phase::Review);
    let french = entry_in(&app, competition, "Allocations versées d'office", "fr");
    let spanish = entry_in(&app, competition, "Pensiones en casa", "es");
    let english = entry_in(&app, competition, "Benefits paid at home", "en");
    let german = entry_in(&app, competition, "Renten ohne Antrag", "de");
    let amelie = juror(&app, "Amélie Juror", "amelie@jury.example").await;
    let sam = juror(&app, "Sam Juror", "sam@jury.example").await;

    // Until she says, the portal tells Amélie that nothing will be given to her; ticking
    // nothing is refused, the problem linked to the boxes.
    let home = amelie.browser.page(paths::JURY).await;
    assert_eq!(
        text_of(&home, ".notice"),
        ["You have not yet said which languages you judge in: until you do, no entry is given to you automatically."]
    );
    let refused = state_languages(&amelie.browser, &[]).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = html(refused).await;
    assert_eq!(
        field_error(&refused, "languages").as_deref(),
        Some("Tick at least one language you can judge an entry in.")
    );
    assert_eq!(
        text_of(&refused, ".error-summary a[href='#languages']").len(),
        1
    );
    let saved = state_languages(&amelie.browser, &["fr"]).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let home = amelie.browser.page(paths::JURY).await;
    assert!(text_of(&home, ".notice").is_empty());
    let ticked = text_of(&home, "#languages input[checked] + label");
    assert_eq!(ticked, ["French"]);
    assert_eq!(
        state_languages(&sam.browser, &["en", "es"]).await.status(),
        StatusCode::SEE_OTHER
    );

    // Before assigning, the secretariat sees each language's entries and readers.
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    for juror in [&amelie, &sam] {
        appoint(&secretariat, competition, juror.id).await;
    }
    let board = secretariat.page(&paths::jury_board(competition)).await;
    let supply: Vec<String> = board
        .select(&selector("[aria-labelledby='supply-caption'] tbody tr"))
        .map(|row| {
            row.select(&selector("th, td"))
                .map(|cell| cell.text().collect::<String>())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect();
    assert_eq!(
        supply,
        [
            "English | 1 | 1",
            "French | 1 | 1",
            "German | 1 | 0 (fewer than the 1 each entry needs)",
            "Spanish | 1 | 1"
        ]
    );
    let jurors = text_of(&board, "table tbody tr td:nth-child(2)");
    assert!(jurors.contains(&"French".to_owned()), "{jurors:?}");

    assign_automatically(&secretariat, competition).await;
    assert!(assigned(&app, french, amelie.id));
    assert!(assigned(&app, spanish, sam.id));
    assert!(assigned(&app, english, sam.id));
    // Her review page marks the entry's text as French, whatever the page's language.
    let review = amelie.browser.page(&paths::review(french)).await;
    let marked: Vec<Option<&str>> = review
        .select(&selector("h1, p.prose"))
        .map(|text| text.value().attr("lang"))
        .collect();
    assert!(
        marked.len() > 2 && marked.iter().all(|lang| *lang == Some("fr")),
        "{marked:?}"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM assignments a JOIN entries e ON e.id = a.entry_id \
             WHERE a.user_id = {} AND e.language <> 'fr'",
            amelie.id
        )),
        0,
        "Amélie is given nothing she does not read"
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM assignments WHERE entry_id = {german}"
        )),
        0
    );
    let board = secretariat.page(&paths::jury_board(competition)).await;
    let german_card = board
        .select(&selector(".card"))
        .find(|card| card.text().any(|text| text.contains("Renten ohne Antrag")))
        .expect("the German entry on the board");
    let flag: Vec<String> = german_card
        .select(&selector(".field-error"))
        .map(|flag| flag.text().collect())
        .collect();
    assert_eq!(
        flag,
        ["Short of jurors: no juror without a conflict reads German."]
    );

    // By hand, across languages: a warning that asks for a reason, then the assignment with
    // the reason kept in the audit log.
    let fields = [
        ("entry", spanish.to_string()),
        ("user", amelie.id.to_string()),
        ("change", "add".to_owned()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let warned = secretariat
        .post_form(
            &paths::jury_board(competition),
            &paths::assignments(competition),
            &fields,
        )
        .await;
    assert_eq!(warned.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let warned = html(warned).await;
    assert_eq!(
        field_error(&warned, "reason").as_deref(),
        Some(
            "Amélie Juror has not said they read Spanish, the language of this entry. To \
             assign them all the same, give a reason: the audit log keeps it."
        )
    );
    assert_eq!(
        text_of(&warned, "#pending-assignment label[for='reason']"),
        ["Reason for assigning across languages"]
    );
    assert!(!assigned(&app, spanish, amelie.id));
    let reason = "She lived in Madrid for ten years.";
    let with_reason = [fields.clone(), vec![("reason", reason)]].concat();
    let confirmed = secretariat
        .post_form(
            &paths::jury_board(competition),
            &paths::assignments(competition),
            &with_reason,
        )
        .await;
    assert_eq!(confirmed.status(), StatusCode::SEE_OTHER);
    assert!(assigned(&app, spanish, amelie.id));
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'assigned-across-languages' \
             AND note LIKE '%{reason}%' AND note LIKE '%Pensiones en casa%'"
        )),
        1
    );
    // Assigning automatically again keeps what was assigned by hand with a reason.
    assign_automatically(&secretariat, competition).await;
    assert!(assigned(&app, spanish, amelie.id));
}

#[tokio::test]
async fn preferences_said_during_screening_are_honoured_after_conflicts_and_languages() {
    let app = TestApp::spawn().await;
    let competition = competition_in(&app, Phase::Screening);
    let first = entry_in(&app, competition, "First entry", "es");
    let second = entry_in(&app, competition, "Second entry", "es");
    let declared = entry_in(&app, competition, "Entry both declared", "es");
    entry_in(&app, competition, "Eine deutsche Einreichung", "de");
    let ana = juror(&app, "Ana Juror", "ana@jury.example").await;
    let ben = juror(&app, "Ben Juror", "ben@jury.example").await;
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    for juror in [&ana, &ben] {
        assert_eq!(
            state_languages(&juror.browser, &["es"]).await.status(),
            StatusCode::SEE_OTHER
        );
        appoint(&secretariat, competition, juror.id).await;
        app.execute(&format!(
            "INSERT INTO declared_conflicts (entry_id, user_id, reason, declared_at) \
             VALUES ({declared}, {}, 'My former team', CURRENT_TIMESTAMP)",
            juror.id
        ));
    }

    // Ana's sheet: the entries she could be given, not the one she declared a conflict
    // with, nor the German one.
    let sheet_path = paths::preferences(competition);
    let home = ana.browser.page(paths::JURY).await;
    assert_eq!(
        text_of(&home, &format!("a[href='{sheet_path}']")),
        [format!(
            "Say which entries you would like to judge ({})",
            text_of(&home, &format!("#competition-{competition} h2"))[0]
        )]
    );
    let sheet = ana.browser.page(&sheet_path).await;
    assert_eq!(
        text_of(&sheet, "#preferences legend"),
        ["First entry", "Second entry"]
    );
    assert_eq!(
        text_of(&sheet, ".hint"),
        [
            "1 more eligible entries are written in other languages than yours (Spanish) and are not listed.",
            "Written in Spanish",
            "Written in Spanish"
        ]
    );
    // The conflicted entry's wish is not kept.
    let wishes = [
        (first, "rather-not"),
        (second, "eager"),
        (declared, "eager"),
    ];
    let saved = say(&ana.browser, competition, &wishes).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let sheet = ana.browser.page(&sheet_path).await;
    assert_eq!(
        text_of(&sheet, ".flash"),
        ["Your preferences are saved (2 stated)."]
    );
    assert_eq!(
        text_of(&sheet, "#preferences input[checked] + label"),
        ["Rather not", "Eager to judge it"]
    );
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM juror_preferences WHERE user_id = {}",
            ana.id
        )),
        2
    );
    let saved = say(&ben.browser, competition, &[(first, "eager")]).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);

    // Once the review opens, preferences are closed; what was typed is not lost.
    move_phase(&mut app.db(), competition, Phase::Review);
    let late = say(&ben.browser, competition, &[(second, "eager")]).await;
    assert_eq!(late.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let late = html(late).await;
    assert_eq!(
        text_of(&late, ".error-summary li"),
        ["Preferences are taken while screening ends, before the entries are assigned."]
    );

    // Without the wishes, the first entry would go to Ana (the lower id) and the second to
    // Ben; with them, each gets the one they asked for.
    assign_automatically(&secretariat, competition).await;
    assert!(assigned(&app, first, ben.id));
    assert!(assigned(&app, second, ana.id));
    assert_eq!(
        app.count(&format!(
            "SELECT COUNT(*) FROM assignments WHERE entry_id = {declared}"
        )),
        0
    );
    let board = secretariat.page(&paths::jury_board(competition)).await;
    assert_eq!(
        text_of(&board, "#preferences-met"),
        ["Jurors' wishes: 2 of 2 entries they were eager or willing to judge given to them; 0 given to a juror who would rather not."]
    );
}

#[tokio::test]
async fn an_entry_in_any_language_is_entered_judged_by_its_readers_and_published_in_it() {
    let app = TestApp::spawn().await;

    // The entry form offers every ISO 639-1 language, named in the reader's language, and
    // takes one; a code it does not know is refused beside the field.
    let submitter = app.signed_in(SUBMITTER.0, SUBMITTER.1).await;
    let page = submitter.page(paths::NEW_ENTRY).await;
    let offered = form(&page, paths::SUBMISSIONS).offered("language");
    assert!(offered.iter().any(|code| code == "fa") && offered.iter().any(|code| code == "ja"));
    assert_eq!(text_of(&page, "#language option[value=fa]"), ["Persian"]);
    let written_in = |code: &str| {
        let mut fields = complete_entry("پرداخت مستمری در خانه");
        fields.retain(|(name, _)| *name != "language");
        with(&fields, &[("language", code)])
    };
    let persian_fields = written_in("fa");
    let competition = americas(&mut app.db());
    let unknown = written_in("xx");
    let refused = post_new_entry(&submitter, competition, &unknown, "save").await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(field_error(&html(refused).await, "language").is_some());
    let saved = post_new_entry(&submitter, competition, &persian_fields, "save").await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let draft = entry_id(&saved);
    let again = submitter.page(&paths::entry(draft)).await;
    assert_eq!(text_of(&again, "#language option[selected]"), ["Persian"]);

    // In review: a juror who reads Persian is offered it, and given the Persian entry only.
    let competition = competition_in(&app, Phase::Review);
    let persian = entry_in(&app, competition, "پرداخت مستمری در خانه", "fa");
    let english = entry_in(&app, competition, "Benefits paid at home", "en");
    let leila = juror(&app, "Leila Juror", "leila@jury.example").await;
    let home = leila.browser.page(paths::JURY).await;
    assert!(text_of(&home, "#languages label")
        .iter()
        .any(|label| label == "Persian"));
    let stated = state_languages(&leila.browser, &["fa"]).await;
    assert_eq!(stated.status(), StatusCode::SEE_OTHER);
    let secretariat = app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await;
    appoint(&secretariat, competition, leila.id).await;
    let board = secretariat.page(&paths::jury_board(competition)).await;
    assert!(
        text_of(&board, "[aria-labelledby='supply-caption'] tbody th")
            .contains(&"Persian".to_owned())
    );
    assign_automatically(&secretariat, competition).await;
    assert!(assigned(&app, persian, leila.id));
    assert!(!assigned(&app, english, leila.id));
    let review = leila.browser.page(&paths::review(persian)).await;
    assert!(review.select(&selector(".prose[lang=fa]")).next().is_some());

    // Published: the practice page is in Persian, right to left; the list filters and names
    // the language; search finds its words.
    let practice = publish_with(&app, &secretariat, competition, persian).await;
    let page = app.page(&paths::practice(practice)).await;
    let heading = page.select(&selector("h1")).next().unwrap();
    assert_eq!(
        (heading.value().attr("lang"), heading.value().attr("dir")),
        (Some("fa"), Some("rtl"))
    );
    let list = app.page("/practices?language=fa").await;
    assert_eq!(total(&list), 1);
    // Every language with practices, named and in the reader's alphabetical order.
    assert_eq!(
        text_of(&list, "label[for^='filter-language-']"),
        [
            "English (318)",
            "French (1)",
            "German (1)",
            "Persian (1)",
            "Spanish (1)"
        ]
    );
    assert_eq!(list_total(&app, "/practices?q=مستمری&language=fa").await, 1);
}
