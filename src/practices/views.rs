//! View models of the public pages: what the templates show, already in display form.

use std::collections::HashMap;

use askama::Template;

use super::catalog::{Catalog, ResultSet};
use super::citation::Citation;
use super::facets::{BrowseQuery, Facet, Sort};
use super::models::{PracticeDetail, PracticeSummary};
use super::search::Segment;
use super::translations::Translation;
use crate::accounts::session::Layout;
use crate::accounts::Role;
use crate::framework::grid::MiniMap;
use crate::ids::PracticeId;
use crate::languages::key;
use crate::languages::{iso639, Lang};
use crate::organisations::Organisation;
use crate::pagination::Pagination;
use crate::paths;
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
    /// Keys of the award names.
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
            url: paths::practice(summary.id),
            organisation_url: paths::organisation(summary.organisation_id),
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
        .map(Award::label_key)
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
    pub label_key: &'static str,
    pub values: Vec<FacetValue>,
    /// Long lists start folded unless one of their values is selected.
    pub folded: bool,
}

pub struct ActiveFilter {
    /// The key of the facet's name.
    pub facet: &'static str,
    pub label: String,
    pub remove_url: String,
}

pub struct SortOption {
    pub value: &'static str,
    pub label_key: &'static str,
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
    pub correction: Option<Correction>,
    /// The search index is still being built: results may be incomplete.
    pub indexing: bool,
}

/// The words typed found nothing, corrected ones did: what was searched instead, and the
/// search as typed.
pub struct Correction {
    pub searched: String,
    pub exact_url: String,
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
        let lang = layout.lang;
        BrowsePage {
            layout,
            text: query.text.clone(),
            total: result.practices.len(),
            first_shown,
            last_shown: first_shown + items.len().saturating_sub(1),
            facets: Facet::ALL
                .into_iter()
                .map(|facet| facet_view(query, catalog, result, facet, lang))
                .collect(),
            active: active_filters(query, catalog, lang, BrowseQuery::url),
            links: FilteredLinks::of(query, View::List),
            clear_url: (!query.filters.is_empty() || !query.text.is_empty())
                .then(|| paths::PRACTICES.to_owned()),
            sorts: Sort::ALL
                .into_iter()
                .map(|sort| SortOption {
                    value: sort.param(),
                    label_key: sort.label_key(),
                    selected: sort == query.sort,
                })
                .collect(),
            pagination,
            items,
            correction: result.corrected.clone().map(|searched| Correction {
                searched,
                exact_url: BrowseQuery {
                    exact: true,
                    page: 1,
                    ..query.clone()
                }
                .url(),
            }),
            indexing: catalog.search().is_building() && !query.text.is_empty(),
        }
    }
}

fn facet_view(
    query: &BrowseQuery,
    catalog: &Catalog,
    result: &ResultSet,
    facet: Facet,
    lang: Lang,
) -> FacetView {
    let filtered = query.filters.iter().any(|(filter, _)| *filter == facet);
    let mut values: Vec<FacetValue> = result.counts[facet.index()]
        .iter()
        .enumerate()
        .filter_map(|(code, &count)| {
            // Naming a value costs more than counting it (a language's name is looked up in
            // the CLDR), and most languages have no practice.
            if count == 0 && !filtered {
                return None;
            }
            let (value, label) = catalog.value(facet, code as u32, lang);
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
        Facet::Country | Facet::Language => {
            values.sort_by(|a, b| lang.compare(&a.label, &b.label));
        }
        Facet::Organisation => {
            values.sort_by(|a, b| b.selected.cmp(&a.selected).then(b.count.cmp(&a.count)));
            values.truncate(MAX_ORGANISATION_VALUES);
            values.sort_by(|a, b| a.label.cmp(&b.label));
        }
        _ => {}
    }
    FacetView {
        param: facet.param(),
        label_key: facet.label_key(),
        folded: values.len() > FOLD_AFTER && !values.iter().any(|v| v.selected),
        values,
    }
}

/// The active filters, each with a link to `url` of the query without it.
pub fn active_filters(
    query: &BrowseQuery,
    catalog: &Catalog,
    lang: Lang,
    url: impl Fn(&BrowseQuery) -> String,
) -> Vec<ActiveFilter> {
    query
        .filters
        .iter()
        .map(|(facet, value)| ActiveFilter {
            facet: facet.label_key(),
            label: catalog
                .code(*facet, value)
                .map(|code| catalog.value(*facet, code, lang).1)
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
    /// The scope of `query` on `view`, in `lang`.
    pub fn new(query: &BrowseQuery, catalog: &Catalog, view: View, lang: Lang) -> FilterScope {
        let path = view.path();
        let active = active_filters(query, catalog, lang, |q| q.url_on(path));
        let in_words = in_words(query, &active, lang);
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

/// `1 practice`, `12 practices`, in `lang`.
pub fn practices_counted(count: usize, lang: Lang) -> String {
    lang.t1("practices-counted", "count", count)
}

/// The search text and filters in words, for page titles: `“pension”, Europe, Health`.
fn in_words(query: &BrowseQuery, active: &[ActiveFilter], lang: Lang) -> Option<String> {
    let text = (!query.text.is_empty()).then(|| lang.t1("quoted", "text", &query.text));
    let parts: Vec<String> = text
        .into_iter()
        .chain(active.iter().map(|filter| filter.label.clone()))
        .collect();
    (!parts.is_empty()).then(|| parts.join(&lang.t("list-separator")))
}

/// The views of the practices a query selects, each with the same search and filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    List,
    Framework,
    Statistics,
    Map,
}

impl View {
    const ALL: [View; 4] = [View::List, View::Framework, View::Statistics, View::Map];

    pub fn path(self) -> &'static str {
        match self {
            View::List => paths::PRACTICES,
            View::Framework => paths::FRAMEWORK,
            View::Statistics => paths::STATISTICS,
            View::Map => paths::MAP,
        }
    }

    fn label_key(self) -> &'static str {
        match self {
            View::List => key!("view-list"),
            View::Framework => key!("nav-framework"),
            View::Statistics => key!("nav-statistics"),
            View::Map => key!("nav-map"),
        }
    }
}

pub struct ViewLink {
    pub label_key: &'static str,
    pub url: String,
    pub current: bool,
}

/// What every view of a filtered list has: its scope, a title and a description naming it,
/// and how many practices it counts.
pub struct ViewSummary {
    pub title: String,
    pub description: String,
    pub total: usize,
    /// `12 practices`.
    pub counted: String,
    pub scope: FilterScope,
}

impl ViewSummary {
    /// `name` and `description` are keys; the description takes `counted` and `scope`.
    pub fn new(
        view: View,
        (name, description): (&str, &str),
        (query, catalog, result): (&BrowseQuery, &Catalog, &ResultSet),
        lang: Lang,
    ) -> ViewSummary {
        let scope = FilterScope::new(query, catalog, view, lang);
        let total = result.practices.len();
        ViewSummary {
            title: scope.title(&lang.t(name)),
            description: lang.t2(
                description,
                "counted",
                practices_counted(total, lang),
                "scope",
                scope.in_brackets(),
            ),
            total,
            counted: practices_counted(total, lang),
            scope,
        }
    }
}

/// Links from one view of a filtered list to the others and to its downloads.
pub struct FilteredLinks {
    pub views: Vec<ViewLink>,
    pub list: String,
    pub csv: String,
    pub json: String,
    pub atom: String,
    /// Following the list by e-mail.
    pub alert: String,
}

impl FilteredLinks {
    pub fn of(query: &BrowseQuery, current: View) -> FilteredLinks {
        let query = query.with_page(1);
        FilteredLinks {
            views: View::ALL
                .into_iter()
                .map(|view| ViewLink {
                    label_key: view.label_key(),
                    url: query.url_on(view.path()),
                    current: view == current,
                })
                .collect(),
            list: query.url(),
            csv: query.url_on(paths::PRACTICES_CSV),
            json: query.url_on(paths::PRACTICES_JSON),
            atom: query.url_on(paths::PRACTICES_ATOM),
            alert: query.url_on(paths::NEW_ALERT),
        }
    }
}

/// A labelled link into the filtered list.
pub struct FilterLink {
    /// The key of the term's name.
    pub label: &'static str,
    pub url: String,
    pub count: Option<u32>,
}

impl FilterLink {
    pub fn to(facet: Facet, term: impl Term) -> FilterLink {
        FilterLink {
            label: term.label_key(),
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
    /// `212 practices from 60 institutions in 41 countries.`
    pub stats: String,
    pub winners: Vec<ListItem>,
    pub regions: Vec<FilterLink>,
    pub topics: Vec<FilterLink>,
}

pub struct Section {
    pub id: &'static str,
    /// Keys of the headings, here and below.
    pub heading: &'static str,
    pub text: Written,
}

/// Text of a practice in the language it is written in, and the direction of its script.
pub struct Written {
    pub text: String,
    pub lang: String,
    pub dir: &'static str,
}

impl Written {
    fn new(text: String, lang: &str) -> Written {
        Written {
            text,
            dir: iso639::direction(lang),
            lang: lang.to_owned(),
        }
    }

    /// The version's text, or the original's where the version leaves it empty.
    fn either(translated: Option<(&str, &str)>, original: String, original_lang: &str) -> Written {
        match translated.filter(|(text, _)| !text.trim().is_empty()) {
            Some((text, lang)) => Written::new(text.to_owned(), lang),
            None => Written::new(original, original_lang),
        }
    }
}

/// The address of a practice's version in `language` (the original's too).
pub fn version_url(id: PracticeId, language: &str) -> String {
    format!("{}?version={language}", paths::practice(id))
}

/// A practice's versions in other languages, and the one a reader is shown.
pub struct Versions {
    pub all: Vec<Translation>,
    /// `None`: the original.
    pub shown: Option<usize>,
}

impl Versions {
    /// The version `asked` for (`?version=`) when there is one; else the one in the reader's
    /// language when there is one; else the original.
    pub fn choose(all: Vec<Translation>, asked: Option<&str>, reader: Lang) -> Versions {
        let position = |code: &str| all.iter().position(|version| version.language == code);
        let shown = match asked {
            Some(code) => position(code),
            None => position(reader.tag()),
        };
        Versions { all, shown }
    }
}

/// A link to one version of a practice.
pub struct VersionLink {
    pub code: String,
    /// Its language named in the reader's.
    pub name: String,
    pub url: String,
    pub current: bool,
    pub original: bool,
}

pub struct Classification {
    pub heading: &'static str,
    pub links: Vec<FilterLink>,
}

#[derive(Template)]
#[template(path = "practices/detail.html")]
pub struct DetailPage {
    pub layout: Layout,
    pub title: Written,
    /// The original and its versions, when it has any: links with `hreflang`.
    pub versions: Vec<VersionLink>,
    /// `(code, address)` of the versions in other languages than the interface's: the page in
    /// an interface language (`?lang=fr`, an alternate of every page) already shows the
    /// version in it, so one alternate a language.
    pub alternates: Vec<(String, String)>,
    /// For the secretariat: where the versions are added.
    pub translations_url: Option<String>,
    pub summary: Written,
    pub description: String,
    pub position: MiniMap,
    pub organisation: Organisation,
    pub organisation_url: String,
    pub region: FilterLink,
    pub partners: Vec<Organisation>,
    pub awards: Vec<&'static str>,
    /// Where an awarded practice's certificate is.
    pub certificate: Option<String>,
    /// How to cite it: the sentence, the downloads, and schema.org JSON-LD for the head.
    pub citation: String,
    pub bibtex_url: String,
    pub ris_url: String,
    pub json_ld: String,
    pub competition_year: Option<i32>,
    pub implementation_year: i32,
    /// Keys of the names of the entry's language and approach.
    pub language_name: &'static str,
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
        citation: &Citation,
        versions: Versions,
    ) -> DetailPage {
        let p = detail.practice;
        let original = p.language.slug();
        let shown = versions.shown.map(|position| &versions.all[position]);
        let translated = |pick: fn(&Translation) -> &str| {
            shown.map(|version| (pick(version), version.language.as_str()))
        };
        let version_sections = shown.map(Translation::sections);
        let sections = [
            ("challenge", key!("section-challenge"), p.challenge),
            ("solution", key!("section-solution"), p.solution),
            ("results", key!("section-results"), p.results),
            ("innovation", key!("section-innovation"), p.innovation),
            (
                "sustainability",
                key!("section-sustainability"),
                p.sustainability,
            ),
            (
                "replicability",
                key!("section-replicability"),
                p.replicability,
            ),
        ]
        .into_iter()
        .enumerate()
        .map(|(at, (id, heading, text))| Section {
            id,
            heading,
            text: Written::either(
                version_sections
                    .zip(shown)
                    .map(|(texts, version)| (texts[at], version.language.as_str())),
                text,
                original,
            ),
        })
        .filter(|section| !section.text.text.trim().is_empty())
        .collect();
        let lang = layout.lang;
        let version_links = if versions.all.is_empty() {
            Vec::new()
        } else {
            std::iter::once((original, versions.shown.is_none(), true))
                .chain(versions.all.iter().enumerate().map(|(at, version)| {
                    (version.language.as_str(), versions.shown == Some(at), false)
                }))
                .map(|(code, current, is_original)| VersionLink {
                    code: code.to_owned(),
                    name: iso639::name(code, lang).to_owned(),
                    url: version_url(p.id, code),
                    current,
                    original: is_original,
                })
                .collect()
        };
        let translations_url = layout
            .account
            .as_ref()
            .filter(|account| account.role == Role::Secretariat)
            .map(|_| paths::practice_translations(p.id));
        let alternates = version_links
            .iter()
            .filter(|link| Lang::from_tag(&link.code).is_none())
            .map(|link| (link.code.clone(), link.url.clone()))
            .collect();
        let title = Written::either(translated(|v| &v.title), p.title, original);
        let summary = Written::either(translated(|v| &v.summary), p.summary, original);
        let classification = vec![
            Classification {
                heading: key!("classification-topics"),
                links: FilterLink::all(Facet::Topic, &detail.topics),
            },
            Classification {
                heading: key!("facet-impact"),
                links: FilterLink::all(Facet::Impact, &[p.impact_area]),
            },
            Classification {
                heading: key!("facet-innovation"),
                links: FilterLink::all(Facet::Innovation, &[p.innovation_type]),
            },
            Classification {
                heading: key!("classification-elements"),
                links: FilterLink::all(Facet::Element, &detail.elements),
            },
            Classification {
                heading: key!("dimension-governance"),
                links: FilterLink::all(Facet::Governance, &[p.governance_level]),
            },
            Classification {
                heading: key!("classification-integrations"),
                links: FilterLink::all(Facet::Integration, &detail.integrations),
            },
        ];
        let region = detail.organisation.region;
        DetailPage {
            layout,
            description: excerpt(&summary.text, DESCRIPTION_WORDS),
            position: MiniMap::at(p.innovation_type, p.governance_level, p.impact_area, lang),
            title,
            versions: version_links,
            alternates,
            translations_url,
            language_name: p.language.name(lang),
            approach: p.approach.label_key(),
            summary,
            organisation_url: paths::organisation(detail.organisation.id),
            region: FilterLink::to(Facet::Region, region),
            organisation: detail.organisation,
            partners: detail.partners,
            awards: award_labels(p.award, p.innovation_distinction),
            certificate: (p.award.is_some() || p.innovation_distinction)
                .then(|| paths::practice_certificate(p.id)),
            citation: citation.text(lang),
            bibtex_url: paths::practice_bibtex(p.id),
            ris_url: paths::practice_ris(p.id),
            json_ld: citation.json_ld(),
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
