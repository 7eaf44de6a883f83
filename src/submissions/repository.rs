//! Every query of entries, their links, documents and screening ticks.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::documents::Document;
use super::screening::ScreeningItem;
use super::{Entry, EntryContent, EntryLinks, EntryStatus};
use crate::competitions::Competition;
use crate::db::insert_links;
use crate::db::DbConnection;
use crate::ids::{CompetitionId, DocumentId, EntryId, OrganisationId, PracticeId, UserId};
use crate::organisations::Organisation;
use crate::schema::{
    competitions, document_contents, documents, entries, entry_elements, entry_integrations,
    entry_partners, entry_topics, organisations, practices, reviews, screening_checks,
};
use crate::taxonomy::Award;

pub fn insert(
    conn: &mut DbConnection,
    competition: CompetitionId,
    organisation: OrganisationId,
    created_by: UserId,
    content: &EntryContent,
) -> QueryResult<EntryId> {
    let id = diesel::insert_into(entries::table)
        .values((
            entries::competition_id.eq(competition),
            entries::organisation_id.eq(organisation),
            entries::created_by.eq(created_by),
            entries::status.eq(EntryStatus::Draft),
            &content.fields,
        ))
        .returning(entries::id)
        .get_result(conn)?;
    insert_entry_links(conn, id, &content.links)?;
    Ok(id)
}

fn insert_entry_links(conn: &mut DbConnection, id: EntryId, links: &EntryLinks) -> QueryResult<()> {
    insert_links!(conn, entry_topics, entry_id = id, topic in links.topics)?;
    insert_links!(conn, entry_elements, entry_id = id, element in links.elements)?;
    insert_links!(conn, entry_integrations, entry_id = id, integration in links.integrations)?;
    insert_links!(conn, entry_partners, entry_id = id, organisation_id in links.partners)?;
    Ok(())
}

/// Replaces what the submitter filled in.
pub fn update_content(
    conn: &mut DbConnection,
    id: EntryId,
    content: &EntryContent,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(entries::table.find(id))
        .set((&content.fields, entries::updated_at.eq(now)))
        .execute(conn)?;
    diesel::delete(entry_topics::table.filter(entry_topics::entry_id.eq(id))).execute(conn)?;
    diesel::delete(entry_elements::table.filter(entry_elements::entry_id.eq(id))).execute(conn)?;
    diesel::delete(entry_integrations::table.filter(entry_integrations::entry_id.eq(id)))
        .execute(conn)?;
    diesel::delete(entry_partners::table.filter(entry_partners::entry_id.eq(id))).execute(conn)?;
    insert_entry_links(conn, id, &content.links)
}

/// Moves an entry to `status`, only if it is still in `from` (so two tabs cannot both move
/// it); says whether it moved.
pub fn transition(
    conn: &mut DbConnection,
    id: EntryId,
    from: &[EntryStatus],
    to: EntryStatus,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(entries::table.find(id).filter(entries::status.eq_any(from)))
        .set((entries::status.eq(to), entries::updated_at.eq(now)))
        .execute(conn)
        .map(|rows| rows == 1)
}

pub fn set_submitted_at(
    conn: &mut DbConnection,
    id: EntryId,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(entries::table.find(id))
        .set(entries::submitted_at.eq(at))
        .execute(conn)
        .map(drop)
}

pub fn set_screening_note(
    conn: &mut DbConnection,
    id: EntryId,
    note: &str,
    returned_at: Option<NaiveDateTime>,
) -> QueryResult<()> {
    diesel::update(entries::table.find(id))
        .set((
            entries::screening_note.eq(note),
            entries::returned_at.eq(returned_at),
        ))
        .execute(conn)
        .map(drop)
}

pub fn find(conn: &mut DbConnection, id: EntryId) -> QueryResult<Option<Entry>> {
    entries::table
        .find(id)
        .select(Entry::as_select())
        .first(conn)
        .optional()
}

pub fn links(conn: &mut DbConnection, id: EntryId) -> QueryResult<EntryLinks> {
    Ok(EntryLinks {
        topics: entry_topics::table
            .filter(entry_topics::entry_id.eq(id))
            .select(entry_topics::topic)
            .load(conn)?,
        elements: entry_elements::table
            .filter(entry_elements::entry_id.eq(id))
            .select(entry_elements::element)
            .load(conn)?,
        integrations: entry_integrations::table
            .filter(entry_integrations::entry_id.eq(id))
            .select(entry_integrations::integration)
            .load(conn)?,
        partners: entry_partners::table
            .filter(entry_partners::entry_id.eq(id))
            .select(entry_partners::organisation_id)
            .load(conn)?,
    })
}

/// Entries of `organisation` in `competition` that count towards the limit, other than
/// `except`.
pub fn count_submitted(
    conn: &mut DbConnection,
    competition: CompetitionId,
    organisation: OrganisationId,
    except: Option<EntryId>,
) -> QueryResult<i64> {
    let mut query = entries::table
        .filter(entries::competition_id.eq(competition))
        .filter(entries::organisation_id.eq(organisation))
        .filter(entries::status.eq_any(EntryStatus::SUBMITTED))
        .count()
        .into_boxed();
    if let Some(except) = except {
        query = query.filter(entries::id.ne(except));
    }
    query.get_result(conn)
}

/// The entries of the institutions a person acts for, newest first.
pub fn of_organisations(
    conn: &mut DbConnection,
    organisations: &[OrganisationId],
) -> QueryResult<Vec<(Entry, Competition, Organisation)>> {
    entries::table
        .inner_join(competitions::table)
        .inner_join(organisations::table)
        .filter(entries::organisation_id.eq_any(organisations))
        .order(entries::id.desc())
        .select((
            Entry::as_select(),
            Competition::as_select(),
            Organisation::as_select(),
        ))
        .load(conn)
}

pub fn count_awaiting_screening(conn: &mut DbConnection) -> QueryResult<i64> {
    entries::table
        .filter(entries::status.eq_any(EntryStatus::AWAITING_SCREENING))
        .count()
        .get_result(conn)
}

/// Entries waiting for the secretariat, those submitted first at the top.
pub fn screening_queue(
    conn: &mut DbConnection,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<(Entry, Competition, Organisation)>> {
    entries::table
        .inner_join(competitions::table)
        .inner_join(organisations::table)
        .filter(entries::status.eq_any(EntryStatus::AWAITING_SCREENING))
        .order((entries::submitted_at, entries::id))
        .offset(offset)
        .limit(limit)
        .select((
            Entry::as_select(),
            Competition::as_select(),
            Organisation::as_select(),
        ))
        .load(conn)
}

pub fn ticked_items(conn: &mut DbConnection, id: EntryId) -> QueryResult<Vec<ScreeningItem>> {
    screening_checks::table
        .filter(screening_checks::entry_id.eq(id))
        .select(screening_checks::item)
        .load(conn)
}

pub fn set_ticked_items(
    conn: &mut DbConnection,
    id: EntryId,
    items: &[ScreeningItem],
) -> QueryResult<()> {
    diesel::delete(screening_checks::table.filter(screening_checks::entry_id.eq(id)))
        .execute(conn)?;
    insert_links!(conn, screening_checks, entry_id = id, item in items).map(drop)
}

/// The screening note typed but not yet sent with an outcome.
pub fn screening_draft(conn: &mut DbConnection, id: EntryId) -> QueryResult<String> {
    entries::table
        .find(id)
        .select(entries::screening_draft)
        .first(conn)
}

pub fn set_screening_draft(conn: &mut DbConnection, id: EntryId, draft: &str) -> QueryResult<()> {
    diesel::update(entries::table.find(id))
        .set(entries::screening_draft.eq(draft))
        .execute(conn)
        .map(drop)
}

pub fn documents_of(conn: &mut DbConnection, id: EntryId) -> QueryResult<Vec<Document>> {
    documents::table
        .filter(documents::entry_id.eq(id))
        .order(documents::id)
        .select(Document::as_select())
        .load(conn)
}

pub fn count_documents(conn: &mut DbConnection, id: EntryId) -> QueryResult<i64> {
    documents::table
        .filter(documents::entry_id.eq(id))
        .count()
        .get_result(conn)
}

/// A new document of `entry` holding `content`.
pub fn insert_document(
    conn: &mut DbConnection,
    entry: EntryId,
    original_name: &str,
    media_type: &str,
    content: &[u8],
    uploaded_by: UserId,
) -> QueryResult<DocumentId> {
    let id = diesel::insert_into(documents::table)
        .values((
            documents::entry_id.eq(entry),
            documents::original_name.eq(original_name),
            documents::stored_name.eq(""),
            documents::media_type.eq(media_type),
            documents::size_bytes.eq(i64::try_from(content.len()).unwrap_or(i64::MAX)),
            documents::uploaded_by.eq(uploaded_by),
        ))
        .returning(documents::id)
        .get_result(conn)?;
    insert_content(conn, id, content)?;
    Ok(id)
}

fn insert_content(conn: &mut DbConnection, id: DocumentId, content: &[u8]) -> QueryResult<()> {
    diesel::insert_into(document_contents::table)
        .values((
            document_contents::document_id.eq(id),
            document_contents::content.eq(content),
        ))
        .execute(conn)
        .map(drop)
}

/// The bytes of a document; `None` for one whose file was never taken in.
pub fn document_content(conn: &mut DbConnection, id: DocumentId) -> QueryResult<Option<Vec<u8>>> {
    document_contents::table
        .find(id)
        .select(document_contents::content)
        .first(conn)
        .optional()
}

/// Documents still in a file of the uploads folder: their ids and file names.
pub fn documents_in_files(conn: &mut DbConnection) -> QueryResult<Vec<(DocumentId, String)>> {
    documents::table
        .filter(documents::stored_name.ne(""))
        .select((documents::id, documents::stored_name))
        .order(documents::id)
        .load(conn)
}

/// Stores the bytes of a document that was in a file, and forgets the file's name.
pub fn take_in_document(
    conn: &mut DbConnection,
    id: DocumentId,
    content: &[u8],
) -> QueryResult<()> {
    insert_content(conn, id, content)?;
    diesel::update(documents::table.find(id))
        .set(documents::stored_name.eq(""))
        .execute(conn)
        .map(drop)
}

/// The published practice the entry became, with its award and innovation distinction.
pub fn published_outcome(
    conn: &mut DbConnection,
    entry: EntryId,
) -> QueryResult<Option<(PracticeId, Option<Award>, bool)>> {
    practices::table
        .filter(practices::entry_id.eq(entry))
        .select((
            practices::id,
            practices::award,
            practices::innovation_distinction,
        ))
        .first(conn)
        .optional()
}

/// The comments of submitted reviews meant for the institution, without their writers.
pub fn comments_for_institution(
    conn: &mut DbConnection,
    entry: EntryId,
) -> QueryResult<Vec<String>> {
    reviews::table
        .filter(reviews::entry_id.eq(entry))
        .filter(reviews::submitted_at.is_not_null())
        .filter(reviews::institution_comment.ne(""))
        .order(reviews::id)
        .select(reviews::institution_comment)
        .load(conn)
}

/// A document of this entry, and only of this entry.
pub fn find_document(
    conn: &mut DbConnection,
    entry: EntryId,
    id: DocumentId,
) -> QueryResult<Option<Document>> {
    documents::table
        .find(id)
        .filter(documents::entry_id.eq(entry))
        .select(Document::as_select())
        .first(conn)
        .optional()
}

pub fn delete_document(conn: &mut DbConnection, id: DocumentId) -> QueryResult<()> {
    diesel::delete(documents::table.find(id))
        .execute(conn)
        .map(drop)
}
