//! The route table: every route of the portal declared once, with its method and path. The
//! router is built from it (all methods of a path in one resource, so that a path asked with
//! another method answers 405 with `Allow`, and every GET answers HEAD too), and the tests read
//! the same table for the authorisation matrix.

use actix_web::dev::ServiceRequest;
use actix_web::http::Method;
use actix_web::HttpMessage;
use actix_web::{web, FromRequest, Handler, HttpResponse, Responder, Route};

use crate::error::AppError;
use crate::ids;

struct Declared {
    method: Method,
    path: &'static str,
    route: Route,
}

#[derive(Default)]
pub struct Routes {
    declared: Vec<Declared>,
}

impl Routes {
    /// A page or download; HEAD is answered by the same handler, without the body.
    pub fn get<F, Args>(&mut self, path: &'static str, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.add(Method::HEAD, path, web::head().to(handler.clone()));
        self.add(Method::GET, path, web::get().to(handler))
    }

    pub fn post<F, Args>(&mut self, path: &'static str, handler: F) -> &mut Self
    where
        F: Handler<Args>,
        Args: FromRequest + 'static,
        F::Output: Responder + 'static,
    {
        self.add(Method::POST, path, web::post().to(handler))
    }

    fn add(&mut self, method: Method, path: &'static str, route: Route) -> &mut Self {
        self.declared.push(Declared {
            method,
            path,
            route,
        });
        self
    }

    /// `(method, path)` of every declared route, HEAD left out, in the order declared.
    pub fn list(&self) -> Vec<(Method, &'static str)> {
        self.declared
            .iter()
            .filter(|declared| declared.method != Method::HEAD)
            .map(|declared| (declared.method.clone(), declared.path))
            .collect()
    }

    /// One resource a path, in the order the paths were first declared.
    pub fn register(self, cfg: &mut web::ServiceConfig) {
        let mut paths: Vec<&'static str> = Vec::new();
        for declared in &self.declared {
            if !paths.contains(&declared.path) {
                paths.push(declared.path);
            }
        }
        let mut declared = self.declared;
        for path in paths {
            let (here, rest): (Vec<Declared>, Vec<Declared>) =
                declared.into_iter().partition(|d| d.path == path);
            declared = rest;
            let allow = here
                .iter()
                .map(|d| d.method.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let resource = here
                .into_iter()
                .fold(web::resource(canonical_ids(path)), |resource, d| {
                    resource.route(d.route)
                })
                .default_service(web::to(move || method_not_allowed(allow.clone())));
            cfg.service(resource);
        }
    }
}

/// `path` with each id segment matching only an id written the one way (`7`, not `07` or
/// `+7`): any other spelling matches no route and is not found before anything is extracted
/// (extractors run at once, so a role check could otherwise answer first).
fn canonical_ids(path: &str) -> String {
    ids::PARAMS.iter().fold(path.to_owned(), |path, param| {
        path.replace(
            &format!("{{{param}}}"),
            &format!("{{{param}{CANONICAL_ID}}}"),
        )
    })
}

/// What an id segment's pattern adds to its name, for `canonical_ids`.
const CANONICAL_ID: &str = ":(0|[1-9][0-9]*)";

/// The route a request matched, as the table declares it (`/practices/{practice}`): how
/// logs and metrics name a request. Never its path, which holds ids and tokens. Found once a
/// request (matching walks the route table) and kept with it for the next asker.
pub fn matched_route(request: &ServiceRequest) -> String {
    if let Some(MatchedRoute(route)) = request.extensions().get::<MatchedRoute>() {
        return route.clone();
    }
    let route = request.match_pattern().map_or_else(
        || "(no route)".to_owned(),
        |pattern| pattern.replace(CANONICAL_ID, ""),
    );
    request.extensions_mut().insert(MatchedRoute(route.clone()));
    route
}

#[derive(Clone)]
struct MatchedRoute(String);

async fn method_not_allowed(allow: String) -> Result<HttpResponse, AppError> {
    Err(AppError::MethodNotAllowed { allow })
}

/// What answers a path no route declares (as JSON under `/api/`, like every error there).
pub async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::NotFound)
}
