//! The secretariat's pages of accounts: membership requests and roles.

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;

use super::roles::Secretariat;
use super::service::{self};
use super::session::{self, Visitor};
use super::views::{MembershipsPage, PendingMembership, UserRow, UsersPage};
use super::{repository, Role};
use crate::db;
use crate::error::AppError;
use crate::forms::{Choice, FieldErrors, FormError, Posted};
use crate::http::{render, render_invalid, see_other};
use crate::ids::{MembershipId, UserId};
use crate::languages::Message;
use crate::pagination::{requested_page, Paged};
use crate::paths;
use crate::routes::Routes;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes
        .get(paths::MEMBERSHIPS, memberships)
        .post(paths::MEMBERSHIP, decide_membership)
        .get(paths::USERS, users)
        .post(paths::USER_ROLE, change_role);
}

async fn memberships_page(
    state: &AppState,
    visitor: &Visitor<Secretariat>,
    requested: usize,
    errors: FieldErrors,
) -> Result<MembershipsPage, AppError> {
    let layout = visitor.layout();
    let lang = layout.lang;
    let pending = db::run(&state.pool, move |conn| {
        let total = repository::count_pending_memberships(conn)?;
        Ok(Paged::load(
            requested,
            total,
            |page| format!("{}?page={page}", paths::MEMBERSHIPS),
            |offset, limit| repository::pending_memberships(conn, offset, limit),
        )?)
    })
    .await?;
    Ok(MembershipsPage {
        layout,
        total: pending.total,
        pagination: pending.pagination,
        pending: pending
            .rows
            .into_iter()
            .map(|(membership, user, organisation)| PendingMembership {
                id: membership.id,
                person: user.name,
                email: user.email,
                organisation: organisation.name,
                country: organisation.country,
                region: organisation.region.label(lang),
                new_institution: !organisation.approved,
                requested_at: crate::languages::dates::short(&membership.requested_at, lang),
            })
            .collect(),
        errors,
    })
}

async fn memberships(
    state: web::Data<AppState>,
    visitor: Visitor<Secretariat>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let page = requested_page(req.query_string());
    render(&memberships_page(&state, &visitor, page, FieldErrors::default()).await?)
}

async fn decide_membership(
    state: web::Data<AppState>,
    id: MembershipId,
    Posted { visitor, form }: Posted<Secretariat>,
) -> Result<HttpResponse, AppError> {
    let secretariat = visitor.user.clone();
    let approve = form.value("decision") == "approve";
    let note = form.value("note").to_owned();
    let outcome = db::run(&state.pool, move |conn| {
        Ok(service::decide_membership(
            conn,
            &secretariat,
            id,
            approve,
            &note,
            Utc::now().naive_utc(),
        ))
    })
    .await?;
    match outcome {
        Ok(()) => {
            let message = if approve {
                Message::new("account-membership-approved")
            } else {
                Message::new("account-membership-rejected")
            };
            session::flash(&visitor.session, message);
            Ok(see_other(paths::MEMBERSHIPS))
        }
        Err(error) => {
            let errors = error.into_problems()?;
            render_invalid(&memberships_page(&state, &visitor, 1, errors).await?)
        }
    }
}

async fn users_page(
    state: &AppState,
    visitor: &Visitor<Secretariat>,
    requested: usize,
    errors: FieldErrors,
) -> Result<UsersPage, AppError> {
    let secretariat = visitor.user.clone();
    let layout = visitor.layout();
    let lang = layout.lang;
    let users = db::run(&state.pool, move |conn| {
        let total = repository::count_users(conn)?;
        Ok(Paged::load(
            requested,
            total,
            |page| format!("{}?page={page}", paths::USERS),
            |offset, limit| repository::users_page(conn, offset, limit),
        )?)
    })
    .await?;
    Ok(UsersPage {
        layout,
        total: users.total,
        pagination: users.pagination,
        users: users
            .rows
            .into_iter()
            .map(|user| UserRow {
                id: user.id,
                is_self: user.id == secretariat.id,
                roles: Choice::terms::<Role>(&[user.role.slug().to_owned()], lang),
                name: user.name,
                email: user.email,
            })
            .collect(),
        errors,
    })
}

async fn users(
    state: web::Data<AppState>,
    visitor: Visitor<Secretariat>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let page = requested_page(req.query_string());
    render(&users_page(&state, &visitor, page, FieldErrors::default()).await?)
}

async fn change_role(
    state: web::Data<AppState>,
    id: UserId,
    Posted { visitor, form }: Posted<Secretariat>,
) -> Result<HttpResponse, AppError> {
    let secretariat = visitor.user.clone();
    let role = Role::from_slug(form.value("role"));
    let outcome = db::run(&state.pool, move |conn| {
        Ok(match role {
            Some(role) => service::change_role(conn, &secretariat, id, role),
            None => Err(FormError::invalid(
                "role",
                Message::new("account-choose-a-role"),
            )),
        })
    })
    .await?;
    match outcome {
        Ok(()) => {
            session::flash(&visitor.session, Message::new("account-the-role-has-been"));
            Ok(see_other(paths::USERS))
        }
        Err(error) => {
            let errors = error.into_problems()?;
            render_invalid(&users_page(&state, &visitor, 1, errors).await?)
        }
    }
}
