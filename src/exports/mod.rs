//! Taking the practices away: CSV and JSON downloads of any filtered list (streamed in chunks,
//! so that 100,000 practices never sit in memory at once), an Atom feed of the newest practices
//! of any filtered list, and the read-only JSON API. All take the filters of `/practices`.

pub mod api;
pub mod atom;
pub mod csv;
pub mod openapi;
pub mod public_pages;
pub mod records;
pub mod service;
pub mod stream;
