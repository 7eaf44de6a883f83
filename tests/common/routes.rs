//! The routes the portal declares, read from its source.

use std::path::Path;

/// The routes the source declares: `(method, path)` of every `.route("…", web::get()…)`.
pub fn declared_routes() -> Vec<(&'static str, String)> {
    let mut sources = Vec::new();
    collect_sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut sources,
    );
    let mut routes = Vec::new();
    for source in sources {
        for declaration in source.split(".route(").skip(1) {
            let path = declaration.split('"').nth(1).expect("a quoted route");
            // The method is the first one named after the path.
            let at = |method: &str| declaration.find(method).unwrap_or(usize::MAX);
            let method = if at("web::get()") < at("web::post()") {
                "GET"
            } else {
                "POST"
            };
            routes.push((method, path.to_owned()));
        }
    }
    routes
}

fn collect_sources(folder: &Path, sources: &mut Vec<String>) {
    for item in std::fs::read_dir(folder).unwrap() {
        let path = item.unwrap().path();
        if path.is_dir() {
            collect_sources(&path, sources);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            sources.push(std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// Whether `path` (e.g. `/submissions/12/withdraw`) is one of the paths of `route` (e.g.
/// `/submissions/{id}/withdraw`).
pub fn route_matches(route: &str, path: &str) -> bool {
    let (route, path): (Vec<&str>, Vec<&str>) =
        (route.split('/').collect(), path.split('/').collect());
    route.len() == path.len()
        && route.iter().zip(&path).all(|(pattern, segment)| {
            match (pattern.find('{'), pattern.rfind('}')) {
                (Some(open), Some(close)) => {
                    segment.starts_with(&pattern[..open])
                        && segment.ends_with(&pattern[close + 1..])
                }
                _ => pattern == segment,
            }
        })
}
