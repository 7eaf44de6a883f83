//! The pages of alerts, for anyone: following a search, and the two links of its e-mails.

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;

use super::service::{self, Request};
use super::views::{AlertLinkPage, NewAlertPage};
use super::Alert;
use crate::accounts::session::{Layout, Visitor};
use crate::error::AppError;
use crate::forms::PostedForm;
use crate::http::{render, render_invalid, with_catalog};
use crate::paths;
use crate::practices::facets::BrowseQuery;
use crate::routes::Routes;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes
        .get(paths::NEW_ALERT, new_alert)
        .post(paths::ALERTS, ask)
        .get(paths::ALERT_CONFIRM, confirmation)
        .post(paths::ALERT_CONFIRM, confirm)
        .get(paths::ALERT_END, ending)
        .post(paths::ALERT_END, end);
}

/// The form, for the search and filters of the list it was linked from.
async fn new_alert(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor,
) -> Result<HttpResponse, AppError> {
    let search = BrowseQuery::parse(req.query_string());
    let lang = visitor.lang();
    let (scope, search) = with_catalog(&state, move |_, catalog| {
        Ok((service::in_words(&search, catalog, lang), search))
    })
    .await?;
    render(&NewAlertPage::new(visitor.layout(), &search, scope))
}

async fn ask(
    state: web::Data<AppState>,
    visitor: Visitor,
    form: PostedForm,
) -> Result<HttpResponse, AppError> {
    let search = BrowseQuery::parse(form.value("search"));
    let email = form.value("email").to_owned();
    let lang = visitor.lang();
    let public_url = state.public_url();
    let typed = email.clone();
    let (outcome, scope, search) = with_catalog(&state, move |conn, catalog| {
        let request = Request {
            email: &typed,
            search: &search,
            lang,
        };
        let outcome = service::ask(conn, catalog, &request, &public_url, Utc::now().naive_utc());
        Ok((outcome, service::in_words(&search, catalog, lang), search))
    })
    .await?;
    let mut page = NewAlertPage::new(visitor.layout(), &search, scope);
    page.email = email;
    match outcome {
        Ok(()) => {
            page.sent = true;
            render(&page)
        }
        Err(error) => {
            page.errors = error.into_problems()?;
            render_invalid(&page)
        }
    }
}

/// Runs `act` on the alert of the link and renders `page` of it, its search in words.
async fn with_alert(
    state: web::Data<AppState>,
    visitor: Visitor,
    token: String,
    act: fn(&mut crate::db::DbConnection, &str, chrono::NaiveDateTime) -> Result<Alert, AppError>,
    page: fn(Layout, &Alert, String) -> AlertLinkPage,
) -> Result<HttpResponse, AppError> {
    let lang = visitor.lang();
    let (alert, scope) = with_catalog(&state, move |conn, catalog| {
        let alert = act(conn, &token, Utc::now().naive_utc())?;
        let scope = service::in_words(&alert.search(), catalog, lang);
        Ok((alert, scope))
    })
    .await?;
    render(&page(visitor.layout(), &alert, scope))
}

async fn confirmation(
    state: web::Data<AppState>,
    visitor: Visitor,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    with_alert(
        state,
        visitor,
        token,
        service::of_link,
        AlertLinkPage::to_confirm,
    )
    .await
}

async fn confirm(
    state: web::Data<AppState>,
    visitor: Visitor,
    token: web::Path<String>,
    _: PostedForm,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    with_alert(
        state,
        visitor,
        token,
        service::confirm,
        AlertLinkPage::confirmed,
    )
    .await
}

async fn ending(
    state: web::Data<AppState>,
    visitor: Visitor,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    with_alert(
        state,
        visitor,
        token,
        service::of_link,
        AlertLinkPage::to_end,
    )
    .await
}

/// One click, from the page or from a mail program (RFC 8058: a POST of
/// `List-Unsubscribe=One-Click`, with no cookie and so no CSRF token). The token of the link
/// is the authority: only the holder of the address has it, and ending an alert is all it can
/// do.
async fn end(
    state: web::Data<AppState>,
    visitor: Visitor,
    token: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let token = token.into_inner();
    with_alert(state, visitor, token, service::end, AlertLinkPage::ended).await
}
