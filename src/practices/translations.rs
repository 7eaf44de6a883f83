//! Versions of a published practice in other languages than the one it was written in: any
//! ISO 639-1 language, added, replaced and removed by the secretariat, or brought from the
//! entry at publication. A section left empty in a version shows the original's. Saving one
//! touches the practice, so that the catalogue version moves (pages cached before are not
//! served again) and the search index takes the new text in.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::accounts::roles::Secretariat;
use crate::audit::{self, AuditAction, AuditSubject, Change};
use crate::db::{insert_batch, write_transaction, DbConnection};
use crate::error::AppError;
use crate::forms::FormError;
use crate::ids::{EntryId, PracticeId};
use crate::language_versions::{language_version_row, LanguageVersion, VersionForm};
use crate::schema::{practice_translations as translations, practices};
use crate::submissions;
use crate::taxonomy::PracticeStatus;

language_version_row! {
    /// A version of a published practice.
    Translation, translations, practice_id: PracticeId
}

/// The versions of a practice, by language code.
pub fn of_practice(conn: &mut DbConnection, id: PracticeId) -> QueryResult<Vec<Translation>> {
    // With `=`, not `IN (…)`: SQLite keeps it prepared for the next practice page.
    translations::table
        .filter(translations::practice_id.eq(id))
        .order(translations::language)
        .select(Translation::as_select())
        .load(conn)
}

/// The versions of these practices, by practice and language code.
pub fn of_practices(conn: &mut DbConnection, ids: &[PracticeId]) -> QueryResult<Vec<Translation>> {
    translations::table
        .filter(translations::practice_id.eq_any(ids))
        .order((translations::practice_id, translations::language))
        .select(Translation::as_select())
        .load(conn)
}

/// The languages of the versions of the practices from the first of `ids` to the last
/// (ascending, as a sitemap file lists them), by practice.
pub fn languages_of(
    conn: &mut DbConnection,
    ids: &[PracticeId],
) -> QueryResult<HashMap<PracticeId, Vec<String>>> {
    let (Some(first), Some(last)) = (ids.first(), ids.last()) else {
        return Ok(HashMap::new());
    };
    let found: Vec<(PracticeId, String)> = translations::table
        .filter(translations::practice_id.between(first, last))
        .order((translations::practice_id, translations::language))
        .select((translations::practice_id, translations::language))
        .load(conn)?;
    let mut languages: HashMap<PracticeId, Vec<String>> = HashMap::new();
    for (id, language) in found {
        languages.entry(id).or_default().push(language);
    }
    Ok(languages)
}

/// Adds the version, or replaces the one in its language.
pub fn save(
    conn: &mut DbConnection,
    secretariat: &Secretariat,
    form: &VersionForm,
    practice: PracticeId,
    now: NaiveDateTime,
) -> Result<(), FormError> {
    write_transaction(conn, |conn| {
        let original = published_language(conn, practice)?;
        let translation = Translation::new(
            practice,
            form.checked(&original).map_err(FormError::Invalid)?,
        );
        diesel::delete(translations::table.find((practice, &translation.language)))
            .execute(conn)?;
        diesel::insert_into(translations::table)
            .values(&translation)
            .execute(conn)?;
        changed(
            conn,
            secretariat,
            practice,
            (AuditAction::TranslationSaved, &translation.language),
            now,
        )?;
        Ok(())
    })
}

/// At publication: the versions the institution added to `entry` become the versions of
/// `practice`, written in `original` (a version in that language, if the entry's language
/// changed after it was added, is left out).
pub fn adopt_entry_versions(
    conn: &mut DbConnection,
    entry: EntryId,
    practice: PracticeId,
    original: &str,
) -> QueryResult<()> {
    let adopted: Vec<Translation> = submissions::translations::of_entry(conn, entry)?
        .iter()
        .filter(|version| version.language != original)
        .map(|version| Translation::new(practice, version.to_form()))
        .collect();
    insert_batch!(conn, translations::table, &adopted)?;
    Ok(())
}

/// Removes the version in `language`; false when there is none.
pub fn remove(
    conn: &mut DbConnection,
    secretariat: &Secretariat,
    practice: PracticeId,
    language: &str,
    now: NaiveDateTime,
) -> Result<bool, AppError> {
    write_transaction(conn, |conn| {
        published_language(conn, practice)?;
        let removed =
            diesel::delete(translations::table.find((practice, language))).execute(conn)?;
        if removed == 1 {
            changed(
                conn,
                secretariat,
                practice,
                (AuditAction::TranslationRemoved, language),
                now,
            )?;
        }
        Ok(removed == 1)
    })
}

/// The language a published practice was written in; a practice not published has no
/// versions to edit.
pub fn published_language(
    conn: &mut DbConnection,
    practice: PracticeId,
) -> Result<String, AppError> {
    practices::table
        .find(practice)
        .filter(practices::status.eq(PracticeStatus::Published))
        .select(practices::language)
        .first(conn)
        .optional()?
        .ok_or(AppError::NotFound)
}

/// The practice changed: its catalogue version and search text move on, and the audit log says
/// who did what in which language.
fn changed(
    conn: &mut DbConnection,
    secretariat: &Secretariat,
    practice: PracticeId,
    (action, language): (AuditAction, &str),
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(practices::table.find(practice))
        .set(practices::updated_at.eq(now))
        .execute(conn)?;
    audit::record(
        conn,
        &Change {
            note: language,
            ..Change::new(
                Some(secretariat.id),
                AuditSubject::Practice,
                practice.0,
                action,
            )
        },
    )
}
