//! The page of an entry's versions in other languages, for the institution (and, to read, the
//! secretariat).

use actix_web::{web, HttpRequest, HttpResponse};

use super::rules::EntryAction;
use super::service::{self, EntryRecord};
use super::translations;
use crate::accounts::roles::{SignedIn, Submitter};
use crate::accounts::session::{Layout, Visitor};
use crate::db::DbConnection;
use crate::error::AppError;
use crate::forms::{FieldErrors, FormError, Posted};
use crate::http::Reply;
use crate::ids::EntryId;
use crate::language_versions::views::{Owner, VersionsPage};
use crate::language_versions::VersionForm;
use crate::languages::Message;
use crate::paths;
use crate::routes::Routes;
use crate::AppState;

pub fn routes(routes: &mut Routes) {
    routes
        .get(paths::ENTRY_TRANSLATIONS, versions)
        .post(paths::ENTRY_TRANSLATIONS, change_versions);
}

/// The versions, and while the entry allows, the form to add one (`?language=fr`: to change
/// that one).
async fn versions(
    state: web::Data<AppState>,
    req: HttpRequest,
    visitor: Visitor<SignedIn>,
    id: EntryId,
) -> Result<HttpResponse, AppError> {
    let editing = paths::query_value(req.query_string(), "language");
    let user = visitor.user.clone();
    let layout = visitor.layout();
    Reply::run(&state.pool, &visitor.session, move |conn| {
        let record = service::load(conn, &user, id)?;
        let form = VersionsPage::editing(&translations::of_entry(conn, id)?, editing);
        Reply::page(&versions_page(
            conn,
            layout,
            &record,
            form,
            FieldErrors::default(),
        )?)
    })
    .await
}

/// Saves a version (`action=save`) or removes one (`action=remove`, `language`).
async fn change_versions(
    state: web::Data<AppState>,
    id: EntryId,
    Posted { visitor, form }: Posted<Submitter>,
) -> Result<HttpResponse, AppError> {
    let user = visitor.user.clone();
    let layout = visitor.layout();
    let removing = (form.value("action") == "remove").then(|| form.value("language").to_owned());
    let typed = VersionForm::read(&form);
    Reply::run(&state.pool, &visitor.session, move |conn| {
        if let Some(language) = removing {
            if !translations::remove(conn, &user, id, &language)? {
                return Err(AppError::NotFound);
            }
            return Ok(Reply::redirect(
                paths::entry_translations(id),
                Message::new("translation-removed"),
            ));
        }
        match translations::save(conn, &user, id, &typed) {
            Ok(()) => Ok(Reply::redirect(
                paths::entry_translations(id),
                Message::new("translation-saved"),
            )),
            Err(FormError::Invalid(errors)) => {
                let record = service::load(conn, &user, id)?;
                Reply::invalid(&versions_page(conn, layout, &record, typed, errors)?)
            }
            Err(FormError::App(error)) => Err(error),
        }
    })
    .await
}

fn versions_page(
    conn: &mut DbConnection,
    layout: Layout,
    record: &EntryRecord,
    form: VersionForm,
    errors: FieldErrors,
) -> Result<VersionsPage, AppError> {
    let id = record.entry.id;
    let owner = Owner {
        title: record.content.fields.shown_title(layout.lang),
        url: paths::entry(id),
        original: translations::original_language(record).to_owned(),
        action: paths::entry_translations(id),
        editable: record.permits(EntryAction::Translate),
        intro: "translation-entry-intro",
    };
    let versions = translations::of_entry(conn, id)?;
    Ok(VersionsPage::new(
        layout,
        owner,
        &versions,
        |_| None,
        form,
        errors,
    ))
}
