//! Institutions: the social-security bodies that submit practices.

pub mod repository;

use crate::db::DbConnection;
use crate::error::AppError;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::ids::OrganisationId;
use crate::languages::Lang;
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

impl Organisation {
    /// `Caja de Seguro Social (Panama)`, the country named in `lang`: how lists tell apart
    /// institutions of the same name.
    pub fn name_and_country(&self, lang: Lang) -> String {
        named_with_country(&self.name, &self.country, lang)
    }
}

/// `Name (Country)`, the country (an ISO 3166-1 code) named in `lang`.
pub fn named_with_country(name: &str, country: &str, lang: Lang) -> String {
    format!("{name} ({})", lang.country(country))
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

/// Refuses a database whose institutions name countries without a code, listing them, so
/// that no page, filter or export mixes names and codes.
pub fn require_country_codes(conn: &mut DbConnection) -> Result<(), AppError> {
    let unmapped = repository::countries_without_code(conn)?;
    if unmapped.is_empty() {
        Ok(())
    } else {
        Err(AppError::CountriesWithoutCode(unmapped))
    }
}
