use diesel::prelude::*;

use super::{NewOrganisation, Organisation};
use crate::db::DbConnection;
use crate::ids::OrganisationId;
use crate::languages::countries;
use crate::schema::organisations;

pub fn find(conn: &mut DbConnection, id: OrganisationId) -> QueryResult<Option<Organisation>> {
    organisations::table
        .find(id)
        .select(Organisation::as_select())
        .first(conn)
        .optional()
}

pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
    organisations::table.count().get_result(conn)
}

pub fn insert(
    conn: &mut DbConnection,
    organisation: &NewOrganisation<'_>,
) -> QueryResult<OrganisationId> {
    diesel::insert_into(organisations::table)
        .values(organisation)
        .returning(organisations::id)
        .get_result(conn)
}

pub fn find_by_name(conn: &mut DbConnection, name: &str) -> QueryResult<Option<Organisation>> {
    organisations::table
        .filter(organisations::name.eq(name))
        .select(Organisation::as_select())
        .first(conn)
        .optional()
}

pub fn approve(conn: &mut DbConnection, id: OrganisationId) -> QueryResult<()> {
    diesel::update(organisations::table.find(id))
        .set(organisations::approved.eq(true))
        .execute(conn)
        .map(drop)
}

/// Institutions one can ask to join, by name.
pub fn approved(conn: &mut DbConnection) -> QueryResult<Vec<Organisation>> {
    organisations::table
        .filter(organisations::approved.eq(true))
        .order(organisations::name)
        .select(Organisation::as_select())
        .load(conn)
}

/// The countries institutions name that are not ISO 3166-1 codes, each with how many
/// institutions name it: what the conversion to codes could not map.
pub fn countries_without_code(conn: &mut DbConnection) -> QueryResult<Vec<(String, i64)>> {
    let named: Vec<(String, i64)> = organisations::table
        .group_by(organisations::country)
        .select((organisations::country, diesel::dsl::count_star()))
        .order_by(organisations::country)
        .load(conn)?;
    Ok(named
        .into_iter()
        .filter(|(country, _)| !countries::is_code(country))
        .collect())
}

/// Gives the institutions that name their country `name` its `code`; how many changed.
pub fn set_country(conn: &mut DbConnection, name: &str, code: &str) -> QueryResult<usize> {
    diesel::update(organisations::table.filter(organisations::country.eq(name)))
        .set(organisations::country.eq(code))
        .execute(conn)
}
