//! Posted forms: read as the text the person typed (so a form can always be shown again
//! exactly as sent, less the characters no page may carry: `text::clean`), and accepted only
//! with the session's CSRF token. Every state-changing route takes a `PostedForm` (or, for
//! uploads, checks the token itself with `session::verify_csrf`), which makes this the one
//! place the token is enforced.

use actix_session::SessionExt;
use actix_web::dev::Payload;
use actix_web::web::Bytes;
use actix_web::{FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use futures_util::StreamExt;

use crate::accounts::roles::Person;
use crate::accounts::session::{verify_csrf, Visitor, CSRF_FIELD};
use crate::error::AppError;
use crate::languages::{iso639, Lang, Message};
use crate::text::clean;

#[derive(Debug, Default)]
pub struct PostedForm {
    fields: Vec<(String, String)>,
}

impl FromRequest for PostedForm {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let session = req.get_session();
        let body = Bytes::from_request(req, payload);
        Box::pin(async move {
            // actix's default limit (256 kB) is many times the longest entry form.
            let body: Bytes = body.await.map_err(|_| AppError::FormTooLarge)?;
            let form = PostedForm::parse(&body);
            verify_csrf(&session, form.value(CSRF_FIELD))?;
            Ok(form)
        })
    }
}

/// A form posted by a person of the role its route admits. The CSRF token is checked before
/// who sent it (actix extracts a handler's arguments at once, so a form and a role taken
/// apart would race), and a form without its token is refused alike for everyone.
pub struct Posted<P: Person, F = PostedForm> {
    pub visitor: Visitor<P>,
    pub form: F,
}

impl<P, F> FromRequest for Posted<P, F>
where
    P: Person + 'static,
    F: FromRequest<Error = AppError> + 'static,
{
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let form = F::from_request(req, payload);
        let req = req.clone();
        Box::pin(async move {
            let form = form.await?;
            let visitor = Visitor::<P>::from_request(&req, &mut Payload::None).await?;
            Ok(Posted { visitor, form })
        })
    }
}

impl PostedForm {
    pub fn parse(body: &[u8]) -> PostedForm {
        PostedForm {
            fields: form_urlencoded::parse(body)
                .map(|(name, value)| (name.into_owned(), clean(&value).into_owned()))
                .collect(),
        }
    }

    /// The first value sent under `name`, or empty.
    pub fn value(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(key, _)| key == name)
            .map_or("", |(_, value)| value.as_str())
    }

    /// Every value sent under `name`, as for a group of checkboxes.
    pub fn values(&self, name: &str) -> Vec<String> {
        self.fields
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .collect()
    }

    pub fn checked(&self, name: &str) -> bool {
        !self.value(name).is_empty()
    }

    /// The values of fields named `prefix` and a number (`entry-12`), by that number; other
    /// fields with the prefix are not the form's and are left out.
    pub fn numbered(&self, prefix: &str) -> Vec<(i32, &str)> {
        self.fields
            .iter()
            .filter_map(|(key, value)| {
                let number = key.strip_prefix(prefix)?.parse().ok()?;
                Some((number, value.as_str()))
            })
            .collect()
    }
}

/// A problem with one field of a form, shown next to it and in the summary above the form.
#[derive(Debug, Clone)]
pub struct FieldError {
    /// The field's `name`, which is also its element id.
    pub field: &'static str,
    pub message: Message,
}

#[derive(Debug, Clone, Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn add(&mut self, field: &'static str, message: Message) {
        self.0.push(FieldError { field, message });
    }

    /// The message for `field`, for templates (`errors.get("title")`).
    pub fn get(&self, field: &str) -> Option<&Message> {
        self.0
            .iter()
            .find(|error| error.field == field)
            .map(|error| &error.message)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every message, for a page that shows no form (a flash message).
    pub fn messages(&self) -> Vec<Message> {
        self.0.iter().map(|error| error.message.clone()).collect()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, FieldError> {
        self.0.iter()
    }

    /// `Ok` when there is nothing to report.
    pub fn into_result(self) -> Result<(), FormError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(FormError::Invalid(self))
        }
    }

    pub fn of(field: &'static str, message: Message) -> FieldErrors {
        let mut errors = FieldErrors::default();
        errors.add(field, message);
        errors
    }
}

/// Why a form was not accepted: something the person can fix, or a failure of the portal.
#[derive(Debug)]
pub enum FormError {
    Invalid(FieldErrors),
    App(AppError),
}

impl<E: Into<AppError>> From<E> for FormError {
    fn from(error: E) -> Self {
        FormError::App(error.into())
    }
}

impl FormError {
    /// What the person can fix; a failure of the portal goes on as the error it is.
    pub fn into_problems(self) -> Result<FieldErrors, AppError> {
        match self {
            FormError::Invalid(errors) => Ok(errors),
            FormError::App(error) => Err(error),
        }
    }

    pub fn invalid(field: &'static str, message: Message) -> FormError {
        FormError::Invalid(FieldErrors::of(field, message))
    }
}

/// One option of a select or a group of checkboxes.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

impl Choice {
    /// Every term of a vocabulary, named in `lang`, ticked where its slug is among `chosen`.
    pub fn terms<T: crate::taxonomy::Term>(chosen: &[String], lang: Lang) -> Vec<Choice> {
        T::ALL
            .iter()
            .map(|&term| Choice {
                value: term.slug().to_owned(),
                label: term.label(lang),
                selected: chosen.iter().any(|slug| slug == term.slug()),
            })
            .collect()
    }

    /// The languages of `offered` (ISO 639-1 codes) named in `lang`, in its alphabetical
    /// order, ticked where their code is among `chosen`.
    pub fn languages(offered: &[&'static str], chosen: &[String], lang: Lang) -> Vec<Choice> {
        lang.sorted_by_name(offered, iso639::name)
            .into_iter()
            .map(|(code, name)| Choice {
                value: code.to_owned(),
                label: name.to_owned(),
                selected: chosen.iter().any(|chosen| chosen == code),
            })
            .collect()
    }
}

/// The largest file a form takes; larger files are cut off and reported, never stored.
pub const MAX_UPLOAD_BYTES: usize = 10 * 1024 * 1024;
/// All text fields of a multipart form together.
const MULTIPART_TEXT_LIMIT: usize = 256 * 1024;
/// An oversized file is read to the end (so the browser gets the answer, not a reset
/// connection) up to this much; past it the connection is dropped.
const MULTIPART_DRAIN_LIMIT: usize = 100 * 1024 * 1024;

/// A file as it arrived in a form.
pub struct Upload {
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// More arrived than `MAX_UPLOAD_BYTES`; the rest was not kept.
    pub truncated: bool,
}

/// A posted `multipart/form-data` form: its text fields and at most one chosen file, also
/// accepted only with the session's CSRF token.
pub struct PostedWithFile {
    pub form: PostedForm,
    pub file: Option<Upload>,
}

impl FromRequest for PostedWithFile {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let session = req.get_session();
        let multipart = actix_multipart::Multipart::from_request(req, payload);
        Box::pin(async move {
            let mut multipart = multipart.await.map_err(|_| AppError::FormTooLarge)?;
            let mut form = PostedForm::default();
            let mut file = None;
            let mut text_bytes = 0;
            while let Some(field) = multipart.next().await {
                let mut field = field.map_err(|_| AppError::FormTooLarge)?;
                let name = field.name().unwrap_or_default().to_owned();
                let file_name = field
                    .content_disposition()
                    .and_then(|disposition| disposition.get_filename())
                    .map(str::to_owned);
                let limit = if file_name.is_some() {
                    MAX_UPLOAD_BYTES
                } else {
                    MULTIPART_TEXT_LIMIT - text_bytes
                };
                let mut bytes = Vec::new();
                let mut received = 0;
                while let Some(chunk) = field.next().await {
                    let chunk = chunk.map_err(|_| AppError::FormTooLarge)?;
                    received += chunk.len();
                    if received > MULTIPART_DRAIN_LIMIT {
                        return Err(AppError::FormTooLarge);
                    }
                    let room = (limit + 1).saturating_sub(bytes.len());
                    bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
                }
                match file_name {
                    // A file input left empty still sends a part, with no name and no bytes.
                    Some(file_name) if file_name.is_empty() && bytes.is_empty() => {}
                    Some(file_name) => {
                        let truncated = bytes.len() > limit;
                        bytes.truncate(limit);
                        file = Some(Upload {
                            file_name,
                            bytes,
                            truncated,
                        });
                    }
                    None => {
                        text_bytes += bytes.len();
                        if bytes.len() > limit {
                            return Err(AppError::FormTooLarge);
                        }
                        let value = String::from_utf8(bytes).map_err(|_| AppError::FormTooLarge)?;
                        form.fields.push((name, clean(&value).into_owned()));
                    }
                }
            }
            verify_csrf(&session, form.value(CSRF_FIELD))?;
            Ok(PostedWithFile { form, file })
        })
    }
}
