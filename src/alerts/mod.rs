//! Alerts: anyone may follow a search of the public database by e-mail, without an account.
//! The address confirms it first (double opt-in); then, at most weekly, a digest of the
//! practices published since the last one that the search finds, in the language the alert
//! was asked in, each message with a way out in one click (RFC 8058). Digests go through the
//! outbox, and the alert's `covered_until` moves in the same transaction, so that no practice
//! is told twice, whatever restarts and however many portal processes look.

pub mod digests;
pub mod public_pages;
mod repository;
pub mod service;
mod views;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::languages::Lang;
use crate::practices::facets::BrowseQuery;
use crate::schema::alerts;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = alerts, check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
pub struct Alert {
    pub id: i32,
    pub email: String,
    pub language: Lang,
    /// The query string of `/practices` the alert follows.
    pub query: String,
    pub token: String,
    pub asked_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
    pub covered_until: Option<NaiveDateTime>,
}

impl Alert {
    pub fn search(&self) -> BrowseQuery {
        BrowseQuery::parse(&self.query)
    }
}

/// The shortest time between two digests of an alert.
pub const DIGEST_INTERVAL: Duration = Duration::days(7);
/// How long a confirmation link works; an alert not confirmed by then is forgotten.
pub const CONFIRMATION_LIFETIME: Duration = Duration::days(7);
/// How often the portal looks for alerts whose digest is due, unless told otherwise.
pub const DEFAULT_CHECK: std::time::Duration = std::time::Duration::from_secs(3600);
