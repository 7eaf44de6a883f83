//! The pages of alerts.

use askama::Template;

use super::Alert;
use crate::accounts::session::Layout;
use crate::forms::FieldErrors;
use crate::languages::key;
use crate::paths;
use crate::practices::facets::BrowseQuery;

/// The form that follows a search: which search, in words, and the address to send to.
#[derive(Template)]
#[template(path = "alerts/new.html")]
pub struct NewAlertPage {
    pub layout: Layout,
    pub scope: String,
    /// The followed search as the query string of the list, sent back with the address.
    pub search: String,
    pub list_url: String,
    pub email: String,
    pub errors: FieldErrors,
    /// The link was sent: the page says so instead of showing the form again.
    pub sent: bool,
}

impl NewAlertPage {
    pub fn new(layout: Layout, search: &BrowseQuery, scope: String) -> NewAlertPage {
        NewAlertPage {
            layout,
            scope,
            search: super::service::followed(search),
            list_url: search.with_page(1).url(),
            email: String::new(),
            errors: FieldErrors::default(),
            sent: false,
        }
    }
}

/// What the link of an e-mail leads to: the alert, and the one thing to do with it (a button,
/// so that a mail program that opens links to scan them changes nothing), or what was done.
#[derive(Template)]
#[template(path = "alerts/link.html")]
pub struct AlertLinkPage {
    pub layout: Layout,
    pub heading: &'static str,
    /// Says what the alert sends, or what became of it; takes `scope` and `email`.
    pub text: &'static str,
    pub scope: String,
    pub email: String,
    /// Where the button posts, and what it says.
    pub action: Option<(String, &'static str)>,
    /// Links on: to the list the alert follows, and to ending or following it again.
    pub list_url: String,
    pub next: Option<(String, &'static str)>,
}

impl AlertLinkPage {
    pub fn to_confirm(layout: Layout, alert: &Alert, scope: String) -> AlertLinkPage {
        AlertLinkPage {
            text: key!("alert-confirm-text"),
            action: Some((
                paths::alert_confirm(&alert.token),
                key!("alert-confirm-button"),
            )),
            ..AlertLinkPage::of(layout, alert, scope, key!("alert-confirm-heading"))
        }
    }

    pub fn confirmed(layout: Layout, alert: &Alert, scope: String) -> AlertLinkPage {
        AlertLinkPage {
            next: Some((paths::alert_end(&alert.token), key!("alert-end-link"))),
            ..AlertLinkPage::of(layout, alert, scope, key!("alert-confirmed-heading"))
        }
    }

    pub fn to_end(layout: Layout, alert: &Alert, scope: String) -> AlertLinkPage {
        AlertLinkPage {
            action: Some((paths::alert_end(&alert.token), key!("alert-end-button"))),
            ..AlertLinkPage::of(layout, alert, scope, key!("alert-end-heading"))
        }
    }

    pub fn ended(layout: Layout, alert: &Alert, scope: String) -> AlertLinkPage {
        AlertLinkPage {
            text: key!("alert-ended-text"),
            next: Some((
                alert.search().url_on(paths::NEW_ALERT),
                key!("alert-follow-again"),
            )),
            ..AlertLinkPage::of(layout, alert, scope, key!("alert-ended-heading"))
        }
    }

    fn of(layout: Layout, alert: &Alert, scope: String, heading: &'static str) -> AlertLinkPage {
        AlertLinkPage {
            layout,
            heading,
            text: key!("alert-sends-text"),
            scope,
            email: alert.email.clone(),
            action: None,
            list_url: alert.search().url(),
            next: None,
        }
    }
}
