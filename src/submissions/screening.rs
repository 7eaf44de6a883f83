//! The secretariat's screening checklist: what the portal can check itself, and what a
//! person has to tick.

use super::rules::{self, ENTRY_LIMIT};
use super::EntryContent;
use crate::competitions::Competition;
use crate::organisations::Organisation;
use crate::taxonomy::vocabulary;

vocabulary! {
    /// One line of the checklist.
    ScreeningItem in "screening-item" {
        RegionMember => "region-member",
        EntryLimit => "entry-limit",
        TemplateComplete => "template-complete",
        WordLimits => "word-limits",
        EndorsementPresent => "endorsement-present",
        LanguageAccepted => "language-accepted",
        IssaMember => "issa-member",
        EndorsementGenuine => "endorsement-genuine",
        LanguageMatches => "language-matches",
    }
}

impl ScreeningItem {
    /// Lines only a person can judge.
    pub const MANUAL: [ScreeningItem; 3] = [
        ScreeningItem::IssaMember,
        ScreeningItem::EndorsementGenuine,
        ScreeningItem::LanguageMatches,
    ];

    pub fn is_manual(self) -> bool {
        Self::MANUAL.contains(&self)
    }
}

/// A line of the checklist with its outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Check {
    pub item: ScreeningItem,
    pub passed: bool,
}

/// The whole checklist: computed lines from the entry, manual lines from `ticked`.
pub fn checklist(
    content: &EntryContent,
    competition: &Competition,
    organisation: &Organisation,
    submitted_by_institution: i64,
    ticked: &[ScreeningItem],
) -> Vec<Check> {
    let fields = &content.fields;
    let completeness = rules::completeness_problems(content);
    let mut word_limits = crate::forms::FieldErrors::default();
    rules::word_limit_problems(fields, &mut word_limits);
    ScreeningItem::ALL
        .iter()
        .map(|&item| {
            let passed = match item {
                ScreeningItem::RegionMember => organisation.region == competition.region,
                ScreeningItem::EntryLimit => submitted_by_institution <= ENTRY_LIMIT,
                ScreeningItem::TemplateComplete => completeness.is_empty(),
                ScreeningItem::WordLimits => word_limits.is_empty(),
                ScreeningItem::EndorsementPresent => {
                    fields.endorsement_confirmed
                        && !fields.endorser_name.trim().is_empty()
                        && !fields.endorser_position.trim().is_empty()
                }
                ScreeningItem::LanguageAccepted => fields.language.is_some(),
                manual => ticked.contains(&manual),
            };
            Check { item, passed }
        })
        .collect()
}

pub fn all_passed(checks: &[Check]) -> bool {
    checks.iter().all(|check| check.passed)
}
