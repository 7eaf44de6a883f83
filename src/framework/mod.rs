//! The IESI framework map: the published practices on the plane of ICT-enabled innovation type
//! (across) and governance level of service integration (up), each cell split by impact area.
//! The filters of `/practices` apply; every count comes from the in-memory catalogue.

pub mod grid;
pub mod plane;
pub mod public_pages;
pub mod views;
