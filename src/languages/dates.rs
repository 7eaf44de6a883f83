//! How times are shown. They are stored and compared in UTC, and every page says so. Each
//! language writes them as the CLDR says (through ICU4X): French and Spanish with their month
//! names, Persian in the Solar Hijri calendar, as its readers date things, with Persian digits.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDateTime, Timelike};
use icu_calendar::{Date, Iso};
use icu_datetime::fieldsets::{YMD, YMDT};
use icu_datetime::options::TimePrecision;
use icu_datetime::DateTimeFormatter;
use icu_time::{DateTime, Time};

use super::Lang;

const LOADED: &str = "compiled CLDR data has date formats for the four languages";

static SHORT: LazyLock<[DateTimeFormatter<YMDT>; 4]> = LazyLock::new(|| {
    let fields = YMDT::medium().with_time_precision(TimePrecision::Minute);
    Lang::ALL
        .map(|lang| DateTimeFormatter::try_new(lang.cldr_locale().into(), fields).expect(LOADED))
});
static LONG: LazyLock<[DateTimeFormatter<YMDT>; 4]> = LazyLock::new(|| {
    let fields = YMDT::long().with_time_precision(TimePrecision::Minute);
    Lang::ALL
        .map(|lang| DateTimeFormatter::try_new(lang.cldr_locale().into(), fields).expect(LOADED))
});
static DAY: LazyLock<[DateTimeFormatter<YMD>; 4]> = LazyLock::new(|| {
    Lang::ALL.map(|lang| {
        DateTimeFormatter::try_new(lang.cldr_locale().into(), YMD::long()).expect(LOADED)
    })
});

/// For lists and logs: `21 Feb 2027, 23:59 UTC`, `۲ اسفند ۱۴۰۵، ۲۳:۵۹ UTC`.
pub fn short(at: &NaiveDateTime, lang: Lang) -> String {
    format!("{} UTC", SHORT[lang as usize].format(&iso(at)))
}

/// For deadlines and announcements: `21 February 2027 at 23:59 UTC`.
pub fn long(at: &NaiveDateTime, lang: Lang) -> String {
    format!("{} UTC", LONG[lang as usize].format(&iso(at)))
}

/// A day, without its time: `21 February 2027`, `۲ اسفند ۱۴۰۵`.
pub fn day(at: &NaiveDateTime, lang: Lang) -> String {
    DAY[lang as usize].format(&iso(at).date).to_string()
}

/// chrono's time as ICU4X's; each of its fields is in range by construction.
fn iso(at: &NaiveDateTime) -> DateTime<Iso> {
    let narrow = |value: u32| value as u8;
    DateTime {
        date: Date::try_new_iso(at.year(), narrow(at.month()), narrow(at.day()))
            .expect("a chrono date is a valid ISO date"),
        time: Time::try_new(
            narrow(at.hour()),
            narrow(at.minute()),
            narrow(at.second()),
            0,
        )
        .expect("a chrono time is a valid time"),
    }
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
        assert_eq!(day(&at(2024, 3, 20), Lang::Fa), "۱ فروردین ۱۴۰۳");
        assert_eq!(day(&at(2025, 3, 21), Lang::Fa), "۱ فروردین ۱۴۰۴");
        assert_eq!(day(&at(2025, 3, 20), Lang::Fa), "۳۰ اسفند ۱۴۰۳");
        assert_eq!(day(&at(1979, 2, 11), Lang::Fa), "۲۲ بهمن ۱۳۵۷");
        assert_eq!(day(&at(2027, 2, 21), Lang::Fa), "۲ اسفند ۱۴۰۵");
    }

    #[test]
    fn english_days_come_before_months_on_a_24_hour_clock() {
        assert_eq!(short(&at(2027, 2, 21), Lang::En), "21 Feb 2027, 23:59 UTC");
        assert_eq!(
            long(&at(2027, 2, 21), Lang::En),
            "21 February 2027 at 23:59 UTC"
        );
        assert_eq!(day(&at(2027, 2, 21), Lang::En), "21 February 2027");
    }

    #[test]
    fn other_languages_name_their_months() {
        assert_eq!(
            long(&at(2027, 2, 21), Lang::Fr),
            "21 février 2027 à 23:59 UTC"
        );
        assert_eq!(
            long(&at(2027, 2, 21), Lang::Es),
            "21 de febrero de 2027 a las 23:59 UTC"
        );
        assert_eq!(
            long(&at(2027, 2, 21), Lang::Fa),
            "۲ اسفند ۱۴۰۵ ساعت ۲۳:۵۹ UTC"
        );
        assert_eq!(short(&at(2027, 2, 21), Lang::Fa), "۲ اسفند ۱۴۰۵، ۲۳:۵۹ UTC");
    }
}
