//! The public pages as plain functions of a connection and the catalogue: no HTTP here.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::catalog::{Catalog, ResultSet};
use super::citation::Citation;
use super::facets::{BrowseQuery, Facet, Sort};
use super::repository;
use super::translations;
use super::views::{
    BrowsePage, DetailPage, FilterLink, HomePage, ListItem, OrganisationPage, Versions,
};
use crate::accounts::session::Layout;
use crate::db::DbConnection;
use crate::error::AppError;
use crate::ids::DocumentId;
use crate::ids::{OrganisationId, PracticeId};
use crate::languages::Message;
use crate::organisations;
use crate::pagination::Pagination;
use crate::paths;
use crate::submissions::{self, documents::Document, views::DocumentRow};
use crate::taxonomy::{Award, Region, Term, Topic};

const WINNERS_ON_HOME: usize = 6;
const RELATED_PRACTICES: usize = 4;

/// The practices a query matches, in its order, with the facet counts: from the catalogue,
/// with full-text search when the query has text. Every page and export that takes the
/// filters of `/practices` starts here, so that they all count the same practices.
pub fn matching(catalog: &Catalog, query: &BrowseQuery) -> Result<Arc<ResultSet>, AppError> {
    catalog.result(query, || -> Result<_, AppError> {
        if query.text.is_empty() {
            return Ok(None);
        }
        let ranked = query.sort == Sort::Relevance;
        // Text with nothing searchable in it (only punctuation, say) finds nothing.
        Ok(Some(
            catalog
                .search()
                .find(&query.text, ranked, query.exact)?
                .unwrap_or_default(),
        ))
    })
}

/// Filters, searches, counts and loads one page of the list.
pub fn browse(
    conn: &mut DbConnection,
    catalog: &Catalog,
    query: &BrowseQuery,
    layout: Layout,
) -> Result<BrowsePage, AppError> {
    let result = matching(catalog, query)?;
    let pagination = Pagination::new(query.page, result.practices.len(), |page| {
        query.with_page(page).url()
    });
    let ids = pagination.window(&result.practices);
    let snippets = if query.text.is_empty() || ids.is_empty() {
        HashMap::new()
    } else {
        let searched = result.corrected.as_deref().unwrap_or(&query.text);
        let written_in: Vec<_> = ids
            .iter()
            .filter_map(|&id| Some((id, catalog.card(id)?.language)))
            .collect();
        catalog.search().snippets(conn, searched, &written_in)?
    };
    let items = ListItem::list(repository::summaries(conn, catalog, ids)?, snippets);
    Ok(BrowsePage::new(
        layout, query, catalog, &result, pagination, items,
    ))
}

/// The result of a query that has no search text (its filters still apply).
fn without_text(catalog: &Catalog, query: &BrowseQuery) -> Result<Arc<ResultSet>, AppError> {
    catalog.result(query, || Ok(None))
}

pub fn home(
    conn: &mut DbConnection,
    catalog: &Catalog,
    layout: Layout,
) -> Result<HomePage, AppError> {
    let everything = without_text(catalog, &BrowseQuery::parse(""))?;
    let winners_query = BrowseQuery::parse(&format!(
        "award={}&sort={}",
        Award::GoodPracticeAward.slug(),
        Sort::Newest.param()
    ));
    let winners = without_text(catalog, &winners_query)?;
    let winner_ids = &winners.practices[..winners.practices.len().min(WINNERS_ON_HOME)];
    let distinct = |facet: Facet| {
        everything.counts[facet.index()]
            .iter()
            .filter(|&&count| count > 0)
            .count()
    };
    fn counted<T: Term>(facet: Facet, counts: &[u32]) -> Vec<FilterLink> {
        T::ALL
            .iter()
            .zip(counts)
            .map(|(&term, &count)| FilterLink {
                count: Some(count),
                ..FilterLink::to(facet, term)
            })
            .collect()
    }
    let stats = Message::new("home-stats")
        .with("practices", catalog.len())
        .with("institutions", distinct(Facet::Organisation))
        .with("countries", distinct(Facet::Country));
    Ok(HomePage {
        stats: layout.message(&stats),
        layout,
        winners: ListItem::list(
            repository::summaries(conn, catalog, winner_ids)?,
            HashMap::new(),
        ),
        regions: counted::<Region>(Facet::Region, &everything.counts[Facet::Region.index()]),
        topics: counted::<Topic>(Facet::Topic, &everything.counts[Facet::Topic.index()]),
    })
}

/// A published practice's page, in the version `version` asks for (`?version=`) or else the
/// reader's; `public_url` and `today` make its citation.
pub fn practice(
    conn: &mut DbConnection,
    catalog: &Catalog,
    (id, version): (PracticeId, Option<&str>),
    layout: Layout,
    public_url: &str,
    today: NaiveDate,
) -> Result<DetailPage, AppError> {
    let detail = repository::find_published(conn, id)?.ok_or(AppError::NotFound)?;
    let versions = Versions::choose(translations::of_practice(conn, id)?, version, layout.lang);
    let citation = Citation::of(&detail, public_url, today);
    let related_ids = catalog.related(id, RELATED_PRACTICES);
    let related = ListItem::list(
        repository::summaries(conn, catalog, &related_ids)?,
        HashMap::new(),
    );
    let documents = match detail.practice.entry_id {
        Some(entry) => DocumentRow::linked(
            &submissions::repository::documents_of(conn, entry)?,
            |document| paths::practice_document(id, document.id),
        ),
        None => Vec::new(),
    };
    Ok(DetailPage::new(
        layout, detail, related, documents, &citation, versions,
    ))
}

/// A published practice's citation.
pub fn citation(
    conn: &mut DbConnection,
    id: PracticeId,
    public_url: &str,
    today: NaiveDate,
) -> Result<Citation, AppError> {
    let detail = repository::find_published(conn, id)?.ok_or(AppError::NotFound)?;
    Ok(Citation::of(&detail, public_url, today))
}

/// A document of the entry a published practice came from: public with the practice.
pub fn document(
    conn: &mut DbConnection,
    id: PracticeId,
    document: DocumentId,
) -> Result<Document, AppError> {
    let entry = repository::find_published(conn, id)?
        .and_then(|detail| detail.practice.entry_id)
        .ok_or(AppError::NotFound)?;
    submissions::repository::find_document(conn, entry, document)?.ok_or(AppError::NotFound)
}

pub fn organisation(
    conn: &mut DbConnection,
    catalog: &Catalog,
    id: OrganisationId,
    page: usize,
    layout: Layout,
) -> Result<OrganisationPage, AppError> {
    let organisation = organisations::repository::find(conn, id)?
        .filter(|organisation| organisation.approved)
        .ok_or(AppError::NotFound)?;
    let query = BrowseQuery {
        sort: Sort::Newest,
        ..BrowseQuery::filtered_by(Facet::Organisation, &id.to_string())
    }
    .with_page(page);
    let result = without_text(catalog, &query)?;
    let pagination = Pagination::new(query.page, result.practices.len(), |page| {
        format!("{}?page={page}", paths::organisation(id))
    });
    let summaries = repository::summaries(conn, catalog, pagination.window(&result.practices))?;
    let region = organisation.region;
    Ok(OrganisationPage {
        layout,
        region: FilterLink::to(Facet::Region, region),
        browse_url: query.with_page(1).url(),
        total: result.practices.len(),
        items: ListItem::list(summaries, HashMap::new()),
        pagination,
        organisation,
    })
}
