//! The framework page, laid out for SVG.

use askama::Template;

use super::grid::{position, Grid};
use super::plane::{shade, Cell, Plane};
use crate::accounts::session::Layout;
use crate::languages::Lang;
use crate::practices::catalog::{Catalog, ResultSet};
use crate::practices::facets::{BrowseQuery, Facet};
use crate::practices::views::{practices_counted, View, ViewSummary};
use crate::taxonomy::{GovernanceLevel, ImpactArea, InnovationType};

/// The full map: room on the left for the governance levels, below for the innovation types.
const MAP: Grid = Grid {
    left: 190,
    top: 8,
    cell_width: 150,
    cell_height: 96,
};
const MAP_FOOT: u32 = 84;
/// The impact bar runs across a cell, this far from either side.
const BAR_INSET: u32 = 16;
/// From this shade on a cell is dark enough to need white text.
const FIRST_DARK_SHADE: u32 = 3;

pub struct ImpactShare {
    /// The impact area's slug, which is also its CSS class.
    pub slug: &'static str,
    pub count: u32,
    /// Offset and width of its part of the bar.
    pub offset: u32,
    pub width: u32,
}

pub struct CellView {
    pub x: u32,
    pub y: u32,
    pub total: u32,
    pub shares: Vec<ImpactShare>,
    pub shade: u32,
    pub dark: bool,
    /// The list of exactly these practices; none for an empty cell.
    pub url: Option<String>,
    /// The cell in words, for screen readers.
    pub description: String,
}

impl CellView {
    fn new(cell: &Cell, largest: u32, query: &BrowseQuery, lang: Lang) -> CellView {
        let total = cell.total();
        let shade = shade(total, largest);
        let bar = MAP.cell_width - 2 * BAR_INSET;
        let mut offset = 0;
        let shares = ImpactArea::ALL
            .iter()
            .map(|&impact| {
                let count = cell.count(impact);
                let width = (bar * count).checked_div(total).unwrap_or(0);
                let share = ImpactShare {
                    slug: impact.slug(),
                    count,
                    offset,
                    width,
                };
                offset += width;
                share
            })
            .collect();
        let url = (total > 0).then(|| {
            query
                .narrowed_to(Facet::Innovation, cell.innovation.slug())
                .narrowed_to(Facet::Governance, cell.governance.slug())
                .url()
        });
        CellView {
            x: MAP.x(cell.innovation),
            y: MAP.y(cell.governance),
            total,
            description: lang.t2(
                "framework-cell",
                "position",
                position(cell.innovation, cell.governance, lang),
                "counted",
                counted(cell, lang),
            ),
            shares,
            shade,
            dark: shade >= FIRST_DARK_SHADE,
            url,
        }
    }
}

/// `12 practices: 8 service delivery, 4 public value creation`.
fn counted(cell: &Cell, lang: Lang) -> String {
    let split: Vec<String> = ImpactArea::ALL
        .iter()
        .map(|&impact| {
            lang.t2(
                "framework-impact-count",
                "count",
                cell.count(impact),
                "impact",
                impact.label(lang).to_lowercase(),
            )
        })
        .collect();
    lang.t2(
        "framework-counted",
        "counted",
        practices_counted(cell.total() as usize, lang),
        "split",
        split.join(&lang.t("list-separator")),
    )
}

pub struct PlaneRow {
    pub label: String,
    /// The baseline of the row's label, at the middle of the row.
    pub label_y: u32,
    pub cells: Vec<CellView>,
}

pub struct ColumnLabel {
    pub label: String,
    /// The middle of the column.
    pub x: u32,
    /// The label broken after its slash, so that it fits under its column.
    pub lines: Vec<String>,
}

/// The full map, laid out: the template draws it as SVG and as a table.
pub struct PlaneChart {
    pub width: u32,
    pub height: u32,
    pub cell_width: u32,
    pub cell_height: u32,
    pub bar_inset: u32,
    pub bar_width: u32,
    pub plane_left: u32,
    pub plane_bottom: u32,
    /// The middle of the plane, where the axis titles are centred.
    pub middle_x: u32,
    pub middle_y: u32,
    /// The most integrated level first, as drawn.
    pub rows: Vec<PlaneRow>,
    pub columns: Vec<ColumnLabel>,
}

impl PlaneChart {
    fn new(plane: &Plane, query: &BrowseQuery, lang: Lang) -> PlaneChart {
        let largest = plane.largest();
        let rows = GovernanceLevel::ALL
            .iter()
            .rev()
            .map(|&governance| PlaneRow {
                label: governance.label(lang),
                label_y: MAP.y(governance) + MAP.cell_height / 2,
                cells: plane
                    .row(governance)
                    .iter()
                    .map(|cell| CellView::new(cell, largest, query, lang))
                    .collect(),
            })
            .collect();
        let columns = InnovationType::ALL
            .iter()
            .map(|&innovation| {
                let label = innovation.label(lang);
                ColumnLabel {
                    x: MAP.x(innovation) + MAP.cell_width / 2,
                    lines: label
                        .split_inclusive(" / ")
                        .map(|line| line.trim().to_owned())
                        .collect(),
                    label,
                }
            })
            .collect();
        PlaneChart {
            width: MAP.width() + 8,
            height: MAP.bottom() + MAP_FOOT,
            cell_width: MAP.cell_width,
            cell_height: MAP.cell_height,
            bar_inset: BAR_INSET,
            bar_width: MAP.cell_width - 2 * BAR_INSET,
            plane_left: MAP.left,
            plane_bottom: MAP.bottom(),
            middle_x: (MAP.left + MAP.width()) / 2,
            middle_y: (MAP.top + MAP.bottom()) / 2,
            rows,
            columns,
        }
    }
}

#[derive(Template)]
#[template(path = "framework/map.html")]
pub struct FrameworkPage {
    pub layout: Layout,
    pub summary: ViewSummary,
    pub chart: PlaneChart,
}

impl FrameworkPage {
    pub fn new(
        layout: Layout,
        query: &BrowseQuery,
        catalog: &Catalog,
        result: &ResultSet,
    ) -> FrameworkPage {
        let lang = layout.lang;
        FrameworkPage {
            layout,
            summary: ViewSummary::new(
                View::Framework,
                ("framework-title", "framework-description"),
                (query, catalog, result),
                lang,
            ),
            chart: PlaneChart::new(&Plane::of(catalog, &result.practices), query, lang),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_integrated_level_is_drawn_at_the_top() {
        assert!(MAP.y(GovernanceLevel::Extended) < MAP.y(GovernanceLevel::Segregated));
        assert_eq!(MAP.y(GovernanceLevel::Extended), MAP.top);
        assert!(MAP.x(InnovationType::Incremental) < MAP.x(InnovationType::Transformative));
    }

    #[test]
    fn impact_shares_split_the_bar_in_proportion() {
        let cell = Cell {
            innovation: InnovationType::Disruptive,
            governance: GovernanceLevel::CrossSectoral,
            by_impact: [3, 1],
        };
        let view = CellView::new(&cell, 8, &BrowseQuery::parse("region=europe"), Lang::En);
        let bar = MAP.cell_width - 2 * BAR_INSET;
        assert_eq!(view.shares[0].width, bar * 3 / 4);
        assert_eq!(view.shares[1].offset, view.shares[0].width);
        assert_eq!(
            view.url.as_deref(),
            Some("/practices?region=europe&innovation=disruptive&governance=cross-sectoral")
        );
        assert_eq!(
            view.description,
            "Disruptive innovation, cross-sectoral integration: 4 practices: \
             3 public-sector social service delivery, 1 public value creation"
        );
    }
}
