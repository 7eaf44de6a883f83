//! The competition form as typed, read into settings and criteria.

use chrono::{Datelike, NaiveDateTime};

use super::{Competition, CompetitionSettings, Criterion, CriterionDraft};
use crate::forms::{FieldErrors, PostedForm};
use crate::languages::{Arg, Message};
use crate::taxonomy::Region;

/// `<input type="datetime-local">` sends this; the form says the times are UTC.
const DATE_TIME: &str = "%Y-%m-%dT%H:%M";

/// The years a competition and its dates may fall in: a date outside them is a typing
/// mistake, and years such as 0000 or 9999 could not be shown again in the date field.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// More criteria than a jury can weigh; it also keeps the form within the size a post takes.
pub const MAX_CRITERIA: u8 = 20;

#[derive(Debug, Clone, Default)]
pub struct CompetitionForm {
    pub region: String,
    pub cycle_year: String,
    pub title: String,
    pub call_text: String,
    pub opens_at: String,
    pub submission_deadline: String,
    pub review_deadline: String,
    pub results_at: String,
    pub scale_min: String,
    pub scale_max: String,
    pub jurors_per_entry: String,
    pub blind: bool,
    pub country_conflicts: bool,
    /// Rows of (name, description, weight); rows without a name are dropped.
    pub criteria: Vec<(String, String, String)>,
}

fn date_time(value: NaiveDateTime) -> String {
    value.format(DATE_TIME).to_string()
}

impl CompetitionForm {
    pub fn from_posted(form: &PostedForm) -> CompetitionForm {
        let text = |name: &str| form.value(name).to_owned();
        let names = form.values("criterion_name");
        let descriptions = form.values("criterion_description");
        let weights = form.values("criterion_weight");
        CompetitionForm {
            region: text("region"),
            cycle_year: text("cycle_year"),
            title: text("title"),
            call_text: text("call_text"),
            opens_at: text("opens_at"),
            submission_deadline: text("submission_deadline"),
            review_deadline: text("review_deadline"),
            results_at: text("results_at"),
            scale_min: text("scale_min"),
            scale_max: text("scale_max"),
            jurors_per_entry: text("jurors_per_entry"),
            blind: form.checked("blind"),
            country_conflicts: form.checked("country_conflicts"),
            criteria: names
                .into_iter()
                .enumerate()
                .map(|(i, name)| {
                    let at = |list: &[String]| list.get(i).cloned().unwrap_or_default();
                    (name, at(&descriptions), at(&weights))
                })
                .collect(),
        }
    }

    pub fn from_competition(competition: &Competition, criteria: &[Criterion]) -> CompetitionForm {
        CompetitionForm {
            region: competition.region.slug().to_owned(),
            cycle_year: competition.cycle_year.to_string(),
            title: competition.title.clone(),
            call_text: competition.call_text.clone(),
            opens_at: date_time(competition.opens_at),
            submission_deadline: date_time(competition.submission_deadline),
            review_deadline: competition
                .review_deadline
                .map(date_time)
                .unwrap_or_default(),
            results_at: competition.results_at.map(date_time).unwrap_or_default(),
            scale_min: competition.scale_min.to_string(),
            scale_max: competition.scale_max.to_string(),
            jurors_per_entry: competition.jurors_per_entry.to_string(),
            blind: competition.blind,
            country_conflicts: competition.country_conflicts,
            criteria: criteria
                .iter()
                .map(|c| (c.name.clone(), c.description.clone(), c.weight.to_string()))
                .collect(),
        }
    }

    /// A new competition: the ISSA criteria and a 1–10 scale with three jurors an entry.
    pub fn blank() -> CompetitionForm {
        CompetitionForm {
            scale_min: "1".into(),
            scale_max: "10".into(),
            jurors_per_entry: "3".into(),
            criteria: super::default_criteria()
                .into_iter()
                .map(|c| (c.name, c.description, c.weight.to_string()))
                .collect(),
            ..CompetitionForm::default()
        }
    }

    pub fn parse(&self) -> Result<(CompetitionSettings, Vec<CriterionDraft>), FieldErrors> {
        let mut errors = FieldErrors::default();
        let region = Region::from_slug(&self.region);
        if region.is_none() {
            errors.add("region", Message::new("competition-choose-the-region"));
        }
        let mut number = |field: &'static str, raw: &str, range: std::ops::RangeInclusive<i32>| {
            let value = raw.trim().parse::<i32>().ok().filter(|v| range.contains(v));
            if value.is_none() {
                errors.add(
                    field,
                    Message::new("competition-whole-number")
                        .with("min", Arg::digits(*range.start()))
                        .with("max", Arg::digits(*range.end())),
                );
            }
            value.unwrap_or_default()
        };
        let cycle_year = number("cycle_year", &self.cycle_year, YEARS);
        let scale_min = number("scale_min", &self.scale_min, 0..=10);
        let scale_max = number("scale_max", &self.scale_max, 1..=100);
        let jurors_per_entry = number("jurors_per_entry", &self.jurors_per_entry, 1..=10);
        if scale_min >= scale_max && errors.get("scale_max").is_none() {
            errors.add("scale_max", Message::new("competition-the-top-of-the"));
        }
        let mut moment = |field: &'static str, raw: &str, required: bool| {
            let raw = raw.trim();
            if raw.is_empty() {
                if required {
                    errors.add(field, Message::new("competition-give-the-date-and"));
                }
                return None;
            }
            let value = NaiveDateTime::parse_from_str(raw, DATE_TIME).ok();
            match value {
                None => errors.add(field, Message::new("competition-give-the-date-and-2")),
                Some(value) if !YEARS.contains(&value.year()) => errors.add(
                    field,
                    Message::new("competition-date-in-years")
                        .with("min", Arg::digits(*YEARS.start()))
                        .with("max", Arg::digits(*YEARS.end())),
                ),
                Some(_) => return value,
            }
            None
        };
        let opens_at = moment("opens_at", &self.opens_at, true);
        let submission_deadline = moment("submission_deadline", &self.submission_deadline, true);
        let review_deadline = moment("review_deadline", &self.review_deadline, false);
        let results_at = moment("results_at", &self.results_at, false);
        if let (Some(opens), Some(deadline)) = (opens_at, submission_deadline) {
            if deadline <= opens {
                errors.add(
                    "submission_deadline",
                    Message::new("competition-the-deadline-must-come"),
                );
            }
        }
        if let (Some(deadline), Some(review)) = (submission_deadline, review_deadline) {
            if review <= deadline {
                errors.add(
                    "review_deadline",
                    Message::new("competition-the-review-must-end"),
                );
            }
        }
        // Results are announced after the review, or at least after submissions close.
        if let (Some(closes), Some(results)) = (review_deadline.or(submission_deadline), results_at)
        {
            if results <= closes || opens_at.is_some_and(|opens| results <= opens) {
                errors.add("results_at", Message::new("competition-results-after"));
            }
        }
        let title = self.title.trim();
        if title.is_empty() || title.chars().count() > 200 {
            errors.add("title", Message::new("competition-give-a-title-of"));
        }
        let mut criteria = Vec::new();
        for (name, description, weight) in &self.criteria {
            if name.trim().is_empty() {
                continue;
            }
            match weight
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|w| *w > 0.0 && *w <= 100.0)
            {
                Some(weight) => criteria.push(CriterionDraft {
                    name: name.trim().to_owned(),
                    description: description.trim().to_owned(),
                    weight,
                }),
                None => errors.add(
                    "criteria",
                    Message::new("competition-weight-above-zero").with("name", name.trim()),
                ),
            }
        }
        if criteria.is_empty() && errors.get("criteria").is_none() {
            errors.add("criteria", Message::new("competition-name-at-least-one"));
        }
        if criteria.len() > usize::from(MAX_CRITERIA) {
            errors.add(
                "criteria",
                Message::new("competition-at-most-criteria").with("max", Arg::digits(MAX_CRITERIA)),
            );
        }
        match (region, opens_at, submission_deadline) {
            (Some(region), Some(opens_at), Some(submission_deadline)) if errors.is_empty() => Ok((
                CompetitionSettings {
                    region,
                    cycle_year,
                    title: title.to_owned(),
                    call_text: self.call_text.trim().to_owned(),
                    opens_at,
                    submission_deadline,
                    review_deadline,
                    results_at,
                    scale_min,
                    scale_max,
                    jurors_per_entry,
                    blind: self.blind,
                    country_conflicts: self.country_conflicts,
                },
                criteria,
            )),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> CompetitionForm {
        CompetitionForm {
            region: "europe".into(),
            cycle_year: "2027".into(),
            title: "Europe 2027".into(),
            opens_at: "2027-01-10T09:00".into(),
            submission_deadline: "2027-03-31T23:59".into(),
            review_deadline: "2027-05-31T23:59".into(),
            results_at: "2027-06-15T12:00".into(),
            ..CompetitionForm::blank()
        }
    }

    fn problem(form: &CompetitionForm, field: &str) -> Option<String> {
        form.parse()
            .err()
            .and_then(|errors| errors.get(field).map(|message| message.key().to_owned()))
    }

    #[test]
    fn a_sound_form_is_read() {
        assert!(form().parse().is_ok());
    }

    #[test]
    fn every_date_falls_in_the_years_a_date_field_can_show() {
        for field in [
            "opens_at",
            "submission_deadline",
            "review_deadline",
            "results_at",
        ] {
            for year in ["0000", "1999", "2101", "9999"] {
                let mut typed = form();
                let value = format!("{year}-06-01T00:00");
                match field {
                    "opens_at" => typed.opens_at = value,
                    "submission_deadline" => typed.submission_deadline = value,
                    "review_deadline" => typed.review_deadline = value,
                    _ => typed.results_at = value,
                }
                assert_eq!(
                    problem(&typed, field).as_deref(),
                    Some("competition-date-in-years"),
                    "{field} in {year}"
                );
            }
        }
    }

    #[test]
    fn results_come_after_the_review_or_the_deadline() {
        let mut typed = form();
        typed.results_at = "2027-05-01T00:00".into();
        assert_eq!(
            problem(&typed, "results_at").as_deref(),
            Some("competition-results-after")
        );
        typed.review_deadline.clear();
        assert!(typed.parse().is_ok());
        typed.results_at = "2027-01-01T00:00".into();
        assert_eq!(
            problem(&typed, "results_at").as_deref(),
            Some("competition-results-after")
        );
    }

    #[test]
    fn criteria_are_capped() {
        let mut typed = form();
        typed.criteria = (0..=MAX_CRITERIA)
            .map(|n| (format!("Criterion {n}"), String::new(), "1".to_owned()))
            .collect();
        assert_eq!(
            problem(&typed, "criteria").as_deref(),
            Some("competition-at-most-criteria")
        );
        typed.criteria.pop();
        assert!(typed.parse().is_ok());
    }
}
