//! The digests: a thread looks now and then for confirmed alerts whose last digest is a
//! `DIGEST_INTERVAL` old, and queues for each the practices published since that its search
//! finds, newest first. An alert with no news is looked at again a week later.

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{Duration, NaiveDateTime, Utc};

use super::service::{in_words, link};
use super::{repository, Alert, CONFIRMATION_LIFETIME, DIGEST_INTERVAL};
use crate::background::Background;
use crate::db::{write_transaction, DbConnection, DbPool};
use crate::error::AppError;
use crate::ids::PracticeId;
use crate::languages::Message;
use crate::organisations::named_with_country;
use crate::outbox::{self, Addressee};
use crate::paths;
use crate::practices::catalog::Catalog;
use crate::practices::facets::{BrowseQuery, Sort};
use crate::practices::service::matching;
use crate::practices::{repository as practices, CatalogStore};

/// Practices listed in one digest; the rest are behind the link to the list.
const LISTED: usize = 20;
/// A digest tells of practices published up to this long before it is made, so that one
/// being published while the digest is made is told next time rather than never.
const SETTLING: Duration = Duration::minutes(5);

/// Starts the thread that looks for due digests every `every`, at once first.
pub fn start(
    pool: DbPool,
    catalog: Arc<CatalogStore>,
    public_url: String,
    every: std::time::Duration,
    background: &Arc<Background>,
) -> Result<(), AppError> {
    background.spawn("alert-digests", move |background| loop {
        let queued = pool.get().map_err(AppError::from).and_then(|mut conn| {
            let catalog = catalog.fresh(&mut conn)?;
            queue_due(&mut conn, &catalog, &public_url, Utc::now().naive_utc())
        });
        match queued {
            Ok(0) => {}
            Ok(digests) => tracing::info!(digests, "alert digests queued"),
            Err(error) => tracing::warn!(%error, "the alert digests could not be made"),
        }
        if background.rest(every) {
            break;
        }
    })
}

/// Queues the digests due at `now`; returns how many. Forgets alerts never confirmed.
pub fn queue_due(
    conn: &mut DbConnection,
    catalog: &Catalog,
    public_url: &str,
    now: NaiveDateTime,
) -> Result<usize, AppError> {
    repository::forget_unconfirmed(conn, now - CONFIRMATION_LIFETIME)?;
    let until = now - SETTLING;
    let due = repository::due(conn, until - DIGEST_INTERVAL)?;
    let Some(earliest) = due.iter().filter_map(|alert| alert.covered_until).min() else {
        return Ok(0);
    };
    let published = practices::published_between(conn, earliest, until)?;
    let mut queued = 0;
    for alert in due {
        let Some(from) = alert.covered_until else {
            continue;
        };
        let news: HashSet<PracticeId> = published
            .iter()
            .filter(|(_, at)| *at > from)
            .map(|(id, _)| *id)
            .collect();
        let found = news_found(catalog, &alert, &news)?;
        let digest = write_transaction(conn, |conn| -> Result<bool, AppError> {
            // Another process may have made this digest since the alert was read.
            if !repository::cover(conn, alert.id, from, until)? || found.is_empty() {
                return Ok(false);
            }
            let mail = digest(conn, catalog, &alert, &found, (from, public_url))?;
            let unsubscribe = link(public_url, &paths::alert_end(&alert.token), alert.language);
            let to = Addressee {
                email: &alert.email,
                lang: alert.language,
                unsubscribe_url: Some(&unsubscribe),
            };
            outbox::queue_to(conn, &to, &mail)?;
            Ok(true)
        })?;
        queued += usize::from(digest);
    }
    Ok(queued)
}

/// The practices among `news` the alert's search finds, newest first.
fn news_found(
    catalog: &Catalog,
    alert: &Alert,
    news: &HashSet<PracticeId>,
) -> Result<Vec<PracticeId>, AppError> {
    if news.is_empty() {
        return Ok(Vec::new());
    }
    let newest_first = BrowseQuery {
        sort: Sort::Newest,
        ..alert.search()
    };
    Ok(matching(catalog, &newest_first)?
        .practices
        .iter()
        .filter(|id| news.contains(id))
        .copied()
        .collect())
}

fn digest(
    conn: &mut DbConnection,
    catalog: &Catalog,
    alert: &Alert,
    found: &[PracticeId],
    (since, public_url): (NaiveDateTime, &str),
) -> Result<Message, AppError> {
    let lang = alert.language;
    let listed = practices::summaries(conn, catalog, &found[..found.len().min(LISTED)])?;
    let list: Vec<String> = listed
        .iter()
        .map(|practice| {
            format!(
                "• {} — {}\n  {public_url}{}",
                practice.title,
                named_with_country(&practice.organisation_name, &practice.country, lang),
                paths::practice(practice.id)
            )
        })
        .collect();
    let search = alert.search();
    let whole_list = BrowseQuery {
        sort: Sort::Newest,
        ..search.clone()
    }
    .url();
    Ok(Message::new("mail-alert-digest")
        .with("count", found.len())
        .with("more", found.len() - listed.len())
        .with("scope", in_words(&search, catalog, lang))
        .with("since", lang.date(&since))
        .with("practices", list.join("\n\n"))
        .with("list", format!("{public_url}{whole_list}"))
        .with(
            "unsubscribe",
            link(public_url, &paths::alert_end(&alert.token), lang),
        ))
}
