//! Page numbers for any long list: which page is shown and the links around it.

use actix_web::HttpRequest;
use diesel::QueryResult;

use crate::db::DbConnection;

use crate::db::{self, DbPool};
use crate::error::AppError;

pub const PAGE_SIZE: usize = 25;

pub struct PageLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
    /// A gap in the page numbers comes before this link.
    pub gap_before: bool,
}

pub struct Pagination {
    pub page: usize,
    pub page_count: usize,
    pub previous_url: Option<String>,
    pub next_url: Option<String>,
    pub links: Vec<PageLink>,
}

impl Pagination {
    /// `requested` is clamped to the pages that exist; `url` gives the address of a page.
    pub fn new(requested: usize, total: usize, url: impl Fn(usize) -> String) -> Self {
        let page_count = total.div_ceil(PAGE_SIZE).max(1);
        let page = requested.clamp(1, page_count);
        let mut numbers: Vec<usize> = [1, page_count]
            .into_iter()
            .chain(page.saturating_sub(2).max(1)..=(page + 2).min(page_count))
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        let links = numbers
            .iter()
            .enumerate()
            .map(|(i, &number)| PageLink {
                number,
                url: url(number),
                current: number == page,
                gap_before: i > 0 && numbers[i - 1] + 1 != number,
            })
            .collect();
        Pagination {
            page,
            page_count,
            previous_url: (page > 1).then(|| url(page - 1)),
            next_url: (page < page_count).then(|| url(page + 1)),
            links,
        }
    }

    /// The slice of a result list this page shows.
    pub fn window<'a, T>(&self, all: &'a [T]) -> &'a [T] {
        let start = self.offset().min(all.len());
        &all[start..(start + PAGE_SIZE).min(all.len())]
    }

    /// How many rows come before this page, for a query with OFFSET.
    pub fn offset(&self) -> usize {
        (self.page - 1) * PAGE_SIZE
    }

    /// The number of the page's first row, counted from one.
    pub fn first_shown(&self) -> usize {
        self.offset() + 1
    }
}

/// One page of a long list kept in the database.
pub struct Paged<T> {
    pub total: usize,
    pub rows: Vec<T>,
    pub pagination: Pagination,
}

impl<T> Paged<T> {
    /// `load(offset, limit)` fetches the rows of the page that `requested` comes to.
    pub fn load<E>(
        requested: usize,
        total: i64,
        url: impl Fn(usize) -> String,
        load: impl FnOnce(i64, i64) -> Result<Vec<T>, E>,
    ) -> Result<Paged<T>, E> {
        let total = usize::try_from(total).unwrap_or(0);
        let pagination = Pagination::new(requested, total, url);
        let offset = i64::try_from(pagination.offset()).unwrap_or(i64::MAX);
        let rows = load(offset, PAGE_SIZE as i64)?;
        Ok(Paged {
            total,
            rows,
            pagination,
        })
    }
}

impl<T: Send + 'static> Paged<T> {
    /// Loads the page a request asks for (`?page=N`) of a list kept in the database; the
    /// page links keep the request's path.
    pub async fn fetch(
        pool: &DbPool,
        req: &HttpRequest,
        count: fn(&mut DbConnection) -> QueryResult<i64>,
        rows: fn(&mut DbConnection, i64, i64) -> QueryResult<Vec<T>>,
    ) -> Result<Paged<T>, AppError> {
        let requested = requested_page(req.query_string());
        let path = req.path().to_owned();
        db::run(pool, move |conn| {
            let total = count(conn)?;
            Ok(Paged::load(
                requested,
                total,
                |page| format!("{path}?page={page}"),
                |offset, limit| rows(conn, offset, limit),
            )?)
        })
        .await
    }
}

/// The `page` parameter of a query string; anything unreadable is the first page.
pub fn requested_page(query_string: &str) -> usize {
    crate::paths::query_value(query_string, "page")
        .and_then(|value| value.parse().ok())
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_url(page: usize) -> String {
        format!("/list?page={page}")
    }

    #[test]
    fn pagination_shows_ends_and_neighbours() {
        let pagination = Pagination::new(10, PAGE_SIZE * 20, page_url);
        let numbers: Vec<usize> = pagination.links.iter().map(|l| l.number).collect();
        assert_eq!(numbers, vec![1, 8, 9, 10, 11, 12, 20]);
        assert!(pagination.links[1].gap_before);
        assert!(!pagination.links[2].gap_before);
        assert_eq!(pagination.previous_url.as_deref(), Some("/list?page=9"));
    }

    #[test]
    fn a_page_past_the_end_shows_the_last_page() {
        let pagination = Pagination::new(99, 30, page_url);
        assert_eq!(pagination.page, 2);
        assert_eq!(pagination.window(&[0; 30]).len(), 5);
        assert!(pagination.next_url.is_none());
        assert_eq!(Pagination::new(0, 30, page_url).page, 1);
    }

    #[test]
    fn the_page_parameter_is_read_leniently() {
        assert_eq!(requested_page("page=3&x=1"), 3);
        assert_eq!(requested_page("page=-3"), 1);
        assert_eq!(requested_page(""), 1);
    }
}
