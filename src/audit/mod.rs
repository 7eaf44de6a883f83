//! The audit log: every change of state of an entry, a membership, an institution or an
//! account, with who made it and when. Written in the same transaction as the change.

pub mod secretariat_pages;
mod views;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::accounts::{MembershipStatus, Role};
use crate::competitions::Phase;
use crate::db::DbConnection;
use crate::ids::UserId;
use crate::languages::Lang;
use crate::schema::{audit_log, users};
use crate::submissions::EntryStatus;
use crate::taxonomy::vocabulary;

vocabulary! {
    /// The kind of thing that changed.
    AuditSubject in "audit-subject" {
        Entry => "entry",
        Membership => "membership",
        Organisation => "organisation",
        Account => "account",
        Competition => "competition",
        Practice => "practice",
    }
}

vocabulary! {
    /// What happened to it.
    AuditAction in "audit-action" {
        Registered => "registered",
        AdminCreated => "admin-created",
        PasswordChanged => "password-changed",
        PasswordReset => "password-reset",
        RoleChanged => "role-changed",
        MembershipRequested => "membership-requested",
        MembershipApproved => "membership-approved",
        MembershipRejected => "membership-rejected",
        OrganisationRegistered => "organisation-registered",
        OrganisationApproved => "organisation-approved",
        EntryCreated => "entry-created",
        EntrySubmitted => "entry-submitted",
        EntryWithdrawn => "entry-withdrawn",
        ScreeningStarted => "screening-started",
        EntryEligible => "entry-eligible",
        EntryIneligible => "entry-ineligible",
        EntryReturned => "entry-returned",
        CompetitionCreated => "competition-created",
        PhaseAdvanced => "phase-advanced",
        PhaseReopened => "phase-reopened",
        JurorAppointed => "juror-appointed",
        JurorDismissed => "juror-dismissed",
        JuryAssigned => "jury-assigned",
        JurorsReminded => "jurors-reminded",
        FeedbackReleased => "feedback-released",
        AssignedAcrossLanguages => "assigned-across-languages",
        TranslationSaved => "translation-saved",
        TranslationRemoved => "translation-removed",
    }
}

/// One change to record.
pub struct Change<'a> {
    pub actor: Option<UserId>,
    pub subject: AuditSubject,
    pub subject_id: i32,
    pub action: AuditAction,
    pub from_state: Option<&'a str>,
    pub to_state: Option<&'a str>,
    pub note: &'a str,
}

impl<'a> Change<'a> {
    /// A change with no states and no note; fill in the rest with struct update syntax.
    pub fn new(
        actor: Option<UserId>,
        subject: AuditSubject,
        subject_id: i32,
        action: AuditAction,
    ) -> Change<'a> {
        Change {
            actor,
            subject,
            subject_id,
            action,
            from_state: None,
            to_state: None,
            note: "",
        }
    }
}

pub fn record(conn: &mut DbConnection, change: &Change<'_>) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::actor_id.eq(change.actor),
            audit_log::subject.eq(change.subject),
            audit_log::subject_id.eq(change.subject_id),
            audit_log::action.eq(change.action),
            audit_log::from_state.eq(change.from_state),
            audit_log::to_state.eq(change.to_state),
            audit_log::note.eq(change.note),
        ))
        .execute(conn)
        .map(drop)
}

/// A recorded change, with the name of whoever made it.
#[derive(Debug, Queryable)]
pub struct Recorded {
    pub at: NaiveDateTime,
    pub actor_name: Option<String>,
    pub subject: AuditSubject,
    pub subject_id: i32,
    pub action: AuditAction,
    pub from_state: Option<String>,
    pub to_state: Option<String>,
    pub note: String,
}

impl Recorded {
    /// A state named in this record (a phase, a status, a role), in `lang`.
    pub fn state_label(&self, slug: &str, lang: &Lang) -> String {
        let key = match self.subject {
            AuditSubject::Competition => Phase::from_slug(slug).map(Phase::label_key),
            AuditSubject::Entry => EntryStatus::from_slug(slug).map(EntryStatus::label_key),
            AuditSubject::Account => Role::from_slug(slug).map(Role::label_key),
            AuditSubject::Membership => {
                MembershipStatus::from_slug(slug).map(MembershipStatus::label_key)
            }
            AuditSubject::Organisation | AuditSubject::Practice => None,
        };
        key.map_or_else(|| slug.to_owned(), |key| lang.t(key))
    }
}

type RecordedColumns = (
    audit_log::at,
    diesel::dsl::Nullable<users::name>,
    audit_log::subject,
    audit_log::subject_id,
    audit_log::action,
    audit_log::from_state,
    audit_log::to_state,
    audit_log::note,
);

fn recorded() -> RecordedColumns {
    (
        audit_log::at,
        users::name.nullable(),
        audit_log::subject,
        audit_log::subject_id,
        audit_log::action,
        audit_log::from_state,
        audit_log::to_state,
        audit_log::note,
    )
}

/// The history of one thing, oldest first.
pub fn history(
    conn: &mut DbConnection,
    subject: AuditSubject,
    subject_id: i32,
) -> QueryResult<Vec<Recorded>> {
    audit_log::table
        .left_join(users::table.on(audit_log::actor_id.eq(users::id.nullable())))
        .filter(audit_log::subject.eq(subject))
        .filter(audit_log::subject_id.eq(subject_id))
        .order(audit_log::id)
        .select(recorded())
        .load(conn)
}

pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
    audit_log::table.count().get_result(conn)
}

/// Newest first, one page at a time.
pub fn page(conn: &mut DbConnection, offset: i64, limit: i64) -> QueryResult<Vec<Recorded>> {
    audit_log::table
        .left_join(users::table.on(audit_log::actor_id.eq(users::id.nullable())))
        .order(audit_log::id.desc())
        .offset(offset)
        .limit(limit)
        .select(recorded())
        .load(conn)
}
