//! A juror's work: the entries assigned to them, declaring a conflict, and scoring.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::conflicts;
use super::repository;
use super::reviews::{Review, ReviewContent, ReviewForm, ReviewStatus};
use crate::accounts::policy;
use crate::accounts::roles::Juror;
use crate::competitions::{self, Competition, Criterion};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::forms::FormError;
use crate::ids::{DocumentId, EntryId, UserId};
use crate::languages::Message;
use crate::organisations::{self, Organisation};
use crate::submissions::documents::Document;
use crate::submissions::{self, Entry, EntryContent, EntryLinks};

/// What a juror sees of an entry they may review.
pub struct ReviewContext {
    pub competition: Competition,
    pub entry: Entry,
    pub content: EntryContent,
    /// `None` in a blind competition.
    pub organisation: Option<Organisation>,
    pub documents: Vec<Document>,
    pub criteria: Vec<Criterion>,
    pub review: Option<Review>,
    pub scores: Vec<ScoreRow>,
    pub history: Vec<(NaiveDateTime, ReviewStatus, String)>,
    /// The panel's submitted reviews, shown once the juror has submitted their own.
    pub others: Option<Vec<PanelReview>>,
}

/// `(criterion, score, comment)`, as saved.
pub type ScoreRow = (i32, Option<i32>, String);

/// Another juror's submitted review.
pub struct PanelReview {
    pub juror: String,
    pub review: Review,
    pub scores: Vec<ScoreRow>,
}

/// An entry in the jury's hands, with the parties a conflict of interest is judged by.
pub(super) struct Reviewable {
    pub(super) entry: Entry,
    pub(super) competition: Competition,
    organisation: Organisation,
    links: EntryLinks,
}

impl Reviewable {
    pub(super) fn load(conn: &mut DbConnection, id: EntryId) -> Result<Reviewable, AppError> {
        let entry = submissions::repository::find(conn, id)?.ok_or(AppError::NotFound)?;
        let competition = competitions::repository::find(conn, entry.competition_id)?
            .ok_or(AppError::NotFound)?;
        let links = submissions::repository::links(conn, id)?;
        let organisation = organisations::repository::find(conn, entry.organisation_id)?
            .ok_or(AppError::NotFound)?;
        Ok(Reviewable {
            entry,
            competition,
            organisation,
            links,
        })
    }

    /// Whether `user`'s institutions put them in a conflict with the entry now.
    pub(super) fn conflicts_with(
        &self,
        conn: &mut DbConnection,
        user: UserId,
    ) -> QueryResult<bool> {
        let parties = conflicts::EntryParties {
            organisation: self.organisation.id,
            country: self.organisation.country.clone(),
            partners: self.links.partners.clone(),
        };
        let affiliations = repository::affiliations(conn, user)?;
        Ok(
            conflicts::automatic(&affiliations, &parties, self.competition.country_conflicts)
                .is_some(),
        )
    }
}

/// Loads an entry for a juror, who must be assigned to it and free of conflict.
fn reviewable(conn: &mut DbConnection, user: &Juror, id: EntryId) -> Result<Reviewable, AppError> {
    let reviewable = Reviewable::load(conn, id)?;
    let assigned = repository::is_assigned(conn, id, user.id)?;
    let conflicted = reviewable.conflicts_with(conn, user.id)?;
    policy::require_reviewer(user, assigned, conflicted)?;
    Ok(reviewable)
}

/// Whether the juror may review the entry now, by the rule its page applies: a conflict that
/// arose after the assignment takes it off their list as well as off their page.
pub fn may_review(conn: &mut DbConnection, user: &Juror, id: EntryId) -> Result<bool, AppError> {
    match reviewable(conn, user, id) {
        Ok(_) => Ok(true),
        Err(AppError::NotFound) => Ok(false),
        Err(error) => Err(error),
    }
}

/// The entry the juror should review after `after`: the next of their entries in the same
/// competition (by id, coming round to the first) that they may review and have not
/// submitted; `None` when none is left.
pub fn next_to_review(
    conn: &mut DbConnection,
    user: &Juror,
    after: EntryId,
) -> Result<Option<EntryId>, AppError> {
    let entry = submissions::repository::find(conn, after)?.ok_or(AppError::NotFound)?;
    let open: Vec<EntryId> = repository::assigned_to(conn, user.id, entry.competition_id)?
        .into_iter()
        .filter(|(id, _, status)| *id != after && *status != Some(ReviewStatus::Submitted))
        .map(|(id, _, _)| id)
        .collect();
    let (later, earlier): (Vec<EntryId>, Vec<EntryId>) =
        open.into_iter().partition(|&id| id > after);
    for id in later.into_iter().chain(earlier) {
        if may_review(conn, user, id)? {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// A background document of an entry the juror may review.
pub fn document(
    conn: &mut DbConnection,
    user: &Juror,
    entry: EntryId,
    id: DocumentId,
) -> Result<Document, AppError> {
    reviewable(conn, user, entry)?;
    submissions::repository::find_document(conn, entry, id)?.ok_or(AppError::NotFound)
}

/// Everything a juror's review page shows of an entry they may review.
pub fn context(
    conn: &mut DbConnection,
    user: &Juror,
    id: EntryId,
) -> Result<ReviewContext, AppError> {
    let Reviewable {
        entry,
        competition,
        organisation,
        links,
    } = reviewable(conn, user, id)?;
    let review = repository::find_review(conn, id, user.id)?;
    let (scores, history) = match &review {
        Some(review) => (
            repository::scores_of(conn, review.id)?,
            repository::history_of(conn, review.id)?,
        ),
        None => (Vec::new(), Vec::new()),
    };
    let others = match &review {
        Some(own) if own.status == ReviewStatus::Submitted => Some(
            repository::other_reviews(conn, id, user.id)?
                .into_iter()
                .map(|(juror, review)| {
                    let scores = repository::scores_of(conn, review.id)?;
                    Ok(PanelReview {
                        juror,
                        review,
                        scores,
                    })
                })
                .collect::<QueryResult<Vec<_>>>()?,
        ),
        _ => None,
    };
    Ok(ReviewContext {
        criteria: competitions::repository::criteria_of(conn, competition.id)?,
        documents: submissions::repository::documents_of(conn, id)?,
        content: EntryContent {
            fields: entry.fields.clone(),
            links,
        },
        organisation: (!competition.blind).then_some(organisation),
        competition,
        entry,
        review,
        scores,
        history,
        others,
    })
}

/// The criteria an entry is scored on, to read a posted review form; whether the person may
/// score it is `save`'s to decide.
pub fn criteria_of_entry(conn: &mut DbConnection, id: EntryId) -> Result<Vec<Criterion>, AppError> {
    let entry = submissions::repository::find(conn, id)?.ok_or(AppError::NotFound)?;
    Ok(competitions::repository::criteria_of(
        conn,
        entry.competition_id,
    )?)
}

/// Saves a juror's review as a draft or submits it; only while the review phase is open.
pub fn save(
    conn: &mut DbConnection,
    user: &Juror,
    id: EntryId,
    form: &ReviewForm,
    submit: bool,
    now: NaiveDateTime,
) -> Result<ReviewStatus, FormError> {
    crate::db::write_transaction(conn, |conn| {
        let context = context(conn, user, id)?;
        if !context.competition.takes_reviews() {
            return Err(FormError::invalid(
                "scores",
                Message::new("jury-scores-can-be-given"),
            ));
        }
        let content: ReviewContent = form
            .parse(&context.competition, submit)
            .map_err(FormError::Invalid)?;
        let status = if submit {
            ReviewStatus::Submitted
        } else {
            // Saving again keeps a submitted review submitted.
            context
                .review
                .as_ref()
                .map_or(ReviewStatus::Draft, |review| review.status)
        };
        let summary = content.summary(&context.criteria);
        repository::save_review(conn, id, user.id, status, &content, &summary, now)?;
        Ok(status)
    })
}

/// A juror declares a conflict with an entry: it leaves their list for good.
pub fn declare_conflict(
    conn: &mut DbConnection,
    user: &Juror,
    id: EntryId,
    reason: &str,
) -> Result<(), FormError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(FormError::invalid(
            "reason",
            Message::new("jury-say-what-the-conflict"),
        ));
    }
    crate::db::write_transaction(conn, |conn| {
        let context = context(conn, user, id)?;
        if !context.competition.takes_conflict_declarations() {
            return Err(FormError::invalid(
                "reason",
                Message::new("jury-the-review-is-over"),
            ));
        }
        repository::declare_conflict(conn, id, user.id, reason)?;
        Ok(())
    })
}
