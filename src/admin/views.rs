//! The secretariat's start page as its template reads it.

use askama::Template;

use crate::accounts::session::Layout;

pub struct QueueCount {
    /// A message key.
    pub label: &'static str,
    pub url: &'static str,
    pub count: i64,
}

#[derive(Template)]
#[template(path = "admin/home.html")]
pub struct SecretariatHome {
    pub layout: Layout,
    pub queues: Vec<QueueCount>,
}
