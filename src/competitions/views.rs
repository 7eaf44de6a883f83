//! The pages of competitions, public and for the secretariat.

use askama::Template;

use super::form::CompetitionForm;
use super::{Competition, Criterion, Phase};
use crate::accounts::session::Layout;
use crate::audit::Recorded;
use crate::forms::{Choice, FieldErrors};
use crate::taxonomy::{Award, Region};

fn moment(value: Option<chrono::NaiveDateTime>) -> String {
    value
        .as_ref()
        .map_or_else(|| "to be announced".to_owned(), crate::dates::long)
}

pub struct CompetitionRow {
    pub url: String,
    pub title: String,
    pub region: &'static str,
    pub phase: Phase,
    pub deadline: String,
}

impl CompetitionRow {
    pub fn list(competitions: &[Competition], base: &str) -> Vec<CompetitionRow> {
        competitions
            .iter()
            .map(|competition| CompetitionRow {
                url: format!("{base}/{}", competition.id),
                title: competition.title.clone(),
                region: competition.region.label(),
                phase: competition.phase,
                deadline: competition.deadline_display(),
            })
            .collect()
    }
}

#[derive(Template)]
#[template(path = "competitions/list.html")]
pub struct CompetitionsPage {
    pub layout: Layout,
    pub rows: Vec<CompetitionRow>,
}

/// "138 entries from 30 institutions in 18 countries".
pub struct Participation {
    pub entries: i64,
    pub institutions: i64,
    pub countries: i64,
}

#[derive(Template)]
#[template(path = "competitions/detail.html")]
pub struct CompetitionPage {
    pub layout: Layout,
    pub title: String,
    pub region: &'static str,
    pub phase: Phase,
    pub call_text: String,
    pub opens: String,
    pub deadline: String,
    pub deadline_iso: String,
    pub review_deadline: String,
    pub results_at: String,
    pub criteria: Vec<Criterion>,
    pub scale: String,
    pub participation: Option<Participation>,
    pub outcomes: Vec<super::repository::Outcome>,
}

impl CompetitionPage {
    /// The published practices with `award`, or with none of the four levels.
    pub fn with_award(&self, award: Option<Award>) -> Vec<&super::repository::Outcome> {
        self.outcomes.iter().filter(|o| o.award == award).collect()
    }

    pub fn distinguished(&self) -> Vec<&super::repository::Outcome> {
        self.outcomes
            .iter()
            .filter(|o| o.innovation_distinction)
            .collect()
    }

    pub fn levels(&self) -> Vec<Award> {
        Award::ALL
            .iter()
            .copied()
            .filter(|award| *award != Award::InnovationDistinction)
            .collect()
    }

    pub fn new(
        layout: Layout,
        competition: &Competition,
        criteria: Vec<Criterion>,
        participation: Option<Participation>,
        outcomes: Vec<super::repository::Outcome>,
    ) -> Self {
        CompetitionPage {
            layout,
            title: competition.title.clone(),
            region: competition.region.label(),
            phase: competition.phase,
            call_text: competition.call_text.clone(),
            opens: moment(Some(competition.opens_at)),
            deadline: competition.deadline_display(),
            deadline_iso: competition.deadline_iso(),
            review_deadline: moment(competition.review_deadline),
            results_at: moment(competition.results_at),
            criteria,
            scale: format!("{} to {}", competition.scale_min, competition.scale_max),
            participation,
            outcomes,
        }
    }
}

#[derive(Template)]
#[template(path = "admin/competitions.html")]
pub struct AdminListPage {
    pub layout: Layout,
    pub rows: Vec<CompetitionRow>,
}

/// The phase controls of an existing competition.
pub struct PhaseControls {
    pub id: i32,
    pub phase: Phase,
    pub next: Option<Phase>,
    pub previous: Option<Phase>,
    pub reopenable: bool,
    pub history: Vec<Recorded>,
}

#[derive(Template)]
#[template(path = "admin/competition_form.html")]
pub struct AdminFormPage {
    pub layout: Layout,
    pub action: String,
    pub form: CompetitionForm,
    pub regions: Vec<Choice>,
    pub phase: Option<PhaseControls>,
    pub reason: String,
    pub errors: FieldErrors,
}

impl AdminFormPage {
    pub fn new(
        layout: Layout,
        form: CompetitionForm,
        phase: Option<PhaseControls>,
        errors: FieldErrors,
    ) -> Self {
        AdminFormPage {
            layout,
            action: phase.as_ref().map_or_else(
                || "/admin/competitions".to_owned(),
                |controls| format!("/admin/competitions/{}", controls.id),
            ),
            regions: Choice::terms::<Region>(std::slice::from_ref(&form.region)),
            form,
            phase,
            reason: String::new(),
            errors,
        }
    }
}
