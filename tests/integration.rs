//! One test binary for every integration test: linking a binary per file cost more time than
//! all the tests together take to run.

mod common;

mod accounts;
mod assignment;
mod authorisation;
mod backup;
mod browser;
mod charts;
mod competitions;
mod durability;
mod exports;
mod jury;
mod migrations;
mod practices;
mod scoring;
mod search;
mod submissions;
