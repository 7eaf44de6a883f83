//! The signed-in person's own pages: their account, their password, asking to act for an
//! institution.

use actix_web::{web, HttpResponse};

use super::roles::{SignedIn, Submitter};
use super::service::{self, NewInstitution};
use super::session::{self, Layout, Visitor};
use super::views::{AccountPage, ChangePasswordPage, InstitutionInput};
use super::{repository, rules, Membership, User};
use crate::db;
use crate::error::AppError;
use crate::forms::{FieldErrors, FormError, Posted};
use crate::http::{render, render_invalid, see_other};
use crate::ids::{MembershipId, OrganisationId};
use crate::languages::Message;
use crate::organisations;
use crate::paths;
use crate::routes::Routes;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes
        .get(paths::ACCOUNT, account)
        .get(paths::ACCOUNT_PASSWORD, password_form)
        .post(paths::ACCOUNT_PASSWORD, change_password)
        .post(paths::ACCOUNT_MEMBERSHIPS, request_membership)
        .post(paths::ACCOUNT_ORGANISATIONS, register_organisation);
}

async fn account_page(
    state: &AppState,
    layout: Layout,
    user: User,
    institution: InstitutionInput,
    errors: FieldErrors,
) -> Result<AccountPage, AppError> {
    db::run(&state.pool, move |conn| {
        let memberships = repository::memberships_of(conn, user.id)?;
        let theirs: Vec<Membership> = memberships.iter().map(|(m, _)| m.clone()).collect();
        let joinable = organisations::repository::approved(conn)?
            .into_iter()
            .filter(|organisation| rules::offers(&theirs, organisation))
            .collect();
        Ok(AccountPage::new(
            layout,
            &user,
            memberships,
            joinable,
            institution,
            errors,
        ))
    })
    .await
}

async fn account(
    state: web::Data<AppState>,
    visitor: Visitor<SignedIn>,
) -> Result<HttpResponse, AppError> {
    let page = account_page(
        &state,
        visitor.layout(),
        User::clone(&visitor.user),
        InstitutionInput::default(),
        FieldErrors::default(),
    )
    .await?;
    render(&page)
}

/// Shows the account page after a membership form: back to it on success, or again with
/// the problems marked.
async fn after_membership_form(
    state: &AppState,
    visitor: &Visitor<Submitter>,
    outcome: Result<MembershipId, FormError>,
    institution: InstitutionInput,
) -> Result<HttpResponse, AppError> {
    match outcome {
        Ok(_) => {
            session::flash(
                &visitor.session,
                Message::new("account-your-request-has-been"),
            );
            Ok(see_other(paths::ACCOUNT))
        }
        Err(error) => {
            let errors = error.into_problems()?;
            let page = account_page(
                state,
                visitor.layout(),
                User::clone(&visitor.user),
                institution,
                errors,
            )
            .await?;
            render_invalid(&page)
        }
    }
}

async fn request_membership(
    state: web::Data<AppState>,
    Posted { visitor, form }: Posted<Submitter>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let organisation = form.value("organisation").parse().map(OrganisationId);
    let public_url = state.public_url();
    let outcome = db::run(&state.pool, move |conn| {
        Ok(match organisation {
            Ok(organisation) => service::request_membership(conn, &user, organisation, &public_url),
            Err(_) => Err(FormError::invalid(
                "organisation",
                Message::new("account-choose-an-institution"),
            )),
        })
    })
    .await?;
    after_membership_form(&state, &visitor, outcome, InstitutionInput::default()).await
}

async fn register_organisation(
    state: web::Data<AppState>,
    Posted { visitor, form }: Posted<Submitter>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let input = InstitutionInput {
        name: form.value("organisation_name").to_owned(),
        country: form.value("country").to_owned(),
        region: form.value("region").to_owned(),
        kind: form.value("kind").to_owned(),
    };
    let typed = input.clone();
    let public_url = state.public_url();
    let outcome = db::run(&state.pool, move |conn| {
        Ok(service::register_organisation(
            conn,
            &user,
            &NewInstitution {
                name: &typed.name,
                country: &typed.country,
                region: &typed.region,
                kind: &typed.kind,
            },
            &public_url,
        ))
    })
    .await?;
    after_membership_form(&state, &visitor, outcome, input).await
}

async fn password_form(visitor: Visitor<SignedIn>) -> Result<HttpResponse, AppError> {
    render(&ChangePasswordPage {
        layout: visitor.layout(),
        errors: FieldErrors::default(),
    })
}

async fn change_password(
    state: web::Data<AppState>,
    Posted { visitor, form }: Posted<SignedIn>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let current = form.value("current_password").to_owned();
    let password = form.value("password").to_owned();
    let confirmation = form.value("confirmation").to_owned();
    let outcome = db::run(&state.pool, move |conn| {
        Ok(service::change_password(
            conn,
            &user,
            &current,
            &password,
            &confirmation,
        ))
    })
    .await?;
    match outcome {
        Ok(user) => {
            // The password change ended every session; this one starts again at once.
            session::sign_in(&visitor.session, &user)?;
            session::flash(
                &visitor.session,
                Message::new("account-your-password-has-been"),
            );
            Ok(see_other(paths::ACCOUNT))
        }
        Err(error) => {
            let errors = error.into_problems()?;
            render_invalid(&ChangePasswordPage {
                layout: visitor.layout(),
                errors,
            })
        }
    }
}
