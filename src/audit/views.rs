//! The audit log as its page reads it.

use askama::Template;

use super::Recorded;
use crate::accounts::session::Layout;
use crate::pagination::Paged;

#[derive(Template)]
#[template(path = "admin/audit.html")]
pub struct AuditPage {
    pub layout: Layout,
    pub records: Paged<Recorded>,
}
