//! Numbers as each language writes them, from the CLDR through ICU4X: thousands grouped as
//! the language groups them (`1,234`, `1 234`, `12.345` in Spanish only from five digits,
//! `۱٬۲۳۴`), its decimal separator, and Persian digits.

use std::sync::LazyLock;

use fluent_templates::fluent_bundle::FluentValue;
use icu_decimal::input::Decimal;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_decimal::DecimalFormatter;

use super::Lang;

fn formatters(grouping: GroupingStrategy) -> [DecimalFormatter; 4] {
    Lang::ALL.map(|lang| {
        let mut options = DecimalFormatterOptions::default();
        options.grouping_strategy = Some(grouping);
        DecimalFormatter::try_new(lang.cldr_locale().into(), options)
            .expect("compiled CLDR data has number formats for the four languages")
    })
}

static GROUPED: LazyLock<[DecimalFormatter; 4]> =
    LazyLock::new(|| formatters(GroupingStrategy::Auto));
/// Years and identifiers: `2027`, never `2,027`.
static UNGROUPED: LazyLock<[DecimalFormatter; 4]> =
    LazyLock::new(|| formatters(GroupingStrategy::Never));

/// `plain` as Rust prints a number (`-1234.5`) written in `lang`; grouped only when asked.
/// Anything else (a range, a code) keeps its characters, with the language's digits.
pub(super) fn format(lang: Lang, plain: &str, grouped: bool) -> String {
    let formatters = if grouped { &GROUPED } else { &UNGROUPED };
    match plain.parse::<Decimal>() {
        Ok(number) => formatters[lang as usize].format(&number).to_string(),
        Err(_) => plain
            .chars()
            .map(|c| match c {
                '0'..='9' => UNGROUPED[lang as usize]
                    .format(&Decimal::from(c as u32 - '0' as u32))
                    .to_string()
                    .chars()
                    .last()
                    .unwrap_or(c),
                _ => c,
            })
            .collect(),
    }
}

/// Writes the numbers inside translated texts; `L` picks the language (a function pointer
/// cannot carry it otherwise).
pub(super) fn fluent_formatter<M, const L: char>(value: &FluentValue, _: &M) -> Option<String> {
    let lang = match L {
        'f' => Lang::Fr,
        'e' => Lang::Es,
        'p' => Lang::Fa,
        _ => Lang::En,
    };
    match value {
        FluentValue::Number(number) => Some(format(lang, &number.value.to_string(), true)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_writes_numbers_its_way() {
        assert_eq!(format(Lang::En, "100000", true), "100,000");
        assert_eq!(format(Lang::Fr, "100000", true), "100\u{202f}000");
        assert_eq!(format(Lang::Es, "1234", true), "1234");
        assert_eq!(format(Lang::Es, "12345", true), "12.345");
        assert_eq!(format(Lang::Fa, "1234567", true), "۱٬۲۳۴٬۵۶۷");
        assert_eq!(
            format(Lang::Fa, "-3.25", true).trim_start_matches('\u{200e}'),
            "−۳٫۲۵"
        );
        assert_eq!(format(Lang::Fr, "2.5", true), "2,5");
    }

    #[test]
    fn years_are_never_grouped() {
        assert_eq!(format(Lang::Fr, "2027", false), "2027");
        assert_eq!(format(Lang::En, "2027", false), "2027");
        assert_eq!(format(Lang::Fa, "2027", false), "۲۰۲۷");
    }

    #[test]
    fn other_text_keeps_its_characters_with_the_language_digits() {
        assert_eq!(format(Lang::Fa, "2020–2021", false), "۲۰۲۰–۲۰۲۱");
        assert_eq!(format(Lang::Fr, "N/A", true), "N/A");
    }
}
