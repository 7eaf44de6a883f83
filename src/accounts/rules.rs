//! What a person may do with memberships, now: one table that the account page (which
//! institutions it offers) and the services (what they accept) both read, as
//! `submissions::rules` is for entries.

use super::{Membership, MembershipStatus};
use crate::languages::{Arg, Message};
use crate::organisations::Organisation;

/// Requests one account may have waiting at once: enough for a person who acts for a few
/// institutions, and a bound on what one account can pile on the secretariat's list.
pub const MAX_PENDING_REQUESTS: usize = 3;

/// Why a request to act for an institution is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestRefused {
    /// The institution waits for approval itself, or is not in the portal.
    NotInPortal,
    /// The person has asked for it before, whatever came of that.
    AlreadyAsked,
    /// The person has `MAX_PENDING_REQUESTS` waiting.
    TooManyWaiting,
}

impl RequestRefused {
    pub fn message(self) -> Message {
        match self {
            RequestRefused::NotInPortal => Message::new("account-choose-an-institution"),
            RequestRefused::AlreadyAsked => Message::new("account-you-have-already-asked"),
            RequestRefused::TooManyWaiting => Message::new("account-too-many-pending")
                .with("max", Arg::digits(MAX_PENDING_REQUESTS as i64)),
        }
    }
}

/// Whether someone whose requests so far are `theirs` may ask to act for `institution`.
pub fn may_request(
    theirs: &[Membership],
    institution: &Organisation,
) -> Result<(), RequestRefused> {
    if !institution.approved {
        Err(RequestRefused::NotInPortal)
    } else if theirs.iter().any(|m| m.organisation_id == institution.id) {
        Err(RequestRefused::AlreadyAsked)
    } else {
        may_register(theirs)
    }
}

/// Whether someone whose requests so far are `theirs` may register a new institution (which
/// is a request to act for it).
pub fn may_register(theirs: &[Membership]) -> Result<(), RequestRefused> {
    let waiting = theirs
        .iter()
        .filter(|m| m.status == MembershipStatus::Requested)
        .count();
    if waiting >= MAX_PENDING_REQUESTS {
        Err(RequestRefused::TooManyWaiting)
    } else {
        Ok(())
    }
}

/// Whether the account page offers `institution` to join: every institution a request could
/// be made for but for the number waiting, which the form answers when sent.
pub fn offers(theirs: &[Membership], institution: &Organisation) -> bool {
    matches!(
        may_request(theirs, institution),
        Ok(()) | Err(RequestRefused::TooManyWaiting)
    )
}

/// The secretariat decides a request once, while it waits.
pub fn may_decide(membership: &Membership) -> bool {
    membership.status == MembershipStatus::Requested
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{MembershipId, OrganisationId, UserId};
    use crate::taxonomy::{OrganisationKind, Region};

    fn membership(organisation: i32, status: MembershipStatus) -> Membership {
        Membership {
            id: MembershipId(organisation),
            user_id: UserId(1),
            organisation_id: OrganisationId(organisation),
            status,
            requested_at: chrono::NaiveDateTime::default(),
            decision_note: String::new(),
        }
    }

    fn institution(id: i32, approved: bool) -> Organisation {
        Organisation {
            id: OrganisationId(id),
            name: format!("Institution {id}"),
            country: "CL".into(),
            region: Region::Americas,
            kind: OrganisationKind::PensionFund,
            created_at: chrono::NaiveDateTime::default(),
            approved,
        }
    }

    #[test]
    fn the_membership_table() {
        use MembershipStatus::*;
        let none: Vec<Membership> = Vec::new();
        assert_eq!(may_request(&none, &institution(1, true)), Ok(()));
        assert_eq!(
            may_request(&none, &institution(1, false)),
            Err(RequestRefused::NotInPortal)
        );
        for status in [Requested, Approved, Rejected] {
            let asked = [membership(1, status)];
            assert_eq!(
                may_request(&asked, &institution(1, true)),
                Err(RequestRefused::AlreadyAsked)
            );
            assert!(!offers(&asked, &institution(1, true)));
            assert_eq!(may_decide(&asked[0]), status == Requested);
        }
        let waiting: Vec<Membership> = (2..5).map(|id| membership(id, Requested)).collect();
        assert_eq!(
            may_request(&waiting, &institution(1, true)),
            Err(RequestRefused::TooManyWaiting)
        );
        assert_eq!(may_register(&waiting), Err(RequestRefused::TooManyWaiting));
        assert!(offers(&waiting, &institution(1, true)));
        let decided: Vec<Membership> = (2..5).map(|id| membership(id, Approved)).collect();
        assert_eq!(may_request(&decided, &institution(1, true)), Ok(()));
        assert_eq!(may_register(&decided), Ok(()));
    }
}
