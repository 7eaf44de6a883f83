//! Deliberation and publishing: the award of each entry, then the results made public as
//! practices of the database.

use chrono::NaiveDateTime;

use super::repository;
use crate::accounts::roles::Secretariat;
use crate::accounts::{self, policy, User};
use crate::audit::{self, AuditAction, AuditSubject, Change};
use crate::competitions::{self, Phase};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::forms::FormError;
use crate::ids::{CompetitionId, EntryId};
use crate::languages::key;
use crate::languages::{Arg, Message};
use crate::outbox;
use crate::paths;
use crate::practices::models::{NewPractice, PracticeLinks};
use crate::practices::repository as practices;
use crate::practices::translations;
use crate::submissions;
use crate::taxonomy::{Award, PracticeStatus};

/// What the jury decides for one entry.
pub struct Decision {
    pub award: Option<Award>,
    pub innovation_distinction: bool,
    pub note: String,
}

/// Records the decision on one entry; by the chair or the secretariat, during deliberation.
pub fn decide(
    conn: &mut DbConnection,
    user: &User,
    competition: CompetitionId,
    entry: EntryId,
    decision: &Decision,
    now: NaiveDateTime,
) -> Result<(), FormError> {
    let Decision {
        award,
        innovation_distinction,
        note,
    } = decision;
    let award = *award;
    crate::db::write_transaction(conn, |conn| {
        policy::require_ranking_reader(user, repository::is_chair(conn, competition, user.id)?)?;
        let found = competitions::repository::find(conn, competition)?.ok_or(AppError::NotFound)?;
        if found.phase != Phase::Deliberation {
            return Err(FormError::invalid(
                "award",
                Message::new("jury-awards-are-decided-during"),
            ));
        }
        if award == Some(Award::InnovationDistinction) {
            return Err(FormError::invalid(
                "award",
                Message::new("jury-the-special-distinction-for"),
            ));
        }
        if !repository::eligible_entries(conn, competition)?
            .iter()
            .any(|candidate| candidate.id == entry)
        {
            return Err(AppError::NotFound.into());
        }
        repository::decide(
            conn,
            entry,
            note.trim(),
            award,
            *innovation_distinction,
            now,
        )?;
        Ok(())
    })
}

/// Publishes the results: every eligible entry becomes a public practice with its award,
/// the competition moves to "published", and every entering institution is told.
/// `public_url` makes the certificate links of the results e-mails absolute.
pub fn publish(
    conn: &mut DbConnection,
    secretariat: &Secretariat,
    id: CompetitionId,
    public_url: &str,
    now: NaiveDateTime,
) -> Result<usize, FormError> {
    crate::db::write_transaction(conn, |conn| {
        let competition = competitions::repository::find(conn, id)?.ok_or(AppError::NotFound)?;
        if competition.phase != Phase::Deliberation {
            return Err(FormError::invalid(
                "phase",
                Message::new("jury-results-are-published-from"),
            ));
        }
        let decisions = repository::decisions(conn, id)?;
        let candidates = repository::eligible_entries(conn, id)?;
        for candidate in &candidates {
            let entry =
                submissions::repository::find(conn, candidate.id)?.ok_or(AppError::NotFound)?;
            let links = submissions::repository::links(conn, candidate.id)?;
            let fields = &entry.fields;
            let (
                Some(language),
                Some(implementation_year),
                Some(impact_area),
                Some(approach),
                Some(innovation_type),
                Some(governance_level),
            ) = (
                fields.language,
                fields.implementation_year,
                fields.impact_area,
                fields.approach,
                fields.innovation_type,
                fields.governance_level,
            )
            else {
                return Err(FormError::invalid(
                    "phase",
                    Message::new("jury-entry-unclassified").with("id", Arg::digits(entry.id.0)),
                ));
            };
            let decision = decisions.iter().find(|d| d.entry == entry.id);
            let award = decision.and_then(|d| d.award);
            let distinction = decision.is_some_and(|d| d.innovation_distinction);
            let practice = practices::insert(
                conn,
                &NewPractice {
                    organisation_id: entry.organisation_id,
                    title: &fields.title,
                    summary: &fields.summary,
                    challenge: &fields.challenge,
                    solution: &fields.solution,
                    results: &fields.results,
                    innovation: &fields.innovation,
                    sustainability: &fields.sustainability,
                    replicability: &fields.replicability,
                    language,
                    implementation_year,
                    status: PracticeStatus::Published,
                    award,
                    innovation_distinction: distinction,
                    competition_year: Some(competition.cycle_year),
                    impact_area,
                    approach,
                    innovation_type,
                    governance_level,
                    published_at: Some(now),
                    entry_id: Some(entry.id),
                },
                &PracticeLinks {
                    partners: links.partners,
                    topics: links.topics,
                    elements: links.elements,
                    integrations: links.integrations,
                },
            )?;
            translations::adopt_entry_versions(conn, entry.id, practice, language.slug())?;
            // The language files choose the sentence by `outcome`.
            let outcome = match (award, distinction) {
                (Some(_), true) => "award-and-distinction",
                (Some(_), false) => "award",
                (None, true) => "distinction",
                (None, false) => "database",
            };
            let mail = Message::new("mail-results")
                .with("competition", &competition.title)
                .with("title", &fields.title)
                .with("outcome", outcome)
                .with(
                    "award",
                    Arg::key(award.map_or(key!("award-attestation"), Award::label_key)),
                )
                .with(
                    "certificate",
                    format!("{public_url}{}", paths::practice_certificate(practice)),
                );
            for member in accounts::repository::members(conn, entry.organisation_id)? {
                outbox::queue(conn, &member, &mail)?;
            }
        }
        if !competitions::repository::set_phase(conn, id, Phase::Deliberation, Phase::Published)? {
            return Err(FormError::invalid(
                "phase",
                Message::new("jury-the-competition-changed-meanwhile"),
            ));
        }
        // The public page then says when the results came out, not "to be announced".
        competitions::repository::record_results_announced(conn, id, now)?;
        let note = format!("{} practices published", candidates.len());
        audit::record(
            conn,
            &Change {
                from_state: Some(Phase::Deliberation.slug()),
                to_state: Some(Phase::Published.slug()),
                note: &note,
                ..Change::new(
                    Some(secretariat.id),
                    AuditSubject::Competition,
                    id.0,
                    AuditAction::PhaseAdvanced,
                )
            },
        )?;
        Ok(candidates.len())
    })
}

/// Releases the jury's comments for the institutions of a published competition: each
/// entering institution may then read, on its entry, the award and the comments meant for it
/// (never scores, never who wrote what), and its members are told where. Returns how many
/// entries have feedback to read.
pub fn release_feedback(
    conn: &mut DbConnection,
    secretariat: &Secretariat,
    id: CompetitionId,
    public_url: &str,
    now: NaiveDateTime,
) -> Result<usize, FormError> {
    crate::db::write_transaction(conn, |conn| {
        let competition = competitions::repository::find(conn, id)?.ok_or(AppError::NotFound)?;
        if competition.phase != Phase::Published {
            return Err(FormError::invalid(
                "phase",
                Message::new("jury-feedback-after-publication"),
            ));
        }
        if !competitions::repository::record_feedback_released(conn, id, now)? {
            return Err(FormError::invalid(
                "phase",
                Message::new("jury-feedback-already-released"),
            ));
        }
        let entries = repository::eligible_entries(conn, id)?;
        for entry in &entries {
            let organisation = entry.parties.organisation;
            let mail = Message::new("mail-feedback")
                .with("competition", &competition.title)
                .with("title", &entry.title)
                .with(
                    "link",
                    format!("{public_url}{}", crate::paths::entry(entry.id)),
                );
            for member in accounts::repository::members(conn, organisation)? {
                outbox::queue(conn, &member, &mail)?;
            }
        }
        audit::record(
            conn,
            &Change {
                note: &format!("{} entries", entries.len()),
                ..Change::new(
                    Some(secretariat.id),
                    AuditSubject::Competition,
                    id.0,
                    AuditAction::FeedbackReleased,
                )
            },
        )?;
        Ok(entries.len())
    })
}
