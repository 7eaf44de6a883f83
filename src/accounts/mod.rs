//! Accounts: people, their roles and passwords, sessions, and their membership of institutions.

pub mod member_pages;
pub mod password;
pub mod policy;
pub mod public_pages;
pub mod repository;
pub mod roles;
pub mod rules;
pub mod secretariat_pages;
pub mod service;
pub mod session;
mod views;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::ids::{MembershipId, OrganisationId, UserId};
use crate::languages::Lang;
use crate::schema::{memberships, users};
use crate::taxonomy::vocabulary;

vocabulary! {
    /// What an account may do; every account has exactly one role.
    Role in "role" {
        Secretariat => "secretariat",
        Juror => "juror",
        Submitter => "submitter",
    }
}

vocabulary! {
    /// Where a request to act for an institution stands.
    MembershipStatus in "membership-status" {
        Requested => "requested",
        Approved => "approved",
        Rejected => "rejected",
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = users, check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub role: Role,
    pub session_epoch: i32,
    pub created_at: NaiveDateTime,
    /// The language of its e-mails.
    pub language: Lang,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = memberships, check_for_backend(diesel::sqlite::Sqlite, diesel::pg::Pg))]
pub struct Membership {
    pub id: MembershipId,
    pub user_id: UserId,
    pub organisation_id: OrganisationId,
    pub status: MembershipStatus,
    pub requested_at: NaiveDateTime,
    pub decision_note: String,
}

/// E-mail addresses are compared without case and surrounding space.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}
