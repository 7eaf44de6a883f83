//! Where practices sit on the IESI plane, and how strongly a cell is drawn.

use crate::ids::PracticeId;
use crate::practices::catalog::Catalog;
use crate::practices::facets::Facet;
use crate::taxonomy::{GovernanceLevel, ImpactArea, InnovationType};

/// The practices of one innovation type at one governance level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub innovation: InnovationType,
    pub governance: GovernanceLevel,
    /// By impact area, in `ImpactArea::ALL` order.
    pub by_impact: [u32; ImpactArea::ALL.len()],
}

impl Cell {
    pub fn total(&self) -> u32 {
        self.by_impact.iter().sum()
    }

    pub fn count(&self, impact: ImpactArea) -> u32 {
        self.by_impact[impact.index()]
    }
}

/// Every cell of the plane, governance level by governance level, each in innovation order.
#[derive(Debug)]
pub struct Plane {
    cells: Vec<Cell>,
}

impl Plane {
    /// Counts `practices` by cell in one pass over the catalogue's columns.
    pub fn of(catalog: &Catalog, practices: &[PracticeId]) -> Plane {
        let tally = catalog.tally(
            practices,
            [Facet::Governance, Facet::Innovation, Facet::Impact],
        );
        let cells = GovernanceLevel::ALL
            .iter()
            .flat_map(|&governance| {
                InnovationType::ALL
                    .iter()
                    .map(move |&innovation| (governance, innovation))
            })
            .map(|(governance, innovation)| Cell {
                innovation,
                governance,
                by_impact: std::array::from_fn(|impact| {
                    tally.count([governance.index(), innovation.index(), impact])
                }),
            })
            .collect();
        Plane { cells }
    }

    /// The cells of one governance level, from the least to the most radical innovation.
    pub fn row(&self, governance: GovernanceLevel) -> &[Cell] {
        let width = InnovationType::ALL.len();
        &self.cells[governance.index() * width..][..width]
    }

    pub fn largest(&self) -> u32 {
        self.cells.iter().map(Cell::total).max().unwrap_or(0)
    }
}

/// How many shades a non-empty cell can take.
pub const SHADES: u32 = 5;

/// The shade of a cell: 0 when empty, otherwise 1 to `SHADES` in even steps up to the
/// largest count, so that a single practice still shows and the fullest cell is darkest.
pub fn shade(count: u32, largest: u32) -> u32 {
    if count == 0 {
        0
    } else {
        (count * SHADES).div_ceil(largest.max(count))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shades_rise_evenly_and_only_empty_cells_are_blank() {
        assert_eq!(shade(0, 100), 0);
        assert_eq!(shade(1, 100), 1);
        assert_eq!(shade(20, 100), 1);
        assert_eq!(shade(21, 100), 2);
        assert_eq!(shade(100, 100), SHADES);
        assert_eq!(shade(3, 0), SHADES, "a count above the largest is capped");
    }
}
