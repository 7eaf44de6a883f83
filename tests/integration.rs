//! One test binary for every integration test: linking a binary per file cost more time than
//! all the tests together take to run.

mod common;

mod accounts;
mod alerts;
mod architecture;
mod assignment;
mod authorisation;
mod backup;
mod browser;
mod certificates;
mod charts;
mod citations;
mod competitions;
mod countries;
pub mod cycle;
mod discussion;
mod durability;
mod exports;
mod feedback;
mod hostile_input;
mod jury;
mod jury_languages;
mod languages;
mod map;
mod migrations;
mod moving;
mod openapi;
mod operating;
mod outage;
mod practices;
mod processes;
mod protocol;
mod scoring;
mod search;
mod security;
mod story;
mod submissions;
mod translations;
