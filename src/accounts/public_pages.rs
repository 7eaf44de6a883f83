//! Pages for anyone: signing in and out, registering, resetting a password.

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;

use super::service::{self, Registration};
use super::session::{self, Visitor};
use super::views::{LoginPage, RegisterPage, ResetPage, ResetRequestPage};
use super::{repository, Role, User};
use crate::db;
use crate::error::AppError;
use crate::forms::{FieldErrors, FormError, PostedForm};
use crate::http::{local_path, render, render_invalid, see_other};
use crate::languages::Message;
use crate::paths;
use crate::routes::Routes;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes
        .get(paths::SIGN_IN, login_form)
        .post(paths::SIGN_IN, login)
        .post(paths::SIGN_OUT, logout)
        .get(paths::REGISTER, register_form)
        .post(paths::REGISTER, register)
        .get(paths::PASSWORD_RESET, reset_request_form)
        .post(paths::PASSWORD_RESET, request_reset)
        .get(paths::PASSWORD_RESET_FORM, reset_form)
        .post(paths::PASSWORD_RESET_FORM, reset_password);
}

/// Where a person lands after signing in, unless a page sent them to sign in.
fn home_of(user: &User) -> &'static str {
    match user.role {
        Role::Secretariat => paths::ADMIN,
        Role::Submitter => paths::SUBMISSIONS,
        Role::Juror => paths::JURY,
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
    Ok(see_other(paths::HOME))
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
            Ok(see_other(paths::ACCOUNT))
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
            Ok(see_other(paths::SIGN_IN))
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
