//! What a juror says before the assignment: the languages they judge entries in, and, while
//! screening ends, which eligible entries they would like to judge.

use std::collections::BTreeMap;

use diesel::QueryResult;

use super::preferences::{open_for_preferences, Preference};
use super::repository::{self, Candidate, Juror};
use super::service;
use crate::accounts::roles::Juror as JurorAccount;
use crate::competitions::{self, Competition};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::forms::FormError;
use crate::ids::{CompetitionId, EntryId};
use crate::languages::Message;
use crate::taxonomy::Language;

/// A juror's sheet of preferences for one competition: the eligible entries they may judge.
pub struct PreferenceSheet {
    pub competition: Competition,
    pub entries: Vec<(Candidate, Option<Preference>)>,
    /// Eligible entries left off because the juror does not read their language.
    pub in_other_languages: usize,
    /// The languages the juror judges in, which decide the entries listed.
    pub languages: Vec<Language>,
}

/// The juror's appointment to `id`; a competition they do not judge does not exist for them.
fn appointment(
    conn: &mut DbConnection,
    juror: &JurorAccount,
    id: CompetitionId,
) -> Result<(Competition, Juror), AppError> {
    let competition = competitions::repository::find(conn, id)?.ok_or(AppError::NotFound)?;
    let appointed = repository::jurors_of(conn, id)?
        .into_iter()
        .find(|appointed| appointed.user.id == juror.id)
        .ok_or(AppError::NotFound)?;
    Ok((competition, appointed))
}

/// The eligible entries of the competition the juror could be given: no conflict, a
/// language they read; and how many are in other languages.
fn entries_for(
    conn: &mut DbConnection,
    competition: &Competition,
    juror: &Juror,
) -> QueryResult<(Vec<Candidate>, usize)> {
    let candidates = repository::eligible_entries(conn, competition.id)?;
    let conflicts =
        service::conflicts_of(conn, competition, std::slice::from_ref(juror), &candidates)?;
    let (readable, other): (Vec<Candidate>, Vec<Candidate>) = candidates
        .into_iter()
        .filter(|candidate| !conflicts.contains_key(&(candidate.id, juror.user.id)))
        .partition(|candidate| juror.reads(candidate.language));
    Ok((readable, other.len()))
}

pub fn sheet(
    conn: &mut DbConnection,
    juror: &JurorAccount,
    id: CompetitionId,
) -> Result<PreferenceSheet, AppError> {
    let (competition, appointed) = appointment(conn, juror, id)?;
    let (candidates, in_other_languages) = entries_for(conn, &competition, &appointed)?;
    let said = repository::preferences_in(conn, id)?;
    let entries = candidates
        .into_iter()
        .map(|candidate| {
            let preference = said.get(&(candidate.id, juror.id)).copied();
            (candidate, preference)
        })
        .collect();
    Ok(PreferenceSheet {
        competition,
        entries,
        in_other_languages,
        languages: appointed.languages,
    })
}

/// Keeps the juror's preferences on the entries they may be given (others are ignored: a
/// conflict or a language makes them moot); says how many were stated.
pub fn save(
    conn: &mut DbConnection,
    juror: &JurorAccount,
    id: CompetitionId,
    chosen: &BTreeMap<EntryId, Option<Preference>>,
) -> Result<usize, FormError> {
    crate::db::write_transaction(conn, |conn| {
        let (competition, appointed) = appointment(conn, juror, id)?;
        if !open_for_preferences(&competition) {
            return Err(FormError::invalid(
                "preferences",
                Message::new("jury-preferences-closed"),
            ));
        }
        let (candidates, _) = entries_for(conn, &competition, &appointed)?;
        let kept: Vec<(EntryId, Option<Preference>)> = candidates
            .iter()
            .filter_map(|candidate| chosen.get(&candidate.id).map(|p| (candidate.id, *p)))
            .collect();
        repository::set_preferences(conn, juror.id, &kept)?;
        Ok(kept
            .iter()
            .filter(|(_, preference)| preference.is_some())
            .count())
    })
}

/// The languages a juror says they judge entries in; at least one.
pub fn state_languages(
    conn: &mut DbConnection,
    juror: &JurorAccount,
    languages: &[Language],
) -> Result<(), FormError> {
    if languages.is_empty() {
        return Err(FormError::invalid(
            "languages",
            Message::new("jury-choose-a-language"),
        ));
    }
    crate::db::write_transaction(conn, |conn| {
        repository::set_languages(conn, juror.id, languages)?;
        Ok(())
    })
}
