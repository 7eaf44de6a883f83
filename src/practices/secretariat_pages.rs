//! The secretariat's pages of a published practice: its versions in other languages.

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;

use super::repository;
use super::translations;
use super::views::version_url;
use crate::accounts::roles::Secretariat;
use crate::accounts::session::{self, Layout, Visitor};
use crate::db::{self, DbConnection};
use crate::error::AppError;
use crate::forms::{FieldErrors, FormError, Posted};
use crate::http::{render, render_invalid, see_other};
use crate::ids::PracticeId;
use crate::language_versions::views::{Owner, VersionsPage};
use crate::language_versions::VersionForm;
use crate::languages::Message;
use crate::paths;
use crate::routes::Routes;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes
        .get(paths::PRACTICE_TRANSLATIONS, versions)
        .post(paths::PRACTICE_TRANSLATIONS, change_versions);
}

/// The versions, and the form to add one (`?language=fr`: to change that one).
async fn versions(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor<Secretariat>,
    id: PracticeId,
) -> Result<HttpResponse, AppError> {
    let editing = paths::query_value(req.query_string(), "language");
    let layout = visitor.layout();
    let page = db::run(&state.pool, move |conn| {
        let form = VersionsPage::editing(&translations::of_practice(conn, id)?, editing);
        versions_page(conn, layout, id, form, FieldErrors::default())
    })
    .await?;
    render(&page)
}

/// Saves a version (`action=save`) or removes one (`action=remove`, `language`).
async fn change_versions(
    state: web::Data<AppState>,
    id: PracticeId,
    Posted { visitor, form }: Posted<Secretariat>,
) -> Result<HttpResponse, AppError> {
    let secretariat = visitor.user.clone();
    let now = Utc::now().naive_utc();
    if form.value("action") == "remove" {
        let language = form.value("language").to_owned();
        let removed = db::run(&state.pool, move |conn| {
            translations::remove(conn, &secretariat, id, &language, now)
        })
        .await?;
        if !removed {
            return Err(AppError::NotFound);
        }
        session::flash(&visitor.session, Message::new("translation-removed"));
        return Ok(see_other(&paths::practice_translations(id)));
    }
    let typed = VersionForm::read(&form);
    let layout = visitor.layout();
    let refused = db::run(&state.pool, move |conn| {
        match translations::save(conn, &secretariat, &typed, id, now) {
            Ok(()) => Ok(None),
            Err(FormError::Invalid(errors)) => {
                versions_page(conn, layout, id, typed, errors).map(Some)
            }
            Err(FormError::App(error)) => Err(error),
        }
    })
    .await?;
    match refused {
        Some(page) => render_invalid(&page),
        None => {
            session::flash(&visitor.session, Message::new("translation-saved"));
            Ok(see_other(&paths::practice_translations(id)))
        }
    }
}

fn versions_page(
    conn: &mut DbConnection,
    layout: Layout,
    id: PracticeId,
    form: VersionForm,
    errors: FieldErrors,
) -> Result<VersionsPage, AppError> {
    let practice = repository::find_published(conn, id)?
        .ok_or(AppError::NotFound)?
        .practice;
    let owner = Owner {
        title: practice.title,
        url: paths::practice(id),
        original: practice.language.slug().to_owned(),
        action: paths::practice_translations(id),
        editable: true,
        intro: "translation-practice-intro",
    };
    let versions = translations::of_practice(conn, id)?;
    Ok(VersionsPage::new(
        layout,
        owner,
        &versions,
        |code| Some(version_url(id, code)),
        form,
        errors,
    ))
}
