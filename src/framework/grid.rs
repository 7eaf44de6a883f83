//! The grid of the IESI plane (innovation types across, governance levels up), shared by the
//! framework page and the small map on each practice page.

use crate::languages::Lang;
use crate::practices::facets::{BrowseQuery, Facet};
use crate::taxonomy::{GovernanceLevel, ImpactArea, InnovationType};

/// Where the cells of a plane go: innovation types left to right, governance levels bottom to
/// top, as on a Cartesian plane.
pub(super) struct Grid {
    pub(super) left: u32,
    pub(super) top: u32,
    pub(super) cell_width: u32,
    pub(super) cell_height: u32,
}

const COLUMNS: u32 = InnovationType::ALL.len() as u32;
const LEVELS: u32 = GovernanceLevel::ALL.len() as u32;

impl Grid {
    pub(super) fn x(&self, innovation: InnovationType) -> u32 {
        self.left + innovation.index() as u32 * self.cell_width
    }

    pub(super) fn y(&self, governance: GovernanceLevel) -> u32 {
        self.top + (LEVELS - 1 - governance.index() as u32) * self.cell_height
    }

    pub(super) fn width(&self) -> u32 {
        self.left + COLUMNS * self.cell_width
    }

    pub(super) fn bottom(&self) -> u32 {
        self.top + LEVELS * self.cell_height
    }
}

/// The small map of a practice page: axis titles only.
const MINI: Grid = Grid {
    left: 20,
    top: 4,
    cell_width: 30,
    cell_height: 20,
};
const MINI_FOOT: u32 = 22;

/// `Disruptive innovation, cross-sectoral integration`.
pub(super) fn position(
    innovation: InnovationType,
    governance: GovernanceLevel,
    lang: Lang,
) -> String {
    lang.t2(
        "framework-position",
        "innovation",
        innovation.label(lang),
        "governance",
        governance.label(lang).to_lowercase(),
    )
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
