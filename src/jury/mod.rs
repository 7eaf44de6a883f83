//! The jury: who judges which entry, their scores, and the ranking that comes of them.
//! The assignment and the ranking are pure functions, checked without a database; the rest of
//! the jury's work builds on them: appointment, conflicts and assignment are here; scoring,
//! deliberation and publishing come next.

pub mod assignment;
pub mod awards;
pub mod board_pages;
pub mod conflicts;
pub mod discussion;
pub mod juror_pages;
pub mod preference_pages;
pub mod preference_service;
pub mod preferences;
pub mod ranking;
pub mod ranking_pages;
pub mod repository;
pub mod reviews;
pub mod scoring;
pub mod service;
pub mod standing;
mod views;
