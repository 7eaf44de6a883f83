use diesel::prelude::*;

use super::{NewOrganisation, Organisation};
use crate::db::DbConnection;
use crate::ids::OrganisationId;
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
