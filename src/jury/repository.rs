//! Every query of jurors, conflicts and assignments.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::conflicts::{Affiliation, EntryParties};
use super::preferences::Preference;
use super::reviews::{Review, ReviewContent, ReviewStatus};
use crate::accounts::{MembershipStatus, User};
use crate::competitions::Competition;
use crate::db::{insert_batch, on_backend, DbConnection};
use crate::ids::{CompetitionId, EntryId, OrganisationId, UserId};
use crate::schema::{
    assignments, competitions, declared_conflicts, deliberations, discussion_reads, entries,
    entry_comments, entry_partners, entry_topics, juror_languages, juror_preferences, juror_topics,
    jurors, memberships, organisations, review_history, review_scores, reviews, users,
};
use crate::submissions::EntryStatus;
use crate::taxonomy::{Award, Language, Topic};

/// A juror of a competition.
pub struct Juror {
    pub user: User,
    pub is_chair: bool,
    pub topics: Vec<Topic>,
    /// The languages they judge entries in; none until they (or the secretariat) say.
    pub languages: Vec<Language>,
}

impl Juror {
    /// Whether they read an entry written in `language` (an entry without one: anybody).
    pub fn reads(&self, language: Option<Language>) -> bool {
        language.is_none_or(|language| self.languages.contains(&language))
    }
}

pub fn appoint(
    conn: &mut DbConnection,
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
    let juror = (
        jurors::competition_id.eq(competition),
        jurors::user_id.eq(user),
        jurors::is_chair.eq(is_chair),
    );
    on_backend!(conn, |conn| diesel::insert_into(jurors::table)
        .values(juror)
        .on_conflict((jurors::competition_id, jurors::user_id))
        .do_update()
        .set(jurors::is_chair.eq(is_chair))
        .execute(conn))?;
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
    insert_batch!(conn, juror_topics::table, &rows).map(drop)
}

/// Removes a juror and their assignments in the competition.
pub fn dismiss(
    conn: &mut DbConnection,
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

pub fn jurors_of(conn: &mut DbConnection, competition: CompetitionId) -> QueryResult<Vec<Juror>> {
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
                languages: languages_of(conn, user.id)?,
                user,
                is_chair,
                topics,
            })
        })
        .collect()
}

/// The languages a juror could be asked to read: those of the ISSA and those any entry is
/// written in.
pub fn languages_in_use(conn: &mut DbConnection) -> QueryResult<Vec<Language>> {
    let mut languages: Vec<Language> = entries::table
        .filter(entries::language.is_not_null())
        .select(entries::language.assume_not_null())
        .distinct()
        .load(conn)?;
    languages.extend(Language::STEMMED);
    languages.sort();
    languages.dedup();
    Ok(languages)
}

/// The languages a juror judges entries in, by code.
pub fn languages_of(conn: &mut DbConnection, user: UserId) -> QueryResult<Vec<Language>> {
    let mut languages: Vec<Language> = juror_languages::table
        .filter(juror_languages::user_id.eq(user))
        .select(juror_languages::language)
        .load(conn)?;
    languages.sort();
    Ok(languages)
}

/// Replaces the languages a juror judges entries in.
pub fn set_languages(
    conn: &mut DbConnection,
    user: UserId,
    languages: &[Language],
) -> QueryResult<()> {
    diesel::delete(juror_languages::table.filter(juror_languages::user_id.eq(user)))
        .execute(conn)?;
    let rows: Vec<_> = languages
        .iter()
        .map(|language| {
            (
                juror_languages::user_id.eq(user),
                juror_languages::language.eq(*language),
            )
        })
        .collect();
    insert_batch!(conn, juror_languages::table, &rows).map(drop)
}

/// Every juror's preferences on the entries of a competition.
pub fn preferences_in(
    conn: &mut DbConnection,
    competition: CompetitionId,
) -> QueryResult<BTreeMap<(EntryId, UserId), Preference>> {
    let rows: Vec<(EntryId, UserId, Preference)> = juror_preferences::table
        .inner_join(entries::table)
        .filter(entries::competition_id.eq(competition))
        .select((
            juror_preferences::entry_id,
            juror_preferences::user_id,
            juror_preferences::preference,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(entry, user, preference)| ((entry, user), preference))
        .collect())
}

/// Replaces a juror's preferences on the given entries; `None` takes one back.
pub fn set_preferences(
    conn: &mut DbConnection,
    user: UserId,
    preferences: &[(EntryId, Option<Preference>)],
) -> QueryResult<()> {
    let entries: Vec<EntryId> = preferences.iter().map(|(entry, _)| *entry).collect();
    diesel::delete(
        juror_preferences::table
            .filter(juror_preferences::user_id.eq(user))
            .filter(juror_preferences::entry_id.eq_any(&entries)),
    )
    .execute(conn)?;
    let rows: Vec<_> = preferences
        .iter()
        .filter_map(|(entry, preference)| {
            preference.map(|preference| {
                (
                    juror_preferences::entry_id.eq(*entry),
                    juror_preferences::user_id.eq(user),
                    juror_preferences::preference.eq(preference),
                )
            })
        })
        .collect();
    insert_batch!(conn, juror_preferences::table, &rows).map(drop)
}

/// The institutions a person acts for, with their countries.
pub fn affiliations(conn: &mut DbConnection, user: UserId) -> QueryResult<Vec<Affiliation>> {
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
    pub summary: String,
    pub language: Option<Language>,
    pub parties: EntryParties,
    pub topics: Vec<Topic>,
}

pub fn eligible_entries(
    conn: &mut DbConnection,
    competition: CompetitionId,
) -> QueryResult<Vec<Candidate>> {
    type Row = (
        EntryId,
        String,
        String,
        Option<Language>,
        OrganisationId,
        String,
    );
    let rows: Vec<Row> = entries::table
        .inner_join(organisations::table)
        .filter(entries::competition_id.eq(competition))
        .filter(entries::status.eq(EntryStatus::Eligible))
        .order(entries::id)
        .select((
            entries::id,
            entries::title,
            entries::summary,
            entries::language,
            entries::organisation_id,
            organisations::country,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, title, summary, language, organisation, country)| {
            Ok(Candidate {
                id,
                title,
                summary,
                language,
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
    conn: &mut DbConnection,
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
    conn: &mut DbConnection,
    competition: CompetitionId,
) -> QueryResult<BTreeSet<(EntryId, UserId)>> {
    let rows: Vec<(EntryId, UserId)> = assignments::table
        .inner_join(entries::table)
        .filter(entries::competition_id.eq(competition))
        .select((assignments::entry_id, assignments::user_id))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// `(entry, juror)` pairs of the competition whose review has been submitted.
pub fn submitted_reviews(
    conn: &mut DbConnection,
    competition: CompetitionId,
) -> QueryResult<BTreeSet<(EntryId, UserId)>> {
    let rows: Vec<(EntryId, UserId)> = reviews::table
        .inner_join(entries::table)
        .filter(entries::competition_id.eq(competition))
        .filter(reviews::status.eq(ReviewStatus::Submitted))
        .select((reviews::entry_id, reviews::user_id))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

pub fn assign(conn: &mut DbConnection, entry: EntryId, user: UserId) -> QueryResult<()> {
    let assignment = (
        assignments::entry_id.eq(entry),
        assignments::user_id.eq(user),
    );
    on_backend!(conn, |conn| diesel::insert_into(assignments::table)
        .values(assignment)
        .on_conflict_do_nothing()
        .execute(conn))
    .map(drop)
}

pub fn unassign(conn: &mut DbConnection, entry: EntryId, user: UserId) -> QueryResult<()> {
    diesel::delete(
        assignments::table
            .filter(assignments::entry_id.eq(entry))
            .filter(assignments::user_id.eq(user)),
    )
    .execute(conn)
    .map(drop)
}

/// The competitions a person judges in, with whether they chair the jury.
pub fn competitions_of(
    conn: &mut DbConnection,
    user: UserId,
) -> QueryResult<Vec<(Competition, bool)>> {
    jurors::table
        .inner_join(competitions::table)
        .filter(jurors::user_id.eq(user))
        .order(competitions::submission_deadline.desc())
        .select((Competition::as_select(), jurors::is_chair))
        .load(conn)
}

/// A juror's assigned entries in a competition with the state of their review.
pub fn assigned_to(
    conn: &mut DbConnection,
    user: UserId,
    competition: CompetitionId,
) -> QueryResult<Vec<(EntryId, String, Option<ReviewStatus>)>> {
    let rows: Vec<(EntryId, String)> = assignments::table
        .inner_join(entries::table)
        .filter(assignments::user_id.eq(user))
        .filter(entries::competition_id.eq(competition))
        .order(entries::id)
        .select((entries::id, entries::title))
        .load(conn)?;
    rows.into_iter()
        .map(|(entry, title)| {
            let status = reviews::table
                .filter(reviews::entry_id.eq(entry))
                .filter(reviews::user_id.eq(user))
                .select(reviews::status)
                .first(conn)
                .optional()?;
            Ok((entry, title, status))
        })
        .collect()
}

pub fn is_assigned(conn: &mut DbConnection, entry: EntryId, user: UserId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        assignments::table
            .filter(assignments::entry_id.eq(entry))
            .filter(assignments::user_id.eq(user)),
    ))
    .get_result(conn)
}

pub fn find_review(
    conn: &mut DbConnection,
    entry: EntryId,
    user: UserId,
) -> QueryResult<Option<Review>> {
    reviews::table
        .filter(reviews::entry_id.eq(entry))
        .filter(reviews::user_id.eq(user))
        .select(Review::as_select())
        .first(conn)
        .optional()
}

pub fn scores_of(
    conn: &mut DbConnection,
    review: i32,
) -> QueryResult<Vec<(i32, Option<i32>, String)>> {
    review_scores::table
        .filter(review_scores::review_id.eq(review))
        .select((
            review_scores::criterion_id,
            review_scores::score,
            review_scores::comment,
        ))
        .load(conn)
}

/// Writes a juror's review (creating it on first save), its scores and a history line.
pub fn save_review(
    conn: &mut DbConnection,
    entry: EntryId,
    user: UserId,
    status: ReviewStatus,
    content: &ReviewContent,
    summary: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let submitted_at = (status == ReviewStatus::Submitted).then_some(now);
    let id: i32 = match find_review(conn, entry, user)? {
        Some(review) => {
            diesel::update(reviews::table.find(review.id))
                .set((
                    reviews::status.eq(status),
                    reviews::overall_comment.eq(&content.overall_comment),
                    reviews::institution_comment.eq(&content.institution_comment),
                    reviews::cannot_judge.eq(content.cannot_judge),
                    reviews::updated_at.eq(now),
                    reviews::submitted_at.eq(submitted_at),
                ))
                .execute(conn)?;
            review.id
        }
        None => diesel::insert_into(reviews::table)
            .values((
                reviews::entry_id.eq(entry),
                reviews::user_id.eq(user),
                reviews::status.eq(status),
                reviews::overall_comment.eq(&content.overall_comment),
                reviews::institution_comment.eq(&content.institution_comment),
                reviews::cannot_judge.eq(content.cannot_judge),
                reviews::updated_at.eq(now),
                reviews::submitted_at.eq(submitted_at),
            ))
            .returning(reviews::id)
            .get_result(conn)?,
    };
    diesel::delete(review_scores::table.filter(review_scores::review_id.eq(id))).execute(conn)?;
    let rows: Vec<_> = content
        .scores
        .iter()
        .map(|(criterion, score, comment)| {
            (
                review_scores::review_id.eq(id),
                review_scores::criterion_id.eq(criterion),
                review_scores::score.eq(score),
                review_scores::comment.eq(comment),
            )
        })
        .collect();
    insert_batch!(conn, review_scores::table, &rows)?;
    diesel::insert_into(review_history::table)
        .values((
            review_history::review_id.eq(id),
            review_history::saved_at.eq(now),
            review_history::status.eq(status),
            review_history::summary.eq(summary),
        ))
        .execute(conn)
        .map(drop)
}

/// The other jurors' submitted reviews of an entry, with their names.
pub fn other_reviews(
    conn: &mut DbConnection,
    entry: EntryId,
    except: UserId,
) -> QueryResult<Vec<(String, Review)>> {
    reviews::table
        .inner_join(users::table)
        .filter(reviews::entry_id.eq(entry))
        .filter(reviews::user_id.ne(except))
        .filter(reviews::status.eq(ReviewStatus::Submitted))
        .select((users::name, Review::as_select()))
        .load(conn)
}

pub fn history_of(
    conn: &mut DbConnection,
    review: i32,
) -> QueryResult<Vec<(NaiveDateTime, ReviewStatus, String)>> {
    review_history::table
        .filter(review_history::review_id.eq(review))
        .order(review_history::id)
        .select((
            review_history::saved_at,
            review_history::status,
            review_history::summary,
        ))
        .load(conn)
}

pub fn declare_conflict(
    conn: &mut DbConnection,
    entry: EntryId,
    user: UserId,
    reason: &str,
) -> QueryResult<()> {
    let conflict = (
        declared_conflicts::entry_id.eq(entry),
        declared_conflicts::user_id.eq(user),
        declared_conflicts::reason.eq(reason),
    );
    on_backend!(conn, |conn| diesel::insert_into(declared_conflicts::table)
        .values(conflict)
        .on_conflict((declared_conflicts::entry_id, declared_conflicts::user_id))
        .do_update()
        .set(declared_conflicts::reason.eq(reason))
        .execute(conn))?;
    unassign(conn, entry, user)
}

/// Whether `user` declared a conflict with the entry.
pub fn has_declared(conn: &mut DbConnection, entry: EntryId, user: UserId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        declared_conflicts::table
            .filter(declared_conflicts::entry_id.eq(entry))
            .filter(declared_conflicts::user_id.eq(user)),
    ))
    .get_result(conn)
}

/// A comment of the jury's discussion of an entry.
#[derive(Debug, Clone, Queryable)]
pub struct Comment {
    pub id: i32,
    pub writer: UserId,
    pub writer_name: String,
    pub body: String,
    pub written_at: NaiveDateTime,
}

/// The discussion of an entry, oldest first.
pub fn comments_on(conn: &mut DbConnection, entry: EntryId) -> QueryResult<Vec<Comment>> {
    entry_comments::table
        .inner_join(users::table)
        .filter(entry_comments::entry_id.eq(entry))
        .order(entry_comments::id)
        .select((
            entry_comments::id,
            entry_comments::user_id,
            users::name,
            entry_comments::body,
            entry_comments::written_at,
        ))
        .load(conn)
}

/// Adds a comment to the discussion of `entry`; returns its id.
pub fn add_comment(
    conn: &mut DbConnection,
    entry: EntryId,
    user: UserId,
    body: &str,
    at: NaiveDateTime,
) -> QueryResult<i32> {
    diesel::insert_into(entry_comments::table)
        .values((
            entry_comments::entry_id.eq(entry),
            entry_comments::user_id.eq(user),
            entry_comments::body.eq(body),
            entry_comments::written_at.eq(at),
        ))
        .returning(entry_comments::id)
        .get_result(conn)
}

/// Records that `user` has read the discussion of `entry` up to the comment `last`.
pub fn mark_read(
    conn: &mut DbConnection,
    entry: EntryId,
    user: UserId,
    last: i32,
) -> QueryResult<()> {
    let read = (
        discussion_reads::entry_id.eq(entry),
        discussion_reads::user_id.eq(user),
        discussion_reads::last_read.eq(last),
    );
    on_backend!(conn, |conn| diesel::insert_into(discussion_reads::table)
        .values(read)
        .on_conflict((discussion_reads::entry_id, discussion_reads::user_id))
        .do_update()
        .set(discussion_reads::last_read.eq(last))
        .execute(conn))
    .map(drop)
}

/// For each entry of the competition with a discussion: how many comments it has, and how
/// many of them by others `user` has not read.
pub fn discussion_counts(
    conn: &mut DbConnection,
    competition: CompetitionId,
    user: UserId,
) -> QueryResult<BTreeMap<EntryId, (usize, usize)>> {
    let comments: Vec<(EntryId, i32, UserId)> = entry_comments::table
        .inner_join(entries::table)
        .filter(entries::competition_id.eq(competition))
        .select((
            entry_comments::entry_id,
            entry_comments::id,
            entry_comments::user_id,
        ))
        .load(conn)?;
    let read: BTreeMap<EntryId, i32> = discussion_reads::table
        .inner_join(entries::table)
        .filter(entries::competition_id.eq(competition))
        .filter(discussion_reads::user_id.eq(user))
        .select((discussion_reads::entry_id, discussion_reads::last_read))
        .load::<(EntryId, i32)>(conn)?
        .into_iter()
        .collect();
    let mut counts: BTreeMap<EntryId, (usize, usize)> = BTreeMap::new();
    for (entry, id, writer) in comments {
        let count = counts.entry(entry).or_default();
        count.0 += 1;
        let seen = read.get(&entry).is_some_and(|&last| id <= last);
        count.1 += usize::from(writer != user && !seen);
    }
    Ok(counts)
}

/// Every submitted score of the competition: `(entry, juror, criterion, score)`.
pub fn submitted_scores(
    conn: &mut DbConnection,
    competition: CompetitionId,
) -> QueryResult<Vec<(EntryId, UserId, i32, i32)>> {
    let rows: Vec<(EntryId, UserId, i32, Option<i32>)> = review_scores::table
        .inner_join(reviews::table.inner_join(entries::table))
        .filter(entries::competition_id.eq(competition))
        .filter(reviews::status.eq(ReviewStatus::Submitted))
        .filter(reviews::cannot_judge.eq(false))
        .select((
            reviews::entry_id,
            reviews::user_id,
            review_scores::criterion_id,
            review_scores::score,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(entry, user, criterion, score)| score.map(|s| (entry, user, criterion, s)))
        .collect())
}

pub fn is_chair(
    conn: &mut DbConnection,
    competition: CompetitionId,
    user: UserId,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        jurors::table
            .filter(jurors::competition_id.eq(competition))
            .filter(jurors::user_id.eq(user))
            .filter(jurors::is_chair.eq(true)),
    ))
    .get_result(conn)
}

/// The chair's and secretariat's decision on an entry.
pub fn decide(
    conn: &mut DbConnection,
    entry: EntryId,
    note: &str,
    award: Option<Award>,
    innovation_distinction: bool,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let decision = (
        deliberations::note.eq(note),
        deliberations::award.eq(award),
        deliberations::innovation_distinction.eq(innovation_distinction),
        deliberations::updated_at.eq(now),
    );
    on_backend!(conn, |conn| diesel::insert_into(deliberations::table)
        .values((deliberations::entry_id.eq(entry), decision))
        .on_conflict(deliberations::entry_id)
        .do_update()
        .set(decision)
        .execute(conn))
    .map(drop)
}

/// A decision recorded in deliberation.
#[derive(Debug, Clone, Queryable)]
pub struct Deliberated {
    pub entry: EntryId,
    pub note: String,
    pub award: Option<Award>,
    pub innovation_distinction: bool,
}

/// The decisions of the competition so far.
pub fn decisions(
    conn: &mut DbConnection,
    competition: CompetitionId,
) -> QueryResult<Vec<Deliberated>> {
    deliberations::table
        .inner_join(entries::table)
        .filter(entries::competition_id.eq(competition))
        .select((
            deliberations::entry_id,
            deliberations::note,
            deliberations::award,
            deliberations::innovation_distinction,
        ))
        .load(conn)
}
