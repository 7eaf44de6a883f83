use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{Competition, CompetitionSettings, Criterion, CriterionDraft, Phase};
use crate::db::{insert_batch, DbConnection};
use crate::ids::CompetitionId;
use crate::schema::{competitions, criteria, entries, jurors, organisations, practices};
use crate::submissions::EntryStatus;
use crate::taxonomy::Region;

pub fn find(conn: &mut DbConnection, id: CompetitionId) -> QueryResult<Option<Competition>> {
    competitions::table
        .find(id)
        .select(Competition::as_select())
        .first(conn)
        .optional()
}

/// Competitions of `regions` that take new entries at `now`, nearest deadline first.
pub fn open_for(
    conn: &mut DbConnection,
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

/// Every competition, newest cycle first; `public` leaves out those in preparation.
pub fn all(conn: &mut DbConnection, public: bool) -> QueryResult<Vec<Competition>> {
    let mut query = competitions::table
        .order((competitions::cycle_year.desc(), competitions::region))
        .select(Competition::as_select())
        .into_boxed();
    if public {
        query = query.filter(competitions::phase.ne(Phase::Draft));
    }
    query.load(conn)
}

/// Whether another competition already holds this region's cycle.
pub fn cycle_taken(
    conn: &mut DbConnection,
    region: Region,
    cycle_year: i32,
    except: Option<CompetitionId>,
) -> QueryResult<bool> {
    let mut others = competitions::table
        .filter(competitions::region.eq(region))
        .filter(competitions::cycle_year.eq(cycle_year))
        .select(competitions::id)
        .into_boxed();
    if let Some(except) = except {
        others = others.filter(competitions::id.ne(except));
    }
    Ok(others.first::<CompetitionId>(conn).optional()?.is_some())
}

pub fn insert(
    conn: &mut DbConnection,
    settings: &CompetitionSettings,
) -> QueryResult<CompetitionId> {
    diesel::insert_into(competitions::table)
        .values((settings, competitions::phase.eq(Phase::Draft)))
        .returning(competitions::id)
        .get_result(conn)
}

pub fn update(
    conn: &mut DbConnection,
    id: CompetitionId,
    settings: &CompetitionSettings,
) -> QueryResult<()> {
    diesel::update(competitions::table.find(id))
        .set(settings)
        .execute(conn)
        .map(drop)
}

/// Moves the phase only if it is still `from`; says whether it moved.
pub fn set_phase(
    conn: &mut DbConnection,
    id: CompetitionId,
    from: Phase,
    to: Phase,
) -> QueryResult<bool> {
    diesel::update(
        competitions::table
            .find(id)
            .filter(competitions::phase.eq(from)),
    )
    .set(competitions::phase.eq(to))
    .execute(conn)
    .map(|rows| rows == 1)
}

/// Results were announced at `at`, unless a date before it was planned and kept.
/// Marks the competition's feedback released at `at`; false when it already was.
pub fn record_feedback_released(
    conn: &mut DbConnection,
    id: CompetitionId,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let updated = diesel::update(
        competitions::table
            .find(id)
            .filter(competitions::feedback_released_at.is_null()),
    )
    .set(competitions::feedback_released_at.eq(at))
    .execute(conn)?;
    Ok(updated == 1)
}

pub fn record_results_announced(
    conn: &mut DbConnection,
    id: CompetitionId,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(
        competitions::table.find(id).filter(
            competitions::results_at
                .is_null()
                .or(competitions::results_at.gt(at)),
        ),
    )
    .set(competitions::results_at.eq(at))
    .execute(conn)
    .map(drop)
}

pub fn criteria_of(conn: &mut DbConnection, id: CompetitionId) -> QueryResult<Vec<Criterion>> {
    criteria::table
        .filter(criteria::competition_id.eq(id))
        .order(criteria::position)
        .select(Criterion::as_select())
        .load(conn)
}

pub fn replace_criteria(
    conn: &mut DbConnection,
    id: CompetitionId,
    drafts: &[CriterionDraft],
) -> QueryResult<()> {
    diesel::delete(criteria::table.filter(criteria::competition_id.eq(id))).execute(conn)?;
    let rows: Vec<_> = drafts
        .iter()
        .zip(0..)
        .map(|(draft, position)| {
            (
                criteria::competition_id.eq(id),
                criteria::name.eq(&draft.name),
                criteria::description.eq(&draft.description),
                criteria::weight.eq(draft.weight),
                criteria::position.eq(position),
            )
        })
        .collect();
    insert_batch!(conn, criteria::table, &rows).map(drop)
}

pub fn count_jurors(conn: &mut DbConnection, id: CompetitionId) -> QueryResult<i64> {
    jurors::table
        .filter(jurors::competition_id.eq(id))
        .count()
        .get_result(conn)
}

/// Entries, institutions and countries that submitted to a competition.
pub fn participation(conn: &mut DbConnection, id: CompetitionId) -> QueryResult<(i64, i64, i64)> {
    entries::table
        .inner_join(organisations::table)
        .filter(entries::competition_id.eq(id))
        .filter(entries::status.eq_any(EntryStatus::SUBMITTED))
        .select((
            diesel::dsl::count_star(),
            diesel::dsl::count(entries::organisation_id).aggregate_distinct(),
            diesel::dsl::count(organisations::country).aggregate_distinct(),
        ))
        .get_result(conn)
}

pub fn count_awaiting_screening(conn: &mut DbConnection, id: CompetitionId) -> QueryResult<i64> {
    entries::table
        .filter(entries::competition_id.eq(id))
        .filter(entries::status.eq_any(EntryStatus::AWAITING_SCREENING))
        .count()
        .get_result(conn)
}

/// A published result of a competition: the practice an eligible entry became.
#[derive(Debug, Queryable)]
pub struct Outcome {
    pub practice: crate::ids::PracticeId,
    pub title: String,
    pub institution: String,
    pub country: String,
    pub award: Option<crate::taxonomy::Award>,
    pub innovation_distinction: bool,
}

/// The practices a competition published, best award first.
pub fn outcomes(conn: &mut DbConnection, id: CompetitionId) -> QueryResult<Vec<Outcome>> {
    let mut rows: Vec<Outcome> = practices::table
        .inner_join(entries::table.on(practices::entry_id.eq(entries::id.nullable())))
        .inner_join(organisations::table.on(practices::organisation_id.eq(organisations::id)))
        .filter(entries::competition_id.eq(id))
        .select((
            practices::id,
            practices::title,
            organisations::name,
            organisations::country,
            practices::award,
            practices::innovation_distinction,
        ))
        .load(conn)?;
    rows.sort_by_key(|row| {
        (
            row.award.map_or(usize::MAX, |award| award.index()),
            row.title.clone(),
        )
    });
    Ok(rows)
}
