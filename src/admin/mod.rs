//! The secretariat's start page: what is waiting for it.

pub mod secretariat_pages;
mod views;
