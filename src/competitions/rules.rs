//! When a competition may move from one phase to the next, or back.

use chrono::NaiveDateTime;

use super::{Competition, Phase};
use crate::languages::Message;

/// What the guards need to know beyond the competition itself.
#[derive(Debug, Clone, Copy)]
pub struct PhaseFacts {
    pub now: NaiveDateTime,
    pub criteria: usize,
    pub awaiting_screening: i64,
    pub jurors: i64,
}

/// Why the competition may not move on now, if it may not. `early` is the secretariat's
/// explicit wish to close the current phase before its date.
pub fn advance_problem(
    competition: &Competition,
    facts: &PhaseFacts,
    early: bool,
) -> Option<Message> {
    match competition.phase {
        Phase::Draft if facts.criteria == 0 => {
            Some(Message::new("competition-give-the-competition-at"))
        }
        Phase::Draft if competition.call_text.trim().is_empty() => {
            Some(Message::new("competition-write-the-call-first"))
        }
        Phase::Draft if competition.submission_deadline <= facts.now => {
            Some(Message::new("competition-the-submission-deadline-has"))
        }
        Phase::Open if facts.now < competition.submission_deadline && !early => {
            Some(Message::new("competition-deadline-not-passed"))
        }
        Phase::Screening if facts.awaiting_screening > 0 => Some(
            Message::new("competition-still-screening").with("count", facts.awaiting_screening),
        ),
        Phase::Screening if facts.jurors == 0 => {
            Some(Message::new("competition-appoint-the-jury-first"))
        }
        Phase::Review
            if competition
                .review_deadline
                .is_some_and(|deadline| facts.now < deadline)
                && !early =>
        {
            Some(Message::new("competition-review-not-passed"))
        }
        Phase::Deliberation => Some(Message::new("competition-results-are-published-from")),
        Phase::Published => Some(Message::new("competition-the-results-are-published")),
        _ => None,
    }
}

/// Why the competition may not go back one phase, if it may not. Only submissions (from
/// screening) and the review (from deliberation) can be reopened.
pub fn reopen_problem(competition: &Competition) -> Option<Message> {
    match competition.phase {
        Phase::Screening | Phase::Deliberation => None,
        _ => Some(Message::new(
            "competition-only-submissions-during-screening",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::CompetitionId;
    use crate::languages::Lang;
    use crate::taxonomy::Region;
    use chrono::{Duration, NaiveDate};

    fn at(day: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2027, 3, day)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
    }

    fn competition(phase: Phase) -> Competition {
        Competition {
            id: CompetitionId(1),
            region: Region::Europe,
            cycle_year: 2027,
            title: "Europe 2027".into(),
            phase,
            opens_at: at(1),
            submission_deadline: at(10),
            call_text: "Enter your practices.".into(),
            review_deadline: Some(at(20)),
            results_at: None,
            scale_min: 1,
            scale_max: 10,
            jurors_per_entry: 3,
            blind: false,
            country_conflicts: false,
            feedback_released_at: None,
        }
    }

    fn facts(now: NaiveDateTime) -> PhaseFacts {
        PhaseFacts {
            now,
            criteria: 4,
            awaiting_screening: 0,
            jurors: 5,
        }
    }

    #[test]
    fn phases_move_one_way_in_order() {
        assert_eq!(Phase::Draft.next(), Some(Phase::Open));
        assert_eq!(Phase::Deliberation.next(), Some(Phase::Published));
        assert_eq!(Phase::Published.next(), None);
        assert_eq!(Phase::Draft.previous(), None);
    }

    #[test]
    fn submissions_close_at_the_deadline_or_explicitly_early() {
        let open = competition(Phase::Open);
        assert!(advance_problem(&open, &facts(at(5)), false).is_some());
        assert!(advance_problem(&open, &facts(at(5)), true).is_none());
        assert!(advance_problem(&open, &facts(at(10) + Duration::seconds(1)), false).is_none());
    }

    #[test]
    fn review_needs_screening_done_and_a_jury() {
        let screening = competition(Phase::Screening);
        let waiting = PhaseFacts {
            awaiting_screening: 2,
            ..facts(at(12))
        };
        let problem = advance_problem(&screening, &waiting, true).unwrap();
        assert!(Lang::En.message(&problem).contains("2 entries"));
        let no_jury = PhaseFacts {
            jurors: 0,
            ..facts(at(12))
        };
        assert!(advance_problem(&screening, &no_jury, true).is_some());
        assert!(advance_problem(&screening, &facts(at(12)), false).is_none());
    }

    #[test]
    fn a_draft_opens_only_when_ready() {
        let draft = competition(Phase::Draft);
        let no_criteria = PhaseFacts {
            criteria: 0,
            ..facts(at(2))
        };
        assert!(advance_problem(&draft, &no_criteria, false).is_some());
        assert!(advance_problem(&draft, &facts(at(11)), false).is_some());
        assert!(advance_problem(&draft, &facts(at(2)), false).is_none());
        assert!(reopen_problem(&draft).is_some());
        assert!(reopen_problem(&competition(Phase::Screening)).is_none());
    }
}
