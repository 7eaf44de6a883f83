//! The world map of the practice database: practices per country as a choropleth drawn on the
//! server as SVG, each country a link to its list with its count in its accessible name, and
//! the same numbers as a table beside it. It takes the filters of `/practices`.

pub mod public_pages;
pub mod views;
mod world;
