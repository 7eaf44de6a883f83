//! The framework page and the small map of a practice page, laid out for SVG.

use askama::Template;

use super::plane::{shade, Cell, Plane};
use crate::accounts::session::Layout;
use crate::languages::Lang;
use crate::practices::catalog::{Catalog, ResultSet};
use crate::practices::facets::{BrowseQuery, Facet};
use crate::practices::views::{practices_counted, FilterScope, View};
use crate::taxonomy::{GovernanceLevel, ImpactArea, InnovationType};

/// Where the cells of a plane go: innovation types left to right, governance levels bottom to
/// top, as on a Cartesian plane.
struct Grid {
    left: u32,
    top: u32,
    cell_width: u32,
    cell_height: u32,
}

const COLUMNS: u32 = InnovationType::ALL.len() as u32;
const LEVELS: u32 = GovernanceLevel::ALL.len() as u32;

impl Grid {
    fn x(&self, innovation: InnovationType) -> u32 {
        self.left + innovation.index() as u32 * self.cell_width
    }

    fn y(&self, governance: GovernanceLevel) -> u32 {
        self.top + (LEVELS - 1 - governance.index() as u32) * self.cell_height
    }

    fn width(&self) -> u32 {
        self.left + COLUMNS * self.cell_width
    }

    fn bottom(&self) -> u32 {
        self.top + LEVELS * self.cell_height
    }
}

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

/// The small map of a practice page: axis titles only.
const MINI: Grid = Grid {
    left: 20,
    top: 4,
    cell_width: 30,
    cell_height: 20,
};
const MINI_FOOT: u32 = 22;

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

/// `Disruptive innovation, cross-sectoral integration`.
fn position(innovation: InnovationType, governance: GovernanceLevel, lang: Lang) -> String {
    lang.t2(
        "framework-position",
        "innovation",
        innovation.label(lang),
        "governance",
        governance.label(lang).to_lowercase(),
    )
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
    pub title: String,
    pub description: String,
    pub total: usize,
    /// `12 practices`.
    pub counted: String,
    pub scope: FilterScope,
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
        let scope = FilterScope::new(query, catalog, View::Framework, lang);
        let total = result.practices.len();
        FrameworkPage {
            layout,
            title: scope.title(&lang.t("framework-title")),
            description: lang.t2(
                "framework-description",
                "counted",
                practices_counted(total, lang),
                "scope",
                scope.in_brackets(),
            ),
            total,
            counted: practices_counted(total, lang),
            scope,
            chart: PlaneChart::new(&Plane::of(catalog, &result.practices), query, lang),
        }
    }
}

pub struct MiniCell {
    pub x: u32,
    pub y: u32,
    pub here: bool,
}

/// A practice's position on the plane, drawn small on its page.
pub struct MiniMap {
    pub width: u32,
    pub height: u32,
    pub cell_width: u32,
    pub cell_height: u32,
    pub plane_left: u32,
    pub plane_bottom: u32,
    pub cells: Vec<MiniCell>,
    pub description: String,
    /// The practices in the same cell.
    pub neighbours_url: String,
}

impl MiniMap {
    pub fn at(
        innovation: InnovationType,
        governance: GovernanceLevel,
        impact: ImpactArea,
        lang: Lang,
    ) -> MiniMap {
        let cells = GovernanceLevel::ALL
            .iter()
            .flat_map(|&g| InnovationType::ALL.iter().map(move |&i| (g, i)))
            .map(|(g, i)| MiniCell {
                x: MINI.x(i),
                y: MINI.y(g),
                here: (g, i) == (governance, innovation),
            })
            .collect();
        MiniMap {
            width: MINI.width() + 2,
            height: MINI.bottom() + MINI_FOOT,
            cell_width: MINI.cell_width,
            cell_height: MINI.cell_height,
            plane_left: MINI.left,
            plane_bottom: MINI.bottom(),
            cells,
            description: lang.t2(
                "framework-mini-description",
                "position",
                position(innovation, governance, lang),
                "impact",
                impact.label(lang).to_lowercase(),
            ),
            neighbours_url: BrowseQuery::filtered_by(Facet::Innovation, innovation.slug())
                .narrowed_to(Facet::Governance, governance.slug())
                .url(),
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

    #[test]
    fn the_small_map_marks_one_cell() {
        let map = MiniMap::at(
            InnovationType::Incremental,
            GovernanceLevel::Extended,
            ImpactArea::PublicValue,
            Lang::En,
        );
        let marked: Vec<&MiniCell> = map.cells.iter().filter(|c| c.here).collect();
        assert_eq!(marked.len(), 1);
        assert_eq!((marked[0].x, marked[0].y), (MINI.left, MINI.top));
    }
}
