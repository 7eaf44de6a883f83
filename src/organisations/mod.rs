//! Institutions: the social-security bodies that submit practices.

pub mod repository;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::ids::OrganisationId;
use crate::schema::organisations;
use crate::taxonomy::{OrganisationKind, Region};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = organisations, check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
pub struct Organisation {
    pub id: OrganisationId,
    pub name: String,
    pub country: String,
    pub region: Region,
    pub kind: OrganisationKind,
    pub created_at: NaiveDateTime,
    /// False while an institution registered by a submitter waits for the secretariat.
    pub approved: bool,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = organisations)]
pub struct NewOrganisation<'a> {
    pub name: &'a str,
    pub country: &'a str,
    pub region: Region,
    pub kind: OrganisationKind,
    pub approved: bool,
}
