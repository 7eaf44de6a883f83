//! Who may do what: every authorisation rule of the portal, in one place. Handlers ask here
//! before they touch an object; what a person may not see is "not found" to them, so that
//! ids of other institutions' drafts reveal nothing.

use super::roles::Juror;
use super::{Role, User};
use crate::error::AppError;
use crate::ids::OrganisationId;

// Whether a person has a role at all is in their type (`roles::Secretariat`, `Juror`, ...);
// what follows are the rules that also depend on the object.

/// How far a person may go with an entry of an institution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryAccess {
    /// An approved member of the entering institution: may read it and, while the entry
    /// allows, edit, submit and withdraw it.
    Member,
    /// The secretariat: may read and screen it.
    Secretariat,
}

/// `acting_for` are the institutions the person is an approved member of.
pub fn entry_access(
    user: &User,
    entry_organisation: OrganisationId,
    acting_for: &[OrganisationId],
) -> Result<EntryAccess, AppError> {
    match user.role {
        Role::Secretariat => Ok(EntryAccess::Secretariat),
        Role::Submitter if acting_for.contains(&entry_organisation) => Ok(EntryAccess::Member),
        _ => Err(AppError::NotFound),
    }
}

/// A juror sees and scores an entry only when it is assigned to them and they have no
/// conflict with it; to other jurors it does not exist (and only jurors get this far).
pub fn require_reviewer(_juror: &Juror, assigned: bool, conflicted: bool) -> Result<(), AppError> {
    if assigned && !conflicted {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The ranking of a competition is for the secretariat and the chair of its jury.
pub fn require_ranking_reader(user: &User, chairs_the_jury: bool) -> Result<(), AppError> {
    if user.role == Role::Secretariat || (user.role == Role::Juror && chairs_the_jury) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Where a person sits in the jury's discussion of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscussionSeat {
    Secretariat,
    /// The chair of the competition's jury, assigned to the entry or not.
    Chair,
    /// A juror of the entry who has submitted their own review.
    Juror,
    /// A juror of the entry who has not yet submitted their review: they join the discussion
    /// once they have, as they see the panel's scores.
    AfterOwnReview,
}

/// The discussion of an entry is for its jurors, the chair and the secretariat; never for a
/// juror with a conflict (to whom it does not exist) nor for anyone else.
pub fn discussion_seat(
    user: &User,
    chairs_the_jury: bool,
    assigned: bool,
    submitted: bool,
    conflicted: bool,
) -> Result<DiscussionSeat, AppError> {
    match user.role {
        Role::Secretariat => Ok(DiscussionSeat::Secretariat),
        Role::Juror if conflicted => Err(AppError::NotFound),
        Role::Juror if chairs_the_jury => Ok(DiscussionSeat::Chair),
        Role::Juror if assigned && submitted => Ok(DiscussionSeat::Juror),
        Role::Juror if assigned => Ok(DiscussionSeat::AfterOwnReview),
        Role::Juror => Err(AppError::NotFound),
        _ => Err(AppError::Forbidden),
    }
}
