//! Competitions: the regional calls that entries are submitted to.

pub mod form;
pub mod public_pages;
pub mod repository;
pub mod rules;
pub mod secretariat_pages;
pub mod service;
mod views;

use chrono::{NaiveDateTime, SecondsFormat};
use diesel::prelude::*;

use crate::ids::CompetitionId;
use crate::schema::competitions;
use crate::taxonomy::{vocabulary, Region};

vocabulary! {
    /// The phases of a competition, in the one order they move through.
    Phase in "phase" {
        Draft => "draft",
        Open => "open",
        Screening => "screening",
        Review => "review",
        Deliberation => "deliberation",
        Published => "published",
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = competitions, check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
pub struct Competition {
    pub id: CompetitionId,
    pub region: Region,
    pub cycle_year: i32,
    pub title: String,
    pub phase: Phase,
    pub opens_at: NaiveDateTime,
    /// UTC, like every time in the database.
    pub submission_deadline: NaiveDateTime,
    pub call_text: String,
    pub review_deadline: Option<NaiveDateTime>,
    pub results_at: Option<NaiveDateTime>,
    pub scale_min: i32,
    pub scale_max: i32,
    pub jurors_per_entry: i32,
    /// Jurors do not see the institution and country of entries.
    pub blind: bool,
    /// A juror is conflicted with every entry from their own country.
    pub country_conflicts: bool,
    /// When the jury's comments for the institutions were released to them.
    pub feedback_released_at: Option<NaiveDateTime>,
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

    /// Whether jurors may score its entries now: during the review only.
    pub fn takes_reviews(&self) -> bool {
        self.phase == Phase::Review
    }

    /// Whether a juror may still declare a conflict and step back from an entry: until the
    /// jury deliberates, after which the reviews are what they are.
    pub fn takes_conflict_declarations(&self) -> bool {
        self.phase < Phase::Deliberation
    }

    /// The deadline as an ISO 8601 UTC instant, for `<time datetime>`.
    pub fn deadline_iso(&self) -> String {
        self.submission_deadline
            .and_utc()
            .to_rfc3339_opts(SecondsFormat::Secs, true)
    }

    /// The deadline for people, in UTC; a script shows it in the reader's own time zone.
    pub fn deadline_display(&self, lang: crate::languages::Lang) -> String {
        crate::languages::dates::long(&self.submission_deadline, lang)
    }
}

impl Phase {
    /// The phase after this one, in the one order phases move.
    pub fn next(self) -> Option<Phase> {
        Phase::ALL.get(self.index() + 1).copied()
    }

    pub fn previous(self) -> Option<Phase> {
        self.index().checked_sub(1).map(|i| Phase::ALL[i])
    }
}

/// The settings the secretariat writes: everything but the phase.
#[derive(Debug, Clone, PartialEq, Insertable, AsChangeset)]
#[diesel(table_name = competitions, treat_none_as_null = true)]
pub struct CompetitionSettings {
    pub region: Region,
    pub cycle_year: i32,
    pub title: String,
    pub call_text: String,
    pub opens_at: NaiveDateTime,
    pub submission_deadline: NaiveDateTime,
    pub review_deadline: Option<NaiveDateTime>,
    pub results_at: Option<NaiveDateTime>,
    pub scale_min: i32,
    pub scale_max: i32,
    pub jurors_per_entry: i32,
    pub blind: bool,
    pub country_conflicts: bool,
}

/// A criterion of judgement, with its weight in the total.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = crate::schema::criteria, check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
pub struct Criterion {
    pub id: i32,
    pub name: String,
    pub description: String,
    pub weight: f64,
}

/// A criterion as the secretariat writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct CriterionDraft {
    pub name: String,
    pub description: String,
    pub weight: f64,
}

/// The ISSA criteria, which every new competition starts with.
pub fn default_criteria() -> Vec<CriterionDraft> {
    [
        (
            "Achieved outcomes",
            "Measured results: the situation before and after, with indicators, and the cost.",
        ),
        (
            "Innovativeness",
            "From incremental improvement to transformation of the service.",
        ),
        (
            "Robustness",
            "Sound design, implementation and evidence; risks understood and managed.",
        ),
        (
            "Replicability",
            "How far other institutions could adapt the practice.",
        ),
    ]
    .into_iter()
    .map(|(name, description)| CriterionDraft {
        name: name.to_owned(),
        description: description.to_owned(),
        weight: 1.0,
    })
    .collect()
}
