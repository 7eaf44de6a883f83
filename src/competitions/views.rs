//! The pages of competitions, public and for the secretariat.

use askama::Template;

use super::form::CompetitionForm;
use super::{Competition, Criterion, Phase};
use crate::accounts::session::Layout;
use crate::audit::Recorded;
use crate::forms::{Choice, FieldErrors};
use crate::ids::CompetitionId;
use crate::languages::{Lang, Message};
use crate::paths;
use crate::taxonomy::{Award, Region};

fn moment(value: Option<chrono::NaiveDateTime>, lang: Lang) -> String {
    value.as_ref().map_or_else(
        || lang.t("to-be-announced"),
        |at| crate::languages::dates::long(at, lang),
    )
}

pub struct CompetitionRow {
    pub url: String,
    pub title: String,
    pub region: Region,
    pub phase: Phase,
    pub deadline: String,
}

impl CompetitionRow {
    pub fn list(competitions: &[Competition], base: &str, lang: Lang) -> Vec<CompetitionRow> {
        competitions
            .iter()
            .map(|competition| CompetitionRow {
                url: format!("{base}/{}", competition.id),
                title: competition.title.clone(),
                region: competition.region,
                phase: competition.phase,
                deadline: competition.deadline_display(lang),
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
    pub region: Region,
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

    /// `138 entries from 30 institutions in 18 countries.`
    pub fn participation_text(&self, participation: &Participation) -> String {
        self.layout.message(
            &Message::new("participation")
                .with("entries", participation.entries)
                .with("institutions", participation.institutions)
                .with("countries", participation.countries),
        )
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
        let lang = layout.lang;
        CompetitionPage {
            layout,
            title: competition.title.clone(),
            region: competition.region,
            phase: competition.phase,
            call_text: competition.call_text.clone(),
            opens: moment(Some(competition.opens_at), lang),
            deadline: competition.deadline_display(lang),
            deadline_iso: competition.deadline_iso(),
            review_deadline: moment(competition.review_deadline, lang),
            results_at: moment(competition.results_at, lang),
            criteria,
            scale: lang.t2(
                "scale-range",
                "min",
                competition.scale_min,
                "max",
                competition.scale_max,
            ),
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
    pub id: CompetitionId,
    pub phase: Phase,
    pub next: Option<Phase>,
    pub previous: Option<Phase>,
    pub reopenable: bool,
    pub history: Vec<Recorded>,
    pub feedback_released_at: Option<chrono::NaiveDateTime>,
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
        let lang = layout.lang;
        AdminFormPage {
            layout,
            action: phase.as_ref().map_or_else(
                || paths::ADMIN_COMPETITIONS.to_owned(),
                |controls| paths::admin_competition(controls.id),
            ),
            regions: Choice::terms::<Region>(std::slice::from_ref(&form.region), lang),
            form,
            phase,
            reason: String::new(),
            errors,
        }
    }
}
