//! The alerts table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::Alert;
use crate::db::DbConnection;
use crate::languages::Lang;
use crate::schema::alerts;

pub struct NewAlert<'a> {
    pub email: &'a str,
    pub language: Lang,
    pub query: &'a str,
    pub token: &'a str,
    pub asked_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, alert: &NewAlert<'_>) -> QueryResult<()> {
    diesel::insert_into(alerts::table)
        .values((
            alerts::email.eq(alert.email),
            alerts::language.eq(alert.language),
            alerts::query.eq(alert.query),
            alerts::token.eq(alert.token),
            alerts::asked_at.eq(alert.asked_at),
        ))
        .execute(conn)
        .map(drop)
}

pub fn by_token(conn: &mut DbConnection, token: &str) -> QueryResult<Option<Alert>> {
    alerts::table
        .filter(alerts::token.eq(token))
        .select(Alert::as_select())
        .first(conn)
        .optional()
}

pub fn by_search(conn: &mut DbConnection, email: &str, query: &str) -> QueryResult<Option<Alert>> {
    alerts::table
        .filter(alerts::email.eq(email))
        .filter(alerts::query.eq(query))
        .select(Alert::as_select())
        .first(conn)
        .optional()
}

/// How many alerts of `email` wait for their confirmation.
pub fn unconfirmed(conn: &mut DbConnection, email: &str) -> QueryResult<i64> {
    alerts::table
        .filter(alerts::email.eq(email))
        .filter(alerts::confirmed_at.is_null())
        .count()
        .get_result(conn)
}

pub fn asked_again(conn: &mut DbConnection, id: i32, at: NaiveDateTime) -> QueryResult<()> {
    diesel::update(alerts::table.find(id))
        .set(alerts::asked_at.eq(at))
        .execute(conn)
        .map(drop)
}

/// Confirms the alert: practices published from `at` on are news to it.
pub fn confirm(conn: &mut DbConnection, id: i32, at: NaiveDateTime) -> QueryResult<()> {
    diesel::update(
        alerts::table
            .find(id)
            .filter(alerts::confirmed_at.is_null()),
    )
    .set((alerts::confirmed_at.eq(at), alerts::covered_until.eq(at)))
    .execute(conn)
    .map(drop)
}

pub fn delete(conn: &mut DbConnection, id: i32) -> QueryResult<()> {
    diesel::delete(alerts::table.find(id))
        .execute(conn)
        .map(drop)
}

/// Forgets the alerts asked before `asked_before` and never confirmed.
pub fn forget_unconfirmed(
    conn: &mut DbConnection,
    asked_before: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::delete(
        alerts::table
            .filter(alerts::confirmed_at.is_null())
            .filter(alerts::asked_at.lt(asked_before)),
    )
    .execute(conn)
}

/// The confirmed alerts whose news were last looked at before `covered_before`.
pub fn due(conn: &mut DbConnection, covered_before: NaiveDateTime) -> QueryResult<Vec<Alert>> {
    alerts::table
        .filter(alerts::covered_until.le(covered_before))
        .order(alerts::id)
        .select(Alert::as_select())
        .load(conn)
}

/// Moves the alert's news from `from` to `until`; false when another sender moved it first
/// (it then has the digest to send).
pub fn cover(
    conn: &mut DbConnection,
    id: i32,
    from: NaiveDateTime,
    until: NaiveDateTime,
) -> QueryResult<bool> {
    let moved = diesel::update(
        alerts::table
            .find(id)
            .filter(alerts::covered_until.eq(from)),
    )
    .set(alerts::covered_until.eq(until))
    .execute(conn)?;
    Ok(moved == 1)
}
