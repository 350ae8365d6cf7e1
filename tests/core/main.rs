//! Tests of the core and the command line, in one binary: the text core, the
//! catalog and index, notes, tours, graph, export and the `diplomap` commands.
//! (One binary links once; twenty would each link the whole program.)

// Test code: a failed unwrap is a failed test (helpers outside `#[test]`
// functions included, which clippy.toml's test allowance does not cover).
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../common/mod.rs"]
mod common;
#[path = "../common/svg_figures.rs"]
mod svg_figures;

mod bidi_fribidi;
mod bidi_properties;
mod browser;
mod catalog_edit;
mod catalog_reindex;
mod check_misses;
mod cli;
mod export;
mod export_overwrite;
mod graph_layout;
mod graph_persist;
mod graph_scene;
mod import_cli;
mod import_lock;
mod input_limits;
mod map_labels;
mod map_overview;
mod mentions_golden;
mod mentions_unseen;
mod notes_cli;
mod notes_kill;
mod notes_store;
mod output_errors;
mod pdf_import;
mod repair_cli;
mod robustness;
mod search_cli;
mod text_broken_order;
mod text_lang;
mod text_repair;
mod text_segment;
mod tours_shipped;
mod tours_store;
mod unknown_fields;
mod web_export;
