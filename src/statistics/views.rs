//! The statistics page: each chart laid out as horizontal SVG bars, with the same numbers as a
//! table.

use askama::Template;

use super::charts::{bars, BarCount, CHARTS};
use crate::accounts::session::Layout;
use crate::languages::Lang;
use crate::practices::catalog::{Catalog, ResultSet};
use crate::practices::facets::BrowseQuery;
use crate::practices::views::{practices_counted, View, ViewSummary};

/// Room for the longest label ("Compliance and contribution collection").
const LABEL_WIDTH: u32 = 290;
/// The longest bar; the count is written after it.
const BAR_LENGTH: u32 = 380;
const COUNT_ROOM: u32 = 70;
const ROW_HEIGHT: u32 = 26;

pub struct BarView {
    pub label: String,
    pub count: u32,
    /// None for an empty bar: there is nothing to list.
    pub url: Option<String>,
    /// The bar in words, for screen readers.
    pub description: String,
    pub y: u32,
    pub length: u32,
}

pub struct BarChart {
    /// Unique on the page, for the heading's id.
    pub id: &'static str,
    pub heading: String,
    pub width: u32,
    pub height: u32,
    pub label_width: u32,
    pub bars: Vec<BarView>,
}

impl BarChart {
    fn new(id: &'static str, heading: String, counts: Vec<BarCount>, lang: Lang) -> BarChart {
        let largest = counts.iter().map(|bar| bar.count).max().unwrap_or(0).max(1);
        let bars: Vec<BarView> = counts
            .into_iter()
            .zip((0..).step_by(ROW_HEIGHT as usize))
            .map(|(bar, y)| BarView {
                length: BAR_LENGTH * bar.count / largest,
                url: (bar.count > 0).then_some(bar.url),
                description: lang.t2(
                    "statistics-bar",
                    "label",
                    &bar.label,
                    "counted",
                    practices_counted(bar.count as usize, lang),
                ),
                label: bar.label,
                count: bar.count,
                y,
            })
            .collect();
        BarChart {
            id,
            heading,
            width: LABEL_WIDTH + BAR_LENGTH + COUNT_ROOM,
            height: bars.len() as u32 * ROW_HEIGHT,
            label_width: LABEL_WIDTH,
            bars,
        }
    }
}

#[derive(Template)]
#[template(path = "statistics/index.html")]
pub struct StatisticsPage {
    pub layout: Layout,
    pub summary: ViewSummary,
    pub charts: Vec<BarChart>,
}

impl StatisticsPage {
    pub fn new(
        layout: Layout,
        query: &BrowseQuery,
        catalog: &Catalog,
        result: &ResultSet,
    ) -> StatisticsPage {
        let lang = layout.lang;
        StatisticsPage {
            layout,
            summary: ViewSummary::new(
                View::Statistics,
                ("nav-statistics", "statistics-description"),
                (query, catalog, result),
                lang,
            ),
            charts: CHARTS
                .iter()
                .map(|spec| {
                    let counts = bars(catalog, result, query, spec, lang);
                    BarChart::new(spec.facet.param(), lang.t(spec.heading), counts, lang)
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_bar_is_full_length_and_empty_bars_link_nowhere() {
        let count = |label: &str, count| BarCount {
            value: label.to_owned(),
            label: label.to_owned(),
            count,
            url: format!("/practices?x={label}"),
        };
        let chart = BarChart::new(
            "x",
            "X".to_owned(),
            vec![count("a", 10), count("b", 5), count("c", 0)],
            Lang::En,
        );
        let lengths: Vec<u32> = chart.bars.iter().map(|b| b.length).collect();
        assert_eq!(lengths, vec![BAR_LENGTH, BAR_LENGTH / 2, 0]);
        assert_eq!(chart.bars[2].url, None);
        assert_eq!(chart.bars[1].y, ROW_HEIGHT);
        assert_eq!(chart.height, 3 * ROW_HEIGHT);
    }
}
