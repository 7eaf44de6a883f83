//! Every query of jurors, conflicts and assignments.

use std::collections::BTreeSet;

use diesel::prelude::*;

use super::conflicts::{Affiliation, EntryParties};
use crate::accounts::{MembershipStatus, User};
use crate::ids::{CompetitionId, EntryId, OrganisationId, UserId};
use crate::schema::{
    assignments, declared_conflicts, entries, entry_partners, entry_topics, juror_topics, jurors,
    memberships, organisations, users,
};
use crate::submissions::EntryStatus;
use crate::taxonomy::Topic;

/// A juror of a competition.
pub struct Juror {
    pub user: User,
    pub is_chair: bool,
    pub topics: Vec<Topic>,
}

pub fn appoint(
    conn: &mut SqliteConnection,
    competition: CompetitionId,
    user: UserId,
    is_chair: bool,
    topics: &[Topic],
) -> QueryResult<()> {
    if is_chair {
        // One chair a competition.
        diesel::update(jurors::table.filter(jurors::competition_id.eq(competition)))
            .set(jurors::is_chair.eq(false))
            .execute(conn)?;
    }
    diesel::replace_into(jurors::table)
        .values((
            jurors::competition_id.eq(competition),
            jurors::user_id.eq(user),
            jurors::is_chair.eq(is_chair),
        ))
        .execute(conn)?;
    diesel::delete(
        juror_topics::table
            .filter(juror_topics::competition_id.eq(competition))
            .filter(juror_topics::user_id.eq(user)),
    )
    .execute(conn)?;
    let rows: Vec<_> = topics
        .iter()
        .map(|topic| {
            (
                juror_topics::competition_id.eq(competition),
                juror_topics::user_id.eq(user),
                juror_topics::topic.eq(*topic),
            )
        })
        .collect();
    diesel::insert_into(juror_topics::table)
        .values(&rows)
        .execute(conn)
        .map(drop)
}

/// Removes a juror and their assignments in the competition.
pub fn dismiss(
    conn: &mut SqliteConnection,
    competition: CompetitionId,
    user: UserId,
) -> QueryResult<()> {
    let entries_of_competition = entries::table
        .filter(entries::competition_id.eq(competition))
        .select(entries::id);
    diesel::delete(
        assignments::table
            .filter(assignments::user_id.eq(user))
            .filter(assignments::entry_id.eq_any(entries_of_competition)),
    )
    .execute(conn)?;
    diesel::delete(
        jurors::table
            .filter(jurors::competition_id.eq(competition))
            .filter(jurors::user_id.eq(user)),
    )
    .execute(conn)
    .map(drop)
}

pub fn jurors_of(
    conn: &mut SqliteConnection,
    competition: CompetitionId,
) -> QueryResult<Vec<Juror>> {
    let rows: Vec<(User, bool)> = jurors::table
        .inner_join(users::table)
        .filter(jurors::competition_id.eq(competition))
        .order(users::name)
        .select((User::as_select(), jurors::is_chair))
        .load(conn)?;
    rows.into_iter()
        .map(|(user, is_chair)| {
            let topics = juror_topics::table
                .filter(juror_topics::competition_id.eq(competition))
                .filter(juror_topics::user_id.eq(user.id))
                .select(juror_topics::topic)
                .load(conn)?;
            Ok(Juror {
                user,
                is_chair,
                topics,
            })
        })
        .collect()
}

/// The institutions a person acts for, with their countries.
pub fn affiliations(conn: &mut SqliteConnection, user: UserId) -> QueryResult<Vec<Affiliation>> {
    let rows: Vec<(OrganisationId, String)> = memberships::table
        .inner_join(organisations::table)
        .filter(memberships::user_id.eq(user))
        .filter(memberships::status.eq(MembershipStatus::Approved))
        .select((organisations::id, organisations::country))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(organisation, country)| Affiliation {
            organisation,
            country,
        })
        .collect())
}

/// An eligible entry of the competition, as assignment and conflicts see it.
pub struct Candidate {
    pub id: EntryId,
    pub title: String,
    pub parties: EntryParties,
    pub topics: Vec<Topic>,
}

pub fn eligible_entries(
    conn: &mut SqliteConnection,
    competition: CompetitionId,
) -> QueryResult<Vec<Candidate>> {
    let rows: Vec<(EntryId, String, OrganisationId, String)> = entries::table
        .inner_join(organisations::table)
        .filter(entries::competition_id.eq(competition))
        .filter(entries::status.eq(EntryStatus::Eligible))
        .order(entries::id)
        .select((
            entries::id,
            entries::title,
            entries::organisation_id,
            organisations::country,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, title, organisation, country)| {
            Ok(Candidate {
                id,
                title,
                parties: EntryParties {
                    organisation,
                    country,
                    partners: entry_partners::table
                        .filter(entry_partners::entry_id.eq(id))
                        .select(entry_partners::organisation_id)
                        .load(conn)?,
                },
                topics: entry_topics::table
                    .filter(entry_topics::entry_id.eq(id))
                    .select(entry_topics::topic)
                    .load(conn)?,
            })
        })
        .collect()
}

/// Conflicts jurors declared on entries of the competition.
pub fn declared(
    conn: &mut SqliteConnection,
    competition: CompetitionId,
) -> QueryResult<Vec<(EntryId, UserId, String)>> {
    declared_conflicts::table
        .inner_join(entries::table)
        .filter(entries::competition_id.eq(competition))
        .select((
            declared_conflicts::entry_id,
            declared_conflicts::user_id,
            declared_conflicts::reason,
        ))
        .load(conn)
}

/// `(entry, juror)` pairs of the competition.
pub fn assignments_of(
    conn: &mut SqliteConnection,
    competition: CompetitionId,
) -> QueryResult<BTreeSet<(EntryId, UserId)>> {
    let rows: Vec<(EntryId, UserId)> = assignments::table
        .inner_join(entries::table)
        .filter(entries::competition_id.eq(competition))
        .select((assignments::entry_id, assignments::user_id))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

pub fn assign(conn: &mut SqliteConnection, entry: EntryId, user: UserId) -> QueryResult<()> {
    diesel::insert_or_ignore_into(assignments::table)
        .values((
            assignments::entry_id.eq(entry),
            assignments::user_id.eq(user),
        ))
        .execute(conn)
        .map(drop)
}

pub fn unassign(conn: &mut SqliteConnection, entry: EntryId, user: UserId) -> QueryResult<()> {
    diesel::delete(
        assignments::table
            .filter(assignments::entry_id.eq(entry))
            .filter(assignments::user_id.eq(user)),
    )
    .execute(conn)
    .map(drop)
}
