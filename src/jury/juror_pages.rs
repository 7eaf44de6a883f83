//! The juror's pages: their entries, and the review form of one entry.

use actix_web::{web, HttpResponse};
use chrono::Utc;

use super::discussion;
use super::preferences;
use super::repository;
use super::reviews::{CriterionInput, ReviewForm, ReviewStatus};
use super::scoring::{self};
use super::views::{
    language_choices, AssignedRow, CompetitionBlock, HomePage, ReviewPage, TypedText,
};
use crate::accounts::roles::Juror;
use crate::accounts::session::{Layout, Visitor};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::forms::{FieldErrors, Posted};
use crate::http::Reply;
use crate::ids::{DocumentId, EntryId};
use crate::languages::Message;
use crate::organisations;
use crate::paths;
use crate::routes::Routes;
use crate::submissions::downloads::send_document;
use crate::submissions::views::{DocumentRow, EnteredContent, Entrants};
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes
        .get(paths::JURY, home)
        .get(paths::REVIEW, review)
        .post(paths::REVIEW, save)
        .post(paths::CONFLICT, declare_conflict)
        .post(paths::COMMENTS, comment)
        .get(paths::REVIEW_DOCUMENT, document);
}

async fn home(
    state: web::Data<AppState>,
    visitor: Visitor<Juror>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let layout = visitor.layout();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        Reply::page(&home_page(
            conn,
            &user,
            layout,
            None,
            FieldErrors::default(),
        )?)
    })
    .await
}

/// The juror's list of competitions and entries, with the languages they judge in (as typed,
/// when the form comes back with a problem).
pub(super) fn home_page(
    conn: &mut DbConnection,
    user: &Juror,
    layout: Layout,
    typed_languages: Option<Vec<String>>,
    errors: FieldErrors,
) -> Result<HomePage, AppError> {
    let mut competitions = Vec::new();
    for (competition, is_chair) in repository::competitions_of(conn, user.id)? {
        let mut rows = Vec::new();
        let discussed = repository::discussion_counts(conn, competition.id, user.id)?;
        for (entry, title, status) in repository::assigned_to(conn, user.id, competition.id)? {
            if scoring::may_review(conn, user, entry)? {
                rows.push(AssignedRow {
                    url: paths::review(entry),
                    title,
                    // Comments are read once one's own review is in.
                    new_comments: match status {
                        Some(ReviewStatus::Submitted) => discussed.get(&entry).map_or(0, |c| c.1),
                        _ => 0,
                    },
                    status,
                });
            }
        }
        competitions.push(CompetitionBlock {
            id: competition.id,
            preferences_open: preferences::open_for_preferences(&competition),
            submitted: rows
                .iter()
                .filter(|row| row.status == Some(ReviewStatus::Submitted))
                .count(),
            title: competition.title,
            is_chair,
            phase: competition.phase,
            rows,
        });
    }
    let stated = match typed_languages {
        Some(typed) => typed,
        None => repository::languages_of(conn, user.id)?
            .iter()
            .map(|language| language.slug().to_owned())
            .collect(),
    };
    Ok(HomePage {
        languages: language_choices(&repository::languages_in_use(conn)?, &stated, layout.lang),
        languages_stated: !stated.is_empty(),
        layout,
        competitions,
        errors,
    })
}

fn review_page(
    conn: &mut DbConnection,
    user: &Juror,
    layout: Layout,
    id: EntryId,
    typed: Option<ReviewForm>,
    typed_text: TypedText,
    errors: FieldErrors,
) -> Result<ReviewPage, AppError> {
    let context = scoring::context(conn, user, id)?;
    let discussion = match discussion::read(conn, user, id) {
        Ok(discussion) => Some(discussion),
        Err(AppError::NotFound) => None,
        Err(error) => return Err(error),
    };
    let form = typed.unwrap_or_else(|| ReviewForm {
        criteria: context
            .criteria
            .iter()
            .map(|criterion| {
                let saved = context.scores.iter().find(|(c, _, _)| *c == criterion.id);
                CriterionInput {
                    criterion: criterion.clone(),
                    score: saved
                        .and_then(|(_, score, _)| *score)
                        .map(|score| score.to_string())
                        .unwrap_or_default(),
                    comment: saved
                        .map(|(_, _, comment)| comment.clone())
                        .unwrap_or_default(),
                }
            })
            .collect(),
        overall_comment: context
            .review
            .as_ref()
            .map(|review| review.overall_comment.clone())
            .unwrap_or_default(),
        institution_comment: context
            .review
            .as_ref()
            .map(|review| review.institution_comment.clone())
            .unwrap_or_default(),
        cannot_judge: context
            .review
            .as_ref()
            .is_some_and(|review| review.cannot_judge),
    });
    let partners;
    let entrants = match context.organisation {
        Some(_) => {
            partners = organisations::repository::approved(conn)?;
            Entrants::Named(&partners)
        }
        None => Entrants::Hidden,
    };
    let documents = DocumentRow::linked(&context.documents, |document| {
        paths::review_document(document.entry_id, document.id)
    });
    Ok(ReviewPage {
        entered: EnteredContent::new(&context.content, entrants, documents, layout.lang),
        scale: (context.competition.scale_min..=context.competition.scale_max).collect(),
        open: context.competition.takes_reviews(),
        conflicts_open: context.competition.takes_conflict_declarations(),
        layout,
        context,
        form,
        discussion,
        typed: typed_text,
        errors,
    })
}

async fn review(
    state: web::Data<AppState>,
    visitor: Visitor<Juror>,
    id: EntryId,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let layout = visitor.layout();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        Reply::page(&review_page(
            conn,
            &user,
            layout,
            id,
            None,
            TypedText::default(),
            FieldErrors::default(),
        )?)
    })
    .await
}

async fn save(
    state: web::Data<AppState>,
    id: EntryId,
    Posted { visitor, form }: Posted<Juror>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    // "Submit and next" submits, then opens the juror's next entry to review.
    let and_next = form.value("action") == "submit-next";
    let submit = and_next || form.value("action") == "submit";
    let layout = visitor.layout();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        let criteria = scoring::criteria_of_entry(conn, id)?;
        let typed = ReviewForm::from_posted(&form, &criteria);
        match scoring::save(conn, &user, id, &typed, submit, Utc::now().naive_utc()) {
            Ok(ReviewStatus::Submitted) if and_next => {
                Ok(match scoring::next_to_review(conn, &user, id)? {
                    Some(next) => Reply::redirect(
                        paths::review(next),
                        Message::new("jury-submitted-here-is-the-next"),
                    ),
                    None => Reply::redirect(paths::JURY, Message::new("jury-submitted-all-done")),
                })
            }
            Ok(status) => Ok(Reply::redirect(
                paths::review(id),
                match status {
                    ReviewStatus::Submitted => Message::new("jury-your-review-is-submitted"),
                    ReviewStatus::Draft => Message::new("jury-your-review-has-been"),
                },
            )),
            Err(error) => {
                let errors = error.into_problems()?;
                Reply::invalid(&review_page(
                    conn,
                    &user,
                    layout,
                    id,
                    Some(typed),
                    TypedText::default(),
                    errors,
                )?)
            }
        }
    })
    .await
}

async fn declare_conflict(
    state: web::Data<AppState>,
    id: EntryId,
    Posted { visitor, form }: Posted<Juror>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let reason = form.value("reason").to_owned();
    let layout = visitor.layout();
    Reply::run(
        &state.pool,
        &visitor.session,
        move |conn| match scoring::declare_conflict(conn, &user, id, &reason) {
            Ok(()) => Ok(Reply::redirect(
                paths::JURY,
                Message::new("jury-your-conflict-has-been"),
            )),
            Err(error) => {
                let errors = error.into_problems()?;
                let typed = TypedText {
                    conflict_reason: reason,
                    ..TypedText::default()
                };
                Reply::invalid(&review_page(conn, &user, layout, id, None, typed, errors)?)
            }
        },
    )
    .await
}

async fn comment(
    state: web::Data<AppState>,
    id: EntryId,
    Posted { visitor, form }: Posted<Juror>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let body = form.value("comment").to_owned();
    let layout = visitor.layout();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        // From this page, only a juror who may review the entry comments.
        if !scoring::may_review(conn, &user, id)? {
            return Err(AppError::NotFound);
        }
        match discussion::write(conn, &user, id, &body, Utc::now().naive_utc()) {
            Ok(()) => Ok(Reply::redirect(
                format!("{}#discussion", paths::review(id)),
                Message::new("jury-comment-added"),
            )),
            Err(error) => {
                let errors = error.into_problems()?;
                let typed = TypedText {
                    comment: body,
                    ..TypedText::default()
                };
                Reply::invalid(&review_page(conn, &user, layout, id, None, typed, errors)?)
            }
        }
    })
    .await
}

async fn document(
    state: web::Data<AppState>,
    visitor: Visitor<Juror>,
    entry: EntryId,
    id: DocumentId,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    send_document(&state, "private, no-store", move |conn| {
        scoring::document(conn, &user, entry, id)
    })
    .await
}
