//! The pages of accounts, memberships and the secretariat's account administration.

use askama::Template;

use super::session::Layout;
use super::{Membership, MembershipStatus, Role, User};
use crate::forms::{Choice, FieldErrors};
use crate::ids::{MembershipId, UserId};
use crate::languages::countries;
use crate::organisations::Organisation;
use crate::pagination::Pagination;
use crate::taxonomy::{OrganisationKind, Region};

#[derive(Template)]
#[template(path = "accounts/login.html")]
pub struct LoginPage {
    pub layout: Layout,
    pub email: String,
    pub next: String,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "accounts/register.html")]
pub struct RegisterPage {
    pub layout: Layout,
    /// Not `name`, which the form macros use for the field's name.
    pub full_name: String,
    pub email: String,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "accounts/change_password.html")]
pub struct ChangePasswordPage {
    pub layout: Layout,
    pub errors: FieldErrors,
}

#[derive(Template)]
#[template(path = "accounts/reset_request.html")]
pub struct ResetRequestPage {
    pub layout: Layout,
    pub email: String,
    pub sent: bool,
}

#[derive(Template)]
#[template(path = "accounts/reset.html")]
pub struct ResetPage {
    pub layout: Layout,
    pub token: String,
    pub usable: bool,
    pub errors: FieldErrors,
}

pub struct MembershipRow {
    pub organisation: String,
    pub status: MembershipStatus,
    pub note: String,
}

/// What was typed into the "register a new institution" form.
#[derive(Clone, Default)]
pub struct InstitutionInput {
    pub name: String,
    pub country: String,
    pub region: String,
    pub kind: String,
}

#[derive(Template)]
#[template(path = "accounts/account.html")]
pub struct AccountPage {
    pub layout: Layout,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub memberships: Vec<MembershipRow>,
    pub organisations: Vec<Choice>,
    pub institution: InstitutionInput,
    pub countries: Vec<Choice>,
    pub regions: Vec<Choice>,
    pub kinds: Vec<Choice>,
    pub errors: FieldErrors,
}

impl AccountPage {
    pub fn new(
        layout: Layout,
        user: &User,
        memberships: Vec<(Membership, Organisation)>,
        joinable: Vec<Organisation>,
        institution: InstitutionInput,
        errors: FieldErrors,
    ) -> AccountPage {
        let lang = layout.lang;
        AccountPage {
            layout,
            name: user.name.clone(),
            email: user.email.clone(),
            role: user.role,
            memberships: memberships
                .into_iter()
                .map(|(membership, organisation)| MembershipRow {
                    organisation: organisation.name,
                    status: membership.status,
                    note: membership.decision_note,
                })
                .collect(),
            organisations: joinable
                .into_iter()
                .map(|organisation| Choice {
                    value: organisation.id.to_string(),
                    label: organisation.name_and_country(lang),
                    selected: false,
                })
                .collect(),
            countries: countries::choices(lang)
                .into_iter()
                .map(|(code, name)| Choice {
                    value: code.to_owned(),
                    label: name.to_owned(),
                    selected: code == institution.country,
                })
                .collect(),
            regions: Choice::terms::<Region>(std::slice::from_ref(&institution.region), lang),
            kinds: Choice::terms::<OrganisationKind>(std::slice::from_ref(&institution.kind), lang),
            institution,
            errors,
        }
    }
}

pub struct PendingMembership {
    pub id: MembershipId,
    pub person: String,
    pub email: String,
    pub organisation: String,
    pub country: String,
    pub region: String,
    pub new_institution: bool,
    pub requested_at: String,
}

#[derive(Template)]
#[template(path = "admin/memberships.html")]
pub struct MembershipsPage {
    pub layout: Layout,
    pub total: usize,
    pub pending: Vec<PendingMembership>,
    pub pagination: Pagination,
    pub errors: FieldErrors,
}

pub struct UserRow {
    pub id: UserId,
    pub name: String,
    pub email: String,
    pub roles: Vec<Choice>,
    pub is_self: bool,
}

#[derive(Template)]
#[template(path = "admin/users.html")]
pub struct UsersPage {
    pub layout: Layout,
    pub users: Vec<UserRow>,
    pub total: usize,
    pub pagination: Pagination,
    pub errors: FieldErrors,
}
