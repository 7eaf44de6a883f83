//! How times are shown. They are stored and compared in UTC, and every page says so. Each
//! language writes them its own way: French and Spanish with their month names, Persian in
//! the Solar Hijri calendar, as its readers date things, with Persian digits.

use chrono::{Datelike, NaiveDateTime, Timelike};

use crate::languages::key;
use crate::languages::{Arg, Lang, Message};

/// For lists and logs: `2027-02-21 23:59 UTC`, `۱۴۰۵/۱۲/۰۲ ۲۳:۵۹ UTC`.
pub fn short(at: &NaiveDateTime, lang: Lang) -> String {
    let (year, month, day) = calendar_date(at, lang);
    let text = if lang == Lang::Fa {
        format!(
            "{year}/{month:02}/{day:02} {:02}:{:02} UTC",
            at.hour(),
            at.minute()
        )
    } else {
        format!(
            "{year}-{month:02}-{day:02} {:02}:{:02} UTC",
            at.hour(),
            at.minute()
        )
    };
    lang.digits(text)
}

/// For deadlines and announcements: `21 February 2027, 23:59 UTC`.
pub fn long(at: &NaiveDateTime, lang: Lang) -> String {
    let (year, month, day) = calendar_date(at, lang);
    // Day and year go in as text: a year is never written `2 027`.
    let date = Message::new("date-long")
        .with("day", day.to_string())
        .with("month", Arg::key(MONTHS[lang as usize][month as usize - 1]))
        .with("year", year.to_string())
        .with("time", format!("{:02}:{:02}", at.hour(), at.minute()));
    lang.digits(lang.message(&date))
}

/// A day, without its time: `21 February 2027`, `۲ اسفند ۱۴۰۵`.
pub fn day(at: &NaiveDateTime, lang: Lang) -> String {
    let (year, month, day) = calendar_date(at, lang);
    let date = Message::new("date-day")
        .with("day", day.to_string())
        .with("month", Arg::key(MONTHS[lang as usize][month as usize - 1]))
        .with("year", year.to_string());
    lang.digits(lang.message(&date))
}

/// The keys of the month names: the Gregorian months, and the Solar Hijri ones for Persian.
const GREGORIAN: [&str; 12] = [
    key!("month-1"),
    key!("month-2"),
    key!("month-3"),
    key!("month-4"),
    key!("month-5"),
    key!("month-6"),
    key!("month-7"),
    key!("month-8"),
    key!("month-9"),
    key!("month-10"),
    key!("month-11"),
    key!("month-12"),
];
const SOLAR_HIJRI: [&str; 12] = [
    key!("month-sh-1"),
    key!("month-sh-2"),
    key!("month-sh-3"),
    key!("month-sh-4"),
    key!("month-sh-5"),
    key!("month-sh-6"),
    key!("month-sh-7"),
    key!("month-sh-8"),
    key!("month-sh-9"),
    key!("month-sh-10"),
    key!("month-sh-11"),
    key!("month-sh-12"),
];
const MONTHS: [[&str; 12]; 4] = [GREGORIAN, GREGORIAN, GREGORIAN, SOLAR_HIJRI];

/// Year, month and day in the calendar of `lang`.
fn calendar_date(at: &NaiveDateTime, lang: Lang) -> (i32, u32, u32) {
    if lang == Lang::Fa {
        solar_hijri(at.year(), at.month(), at.day())
    } else {
        (at.year(), at.month(), at.day())
    }
}

/// The Solar Hijri date of a Gregorian one, by the arithmetic of the 33-year cycle, which
/// agrees with the astronomical calendar from 1178 to 1633 SH (1799 to 2254).
fn solar_hijri(year: i32, month: u32, day: u32) -> (i32, u32, u32) {
    const DAYS_BEFORE_MONTH: [i32; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let leap_year = if month > 2 { year + 1 } else { year };
    let mut days = 355_666 + 365 * year + (leap_year + 3) / 4 - (leap_year + 99) / 100
        + (leap_year + 399) / 400
        + day as i32
        + DAYS_BEFORE_MONTH[month as usize - 1];
    let mut sh_year = -1595 + 33 * (days / 12_053);
    days %= 12_053;
    sh_year += 4 * (days / 1461);
    days %= 1461;
    if days > 365 {
        sh_year += (days - 1) / 365;
        days = (days - 1) % 365;
    }
    let (sh_month, sh_day) = if days < 186 {
        (1 + days / 31, 1 + days % 31)
    } else {
        (7 + (days - 186) / 30, 1 + (days - 186) % 30)
    };
    (sh_year, sh_month as u32, sh_day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(year: i32, month: u32, day: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(year, month, day)
            .unwrap()
            .and_hms_opt(23, 59, 0)
            .unwrap()
    }

    #[test]
    fn nowruz_starts_the_solar_hijri_year() {
        assert_eq!(solar_hijri(2024, 3, 20), (1403, 1, 1));
        assert_eq!(solar_hijri(2025, 3, 21), (1404, 1, 1));
        assert_eq!(solar_hijri(2025, 3, 20), (1403, 12, 30));
        assert_eq!(solar_hijri(1979, 2, 11), (1357, 11, 22));
        assert_eq!(solar_hijri(2027, 2, 21), (1405, 12, 2));
    }

    #[test]
    fn english_dates_stay_as_they_were() {
        assert_eq!(short(&at(2027, 2, 21), Lang::En), "2027-02-21 23:59 UTC");
        assert_eq!(
            long(&at(2027, 2, 21), Lang::En),
            "21 February 2027, 23:59 UTC"
        );
    }

    #[test]
    fn other_languages_name_their_months() {
        assert_eq!(
            long(&at(2027, 2, 21), Lang::Fr),
            "21 février 2027 à 23:59 UTC"
        );
        assert_eq!(
            long(&at(2027, 2, 21), Lang::Es),
            "21 de febrero de 2027, 23:59 UTC"
        );
        // Persian texts keep each inserted value in its own direction (Unicode isolates).
        let persian = long(&at(2027, 2, 21), Lang::Fa).replace(['\u{2068}', '\u{2069}'], "");
        assert_eq!(persian, "۲ اسفند ۱۴۰۵، ساعت ۲۳:۵۹ UTC");
        assert_eq!(short(&at(2027, 2, 21), Lang::Fa), "۱۴۰۵/۱۲/۰۲ ۲۳:۵۹ UTC");
    }
}
