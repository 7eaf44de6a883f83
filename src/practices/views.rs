//! View models of the public pages: what the templates show, already in display form.

use std::collections::HashMap;

use askama::Template;

use super::catalog::{Catalog, ResultSet};
use super::facets::{BrowseQuery, Facet, Sort};
use super::models::{PracticeDetail, PracticeSummary};
use super::search::Segment;
use crate::accounts::session::Layout;
use crate::framework::views::MiniMap;
use crate::ids::PracticeId;
use crate::organisations::Organisation;
use crate::pagination::Pagination;
use crate::submissions::views::DocumentRow;
use crate::taxonomy::{Award, Term};

/// Words of the summary shown in a list when there is no search snippet.
const EXCERPT_WORDS: usize = 45;

/// Words of the summary in a page's description: about the 160 characters that search
/// results and shared links show.
const DESCRIPTION_WORDS: usize = 25;

/// More values than this are folded away behind a disclosure.
const FOLD_AFTER: usize = 8;

/// Institutions shown in the facet panel; the rest are reachable by search.
const MAX_ORGANISATION_VALUES: usize = 40;

pub struct ListItem {
    pub url: String,
    pub title: String,
    pub organisation_name: String,
    pub organisation_url: String,
    pub country: String,
    pub year: Option<i32>,
    pub awards: Vec<&'static str>,
    pub language: &'static str,
    pub excerpt: Vec<Segment>,
}

impl ListItem {
    pub fn new(summary: PracticeSummary, snippet: Option<Vec<Segment>>) -> ListItem {
        let excerpt = snippet.unwrap_or_else(|| {
            vec![Segment {
                text: excerpt(&summary.summary, EXCERPT_WORDS),
                hit: false,
            }]
        });
        ListItem {
            url: format!("/practices/{}", summary.id),
            organisation_url: format!("/organisations/{}", summary.organisation_id),
            title: summary.title,
            organisation_name: summary.organisation_name,
            country: summary.country,
            year: summary.competition_year,
            awards: award_labels(summary.award, summary.innovation_distinction),
            language: summary.language.slug(),
            excerpt,
        }
    }

    pub fn list(
        summaries: Vec<PracticeSummary>,
        mut snippets: HashMap<PracticeId, Vec<Segment>>,
    ) -> Vec<ListItem> {
        summaries
            .into_iter()
            .map(|summary| {
                let snippet = snippets.remove(&summary.id);
                ListItem::new(summary, snippet)
            })
            .collect()
    }
}

fn award_labels(award: Option<Award>, innovation_distinction: bool) -> Vec<&'static str> {
    award
        .into_iter()
        .chain(innovation_distinction.then_some(Award::InnovationDistinction))
        .map(Award::label)
        .collect()
}

/// The first `words` words of a text, with an ellipsis when cut.
fn excerpt(text: &str, words: usize) -> String {
    let mut parts = text.split_whitespace();
    let mut out: Vec<&str> = parts.by_ref().take(words).collect();
    if parts.next().is_some() {
        out.push("…");
    }
    out.join(" ")
}

pub struct FacetValue {
    pub value: String,
    pub label: String,
    pub count: u32,
    pub selected: bool,
    pub input_id: String,
}

pub struct FacetView {
    pub param: &'static str,
    pub label: &'static str,
    pub values: Vec<FacetValue>,
    /// Long lists start folded unless one of their values is selected.
    pub folded: bool,
}

pub struct ActiveFilter {
    pub facet: &'static str,
    pub label: String,
    pub remove_url: String,
}

pub struct SortOption {
    pub value: &'static str,
    pub label: &'static str,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "practices/list.html")]
pub struct BrowsePage {
    pub layout: Layout,
    pub text: String,
    pub total: usize,
    pub first_shown: usize,
    pub last_shown: usize,
    pub items: Vec<ListItem>,
    pub facets: Vec<FacetView>,
    pub active: Vec<ActiveFilter>,
    pub clear_url: Option<String>,
    pub links: FilteredLinks,
    pub sorts: Vec<SortOption>,
    pub pagination: Pagination,
}

impl BrowsePage {
    pub fn new(
        layout: Layout,
        query: &BrowseQuery,
        catalog: &Catalog,
        result: &ResultSet,
        pagination: Pagination,
        items: Vec<ListItem>,
    ) -> BrowsePage {
        let first_shown = pagination.first_shown();
        BrowsePage {
            layout,
            text: query.text.clone(),
            total: result.practices.len(),
            first_shown,
            last_shown: first_shown + items.len().saturating_sub(1),
            facets: Facet::ALL
                .into_iter()
                .map(|facet| facet_view(query, catalog, result, facet))
                .collect(),
            active: active_filters(query, catalog, BrowseQuery::url),
            links: FilteredLinks::of(query, View::List),
            clear_url: (!query.filters.is_empty() || !query.text.is_empty())
                .then(|| "/practices".to_owned()),
            sorts: Sort::ALL
                .into_iter()
                .map(|sort| SortOption {
                    value: sort.param(),
                    label: sort.label(),
                    selected: sort == query.sort,
                })
                .collect(),
            pagination,
            items,
        }
    }
}

fn facet_view(
    query: &BrowseQuery,
    catalog: &Catalog,
    result: &ResultSet,
    facet: Facet,
) -> FacetView {
    let mut values: Vec<FacetValue> = result.counts[facet.index()]
        .iter()
        .enumerate()
        .filter_map(|(code, &count)| {
            let (value, label) = catalog.value(facet, code as u32);
            let selected = query.is_selected(facet, &value);
            (count > 0 || selected).then(|| FacetValue {
                input_id: format!("filter-{}-{code}", facet.param()),
                value,
                label,
                count,
                selected,
            })
        })
        .collect();
    match facet {
        Facet::Country => values.sort_by(|a, b| a.label.cmp(&b.label)),
        Facet::Organisation => {
            values.sort_by(|a, b| b.selected.cmp(&a.selected).then(b.count.cmp(&a.count)));
            values.truncate(MAX_ORGANISATION_VALUES);
            values.sort_by(|a, b| a.label.cmp(&b.label));
        }
        _ => {}
    }
    FacetView {
        param: facet.param(),
        label: facet.label(),
        folded: values.len() > FOLD_AFTER && !values.iter().any(|v| v.selected),
        values,
    }
}

/// The active filters, each with a link to `url` of the query without it.
pub fn active_filters(
    query: &BrowseQuery,
    catalog: &Catalog,
    url: impl Fn(&BrowseQuery) -> String,
) -> Vec<ActiveFilter> {
    query
        .filters
        .iter()
        .map(|(facet, value)| ActiveFilter {
            facet: facet.label(),
            label: catalog
                .code(*facet, value)
                .map(|code| catalog.value(*facet, code).1)
                .unwrap_or_else(|| value.clone()),
            remove_url: url(&query.toggled(*facet, value)),
        })
        .collect()
}

/// The search and filters that a view other than the list applies (the framework map, the
/// statistics): shown as removable chips, named in the title, carried to the other views.
pub struct FilterScope {
    pub active: Vec<ActiveFilter>,
    pub in_words: Option<String>,
    pub clear_url: Option<String>,
    pub links: FilteredLinks,
}

impl FilterScope {
    /// The scope of `query` on `view`.
    pub fn new(query: &BrowseQuery, catalog: &Catalog, view: View) -> FilterScope {
        let path = view.path();
        let active = active_filters(query, catalog, |q| q.url_on(path));
        let in_words = in_words(query, &active);
        FilterScope {
            clear_url: in_words.is_some().then(|| path.to_owned()),
            in_words,
            active,
            links: FilteredLinks::of(query, view),
        }
    }

    /// ` (“pension”, Europe)` after a description, or nothing without search and filters.
    pub fn in_brackets(&self) -> String {
        self.in_words
            .as_ref()
            .map(|words| format!(" ({words})"))
            .unwrap_or_default()
    }

    /// `name`, followed by the search and filters when there are any.
    pub fn title(&self, name: &str) -> String {
        match &self.in_words {
            Some(words) => format!("{name}: {words}"),
            None => name.to_owned(),
        }
    }
}

/// `1 practice`, `12 practices`.
pub fn practices_counted(count: usize) -> String {
    format!("{count} practice{}", if count == 1 { "" } else { "s" })
}

/// The search text and filters in words, for page titles: `“pension”, Europe, Health`.
fn in_words(query: &BrowseQuery, active: &[ActiveFilter]) -> Option<String> {
    let text = (!query.text.is_empty()).then(|| format!("“{}”", query.text));
    let parts: Vec<String> = text
        .into_iter()
        .chain(active.iter().map(|filter| filter.label.clone()))
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The views of the practices a query selects, each with the same search and filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    List,
    Framework,
    Statistics,
}

impl View {
    const ALL: [View; 3] = [View::List, View::Framework, View::Statistics];

    pub fn path(self) -> &'static str {
        match self {
            View::List => "/practices",
            View::Framework => "/framework",
            View::Statistics => "/statistics",
        }
    }

    fn label(self) -> &'static str {
        match self {
            View::List => "List",
            View::Framework => "Framework map",
            View::Statistics => "Statistics",
        }
    }
}

pub struct ViewLink {
    pub label: &'static str,
    pub url: String,
    pub current: bool,
}

/// Links from one view of a filtered list to the others and to its downloads.
pub struct FilteredLinks {
    pub views: Vec<ViewLink>,
    pub list: String,
    pub csv: String,
    pub json: String,
    pub atom: String,
}

impl FilteredLinks {
    pub fn of(query: &BrowseQuery, current: View) -> FilteredLinks {
        let query = query.with_page(1);
        FilteredLinks {
            views: View::ALL
                .into_iter()
                .map(|view| ViewLink {
                    label: view.label(),
                    url: query.url_on(view.path()),
                    current: view == current,
                })
                .collect(),
            list: query.url(),
            csv: query.url_on("/practices.csv"),
            json: query.url_on("/practices.json"),
            atom: query.url_on("/practices.atom"),
        }
    }
}

/// A labelled link into the filtered list.
pub struct FilterLink {
    pub label: &'static str,
    pub url: String,
    pub count: Option<u32>,
}

impl FilterLink {
    pub fn to(facet: Facet, term: impl Term) -> FilterLink {
        FilterLink {
            label: term.label(),
            url: BrowseQuery::filtered_by(facet, term.slug()).url(),
            count: None,
        }
    }

    fn all(facet: Facet, terms: &[impl Term]) -> Vec<FilterLink> {
        terms
            .iter()
            .map(|&term| FilterLink::to(facet, term))
            .collect()
    }
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub layout: Layout,
    pub practice_count: usize,
    pub organisation_count: usize,
    pub country_count: usize,
    pub winners: Vec<ListItem>,
    pub regions: Vec<FilterLink>,
    pub topics: Vec<FilterLink>,
}

pub struct Section {
    pub id: &'static str,
    pub heading: &'static str,
    pub text: String,
}

pub struct Classification {
    pub heading: &'static str,
    pub links: Vec<FilterLink>,
}

#[derive(Template)]
#[template(path = "practices/detail.html")]
pub struct DetailPage {
    pub layout: Layout,
    pub title: String,
    pub language: &'static str,
    pub summary: String,
    pub description: String,
    pub position: MiniMap,
    pub organisation: Organisation,
    pub organisation_url: String,
    pub region: FilterLink,
    pub partners: Vec<Organisation>,
    pub awards: Vec<&'static str>,
    pub competition_year: Option<i32>,
    pub implementation_year: i32,
    pub language_label: &'static str,
    pub approach: &'static str,
    pub sections: Vec<Section>,
    pub classification: Vec<Classification>,
    /// The documents of the entry the practice came from, if it came through the portal.
    pub documents: Vec<DocumentRow>,
    pub related: Vec<ListItem>,
}

impl DetailPage {
    pub fn new(
        layout: Layout,
        detail: PracticeDetail,
        related: Vec<ListItem>,
        documents: Vec<DocumentRow>,
    ) -> DetailPage {
        let p = detail.practice;
        let sections = [
            ("challenge", "The challenge", p.challenge),
            ("solution", "Solution and implementation", p.solution),
            ("results", "Results achieved", p.results),
            ("innovation", "Innovation", p.innovation),
            ("sustainability", "Sustainability", p.sustainability),
            ("replicability", "Replicability", p.replicability),
        ]
        .into_iter()
        .filter(|(_, _, text)| !text.trim().is_empty())
        .map(|(id, heading, text)| Section { id, heading, text })
        .collect();
        let classification = vec![
            Classification {
                heading: "Topics",
                links: FilterLink::all(Facet::Topic, &detail.topics),
            },
            Classification {
                heading: "Impact area",
                links: FilterLink::all(Facet::Impact, &[p.impact_area]),
            },
            Classification {
                heading: "ICT-enabled innovation type",
                links: FilterLink::all(Facet::Innovation, &[p.innovation_type]),
            },
            Classification {
                heading: "Social-innovation elements",
                links: FilterLink::all(Facet::Element, &detail.elements),
            },
            Classification {
                heading: "Governance level of service integration",
                links: FilterLink::all(Facet::Governance, &[p.governance_level]),
            },
            Classification {
                heading: "Types of service integration",
                links: FilterLink::all(Facet::Integration, &detail.integrations),
            },
        ];
        let region = detail.organisation.region;
        DetailPage {
            layout,
            description: excerpt(&p.summary, DESCRIPTION_WORDS),
            position: MiniMap::at(p.innovation_type, p.governance_level, p.impact_area),
            title: p.title,
            language: p.language.slug(),
            language_label: p.language.label(),
            approach: p.approach.label(),
            summary: p.summary,
            organisation_url: format!("/organisations/{}", detail.organisation.id),
            region: FilterLink::to(Facet::Region, region),
            organisation: detail.organisation,
            partners: detail.partners,
            awards: award_labels(p.award, p.innovation_distinction),
            competition_year: p.competition_year,
            implementation_year: p.implementation_year,
            sections,
            classification,
            documents,
            related,
        }
    }
}

#[derive(Template)]
#[template(path = "organisations/detail.html")]
pub struct OrganisationPage {
    pub layout: Layout,
    pub organisation: Organisation,
    pub region: FilterLink,
    pub browse_url: String,
    pub total: usize,
    pub items: Vec<ListItem>,
    pub pagination: Pagination,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_cut_at_a_word() {
        assert_eq!(excerpt("one two three", 2), "one two …");
        assert_eq!(excerpt("one two", 2), "one two");
    }
}
