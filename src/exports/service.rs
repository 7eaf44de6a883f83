//! The exports as plain functions of a connection and the catalogue: no HTTP here.

use crate::db::DbConnection;

use super::api::ApiPage;
use super::atom::{self, FeedAddress, FEED_ENTRIES};
use super::records::{PracticeDocument, PracticeRecord};
use crate::error::AppError;
use crate::ids::PracticeId;
use crate::languages::Lang;
use crate::pagination::PAGE_SIZE;
use crate::paths;
use crate::practices::catalog::Catalog;
use crate::practices::facets::{BrowseQuery, Sort};
use crate::practices::service::matching;
use crate::practices::views::{FilterScope, View};
use crate::practices::{repository, translations};

/// The records of these practices, in this order; unpublished ones are left out.
pub fn records(
    conn: &mut DbConnection,
    ids: &[PracticeId],
    public_url: &str,
) -> Result<Vec<PracticeRecord>, AppError> {
    Ok(repository::published_details(conn, ids)?
        .into_iter()
        .map(|detail| PracticeRecord::new(detail, public_url))
        .collect())
}

/// The Atom feed of the list `query` selects: its newest practices, whatever the list's sort.
pub fn feed(
    conn: &mut DbConnection,
    catalog: &Catalog,
    query: &BrowseQuery,
    public_url: &str,
    lang: Lang,
) -> Result<Vec<u8>, AppError> {
    let newest_first = BrowseQuery {
        sort: Sort::Newest,
        ..query.with_page(1)
    };
    let result = matching(catalog, &newest_first)?;
    let newest = &result.practices[..result.practices.len().min(FEED_ENTRIES)];
    let scope = FilterScope::new(query, catalog, View::List, lang);
    let address = FeedAddress {
        title: scope.title(&lang.t("feed-title")),
        feed_url: format!("{public_url}{}", scope.links.atom),
        list_url: format!("{public_url}{}", scope.links.list),
    };
    atom::write(address, records(conn, newest, public_url)?, lang)
}

/// One page of the list `query` selects, for the API. A page past the end is empty rather
/// than the last page, so that a client paging on never sees a practice twice.
pub fn api_page(
    conn: &mut DbConnection,
    catalog: &Catalog,
    query: &BrowseQuery,
    public_url: &str,
) -> Result<ApiPage, AppError> {
    let result = matching(catalog, query)?;
    let total = result.practices.len();
    let page_count = total.div_ceil(PAGE_SIZE);
    let start = (query.page - 1).saturating_mul(PAGE_SIZE).min(total);
    let ids = &result.practices[start..(start + PAGE_SIZE).min(total)];
    let link = |page: usize| {
        format!(
            "{public_url}{}",
            query.with_page(page).url_on(paths::API_PRACTICES)
        )
    };
    Ok(ApiPage {
        total,
        page: query.page,
        page_size: PAGE_SIZE,
        page_count,
        previous: (query.page > 1).then(|| link((query.page - 1).min(page_count.max(1)))),
        next: (query.page < page_count).then(|| link(query.page + 1)),
        items: records(conn, ids, public_url)?,
    })
}

pub fn api_document(
    conn: &mut DbConnection,
    id: PracticeId,
    public_url: &str,
) -> Result<PracticeDocument, AppError> {
    let detail = repository::find_published(conn, id)?.ok_or(AppError::NotFound)?;
    let translations = translations::of_practice(conn, id)?;
    Ok(PracticeDocument::new(detail, translations, public_url))
}
