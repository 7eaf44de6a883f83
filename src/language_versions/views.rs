//! The page of a text's versions in other languages: the list, and the form to add, replace
//! or remove one.

use askama::Template;

use super::{LanguageVersion, VersionForm, SECTIONS};
use crate::accounts::session::Layout;
use crate::forms::{Choice, FieldErrors};
use crate::languages::iso639;

/// A version in the list above the form.
pub struct VersionRow {
    pub code: String,
    pub name: String,
    pub title: String,
    pub dir: &'static str,
    /// Its public page, once there is one.
    pub url: Option<String>,
    /// The form filled with it.
    pub edit_url: String,
}

/// A section's field of the form.
pub struct SectionField {
    pub name: &'static str,
    pub heading: &'static str,
    pub value: String,
}

/// Whose versions they are.
pub struct Owner {
    pub title: String,
    pub url: String,
    /// The ISO 639-1 code of the language it is written in; empty while a draft has none.
    pub original: String,
    /// Where the form posts, and the page is.
    pub action: String,
    /// Whether versions may be changed now; if not, the page only lists them.
    pub editable: bool,
    /// The key of the paragraph that says what becomes of the versions.
    pub intro: &'static str,
}

#[derive(Template)]
#[template(path = "language_versions/page.html")]
pub struct VersionsPage {
    pub layout: Layout,
    pub owner: Owner,
    /// The language it was written in, named.
    pub original: Option<String>,
    pub versions: Vec<VersionRow>,
    /// Every language but the original's, the one typed selected.
    pub languages: Vec<Choice>,
    pub form: VersionForm,
    pub sections: Vec<SectionField>,
    pub errors: FieldErrors,
}

impl VersionsPage {
    /// `public_url` gives a version's page, where there is one.
    pub fn new<V: LanguageVersion>(
        layout: Layout,
        owner: Owner,
        versions: &[V],
        public_url: impl Fn(&str) -> Option<String>,
        form: VersionForm,
        errors: FieldErrors,
    ) -> VersionsPage {
        let lang = layout.lang;
        VersionsPage {
            original: iso639::is_code(&owner.original)
                .then(|| iso639::name(&owner.original, lang).to_owned()),
            versions: versions
                .iter()
                .map(|version| {
                    let code = version.language();
                    VersionRow {
                        name: iso639::name(code, lang).to_owned(),
                        dir: iso639::direction(code),
                        url: public_url(code),
                        edit_url: format!("{}?language={code}", owner.action),
                        code: code.to_owned(),
                        title: version.title().to_owned(),
                    }
                })
                .collect(),
            languages: Choice::languages(
                &iso639::CODES
                    .into_iter()
                    .filter(|code| *code != owner.original)
                    .collect::<Vec<_>>(),
                std::slice::from_ref(&form.language),
                lang,
            ),
            sections: SECTIONS
                .iter()
                .zip(&form.sections)
                .map(|(&(name, heading), value)| SectionField {
                    name,
                    heading,
                    value: value.clone(),
                })
                .collect(),
            owner,
            form,
            errors,
            layout,
        }
    }

    /// The form filled with the version in `language` (from `?language=`), if there is one.
    pub fn editing<V: LanguageVersion>(versions: &[V], language: Option<String>) -> VersionForm {
        language
            .and_then(|code| versions.iter().find(|version| version.language() == code))
            .map(LanguageVersion::to_form)
            .unwrap_or_default()
    }
}
