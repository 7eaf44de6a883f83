//! The signed-in person of a request, kept in an encrypted cookie: who they are, their
//! CSRF token and a one-shot message for the next page.

use actix_session::{Session, SessionExt};
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;
use serde::{Deserialize, Serialize};

use super::roles::Person;
use super::{repository, Role, User};
use crate::db;
use crate::error::AppError;
use crate::ids::UserId;
use crate::languages::negotiation::{self, Choice};
use crate::languages::{Lang, Message};
use crate::paths;
use crate::AppState;

const SIGNED_IN: &str = "signed_in";
const CSRF_TOKEN: &str = "csrf";
const FLASH: &str = "flash";

/// The name of the hidden field that carries the CSRF token in every form.
pub const CSRF_FIELD: &str = "csrf_token";

#[derive(Serialize, Deserialize)]
struct SignedIn {
    user: UserId,
    /// The account's session epoch at sign-in; a password change moves it on.
    epoch: i32,
}

/// Starts a new session for `user`: a new cookie, so that an id planted before sign-in is
/// worth nothing, and a new CSRF token.
pub fn sign_in(session: &Session, user: &User) -> Result<(), AppError> {
    session.renew();
    // Made here rather than on first use, so that pages opened at once after sign-in share
    // one token instead of racing to store their own.
    let _ = session.insert(CSRF_TOKEN, crate::secrets::random_token());
    session
        .insert(
            SIGNED_IN,
            SignedIn {
                user: user.id,
                epoch: user.session_epoch,
            },
        )
        .map_err(AppError::Session)
}

/// Forgets everything the session held, and gives it a new key. Not `purge`: a purged
/// session ignores what is stored afterwards, which lost the "signed out" message.
pub fn sign_out(session: &Session) {
    session.clear();
    session.renew();
}

/// Shows `messages` once, on the next page the person sees, in the language of that page.
pub fn flash(session: &Session, messages: impl Into<Vec<Message>>) {
    // A message that cannot be stored is only a lost courtesy, never a failed request.
    let _ = session.insert(FLASH, messages.into());
}

/// The session's CSRF token, made on first use.
pub fn csrf_token(session: &Session) -> String {
    if let Ok(Some(token)) = session.get::<String>(CSRF_TOKEN) {
        return token;
    }
    let token = crate::secrets::random_token();
    let _ = session.insert(CSRF_TOKEN, &token);
    token
}

/// Accepts a state-changing request only with the token of its own session.
pub fn verify_csrf(session: &Session, submitted: &str) -> Result<(), AppError> {
    match session.get::<String>(CSRF_TOKEN) {
        Ok(Some(expected)) if constant_time_eq(expected.as_bytes(), submitted.as_bytes()) => Ok(()),
        _ => Err(AppError::CsrfRejected),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Whoever sent the request: their session and who they are, as the page admits them:
/// anyone (`Visitor`, with the account if signed in) or one role (`Visitor<Secretariat>`).
pub struct Visitor<P: Person = Option<User>> {
    pub session: Session,
    pub user: P,
    /// The language of the answer, and the address it is for.
    pub choice: Choice,
}

impl<P: Person + 'static> FromRequest for Visitor<P> {
    type Error = AppError;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let session = req.get_session();
        let path = req
            .uri()
            .path_and_query()
            .map_or_else(|| paths::HOME.to_owned(), ToString::to_string);
        let state = req.app_data::<actix_web::web::Data<AppState>>().cloned();
        let choice = Choice::from_request_parts(req);
        Box::pin(async move {
            let signed_in = session.get::<SignedIn>(SIGNED_IN).ok().flatten();
            let user = match (signed_in, state) {
                (Some(signed_in), Some(state)) => {
                    let user = db::run(&state.pool, move |conn| {
                        Ok(repository::find_user(conn, signed_in.user)?)
                    })
                    .await?
                    .filter(|user| user.session_epoch == signed_in.epoch);
                    if user.is_none() {
                        session.purge();
                    }
                    user
                }
                _ => None,
            };
            let user = P::admit(user, &path)?;
            Ok(Visitor {
                session,
                user,
                choice,
            })
        })
    }
}

impl Visitor {
    /// Whether the page can be the same for everyone (and so be cached).
    pub fn sees_public_page(&self) -> bool {
        self.user.is_none() && !self.session.contains_key(FLASH)
    }
}

impl<P: Person> Visitor<P> {
    pub fn lang(&self) -> Lang {
        self.choice.lang
    }

    /// What the shared page frame shows: the account menu and any message for this page.
    pub fn layout(&self) -> Layout {
        let lang = self.lang();
        let flash = self
            .session
            .remove_as::<Vec<Message>>(FLASH)
            .and_then(Result::ok)
            .map(|messages| {
                let sentences: Vec<String> = messages
                    .iter()
                    .map(|message| lang.message(message))
                    .collect();
                sentences.join(" ")
            });
        Layout {
            account: self.user.account().map(|user| AccountMenu {
                name: user.name.clone(),
                role: user.role,
            }),
            csrf_token: csrf_token(&self.session),
            flash,
            ..Layout::public(&self.choice)
        }
    }
}

/// The signed-in person's part of the page frame.
#[derive(Debug, Clone)]
pub struct AccountMenu {
    pub name: String,
    pub role: Role,
}

/// What `base.html` needs besides the page itself. It speaks the page's language, so every
/// template writes `layout.t("nav-practices")`, `layout.num(count)`, `layout.term(topic)`.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub account: Option<AccountMenu>,
    pub csrf_token: String,
    pub flash: Option<String>,
    pub lang: Lang,
    /// The page's address without `lang`, for the language switcher.
    here: String,
}

/// A link of the language switcher.
pub struct LanguageLink {
    pub lang: Lang,
    pub url: String,
    pub current: bool,
}

impl std::ops::Deref for Layout {
    type Target = Lang;

    fn deref(&self) -> &Lang {
        &self.lang
    }
}

impl Layout {
    /// The frame of a page that is the same for everyone who reads it in this language.
    pub fn public(choice: &Choice) -> Layout {
        Layout {
            lang: choice.lang,
            here: choice.here.clone(),
            ..Layout::default()
        }
    }

    /// The same page in each language.
    pub fn languages(&self) -> Vec<LanguageLink> {
        Lang::ALL
            .into_iter()
            .map(|lang| LanguageLink {
                lang,
                url: negotiation::link_in(&self.here, lang),
                current: lang == self.lang,
            })
            .collect()
    }

    pub fn is_secretariat(&self) -> bool {
        self.account
            .as_ref()
            .is_some_and(|account| account.role == Role::Secretariat)
    }

    pub fn is_juror(&self) -> bool {
        self.account
            .as_ref()
            .is_some_and(|account| account.role == Role::Juror)
    }

    pub fn is_submitter(&self) -> bool {
        self.account
            .as_ref()
            .is_some_and(|account| account.role == Role::Submitter)
    }
}
