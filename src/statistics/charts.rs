//! Which charts the statistics page draws and what each bar counts.

use crate::languages::key;
use crate::languages::Lang;
use crate::practices::catalog::{Catalog, ResultSet};
use crate::practices::facets::{BrowseQuery, Facet};

/// How the bars of a chart are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarOrder {
    /// As the vocabulary lists its terms (regions, award levels from the highest, the IESI
    /// dimensions from the least to the most radical).
    Vocabulary,
    /// Oldest first, so that the chart reads as a time line.
    Chronological,
    /// Most practices first: 28 topics are easier to compare ranked.
    LargestFirst,
}

pub struct ChartSpec {
    pub facet: Facet,
    pub heading: &'static str,
    pub order: BarOrder,
}

pub const CHARTS: [ChartSpec; 6] = [
    ChartSpec {
        facet: Facet::Region,
        heading: key!("statistics-by-region"),
        order: BarOrder::Vocabulary,
    },
    ChartSpec {
        facet: Facet::Year,
        heading: key!("statistics-by-year"),
        order: BarOrder::Chronological,
    },
    ChartSpec {
        facet: Facet::Topic,
        heading: key!("statistics-by-topic"),
        order: BarOrder::LargestFirst,
    },
    ChartSpec {
        facet: Facet::Award,
        heading: key!("statistics-by-award"),
        order: BarOrder::Vocabulary,
    },
    ChartSpec {
        facet: Facet::Innovation,
        heading: key!("statistics-by-innovation"),
        order: BarOrder::Vocabulary,
    },
    ChartSpec {
        facet: Facet::Integration,
        heading: key!("statistics-by-integration"),
        order: BarOrder::Vocabulary,
    },
];

/// One bar: a value of the facet and the practices that have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarCount {
    /// The value as the filter takes it (`CA`, `health`).
    pub value: String,
    pub label: String,
    pub count: u32,
    /// The list of exactly these practices.
    pub url: String,
}

/// The bars of one chart. Each counts the practices that pass every other filter and have the
/// bar's value, which is what the list shows with that value as the facet's only filter.
pub fn bars(
    catalog: &Catalog,
    result: &ResultSet,
    query: &BrowseQuery,
    spec: &ChartSpec,
    lang: Lang,
) -> Vec<BarCount> {
    let mut bars: Vec<BarCount> = result.counts[spec.facet.index()]
        .iter()
        .enumerate()
        .map(|(code, &count)| {
            let (value, label) = catalog.value(spec.facet, code as u32, lang);
            BarCount {
                url: query.narrowed_to(spec.facet, &value).url(),
                value,
                label,
                count,
            }
        })
        .collect();
    match spec.order {
        BarOrder::Vocabulary => {}
        // The catalogue keeps years newest first.
        BarOrder::Chronological => bars.reverse(),
        BarOrder::LargestFirst => bars.sort_by_key(|bar| std::cmp::Reverse(bar.count)),
    }
    bars
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::PracticeId;
    use crate::practices::catalog::CatalogSource;
    use crate::taxonomy::Topic;

    #[test]
    fn topics_are_ranked_and_each_bar_links_to_its_value_alone() {
        let mut source = CatalogSource {
            ids: (1..=3).map(PracticeId).collect(),
            newest: vec![2, 1, 0],
            by_title: vec![0, 1, 2],
            ..CatalogSource::default()
        };
        for row in 0..3 {
            source.add(row, Facet::Topic, Topic::Health.index() as u32);
        }
        source.add(0, Facet::Topic, Topic::Ict.index() as u32);
        let catalog = Catalog::searchless(source);
        let query = BrowseQuery::parse("topic=ict");
        let result = catalog.result(&query, || Ok::<_, ()>(None)).unwrap();
        let bars = bars(&catalog, &result, &query, &CHARTS[2], Lang::En);
        assert_eq!(bars[0].label, "Health");
        assert_eq!(
            bars[0].count, 3,
            "other topics do not narrow the topic chart"
        );
        assert_eq!(bars[0].url, "/practices?topic=health");
        assert_eq!(bars[1].count, 1);
        assert_eq!(bars.len(), Topic::ALL.len());
    }
}
