//! The languages a practice can be written in: ISO 639-1 codes (`en`, `ja`, `fa`), named on
//! every page in the reader's language by the Unicode CLDR (ICU4X's display names), with the
//! direction their script is written in.

use std::sync::LazyLock;

use icu_experimental::displaynames::multi::LanguageDisplayNames;
use icu_experimental::displaynames::DisplayNamesOptions;
use icu_locale_core::subtags::Language;

use super::Lang;

/// The ISO 639-1 codes (as ISO 639-3's table lists them, from pycountry 26.2.16); sorted.
pub const CODES: [&str; 184] = [
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bi",
    "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de",
    "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy",
    "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia",
    "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk",
    "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo",
    "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd",
    "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl",
    "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "sh", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo",
    "wa", "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// Languages written right to left (in their usual script).
const RIGHT_TO_LEFT: [&str; 9] = ["ar", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"];

static NAMES: LazyLock<[LanguageDisplayNames; 4]> = LazyLock::new(|| {
    Lang::ALL.map(|lang| {
        LanguageDisplayNames::try_new(lang.cldr_locale().into(), DisplayNamesOptions::default())
            .expect("compiled CLDR data has language names for the four languages")
    })
});

/// Whether `code` is an ISO 639-1 code (lower case, as stored).
pub fn is_code(code: &str) -> bool {
    CODES.binary_search(&code).is_ok()
}

/// The name of the language of `code` in `lang`; an unknown code is shown as it is.
pub fn name(code: &str, lang: Lang) -> &str {
    code.parse::<Language>()
        .ok()
        .filter(|_| is_code(code))
        .and_then(|language| NAMES[lang as usize].of(language))
        .unwrap_or(code)
}

/// `rtl` or `ltr`: the `dir` of text in the language of `code`.
pub fn direction(code: &str) -> &'static str {
    if RIGHT_TO_LEFT.contains(&code) {
        "rtl"
    } else {
        "ltr"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_and_named_in_each_language() {
        assert!(CODES.windows(2).all(|pair| pair[0] < pair[1]));
        assert_eq!(name("ja", Lang::En), "Japanese");
        assert_eq!(name("ja", Lang::Fr), "japonais");
        assert_eq!(name("de", Lang::Es), "alemán");
        assert_eq!(name("fa", Lang::Fa), "فارسی");
        assert_eq!(name("xx", Lang::En), "xx");
        assert!(!is_code("EN") && !is_code("eng") && is_code("en"));
        assert_eq!(
            (direction("ar"), direction("fa"), direction("ja")),
            ("rtl", "rtl", "ltr")
        );
        let named: Vec<&str> = CODES.iter().map(|code| name(code, Lang::En)).collect();
        let unnamed: Vec<&&str> = CODES
            .iter()
            .zip(&named)
            .filter(|(c, n)| c == n)
            .map(|(c, _)| c)
            .collect();
        assert!(
            unnamed.len() < 5,
            "CLDR names nearly every code: {unnamed:?}"
        );
    }
}
