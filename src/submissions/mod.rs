//! Submissions: the entry form of the ISSA template, drafts, documents, submitting and
//! withdrawing, and the secretariat's screening.

pub mod documents;
pub mod downloads;
pub mod form;
pub mod member_pages;
pub mod repository;
pub mod rules;
pub mod screening;
pub mod screening_pages;
pub mod service;
pub mod translation_pages;
pub mod translations;
pub mod views;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::ids::{CompetitionId, EntryId, OrganisationId, UserId};
use crate::languages::Lang;
use crate::schema::entries;
use crate::taxonomy::{
    vocabulary, Approach, GovernanceLevel, ImpactArea, InnovationType, IntegrationType, Language,
    SocialInnovationElement, Topic,
};

vocabulary! {
    /// Where an entry stands. A returned entry is a draft again, with the secretariat's
    /// comment and `returned_at` set.
    EntryStatus in "entry-status" {
        Draft => "draft",
        Submitted => "submitted",
        Withdrawn => "withdrawn",
        Screening => "screening",
        Eligible => "eligible",
        Ineligible => "ineligible",
    }
}

impl EntryStatus {
    /// Entries that count towards an institution's limit in a competition.
    pub const SUBMITTED: [EntryStatus; 4] = [
        EntryStatus::Submitted,
        EntryStatus::Screening,
        EntryStatus::Eligible,
        EntryStatus::Ineligible,
    ];

    /// Entries waiting for the secretariat's decision.
    pub const AWAITING_SCREENING: [EntryStatus; 2] =
        [EntryStatus::Submitted, EntryStatus::Screening];
}

/// What the submitter writes and chooses: the columns of the ISSA template. Anything may be
/// missing in a draft.
#[derive(Debug, Clone, Default, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = entries, check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
#[diesel(treat_none_as_null = true)]
pub struct EntryFields {
    pub title: String,
    pub summary: String,
    pub challenge: String,
    pub solution: String,
    pub results: String,
    pub innovation: String,
    pub sustainability: String,
    pub replicability: String,
    pub language: Option<Language>,
    pub implementation_year: Option<i32>,
    pub impact_area: Option<ImpactArea>,
    pub approach: Option<Approach>,
    pub innovation_type: Option<InnovationType>,
    pub governance_level: Option<GovernanceLevel>,
    pub endorser_name: String,
    pub endorser_position: String,
    pub endorsement_confirmed: bool,
}

impl EntryFields {
    /// The title as lists and headings show it: a draft may not have one yet.
    pub fn shown_title(&self, lang: Lang) -> String {
        if self.title.is_empty() {
            lang.t("entry-untitled")
        } else {
            self.title.clone()
        }
    }
}

/// The template's choices of several values, kept in link tables.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntryLinks {
    pub topics: Vec<Topic>,
    pub elements: Vec<SocialInnovationElement>,
    pub integrations: Vec<IntegrationType>,
    /// Joint institutions of a transnational practice.
    pub partners: Vec<OrganisationId>,
}

/// Everything the submitter fills in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntryContent {
    pub fields: EntryFields,
    pub links: EntryLinks,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = entries, check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
pub struct Entry {
    pub id: EntryId,
    pub competition_id: CompetitionId,
    pub organisation_id: OrganisationId,
    pub created_by: UserId,
    pub status: EntryStatus,
    pub screening_note: String,
    pub returned_at: Option<NaiveDateTime>,
    pub submitted_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
    #[diesel(embed)]
    pub fields: EntryFields,
}
