//! The read-only JSON API: `/api/v1/practices` (the filters of `/practices`, paginated) and
//! `/api/v1/practices/{id}`.

use serde::Serialize;

use super::records::PracticeRecord;

/// One page of a filtered list.
#[derive(Debug, Serialize)]
pub struct ApiPage {
    /// Practices matching the filters, on all pages.
    pub total: usize,
    pub page: usize,
    pub page_size: usize,
    pub page_count: usize,
    /// Absolute URLs of the neighbouring pages, when there are any.
    pub previous: Option<String>,
    pub next: Option<String>,
    pub items: Vec<PracticeRecord>,
}
