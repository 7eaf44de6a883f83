//! The routes the portal declares, read from its own route table.

/// `(method, path)` of every route of the portal (HEAD, answered with every GET, left out).
pub fn declared_routes() -> Vec<(&'static str, String)> {
    portal::route_table()
        .list()
        .into_iter()
        .map(|(method, path)| {
            let method = match method.as_str() {
                "GET" => "GET",
                "POST" => "POST",
                other => panic!("a route declared for {other}"),
            };
            (method, path.to_owned())
        })
        .collect()
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
