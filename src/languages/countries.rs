//! Countries, stored and exchanged as ISO 3166-1 alpha-2 codes (`CA`, `IR`), named on every
//! page in its language by the Unicode CLDR (ICU4X's display names) and listed in the order
//! each language sorts (`Lang::compare`).

use std::sync::LazyLock;

use icu_experimental::displaynames::multi::RegionDisplayNames;
use icu_experimental::displaynames::DisplayNamesOptions;
use icu_locale_core::subtags::Region;

use super::Lang;

/// The officially assigned ISO 3166-1 codes, and Kosovo's `XK`, which CLDR and the
/// international organisations use; sorted.
pub const CODES: [&str; 250] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "XK", "YE", "YT", "ZA", "ZM", "ZW",
];

static NAMES: LazyLock<[RegionDisplayNames; 4]> = LazyLock::new(|| {
    Lang::ALL.map(|lang| {
        RegionDisplayNames::try_new(lang.cldr_locale().into(), DisplayNamesOptions::default())
            .expect("compiled CLDR data has region names for the four languages")
    })
});

/// Whether `code` is a country's code (upper case, as stored).
pub fn is_code(code: &str) -> bool {
    CODES.binary_search(&code).is_ok()
}

/// The name of the country of `code` in `lang`; an unknown code is shown as it is.
pub fn name(code: &str, lang: Lang) -> &str {
    code.parse::<Region>()
        .ok()
        .filter(|_| is_code(code))
        .and_then(|region| NAMES[lang as usize].of(region))
        .unwrap_or(code)
}

/// Every country as (code, name in `lang`), in `lang`'s alphabetical order: the choices of a
/// country field.
pub fn choices(lang: Lang) -> Vec<(&'static str, &'static str)> {
    lang.sorted_by_name(&CODES, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_and_named_in_every_language() {
        assert!(CODES.windows(2).all(|pair| pair[0] < pair[1]));
        for lang in Lang::ALL {
            for code in CODES {
                assert_ne!(name(code, lang), code, "{code} has no name in {lang}");
            }
        }
    }

    #[test]
    fn names_come_from_cldr_in_the_page_language() {
        assert_eq!(name("CA", Lang::Es), "Canadá");
        assert_eq!(name("IR", Lang::Fa), "ایران");
        assert_eq!(name("DE", Lang::Fr), "Allemagne");
        assert_eq!(name("CI", Lang::En), "Côte d’Ivoire");
        assert_eq!(name("Atlantis", Lang::En), "Atlantis");
        assert_eq!(name("EU", Lang::En), "EU", "not a country");
    }

    #[test]
    fn choices_follow_the_language_alphabet() {
        let french: Vec<_> = choices(Lang::Fr)
            .into_iter()
            .map(|(_, name)| name)
            .collect();
        let egypt = french.iter().position(|&n| n == "Égypte").unwrap();
        let spain = french.iter().position(|&n| n == "Espagne").unwrap();
        let zambia = french.iter().position(|&n| n == "Zambie").unwrap();
        assert!(
            egypt < spain && spain < zambia,
            "É sorts with E, not after Z"
        );
        assert_eq!(choices(Lang::Fa).len(), CODES.len());
    }
}
