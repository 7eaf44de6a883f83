use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{Competition, NewCompetition, Phase};
use crate::ids::CompetitionId;
use crate::schema::competitions;
use crate::taxonomy::Region;

pub fn find(conn: &mut SqliteConnection, id: CompetitionId) -> QueryResult<Option<Competition>> {
    competitions::table
        .find(id)
        .select(Competition::as_select())
        .first(conn)
        .optional()
}

/// Competitions of `regions` that take new entries at `now`, nearest deadline first.
pub fn open_for(
    conn: &mut SqliteConnection,
    regions: &[Region],
    now: NaiveDateTime,
) -> QueryResult<Vec<Competition>> {
    competitions::table
        .filter(competitions::region.eq_any(regions))
        .filter(competitions::phase.eq(Phase::Open))
        .filter(competitions::opens_at.le(now))
        .filter(competitions::submission_deadline.gt(now))
        .order(competitions::submission_deadline)
        .select(Competition::as_select())
        .load(conn)
}

pub fn insert(
    conn: &mut SqliteConnection,
    competition: &NewCompetition<'_>,
) -> QueryResult<CompetitionId> {
    diesel::insert_into(competitions::table)
        .values(competition)
        .returning(competitions::id)
        .get_result(conn)
}
