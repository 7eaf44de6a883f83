//! The jury's discussion of an entry: its jurors (once they have submitted their own review,
//! as they then see the panel's scores), the chair and the secretariat write comments on it,
//! visible to them alone — never to the institution, never to a juror with a conflict.

use chrono::NaiveDateTime;

use super::repository::{self, Comment};
use super::reviews::ReviewStatus;
use super::scoring::Reviewable;
use crate::accounts::policy::{self, DiscussionSeat};
use crate::accounts::User;
use crate::competitions::{Competition, Phase};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::forms::FormError;
use crate::ids::{CompetitionId, EntryId};
use crate::languages::Message;
use crate::submissions::EntryStatus;

/// The longest comment taken, in characters.
pub const MAX_COMMENT_CHARS: usize = 5_000;

/// An entry's discussion as one person reads it.
pub struct Discussion {
    pub entry: EntryId,
    pub title: String,
    pub competition: Competition,
    pub seat: DiscussionSeat,
    /// Empty for a juror who has not yet submitted their review.
    pub comments: Vec<Comment>,
    /// Whether they may write now.
    pub open: bool,
}

impl Discussion {
    /// A juror of the entry who joins once their own review is submitted.
    pub fn waiting(&self) -> bool {
        self.seat == DiscussionSeat::AfterOwnReview
    }
}

/// Comments are written during the review and the deliberation, and read from the review on.
fn takes_comments(competition: &Competition) -> bool {
    matches!(competition.phase, Phase::Review | Phase::Deliberation)
}

/// The entry and the person's seat at its discussion; an entry outside the jury's work does
/// not exist here.
fn seat_at(
    conn: &mut DbConnection,
    user: &User,
    entry: EntryId,
) -> Result<(Reviewable, DiscussionSeat), AppError> {
    let reviewable = Reviewable::load(conn, entry)?;
    if reviewable.entry.status != EntryStatus::Eligible
        || reviewable.competition.phase < Phase::Review
    {
        return Err(AppError::NotFound);
    }
    let chairs = repository::is_chair(conn, reviewable.competition.id, user.id)?;
    let assigned = repository::is_assigned(conn, entry, user.id)?;
    let submitted = repository::find_review(conn, entry, user.id)?
        .is_some_and(|review| review.status == ReviewStatus::Submitted);
    let conflicted = reviewable.conflicts_with(conn, user.id)?
        || repository::has_declared(conn, entry, user.id)?;
    let seat = policy::discussion_seat(user, chairs, assigned, submitted, conflicted)?;
    Ok((reviewable, seat))
}

/// The discussion as `user` may read it, marked read up to its last comment.
pub fn read(conn: &mut DbConnection, user: &User, entry: EntryId) -> Result<Discussion, AppError> {
    let (reviewable, seat) = seat_at(conn, user, entry)?;
    let comments = if seat == DiscussionSeat::AfterOwnReview {
        Vec::new()
    } else {
        repository::comments_on(conn, entry)?
    };
    if let Some(last) = comments.last() {
        repository::mark_read(conn, entry, user.id, last.id)?;
    }
    Ok(Discussion {
        entry,
        title: reviewable.entry.fields.title.clone(),
        open: takes_comments(&reviewable.competition) && seat != DiscussionSeat::AfterOwnReview,
        competition: reviewable.competition,
        seat,
        comments,
    })
}

/// The discussion beside the ranking is for the chair of `competition` and the secretariat,
/// and holds the entries of that competition alone.
pub fn require_beside_ranking(
    conn: &mut DbConnection,
    user: &User,
    competition: CompetitionId,
    entry: EntryId,
) -> Result<(), AppError> {
    policy::require_ranking_reader(user, repository::is_chair(conn, competition, user.id)?)?;
    let found = crate::submissions::repository::find(conn, entry)?;
    if found.is_none_or(|found| found.competition_id != competition) {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Adds `user`'s comment to the discussion of `entry`.
pub fn write(
    conn: &mut DbConnection,
    user: &User,
    entry: EntryId,
    body: &str,
    now: NaiveDateTime,
) -> Result<(), FormError> {
    crate::db::write_transaction(conn, |conn| {
        let (reviewable, seat) = seat_at(conn, user, entry)?;
        let refusal = if seat == DiscussionSeat::AfterOwnReview {
            Some(Message::new("jury-discussion-after-your-review"))
        } else if !takes_comments(&reviewable.competition) {
            Some(Message::new("jury-discussion-closed"))
        } else if body.trim().is_empty() {
            Some(Message::new("jury-comment-empty"))
        } else if body.chars().count() > MAX_COMMENT_CHARS {
            Some(Message::new("jury-comment-too-long").with("max", MAX_COMMENT_CHARS))
        } else {
            None
        };
        if let Some(refusal) = refusal {
            return Err(FormError::invalid("comment", refusal));
        }
        // The writer has read the discussion up to their own comment.
        let written = repository::add_comment(conn, entry, user.id, body.trim(), now)?;
        repository::mark_read(conn, entry, user.id, written)?;
        Ok(())
    })
}
