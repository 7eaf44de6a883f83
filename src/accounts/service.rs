//! The rules of accounts and memberships, as plain functions over a connection.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use super::roles::Secretariat;
use super::rules::{self, RequestRefused};
use super::{normalise_email, password, repository, Membership, MembershipStatus, Role, User};
use crate::audit::{self, AuditAction, AuditSubject, Change};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::forms::{FieldErrors, FormError};
use crate::ids::{MembershipId, OrganisationId, UserId};
use crate::languages::{countries, Lang, Message};
use crate::metrics;
use crate::organisations::{self, NewOrganisation};
use crate::outbox;
use crate::paths;
use crate::taxonomy::{OrganisationKind, Region};

/// Failed sign-ins are counted over this window.
pub const LOCKOUT_WINDOW: Duration = Duration::minutes(15);
/// Failures for one e-mail address before it is locked for the window.
const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
/// Failures from one network address before it is locked for the window.
const MAX_FAILURES_PER_ADDRESS: i64 = 20;
/// How long an e-mailed password-reset link works.
pub const RESET_LINK_LIFETIME: Duration = Duration::hours(1);

pub const WRONG_CREDENTIALS: Message = Message::new("account-wrong-credentials");
pub const TOO_MANY_FAILURES: Message = Message::new("account-too-many-failures");

pub struct Registration<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub password: &'a str,
    pub confirmation: &'a str,
    /// The language the person registers in; their e-mails are written in it.
    pub language: Lang,
}

pub fn email_problem(email: &str) -> Option<Message> {
    let valid = email.len() <= 254
        && !email.contains(char::is_whitespace)
        && email
            .split_once('@')
            .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'));
    (!valid).then_some(Message::new("account-email-invalid"))
}

fn name_problem(name: &str) -> Option<Message> {
    match name.trim().chars().count() {
        0 => Some(Message::new("account-enter-your-name")),
        201.. => Some(Message::new("account-use-at-most-200")),
        _ => None,
    }
}

/// Creates a submitter account.
pub fn register(
    conn: &mut DbConnection,
    registration: &Registration<'_>,
) -> Result<User, FormError> {
    let email = normalise_email(registration.email);
    let mut errors = FieldErrors::default();
    if let Some(problem) = name_problem(registration.name) {
        errors.add("name", problem);
    }
    if let Some(problem) = email_problem(&email) {
        errors.add("email", problem);
    }
    if let Some(problem) = password::problem(registration.password, registration.confirmation) {
        errors.add("password", problem);
    }
    errors.into_result()?;
    let hash = password::hash(registration.password, "password")?;
    crate::db::write_transaction(conn, |conn| {
        if repository::find_user_by_email(conn, &email)?.is_some() {
            return Err(FormError::invalid(
                "email",
                Message::new("account-an-account-with-this"),
            ));
        }
        let id = repository::insert_user(
            conn,
            &email,
            registration.name.trim(),
            &hash,
            Role::Submitter,
            registration.language,
        )?;
        audit::record(
            conn,
            &Change {
                to_state: Some(Role::Submitter.slug()),
                ..Change::new(
                    Some(id),
                    AuditSubject::Account,
                    id.0,
                    AuditAction::Registered,
                )
            },
        )?;
        Ok(repository::find_user(conn, id)?.ok_or(AppError::NotFound)?)
    })
}

/// Creates (or promotes) the secretariat account named on the command line.
pub fn create_admin(
    conn: &mut DbConnection,
    email: &str,
    name: &str,
    new_password: &str,
) -> Result<UserId, FormError> {
    let email = normalise_email(email);
    let mut errors = FieldErrors::default();
    if let Some(problem) = email_problem(&email) {
        errors.add("email", problem);
    }
    if let Some(problem) = password::problem(new_password, new_password) {
        errors.add("password", problem);
    }
    errors.into_result()?;
    let hash = password::hash(new_password, "password")?;
    crate::db::write_transaction(conn, |conn| {
        let id = match repository::find_user_by_email(conn, &email)? {
            Some(user) => {
                repository::set_password(conn, user.id, &hash)?;
                repository::set_role(conn, user.id, Role::Secretariat)?;
                user.id
            }
            None => {
                repository::insert_user(conn, &email, name, &hash, Role::Secretariat, Lang::En)?
            }
        };
        audit::record(
            conn,
            &Change {
                to_state: Some(Role::Secretariat.slug()),
                ..Change::new(None, AuditSubject::Account, id.0, AuditAction::AdminCreated)
            },
        )?;
        Ok(id)
    })
}

/// Checks a sign-in, counting failures per typed address and per network address.
/// The refusal never says whether the address has an account.
pub fn sign_in(
    conn: &mut DbConnection,
    email: &str,
    typed_password: &str,
    network_address: &str,
    now: NaiveDateTime,
) -> Result<Result<User, Message>, AppError> {
    let email = normalise_email(email);
    let (by_account, by_address) =
        repository::recent_login_failures(conn, &email, network_address, now - LOCKOUT_WINDOW)?;
    if by_account >= MAX_FAILURES_PER_ACCOUNT || by_address >= MAX_FAILURES_PER_ADDRESS {
        metrics::sign_in_refused("locked");
        return Ok(Err(TOO_MANY_FAILURES));
    }
    let user = repository::find_user_by_email(conn, &email)?;
    let accepted = match &user {
        Some(user) => password::verify(typed_password, &user.password_hash),
        None => password::verify_against_nothing(typed_password).map(|()| false),
    };
    let accepted = match accepted {
        Err(AppError::Busy(_)) => return Ok(Err(Message::new("error-busy-text"))),
        accepted => accepted?,
    };
    match user {
        Some(user) if accepted => {
            repository::clear_login_failures(conn, &email)?;
            Ok(Ok(user))
        }
        _ => {
            repository::record_login_failure(conn, &email, network_address, now)?;
            metrics::sign_in_refused("credentials");
            Ok(Err(WRONG_CREDENTIALS))
        }
    }
}

pub fn change_password(
    conn: &mut DbConnection,
    user: &User,
    current: &str,
    new_password: &str,
    confirmation: &str,
) -> Result<User, FormError> {
    let current_matches = password::verify(current, &user.password_hash)
        .map_err(|error| password::busy_as_problem(error, "current_password"))?;
    if !current_matches {
        return Err(FormError::invalid(
            "current_password",
            Message::new("account-this-is-not-your"),
        ));
    }
    if let Some(problem) = password::problem(new_password, confirmation) {
        return Err(FormError::invalid("password", problem));
    }
    let hash = password::hash(new_password, "password")?;
    crate::db::write_transaction(conn, |conn| {
        repository::set_password(conn, user.id, &hash)?;
        audit::record(
            conn,
            &Change::new(
                Some(user.id),
                AuditSubject::Account,
                user.id.0,
                AuditAction::PasswordChanged,
            ),
        )?;
        Ok(repository::find_user(conn, user.id)?.ok_or(AppError::NotFound)?)
    })
}

fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// E-mails a one-time reset link when the address has an account; says nothing either way.
pub fn request_password_reset(
    conn: &mut DbConnection,
    email: &str,
    public_url: &str,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let Some(user) = repository::find_user_by_email(conn, &normalise_email(email))? else {
        return Ok(());
    };
    let token = crate::secrets::random_token();
    crate::db::write_transaction(conn, |conn| {
        repository::insert_password_reset(
            conn,
            &token_hash(&token),
            user.id,
            now + RESET_LINK_LIFETIME,
        )?;
        outbox::queue(
            conn,
            &user,
            &Message::new("mail-reset").with("name", &user.name).with(
                "link",
                format!("{public_url}{}", paths::password_reset_form(&token)),
            ),
        )
    })?;
    Ok(())
}

pub fn reset_link_is_usable(
    conn: &mut DbConnection,
    token: &str,
    now: NaiveDateTime,
) -> Result<bool, AppError> {
    Ok(repository::password_reset_is_usable(
        conn,
        &token_hash(token),
        now,
    )?)
}

/// Sets a new password through a reset link, which is then used up.
pub fn reset_password(
    conn: &mut DbConnection,
    token: &str,
    new_password: &str,
    confirmation: &str,
    now: NaiveDateTime,
) -> Result<(), FormError> {
    if let Some(problem) = password::problem(new_password, confirmation) {
        return Err(FormError::invalid("password", problem));
    }
    let hash = password::hash(new_password, "password")?;
    crate::db::write_transaction(conn, |conn| {
        let user = repository::use_password_reset(conn, &token_hash(token), now)?
            .ok_or(AppError::NotFound)?;
        repository::set_password(conn, user, &hash)?;
        repository::clear_login_failures_of(conn, user)?;
        audit::record(
            conn,
            &Change::new(
                Some(user),
                AuditSubject::Account,
                user.0,
                AuditAction::PasswordReset,
            ),
        )?;
        Ok(())
    })
}

/// Tells every secretariat account about something waiting for them.
fn notify_secretariat(conn: &mut DbConnection, mail: &Message) -> QueryResult<()> {
    for secretariat in repository::users_with_role(conn, Role::Secretariat)? {
        outbox::queue(conn, &secretariat, mail)?;
    }
    Ok(())
}

/// Every request `user` has made, whatever came of it.
fn requests_of(conn: &mut DbConnection, user: &User) -> QueryResult<Vec<Membership>> {
    Ok(repository::memberships_of(conn, user.id)?
        .into_iter()
        .map(|(membership, _)| membership)
        .collect())
}

fn record_membership_request(
    conn: &mut DbConnection,
    user: &User,
    organisation_id: OrganisationId,
    organisation_name: &str,
    public_url: &str,
) -> Result<MembershipId, FormError> {
    let id =
        repository::insert_membership(conn, user.id, organisation_id, MembershipStatus::Requested)?;
    audit::record(
        conn,
        &Change {
            to_state: Some(MembershipStatus::Requested.slug()),
            note: organisation_name,
            ..Change::new(
                Some(user.id),
                AuditSubject::Membership,
                id.0,
                AuditAction::MembershipRequested,
            )
        },
    )?;
    notify_secretariat(
        conn,
        &Message::new("mail-membership-request")
            .with("name", &user.name)
            .with("email", &user.email)
            .with("institution", organisation_name)
            .with("link", format!("{public_url}{}", paths::MEMBERSHIPS)),
    )?;
    Ok(id)
}

/// Asks to act for an institution already in the portal.
/// Asks for `user` to act for an institution; the secretariat is told by e-mail, with a link
/// under `public_url`.
pub fn request_membership(
    conn: &mut DbConnection,
    user: &User,
    organisation_id: OrganisationId,
    public_url: &str,
) -> Result<MembershipId, FormError> {
    crate::db::write_transaction(conn, |conn| {
        let refused =
            |refusal: RequestRefused| FormError::invalid("organisation", refusal.message());
        let organisation = organisations::repository::find(conn, organisation_id)?
            .ok_or(refused(RequestRefused::NotInPortal))?;
        rules::may_request(&requests_of(conn, user)?, &organisation).map_err(refused)?;
        record_membership_request(conn, user, organisation_id, &organisation.name, public_url)
    })
}

pub struct NewInstitution<'a> {
    pub name: &'a str,
    pub country: &'a str,
    pub region: &'a str,
    pub kind: &'a str,
}

/// Registers an institution that is not in the portal yet; it and the membership wait for
/// the secretariat.
pub fn register_organisation(
    conn: &mut DbConnection,
    user: &User,
    institution: &NewInstitution<'_>,
    public_url: &str,
) -> Result<MembershipId, FormError> {
    let mut errors = FieldErrors::default();
    let name = institution.name.trim();
    let country = institution.country.trim();
    if name.is_empty() || name.chars().count() > 200 {
        errors.add(
            "organisation_name",
            Message::new("account-enter-the-institution-s"),
        );
    }
    if !countries::is_code(country) {
        errors.add("country", Message::new("account-choose-the-country"));
    }
    let region = Region::from_slug(institution.region);
    if region.is_none() {
        errors.add("region", Message::new("account-choose-the-issa-region"));
    }
    let kind = OrganisationKind::from_slug(institution.kind);
    if kind.is_none() {
        errors.add("kind", Message::new("account-choose-the-kind-of"));
    }
    let (Some(region), Some(kind)) = (region, kind) else {
        return Err(FormError::Invalid(errors));
    };
    errors.into_result()?;
    crate::db::write_transaction(conn, |conn| {
        rules::may_register(&requests_of(conn, user)?)
            .map_err(|refusal| FormError::invalid("organisation_name", refusal.message()))?;
        if organisations::repository::find_by_name(conn, name)?.is_some() {
            return Err(FormError::invalid(
                "organisation_name",
                Message::new("account-an-institution-of-this"),
            ));
        }
        let organisation_id = organisations::repository::insert(
            conn,
            &NewOrganisation {
                name,
                country,
                region,
                kind,
                approved: false,
            },
        )?;
        audit::record(
            conn,
            &Change {
                note: name,
                ..Change::new(
                    Some(user.id),
                    AuditSubject::Organisation,
                    organisation_id.0,
                    AuditAction::OrganisationRegistered,
                )
            },
        )?;
        record_membership_request(conn, user, organisation_id, name, public_url)
    })
}

/// The secretariat's decision on a membership request; approving it also approves an
/// institution the requester registered.
pub fn decide_membership(
    conn: &mut DbConnection,
    secretariat: &Secretariat,
    id: MembershipId,
    approve: bool,
    note: &str,
    now: NaiveDateTime,
) -> Result<(), FormError> {
    let note = note.trim();
    if !approve && note.is_empty() {
        return Err(FormError::invalid(
            "note",
            Message::new("account-give-the-reason-for"),
        ));
    }
    crate::db::write_transaction(conn, |conn| {
        let membership = repository::find_membership(conn, id)?
            .filter(rules::may_decide)
            .ok_or(AppError::NotFound)?;
        let organisation = organisations::repository::find(conn, membership.organisation_id)?
            .ok_or(AppError::NotFound)?;
        let requester =
            repository::find_user(conn, membership.user_id)?.ok_or(AppError::NotFound)?;
        let (status, action) = if approve {
            (MembershipStatus::Approved, AuditAction::MembershipApproved)
        } else {
            (MembershipStatus::Rejected, AuditAction::MembershipRejected)
        };
        repository::decide_membership(conn, id, status, secretariat.id, note, now)?;
        audit::record(
            conn,
            &Change {
                from_state: Some(MembershipStatus::Requested.slug()),
                to_state: Some(status.slug()),
                note,
                ..Change::new(Some(secretariat.id), AuditSubject::Membership, id.0, action)
            },
        )?;
        if approve && !organisation.approved {
            organisations::repository::approve(conn, organisation.id)?;
            audit::record(
                conn,
                &Change::new(
                    Some(secretariat.id),
                    AuditSubject::Organisation,
                    organisation.id.0,
                    AuditAction::OrganisationApproved,
                ),
            )?;
        }
        let mail = if approve {
            Message::new("mail-membership-approved")
        } else {
            Message::new("mail-membership-rejected")
        };
        outbox::queue(
            conn,
            &requester,
            &mail
                .with("name", &requester.name)
                .with("institution", &organisation.name)
                .with("note", note),
        )?;
        Ok(())
    })
}

/// Gives an account another role. The secretariat cannot demote itself, so that the
/// portal never loses its last administrator by a slip.
pub fn change_role(
    conn: &mut DbConnection,
    secretariat: &Secretariat,
    id: UserId,
    role: Role,
) -> Result<(), FormError> {
    if id == secretariat.id {
        return Err(FormError::invalid(
            "role",
            Message::new("account-you-cannot-change-your"),
        ));
    }
    crate::db::write_transaction(conn, |conn| {
        let user = repository::find_user(conn, id)?.ok_or(AppError::NotFound)?;
        if user.role == role {
            return Ok(());
        }
        repository::set_role(conn, id, role)?;
        audit::record(
            conn,
            &Change {
                from_state: Some(user.role.slug()),
                to_state: Some(role.slug()),
                ..Change::new(
                    Some(secretariat.id),
                    AuditSubject::Account,
                    id.0,
                    AuditAction::RoleChanged,
                )
            },
        )?;
        Ok(())
    })
}
