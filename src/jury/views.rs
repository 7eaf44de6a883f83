//! The jury's pages as their templates read them: the secretariat's board, the juror's list
//! and review form, and the ranking.

use askama::Template;

use super::discussion::Discussion;
use super::preferences::Preference;
use super::ranking::Ranked;
use super::repository::Deliberated;
use super::reviews::{ReviewForm, ReviewStatus};
use super::scoring::{ReviewContext, ScoreRow};
use super::service::{self, BoardEntry};
use super::standing::Standing;
use crate::accounts::session::Layout;
use crate::competitions::Phase;
use crate::forms::{Choice, FieldErrors};
use crate::ids::{CompetitionId, EntryId, UserId};
use crate::languages::Message;
use crate::paths;
use crate::submissions::views::EnteredContent;
use crate::taxonomy::{Award, Language};

pub struct JurorRow {
    pub id: UserId,
    pub name: String,
    pub email: String,
    pub is_chair: bool,
    pub topics: String,
    /// The languages they judge in, named; empty until stated.
    pub languages: String,
    pub progress: service::Progress,
}

#[derive(Template)]
#[template(path = "admin/jury.html")]
pub struct JuryPage {
    pub layout: Layout,
    pub competition_id: CompetitionId,
    pub title: String,
    pub per_entry: i32,
    /// Reminders can be sent only during the review.
    pub reviewing: bool,
    /// Jurors with reviews still to submit.
    pub behind: usize,
    pub jurors: Vec<JurorRow>,
    pub available: Vec<Choice>,
    pub topics: Vec<Choice>,
    pub entries: Vec<BoardEntry>,
    pub juror_choices: Vec<Choice>,
    pub languages: Vec<Choice>,
    pub supply: Vec<service::LanguageSupply>,
    /// How far the assignment met the jurors' preferences.
    pub preferences: Message,
    /// A manual assignment across languages waiting for its reason.
    pub pending: Option<PendingAssignment>,
    pub errors: FieldErrors,
}

/// A juror the secretariat chose for an entry in a language they do not read.
pub struct PendingAssignment {
    pub entry: EntryId,
    pub user: UserId,
    pub reason: String,
}

pub struct AssignedRow {
    pub url: String,
    pub title: String,
    pub status: Option<ReviewStatus>,
    /// Comments of the discussion by others since the juror last read it.
    pub new_comments: usize,
}

pub struct CompetitionBlock {
    pub id: CompetitionId,
    /// Whether the juror may say which entries they would like to judge.
    pub preferences_open: bool,
    pub title: String,
    pub is_chair: bool,
    pub phase: crate::competitions::Phase,
    pub rows: Vec<AssignedRow>,
    pub submitted: usize,
}

#[derive(Template)]
#[template(path = "jury/home.html")]
pub struct HomePage {
    pub layout: Layout,
    pub competitions: Vec<CompetitionBlock>,
    pub languages: Vec<Choice>,
    pub languages_stated: bool,
    pub errors: FieldErrors,
}

/// One entry on a juror's sheet of preferences.
pub struct PreferenceRow {
    pub id: EntryId,
    pub title: String,
    pub summary: String,
    pub language: Option<Language>,
    pub chosen: Option<Preference>,
}

#[derive(Template)]
#[template(path = "jury/preferences.html")]
pub struct PreferencesPage {
    pub layout: Layout,
    pub competition_id: CompetitionId,
    pub title: String,
    pub open: bool,
    pub rows: Vec<PreferenceRow>,
    pub in_other_languages: usize,
    /// The languages the juror judges in, named.
    pub languages: String,
    pub choices: &'static [Preference],
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "jury/review.html")]
pub struct ReviewPage {
    pub layout: Layout,
    pub context: ReviewContext,
    pub entered: EnteredContent,
    pub form: ReviewForm,
    pub scale: Vec<i32>,
    /// The review form is offered only while scores are taken, the conflict form only while
    /// conflicts are.
    pub open: bool,
    pub conflicts_open: bool,
    /// `None` before the review opens.
    pub discussion: Option<Discussion>,
    pub typed: TypedText,
    pub errors: FieldErrors,
}

/// What a juror typed in the review page's smaller forms, kept when one comes back.
#[derive(Default)]
pub struct TypedText {
    pub conflict_reason: String,
    pub comment: String,
}

#[derive(Template)]
#[template(path = "jury/discussion_page.html")]
pub struct DiscussionPage {
    pub layout: Layout,
    pub discussion: Discussion,
    pub comment: String,
    pub errors: FieldErrors,
}

impl ReviewPage {
    pub fn score_of(&self, scores: &[ScoreRow], criterion: &i32) -> String {
        scores
            .iter()
            .find(|(id, _, _)| id == criterion)
            .and_then(|(_, score, _)| *score)
            .map_or_else(|| "–".to_owned(), |score| score.to_string())
    }
}

pub fn one_decimal(value: f64) -> String {
    format!("{value:.1}")
}

#[derive(Template)]
#[template(path = "jury/ranking.html")]
pub struct RankingPage {
    pub layout: Layout,
    pub standing: Standing,
    pub sorts: Vec<(&'static str, &'static str, bool)>,
}

impl RankingPage {
    pub fn deliberating(&self) -> bool {
        self.standing.competition.phase == Phase::Deliberation
    }

    /// The award levels for the decision form, with the one decided for `entry` selected.
    pub fn award_choices(&self, entry: &i32) -> Vec<Choice> {
        let decided = self.decision_of(entry).and_then(|d| d.award);
        Award::ALL
            .iter()
            .filter(|award| **award != Award::InnovationDistinction)
            .map(|award| Choice {
                value: award.slug().to_owned(),
                label: award.label(self.layout.lang),
                selected: decided == Some(*award),
            })
            .collect()
    }

    /// The link to the discussion of `entry`, with its comments counted.
    pub fn discussion_link(&self, entry: &i32) -> (String, Message) {
        let entry = EntryId(*entry);
        let (comments, unread) = self
            .standing
            .discussion
            .get(&entry)
            .copied()
            .unwrap_or_default();
        let label = Message::new("jury-discussion-link")
            .with("comments", comments)
            .with("unread", unread);
        (
            paths::discussion(self.standing.competition.id, entry),
            label,
        )
    }

    /// Where the decision form on `entry` is posted.
    pub fn decision_url(&self, entry: &i32) -> String {
        paths::decision(self.standing.competition.id, EntryId(*entry))
    }

    pub fn decision_of(&self, entry: &i32) -> Option<&Deliberated> {
        self.standing.decisions.iter().find(|d| d.entry.0 == *entry)
    }

    pub fn distinguished(&self, entry: &i32) -> bool {
        self.decision_of(entry)
            .is_some_and(|d| d.innovation_distinction)
    }

    pub fn note_of(&self, entry: &i32) -> String {
        self.decision_of(entry)
            .map(|d| d.note.clone())
            .unwrap_or_default()
    }

    pub fn mean_of(&self, row: &Ranked, criterion: &i32) -> String {
        row.criterion_means
            .get(criterion)
            .map_or_else(|| "–".to_owned(), |mean| one_decimal(*mean))
    }

    pub fn number(&self, value: &f64) -> String {
        one_decimal(*value)
    }
}

/// Names terms in the page's language, as a list.
pub(super) fn named<T: crate::taxonomy::Term>(terms: &[T], lang: crate::languages::Lang) -> String {
    listed(terms.iter().map(|term| term.label(lang)), lang)
}

/// Names languages in the page's language, as a list.
pub(super) fn named_languages(languages: &[Language], lang: crate::languages::Lang) -> String {
    listed(
        languages
            .iter()
            .map(|language| language.name(lang).to_owned()),
        lang,
    )
}

/// The languages a juror may tick: those in use and those they stated, named in `lang`.
pub(super) fn language_choices(
    in_use: &[Language],
    stated: &[String],
    lang: crate::languages::Lang,
) -> Vec<Choice> {
    let mut offered: Vec<&'static str> = in_use.iter().map(|language| language.slug()).collect();
    offered.extend(
        stated
            .iter()
            .filter_map(|code| Language::from_slug(code))
            .map(Language::slug),
    );
    offered.sort_unstable();
    offered.dedup();
    Choice::languages(&offered, stated, lang)
}

fn listed(names: impl Iterator<Item = String>, lang: crate::languages::Lang) -> String {
    names.collect::<Vec<_>>().join(&lang.t("list-separator"))
}
