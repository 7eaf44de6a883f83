//! The entry form as typed: every value kept as text, so that a form with problems comes
//! back exactly as it was sent, and read into typed content only when it is sound.

use chrono::{Datelike, Utc};

use super::rules::TITLE_CHARACTER_LIMIT;
use super::{EntryContent, EntryFields, EntryLinks};
use crate::forms::{FieldErrors, PostedForm};
use crate::ids::OrganisationId;
use crate::languages::{Arg, Message};
use crate::taxonomy::{Language, Term};

/// A text field longer than this is a paste gone wrong, not a section of an entry.
const TEXT_CHARACTER_LIMIT: usize = 30_000;
const EARLIEST_YEAR: i32 = 1950;

#[derive(Debug, Clone, Default)]
pub struct EntryForm {
    pub title: String,
    pub summary: String,
    pub challenge: String,
    pub solution: String,
    pub results: String,
    pub innovation: String,
    pub sustainability: String,
    pub replicability: String,
    pub language: String,
    pub implementation_year: String,
    pub impact_area: String,
    pub approach: String,
    pub innovation_type: String,
    pub governance_level: String,
    pub topics: Vec<String>,
    pub elements: Vec<String>,
    pub integrations: Vec<String>,
    pub partners: Vec<String>,
    pub endorser_name: String,
    pub endorser_position: String,
    pub endorsement_confirmed: bool,
}

fn slug<T: Term>(value: Option<T>) -> String {
    value.map(|term| term.slug().to_owned()).unwrap_or_default()
}

fn slugs<T: Term>(values: &[T]) -> Vec<String> {
    values.iter().map(|term| term.slug().to_owned()).collect()
}

/// One choice of a closed list; empty is "not chosen yet".
fn parse_term<T: Term>(raw: &str, field: &'static str, errors: &mut FieldErrors) -> Option<T> {
    if raw.is_empty() {
        return None;
    }
    let found = T::ALL.iter().copied().find(|term| term.slug() == raw);
    if found.is_none() {
        errors.add(field, Message::new("entry-choose-one-of-the"));
    }
    found
}

/// The entry's language: any ISO 639-1 code; empty is "not chosen yet".
fn parse_language(raw: &str, errors: &mut FieldErrors) -> Option<Language> {
    if raw.is_empty() {
        return None;
    }
    let found = Language::from_slug(raw);
    if found.is_none() {
        errors.add("language", Message::new("entry-choose-one-of-the"));
    }
    found
}

fn parse_terms<T: Term + PartialEq>(
    raw: &[String],
    field: &'static str,
    errors: &mut FieldErrors,
) -> Vec<T> {
    let mut terms = Vec::new();
    for value in raw {
        match parse_term::<T>(value, field, errors) {
            Some(term) if !terms.contains(&term) => terms.push(term),
            _ => {}
        }
    }
    terms
}

impl EntryForm {
    pub fn from_posted(form: &PostedForm) -> EntryForm {
        let text = |name: &str| form.value(name).to_owned();
        EntryForm {
            title: text("title"),
            summary: text("summary"),
            challenge: text("challenge"),
            solution: text("solution"),
            results: text("results"),
            innovation: text("innovation"),
            sustainability: text("sustainability"),
            replicability: text("replicability"),
            language: text("language"),
            implementation_year: text("implementation_year"),
            impact_area: text("impact_area"),
            approach: text("approach"),
            innovation_type: text("innovation_type"),
            governance_level: text("governance_level"),
            topics: form.values("topics"),
            elements: form.values("elements"),
            integrations: form.values("integrations"),
            partners: form.values("partners"),
            endorser_name: text("endorser_name"),
            endorser_position: text("endorser_position"),
            endorsement_confirmed: form.checked("endorsement_confirmed"),
        }
    }

    pub fn from_content(content: &EntryContent) -> EntryForm {
        let fields = &content.fields;
        EntryForm {
            title: fields.title.clone(),
            summary: fields.summary.clone(),
            challenge: fields.challenge.clone(),
            solution: fields.solution.clone(),
            results: fields.results.clone(),
            innovation: fields.innovation.clone(),
            sustainability: fields.sustainability.clone(),
            replicability: fields.replicability.clone(),
            language: fields
                .language
                .map(|language| language.slug().to_owned())
                .unwrap_or_default(),
            implementation_year: fields
                .implementation_year
                .map(|year| year.to_string())
                .unwrap_or_default(),
            impact_area: slug(fields.impact_area),
            approach: slug(fields.approach),
            innovation_type: slug(fields.innovation_type),
            governance_level: slug(fields.governance_level),
            topics: slugs(&content.links.topics),
            elements: slugs(&content.links.elements),
            integrations: slugs(&content.links.integrations),
            partners: content
                .links
                .partners
                .iter()
                .map(ToString::to_string)
                .collect(),
            endorser_name: fields.endorser_name.clone(),
            endorser_position: fields.endorser_position.clone(),
            endorsement_confirmed: fields.endorsement_confirmed,
        }
    }

    /// The typed content, or what stops the form from being stored even as a draft.
    pub fn parse(&self) -> Result<EntryContent, FieldErrors> {
        let mut errors = FieldErrors::default();
        let texts = [
            ("summary", &self.summary),
            ("challenge", &self.challenge),
            ("solution", &self.solution),
            ("results", &self.results),
            ("innovation", &self.innovation),
            ("sustainability", &self.sustainability),
            ("replicability", &self.replicability),
            ("endorser_name", &self.endorser_name),
            ("endorser_position", &self.endorser_position),
        ];
        for (field, text) in texts {
            if text.chars().count() > TEXT_CHARACTER_LIMIT {
                errors.add(field, Message::new("entry-this-is-far-longer"));
            }
        }
        if self.title.trim().chars().count() > TITLE_CHARACTER_LIMIT {
            errors.add(
                "title",
                Message::new("entry-title-too-long").with("limit", TITLE_CHARACTER_LIMIT),
            );
        }
        let implementation_year = match self.implementation_year.trim() {
            "" => None,
            typed => {
                let latest = Utc::now().year();
                let year = typed
                    .parse::<i32>()
                    .ok()
                    .filter(|year| (EARLIEST_YEAR..=latest).contains(year));
                if year.is_none() {
                    errors.add(
                        "implementation_year",
                        Message::new("entry-year-range")
                            .with("earliest", Arg::digits(EARLIEST_YEAR))
                            .with("latest", Arg::digits(latest)),
                    );
                }
                year
            }
        };
        let mut partners = Vec::new();
        for raw in &self.partners {
            match raw.parse().map(OrganisationId) {
                Ok(id) if !partners.contains(&id) => partners.push(id),
                Ok(_) => {}
                Err(_) => errors.add(
                    "partners",
                    Message::new("entry-choose-institutions-from-the"),
                ),
            }
        }
        let content = EntryContent {
            fields: EntryFields {
                title: self.title.trim().to_owned(),
                summary: self.summary.clone(),
                challenge: self.challenge.clone(),
                solution: self.solution.clone(),
                results: self.results.clone(),
                innovation: self.innovation.clone(),
                sustainability: self.sustainability.clone(),
                replicability: self.replicability.clone(),
                language: parse_language(&self.language, &mut errors),
                implementation_year,
                impact_area: parse_term(&self.impact_area, "impact_area", &mut errors),
                approach: parse_term(&self.approach, "approach", &mut errors),
                innovation_type: parse_term(&self.innovation_type, "innovation_type", &mut errors),
                governance_level: parse_term(
                    &self.governance_level,
                    "governance_level",
                    &mut errors,
                ),
                endorser_name: self.endorser_name.trim().to_owned(),
                endorser_position: self.endorser_position.trim().to_owned(),
                endorsement_confirmed: self.endorsement_confirmed,
            },
            links: EntryLinks {
                topics: parse_terms(&self.topics, "topics", &mut errors),
                elements: parse_terms(&self.elements, "elements", &mut errors),
                integrations: parse_terms(&self.integrations, "integrations", &mut errors),
                partners,
            },
        };
        if errors.is_empty() {
            Ok(content)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::{Language, Topic};

    #[test]
    fn a_sound_form_round_trips_through_content() {
        let form = EntryForm {
            title: "  Online pensions  ".into(),
            language: "fr".into(),
            implementation_year: "2019".into(),
            topics: vec!["ict".into(), "health".into(), "ict".into()],
            ..EntryForm::default()
        };
        let content = form.parse().unwrap();
        assert_eq!(content.fields.title, "Online pensions");
        assert_eq!(content.fields.language, Some(Language::FRENCH));
        assert_eq!(content.links.topics, vec![Topic::Ict, Topic::Health]);
        assert_eq!(EntryForm::from_content(&content).parse().unwrap(), content);
    }

    #[test]
    fn unreadable_values_are_named_by_field() {
        let form = EntryForm {
            implementation_year: "20x9".into(),
            language: "latin".into(),
            topics: vec!["nonsense".into()],
            partners: vec!["x".into()],
            ..EntryForm::default()
        };
        let errors = form.parse().unwrap_err();
        for field in ["implementation_year", "language", "topics", "partners"] {
            assert!(errors.get(field).is_some(), "{field} not reported");
        }
    }
}
