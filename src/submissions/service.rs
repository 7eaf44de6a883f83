//! The submission workflow: drafts, documents, submitting, withdrawing and screening. Each
//! operation checks who may do it (through `accounts::policy`), runs in one immediate
//! transaction, and records the change in the audit log.

use std::path::Path;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::documents::{self, Document, Upload, MAX_DOCUMENTS_PER_ENTRY};
use super::form::EntryForm;
use super::rules::{self, EntryAction};
use super::screening::{self, Check, ScreeningItem};
use super::{repository, Entry, EntryContent, EntryStatus};
use crate::accounts::policy::{self, EntryAccess};
use crate::accounts::roles::Secretariat;
use crate::accounts::{self, User};
use crate::audit::{self, AuditAction, AuditSubject, Change, Recorded};
use crate::competitions::{self, Competition, Phase};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::forms::{FieldErrors, FormError};
use crate::ids::{CompetitionId, DocumentId, EntryId, OrganisationId};
use crate::languages::key;
use crate::languages::{Arg, Message};
use crate::organisations::{self, Organisation};
use crate::outbox;

/// The institutions a person acts for.
pub fn acting_for(conn: &mut DbConnection, user: &User) -> QueryResult<Vec<Organisation>> {
    accounts::repository::approved_organisations(conn, user.id)
}

fn ids_of(organisations: &[Organisation]) -> Vec<OrganisationId> {
    organisations
        .iter()
        .map(|organisation| organisation.id)
        .collect()
}

/// Which entry a save is for.
pub enum Target {
    /// A new draft, for the competition and institution chosen in the form.
    New {
        competition: String,
        organisation: String,
    },
    Existing(EntryId),
}

/// One press of a button on the entry form.
pub struct Save {
    pub target: Target,
    pub form: EntryForm,
    pub upload: Option<Upload>,
    pub remove_documents: Vec<DocumentId>,
    pub submit: bool,
}

#[derive(Debug)]
pub enum SaveOutcome {
    Saved(EntryId),
    Submitted(EntryId),
    /// The form comes back with `errors`; `saved` says whether the draft was stored anyway
    /// (it is, whenever its values could be read).
    Problems {
        entry: Option<EntryId>,
        saved: bool,
        errors: FieldErrors,
    },
}

/// The entry and its context, loaded for someone allowed to see it.
pub struct EntryRecord {
    pub entry: Entry,
    pub content: EntryContent,
    pub competition: Competition,
    pub organisation: Organisation,
    pub documents: Vec<Document>,
    pub access: EntryAccess,
}

impl EntryRecord {
    /// Whether the person who loaded it may do `action` to it now (`rules::permits`).
    pub fn permits(&self, action: EntryAction) -> bool {
        let published = self.competition.phase == Phase::Published;
        rules::permits(self.access, self.entry.status, published, action)
    }
}

/// Loads an entry if `user` may see it; anyone else is told it does not exist.
pub fn load(conn: &mut DbConnection, user: &User, id: EntryId) -> Result<EntryRecord, AppError> {
    let entry = repository::find(conn, id)?.ok_or(AppError::NotFound)?;
    let acting_for = ids_of(&acting_for(conn, user)?);
    let access = policy::entry_access(user, entry.organisation_id, &acting_for)?;
    let links = repository::links(conn, id)?;
    let competition =
        competitions::repository::find(conn, entry.competition_id)?.ok_or(AppError::NotFound)?;
    let organisation =
        organisations::repository::find(conn, entry.organisation_id)?.ok_or(AppError::NotFound)?;
    Ok(EntryRecord {
        content: EntryContent {
            fields: entry.fields.clone(),
            links,
        },
        documents: repository::documents_of(conn, id)?,
        entry,
        competition,
        organisation,
        access,
    })
}

pub fn history(conn: &mut DbConnection, id: EntryId) -> QueryResult<Vec<Recorded>> {
    audit::history(conn, AuditSubject::Entry, id.0)
}

/// Partners must be other institutions in the portal.
fn partner_problem(
    conn: &mut DbConnection,
    own: OrganisationId,
    partners: &[OrganisationId],
) -> QueryResult<Option<Message>> {
    let approved = ids_of(&organisations::repository::approved(conn)?);
    Ok(partners
        .iter()
        .any(|partner| *partner == own || !approved.contains(partner))
        .then_some(Message::new("entry-partners-from-list")))
}

fn start_draft(
    conn: &mut DbConnection,
    user: &User,
    competition: &str,
    organisation: &str,
    content: &EntryContent,
    now: NaiveDateTime,
) -> Result<Result<EntryId, FieldErrors>, AppError> {
    let acting_for = acting_for(conn, user)?;
    let organisation = match organisation.parse().map(OrganisationId) {
        Ok(id) => acting_for.iter().find(|organisation| organisation.id == id),
        // With one institution the form does not ask.
        Err(_) if acting_for.len() == 1 => acting_for.first(),
        Err(_) => None,
    };
    let Some(organisation) = organisation else {
        return Ok(Err(FieldErrors::of(
            "organisation",
            Message::new("entry-choose-the-institution-you"),
        )));
    };
    let competition = competition
        .parse()
        .ok()
        .map(CompetitionId)
        .map(|id| competitions::repository::find(conn, id))
        .transpose()?
        .flatten()
        .filter(|competition| {
            competition.region == organisation.region && competition.accepts_entries_at(now)
        });
    let Some(competition) = competition else {
        return Ok(Err(FieldErrors::of(
            "competition",
            Message::new("entry-choose-a-competition-that"),
        )));
    };
    let id = repository::insert(conn, competition.id, organisation.id, user.id, content)?;
    audit::record(
        conn,
        &Change {
            to_state: Some(EntryStatus::Draft.slug()),
            note: &competition.title,
            ..Change::new(
                Some(user.id),
                AuditSubject::Entry,
                id.0,
                AuditAction::EntryCreated,
            )
        },
    )?;
    Ok(Ok(id))
}

/// An upload after its checks: accepted as a kind of document, or refused with a reason.
enum CheckedUpload<'a> {
    Accepted {
        file_name: String,
        media_type: &'static str,
        bytes: &'a [u8],
    },
    Refused(Message),
}

impl CheckedUpload<'_> {
    fn of(upload: &Upload) -> CheckedUpload<'_> {
        match documents::check(upload) {
            Ok(media_type) => CheckedUpload::Accepted {
                file_name: documents::clean_file_name(&upload.file_name),
                media_type,
                bytes: &upload.bytes,
            },
            Err(problem) => CheckedUpload::Refused(problem),
        }
    }
}

/// Removes documents from a draft and attaches a new one; problems go to the `document`
/// field.
fn change_documents(
    conn: &mut DbConnection,
    user: &User,
    id: EntryId,
    upload: Option<&CheckedUpload>,
    remove: &[DocumentId],
    errors: &mut FieldErrors,
) -> QueryResult<()> {
    for &document in remove {
        if let Some(document) = repository::find_document(conn, id, document)? {
            repository::delete_document(conn, document.id)?;
        }
    }
    match upload {
        None => Ok(()),
        Some(CheckedUpload::Refused(problem)) => {
            errors.add("document", problem.clone());
            Ok(())
        }
        Some(_) if repository::count_documents(conn, id)? >= MAX_DOCUMENTS_PER_ENTRY => {
            errors.add(
                "document",
                Message::new("entry-too-many-documents").with("limit", MAX_DOCUMENTS_PER_ENTRY),
            );
            Ok(())
        }
        Some(CheckedUpload::Accepted {
            file_name,
            media_type,
            bytes,
        }) => {
            repository::insert_document(conn, id, file_name, media_type, bytes, user.id)?;
            Ok(())
        }
    }
}

/// Saves the entry form, attaching or removing a document, and submits it when asked and
/// complete.
pub fn save(
    conn: &mut DbConnection,
    user: &User,
    save: Save,
    now: NaiveDateTime,
) -> Result<SaveOutcome, AppError> {
    let existing = match save.target {
        Target::Existing(id) => Some(id),
        Target::New { .. } => None,
    };
    let content = match save.form.parse() {
        Ok(content) => content,
        Err(errors) => {
            return Ok(SaveOutcome::Problems {
                entry: existing,
                saved: false,
                errors,
            })
        }
    };
    let upload = save.upload.as_ref().map(CheckedUpload::of);
    crate::db::write_transaction(conn, |conn| {
        let id = match &save.target {
            Target::Existing(id) => {
                let record = load(conn, user, *id)?;
                if !record.permits(EntryAction::Edit) {
                    return Err(AppError::Forbidden);
                }
                repository::update_content(conn, *id, &content, now)?;
                *id
            }
            Target::New {
                competition,
                organisation,
            } => match start_draft(conn, user, competition, organisation, &content, now)? {
                Ok(id) => id,
                Err(errors) => {
                    return Ok(SaveOutcome::Problems {
                        entry: None,
                        saved: false,
                        errors,
                    })
                }
            },
        };
        let mut errors = FieldErrors::default();
        let entry = repository::find(conn, id)?.ok_or(AppError::NotFound)?;
        if let Some(problem) =
            partner_problem(conn, entry.organisation_id, &content.links.partners)?
        {
            errors.add("partners", problem);
        }
        change_documents(
            conn,
            user,
            id,
            upload.as_ref(),
            &save.remove_documents,
            &mut errors,
        )?;
        if save.submit {
            submission_problems(conn, &entry, &content, now, &mut errors)?;
        } else {
            rules::word_limit_problems(&content.fields, &mut errors);
        }
        if !errors.is_empty() {
            return Ok(SaveOutcome::Problems {
                entry: Some(id),
                saved: true,
                errors,
            });
        }
        if save.submit {
            submit(conn, user, &entry, now)?;
            Ok(SaveOutcome::Submitted(id))
        } else {
            Ok(SaveOutcome::Saved(id))
        }
    })
}

/// Takes the files of documents uploaded before documents lived in the database out of the
/// `uploads` folder and into it, one document per transaction, deleting each file once its
/// bytes are committed (and the folder once empty). Says how many were taken in; a document
/// whose file is missing is logged and left to answer "not found".
pub fn take_in_document_files(conn: &mut DbConnection, uploads: &Path) -> Result<usize, AppError> {
    let waiting = repository::documents_in_files(conn)?;
    let mut taken = 0;
    for (id, stored_name) in waiting {
        let path = uploads.join(&stored_name);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) => {
                tracing::warn!(%error, path = %path.display(), "a document's file is missing");
                continue;
            }
        };
        crate::db::write_transaction(conn, |conn| repository::take_in_document(conn, id, &bytes))?;
        std::fs::remove_file(&path).map_err(AppError::file("remove", &path))?;
        taken += 1;
    }
    if taken > 0 {
        // Only an empty folder goes; anything else in it is not the portal's to remove.
        let _ = std::fs::remove_dir(uploads);
        tracing::info!(taken, folder = %uploads.display(), "documents taken into the database");
    }
    Ok(taken)
}

fn submission_problems(
    conn: &mut DbConnection,
    entry: &Entry,
    content: &EntryContent,
    now: NaiveDateTime,
    errors: &mut FieldErrors,
) -> Result<(), AppError> {
    for error in rules::completeness_problems(content).iter() {
        errors.add(error.field, error.message.clone());
    }
    let competition =
        competitions::repository::find(conn, entry.competition_id)?.ok_or(AppError::NotFound)?;
    let submitted = repository::count_submitted(
        conn,
        entry.competition_id,
        entry.organisation_id,
        Some(entry.id),
    )?;
    if let Some(problem) =
        rules::competition_problem(&competition, entry.returned_at.is_some(), submitted, now)
    {
        errors.add("competition", problem);
    }
    Ok(())
}

fn tell_institution(
    conn: &mut DbConnection,
    organisation: OrganisationId,
    mail: &Message,
) -> QueryResult<()> {
    for member in accounts::repository::members(conn, organisation)? {
        outbox::queue(conn, &member, mail)?;
    }
    Ok(())
}

fn submit(
    conn: &mut DbConnection,
    user: &User,
    entry: &Entry,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let moved = move_entry(
        conn,
        user,
        entry,
        EntryStatus::Submitted,
        AuditAction::EntrySubmitted,
        "",
        now,
    )?;
    if !moved {
        return Err(AppError::Forbidden);
    }
    repository::set_submitted_at(conn, entry.id, now)?;
    let competition =
        competitions::repository::find(conn, entry.competition_id)?.ok_or(AppError::NotFound)?;
    tell_institution(
        conn,
        entry.organisation_id,
        &Message::new("mail-received")
            .with("title", &entry.fields.title)
            .with("competition", &competition.title)
            .with("at", Arg::Moment(now))
            .with("id", Arg::digits(entry.id.0)),
    )?;
    Ok(())
}

/// Withdraws a submitted entry; only before screening starts.
pub fn withdraw(
    conn: &mut DbConnection,
    user: &User,
    id: EntryId,
    now: NaiveDateTime,
) -> Result<(), FormError> {
    crate::db::write_transaction(conn, |conn| {
        let record = load(conn, user, id)?;
        if record.access != EntryAccess::Member {
            return Err(AppError::Forbidden.into());
        }
        if !record.permits(EntryAction::Withdraw)
            || !move_entry(
                conn,
                user,
                &record.entry,
                EntryStatus::Withdrawn,
                AuditAction::EntryWithdrawn,
                "",
                now,
            )?
        {
            return Err(FormError::invalid(
                "withdraw",
                Message::new("entry-screening-of-this-entry"),
            ));
        }
        Ok(())
    })
}

/// A document of an entry, for someone allowed to see the entry.
pub fn document(
    conn: &mut DbConnection,
    user: &User,
    entry: EntryId,
    id: DocumentId,
) -> Result<Document, AppError> {
    load(conn, user, entry)?;
    repository::find_document(conn, entry, id)?.ok_or(AppError::NotFound)
}

/// The note the secretariat typed while screening `record` and has not sent with an outcome.
pub fn screening_draft(conn: &mut DbConnection, record: &EntryRecord) -> QueryResult<String> {
    repository::screening_draft(conn, record.entry.id)
}

/// The checklist of an entry, with the manual lines as stored or, when a form comes back,
/// as ticked in it.
pub fn checklist(
    conn: &mut DbConnection,
    record: &EntryRecord,
    ticked: Option<Vec<ScreeningItem>>,
) -> QueryResult<Vec<Check>> {
    let submitted = repository::count_submitted(
        conn,
        record.entry.competition_id,
        record.entry.organisation_id,
        None,
    )?;
    let ticked = match ticked {
        Some(ticked) => ticked,
        None => repository::ticked_items(conn, record.entry.id)?,
    };
    Ok(screening::checklist(
        &record.content,
        &record.competition,
        &record.organisation,
        submitted,
        &ticked,
    ))
}

/// What the secretariat decides after screening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreeningOutcome {
    /// Only the ticks are saved; screening has started.
    KeepScreening,
    Eligible,
    Ineligible,
    ReturnForCompletion,
}

/// Records the manual ticks and, when given, the outcome of screening.
pub fn screen(
    conn: &mut DbConnection,
    secretariat: &Secretariat,
    id: EntryId,
    ticked: &[ScreeningItem],
    outcome: ScreeningOutcome,
    note: &str,
    now: NaiveDateTime,
) -> Result<(), FormError> {
    let note = note.trim();
    match outcome {
        ScreeningOutcome::Ineligible if note.is_empty() => {
            return Err(FormError::invalid(
                "note",
                Message::new("entry-give-the-reason-the"),
            ))
        }
        ScreeningOutcome::ReturnForCompletion if note.is_empty() => {
            return Err(FormError::invalid(
                "note",
                Message::new("entry-say-what-the-institution"),
            ))
        }
        _ => {}
    }
    crate::db::write_transaction(conn, |conn| {
        let record = load(conn, secretariat, id)?;
        if !record.permits(EntryAction::Screen) {
            return Err(FormError::invalid(
                "outcome",
                Message::new("entry-this-entry-has-already"),
            ));
        }
        let manual: Vec<ScreeningItem> = ticked
            .iter()
            .copied()
            .filter(|item| item.is_manual())
            .collect();
        repository::set_ticked_items(conn, id, &manual)?;
        // Kept while screening goes on; an outcome sends it (as the note) and clears it.
        let draft = match outcome {
            ScreeningOutcome::KeepScreening => note,
            _ => "",
        };
        repository::set_screening_draft(conn, id, draft)?;
        let mut status = record.entry.status;
        if status == EntryStatus::Submitted {
            let started = move_entry(
                conn,
                secretariat,
                &record.entry,
                EntryStatus::Screening,
                AuditAction::ScreeningStarted,
                "",
                now,
            )?;
            if !started {
                return Err(changed_meanwhile());
            }
            status = EntryStatus::Screening;
        }
        let (to, action, mail) = match outcome {
            ScreeningOutcome::KeepScreening => return Ok(()),
            ScreeningOutcome::Eligible => {
                if !screening::all_passed(&checklist(conn, &record, None)?) {
                    return Err(FormError::invalid(
                        "outcome",
                        Message::new("entry-every-line-of-the"),
                    ));
                }
                (
                    EntryStatus::Eligible,
                    AuditAction::EntryEligible,
                    key!("mail-eligible"),
                )
            }
            ScreeningOutcome::Ineligible => (
                EntryStatus::Ineligible,
                AuditAction::EntryIneligible,
                key!("mail-ineligible"),
            ),
            ScreeningOutcome::ReturnForCompletion => (
                EntryStatus::Draft,
                AuditAction::EntryReturned,
                key!("mail-returned"),
            ),
        };
        let returned_at = (to == EntryStatus::Draft).then_some(now);
        repository::set_screening_note(conn, id, note, returned_at)?;
        let entry = Entry {
            status,
            ..record.entry.clone()
        };
        if !move_entry(conn, secretariat, &entry, to, action, note, now)? {
            return Err(changed_meanwhile());
        }
        tell_institution(
            conn,
            record.entry.organisation_id,
            &Message::new(mail)
                .with("title", &record.entry.fields.title)
                .with("competition", &record.competition.title)
                .with("note", note),
        )?;
        Ok(())
    })
}

fn changed_meanwhile() -> FormError {
    FormError::invalid("outcome", Message::new("entry-the-entry-changed-while"))
}

/// Moves an entry on from the status it was read with and records it; false when someone
/// else moved it first.
fn move_entry(
    conn: &mut DbConnection,
    actor: &User,
    entry: &Entry,
    to: EntryStatus,
    action: AuditAction,
    note: &str,
    now: NaiveDateTime,
) -> Result<bool, AppError> {
    if !repository::transition(conn, entry.id, &[entry.status], to, now)? {
        return Ok(false);
    }
    audit::record(
        conn,
        &Change {
            from_state: Some(entry.status.slug()),
            to_state: Some(to.slug()),
            note,
            ..Change::new(Some(actor.id), AuditSubject::Entry, entry.id.0, action)
        },
    )?;
    Ok(true)
}
