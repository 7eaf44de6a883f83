//! Countries as ISO 3166-1 codes: converted from the names institutions had, chosen from a
//! list, filtered and exported by code, and named on every page in its language by the CLDR.

use diesel::prelude::*;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness};
use portal::db::{DbConnection, POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS};
use portal::error::AppError;
use portal::ids::OrganisationId;
use portal::paths;
use portal::schema::organisations;
use reqwest::StatusCode;

use crate::common::forms::form;
use crate::common::{empty_database, open_database, selector, text_of, total, TestApp};

/// Applies the migrations that come before the one named `name`.
fn migrate_up_to(conn: &mut DbConnection, name: &str) {
    fn run<B: diesel::backend::Backend>(
        conn: &mut impl MigrationHarness<B>,
        migrations: EmbeddedMigrations,
        name: &str,
    ) {
        for migration in conn.pending_migrations(migrations).unwrap() {
            if migration.name().to_string().ends_with(name) {
                return;
            }
            conn.run_migration(migration.as_ref()).unwrap();
        }
        panic!("no migration {name}");
    }
    match conn {
        DbConnection::Sqlite(conn) => run(conn, SQLITE_MIGRATIONS, name),
        DbConnection::Postgres(conn) => run(conn, POSTGRES_MIGRATIONS, name),
    }
}

fn country_of(conn: &mut DbConnection, institution: &str) -> String {
    organisations::table
        .filter(organisations::name.eq(institution))
        .select(organisations::country)
        .first(conn)
        .unwrap()
}

#[test]
fn the_migration_turns_names_into_codes_and_the_portal_refuses_the_rest_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut conn = open_database(&empty_database(dir.path()));
    migrate_up_to(&mut conn, "_country_codes");
    for (institution, country) in [
        ("Plain", "Canada"),
        ("Official form", "Republic of Korea"),
        ("Typed apostrophe, lower case, spaces", "  côte d'ivoire "),
        ("French", "Allemagne"),
        ("Persian", "ایران"),
        ("Abbreviated", "USA"),
        ("Unknown", "Kingdom of Atlantis"),
        ("Unknown too", "Kingdom of Atlantis"),
    ] {
        diesel::insert_into(organisations::table)
            .values((
                organisations::name.eq(institution),
                organisations::country.eq(country),
                organisations::region.eq("americas"),
                organisations::kind.eq("pension-fund"),
            ))
            .execute(&mut conn)
            .unwrap();
    }
    portal::db::migrate(&mut conn).unwrap();

    for (institution, code) in [
        ("Plain", "CA"),
        ("Official form", "KR"),
        ("Typed apostrophe, lower case, spaces", "CI"),
        ("French", "DE"),
        ("Persian", "IR"),
        ("Abbreviated", "US"),
        ("Unknown", "Kingdom of Atlantis"),
    ] {
        assert_eq!(country_of(&mut conn, institution), code, "{institution}");
    }
    match portal::organisations::require_country_codes(&mut conn) {
        Err(error @ AppError::CountriesWithoutCode(_)) => {
            let message = error.to_string();
            assert!(
                message.contains("\"Kingdom of Atlantis\" (2 institutions)")
                    && message.contains("portal set-country"),
                "{message}"
            );
        }
        other => panic!("the unknown name was accepted: {other:?}"),
    }
    let changed =
        portal::organisations::repository::set_country(&mut conn, "Kingdom of Atlantis", "AT")
            .unwrap();
    assert_eq!(changed, 2);
    portal::organisations::require_country_codes(&mut conn).unwrap();
}

#[tokio::test]
async fn the_country_filter_takes_codes_and_every_page_names_countries_in_its_language() {
    let app = TestApp::spawn().await;
    let canadian: i64 = organisations::table
        .filter(organisations::country.eq("CA"))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert!(canadian > 0, "the demo has Canadian institutions");

    // The facet offers the code, labelled in the page's language.
    for (lang, canada) in [("en", "Canada"), ("es", "Canadá"), ("fa", "کانادا")] {
        let page = app.page(&format!("{}?lang={lang}", paths::PRACTICES)).await;
        let input = page
            .select(&selector("input[name=country][value=CA]"))
            .next()
            .expect("Canada among the country filters");
        let id = input.value().attr("id").unwrap();
        let label = text_of(&page, &format!("label[for={id}]")).join(" ");
        assert!(label.contains(canada), "{lang}: {label}");
    }

    // Filtering by the code lists exactly the practices of Canadian institutions (lead or
    // partner), each card naming the country in Persian.
    let page = app
        .page(&format!("{}?country=CA&lang=fa", paths::PRACTICES))
        .await;
    let expected: i64 = diesel::sql_query(
        "SELECT COUNT(DISTINCT p.id) AS count FROM practices p JOIN organisations o ON o.id = p.organisation_id \
         LEFT JOIN practice_partners pp ON pp.practice_id = p.id LEFT JOIN organisations po ON po.id = pp.organisation_id \
         WHERE p.status = 'published' AND (o.country = 'CA' OR po.country = 'CA')",
    )
    .get_result::<Count>(&mut app.db())
    .unwrap()
    .count;
    assert_eq!(total(&page) as i64, expected);
    let metas = text_of(&page, ".practice-card .meta");
    assert!(!metas.is_empty() && metas.iter().any(|meta| meta.contains("کانادا")));

    // The CSV carries the code.
    let csv = app
        .get(&format!("{}.csv?country=CA", paths::PRACTICES))
        .await
        .text()
        .await
        .unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let column = reader
        .headers()
        .unwrap()
        .iter()
        .position(|name| name == "country")
        .expect("a country column");
    let countries: Vec<String> = reader
        .records()
        .map(|record| record.unwrap()[column].to_owned())
        .collect();
    assert!(!countries.is_empty());
    assert!(countries.iter().any(|country| country == "CA"));
    assert!(countries.iter().all(|country| country.len() == 2));

    // An institution's page names its country in French.
    let german =
        app.id_of::<OrganisationId>("SELECT id FROM organisations WHERE country = 'DE' LIMIT 1");
    let page = app
        .page(&format!("{}?lang=fr", paths::organisation(german)))
        .await;
    assert!(text_of(&page, "dd")
        .iter()
        .any(|value| value == "Allemagne"));
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    count: i64,
}

#[tokio::test]
async fn a_new_institution_chooses_its_country_from_the_list_in_the_reader_s_language() {
    let app = TestApp::spawn().await;
    let person = app.browser();
    person
        .register(
            "Ana Country",
            "ana.country@example.org",
            "a long enough password",
        )
        .await;
    let account = person.page(&format!("{}?lang=es", paths::ACCOUNT)).await;
    let offered = form(&account, paths::ACCOUNT_ORGANISATIONS).offered("country");
    assert_eq!(offered.len(), 1 + 250, "a blank choice and every country");
    let names = text_of(&account, "select#country option");
    let position = |name: &str| names.iter().position(|n| n == name).unwrap();
    assert!(
        position("Egipto") < position("España") && position("España") < position("Zambia"),
        "in Spanish alphabetical order"
    );
    assert!(account
        .select(&selector("label[for=country]"))
        .next()
        .is_some());

    // A value not on the list is refused, the error tied to the field, the name kept.
    let refused = person.ask_to_act_for_one_in("Caja Nueva", "Narnia").await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = scraper::Html::parse_document(&refused.text().await.unwrap());
    let select = page.select(&selector("select#country")).next().unwrap();
    assert_eq!(
        select.value().attr("aria-describedby"),
        Some("country-error")
    );
    assert_eq!(text_of(&page, "#country-error").len(), 1);
    assert_eq!(
        page.select(&selector("input#organisation_name"))
            .next()
            .unwrap()
            .value()
            .attr("value"),
        Some("Caja Nueva")
    );

    let registered = person.ask_to_act_for_one_in("Caja Nueva", "PA").await;
    assert_eq!(registered.status(), StatusCode::SEE_OTHER);
    assert_eq!(country_of(&mut app.db(), "Caja Nueva"), "PA");
}
