//! The pages of submissions and screening, in display form.

use askama::Template;

use super::documents::Document;
use super::form::EntryForm;
use super::rules::{self, BODY_WORD_LIMIT, SUMMARY_WORD_LIMIT};
use super::screening::Check;
use super::service::EntryRecord;
use super::translations::EntryTranslation;
use super::{EntryContent, EntryStatus};
use crate::accounts::session::Layout;
use crate::audit::Recorded;
use crate::competitions::Competition;
use crate::forms::{Choice, FieldErrors};
use crate::ids::EntryId;
use crate::languages::{iso639, key};
use crate::languages::{Arg, Lang, Message};
use crate::organisations::Organisation;
use crate::pagination::Pagination;
use crate::paths;
use crate::taxonomy::{
    Approach, Award, GovernanceLevel, ImpactArea, InnovationType, IntegrationType,
    SocialInnovationElement, Term, Topic,
};

pub struct TimelineItem {
    pub at: String,
    pub what: String,
    pub who: String,
    pub note: String,
}

impl TimelineItem {
    pub fn list(history: Vec<Recorded>, lang: Lang) -> Vec<TimelineItem> {
        history
            .into_iter()
            .map(|record| TimelineItem {
                at: lang.date(&record.at),
                what: record.action.label(lang),
                who: record
                    .actor_name
                    .unwrap_or_else(|| lang.t("admin-the-portal")),
                note: record.note,
            })
            .collect()
    }
}

pub struct DocumentRow {
    pub id: i32,
    pub url: String,
    pub name: String,
    pub kind: &'static str,
    pub size: String,
}

impl DocumentRow {
    /// The documents as the entry's members and the secretariat fetch them.
    pub fn list(documents: &[Document]) -> Vec<DocumentRow> {
        Self::linked(documents, |document| {
            paths::entry_document(document.entry_id, document.id)
        })
    }

    pub fn linked(documents: &[Document], url: impl Fn(&Document) -> String) -> Vec<DocumentRow> {
        documents
            .iter()
            .map(|document| DocumentRow {
                id: document.id.0,
                url: url(document),
                name: document.download_name(),
                kind: document.kind(),
                size: document.size_display(),
            })
            .collect()
    }
}

/// The deadline of a competition, shown in UTC and, with the optional script, in the
/// reader's own time zone.
pub struct Deadline {
    pub iso: String,
    pub display: String,
}

impl Deadline {
    pub fn of(competition: &Competition, lang: Lang) -> Deadline {
        Deadline {
            iso: competition.deadline_iso(),
            display: competition.deadline_display(lang),
        }
    }
}

/// The labelled value of a classification, or a dash.
fn label<T: Term>(value: Option<T>, lang: Lang) -> String {
    value.map_or_else(|| "—".to_owned(), |value| value.label(lang))
}

fn labels<T: Term>(values: &[T], lang: Lang) -> String {
    if values.is_empty() {
        return "—".to_owned();
    }
    values
        .iter()
        .map(|value| value.label(lang))
        .collect::<Vec<_>>()
        .join(&lang.t("list-separator"))
}

/// What an institution entered, as each reader of the entry sees it: its members, the
/// secretariat, and the jurors (who, in a blind competition, are not told who entered it).
pub struct EnteredContent {
    /// The entry's language (ISO 639-1), empty while a draft has none: the `lang` of its text.
    pub language: &'static str,
    pub summary: String,
    pub summary_words: usize,
    pub body_words: usize,
    pub sections: Vec<(&'static str, String)>,
    pub facts: Vec<(&'static str, String)>,
    /// `None` where the reader may not know the institution: the endorser would name it.
    pub endorsement: Option<String>,
    pub documents: Vec<DocumentRow>,
}

/// Who the reader may know entered the practice.
pub enum Entrants<'a> {
    /// The joint institutions, among these organisations.
    Named(&'a [Organisation]),
    /// A blind review: neither the institution, its partners nor its endorser.
    Hidden,
}

impl EnteredContent {
    pub fn new(
        content: &EntryContent,
        entrants: Entrants<'_>,
        documents: Vec<DocumentRow>,
        lang: Lang,
    ) -> Self {
        let fields = &content.fields;
        let links = &content.links;
        let mut facts = vec![
            (
                key!("facet-language"),
                fields
                    .language
                    .map_or_else(|| "—".to_owned(), |language| language.name(lang).to_owned()),
            ),
            (
                key!("entry-implemented-in"),
                fields
                    .implementation_year
                    .map_or_else(|| "—".to_owned(), |year| lang.digits(year)),
            ),
            (key!("classification-topics"), labels(&links.topics, lang)),
            (key!("facet-impact"), label(fields.impact_area, lang)),
            ("approach", label(fields.approach, lang)),
            (
                key!("entry-ict-innovation"),
                label(fields.innovation_type, lang),
            ),
            (
                key!("classification-elements"),
                labels(&links.elements, lang),
            ),
            (
                key!("governance-level"),
                label(fields.governance_level, lang),
            ),
            (
                key!("entry-service-integration"),
                labels(&links.integrations, lang),
            ),
        ];
        let endorsement = match entrants {
            Entrants::Hidden => None,
            Entrants::Named(partners) => {
                let partner_names = partners
                    .iter()
                    .filter(|partner| links.partners.contains(&partner.id))
                    .map(|partner| partner.name.as_str())
                    .collect::<Vec<_>>()
                    .join(&lang.t("list-separator"));
                facts.push((
                    key!("entry-joint-institutions"),
                    if partner_names.is_empty() {
                        "—".to_owned()
                    } else {
                        partner_names
                    },
                ));
                Some(if fields.endorser_name.is_empty() {
                    "—".to_owned()
                } else {
                    lang.t2(
                        if fields.endorsement_confirmed {
                            key!("entry-endorsed-confirmed")
                        } else {
                            key!("entry-endorsed-unconfirmed")
                        },
                        "name",
                        &fields.endorser_name,
                        "position",
                        &fields.endorser_position,
                    )
                })
            }
        };
        EnteredContent {
            language: fields.language.map_or("", |language| language.slug()),
            summary: fields.summary.clone(),
            summary_words: rules::word_count(&fields.summary),
            body_words: rules::body_word_count(fields),
            sections: rules::body_sections(fields)
                .iter()
                .map(|(_, label, text)| (*label, (*text).to_owned()))
                .collect(),
            facts,
            endorsement,
            documents,
        }
    }
}

/// An entry as read, for its own page and the screening page.
pub struct EntryDetails {
    pub id: EntryId,
    pub title: String,
    pub competition: String,
    pub deadline: Deadline,
    pub institution: String,
    pub status: EntryStatus,
    pub screening_note: String,
    pub returned: bool,
    pub content: EnteredContent,
    pub timeline: Vec<TimelineItem>,
    /// The languages of its versions in other languages, named.
    pub versions: Vec<String>,
}

impl EntryDetails {
    pub fn new(
        record: &EntryRecord,
        partners: &[Organisation],
        history: Vec<Recorded>,
        versions: &[EntryTranslation],
        lang: Lang,
    ) -> Self {
        let fields = &record.content.fields;
        EntryDetails {
            id: record.entry.id,
            versions: versions
                .iter()
                .map(|version| iso639::name(&version.language, lang).to_owned())
                .collect(),
            title: fields.shown_title(lang),
            competition: record.competition.title.clone(),
            deadline: Deadline::of(&record.competition, lang),
            institution: record.organisation.name_and_country(lang),
            status: record.entry.status,
            screening_note: record.entry.screening_note.clone(),
            returned: record.entry.returned_at.is_some(),
            content: EnteredContent::new(
                &record.content,
                Entrants::Named(partners),
                DocumentRow::list(&record.documents),
                lang,
            ),
            timeline: TimelineItem::list(history, lang),
        }
    }
}

#[derive(Template)]
#[template(path = "submissions/entry.html")]
pub struct EntryPage {
    pub layout: Layout,
    pub entry: EntryDetails,
    pub can_withdraw: bool,
    pub errors: FieldErrors,
    /// Once the competition's feedback is released, for an entry that became a practice.
    pub feedback: Option<Feedback>,
    /// Once published, for an entry awarded a level or the distinction.
    pub certificate: Option<String>,
}

/// What the jury tells the institution about its entry: the outcome and the comments meant
/// for it, never scores and never who wrote what.
pub struct Feedback {
    pub award: Option<Award>,
    pub distinction: bool,
    pub comments: Vec<String>,
}

/// The choices of the entry form, ticked as in `form`.
pub struct FormChoices {
    pub languages: Vec<Choice>,
    pub impact_areas: Vec<Choice>,
    pub approaches: Vec<Choice>,
    pub innovation_types: Vec<Choice>,
    pub governance_levels: Vec<Choice>,
    pub topics: Vec<Choice>,
    pub elements: Vec<Choice>,
    pub integrations: Vec<Choice>,
    pub partners: Vec<Choice>,
}

impl FormChoices {
    pub fn new(
        form: &EntryForm,
        partners: &[Organisation],
        own: &[Organisation],
        lang: Lang,
    ) -> FormChoices {
        let one = |value: &String| std::slice::from_ref(value).to_vec();
        FormChoices {
            languages: Choice::languages(&iso639::CODES, &one(&form.language), lang),
            impact_areas: Choice::terms::<ImpactArea>(&one(&form.impact_area), lang),
            approaches: Choice::terms::<Approach>(&one(&form.approach), lang),
            innovation_types: Choice::terms::<InnovationType>(&one(&form.innovation_type), lang),
            governance_levels: Choice::terms::<GovernanceLevel>(&one(&form.governance_level), lang),
            topics: Choice::terms::<Topic>(&form.topics, lang),
            elements: Choice::terms::<SocialInnovationElement>(&form.elements, lang),
            integrations: Choice::terms::<IntegrationType>(&form.integrations, lang),
            partners: partners
                .iter()
                .filter(|partner| !own.iter().any(|organisation| organisation.id == partner.id))
                .map(|partner| Choice {
                    value: partner.id.to_string(),
                    label: partner.name_and_country(lang),
                    selected: form.partners.contains(&partner.id.to_string()),
                })
                .collect(),
        }
    }
}

/// Where a new entry goes: chosen in the form, or fixed for an existing one.
pub enum Placement {
    New {
        competitions: Vec<Choice>,
        organisations: Vec<Choice>,
    },
    Existing {
        id: EntryId,
        competition: String,
        institution: String,
        deadline: Deadline,
        returned_note: Option<String>,
    },
}

#[derive(Template)]
#[template(path = "submissions/form.html")]
pub struct EntryFormPage {
    pub layout: Layout,
    pub action: String,
    pub placement: Placement,
    pub form: EntryForm,
    pub choices: FormChoices,
    pub errors: FieldErrors,
    /// Set when the form comes back with problems although the draft was stored.
    pub saved_anyway: bool,
    pub documents: Vec<DocumentRow>,
    pub timeline: Vec<TimelineItem>,
    pub summary_limit: usize,
    pub body_limit: usize,
    pub document_limit: i64,
}

impl EntryFormPage {
    /// `Entry number 12 of ESDC (Canada) to Americas 2027.`
    pub fn placement_text(&self, id: &EntryId, institution: &str, competition: &str) -> String {
        self.layout.message(
            &Message::new("entry-placement")
                .with("id", Arg::digits(id.0))
                .with("institution", institution)
                .with("competition", competition),
        )
    }

    #[allow(clippy::too_many_arguments)]
    pub fn new(
        layout: Layout,
        placement: Placement,
        form: EntryForm,
        choices: FormChoices,
        errors: FieldErrors,
        saved_anyway: bool,
        documents: Vec<DocumentRow>,
        timeline: Vec<TimelineItem>,
    ) -> EntryFormPage {
        let action = match &placement {
            Placement::New { .. } => paths::SUBMISSIONS.to_owned(),
            Placement::Existing { id, .. } => paths::entry(*id),
        };
        EntryFormPage {
            layout,
            action,
            placement,
            form,
            choices,
            errors,
            saved_anyway,
            documents,
            timeline,
            summary_limit: SUMMARY_WORD_LIMIT,
            body_limit: BODY_WORD_LIMIT,
            document_limit: super::documents::MAX_DOCUMENTS_PER_ENTRY,
        }
    }
}

pub struct OpenCompetition {
    pub title: String,
    pub deadline: Deadline,
}

pub struct EntryRow {
    pub url: String,
    pub title: String,
    pub competition: String,
    pub institution: String,
    pub status: EntryStatus,
    pub returned: bool,
    pub timeline: Vec<TimelineItem>,
}

#[derive(Template)]
#[template(path = "submissions/list.html")]
pub struct ListPage {
    pub layout: Layout,
    pub institutions: Vec<String>,
    pub open_competitions: Vec<OpenCompetition>,
    pub entries: Vec<EntryRow>,
}

pub struct QueueRow {
    pub url: String,
    pub title: String,
    pub institution: String,
    pub competition: String,
    pub status: EntryStatus,
    pub submitted_at: String,
}

#[derive(Template)]
#[template(path = "admin/screening_queue.html")]
pub struct QueuePage {
    pub layout: Layout,
    pub total: usize,
    pub rows: Vec<QueueRow>,
    pub pagination: Pagination,
}

pub struct CheckRow {
    pub value: &'static str,
    pub label: &'static str,
    pub passed: bool,
    pub manual: bool,
}

impl CheckRow {
    pub fn list(checks: &[Check]) -> Vec<CheckRow> {
        checks
            .iter()
            .map(|check| CheckRow {
                value: check.item.slug(),
                label: check.item.label_key(),
                passed: check.passed,
                manual: check.item.is_manual(),
            })
            .collect()
    }
}

#[derive(Template)]
#[template(path = "admin/screening.html")]
pub struct ScreeningPage {
    pub layout: Layout,
    pub entry: EntryDetails,
    pub checks: Vec<CheckRow>,
    pub open: bool,
    pub note: String,
    pub errors: FieldErrors,
}
