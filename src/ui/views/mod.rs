//! One module per view, each drawn for one kind of address (`concept:`,
//! `document:`, `compare:`, `map`, `search:`, `tour:`), plus the presenter,
//! the import form, the concept picker and the note editor that the concept page and reader share,
//! and the reader's repaired lines.

pub mod compare;
pub mod concept_page;
pub mod edit_concept;
pub mod import;
pub mod map;
pub mod name_picker;
pub mod new_concept;
pub mod notes_editor;
pub mod presenter;
pub mod reader;
pub mod relate;
pub mod repaired_lines;
pub mod search;
pub mod suggestions;
pub mod tour;
