//! Which language a request gets, decided in one place: `?lang=` first (and then remembered
//! in the `lang` cookie), then the remembered choice, then `Accept-Language`, then English.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::cookie::{time::Duration, Cookie, SameSite};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest};

use super::Lang;
use crate::paths;
use crate::AppState;

/// The query parameter that puts the language in a link.
pub const PARAM: &str = "lang";
/// The cookie that remembers the last language chosen.
pub const COOKIE: &str = "lang";

/// The language a request gets and how it came to it.
#[derive(Debug, Clone)]
pub struct Choice {
    pub lang: Lang,
    /// The address without its `lang` parameter: what the page is, whatever its language.
    pub here: String,
    /// `?lang=` named a language the cookie does not hold yet.
    remember: bool,
}

impl Choice {
    /// A page in `lang` at `here`, whatever the request asked.
    pub fn new(lang: Lang, here: String) -> Choice {
        Choice {
            lang,
            here,
            remember: false,
        }
    }

    pub fn of(req: &HttpRequest) -> Choice {
        let remembered = req
            .cookie(COOKIE)
            .and_then(|cookie| Lang::from_tag(cookie.value()));
        let asked = query_lang(req.query_string());
        let lang = asked
            .or(remembered)
            .or_else(|| {
                req.headers()
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|value| value.to_str().ok())
                    .and_then(preferred)
            })
            .unwrap_or_default();
        Choice {
            lang,
            here: without_lang(req.path(), req.query_string()),
            remember: asked.is_some() && asked != remembered,
        }
    }

    /// The key of this request's answer in the page cache: the same address in two
    /// languages is two pages.
    pub fn page_key(&self) -> String {
        format!("{}:{}", self.lang.tag(), self.here)
    }
}

fn query_lang(query: &str) -> Option<Lang> {
    if !query.contains(PARAM) {
        return None;
    }
    crate::paths::query_value(query, PARAM).and_then(|value| Lang::from_tag(&value))
}

/// `path?query` with any `lang` parameter left out, the others kept in their order.
fn without_lang(path: &str, query: &str) -> String {
    if query.is_empty() {
        return path.to_owned();
    }
    if !query.contains(PARAM) {
        return format!("{path}?{query}");
    }
    let kept: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .filter(|(name, _)| name != PARAM)
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    if kept.is_empty() {
        return path.to_owned();
    }
    let query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(kept)
        .finish();
    format!("{path}?{query}")
}

/// `here` in `lang`: the address a language switcher links to.
pub fn link_in(here: &str, lang: Lang) -> String {
    let separator = if here.contains('?') { '&' } else { '?' };
    format!("{here}{separator}{PARAM}={}", lang.tag())
}

/// The interface language an `Accept-Language` header prefers most, if it names one.
fn preferred(header: &str) -> Option<Lang> {
    let mut best: Option<(Lang, f32)> = None;
    for range in header.split(',') {
        let mut parts = range.split(';');
        let Some(lang) = parts.next().and_then(Lang::from_tag) else {
            continue;
        };
        let quality = parts
            .find_map(|part| part.trim().strip_prefix("q="))
            .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
            .unwrap_or(0.0);
        if quality > 0.0 && best.is_none_or(|(_, q)| quality > q) {
            best = Some((lang, quality));
        }
    }
    best.map(|(lang, _)| lang)
}

/// Chooses the request's language before any handler runs, remembers a choice made in the
/// URL, and says which language the answer is in.
pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let choice = Choice::of(req.request());
    let secure = req
        .app_data::<actix_web::web::Data<AppState>>()
        .is_some_and(|state| state.config.secure_cookies);
    req.extensions_mut().insert(choice.clone());
    let mut res = next.call(req).await?.map_into_boxed_body();
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(choice.lang.tag()),
    );
    headers.append(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    if choice.remember {
        let cookie = Cookie::build(COOKIE, choice.lang.tag())
            .path(paths::HOME)
            .max_age(Duration::days(365))
            .same_site(SameSite::Lax)
            .http_only(true)
            .secure(secure)
            .finish();
        res.response_mut().add_cookie(&cookie)?;
    }
    Ok(res)
}

/// The request's language, as a handler argument.
impl FromRequest for Lang {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Lang, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        std::future::ready(Ok(Choice::from_request_parts(req).lang))
    }
}

impl Choice {
    /// The choice the middleware made, or the same choice made again where it did not run.
    pub fn from_request_parts(req: &HttpRequest) -> Choice {
        req.extensions()
            .get::<Choice>()
            .cloned()
            .unwrap_or_else(|| Choice::of(req))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_takes_the_best_known_language() {
        assert_eq!(preferred("fr-CH, fr;q=0.9, en;q=0.8"), Some(Lang::Fr));
        assert_eq!(preferred("de-DE, es;q=0.5, en;q=0.4"), Some(Lang::Es));
        assert_eq!(preferred("en;q=0.2, fa;q=0.9"), Some(Lang::Fa));
        assert_eq!(preferred("fr;q=0, es;q=0.1"), Some(Lang::Es));
        assert_eq!(preferred("de, it"), None);
        assert_eq!(preferred("fr;q=abc"), None);
    }

    #[test]
    fn the_lang_parameter_is_left_out_of_the_address_and_the_rest_kept() {
        assert_eq!(without_lang(paths::PRACTICES, ""), paths::PRACTICES);
        assert_eq!(without_lang(paths::PRACTICES, "lang=fa"), paths::PRACTICES);
        assert_eq!(
            without_lang(paths::PRACTICES, "topic=health&lang=fa&region=europe"),
            "/practices?topic=health&region=europe"
        );
        assert_eq!(
            link_in("/practices?topic=health", Lang::Fr),
            "/practices?topic=health&lang=fr"
        );
        assert_eq!(link_in(paths::HOME, Lang::Fa), "/?lang=fa");
    }
}
