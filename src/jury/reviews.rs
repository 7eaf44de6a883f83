//! A juror's review of an entry: a score and a comment per criterion, an overall comment,
//! or "cannot judge". Saved as a draft, then submitted; every save is kept in the history.

use diesel::prelude::*;

use crate::competitions::{Competition, Criterion};
use crate::forms::{FieldErrors, PostedForm};
use crate::ids::{EntryId, UserId};
use crate::languages::Message;
use crate::schema::reviews;
use crate::taxonomy::vocabulary;

vocabulary! {
    /// Where a juror's review of an entry stands.
    ReviewStatus in "review-status" {
        Draft => "draft",
        Submitted => "submitted",
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = reviews, check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
pub struct Review {
    pub id: i32,
    pub entry_id: EntryId,
    pub user_id: UserId,
    pub status: ReviewStatus,
    pub overall_comment: String,
    /// Meant for the institution: shown on its entry, without the juror's name, once the
    /// feedback is released.
    pub institution_comment: String,
    pub cannot_judge: bool,
}

/// One criterion of a review as typed: the score stays text until it is read.
#[derive(Debug, Clone)]
pub struct CriterionInput {
    pub criterion: Criterion,
    pub score: String,
    pub comment: String,
}

/// The review form as typed.
#[derive(Debug, Clone)]
pub struct ReviewForm {
    pub criteria: Vec<CriterionInput>,
    pub overall_comment: String,
    pub institution_comment: String,
    pub cannot_judge: bool,
}

/// A review read from its form: `(criterion, score, comment)` rows.
pub struct ReviewContent {
    pub scores: Vec<(i32, Option<i32>, String)>,
    pub overall_comment: String,
    pub institution_comment: String,
    pub cannot_judge: bool,
}

pub fn score_field(criterion: &Criterion) -> String {
    format!("score-{}", criterion.id)
}

pub fn comment_field(criterion: &Criterion) -> String {
    format!("comment-{}", criterion.id)
}

impl ReviewForm {
    pub fn from_posted(form: &PostedForm, criteria: &[Criterion]) -> ReviewForm {
        ReviewForm {
            criteria: criteria
                .iter()
                .map(|criterion| CriterionInput {
                    score: form.value(&score_field(criterion)).to_owned(),
                    comment: form.value(&comment_field(criterion)).to_owned(),
                    criterion: criterion.clone(),
                })
                .collect(),
            overall_comment: form.value("overall_comment").to_owned(),
            institution_comment: form.value("institution_comment").to_owned(),
            cannot_judge: form.checked("cannot_judge"),
        }
    }

    /// Reads the form; `submitting` asks for a score on every criterion unless the juror
    /// cannot judge the entry.
    pub fn parse(
        &self,
        competition: &Competition,
        submitting: bool,
    ) -> Result<ReviewContent, FieldErrors> {
        let mut errors = FieldErrors::default();
        let range = competition.scale_min..=competition.scale_max;
        let mut scores = Vec::new();
        for input in &self.criteria {
            let score = match input.score.trim() {
                "" => None,
                typed => match typed.parse::<i32>().ok().filter(|s| range.contains(s)) {
                    Some(score) => Some(score),
                    None => {
                        errors.add(
                            "scores",
                            Message::new("jury-score-range")
                                .with("criterion", &input.criterion.name)
                                .with("min", competition.scale_min)
                                .with("max", competition.scale_max),
                        );
                        None
                    }
                },
            };
            if submitting && !self.cannot_judge && score.is_none() && input.score.trim().is_empty()
            {
                errors.add(
                    "scores",
                    Message::new("jury-score-missing").with("criterion", &input.criterion.name),
                );
            }
            scores.push((input.criterion.id, score, input.comment.trim().to_owned()));
        }
        if errors.is_empty() {
            Ok(ReviewContent {
                scores,
                overall_comment: self.overall_comment.trim().to_owned(),
                institution_comment: self.institution_comment.trim().to_owned(),
                cannot_judge: self.cannot_judge,
            })
        } else {
            Err(errors)
        }
    }
}

impl ReviewContent {
    /// One line for the history: every score as saved.
    pub fn summary(&self, criteria: &[Criterion]) -> String {
        if self.cannot_judge {
            return "cannot judge".to_owned();
        }
        criteria
            .iter()
            .map(|criterion| {
                let score = self
                    .scores
                    .iter()
                    .find(|(id, _, _)| *id == criterion.id)
                    .and_then(|(_, score, _)| *score)
                    .map_or_else(|| "–".to_owned(), |s| s.to_string());
                format!("{}: {score}", criterion.name)
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}
