use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::ids::{OrganisationId, PracticeId};
use crate::organisations::Organisation;
use crate::schema::practices;
use crate::taxonomy::{
    Approach, Award, GovernanceLevel, ImpactArea, InnovationType, IntegrationType, Language,
    PracticeStatus, SocialInnovationElement, Topic,
};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = practices, check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
pub struct Practice {
    pub id: PracticeId,
    pub organisation_id: OrganisationId,
    pub title: String,
    pub summary: String,
    pub challenge: String,
    pub solution: String,
    pub results: String,
    pub innovation: String,
    pub sustainability: String,
    pub replicability: String,
    pub language: Language,
    pub implementation_year: i32,
    pub status: PracticeStatus,
    pub award: Option<Award>,
    pub innovation_distinction: bool,
    pub competition_year: Option<i32>,
    pub impact_area: ImpactArea,
    pub approach: Approach,
    pub innovation_type: InnovationType,
    pub governance_level: GovernanceLevel,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub published_at: Option<NaiveDateTime>,
    /// The entry it was published from, when it came through the portal's competitions.
    pub entry_id: Option<crate::ids::EntryId>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = practices)]
pub struct NewPractice<'a> {
    pub organisation_id: OrganisationId,
    pub title: &'a str,
    pub summary: &'a str,
    pub challenge: &'a str,
    pub solution: &'a str,
    pub results: &'a str,
    pub innovation: &'a str,
    pub sustainability: &'a str,
    pub replicability: &'a str,
    pub language: Language,
    pub implementation_year: i32,
    pub status: PracticeStatus,
    pub award: Option<Award>,
    pub innovation_distinction: bool,
    pub competition_year: Option<i32>,
    pub impact_area: ImpactArea,
    pub approach: Approach,
    pub innovation_type: InnovationType,
    pub governance_level: GovernanceLevel,
    pub published_at: Option<NaiveDateTime>,
    /// The competition entry it was published from, if any.
    pub entry_id: Option<crate::ids::EntryId>,
}

/// The many-valued classification of a practice, stored in link tables.
#[derive(Debug, Clone, Default)]
pub struct PracticeLinks {
    pub partners: Vec<OrganisationId>,
    pub topics: Vec<Topic>,
    pub elements: Vec<SocialInnovationElement>,
    pub integrations: Vec<IntegrationType>,
}

/// A practice with everything its public page shows.
#[derive(Debug, Clone)]
pub struct PracticeDetail {
    pub practice: Practice,
    pub organisation: Organisation,
    pub partners: Vec<Organisation>,
    pub topics: Vec<Topic>,
    pub elements: Vec<SocialInnovationElement>,
    pub integrations: Vec<IntegrationType>,
}

/// A practice as a line of a result list.
#[derive(Debug, Clone)]
pub struct PracticeSummary {
    pub id: PracticeId,
    pub title: String,
    pub summary: String,
    pub language: Language,
    pub award: Option<Award>,
    pub innovation_distinction: bool,
    pub competition_year: Option<i32>,
    pub organisation_id: OrganisationId,
    pub organisation_name: String,
    pub country: String,
}
