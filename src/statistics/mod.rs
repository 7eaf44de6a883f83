//! Statistics of the practice database: counts by region, year, topic, award, innovation type
//! and integration type, for the practices the filters of `/practices` select. The counts are
//! the facet counts the catalogue already keeps, so a chart costs no extra pass.

pub mod charts;
pub mod public_pages;
pub mod views;
