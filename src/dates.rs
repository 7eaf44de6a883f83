//! How times are shown. They are stored and compared in UTC, and every page says so.

use chrono::NaiveDateTime;

/// For lists and logs: `2027-02-21 23:59 UTC`.
pub fn short(at: &NaiveDateTime) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// For deadlines and announcements: `21 February 2027, 23:59 UTC`.
pub fn long(at: &NaiveDateTime) -> String {
    at.format("%-d %B %Y, %H:%M UTC").to_string()
}
