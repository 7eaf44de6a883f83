//! The pages of an institution's members: their entries, the entry form, submitting and
//! withdrawing.

use actix_web::{web, HttpResponse};
use chrono::Utc;

use super::downloads::send_document;
use super::form::EntryForm;
use super::repository;
use super::rules::EntryAction;
use super::service::{self, EntryRecord, Save, SaveOutcome, Target};
use super::translations;
use super::views::{
    Deadline, DocumentRow, EntryDetails, EntryFormPage, EntryPage, EntryRow, Feedback, FormChoices,
    ListPage, OpenCompetition, Placement, TimelineItem,
};
use crate::accounts::roles::{SignedIn, Submitter};
use crate::accounts::session::{Layout, Visitor};
use crate::accounts::User;
use crate::audit::{self, AuditSubject};
use crate::competitions;
use crate::db::DbConnection;
use crate::error::AppError;
use crate::forms::{Choice, FieldErrors, Posted, PostedWithFile};
use crate::http::Reply;
use crate::ids::{DocumentId, EntryId};
use crate::languages::{Lang, Message};
use crate::organisations;
use crate::paths;
use crate::routes::Routes;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes
        .get(paths::SUBMISSIONS, list)
        .post(paths::SUBMISSIONS, save_new)
        .get(paths::NEW_ENTRY, new_entry)
        .get(paths::ENTRY, entry)
        .post(paths::ENTRY, save_existing)
        .post(paths::ENTRY_WITHDRAW, withdraw)
        .get(paths::ENTRY_DOCUMENT, document);
}

fn now() -> chrono::NaiveDateTime {
    Utc::now().naive_utc()
}

async fn list(
    state: web::Data<AppState>,
    visitor: Visitor<Submitter>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let layout = visitor.layout();
    let lang = layout.lang;
    Reply::run(&state.pool, &visitor.session, move |conn| {
        let acting_for = service::acting_for(conn, &user)?;
        let ids: Vec<_> = acting_for
            .iter()
            .map(|organisation| organisation.id)
            .collect();
        let regions: Vec<_> = acting_for
            .iter()
            .map(|organisation| organisation.region)
            .collect();
        let open = competitions::repository::open_for(conn, &regions, now())?;
        let mut entries = Vec::new();
        for (entry, competition, organisation) in repository::of_organisations(conn, &ids)? {
            entries.push(EntryRow {
                url: paths::entry(entry.id),
                title: entry.fields.shown_title(lang),
                competition: competition.title,
                institution: organisation.name,
                status: entry.status,
                returned: entry.returned_at.is_some(),
                timeline: TimelineItem::list(service::history(conn, entry.id)?, lang),
            });
        }
        Reply::page(&ListPage {
            layout,
            institutions: acting_for
                .into_iter()
                .map(|organisation| organisation.name)
                .collect(),
            open_competitions: open
                .iter()
                .map(|competition| OpenCompetition {
                    title: competition.title.clone(),
                    deadline: Deadline::of(competition, lang),
                })
                .collect(),
            entries,
        })
    })
    .await
}

/// The entry form, for a new entry (`record` is `None`) or a draft.
fn form_page(
    conn: &mut DbConnection,
    user: &User,
    layout: Layout,
    record: Option<&EntryRecord>,
    form: EntryForm,
    errors: FieldErrors,
    saved_anyway: bool,
) -> Result<EntryFormPage, AppError> {
    let acting_for = service::acting_for(conn, user)?;
    let partners = organisations::repository::approved(conn)?;
    let lang = layout.lang;
    let choices = FormChoices::new(&form, &partners, &acting_for, lang);
    let (placement, documents, timeline) = match record {
        Some(record) => (
            Placement::Existing {
                id: record.entry.id,
                competition: record.competition.title.clone(),
                institution: record.organisation.name.clone(),
                deadline: Deadline::of(&record.competition, lang),
                returned_note: record
                    .entry
                    .returned_at
                    .map(|_| record.entry.screening_note.clone()),
            },
            DocumentRow::list(&record.documents),
            TimelineItem::list(service::history(conn, record.entry.id)?, lang),
        ),
        None => {
            let regions: Vec<_> = acting_for
                .iter()
                .map(|organisation| organisation.region)
                .collect();
            let open = competitions::repository::open_for(conn, &regions, now())?;
            (
                Placement::New {
                    competitions: open
                        .iter()
                        .map(|competition| Choice {
                            value: competition.id.to_string(),
                            label: lang.t2(
                                "entry-competition-choice",
                                "competition",
                                &competition.title,
                                "deadline",
                                competition.deadline_display(lang),
                            ),
                            selected: open.len() == 1,
                        })
                        .collect(),
                    organisations: if acting_for.len() > 1 {
                        acting_for
                            .iter()
                            .map(|organisation| Choice {
                                value: organisation.id.to_string(),
                                label: organisation.name.clone(),
                                selected: false,
                            })
                            .collect()
                    } else {
                        Vec::new()
                    },
                },
                Vec::new(),
                Vec::new(),
            )
        }
    };
    Ok(EntryFormPage::new(
        layout,
        placement,
        form,
        choices,
        errors,
        saved_anyway,
        documents,
        timeline,
    ))
}

async fn new_entry(
    state: web::Data<AppState>,
    visitor: Visitor<Submitter>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let layout = visitor.layout();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        if service::acting_for(conn, &user)?.is_empty() {
            return Ok(Reply::redirect(
                paths::ACCOUNT,
                Message::new("entry-before-you-can-enter"),
            ));
        }
        Reply::page(&form_page(
            conn,
            &user,
            layout,
            None,
            EntryForm::default(),
            FieldErrors::default(),
            false,
        )?)
    })
    .await
}

async fn entry(
    state: web::Data<AppState>,
    visitor: Visitor<SignedIn>,
    id: EntryId,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let layout = visitor.layout();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        let record = service::load(conn, &user, id)?;
        if record.permits(EntryAction::Edit) {
            let form = EntryForm::from_content(&record.content);
            return Reply::page(&form_page(
                conn,
                &user,
                layout,
                Some(&record),
                form,
                FieldErrors::default(),
                false,
            )?);
        }
        Reply::page(&entry_page(conn, layout, &record, FieldErrors::default())?)
    })
    .await
}

fn entry_page(
    conn: &mut DbConnection,
    layout: Layout,
    record: &EntryRecord,
    errors: FieldErrors,
) -> Result<EntryPage, AppError> {
    let entry = details(conn, record, layout.lang)?;
    let outcome = repository::published_outcome(conn, record.entry.id)?;
    let certificate = outcome
        .filter(|&(_, award, distinction)| award.is_some() || distinction)
        .map(|(practice, _, _)| paths::practice_certificate(practice));
    let feedback = match record.competition.feedback_released_at {
        Some(_) => outcome
            .map(|(_, award, distinction)| -> Result<Feedback, AppError> {
                Ok(Feedback {
                    award,
                    distinction,
                    comments: repository::comments_for_institution(conn, record.entry.id)?,
                })
            })
            .transpose()?,
        None => None,
    };
    Ok(EntryPage {
        layout,
        entry,
        can_withdraw: record.permits(EntryAction::Withdraw),
        errors,
        feedback,
        certificate,
    })
}

pub(super) fn details(
    conn: &mut DbConnection,
    record: &EntryRecord,
    lang: Lang,
) -> Result<EntryDetails, AppError> {
    let partners = organisations::repository::approved(conn)?;
    let history = audit::history(conn, AuditSubject::Entry, record.entry.id.0)?;
    let versions = translations::of_entry(conn, record.entry.id)?;
    Ok(EntryDetails::new(
        record, &partners, history, &versions, lang,
    ))
}

async fn save_new(
    state: web::Data<AppState>,
    posted: Posted<Submitter, PostedWithFile>,
) -> Result<HttpResponse, AppError> {
    let target = Target::New {
        competition: posted.form.form.value("competition").to_owned(),
        organisation: posted.form.form.value("organisation").to_owned(),
    };
    save_entry(state, target, posted).await
}

async fn save_existing(
    state: web::Data<AppState>,
    id: EntryId,
    posted: Posted<Submitter, PostedWithFile>,
) -> Result<HttpResponse, AppError> {
    save_entry(state, Target::Existing(id), posted).await
}

async fn save_entry(
    state: web::Data<AppState>,
    target: Target,
    Posted {
        visitor,
        form: posted,
    }: Posted<Submitter, PostedWithFile>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let layout = visitor.layout();
    let form = EntryForm::from_posted(&posted.form);
    let save = Save {
        target,
        form: form.clone(),
        upload: posted.file,
        remove_documents: posted
            .form
            .values("remove_documents")
            .iter()
            .filter_map(|id| id.parse().ok().map(DocumentId))
            .collect(),
        submit: posted.form.value("action") == "submit",
    };
    Reply::run(
        &state.pool,
        &visitor.session,
        move |conn| match service::save(conn, &user, save, now())? {
            SaveOutcome::Saved(id) => Ok(Reply::redirect(
                paths::entry(id),
                Message::new("entry-your-draft-has-been-2"),
            )),
            SaveOutcome::Submitted(id) => Ok(Reply::redirect(
                paths::entry(id),
                Message::new("entry-your-entry-has-been"),
            )),
            SaveOutcome::Problems {
                entry,
                saved,
                errors,
            } => {
                let record = entry.map(|id| service::load(conn, &user, id)).transpose()?;
                Reply::invalid(&form_page(
                    conn,
                    &user,
                    layout,
                    record.as_ref(),
                    form,
                    errors,
                    saved,
                )?)
            }
        },
    )
    .await
}

async fn withdraw(
    state: web::Data<AppState>,
    id: EntryId,
    Posted { visitor, .. }: Posted<Submitter>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let layout = visitor.layout();
    Reply::run(
        &state.pool,
        &visitor.session,
        move |conn| match service::withdraw(conn, &user, id, now()) {
            Ok(()) => Ok(Reply::redirect(
                paths::entry(id),
                Message::new("entry-your-entry-has-been-2"),
            )),
            Err(error) => {
                let errors = error.into_problems()?;
                let record = service::load(conn, &user, id)?;
                Reply::invalid(&entry_page(conn, layout, &record, errors)?)
            }
        },
    )
    .await
}

async fn document(
    state: web::Data<AppState>,
    visitor: Visitor<SignedIn>,
    entry: EntryId,
    id: DocumentId,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    send_document(&state, "private, no-store", move |conn| {
        service::document(conn, &user, entry, id)
    })
    .await
}
