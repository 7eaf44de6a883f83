//! Every query of accounts, memberships, password resets and failed sign-ins.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::{Membership, MembershipStatus, Role, User};
use crate::db::DbConnection;
use crate::ids::{MembershipId, OrganisationId, UserId};
use crate::languages::Lang;
use crate::organisations::Organisation;
use crate::schema::{login_failures, memberships, organisations, password_resets, users};

pub fn find_user(conn: &mut DbConnection, id: UserId) -> QueryResult<Option<User>> {
    users::table
        .find(id)
        .select(User::as_select())
        .first(conn)
        .optional()
}

pub fn find_user_by_email(conn: &mut DbConnection, email: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::email.eq(email))
        .select(User::as_select())
        .first(conn)
        .optional()
}

pub fn insert_user(
    conn: &mut DbConnection,
    email: &str,
    name: &str,
    password_hash: &str,
    role: Role,
    language: Lang,
) -> QueryResult<UserId> {
    diesel::insert_into(users::table)
        .values((
            users::email.eq(email),
            users::name.eq(name),
            users::password_hash.eq(password_hash),
            users::role.eq(role),
            users::language.eq(language),
        ))
        .returning(users::id)
        .get_result(conn)
}

/// Sets a new password and ends every session signed in with the old one.
pub fn set_password(conn: &mut DbConnection, id: UserId, password_hash: &str) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(password_hash),
            users::session_epoch.eq(users::session_epoch + 1),
        ))
        .execute(conn)
        .map(drop)
}

/// Ends every session of the account. Sessions live in the cookie, so this is the only way
/// to make a copied cookie worthless.
pub fn end_sessions(conn: &mut DbConnection, id: UserId) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set(users::session_epoch.eq(users::session_epoch + 1))
        .execute(conn)
        .map(drop)
}

pub fn set_role(conn: &mut DbConnection, id: UserId, role: Role) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set(users::role.eq(role))
        .execute(conn)
        .map(drop)
}

pub fn count_users(conn: &mut DbConnection) -> QueryResult<i64> {
    users::table.count().get_result(conn)
}

pub fn users_page(conn: &mut DbConnection, offset: i64, limit: i64) -> QueryResult<Vec<User>> {
    users::table
        .order(users::email)
        .offset(offset)
        .limit(limit)
        .select(User::as_select())
        .load(conn)
}

pub fn insert_membership(
    conn: &mut DbConnection,
    user: UserId,
    organisation: OrganisationId,
    status: MembershipStatus,
) -> QueryResult<MembershipId> {
    diesel::insert_into(memberships::table)
        .values((
            memberships::user_id.eq(user),
            memberships::organisation_id.eq(organisation),
            memberships::status.eq(status),
        ))
        .returning(memberships::id)
        .get_result(conn)
}

pub fn find_membership(
    conn: &mut DbConnection,
    id: MembershipId,
) -> QueryResult<Option<Membership>> {
    memberships::table
        .find(id)
        .select(Membership::as_select())
        .first(conn)
        .optional()
}

pub fn decide_membership(
    conn: &mut DbConnection,
    id: MembershipId,
    status: MembershipStatus,
    decided_by: UserId,
    note: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(memberships::table.find(id))
        .set((
            memberships::status.eq(status),
            memberships::decided_by.eq(decided_by),
            memberships::decided_at.eq(at),
            memberships::decision_note.eq(note),
        ))
        .execute(conn)
        .map(drop)
}

/// A person's memberships with their institutions, newest first.
pub fn memberships_of(
    conn: &mut DbConnection,
    user: UserId,
) -> QueryResult<Vec<(Membership, Organisation)>> {
    memberships::table
        .inner_join(organisations::table)
        .filter(memberships::user_id.eq(user))
        .order(memberships::id.desc())
        .select((Membership::as_select(), Organisation::as_select()))
        .load(conn)
}

/// The institutions a person may act for.
pub fn approved_organisations(
    conn: &mut DbConnection,
    user: UserId,
) -> QueryResult<Vec<Organisation>> {
    memberships::table
        .inner_join(organisations::table)
        .filter(memberships::user_id.eq(user))
        .filter(memberships::status.eq(MembershipStatus::Approved))
        .order(organisations::name)
        .select(Organisation::as_select())
        .load(conn)
}

/// The addresses of everyone who acts for an institution.
/// The approved members of an institution: where its e-mail goes, in whose language.
pub fn members(conn: &mut DbConnection, organisation: OrganisationId) -> QueryResult<Vec<User>> {
    memberships::table
        .inner_join(users::table)
        .filter(memberships::organisation_id.eq(organisation))
        .filter(memberships::status.eq(MembershipStatus::Approved))
        .select(User::as_select())
        .load(conn)
}

pub fn count_pending_memberships(conn: &mut DbConnection) -> QueryResult<i64> {
    memberships::table
        .filter(memberships::status.eq(MembershipStatus::Requested))
        .count()
        .get_result(conn)
}

/// A page of the requests waiting for the secretariat, oldest first.
pub fn pending_memberships(
    conn: &mut DbConnection,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<(Membership, User, Organisation)>> {
    memberships::table
        .inner_join(users::table)
        .inner_join(organisations::table)
        .filter(memberships::status.eq(MembershipStatus::Requested))
        .order(memberships::id)
        .offset(offset)
        .limit(limit)
        .select((
            Membership::as_select(),
            User::as_select(),
            Organisation::as_select(),
        ))
        .load(conn)
}

pub fn insert_password_reset(
    conn: &mut DbConnection,
    token_hash: &str,
    user: UserId,
    expires_at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(password_resets::table)
        .values((
            password_resets::token_hash.eq(token_hash),
            password_resets::user_id.eq(user),
            password_resets::expires_at.eq(expires_at),
        ))
        .execute(conn)
        .map(drop)
}

/// Marks an unused, unexpired reset token used and says whose it was.
pub fn use_password_reset(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<UserId>> {
    diesel::update(
        password_resets::table
            .filter(password_resets::token_hash.eq(token_hash))
            .filter(password_resets::used_at.is_null())
            .filter(password_resets::expires_at.gt(now)),
    )
    .set(password_resets::used_at.eq(now))
    .returning(password_resets::user_id)
    .get_result(conn)
    .optional()
}

pub fn password_reset_is_usable(
    conn: &mut DbConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        password_resets::table
            .filter(password_resets::token_hash.eq(token_hash))
            .filter(password_resets::used_at.is_null())
            .filter(password_resets::expires_at.gt(now)),
    ))
    .get_result(conn)
}

pub fn record_login_failure(
    conn: &mut DbConnection,
    email: &str,
    address: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(login_failures::table)
        .values((
            login_failures::email.eq(email),
            login_failures::address.eq(address),
            login_failures::failed_at.eq(at),
        ))
        .execute(conn)
        .map(drop)
}

/// Failed sign-ins since `since`: for this address typed as e-mail, and from this network
/// address.
pub fn recent_login_failures(
    conn: &mut DbConnection,
    email: &str,
    address: &str,
    since: NaiveDateTime,
) -> QueryResult<(i64, i64)> {
    let by_account = login_failures::table
        .filter(login_failures::email.eq(email))
        .filter(login_failures::failed_at.gt(since))
        .count()
        .get_result(conn)?;
    let by_address = login_failures::table
        .filter(login_failures::address.eq(address))
        .filter(login_failures::failed_at.gt(since))
        .count()
        .get_result(conn)?;
    Ok((by_account, by_address))
}

pub fn clear_login_failures(conn: &mut DbConnection, email: &str) -> QueryResult<()> {
    diesel::delete(login_failures::table.filter(login_failures::email.eq(email)))
        .execute(conn)
        .map(drop)
}

pub fn clear_login_failures_of(conn: &mut DbConnection, user: UserId) -> QueryResult<()> {
    let email: String = users::table.find(user).select(users::email).first(conn)?;
    clear_login_failures(conn, &email)
}

pub fn users_with_role(conn: &mut DbConnection, role: Role) -> QueryResult<Vec<User>> {
    users::table
        .filter(users::role.eq(role))
        .order(users::name)
        .select(User::as_select())
        .load(conn)
}
