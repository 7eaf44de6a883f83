//! The secretariat's work on a jury: appoint and dismiss jurors, assign entries to them
//! (automatically and by hand), never against a conflict of interest.

use std::collections::{BTreeMap, BTreeSet};

use diesel::prelude::*;

use super::assignment::{self, EntryNeed, JurorOffer, Limits};
use super::conflicts;
use super::preferences::{Preference, PreferencesMet};
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
use crate::taxonomy::{Language, Topic};

/// One eligible entry on the jury board.
pub struct BoardEntry {
    pub candidate: Candidate,
    pub assigned: Vec<(UserId, String)>,
    /// Jurors who may not judge it, with the reason.
    pub conflicted: Vec<(String, Message)>,
    /// Why it has fewer jurors than it needs, if it has.
    pub shortfall: Option<Message>,
}

/// One language of the eligible entries: how many are written in it, how many jurors read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanguageSupply {
    pub language: Language,
    pub entries: usize,
    pub readers: usize,
}

pub struct JuryBoard {
    pub competition: Competition,
    pub jurors: Vec<Juror>,
    pub progress: BTreeMap<UserId, Progress>,
    pub entries: Vec<BoardEntry>,
    /// Each language of the entries, before anything is assigned as after.
    pub languages: Vec<LanguageSupply>,
    pub preferences: PreferencesMet,
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
pub(super) fn conflicts_of(
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
    let entries: Vec<BoardEntry> = candidates
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
            let without_conflict: Vec<&Juror> = jurors
                .iter()
                .filter(|juror| !conflicts.contains_key(&(candidate.id, juror.user.id)))
                .collect();
            let able = without_conflict
                .iter()
                .filter(|juror| juror.reads(candidate.language))
                .count();
            let shortfall =
                (assignment_started && on_entry.len() < needed).then(|| match candidate.language {
                    _ if able >= needed => Message::new("jury-shortfall-assigned")
                        .with("assigned", on_entry.len())
                        .with("needed", needed),
                    Some(language) if able < without_conflict.len() => {
                        let language = Arg::Language(language.slug().into());
                        if able == 0 {
                            Message::new("jury-shortfall-no-reader").with("language", language)
                        } else {
                            Message::new("jury-shortfall-readers")
                                .with("able", able)
                                .with("language", language)
                                .with("needed", needed)
                        }
                    }
                    _ => Message::new("jury-shortfall-conflicts")
                        .with("possible", without_conflict.len())
                        .with("jurors", jurors.len())
                        .with("needed", needed),
                });
            BoardEntry {
                candidate,
                assigned: on_entry,
                conflicted,
                shortfall,
            }
        })
        .collect();
    let languages = language_supply(&entries, &jurors);
    let preferences = PreferencesMet::count(repository::preferences_in(conn, id)?, |pair| {
        assigned.contains(pair)
    });
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
        languages,
        preferences,
        available,
    })
}

/// Per language of the entries, how many there are and how many jurors read it.
fn language_supply(entries: &[BoardEntry], jurors: &[Juror]) -> Vec<LanguageSupply> {
    let written_in: BTreeSet<Language> = entries
        .iter()
        .filter_map(|entry| entry.candidate.language)
        .collect();
    written_in
        .into_iter()
        .map(|language| LanguageSupply {
            language,
            entries: entries
                .iter()
                .filter(|entry| entry.candidate.language == Some(language))
                .count(),
            readers: jurors
                .iter()
                .filter(|juror| juror.languages.contains(&language))
                .count(),
        })
        .filter(|supply| supply.entries > 0)
        .collect()
}

/// The pairs automatic assignment must never make: conflicts of interest, and entries in a
/// language the juror does not read unless the secretariat assigned them so by hand (`existing`),
/// giving a reason.
fn forbidden_pairs(
    conn: &mut DbConnection,
    competition: &Competition,
    jurors: &[Juror],
    candidates: &[Candidate],
    existing: &BTreeSet<(i32, i32)>,
) -> QueryResult<BTreeSet<(i32, i32)>> {
    let mut forbidden: BTreeSet<(i32, i32)> = conflicts_of(conn, competition, jurors, candidates)?
        .into_keys()
        .map(|(entry, user)| (entry.0, user.0))
        .collect();
    for juror in jurors {
        for candidate in candidates {
            let pair = (candidate.id.0, juror.user.id.0);
            if !juror.reads(candidate.language) && !existing.contains(&pair) {
                forbidden.insert(pair);
            }
        }
    }
    Ok(forbidden)
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
    languages: &[Language],
) -> Result<(), FormError> {
    with_open_jury(conn, secretariat, id, |conn, _| {
        let juror = accounts::repository::find_user(conn, user)?
            .filter(|person| person.role == Role::Juror)
            .ok_or_else(|| {
                FormError::invalid("juror", Message::new("jury-choose-an-account-with"))
            })?;
        repository::appoint(conn, id, user, is_chair, topics)?;
        // Unticked, the languages stay as the juror stated them.
        if !languages.is_empty() {
            repository::set_languages(conn, user, languages)?;
        }
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
        let existing: BTreeSet<(i32, i32)> = repository::assignments_of(conn, id)?
            .into_iter()
            .map(|(entry, user)| (entry.0, user.0))
            .collect();
        let forbidden = forbidden_pairs(conn, competition, &jurors, &candidates, &existing)?;
        let preferences: BTreeMap<(i32, i32), Preference> = repository::preferences_in(conn, id)?
            .into_iter()
            .map(|((entry, user), preference)| ((entry.0, user.0), preference))
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
        let limits = Limits {
            forbidden: &forbidden,
            existing: &existing,
            preferences: &preferences,
        };
        let result = assignment::assign(&needs, &offers, per_entry, limits);
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

/// A change to one entry's jurors made by hand.
pub struct ManualChange {
    pub entry: EntryId,
    pub user: UserId,
    pub add: bool,
    /// Why a juror is given an entry in a language they have not said they read; without
    /// one, such an assignment is refused with a warning that asks for it.
    pub reason: String,
}

/// Adds or removes one juror on one entry by hand; never against a conflict, and across
/// languages only with a reason, which the audit log keeps.
pub fn change_assignment(
    conn: &mut DbConnection,
    secretariat: &Secretariat,
    id: CompetitionId,
    change: &ManualChange,
) -> Result<(), FormError> {
    let ManualChange {
        entry, user, add, ..
    } = *change;
    with_open_jury(conn, secretariat, id, |conn, competition| {
        let jurors = repository::jurors_of(conn, id)?;
        let candidates = repository::eligible_entries(conn, id)?;
        let (Some(candidate), Some(juror)) = (
            candidates.iter().find(|c| c.id == entry),
            jurors.iter().find(|j| j.user.id == user),
        ) else {
            return Err(AppError::NotFound.into());
        };
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
        if let Some(language) = candidate.language.filter(|&l| !juror.reads(Some(l))) {
            let reason = change.reason.trim();
            if reason.is_empty() {
                return Err(FormError::invalid(
                    "reason",
                    Message::new("jury-does-not-read")
                        .with("juror", &juror.user.name)
                        .with("language", Arg::Language(language.slug().into())),
                ));
            }
            let note = format!(
                "{} on \"{}\" ({}): {reason}",
                juror.user.name,
                candidate.title,
                language.slug()
            );
            record(
                conn,
                secretariat,
                id,
                AuditAction::AssignedAcrossLanguages,
                &note,
            )?;
        }
        repository::assign(conn, entry, user)?;
        Ok(())
    })
}
