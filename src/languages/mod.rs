//! The languages of the interface: English, French, Spanish and Persian. Texts live in
//! Fluent files (`locales/<tag>/*.ftl`, compiled into the binary); code and templates name
//! them by key: `lang.t("nav-practices")`, `layout.t1("show-all", "count", n)`,
//! `Message::new("home-stats")` for a text shown later.
//! A request's language is chosen once, in `negotiation`; practice texts keep their own
//! language (`taxonomy::Language`), which is another thing.

pub mod countries;
pub mod dates;
pub mod iso639;
mod message;
pub mod negotiation;
mod numbers;

use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::LanguageIdentifier;
use serde::{Deserialize, Serialize};

pub use message::{Arg, IntoArg, Message};

/// Marks a key kept as data (in a table, a match, a constant) rather than passed straight
/// to `t`, so that the test of the language files finds it.
macro_rules! key {
    ($key:literal) => {
        $key
    };
}
pub(crate) use key;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        customise: |bundle| {
            let lang = bundle.locales.first().and_then(|id| Lang::from_tag(id.language.as_str()));
            // Isolation marks keep a Latin name or title from reordering a Persian sentence;
            // in the left-to-right languages they would only be noise in the page.
            bundle.set_use_isolating(lang.is_some_and(Lang::is_rtl));
            bundle.set_formatter(match lang {
                Some(Lang::Fr) => Some(numbers::fluent_formatter::<_, 'f'>),
                Some(Lang::Es) => Some(numbers::fluent_formatter::<_, 'e'>),
                Some(Lang::Fa) => Some(numbers::fluent_formatter::<_, 'p'>),
                _ => None,
            });
        },
    };
}

static COLLATORS: LazyLock<[icu_collator::CollatorBorrowed<'static>; 4]> = LazyLock::new(|| {
    Lang::ALL.map(|lang| {
        icu_collator::Collator::try_new(lang.cldr_locale().into(), Default::default())
            .expect("compiled CLDR data has collation for the four languages")
    })
});

/// A language of the interface; stored (an account's language) as its tag.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    Serialize,
    Deserialize,
    diesel::expression::AsExpression,
    diesel::deserialize::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum Lang {
    #[default]
    En,
    Fr,
    Es,
    Fa,
}

static IDENTIFIERS: LazyLock<[LanguageIdentifier; 4]> = LazyLock::new(|| {
    Lang::ALL.map(|lang| {
        lang.tag()
            .parse()
            .expect("the language tags are valid identifiers")
    })
});

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::Es, Lang::Fa];

    /// The BCP 47 tag, for `lang` attributes, URLs and the cookie.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Fa => "fa",
        }
    }

    /// The language of a tag such as `fa`, `fr-CA` or `ES`; `None` for any other.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Lang::ALL
            .into_iter()
            .find(|lang| lang.tag().eq_ignore_ascii_case(primary))
    }

    /// The language's own name, as the switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::Fa => "فارسی",
        }
    }

    pub fn is_rtl(self) -> bool {
        self == Lang::Fa
    }

    /// The value of the `dir` attribute.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The locale of the CLDR's formats and names. English is British English: day, month,
    /// year and a 24-hour clock, as the portal has always written them for readers worldwide.
    fn cldr_locale(self) -> icu_locale_core::Locale {
        match self {
            Lang::En => icu_locale_core::locale!("en-GB"),
            Lang::Fr => icu_locale_core::locale!("fr"),
            Lang::Es => icu_locale_core::locale!("es"),
            Lang::Fa => icu_locale_core::locale!("fa"),
        }
    }

    /// The name of the country of an ISO 3166-1 code in this language (`countries::name`).
    pub fn country(self, code: &str) -> &str {
        countries::name(code, self)
    }

    /// Compares two names in this language's alphabetical order (the CLDR's collation).
    /// `codes` with their names (`name` in this language), in this language's alphabetical
    /// order of the names: the choices of a field.
    pub fn sorted_by_name(
        self,
        codes: &[&'static str],
        name: fn(&'static str, Lang) -> &'static str,
    ) -> Vec<(&'static str, &'static str)> {
        let mut named: Vec<_> = codes.iter().map(|&code| (code, name(code, self))).collect();
        named.sort_by(|a, b| self.compare(a.1, b.1));
        named
    }

    pub fn compare(self, a: &str, b: &str) -> std::cmp::Ordering {
        COLLATORS[self as usize].compare(a, b)
    }

    fn identifier(self) -> &'static LanguageIdentifier {
        &IDENTIFIERS[self as usize]
    }

    /// The text of `key`.
    pub fn t(self, key: &str) -> String {
        self.lookup(key, &[])
    }

    /// The text of `key` with one argument.
    pub fn t1(self, key: &str, name: &str, value: impl IntoArg) -> String {
        self.lookup(key, &[(name, value.into_arg())])
    }

    /// The text of `key` with two arguments.
    pub fn t2(
        self,
        key: &str,
        first: &str,
        first_value: impl IntoArg,
        second: &str,
        second_value: impl IntoArg,
    ) -> String {
        self.lookup(
            key,
            &[
                (first, first_value.into_arg()),
                (second, second_value.into_arg()),
            ],
        )
    }

    /// A message made elsewhere (a form problem, a notice, an e-mail), in this language.
    pub fn message(self, message: &Message) -> String {
        self.lookup_with(message.key(), message)
    }

    /// An attribute of a message (the `.subject` of an e-mail), in this language.
    pub fn attribute(self, message: &Message, attribute: &str) -> String {
        self.lookup_with(&format!("{}.{attribute}", message.key()), message)
    }

    fn lookup_with(self, key: &str, message: &Message) -> String {
        let args: Vec<(&str, Arg)> = message
            .args()
            .map(|(name, value)| (name, value.clone()))
            .collect();
        self.lookup(key, &args)
    }

    /// A term of a closed vocabulary (a region, a topic, a status...).
    pub fn term(self, term: impl Labelled) -> String {
        self.t(term.key())
    }

    /// A language by its ISO 639-1 code, named by the CLDR.
    pub fn language_name(self, code: &str) -> &str {
        iso639::name(code, self)
    }

    /// A time for lists and logs (`dates::short`).
    pub fn date(self, at: &chrono::NaiveDateTime) -> String {
        crate::languages::dates::short(at, self)
    }

    /// A count or measure as this language writes numbers: `1 234` in French, `۱۲۳۴` in
    /// Persian. English stays as the portal always wrote it.
    pub fn num(self, value: impl std::fmt::Display) -> String {
        numbers::format(self, &value.to_string(), true)
    }

    /// A year or an identifier: the language's digits, never grouped.
    pub fn digits(self, value: impl std::fmt::Display) -> String {
        numbers::format(self, &value.to_string(), false)
    }

    fn lookup(self, key: &str, args: &[(&str, Arg)]) -> String {
        let values: HashMap<&str, FluentValue<'static>> = args
            .iter()
            .map(|(name, value)| (*name, value.to_fluent(self)))
            .collect();
        let values = (!values.is_empty()).then_some(&values);
        LOCALES
            .lookup_single_language(self.identifier(), key, values)
            .or_else(|_| LOCALES.lookup_single_language(Lang::En.identifier(), key, values))
            .unwrap_or_else(|error| {
                tracing::warn!(key, ?error, "text missing");
                key.to_owned()
            })
    }
}

crate::stored::stored_as_text!(Lang, tag, from_tag);

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

/// A term, or a reference to one as templates hand them over: what `Lang::term` names.
pub trait Labelled {
    fn key(&self) -> &'static str;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_with_region_and_case() {
        assert_eq!(Lang::from_tag("fa-IR"), Some(Lang::Fa));
        assert_eq!(Lang::from_tag("FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_tag("es_MX"), Some(Lang::Es));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn persian_is_right_to_left() {
        assert_eq!(Lang::Fa.dir(), "rtl");
        assert_eq!(Lang::En.dir(), "ltr");
    }
}
