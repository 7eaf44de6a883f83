//! Versions of a published practice in other languages than the one it was written in: any
//! ISO 639-1 language, added, replaced and removed by the secretariat. A section left empty
//! in a version shows the original's. Saving one touches the practice, so that the catalogue
//! version moves (pages cached before are not served again) and the search index takes the
//! new text in.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::accounts::roles::Secretariat;
use crate::audit::{self, AuditAction, AuditSubject, Change};
use crate::db::{write_transaction, DbConnection};
use crate::error::AppError;
use crate::forms::{FieldErrors, FormError, PostedForm};
use crate::ids::PracticeId;
use crate::languages::{iso639, key, Message};
use crate::schema::{practice_translations as translations, practices};
use crate::taxonomy::PracticeStatus;

/// The template's sections, as a form and a row name them.
pub const SECTIONS: [(&str, &str); 6] = [
    ("challenge", key!("section-challenge")),
    ("solution", key!("section-solution")),
    ("results", key!("section-results")),
    ("innovation", key!("section-innovation")),
    ("sustainability", key!("section-sustainability")),
    ("replicability", key!("section-replicability")),
];

/// The longest title a version may have, in characters.
const MAX_TITLE: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = translations, check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
pub struct Translation {
    pub practice_id: PracticeId,
    /// Its ISO 639-1 code.
    pub language: String,
    pub title: String,
    pub summary: String,
    pub challenge: String,
    pub solution: String,
    pub results: String,
    pub innovation: String,
    pub sustainability: String,
    pub replicability: String,
}

impl Translation {
    /// The sections in the order of `SECTIONS`.
    pub fn sections(&self) -> [&str; 6] {
        [
            &self.challenge,
            &self.solution,
            &self.results,
            &self.innovation,
            &self.sustainability,
            &self.replicability,
        ]
    }
}

/// The versions of a practice, by language code.
pub fn of_practice(conn: &mut DbConnection, id: PracticeId) -> QueryResult<Vec<Translation>> {
    of_practices(conn, &[id])
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

/// The version form as typed, so that it can be shown again exactly.
#[derive(Debug, Clone, Default)]
pub struct TranslationForm {
    pub language: String,
    pub title: String,
    pub summary: String,
    pub sections: [String; 6],
}

impl TranslationForm {
    pub fn read(form: &PostedForm) -> TranslationForm {
        TranslationForm {
            language: form.value("language").trim().to_owned(),
            title: form.value("title").to_owned(),
            summary: form.value("summary").to_owned(),
            sections: SECTIONS.map(|(name, _)| form.value(name).to_owned()),
        }
    }

    /// A stored version, to edit.
    pub fn of(translation: &Translation) -> TranslationForm {
        TranslationForm {
            language: translation.language.clone(),
            title: translation.title.clone(),
            summary: translation.summary.clone(),
            sections: translation.sections().map(str::to_owned),
        }
    }

    /// The version the form describes, of a practice written in `original`; or what to fix.
    pub fn checked(
        &self,
        practice: PracticeId,
        original: &str,
    ) -> Result<Translation, FieldErrors> {
        let mut errors = FieldErrors::default();
        if !iso639::is_code(&self.language) {
            errors.add("language", Message::new("translation-choose-language"));
        } else if self.language == original {
            errors.add("language", Message::new("translation-not-the-original"));
        }
        match self.title.trim().chars().count() {
            0 => errors.add("title", Message::new("translation-title-needed")),
            count if count > MAX_TITLE => errors.add(
                "title",
                Message::new("translation-title-too-long").with("max", MAX_TITLE),
            ),
            _ => {}
        }
        if self.summary.trim().is_empty() {
            errors.add("summary", Message::new("translation-summary-needed"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let [challenge, solution, results, innovation, sustainability, replicability] =
            self.sections.clone().map(|text| text.trim().to_owned());
        Ok(Translation {
            practice_id: practice,
            language: self.language.clone(),
            title: self.title.trim().to_owned(),
            summary: self.summary.trim().to_owned(),
            challenge,
            solution,
            results,
            innovation,
            sustainability,
            replicability,
        })
    }
}

/// Adds the version, or replaces the one in its language.
pub fn save(
    conn: &mut DbConnection,
    secretariat: &Secretariat,
    form: &TranslationForm,
    practice: PracticeId,
    now: NaiveDateTime,
) -> Result<(), FormError> {
    write_transaction(conn, |conn| {
        let original = published_language(conn, practice)?;
        let translation = form
            .checked(practice, &original)
            .map_err(FormError::Invalid)?;
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
