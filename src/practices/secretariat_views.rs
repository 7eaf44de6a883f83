//! View models of the secretariat's pages of a practice.

use askama::Template;

use super::models::Practice;
use super::translations::{Translation, TranslationForm, SECTIONS};
use crate::accounts::session::Layout;
use crate::forms::{Choice, FieldErrors};
use crate::languages::iso639;
use crate::paths;

/// A version of the practice in the list above the form.
pub struct VersionRow {
    pub code: String,
    pub name: String,
    pub title: String,
    pub dir: &'static str,
    /// Its page, and the form filled with it.
    pub url: String,
    pub edit_url: String,
}

/// A section's field of the form.
pub struct SectionField {
    pub name: &'static str,
    pub heading: &'static str,
    pub value: String,
}

#[derive(Template)]
#[template(path = "practices/translations.html")]
pub struct TranslationsPage {
    pub layout: Layout,
    pub practice_title: String,
    pub practice_url: String,
    /// The language the practice was written in, named.
    pub original: String,
    pub versions: Vec<VersionRow>,
    pub action: String,
    /// Every language but the original's, the one typed selected.
    pub languages: Vec<Choice>,
    pub form: TranslationForm,
    pub sections: Vec<SectionField>,
    pub errors: FieldErrors,
}

impl TranslationsPage {
    pub fn new(
        layout: Layout,
        practice: &Practice,
        versions: Vec<Translation>,
        form: TranslationForm,
        errors: FieldErrors,
    ) -> TranslationsPage {
        let lang = layout.lang;
        let original = practice.language.slug();
        let action = paths::practice_translations(practice.id);
        TranslationsPage {
            practice_title: practice.title.clone(),
            practice_url: paths::practice(practice.id),
            original: iso639::name(original, lang).to_owned(),
            versions: versions
                .into_iter()
                .map(|version| VersionRow {
                    name: iso639::name(&version.language, lang).to_owned(),
                    dir: iso639::direction(&version.language),
                    url: super::views::version_url(practice.id, &version.language),
                    edit_url: format!("{action}?language={}", version.language),
                    code: version.language,
                    title: version.title,
                })
                .collect(),
            languages: iso639::choices(lang)
                .into_iter()
                .filter(|(code, _)| *code != original)
                .map(|(code, name)| Choice {
                    value: code.to_owned(),
                    label: name.to_owned(),
                    selected: code == form.language,
                })
                .collect(),
            sections: SECTIONS
                .iter()
                .zip(&form.sections)
                .map(|(&(name, heading), value)| SectionField {
                    name,
                    heading,
                    value: value.clone(),
                })
                .collect(),
            action,
            form,
            errors,
            layout,
        }
    }
}
