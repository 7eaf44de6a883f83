//! Numbers as each language writes them. English keeps the portal's plain digits; French
//! groups thousands with a narrow no-break space and Spanish with a point from five digits
//! on (as CLDR says), both with a decimal comma; Persian uses its own digits and separators.

use fluent_templates::fluent_bundle::FluentValue;

use super::Lang;

struct Style {
    group: Option<char>,
    /// Groups only numbers of at least this many integer digits.
    group_from: usize,
    decimal: char,
    zero: char,
}

fn style(lang: Lang) -> Style {
    match lang {
        Lang::En => Style {
            group: None,
            group_from: 0,
            decimal: '.',
            zero: '0',
        },
        Lang::Fr => Style {
            group: Some('\u{202f}'),
            group_from: 4,
            decimal: ',',
            zero: '0',
        },
        Lang::Es => Style {
            group: Some('.'),
            group_from: 5,
            decimal: ',',
            zero: '0',
        },
        Lang::Fa => Style {
            group: Some('٬'),
            group_from: 4,
            decimal: '٫',
            zero: '۰',
        },
    }
}

/// `plain` as Rust prints a number (`-1234.5`) rewritten for `lang`; grouped only when asked.
pub(super) fn format(lang: Lang, plain: &str, grouped: bool) -> String {
    let style = style(lang);
    let digit = |c: char| match c.to_digit(10) {
        Some(value) => char::from_u32(style.zero as u32 + value).unwrap_or(c),
        None => c,
    };
    let (sign, unsigned) = plain
        .strip_prefix('-')
        .map_or(("", plain), |rest| ("-", rest));
    let (integer, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    if !integer.chars().all(|c| c.is_ascii_digit()) {
        return plain.chars().map(digit).collect();
    }
    let mut out = String::with_capacity(plain.len() * 3);
    out.push_str(sign);
    let separator = style
        .group
        .filter(|_| grouped && integer.len() >= style.group_from);
    for (position, c) in integer.chars().enumerate() {
        let left = integer.len() - position;
        if position > 0 && left % 3 == 0 {
            if let Some(separator) = separator {
                out.push(separator);
            }
        }
        out.push(digit(c));
    }
    if !fraction.is_empty() {
        out.push(style.decimal);
        out.extend(fraction.chars().map(digit));
    }
    out
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
        assert_eq!(format(Lang::En, "100000", true), "100000");
        assert_eq!(format(Lang::Fr, "100000", true), "100\u{202f}000");
        assert_eq!(format(Lang::Es, "1234", true), "1234");
        assert_eq!(format(Lang::Es, "12345", true), "12.345");
        assert_eq!(format(Lang::Fa, "1234567", true), "۱٬۲۳۴٬۵۶۷");
        assert_eq!(format(Lang::Fa, "-3.25", true), "-۳٫۲۵");
        assert_eq!(format(Lang::Fr, "2.5", true), "2,5");
    }

    #[test]
    fn years_are_never_grouped() {
        assert_eq!(format(Lang::Fr, "2027", false), "2027");
        assert_eq!(format(Lang::Fa, "2027", false), "۲۰۲۷");
    }
}
