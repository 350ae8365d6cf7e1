//! Headless tests of the egui front end (egui_kittest, no GPU), in one binary,
//! driving the app by accessible labels as a screen reader would.

// Test code: a failed unwrap is a failed test (helpers outside `#[test]`
// functions included, which clippy.toml's test allowance does not cover).
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "gui")]

#[path = "../common/mod.rs"]
mod common;

mod catalog_ui;
mod map_view;
mod mixed_direction;
mod notes_ui;
mod panels;
mod relations;
mod selection;
mod shell;
mod suggestions_ui;
mod support;
mod ui_import;
mod ui_loading;
mod ui_search;
mod ui_tours;
