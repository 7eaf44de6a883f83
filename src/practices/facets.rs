//! The filters of the practice database and how a browse URL maps onto them.
//!
//! The URL is the whole state of a search: `q`, one repeatable parameter per facet, `sort` and
//! `page`. Parsing never fails: unknown parameters and values are ignored, so that any URL
//! yields a page.

use crate::languages::key;
use crate::paths;
use crate::taxonomy::{
    Award, GovernanceLevel, ImpactArea, InnovationType, IntegrationType, Region,
    SocialInnovationElement, Term, Topic,
};

/// A dimension a visitor can filter and count by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Region,
    Country,
    Topic,
    Award,
    Year,
    Innovation,
    Governance,
    Integration,
    Element,
    Impact,
    Language,
    Organisation,
}

pub const FACET_COUNT: usize = 12;

impl Facet {
    /// In the order the filter panel shows them.
    pub const ALL: [Facet; FACET_COUNT] = [
        Facet::Region,
        Facet::Country,
        Facet::Topic,
        Facet::Award,
        Facet::Year,
        Facet::Innovation,
        Facet::Governance,
        Facet::Integration,
        Facet::Element,
        Facet::Impact,
        Facet::Language,
        Facet::Organisation,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The query parameter, part of the public URL interface.
    pub fn param(self) -> &'static str {
        match self {
            Facet::Region => "region",
            Facet::Country => "country",
            Facet::Topic => "topic",
            Facet::Award => "award",
            Facet::Year => "year",
            Facet::Innovation => "innovation",
            Facet::Governance => "governance",
            Facet::Integration => "integration",
            Facet::Element => "element",
            Facet::Impact => "impact",
            Facet::Language => "language",
            Facet::Organisation => "organisation",
        }
    }

    /// The key of the facet's name in the language files.
    pub fn label_key(self) -> &'static str {
        match self {
            Facet::Region => key!("facet-region"),
            Facet::Country => key!("facet-country"),
            Facet::Topic => key!("facet-topic"),
            Facet::Award => key!("facet-award"),
            Facet::Year => key!("facet-year"),
            Facet::Innovation => key!("facet-innovation"),
            Facet::Governance => key!("facet-governance"),
            Facet::Integration => key!("facet-integration"),
            Facet::Element => key!("facet-element"),
            Facet::Impact => key!("facet-impact"),
            Facet::Language => key!("facet-language"),
            Facet::Organisation => key!("facet-organisation"),
        }
    }

    pub fn from_param(param: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|facet| facet.param() == param)
    }

    /// For facets over a closed vocabulary: the slug and label key of each value, in order, so that
    /// a value's code is its position here.
    pub fn vocabulary(self) -> Option<Vec<(&'static str, &'static str)>> {
        fn pairs<T: Term>() -> Option<Vec<(&'static str, &'static str)>> {
            Some(T::ALL.iter().map(|&v| (v.slug(), v.label_key())).collect())
        }
        match self {
            Facet::Region => pairs::<Region>(),
            Facet::Topic => pairs::<Topic>(),
            Facet::Award => pairs::<Award>(),
            Facet::Innovation => pairs::<InnovationType>(),
            Facet::Governance => pairs::<GovernanceLevel>(),
            Facet::Integration => pairs::<IntegrationType>(),
            Facet::Element => pairs::<SocialInnovationElement>(),
            Facet::Impact => pairs::<ImpactArea>(),
            Facet::Language | Facet::Country | Facet::Year | Facet::Organisation => None,
        }
    }
}

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Sort {
    /// Best full-text match first; without search text, the same as `Newest`.
    #[default]
    Relevance,
    Newest,
    Title,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Relevance, Sort::Newest, Sort::Title];

    pub fn param(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Title => "title",
        }
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Sort::Relevance => key!("sort-relevance"),
            Sort::Newest => key!("sort-newest"),
            Sort::Title => key!("sort-title"),
        }
    }

    fn from_param(param: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|sort| sort.param() == param)
    }
}

/// Search text longer than this is cut: nobody types more, and it bounds the work per request.
const MAX_SEARCH_CHARS: usize = 200;

/// What a browse URL asks for. Values are kept as given (trimmed), and resolved against the
/// catalogue later, so that a filter on a value with no practice still shows as active.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BrowseQuery {
    pub text: String,
    pub filters: Vec<(Facet, String)>,
    pub sort: Sort,
    pub page: usize,
    /// The words as typed, without the retry that corrects typing mistakes.
    pub exact: bool,
}

impl BrowseQuery {
    pub fn parse(query_string: &str) -> BrowseQuery {
        let mut query = BrowseQuery {
            page: 1,
            ..BrowseQuery::default()
        };
        for (key, value) in form_urlencoded::parse(query_string.as_bytes()) {
            let value = crate::text::clean(&value);
            let value = value.trim();
            match key.as_ref() {
                "q" => query.text = value.chars().take(MAX_SEARCH_CHARS).collect(),
                "sort" => query.sort = Sort::from_param(value).unwrap_or_default(),
                "page" => query.page = value.parse().ok().filter(|&p| p >= 1).unwrap_or(1),
                "exact" => query.exact = value == "1",
                key => {
                    if let Some(facet) = Facet::from_param(key) {
                        let filter = (facet, value.to_owned());
                        if !value.is_empty() && !query.filters.contains(&filter) {
                            query.filters.push(filter);
                        }
                    }
                }
            }
        }
        query.filters.sort();
        query
    }

    pub fn is_selected(&self, facet: Facet, value: &str) -> bool {
        self.filters.iter().any(|(f, v)| *f == facet && v == value)
    }

    /// The cache key of the result set: everything but the page.
    pub fn result_key(&self) -> String {
        BrowseQuery {
            page: 1,
            ..self.clone()
        }
        .to_query_string()
    }

    /// The query string of this state, with defaults left out so that links stay short.
    pub fn to_query_string(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if !self.text.is_empty() {
            out.append_pair("q", &self.text);
        }
        for (facet, value) in &self.filters {
            out.append_pair(facet.param(), value);
        }
        if self.sort != Sort::default() {
            out.append_pair("sort", self.sort.param());
        }
        if self.exact && !self.text.is_empty() {
            out.append_pair("exact", "1");
        }
        if self.page > 1 {
            out.append_pair("page", &self.page.to_string());
        }
        out.finish()
    }

    /// The URL of this state on `/practices`.
    pub fn url(&self) -> String {
        self.url_on(paths::PRACTICES)
    }

    /// The URL of this state on another page that takes the same filters (the framework map,
    /// the statistics, the exports).
    pub fn url_on(&self, path: &str) -> String {
        let query = self.to_query_string();
        if query.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{query}")
        }
    }

    /// This search with one filter added, or removed if it is already active; back to page 1.
    pub fn toggled(&self, facet: Facet, value: &str) -> BrowseQuery {
        let mut next = BrowseQuery {
            page: 1,
            ..self.clone()
        };
        if next.is_selected(facet, value) {
            next.filters.retain(|(f, v)| !(*f == facet && v == value));
        } else {
            next.filters.push((facet, value.to_owned()));
            next.filters.sort();
        }
        next
    }

    /// This search with `value` as the only value of `facet`; back to page 1. A chart cell or
    /// bar links here, so that the list shows exactly the practices it counted.
    pub fn narrowed_to(&self, facet: Facet, value: &str) -> BrowseQuery {
        let mut next = self.with_page(1);
        next.filters.retain(|(f, _)| *f != facet);
        next.filters.push((facet, value.to_owned()));
        next.filters.sort();
        next
    }

    pub fn with_page(&self, page: usize) -> BrowseQuery {
        BrowseQuery {
            page,
            ..self.clone()
        }
    }

    /// A browse URL with a single filter, for links from practice pages and the home page.
    pub fn filtered_by(facet: Facet, value: &str) -> BrowseQuery {
        BrowseQuery {
            page: 1,
            ..BrowseQuery::default()
        }
        .toggled(facet, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_repeated_filters_and_ignores_unknown_input() {
        let query = BrowseQuery::parse(
            "q=+pension+&topic=health&topic=ict&topic=health&bogus=1&page=-3&sort=nope&region=",
        );
        assert_eq!(query.text, "pension");
        assert_eq!(
            query.filters,
            vec![
                (Facet::Topic, "health".to_owned()),
                (Facet::Topic, "ict".to_owned())
            ]
        );
        assert_eq!(query.page, 1);
        assert_eq!(query.sort, Sort::Relevance);
    }

    #[test]
    fn toggling_a_filter_adds_then_removes_it_and_resets_the_page() {
        let query = BrowseQuery::parse("q=care&page=4");
        let added = query.toggled(Facet::Region, "europe");
        assert_eq!(added.url(), "/practices?q=care&region=europe");
        assert_eq!(
            added.toggled(Facet::Region, "europe").url(),
            "/practices?q=care"
        );
    }

    #[test]
    fn narrowing_replaces_every_value_of_the_facet_only() {
        let query = BrowseQuery::parse("topic=ict&topic=health&region=europe&page=3");
        assert_eq!(
            query.narrowed_to(Facet::Topic, "migration").url(),
            "/practices?region=europe&topic=migration"
        );
        assert_eq!(
            query.url_on(paths::FRAMEWORK),
            "/framework?region=europe&topic=health&topic=ict&page=3"
        );
    }

    #[test]
    fn search_text_is_bounded() {
        let long = "a".repeat(10_000);
        assert_eq!(
            BrowseQuery::parse(&format!("q={long}")).text.len(),
            MAX_SEARCH_CHARS
        );
    }
}
