//! Editors' notes: the RON store under `corpus/notes/`, one file per concept.
//!
//! Core code, no egui. A concept's file holds its *main note* (id `"main"`, no
//! anchor) and its *passage notes*, each anchored to a quoted byte range of a
//! corpus document. Files are written atomically, in one stable layout (see
//! [`format`]), never over a file that is malformed or that changed on disk
//! since it was read (see [`store`]).
//!
//! - [`id`]: which concept ids are safe file names.
//! - [`model`]: the values ([`ConceptNotes`], [`Note`], [`Anchor`]) and pure edits.
//! - [`format`]: parsing with FILE:LINE:COL diagnostics, and the stable writer.
//! - [`anchor`]: valid, moved and stale anchors.
//! - [`revision`]: what a file was when last read or written.
//! - [`store`]: the folder on disk, revisions and conflicts.
//! - [`time`]: RFC 3339 timestamps.

pub mod anchor;
pub mod error;
pub mod format;
pub mod id;
pub mod model;
pub mod revision;
pub mod store;
pub mod time;

pub use anchor::AnchorStatus;
pub use error::NotesError;
pub use id::{IdProblem, check_concept_id, check_document_id};
pub use model::{Anchor, ConceptNotes, MAIN_NOTE_ID, Note};
pub use revision::Revision;
pub use store::{NoteStore, anchor_statuses};
pub use time::Timestamp;
