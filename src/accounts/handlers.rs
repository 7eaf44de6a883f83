use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;

use super::service::{self, NewInstitution, Registration};
use super::session::{self, Visitor};
use super::views::{
    AccountPage, ChangePasswordPage, InstitutionInput, LoginPage, MembershipsPage,
    PendingMembership, RegisterPage, ResetPage, ResetRequestPage, UserRow, UsersPage,
};
use super::{repository, Role, User};
use crate::db;
use crate::error::AppError;
use crate::forms::{Choice, FieldErrors, FormError, PostedForm};
use crate::http::{local_path, render, render_invalid, see_other};
use crate::ids::{MembershipId, OrganisationId, UserId};
use crate::languages::Message;
use crate::organisations;
use crate::pagination::{requested_page, Paged};
use crate::routes::Routes;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes
        .get("/login", login_form)
        .post("/login", login)
        .post("/logout", logout)
        .get("/register", register_form)
        .post("/register", register)
        .get("/account", account)
        .get("/account/password", password_form)
        .post("/account/password", change_password)
        .post("/account/memberships", request_membership)
        .post("/account/organisations", register_organisation)
        .get("/password-reset", reset_request_form)
        .post("/password-reset", request_reset)
        .get("/password-reset/{token}", reset_form)
        .post("/password-reset/{token}", reset_password)
        .get("/admin/memberships", memberships)
        .post("/admin/memberships/{membership}", decide_membership)
        .get("/admin/users", users)
        .post("/admin/users/{user}/role", change_role);
}

/// Where a person lands after signing in, unless a page sent them to sign in.
fn home_of(user: &User) -> &'static str {
    match user.role {
        Role::Secretariat => "/admin",
        Role::Submitter => "/submissions",
        Role::Juror => "/jury",
    }
}

#[derive(Deserialize)]
struct NextQuery {
    #[serde(default)]
    next: String,
}

async fn login_form(
    visitor: Visitor,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, AppError> {
    render(&LoginPage {
        layout: visitor.layout(),
        email: String::new(),
        next: local_path(&query.next).unwrap_or_default().to_owned(),
        errors: FieldErrors::default(),
    })
}

async fn login(
    state: web::Data<AppState>,
    visitor: Visitor,
    req: HttpRequest,
    form: PostedForm,
) -> Result<HttpResponse, AppError> {
    let email = form.value("email").to_owned();
    let password = form.value("password").to_owned();
    let address = req
        .peer_addr()
        .map(|address| address.ip().to_string())
        .unwrap_or_default();
    let typed_email = email.clone();
    let outcome = db::run(&state.pool, move |conn| {
        service::sign_in(conn, &email, &password, &address, Utc::now().naive_utc())
    })
    .await?;
    let next = local_path(form.value("next"))
        .unwrap_or_default()
        .to_owned();
    match outcome {
        Ok(user) => {
            session::sign_in(&visitor.session, &user)?;
            session::flash(
                &visitor.session,
                Message::new("account-signed-in-as").with("name", &user.name),
            );
            let target = if next.is_empty() {
                home_of(&user)
            } else {
                &next
            };
            Ok(see_other(target))
        }
        Err(message) => render_invalid(&LoginPage {
            layout: visitor.layout(),
            email: typed_email,
            next,
            errors: FieldErrors::of("email", message),
        }),
    }
}

/// Signs out here and everywhere else: the session is a cookie, and only a new epoch stops a
/// copy of it from working.
async fn logout(
    state: web::Data<AppState>,
    visitor: Visitor,
    _form: PostedForm,
) -> Result<HttpResponse, AppError> {
    if let Some(user) = &visitor.user {
        let id = user.id;
        db::run(&state.pool, move |conn| {
            Ok(repository::end_sessions(conn, id)?)
        })
        .await?;
    }
    session::sign_out(&visitor.session);
    session::flash(&visitor.session, Message::new("account-you-are-signed-out"));
    Ok(see_other("/"))
}

async fn register_form(visitor: Visitor) -> Result<HttpResponse, AppError> {
    render(&RegisterPage {
        layout: visitor.layout(),
        full_name: String::new(),
        email: String::new(),
        errors: FieldErrors::default(),
    })
}

async fn register(
    state: web::Data<AppState>,
    visitor: Visitor,
    form: PostedForm,
) -> Result<HttpResponse, AppError> {
    let (name, email) = (
        form.value("name").to_owned(),
        form.value("email").to_owned(),
    );
    let (password, confirmation) = (
        form.value("password").to_owned(),
        form.value("confirmation").to_owned(),
    );
    let registration = (name.clone(), email.clone());
    let language = visitor.lang();
    let outcome = db::run(&state.pool, move |conn| {
        Ok(service::register(
            conn,
            &Registration {
                name: &registration.0,
                email: &registration.1,
                password: &password,
                confirmation: &confirmation,
                language,
            },
        ))
    })
    .await?;
    match outcome {
        Ok(user) => {
            session::sign_in(&visitor.session, &user)?;
            session::flash(
                &visitor.session,
                Message::new("account-welcome-next-ask-to"),
            );
            Ok(see_other("/account"))
        }
        Err(error) => {
            let errors = error.into_problems()?;
            render_invalid(&RegisterPage {
                layout: visitor.layout(),
                full_name: name,
                email,
                errors,
            })
        }
    }
}

async fn account_page(
    state: &AppState,
    visitor: &Visitor,
    institution: InstitutionInput,
    errors: FieldErrors,
) -> Result<AccountPage, AppError> {
    let user = visitor.user()?.clone();
    let layout = visitor.layout();
    db::run(&state.pool, move |conn| {
        let memberships = repository::memberships_of(conn, user.id)?;
        let joinable = organisations::repository::approved(conn)?
            .into_iter()
            .filter(|organisation| {
                !memberships
                    .iter()
                    .any(|(_, member_of)| member_of.id == organisation.id)
            })
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

async fn account(state: web::Data<AppState>, visitor: Visitor) -> Result<HttpResponse, AppError> {
    let page = account_page(
        &state,
        &visitor,
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
    visitor: &Visitor,
    outcome: Result<MembershipId, FormError>,
    institution: InstitutionInput,
) -> Result<HttpResponse, AppError> {
    match outcome {
        Ok(_) => {
            session::flash(
                &visitor.session,
                Message::new("account-your-request-has-been"),
            );
            Ok(see_other("/account"))
        }
        Err(error) => {
            let errors = error.into_problems()?;
            render_invalid(&account_page(state, visitor, institution, errors).await?)
        }
    }
}

async fn request_membership(
    state: web::Data<AppState>,
    visitor: Visitor,
    form: PostedForm,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user_in_role(Role::Submitter)?;
    let organisation = form.value("organisation").parse().map(OrganisationId);
    let outcome = db::run(&state.pool, move |conn| {
        Ok(match organisation {
            Ok(organisation) => service::request_membership(conn, &user, organisation),
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
    visitor: Visitor,
    form: PostedForm,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user_in_role(Role::Submitter)?;
    let input = InstitutionInput {
        name: form.value("organisation_name").to_owned(),
        country: form.value("country").to_owned(),
        region: form.value("region").to_owned(),
        kind: form.value("kind").to_owned(),
    };
    let typed = input.clone();
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
        ))
    })
    .await?;
    after_membership_form(&state, &visitor, outcome, input).await
}

async fn password_form(visitor: Visitor) -> Result<HttpResponse, AppError> {
    visitor.user()?;
    render(&ChangePasswordPage {
        layout: visitor.layout(),
        errors: FieldErrors::default(),
    })
}

async fn change_password(
    state: web::Data<AppState>,
    visitor: Visitor,
    form: PostedForm,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user()?.clone();
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
            Ok(see_other("/account"))
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

async fn reset_request_form(visitor: Visitor) -> Result<HttpResponse, AppError> {
    render(&ResetRequestPage {
        layout: visitor.layout(),
        email: String::new(),
        sent: false,
    })
}

async fn request_reset(
    state: web::Data<AppState>,
    visitor: Visitor,
    form: PostedForm,
) -> Result<HttpResponse, AppError> {
    let email = form.value("email").to_owned();
    let public_url = state.public_url().to_string();
    let typed = email.clone();
    db::run(&state.pool, move |conn| {
        service::request_password_reset(conn, &typed, &public_url, Utc::now().naive_utc())
    })
    .await?;
    render(&ResetRequestPage {
        layout: visitor.layout(),
        email,
        sent: true,
    })
}

async fn reset_form(
    state: web::Data<AppState>,
    visitor: Visitor,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let checked = token.clone();
    let usable = db::run(&state.pool, move |conn| {
        service::reset_link_is_usable(conn, &checked, Utc::now().naive_utc())
    })
    .await?;
    render(&ResetPage {
        layout: visitor.layout(),
        token,
        usable,
        errors: FieldErrors::default(),
    })
}

async fn reset_password(
    state: web::Data<AppState>,
    visitor: Visitor,
    token: web::Path<String>,
    form: PostedForm,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    let password = form.value("password").to_owned();
    let confirmation = form.value("confirmation").to_owned();
    let used = token.clone();
    let outcome = db::run(&state.pool, move |conn| {
        Ok(service::reset_password(
            conn,
            &used,
            &password,
            &confirmation,
            Utc::now().naive_utc(),
        ))
    })
    .await?;
    match outcome {
        Ok(()) => {
            session::flash(
                &visitor.session,
                Message::new("account-your-password-has-been-2"),
            );
            Ok(see_other("/login"))
        }
        // A link used up or expired while the form was open.
        Err(FormError::App(AppError::NotFound)) => render_invalid(&ResetPage {
            layout: visitor.layout(),
            token,
            usable: false,
            errors: FieldErrors::default(),
        }),
        Err(error) => render_invalid(&ResetPage {
            layout: visitor.layout(),
            token,
            usable: true,
            errors: error.into_problems()?,
        }),
    }
}

async fn memberships_page(
    state: &AppState,
    visitor: &Visitor,
    requested: usize,
    errors: FieldErrors,
) -> Result<MembershipsPage, AppError> {
    visitor.user_in_role(Role::Secretariat)?;
    let layout = visitor.layout();
    let lang = layout.lang;
    let pending = db::run(&state.pool, move |conn| {
        let total = repository::count_pending_memberships(conn)?;
        Ok(Paged::load(
            requested,
            total,
            |page| format!("/admin/memberships?page={page}"),
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
                id: membership.id.0,
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
    visitor: Visitor,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let page = requested_page(req.query_string());
    render(&memberships_page(&state, &visitor, page, FieldErrors::default()).await?)
}

async fn decide_membership(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: MembershipId,
    form: PostedForm,
) -> Result<HttpResponse, AppError> {
    let secretariat = visitor.user_in_role(Role::Secretariat)?;
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
            Ok(see_other("/admin/memberships"))
        }
        Err(error) => {
            let errors = error.into_problems()?;
            render_invalid(&memberships_page(&state, &visitor, 1, errors).await?)
        }
    }
}

async fn users_page(
    state: &AppState,
    visitor: &Visitor,
    requested: usize,
    errors: FieldErrors,
) -> Result<UsersPage, AppError> {
    let secretariat = visitor.user_in_role(Role::Secretariat)?;
    let layout = visitor.layout();
    let lang = layout.lang;
    let users = db::run(&state.pool, move |conn| {
        let total = repository::count_users(conn)?;
        Ok(Paged::load(
            requested,
            total,
            |page| format!("/admin/users?page={page}"),
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
                id: user.id.0,
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
    visitor: Visitor,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let page = requested_page(req.query_string());
    render(&users_page(&state, &visitor, page, FieldErrors::default()).await?)
}

async fn change_role(
    state: web::Data<AppState>,
    visitor: Visitor,
    id: UserId,
    form: PostedForm,
) -> Result<HttpResponse, AppError> {
    let secretariat = visitor.user_in_role(Role::Secretariat)?;
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
            Ok(see_other("/admin/users"))
        }
        Err(error) => {
            let errors = error.into_problems()?;
            render_invalid(&users_page(&state, &visitor, 1, errors).await?)
        }
    }
}
