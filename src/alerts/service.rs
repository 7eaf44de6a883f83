//! Asking for, confirming and ending an alert, as plain functions of a connection: no HTTP here.

use chrono::{Duration, NaiveDateTime};

use super::repository::{self, NewAlert};
use super::{Alert, CONFIRMATION_LIFETIME};
use crate::accounts::normalise_email;
use crate::accounts::service::email_problem;
use crate::db::{write_transaction, DbConnection};
use crate::error::AppError;
use crate::forms::FormError;
use crate::languages::{Lang, Message};
use crate::outbox::{self, Addressee};
use crate::paths;
use crate::practices::catalog::Catalog;
use crate::practices::facets::{BrowseQuery, Sort};
use crate::practices::views::{FilterScope, View};

/// A confirmation link asked for again within this time is not sent again.
const ASK_AGAIN_AFTER: Duration = Duration::minutes(10);
/// Alerts an address may have waiting for confirmation: the form cannot be used to flood
/// someone else's mailbox.
const MAX_UNCONFIRMED: i64 = 5;

/// What the form asks: follow `search` at `email`, in `lang`.
pub struct Request<'a> {
    pub email: &'a str,
    pub search: &'a BrowseQuery,
    pub lang: Lang,
}

/// What an alert follows, as stored: the list's search and filters, not its sort or page.
pub fn followed(search: &BrowseQuery) -> String {
    BrowseQuery {
        sort: Sort::default(),
        page: 1,
        ..search.clone()
    }
    .to_query_string()
}

/// The search and filters in words (`“pension”, Europe`), or the words for everything.
pub fn in_words(search: &BrowseQuery, catalog: &Catalog, lang: Lang) -> String {
    FilterScope::new(search, catalog, View::List, lang)
        .in_words
        .unwrap_or_else(|| lang.t("alert-every-practice"))
}

/// Records the alert and e-mails its confirmation link. The answer is the same whether the
/// address already follows the search, was sent a link minutes ago, or has too many alerts
/// waiting: the form tells nobody what an address follows.
pub fn ask(
    conn: &mut DbConnection,
    catalog: &Catalog,
    request: &Request<'_>,
    public_url: &str,
    now: NaiveDateTime,
) -> Result<(), FormError> {
    let email = normalise_email(request.email);
    if let Some(problem) = email_problem(&email) {
        return Err(FormError::invalid("email", problem));
    }
    let query = followed(request.search);
    write_transaction(conn, |conn| {
        let token = match repository::by_search(conn, &email, &query)? {
            Some(alert) if alert.confirmed_at.is_some() => return Ok(()),
            Some(alert) if alert.asked_at > now - ASK_AGAIN_AFTER => return Ok(()),
            Some(alert) => {
                repository::asked_again(conn, alert.id, now)?;
                alert.token
            }
            None if repository::unconfirmed(conn, &email)? >= MAX_UNCONFIRMED => return Ok(()),
            None => {
                let token = crate::secrets::random_token();
                repository::insert(
                    conn,
                    &NewAlert {
                        email: &email,
                        language: request.lang,
                        query: &query,
                        token: &token,
                        asked_at: now,
                    },
                )?;
                token
            }
        };
        let mail = Message::new("mail-alert-confirm")
            .with("scope", in_words(request.search, catalog, request.lang))
            .with(
                "link",
                link(public_url, &paths::alert_confirm(&token), request.lang),
            );
        let to = Addressee {
            email: &email,
            lang: request.lang,
            unsubscribe_url: None,
        };
        Ok(outbox::queue_to(conn, &to, &mail)?)
    })
}

/// The absolute address of `path` in `lang`: the links of an alert's e-mails open its pages
/// in the language it was asked in.
pub fn link(public_url: &str, path: &str, lang: Lang) -> String {
    format!(
        "{public_url}{}",
        crate::languages::negotiation::link_in(path, lang)
    )
}

/// The alert of a link; a confirmation link past its time leads nowhere.
pub fn of_link(
    conn: &mut DbConnection,
    token: &str,
    now: NaiveDateTime,
) -> Result<Alert, AppError> {
    match repository::by_token(conn, token)? {
        Some(alert)
            if alert.confirmed_at.is_some() || alert.asked_at > now - CONFIRMATION_LIFETIME =>
        {
            Ok(alert)
        }
        _ => Err(AppError::NotFound),
    }
}

/// Confirms the alert of the link (again, harmlessly, when it is confirmed already).
pub fn confirm(
    conn: &mut DbConnection,
    token: &str,
    now: NaiveDateTime,
) -> Result<Alert, AppError> {
    write_transaction(conn, |conn| {
        let alert = of_link(conn, token, now)?;
        repository::confirm(conn, alert.id, now)?;
        Ok(alert)
    })
}

/// Ends the alert of the link.
pub fn end(conn: &mut DbConnection, token: &str, now: NaiveDateTime) -> Result<Alert, AppError> {
    write_transaction(conn, |conn| {
        let alert = of_link(conn, token, now)?;
        repository::delete(conn, alert.id)?;
        Ok(alert)
    })
}
