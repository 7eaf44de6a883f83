//! Every SQL statement of the practice database except full-text search (see `search`).

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::catalog::{Catalog, CatalogSource, IndexedOrganisation};
use super::facets::Facet;
use super::models::{NewPractice, Practice, PracticeDetail, PracticeLinks, PracticeSummary};
use crate::db::insert_links;
use crate::db::DbConnection;
use crate::ids::{EntryId, OrganisationId, PracticeId};
use crate::organisations::Organisation;
use crate::schema::{
    catalog_state, competitions, entries, organisations as org, practice_elements,
    practice_integrations, practice_partners, practice_topics, practices,
};
use crate::taxonomy::{
    Award, GovernanceLevel, ImpactArea, InnovationType, IntegrationType, Language, PracticeStatus,
    Region, SocialInnovationElement, Topic,
};

pub fn catalog_version(conn: &mut DbConnection) -> QueryResult<i64> {
    catalog_state::table
        .select(catalog_state::version)
        .first(conn)
}

type CatalogRow = (
    PracticeId,
    OrganisationId,
    Option<i32>,
    Option<Award>,
    bool,
    ImpactArea,
    Language,
    InnovationType,
    GovernanceLevel,
    String,
    Option<NaiveDateTime>,
);

/// Reads the published catalogue in one snapshot, coded for the in-memory index.
pub fn load_catalog(conn: &mut DbConnection) -> QueryResult<CatalogSource> {
    conn.transaction(|conn| {
        let version = catalog_version(conn)?;
        let organisations: Vec<(OrganisationId, String, String, Region)> = org::table
            .select((org::id, org::name, org::country, org::region))
            .order(org::id)
            .load(conn)?;
        let rows: Vec<CatalogRow> = practices::table
            .filter(practices::status.eq(PracticeStatus::Published))
            .select((
                practices::id,
                practices::organisation_id,
                practices::competition_year,
                practices::award,
                practices::innovation_distinction,
                practices::impact_area,
                practices::language,
                practices::innovation_type,
                practices::governance_level,
                practices::title,
                practices::published_at,
            ))
            .order(practices::id)
            .load(conn)?;
        let published = practices::status.eq(PracticeStatus::Published);
        let partners: Vec<(PracticeId, OrganisationId)> = practice_partners::table
            .inner_join(practices::table)
            .filter(published)
            .select((
                practice_partners::practice_id,
                practice_partners::organisation_id,
            ))
            .load(conn)?;
        let topics: Vec<(PracticeId, Topic)> = practice_topics::table
            .inner_join(practices::table)
            .filter(published)
            .select((practice_topics::practice_id, practice_topics::topic))
            .load(conn)?;
        let elements: Vec<(PracticeId, SocialInnovationElement)> = practice_elements::table
            .inner_join(practices::table)
            .filter(published)
            .select((practice_elements::practice_id, practice_elements::element))
            .load(conn)?;
        let integrations: Vec<(PracticeId, IntegrationType)> = practice_integrations::table
            .inner_join(practices::table)
            .filter(published)
            .select((
                practice_integrations::practice_id,
                practice_integrations::integration,
            ))
            .load(conn)?;

        let mut countries: Vec<String> = organisations.iter().map(|o| o.2.clone()).collect();
        countries.sort_unstable();
        countries.dedup();
        let mut languages: Vec<Language> = rows.iter().map(|row| row.6).collect();
        languages.sort_unstable();
        languages.dedup();
        let language_code = |language: Language| {
            languages.binary_search(&language).expect("collected above") as u32
        };
        let mut years: Vec<i32> = rows.iter().filter_map(|row| row.2).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();

        let organisation_code = |id: OrganisationId| {
            organisations
                .binary_search_by_key(&id, |o| o.0)
                .ok()
                .map(|code| code as u32)
        };
        let country_code = |organisation: u32| {
            let country = &organisations[organisation as usize].2;
            countries.binary_search(country).expect("collected above") as u32
        };
        let code = |index: usize| index as u32;

        let mut source = CatalogSource {
            version,
            ids: rows.iter().map(|row| row.0).collect(),
            ..CatalogSource::default()
        };
        for (position, row) in rows.iter().enumerate() {
            source.add(position, Facet::Impact, code(row.5.index()));
            source.add(position, Facet::Language, language_code(row.6));
            source.add(position, Facet::Innovation, code(row.7.index()));
            source.add(position, Facet::Governance, code(row.8.index()));
            source.leads.push(organisation_code(row.1));
            if let Some(lead) = organisation_code(row.1) {
                source.add(position, Facet::Organisation, lead);
                source.add(position, Facet::Country, country_code(lead));
                let region = organisations[lead as usize].3;
                source.add(position, Facet::Region, code(region.index()));
            }
            if let Some(year) = row.2.and_then(|y| years.iter().position(|&v| v == y)) {
                source.add(position, Facet::Year, code(year));
            }
            if let Some(award) = row.3 {
                source.add(position, Facet::Award, code(award.index()));
            }
            if row.4 {
                let distinction = Award::InnovationDistinction.index();
                source.add(position, Facet::Award, code(distinction));
            }
        }
        for (id, partner) in partners {
            if let Some(partner) = organisation_code(partner) {
                source.add_to(id, Facet::Organisation, partner);
                source.add_to(id, Facet::Country, country_code(partner));
            }
        }
        for (id, topic) in topics {
            source.add_to(id, Facet::Topic, code(topic.index()));
        }
        for (id, element) in elements {
            source.add_to(id, Facet::Element, code(element.index()));
        }
        for (id, integration) in integrations {
            source.add_to(id, Facet::Integration, code(integration.index()));
        }

        let mut newest: Vec<u32> = (0..rows.len() as u32).collect();
        newest.sort_by(|&a, &b| {
            let (a, b) = (&rows[a as usize], &rows[b as usize]);
            (b.10, b.0).cmp(&(a.10, a.0))
        });
        let titles: Vec<String> = rows.iter().map(|row| row.9.to_lowercase()).collect();
        let mut by_title: Vec<u32> = (0..rows.len() as u32).collect();
        by_title.sort_by(|&a, &b| titles[a as usize].cmp(&titles[b as usize]));

        source.newest = newest;
        source.by_title = by_title;
        source.countries = countries;
        source.languages = languages;
        source.years = years;
        source.organisations = organisations
            .into_iter()
            .map(|(id, name, country, _)| IndexedOrganisation { id, name, country })
            .collect();
        Ok(source)
    })
}

/// The list lines of these practices, in the order given; those not in `catalog` are left
/// out. Only the title and the summary are read: they come before the long texts in a row,
/// and the rest of a line is in the catalogue.
pub fn summaries(
    conn: &mut DbConnection,
    catalog: &Catalog,
    ids: &[PracticeId],
) -> QueryResult<Vec<PracticeSummary>> {
    let found: Vec<(PracticeId, String, String)> = practices::table
        .filter(practices::id.eq_any(ids))
        .select((practices::id, practices::title, practices::summary))
        .load(conn)?;
    let mut by_id: HashMap<PracticeId, (String, String)> = found
        .into_iter()
        .map(|(id, title, summary)| (id, (title, summary)))
        .collect();
    Ok(ids
        .iter()
        .filter_map(|&id| {
            let card = catalog.card(id)?;
            let (title, summary) = by_id.remove(&id)?;
            Some(PracticeSummary {
                id,
                title,
                summary,
                language: card.language,
                award: card.award,
                innovation_distinction: card.innovation_distinction,
                competition_year: card.competition_year,
                organisation_id: card.organisation.id,
                organisation_name: card.organisation.name.clone(),
                country: card.organisation.country.clone(),
            })
        })
        .collect())
}

/// A published practice with its institutions and classification.
pub fn find_published(
    conn: &mut DbConnection,
    id: PracticeId,
) -> QueryResult<Option<PracticeDetail>> {
    Ok(published_details(conn, &[id])?.pop())
}

/// Published practices with their institutions and classification, in the order of `ids`;
/// an id that is not published is left out. Five queries whatever the number of ids, so that
/// exports read 100,000 practices in chunks rather than one by one.
pub fn published_details(
    conn: &mut DbConnection,
    ids: &[PracticeId],
) -> QueryResult<Vec<PracticeDetail>> {
    // One id (a practice page) is asked with `=`: a statement of a fixed type, which diesel
    // keeps prepared between requests and finds again without writing its SQL; a list with
    // `IN (…)`, which it writes and prepares again each time.
    macro_rules! load_of_ids {
        ($query:expr, $column:expr) => {
            match ids {
                [id] => $query.filter($column.eq(*id)).load(conn)?,
                _ => $query.filter($column.eq_any(ids)).load(conn)?,
            }
        };
    }
    let found: Vec<(Practice, Organisation)> = load_of_ids!(
        practices::table
            .inner_join(org::table)
            .filter(practices::status.eq(PracticeStatus::Published))
            .select((Practice::as_select(), Organisation::as_select())),
        practices::id
    );
    let mut partners = grouped(load_of_ids!(
        practice_partners::table
            .inner_join(org::table)
            .order(org::name)
            .select((practice_partners::practice_id, Organisation::as_select())),
        practice_partners::practice_id
    ));
    let mut topics = grouped(load_of_ids!(
        practice_topics::table.select((practice_topics::practice_id, practice_topics::topic)),
        practice_topics::practice_id
    ));
    let mut elements = grouped(load_of_ids!(
        practice_elements::table
            .select((practice_elements::practice_id, practice_elements::element)),
        practice_elements::practice_id
    ));
    let mut integrations = grouped(load_of_ids!(
        practice_integrations::table.select((
            practice_integrations::practice_id,
            practice_integrations::integration,
        )),
        practice_integrations::practice_id
    ));
    let mut by_id: HashMap<PracticeId, (Practice, Organisation)> = found
        .into_iter()
        .map(|(practice, organisation)| (practice.id, (practice, organisation)))
        .collect();
    Ok(ids
        .iter()
        .filter_map(|id| {
            let (practice, organisation) = by_id.remove(id)?;
            Some(PracticeDetail {
                practice,
                organisation,
                partners: partners.remove(id).unwrap_or_default(),
                topics: in_vocabulary_order(topics.remove(id)),
                elements: in_vocabulary_order(elements.remove(id)),
                integrations: in_vocabulary_order(integrations.remove(id)),
            })
        })
        .collect())
}

/// Link rows by practice, each practice's values in the order they came.
fn grouped<T>(rows: Vec<(PracticeId, T)>) -> HashMap<PracticeId, Vec<T>> {
    let mut groups: HashMap<PracticeId, Vec<T>> = HashMap::new();
    for (id, value) in rows {
        groups.entry(id).or_default().push(value);
    }
    groups
}

fn in_vocabulary_order<T: Ord>(values: Option<Vec<T>>) -> Vec<T> {
    let mut values = values.unwrap_or_default();
    values.sort_unstable();
    values
}

/// Inserts a practice with its link rows; the caller owns the transaction.
pub fn insert(
    conn: &mut DbConnection,
    practice: &NewPractice<'_>,
    links: &PracticeLinks,
) -> QueryResult<PracticeId> {
    let id: PracticeId = diesel::insert_into(practices::table)
        .values(practice)
        .returning(practices::id)
        .get_result(conn)?;
    insert_links!(conn, practice_partners, practice_id = id, organisation_id in links.partners)?;
    insert_links!(conn, practice_topics, practice_id = id, topic in links.topics)?;
    insert_links!(conn, practice_elements, practice_id = id, element in links.elements)?;
    insert_links!(conn, practice_integrations, practice_id = id, integration in links.integrations)?;
    Ok(id)
}

/// The title of the competition a practice was awarded in: the one its entry went to, or,
/// for a practice from before the portal, its region's competition of its year.
pub fn competition_of(
    conn: &mut DbConnection,
    practice: &Practice,
    organisation: &Organisation,
) -> QueryResult<Option<String>> {
    if let Some(entry) = practice.entry_id {
        return entries::table
            .inner_join(competitions::table)
            .filter(entries::id.eq(entry))
            .select(competitions::title)
            .first(conn)
            .optional();
    }
    let Some(year) = practice.competition_year else {
        return Ok(None);
    };
    competitions::table
        .filter(competitions::cycle_year.eq(year))
        .filter(competitions::region.eq(organisation.region))
        .select(competitions::title)
        .first(conn)
        .optional()
}

/// The published practices of `region`'s competition of `year` that came from no entry of the
/// portal (practices from before it), by id.
/// The practices published after `after` and up to `until`, with when.
pub fn published_between(
    conn: &mut DbConnection,
    after: NaiveDateTime,
    until: NaiveDateTime,
) -> QueryResult<Vec<(PracticeId, NaiveDateTime)>> {
    let found: Vec<(PracticeId, Option<NaiveDateTime>)> = practices::table
        .filter(practices::status.eq(PracticeStatus::Published))
        .filter(practices::published_at.gt(after))
        .filter(practices::published_at.le(until))
        .select((practices::id, practices::published_at))
        .load(conn)?;
    Ok(found
        .into_iter()
        .filter_map(|(id, at)| Some((id, at?)))
        .collect())
}

pub fn of_regional_competition(
    conn: &mut DbConnection,
    region: Region,
    year: i32,
) -> QueryResult<Vec<PracticeId>> {
    practices::table
        .inner_join(org::table)
        .filter(org::region.eq(region))
        .filter(practices::competition_year.eq(year))
        .filter(practices::entry_id.is_null())
        .filter(practices::status.eq(PracticeStatus::Published))
        .select(practices::id)
        .order_by(practices::id)
        .load(conn)
}

/// Records that `practice` is what `entry` became.
pub fn set_entry(conn: &mut DbConnection, practice: PracticeId, entry: EntryId) -> QueryResult<()> {
    diesel::update(practices::table.find(practice))
        .set(practices::entry_id.eq(entry))
        .execute(conn)
        .map(drop)
}
