//! The map page: each country shaded by how many practices it has, in five steps that grow
//! geometrically to the largest count (a few countries hold many practices, most a few).

use askama::Template;

use super::world::{self, OUTLINES};
use crate::accounts::session::Layout;
use crate::languages::{key, Lang};
use crate::practices::catalog::{Catalog, ResultSet};
use crate::practices::facets::{BrowseQuery, Facet};
use crate::practices::views::{practices_counted, View, ViewSummary};
use crate::statistics::charts::{bars, BarCount, BarOrder, ChartSpec};

/// How many shades of blue the map uses for counts above zero.
const SHADES: u32 = 5;

const COUNTRIES: ChartSpec = ChartSpec {
    facet: Facet::Country,
    heading: key!("map-table"),
    order: BarOrder::LargestFirst,
};

/// A country with practices: its list and, for screen readers, its name and count.
pub struct CountryLink {
    pub url: String,
    pub description: String,
}

pub struct Shape {
    pub path: &'static str,
    /// 0 for no practice, else 1 to `SHADES`.
    pub shade: usize,
    pub selected: bool,
    pub link: Option<CountryLink>,
}

/// A country too small to see, with practices: a circle where it is.
pub struct Marker {
    pub x: f32,
    pub y: f32,
    pub shade: usize,
    pub link: CountryLink,
}

pub struct LegendStep {
    pub shade: usize,
    pub range: String,
}

#[derive(Template)]
#[template(path = "map/index.html")]
pub struct MapPage {
    pub layout: Layout,
    pub summary: ViewSummary,
    pub width: u32,
    pub height: u32,
    pub shapes: Vec<Shape>,
    pub markers: Vec<Marker>,
    pub legend: Vec<LegendStep>,
    /// Countries with practices, most first: the map's numbers as a table.
    pub rows: Vec<BarCount>,
}

impl MapPage {
    pub fn new(
        layout: Layout,
        query: &BrowseQuery,
        catalog: &Catalog,
        result: &ResultSet,
    ) -> MapPage {
        let lang = layout.lang;
        let mut rows = bars(catalog, result, query, &COUNTRIES, lang);
        rows.retain(|row| row.count > 0);
        let bounds = shade_bounds(rows.first().map_or(0, |row| row.count));
        let with_practices = |code: &str| rows.iter().find(|row| row.value == code);
        let link = |row: &BarCount| CountryLink {
            url: row.url.clone(),
            description: lang.t2(
                "statistics-bar",
                "label",
                &row.label,
                "counted",
                practices_counted(row.count as usize, lang),
            ),
        };
        let shapes = OUTLINES
            .iter()
            .filter(|outline| !outline.path.is_empty())
            .map(|outline| {
                let row = with_practices(outline.code);
                Shape {
                    path: outline.path,
                    shade: shade(row.map_or(0, |row| row.count), &bounds),
                    selected: query.is_selected(Facet::Country, outline.code),
                    link: row.map(link),
                }
            })
            .collect();
        let markers = OUTLINES
            .iter()
            .filter_map(|outline| {
                let (x, y) = outline.marker?;
                let row = with_practices(outline.code)?;
                Some(Marker {
                    x,
                    y,
                    shade: shade(row.count, &bounds),
                    link: link(row),
                })
            })
            .collect();
        MapPage {
            layout,
            summary: ViewSummary::new(
                View::Map,
                ("nav-map", "map-description"),
                (query, catalog, result),
                lang,
            ),
            width: world::WIDTH,
            height: world::HEIGHT,
            shapes,
            markers,
            legend: legend(&bounds, lang),
            rows,
        }
    }
}

/// The largest count of each shade: up to `SHADES` bounds growing geometrically to `largest`,
/// fewer when counts are small (no two shades for the same counts).
fn shade_bounds(largest: u32) -> Vec<u32> {
    let mut bounds: Vec<u32> = (1..=SHADES)
        .map(|step| (largest as f64).powf(step as f64 / SHADES as f64).ceil() as u32)
        .filter(|&bound| bound > 0)
        .collect();
    bounds.dedup();
    bounds
}

fn shade(count: u32, bounds: &[u32]) -> usize {
    if count == 0 {
        return 0;
    }
    1 + bounds
        .iter()
        .position(|&bound| count <= bound)
        .unwrap_or(bounds.len().saturating_sub(1))
}

fn legend(bounds: &[u32], lang: Lang) -> Vec<LegendStep> {
    let mut legend = vec![LegendStep {
        shade: 0,
        range: lang.num(0),
    }];
    let mut lowest = 1;
    for (index, &bound) in bounds.iter().enumerate() {
        legend.push(LegendStep {
            shade: index + 1,
            range: if lowest == bound {
                lang.num(bound)
            } else {
                lang.t2("map-range", "from", lowest, "to", bound)
            },
        });
        lowest = bound + 1;
    }
    legend
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shades_grow_geometrically_and_never_repeat_a_range() {
        assert_eq!(shade_bounds(0), Vec::<u32>::new());
        assert_eq!(shade_bounds(1), vec![1]);
        assert_eq!(shade_bounds(100), vec![3, 7, 16, 40, 100]);
        let bounds = shade_bounds(100);
        assert_eq!(shade(0, &bounds), 0);
        assert_eq!(shade(1, &bounds), 1);
        assert_eq!(shade(3, &bounds), 1);
        assert_eq!(shade(4, &bounds), 2);
        assert_eq!(shade(100, &bounds), 5);
    }

    #[test]
    fn the_legend_names_each_shade_s_counts() {
        let ranges: Vec<String> = legend(&[1, 3, 10], Lang::En)
            .into_iter()
            .map(|step| step.range)
            .collect();
        assert_eq!(ranges, ["0", "1", "2–3", "4–10"]);
    }
}
