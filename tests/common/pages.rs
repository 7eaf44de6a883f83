//! Every page of the portal as each kind of person sees it: the pages the route table declares
//! without an id, and every page their links lead to, two of each shape (`/ranking/{id}`).

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use scraper::Html;

use super::routes::declared_routes;
use super::{hrefs, TestApp};
use portal::demo::workflow::{JUROR, SECRETARIAT, SUBMITTER};
use portal::paths;

/// A page as one person was served it.
pub struct Seen {
    pub person: &'static str,
    pub path: String,
    pub page: Html,
}

/// `path` with each run of digits written `{id}`: pages of one shape show the same template.
fn shape(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            if !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()) {
                "{id}"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join(paths::HOME)
}

/// Every HTML page an anonymous visitor, a submitter, a juror and the secretariat of the demo
/// are served with success, starting from the route table and `also`, each path asked with
/// `query` appended.
pub async fn every_page(app: &TestApp, also: &[String], query: &str) -> Vec<Seen> {
    let people = [
        ("anonymous", app.browser()),
        ("submitter", app.signed_in(SUBMITTER.0, SUBMITTER.1).await),
        ("juror", app.signed_in(JUROR.0, JUROR.1).await),
        (
            "secretariat",
            app.signed_in(SECRETARIAT.0, SECRETARIAT.1).await,
        ),
    ];
    let plain: Vec<String> = declared_routes()
        .into_iter()
        .filter(|(method, path)| *method == "GET" && !path.contains('{'))
        .map(|(_, path)| path)
        .chain(also.iter().cloned())
        .collect();
    assert!(plain.len() > 20, "{plain:?}");
    let mut seen = Vec::new();
    for (person, browser) in &people {
        let mut queue: VecDeque<String> = plain.iter().cloned().collect();
        let mut asked: BTreeSet<String> = queue.iter().cloned().collect();
        let mut shapes: BTreeMap<String, usize> = BTreeMap::new();
        while let Some(path) = queue.pop_front() {
            let response = browser.get(&format!("{path}{query}")).await;
            let is_html = response
                .headers()
                .get("content-type")
                .is_some_and(|value| value.to_str().unwrap_or("").starts_with("text/html"));
            if !response.status().is_success() || !is_html {
                continue;
            }
            let page = Html::parse_document(&response.text().await.unwrap());
            for href in hrefs(&page, "a") {
                let internal = href.starts_with('/') && !href.starts_with("//");
                if !internal || href.contains(['?', '#']) || asked.contains(&href) {
                    continue;
                }
                let of_shape = shapes.entry(shape(&href)).or_default();
                if *of_shape < 2 {
                    *of_shape += 1;
                    asked.insert(href.clone());
                    queue.push_back(href);
                }
            }
            seen.push(Seen { person, path, page });
        }
    }
    assert!(seen.len() > 60, "only {} pages seen", seen.len());
    seen
}
