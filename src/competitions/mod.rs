//! Competitions: the regional calls that entries are submitted to.

pub mod repository;

use chrono::{NaiveDateTime, SecondsFormat};
use diesel::prelude::*;

use crate::ids::CompetitionId;
use crate::schema::competitions;
use crate::taxonomy::{vocabulary, Region};

vocabulary! {
    /// The phases of a competition, in the one order they move through.
    Phase {
        Draft => ("draft", "In preparation"),
        Open => ("open", "Open for entries"),
        Screening => ("screening", "Screening"),
        Review => ("review", "Jury review"),
        Deliberation => ("deliberation", "Deliberation"),
        Published => ("published", "Results published"),
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = competitions, check_for_backend(diesel::sqlite::Sqlite))]
pub struct Competition {
    pub id: CompetitionId,
    pub region: Region,
    pub cycle_year: i32,
    pub title: String,
    pub phase: Phase,
    pub opens_at: NaiveDateTime,
    /// UTC, like every time in the database.
    pub submission_deadline: NaiveDateTime,
}

impl Competition {
    /// Whether new entries may be submitted at `now`.
    pub fn accepts_entries_at(&self, now: NaiveDateTime) -> bool {
        self.phase == Phase::Open && self.opens_at <= now && now < self.submission_deadline
    }

    /// Whether an entry the secretariat returned for completion may come back at `now`:
    /// until screening ends, even after the deadline.
    pub fn accepts_returned_entries(&self) -> bool {
        matches!(self.phase, Phase::Open | Phase::Screening)
    }

    /// The deadline as an ISO 8601 UTC instant, for `<time datetime>`.
    pub fn deadline_iso(&self) -> String {
        self.submission_deadline
            .and_utc()
            .to_rfc3339_opts(SecondsFormat::Secs, true)
    }

    /// The deadline for people, in UTC; a script shows it in the reader's own time zone.
    pub fn deadline_display(&self) -> String {
        self.submission_deadline
            .format("%-d %B %Y, %H:%M UTC")
            .to_string()
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = competitions)]
pub struct NewCompetition<'a> {
    pub region: Region,
    pub cycle_year: i32,
    pub title: &'a str,
    pub phase: Phase,
    pub opens_at: NaiveDateTime,
    pub submission_deadline: NaiveDateTime,
}
