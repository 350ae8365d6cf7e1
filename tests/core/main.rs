//! Tests of the core and the command line, in one binary: the text core, the
//! catalog and index, notes, tours, graph, export and the `diplomap` commands.
//! (One binary links once; twenty would each link the whole program.)

#[path = "../common/mod.rs"]
mod common;

mod bidi_fribidi;
mod bidi_properties;
mod browser;
mod catalog_edit;
mod cli;
mod export;
mod graph_layout;
mod graph_persist;
mod graph_scene;
mod import_cli;
mod map_labels;
mod mentions_golden;
mod mentions_unseen;
mod notes_cli;
mod notes_kill;
mod notes_store;
mod robustness;
mod search_cli;
mod text_broken_order;
mod text_lang;
mod text_segment;
mod tours_shipped;
mod tours_store;
mod web_export;
