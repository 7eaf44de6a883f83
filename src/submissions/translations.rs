//! The versions of an entry in other languages, which the institution adds before the results
//! are published; they become the practice's versions at publication. The jury reads the
//! entry in the language it is written in.

use diesel::prelude::*;

use super::rules::EntryAction;
use super::service::{self, EntryRecord};
use crate::accounts::User;
use crate::audit::{self, AuditAction, AuditSubject, Change};
use crate::db::{write_transaction, DbConnection};
use crate::error::AppError;
use crate::forms::FormError;
use crate::ids::EntryId;
use crate::language_versions::{language_version_row, VersionForm};
use crate::schema::entry_translations as translations;

language_version_row! {
    /// A version of an entry.
    EntryTranslation, translations, entry_id: EntryId
}

/// The versions of an entry, by language code.
pub fn of_entry(conn: &mut DbConnection, id: EntryId) -> QueryResult<Vec<EntryTranslation>> {
    translations::table
        .filter(translations::entry_id.eq(id))
        .order(translations::language)
        .select(EntryTranslation::as_select())
        .load(conn)
}

/// The language an entry is written in, as an ISO 639-1 code; empty while a draft has none.
pub fn original_language(record: &EntryRecord) -> &'static str {
    record
        .content
        .fields
        .language
        .map_or("", |language| language.slug())
}

/// Adds the version, or replaces the one in its language, for a member of the institution
/// while the entry allows it.
pub fn save(
    conn: &mut DbConnection,
    user: &User,
    id: EntryId,
    form: &VersionForm,
) -> Result<(), FormError> {
    write_transaction(conn, |conn| {
        let record = translatable(conn, user, id)?;
        let version = EntryTranslation::new(
            id,
            form.checked(original_language(&record))
                .map_err(FormError::Invalid)?,
        );
        diesel::delete(translations::table.find((id, &version.language))).execute(conn)?;
        diesel::insert_into(translations::table)
            .values(&version)
            .execute(conn)?;
        recorded(
            conn,
            user,
            id,
            (AuditAction::TranslationSaved, &version.language),
        )?;
        Ok(())
    })
}

/// Removes the version in `language`; false when there is none.
pub fn remove(
    conn: &mut DbConnection,
    user: &User,
    id: EntryId,
    language: &str,
) -> Result<bool, AppError> {
    write_transaction(conn, |conn| {
        translatable(conn, user, id)?;
        let removed = diesel::delete(translations::table.find((id, language))).execute(conn)?;
        if removed == 1 {
            recorded(conn, user, id, (AuditAction::TranslationRemoved, language))?;
        }
        Ok(removed == 1)
    })
}

/// The entry, if `user` may change its versions now.
fn translatable(
    conn: &mut DbConnection,
    user: &User,
    id: EntryId,
) -> Result<EntryRecord, AppError> {
    let record = service::load(conn, user, id)?;
    if record.permits(EntryAction::Translate) {
        Ok(record)
    } else {
        Err(AppError::Forbidden)
    }
}

/// The entry's history says who changed which version.
fn recorded(
    conn: &mut DbConnection,
    user: &User,
    id: EntryId,
    (action, language): (AuditAction, &str),
) -> QueryResult<()> {
    audit::record(
        conn,
        &Change {
            note: language,
            ..Change::new(Some(user.id), AuditSubject::Entry, id.0, action)
        },
    )
}
