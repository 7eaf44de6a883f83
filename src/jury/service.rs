//! The secretariat's work on a jury: appoint and dismiss jurors, assign entries to them
//! (automatically and by hand), never against a conflict of interest.

use std::collections::{BTreeMap, BTreeSet};

use diesel::prelude::*;

use super::assignment::{self, EntryNeed, JurorOffer};
use super::conflicts;
use super::repository::{self, Candidate, Juror};
use crate::accounts::roles::Secretariat;
use crate::accounts::{self, Role, User};
use crate::audit::{self, AuditAction, AuditSubject, Change};
use crate::competitions::{self, Competition, Phase};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::forms::FormError;
use crate::ids::{CompetitionId, EntryId, UserId};
use crate::languages::{Arg, Message};
use crate::outbox;
use crate::taxonomy::Topic;

/// One eligible entry on the jury board.
pub struct BoardEntry {
    pub candidate: Candidate,
    pub assigned: Vec<(UserId, String)>,
    /// Jurors who may not judge it, with the reason.
    pub conflicted: Vec<(String, Message)>,
    /// Why it has fewer jurors than it needs, if it has.
    pub shortfall: Option<Message>,
}

pub struct JuryBoard {
    pub competition: Competition,
    pub jurors: Vec<Juror>,
    pub progress: BTreeMap<UserId, Progress>,
    pub entries: Vec<BoardEntry>,
    /// People with the juror role who can still be appointed.
    pub available: Vec<User>,
}

/// How far a juror is with the reviews of their assigned entries.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub assigned: usize,
    pub submitted: usize,
}

impl Progress {
    pub fn unfinished(self) -> usize {
        self.assigned - self.submitted
    }
}

/// Each juror's progress; a review counts only while its entry is still assigned to them.
pub fn progress(
    conn: &mut DbConnection,
    id: CompetitionId,
) -> QueryResult<BTreeMap<UserId, Progress>> {
    let submitted = repository::submitted_reviews(conn, id)?;
    let mut progress: BTreeMap<UserId, Progress> = BTreeMap::new();
    for pair in repository::assignments_of(conn, id)? {
        let juror = progress.entry(pair.1).or_default();
        juror.assigned += 1;
        juror.submitted += usize::from(submitted.contains(&pair));
    }
    Ok(progress)
}

/// E-mails every juror who has assigned entries without a submitted review, during the
/// review; says how many were reminded.
pub fn remind(
    conn: &mut DbConnection,
    secretariat: &Secretariat,
    id: CompetitionId,
    jury_url: &str,
) -> Result<usize, FormError> {
    crate::db::write_transaction(conn, |conn| {
        let competition = competitions::repository::find(conn, id)?.ok_or(AppError::NotFound)?;
        if competition.phase != Phase::Review {
            return Err(FormError::invalid(
                "reminders",
                Message::new("jury-reminders-only-in-review"),
            ));
        }
        let progress = progress(conn, id)?;
        let mut reminded = 0;
        for juror in repository::jurors_of(conn, id)? {
            let Some(own) = progress
                .get(&juror.user.id)
                .filter(|own| own.unfinished() > 0)
            else {
                continue;
            };
            let mut mail = Message::new("mail-reminder")
                .with("name", &juror.user.name)
                .with("competition", &competition.title)
                .with("left", own.unfinished())
                .with("assigned", own.assigned)
                .with("link", jury_url);
            mail = match competition.review_deadline {
                Some(closes) => mail.with("closes", Arg::Moment(closes)),
                None => mail.with("closes", "none"),
            };
            outbox::queue(conn, &juror.user, &mail)?;
            reminded += 1;
        }
        if reminded == 0 {
            return Err(FormError::invalid(
                "reminders",
                Message::new("jury-reminders-everyone-done"),
            ));
        }
        let note = format!("{reminded} jurors reminded");
        record(conn, secretariat, id, AuditAction::JurorsReminded, &note)?;
        Ok(reminded)
    })
}

/// Every `(entry, juror)` conflict with its reason: declared ones and those that follow from
/// the juror's institutions.
fn conflicts_of(
    conn: &mut DbConnection,
    competition: &Competition,
    jurors: &[Juror],
    candidates: &[Candidate],
) -> QueryResult<BTreeMap<(EntryId, UserId), Message>> {
    let mut found: BTreeMap<(EntryId, UserId), Message> =
        repository::declared(conn, competition.id)?
            .into_iter()
            .map(|(entry, user, reason)| {
                let reason = Message::new("jury-conflict-declared").with("reason", reason);
                ((entry, user), reason)
            })
            .collect();
    for juror in jurors {
        let affiliations = repository::affiliations(conn, juror.user.id)?;
        for candidate in candidates {
            if let Some(reason) = conflicts::automatic(
                &affiliations,
                &candidate.parties,
                competition.country_conflicts,
            ) {
                found
                    .entry((candidate.id, juror.user.id))
                    .or_insert_with(|| Message::new(reason));
            }
        }
    }
    Ok(found)
}

pub fn board(conn: &mut DbConnection, id: CompetitionId) -> Result<JuryBoard, AppError> {
    let competition = competitions::repository::find(conn, id)?.ok_or(AppError::NotFound)?;
    let jurors = repository::jurors_of(conn, id)?;
    let candidates = repository::eligible_entries(conn, id)?;
    let conflicts = conflicts_of(conn, &competition, &jurors, &candidates)?;
    let assigned = repository::assignments_of(conn, id)?;
    let name_of = |user: UserId| {
        jurors
            .iter()
            .find(|juror| juror.user.id == user)
            .map_or_else(|| format!("#{user}"), |juror| juror.user.name.clone())
    };
    let needed = usize::try_from(competition.jurors_per_entry).unwrap_or(0);
    // Before anything is assigned, every entry is short of jurors: that is no news to flag.
    let assignment_started = !assigned.is_empty();
    let entries = candidates
        .into_iter()
        .map(|candidate| {
            let on_entry: Vec<(UserId, String)> = assigned
                .iter()
                .filter(|(entry, _)| *entry == candidate.id)
                .map(|&(_, user)| (user, name_of(user)))
                .collect();
            let conflicted: Vec<(String, Message)> = conflicts
                .iter()
                .filter(|((entry, _), _)| *entry == candidate.id)
                .map(|(&(_, user), reason)| (name_of(user), reason.clone()))
                .collect();
            let possible = jurors.len() - conflicted.len();
            let shortfall = (assignment_started && on_entry.len() < needed).then(|| {
                if possible < needed {
                    Message::new("jury-shortfall-conflicts")
                        .with("possible", possible)
                        .with("jurors", jurors.len())
                        .with("needed", needed)
                } else {
                    Message::new("jury-shortfall-assigned")
                        .with("assigned", on_entry.len())
                        .with("needed", needed)
                }
            });
            BoardEntry {
                candidate,
                assigned: on_entry,
                conflicted,
                shortfall,
            }
        })
        .collect();
    let appointed: BTreeSet<UserId> = jurors.iter().map(|juror| juror.user.id).collect();
    let available = accounts::repository::users_with_role(conn, Role::Juror)?
        .into_iter()
        .filter(|user| !appointed.contains(&user.id))
        .collect();
    Ok(JuryBoard {
        progress: progress(conn, id)?,
        competition,
        jurors,
        entries,
        available,
    })
}

fn record(
    conn: &mut DbConnection,
    secretariat: &Secretariat,
    competition: CompetitionId,
    action: AuditAction,
    note: &str,
) -> QueryResult<()> {
    audit::record(
        conn,
        &Change {
            note,
            ..Change::new(
                Some(secretariat.id),
                AuditSubject::Competition,
                competition.0,
                action,
            )
        },
    )
}

/// Runs a change to a jury in one transaction, as the secretariat, while the jury can still
/// change: until the results are decided.
fn with_open_jury<T>(
    conn: &mut DbConnection,
    _secretariat: &Secretariat,
    id: CompetitionId,
    change: impl FnOnce(&mut DbConnection, &Competition) -> Result<T, FormError>,
) -> Result<T, FormError> {
    crate::db::write_transaction(conn, |conn| {
        let competition = competitions::repository::find(conn, id)?.ok_or(AppError::NotFound)?;
        if competition.phase >= Phase::Deliberation {
            return Err(FormError::invalid(
                "jury",
                Message::new("jury-the-review-is-over"),
            ));
        }
        change(conn, &competition)
    })
}

pub fn appoint(
    conn: &mut DbConnection,
    secretariat: &Secretariat,
    id: CompetitionId,
    user: UserId,
    is_chair: bool,
    topics: &[Topic],
) -> Result<(), FormError> {
    with_open_jury(conn, secretariat, id, |conn, _| {
        let juror = accounts::repository::find_user(conn, user)?
            .filter(|person| person.role == Role::Juror)
            .ok_or_else(|| {
                FormError::invalid("juror", Message::new("jury-choose-an-account-with"))
            })?;
        repository::appoint(conn, id, user, is_chair, topics)?;
        let note = format!("{}{}", juror.name, if is_chair { " (chair)" } else { "" });
        record(conn, secretariat, id, AuditAction::JurorAppointed, &note)?;
        Ok(())
    })
}

pub fn dismiss(
    conn: &mut DbConnection,
    secretariat: &Secretariat,
    id: CompetitionId,
    user: UserId,
) -> Result<(), FormError> {
    with_open_jury(conn, secretariat, id, |conn, _| {
        let juror = accounts::repository::find_user(conn, user)?.ok_or(AppError::NotFound)?;
        repository::dismiss(conn, id, user)?;
        record(
            conn,
            secretariat,
            id,
            AuditAction::JurorDismissed,
            &juror.name,
        )?;
        Ok(())
    })
}

/// Tops every eligible entry up to the competition's number of jurors, keeping the
/// assignments already made; says how many were added.
pub fn assign_automatically(
    conn: &mut DbConnection,
    secretariat: &Secretariat,
    id: CompetitionId,
) -> Result<usize, FormError> {
    with_open_jury(conn, secretariat, id, |conn, competition| {
        let jurors = repository::jurors_of(conn, id)?;
        let candidates = repository::eligible_entries(conn, id)?;
        let conflicts: BTreeSet<(i32, i32)> =
            conflicts_of(conn, competition, &jurors, &candidates)?
                .into_keys()
                .map(|(entry, user)| (entry.0, user.0))
                .collect();
        let existing: BTreeSet<(i32, i32)> = repository::assignments_of(conn, id)?
            .into_iter()
            .map(|(entry, user)| (entry.0, user.0))
            .collect();
        let needs: Vec<EntryNeed> = candidates
            .iter()
            .map(|candidate| EntryNeed {
                entry: candidate.id.0,
                topics: candidate
                    .topics
                    .iter()
                    .map(|t| t.slug().to_owned())
                    .collect(),
            })
            .collect();
        let offers: Vec<JurorOffer> = jurors
            .iter()
            .map(|juror| JurorOffer {
                juror: juror.user.id.0,
                expertise: juror.topics.iter().map(|t| t.slug().to_owned()).collect(),
            })
            .collect();
        let per_entry = usize::try_from(competition.jurors_per_entry).unwrap_or(0);
        let result = assignment::assign(&needs, &offers, per_entry, &conflicts, &existing);
        // The rebalancing may move existing pairs: apply the difference both ways.
        for &(entry, user) in existing.difference(&result.pairs) {
            repository::unassign(conn, EntryId(entry), UserId(user))?;
        }
        let added: Vec<(i32, i32)> = result.pairs.difference(&existing).copied().collect();
        for &(entry, user) in &added {
            repository::assign(conn, EntryId(entry), UserId(user))?;
        }
        let note = format!(
            "{} assignments made, {} entries short of jurors",
            added.len(),
            result.uncovered.len()
        );
        record(conn, secretariat, id, AuditAction::JuryAssigned, &note)?;
        Ok(added.len())
    })
}

/// Adds or removes one juror on one entry by hand; never against a conflict.
pub fn change_assignment(
    conn: &mut DbConnection,
    secretariat: &Secretariat,
    id: CompetitionId,
    entry: EntryId,
    user: UserId,
    add: bool,
) -> Result<(), FormError> {
    with_open_jury(conn, secretariat, id, |conn, competition| {
        let jurors = repository::jurors_of(conn, id)?;
        let candidates = repository::eligible_entries(conn, id)?;
        if !candidates.iter().any(|c| c.id == entry) || !jurors.iter().any(|j| j.user.id == user) {
            return Err(AppError::NotFound.into());
        }
        if !add {
            repository::unassign(conn, entry, user)?;
            return Ok(());
        }
        if let Some(reason) =
            conflicts_of(conn, competition, &jurors, &candidates)?.get(&(entry, user))
        {
            return Err(FormError::invalid(
                "jury",
                Message::new("jury-has-conflict").with("reason", reason),
            ));
        }
        repository::assign(conn, entry, user)?;
        Ok(())
    })
}
