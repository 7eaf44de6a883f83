use diesel::prelude::*;

use super::{NewOrganisation, Organisation};
use crate::ids::OrganisationId;
use crate::schema::organisations;

pub fn find(conn: &mut SqliteConnection, id: OrganisationId) -> QueryResult<Option<Organisation>> {
    organisations::table
        .find(id)
        .select(Organisation::as_select())
        .first(conn)
        .optional()
}

pub fn count(conn: &mut SqliteConnection) -> QueryResult<i64> {
    organisations::table.count().get_result(conn)
}

pub fn insert(
    conn: &mut SqliteConnection,
    organisation: &NewOrganisation<'_>,
) -> QueryResult<OrganisationId> {
    diesel::insert_into(organisations::table)
        .values(organisation)
        .returning(organisations::id)
        .get_result(conn)
}
