//! Versions of a practice's text in other languages than the one it was written in: any
//! ISO 639-1 language. The institution adds them to its entry before the results are
//! published (they become the practice's versions then); the secretariat adds them to a
//! published practice. Both are the same form, the same rules and the same page; each owner
//! keeps them in its own table (`language_version_row!`).

pub mod views;

use crate::forms::{FieldErrors, PostedForm};
use crate::languages::{iso639, key, Message};

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

/// What a stored version shows of itself, whoever owns it.
pub trait LanguageVersion {
    /// Its ISO 639-1 code.
    fn language(&self) -> &str;
    fn title(&self) -> &str;
    /// The form filled with it, to change it.
    fn to_form(&self) -> VersionForm;
}

/// A row of a table of versions: the owner's id, the language and the text. One macro for
/// the two tables, so that their columns cannot drift apart.
macro_rules! language_version_row {
    ($(#[$doc:meta])* $name:ident, $table:ident, $owner:ident: $owner_type:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, diesel::Queryable, diesel::Selectable, diesel::Insertable)]
        #[diesel(table_name = $table, check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
        pub struct $name {
            pub $owner: $owner_type,
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

        impl $name {
            /// The version a checked form describes, of `owner`.
            pub fn new(owner: $owner_type, checked: crate::language_versions::VersionForm) -> $name {
                let [challenge, solution, results, innovation, sustainability, replicability] =
                    checked.sections;
                $name {
                    $owner: owner,
                    language: checked.language,
                    title: checked.title,
                    summary: checked.summary,
                    challenge,
                    solution,
                    results,
                    innovation,
                    sustainability,
                    replicability,
                }
            }

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

        impl crate::language_versions::LanguageVersion for $name {
            fn language(&self) -> &str {
                &self.language
            }

            fn title(&self) -> &str {
                &self.title
            }

            fn to_form(&self) -> crate::language_versions::VersionForm {
                crate::language_versions::VersionForm {
                    language: self.language.clone(),
                    title: self.title.clone(),
                    summary: self.summary.clone(),
                    sections: self.sections().map(str::to_owned),
                }
            }
        }
    };
}
pub(crate) use language_version_row;

/// The version form as typed, so that it can be shown again exactly.
#[derive(Debug, Clone, Default)]
pub struct VersionForm {
    pub language: String,
    pub title: String,
    pub summary: String,
    pub sections: [String; 6],
}

impl VersionForm {
    pub fn read(form: &PostedForm) -> VersionForm {
        VersionForm {
            language: form.value("language").trim().to_owned(),
            title: form.value("title").to_owned(),
            summary: form.value("summary").to_owned(),
            sections: SECTIONS.map(|(name, _)| form.value(name).to_owned()),
        }
    }

    /// The form trimmed, when it describes a version of a text written in `original` (an
    /// ISO 639-1 code; empty while a draft has no language); or what to fix.
    pub fn checked(&self, original: &str) -> Result<VersionForm, FieldErrors> {
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
        Ok(VersionForm {
            language: self.language.clone(),
            title: self.title.trim().to_owned(),
            summary: self.summary.trim().to_owned(),
            sections: self.sections.clone().map(|text| text.trim().to_owned()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(language: &str, title: &str, summary: &str) -> VersionForm {
        VersionForm {
            language: language.to_owned(),
            title: title.to_owned(),
            summary: summary.to_owned(),
            sections: Default::default(),
        }
    }

    #[test]
    fn a_version_needs_a_known_language_other_than_the_original() {
        let problem = |form: VersionForm, original: &str| {
            form.checked(original)
                .err()
                .and_then(|errors| errors.get("language").map(|m| m.key().to_owned()))
        };
        assert_eq!(problem(typed("ja", "T", "S"), "en"), None);
        assert_eq!(problem(typed("ja", "T", "S"), ""), None);
        assert_eq!(
            problem(typed("en", "T", "S"), "en").as_deref(),
            Some("translation-not-the-original")
        );
        assert_eq!(
            problem(typed("xx", "T", "S"), "en").as_deref(),
            Some("translation-choose-language")
        );
    }

    #[test]
    fn a_checked_version_is_trimmed_and_keeps_empty_sections_empty() {
        let mut form = typed("fr", "  Titre ", " Résumé\n");
        form.sections[2] = "  Résultats ".to_owned();
        let checked = form.checked("en").unwrap();
        assert_eq!(checked.title, "Titre");
        assert_eq!(checked.summary, "Résumé");
        assert_eq!(checked.sections[2], "Résultats");
        assert_eq!(checked.sections[0], "");
    }
}
