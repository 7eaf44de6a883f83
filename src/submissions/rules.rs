//! The rules of the ISSA template and of submitting, as plain functions.

use chrono::NaiveDateTime;

use super::{EntryContent, EntryFields, EntryStatus};
use crate::accounts::policy::EntryAccess;
use crate::competitions::Competition;
use crate::forms::FieldErrors;
use crate::languages::key;
use crate::languages::{Arg, Message};

pub const SUMMARY_WORD_LIMIT: usize = 180;
pub const BODY_WORD_LIMIT: usize = 1500;
/// Entries one institution may submit to one competition.
pub const ENTRY_LIMIT: i64 = 10;
pub const TITLE_CHARACTER_LIMIT: usize = 200;

/// What may be done to an entry besides reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryAction {
    /// Change its content and documents, and submit it.
    Edit,
    Withdraw,
    Screen,
    /// Add, change and remove its versions in other languages.
    Translate,
}

/// Whether a person with `access` may do `action` to an entry in `status`, now, its
/// competition's results `published` or not: the one table that the pages (which form, which
/// buttons) and the services (what they accept) both read.
pub fn permits(
    access: EntryAccess,
    status: EntryStatus,
    published: bool,
    action: EntryAction,
) -> bool {
    match action {
        EntryAction::Edit => access == EntryAccess::Member && status == EntryStatus::Draft,
        EntryAction::Withdraw => access == EntryAccess::Member && status == EntryStatus::Submitted,
        EntryAction::Screen => {
            access == EntryAccess::Secretariat && EntryStatus::AWAITING_SCREENING.contains(&status)
        }
        // Until the practice is published: then its versions are the secretariat's.
        EntryAction::Translate => {
            access == EntryAccess::Member
                && !published
                && !matches!(status, EntryStatus::Withdrawn | EntryStatus::Ineligible)
        }
    }
}

/// Words as the template counts them: runs of non-space characters with at least one letter
/// or digit, so that a lone dash or bullet is not a word. `static/word-count.js` counts the
/// same way for the live counter; this count decides.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count()
}

/// The six sections of the body, with their field names and the keys of their labels.
pub fn body_sections(fields: &EntryFields) -> [(&'static str, &'static str, &str); 6] {
    [
        ("challenge", key!("section-challenge"), &fields.challenge),
        ("solution", key!("entry-section-solution"), &fields.solution),
        ("results", key!("entry-section-results"), &fields.results),
        ("innovation", key!("section-innovation"), &fields.innovation),
        (
            "sustainability",
            key!("section-sustainability"),
            &fields.sustainability,
        ),
        (
            "replicability",
            key!("section-replicability"),
            &fields.replicability,
        ),
    ]
}

pub fn body_word_count(fields: &EntryFields) -> usize {
    body_sections(fields)
        .iter()
        .map(|(_, _, text)| word_count(text))
        .sum()
}

/// The word limits, which hold for drafts too (a draft may be saved over them, but is told).
pub fn word_limit_problems(fields: &EntryFields, errors: &mut FieldErrors) {
    let summary_words = word_count(&fields.summary);
    if summary_words > SUMMARY_WORD_LIMIT {
        errors.add(
            "summary",
            Message::new("entry-summary-too-long")
                .with("words", summary_words)
                .with("limit", SUMMARY_WORD_LIMIT),
        );
    }
    let body_words = body_word_count(fields);
    if body_words > BODY_WORD_LIMIT {
        errors.add(
            "body",
            Message::new("entry-body-too-long")
                .with("words", body_words)
                .with("limit", BODY_WORD_LIMIT),
        );
    }
}

/// What is missing or too long for the entry to be submitted.
pub fn completeness_problems(content: &EntryContent) -> FieldErrors {
    let fields = &content.fields;
    let mut errors = FieldErrors::default();
    if fields.title.trim().is_empty() {
        errors.add("title", Message::new("entry-give-the-practice-a"));
    }
    if fields.summary.trim().is_empty() {
        errors.add("summary", Message::new("entry-write-the-summary"));
    }
    for (name, label, text) in body_sections(fields) {
        if text.trim().is_empty() {
            errors.add(
                name,
                Message::new("entry-fill-in").with("section", Arg::key(label)),
            );
        }
    }
    word_limit_problems(fields, &mut errors);
    if fields.language.is_none() {
        errors.add("language", Message::new("entry-choose-the-language-of"));
    }
    if content.links.topics.is_empty() {
        errors.add("topics", Message::new("entry-choose-at-least-one"));
    }
    if fields.implementation_year.is_none() {
        errors.add(
            "implementation_year",
            Message::new("entry-give-the-year-the"),
        );
    }
    if fields.impact_area.is_none() {
        errors.add("impact_area", Message::new("entry-choose-the-main-impact"));
    }
    if fields.approach.is_none() {
        errors.add("approach", Message::new("entry-choose-the-approach"));
    }
    if fields.innovation_type.is_none() {
        errors.add("innovation_type", Message::new("entry-choose-the-type-of"));
    }
    if fields.governance_level.is_none() {
        errors.add(
            "governance_level",
            Message::new("entry-choose-the-governance-level"),
        );
    }
    if fields.endorser_name.trim().is_empty() {
        errors.add("endorser_name", Message::new("entry-give-the-name-of"));
    }
    if fields.endorser_position.trim().is_empty() {
        errors.add(
            "endorser_position",
            Message::new("entry-give-the-position-of"),
        );
    }
    if !fields.endorsement_confirmed {
        errors.add(
            "endorsement_confirmed",
            Message::new("entry-confirm-that-senior-management"),
        );
    }
    errors
}

/// Why the competition does not take this entry now, if it does not.
pub fn competition_problem(
    competition: &Competition,
    returned: bool,
    submitted_by_institution: i64,
    now: NaiveDateTime,
) -> Option<Message> {
    let window_open =
        competition.accepts_entries_at(now) || (returned && competition.accepts_returned_entries());
    if !window_open {
        return Some(if now >= competition.submission_deadline {
            Message::new("entry-deadline-passed")
                .with("competition", &competition.title)
                .with("deadline", Arg::Moment(competition.submission_deadline))
        } else {
            Message::new("entry-competition-not-open").with("competition", &competition.title)
        });
    }
    if submitted_by_institution >= ENTRY_LIMIT {
        return Some(Message::new("entry-limit-reached").with("limit", ENTRY_LIMIT));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_of_what_may_be_done_to_an_entry() {
        use EntryAccess::{Member, Secretariat};
        use EntryStatus::*;
        let allowed = |published: bool| -> Vec<(EntryAccess, EntryStatus, EntryAction)> {
            [Member, Secretariat]
                .into_iter()
                .flat_map(|access| EntryStatus::ALL.iter().map(move |&status| (access, status)))
                .flat_map(|(access, status)| {
                    [
                        EntryAction::Edit,
                        EntryAction::Withdraw,
                        EntryAction::Screen,
                        EntryAction::Translate,
                    ]
                    .into_iter()
                    .map(move |action| (access, status, action))
                })
                .filter(|&(access, status, action)| permits(access, status, published, action))
                .collect()
        };
        assert_eq!(
            allowed(false),
            vec![
                (Member, Draft, EntryAction::Edit),
                (Member, Draft, EntryAction::Translate),
                (Member, Submitted, EntryAction::Withdraw),
                (Member, Submitted, EntryAction::Translate),
                (Member, Screening, EntryAction::Translate),
                (Member, Eligible, EntryAction::Translate),
                (Secretariat, Submitted, EntryAction::Screen),
                (Secretariat, Screening, EntryAction::Screen),
            ]
        );
        // Once the results are published, entries are practices and change no more.
        assert_eq!(
            allowed(true),
            vec![
                (Member, Draft, EntryAction::Edit),
                (Member, Submitted, EntryAction::Withdraw),
                (Secretariat, Submitted, EntryAction::Screen),
                (Secretariat, Screening, EntryAction::Screen),
            ]
        );
    }
    use crate::languages::Lang;

    #[test]
    fn words_need_a_letter_or_digit() {
        assert_eq!(word_count(""), 0);
        assert_eq!(word_count("  one\ttwo\nthree  "), 3);
        assert_eq!(word_count("a – b • c"), 3);
        assert_eq!(word_count("e-services, 24/7 coverage."), 3);
        assert_eq!(word_count("الضمان الاجتماعي"), 2);
    }

    #[test]
    fn the_summary_may_have_180_words_but_not_181() {
        let fields = |words: usize| EntryFields {
            summary: vec!["word"; words].join(" "),
            ..EntryFields::default()
        };
        let mut errors = FieldErrors::default();
        word_limit_problems(&fields(180), &mut errors);
        assert!(errors.get("summary").is_none());
        word_limit_problems(&fields(181), &mut errors);
        let problem = errors
            .get("summary")
            .map(|message| Lang::En.message(message));
        assert_eq!(
            problem.as_deref(),
            Some("The summary has 181 words; the limit is 180.")
        );
    }

    #[test]
    fn the_body_limit_counts_all_six_sections_together() {
        let section = vec!["w"; 250].join(" ");
        let mut fields = EntryFields {
            challenge: section.clone(),
            solution: section.clone(),
            results: section.clone(),
            innovation: section.clone(),
            sustainability: section.clone(),
            replicability: section,
            ..EntryFields::default()
        };
        let mut errors = FieldErrors::default();
        word_limit_problems(&fields, &mut errors);
        assert!(errors.is_empty());
        fields.replicability.push_str(" one-more");
        word_limit_problems(&fields, &mut errors);
        assert!(errors.get("body").is_some());
    }

    #[test]
    fn an_empty_entry_lists_every_missing_part() {
        let errors = completeness_problems(&EntryContent::default());
        for field in [
            "title",
            "summary",
            "challenge",
            "replicability",
            "language",
            "topics",
            "implementation_year",
            "innovation_type",
            "governance_level",
            "endorser_name",
            "endorsement_confirmed",
        ] {
            assert!(errors.get(field).is_some(), "{field} not reported");
        }
    }
}
