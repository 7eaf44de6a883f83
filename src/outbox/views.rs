//! The e-mail outbox as its page reads it.

use askama::Template;

use super::Message;
use crate::accounts::session::Layout;
use crate::pagination::Paged;

#[derive(Template)]
#[template(path = "admin/outbox.html")]
pub struct OutboxPage {
    pub layout: Layout,
    pub sending: bool,
    pub messages: Paged<Message>,
}
