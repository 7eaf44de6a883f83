//! The secretariat's work on competitions: create, edit, and move through the phases.

use chrono::NaiveDateTime;

use super::rules::{self, PhaseFacts};
use super::{repository, Competition, CompetitionSettings, CriterionDraft, Phase};
use crate::accounts::roles::Secretariat;
use crate::audit::{self, AuditAction, AuditSubject, Change};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::forms::FormError;
use crate::ids::CompetitionId;
use crate::languages::Message;

const TAKEN: Message = Message::new("competition-taken");

pub fn create(
    conn: &mut DbConnection,
    secretariat: &Secretariat,
    settings: &CompetitionSettings,
    criteria: &[CriterionDraft],
) -> Result<CompetitionId, FormError> {
    crate::db::write_transaction(conn, |conn| {
        if repository::cycle_taken(conn, settings.region, settings.cycle_year, None)? {
            return Err(FormError::invalid("cycle_year", TAKEN));
        }
        let id = repository::insert(conn, settings)?;
        repository::replace_criteria(conn, id, criteria)?;
        audit::record(
            conn,
            &Change {
                to_state: Some(Phase::Draft.slug()),
                note: &settings.title,
                ..Change::new(
                    Some(secretariat.id),
                    AuditSubject::Competition,
                    id.0,
                    AuditAction::CompetitionCreated,
                )
            },
        )?;
        Ok(id)
    })
}

/// Saves the settings. Once the review has begun the scale and the criteria stay as the
/// jurors were given them.
pub fn update(
    conn: &mut DbConnection,
    _secretariat: &Secretariat,
    id: CompetitionId,
    settings: &CompetitionSettings,
    criteria: &[CriterionDraft],
) -> Result<(), FormError> {
    crate::db::write_transaction(conn, |conn| {
        let competition = repository::find(conn, id)?.ok_or(AppError::NotFound)?;
        if repository::cycle_taken(conn, settings.region, settings.cycle_year, Some(id))? {
            return Err(FormError::invalid("cycle_year", TAKEN));
        }
        let current: Vec<CriterionDraft> = repository::criteria_of(conn, id)?
            .into_iter()
            .map(|c| CriterionDraft {
                name: c.name,
                description: c.description,
                weight: c.weight,
            })
            .collect();
        let judging_changed = current != criteria
            || competition.scale_min != settings.scale_min
            || competition.scale_max != settings.scale_max;
        if judging_changed && competition.phase >= Phase::Review {
            return Err(FormError::invalid(
                "criteria",
                Message::new("competition-the-review-has-begun"),
            ));
        }
        repository::update(conn, id, settings)?;
        if current != criteria {
            repository::replace_criteria(conn, id, criteria)?;
        }
        Ok(())
    })
}

/// Moves a competition to its next phase (`forward`) or back to the previous one, when the
/// guards allow; closing a phase before its date and reopening need a reason, which is logged.
pub fn change_phase(
    conn: &mut DbConnection,
    secretariat: &Secretariat,
    id: CompetitionId,
    forward: bool,
    early: bool,
    reason: &str,
    now: NaiveDateTime,
) -> Result<Phase, FormError> {
    let reason = reason.trim();
    crate::db::write_transaction(conn, |conn| {
        let competition: Competition = repository::find(conn, id)?.ok_or(AppError::NotFound)?;
        let (to, action, problem) = if forward {
            let facts = PhaseFacts {
                now,
                criteria: repository::criteria_of(conn, id)?.len(),
                awaiting_screening: repository::count_awaiting_screening(conn, id)?,
                jurors: repository::count_jurors(conn, id)?,
            };
            (
                competition.phase.next(),
                AuditAction::PhaseAdvanced,
                rules::advance_problem(&competition, &facts, early),
            )
        } else {
            (
                competition.phase.previous(),
                AuditAction::PhaseReopened,
                rules::reopen_problem(&competition),
            )
        };
        if let Some(problem) = problem {
            return Err(FormError::invalid("phase", problem));
        }
        let to = to.ok_or_else(|| {
            FormError::invalid("phase", Message::new("competition-there-is-no-such"))
        })?;
        if (early || !forward) && reason.is_empty() {
            return Err(FormError::invalid(
                "reason",
                Message::new("competition-give-the-reason-for"),
            ));
        }
        if !repository::set_phase(conn, id, competition.phase, to)? {
            return Err(FormError::invalid(
                "phase",
                Message::new("competition-the-competition-changed-while"),
            ));
        }
        audit::record(
            conn,
            &Change {
                from_state: Some(competition.phase.slug()),
                to_state: Some(to.slug()),
                note: reason,
                ..Change::new(
                    Some(secretariat.id),
                    AuditSubject::Competition,
                    id.0,
                    action,
                )
            },
        )?;
        Ok(to)
    })
}
