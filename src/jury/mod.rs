//! The jury: who judges which entry, their scores, and the ranking that comes of them.
//! The assignment and the ranking are pure functions, checked without a database; the rest of
//! the jury's work (appointment, conflicts, scoring pages, deliberation) builds on them.

pub mod assignment;
pub mod ranking;
