//! What a view asks the app to do. Views never change the model or the state
//! from inside a widget: they push a [`Command`], and the app carries the
//! commands out after drawing. The actions of the import form, the catalog,
//! the note editor, the tour editor and the export menu are here beside it, so every
//! layer can name them and none needs the app.

use std::path::PathBuf;

use crate::address::Address;
use crate::notes::Anchor;
use crate::text::Lang;
use crate::tours::TourStep;

/// A user action, applied after the frame is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Navigate(Address),
    /// Changes the current address without a history entry (typing a search).
    Replace(Address),
    Import(ImportAction),
    Back,
    Forward,
    Select(String),
    SetUiLang(Lang),
    SetDark(bool),
    Note(NoteAction),
    PassageNote(PassageNoteAction),
    Tour(TourAction),
    /// Start presenting tour `tour` at step `step` (from 0), full screen.
    Present {
        tour: String,
        step: usize,
    },
    StopPresenting,
    /// Add the map view's current view as a step of the open tour.
    RecordStep,
    Export(ExportRequest),
    Catalog(CatalogAction),
}

/// What a view asks of the catalog (concepts and their names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogAction {
    /// Open the concept picker for a selected phrase.
    PickConceptFor(String),
    ClosePicker,
    /// Add `text` as a name of concept `id`, in the language it is written in.
    AddAlias {
        id: String,
        text: String,
    },
    /// Open the "New concept from this…" form for a selected phrase.
    NewConceptFrom(String),
    CloseNewConcept,
    /// Write a new concept (a fresh id from its labels).
    AddConcept {
        kind: crate::catalog::ConceptKind,
        labels: crate::catalog::Localized,
        summary: crate::catalog::Localized,
    },
    /// Open the "Relate two concepts…" form for a passage of a document:
    /// `mentioned` are the concepts proposed first.
    RelateFrom {
        evidence: crate::catalog::EvidenceRef,
        mentioned: Vec<String>,
    },
    CloseRelate,
    /// Write `source --kind--> target` with the passage as its evidence.
    Relate {
        source: String,
        kind: crate::catalog::RelationKind,
        target: String,
        evidence: crate::catalog::EvidenceRef,
    },
    /// Dismiss a suggested term for good.
    Dismiss {
        lang: crate::text::Lang,
        term: String,
    },
    /// Make edits of the catalog as it stands, as one with one undo
    /// (removing a name or a relation, the concept page's «Edit…» form).
    Apply(Vec<crate::catalog::edit::Edit>),
    /// Open the «Edit…» form of a concept.
    EditConcept(String),
    CloseEdit,
    /// Undo the last catalog edit.
    Undo,
}

/// What the import asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportAction {
    /// Open the system's file dialog.
    Choose,
    /// Show the form for this file.
    Open(PathBuf),
    /// Ask for the file's path in a box of our own (no file dialog could open).
    OpenTyped,
    /// Write the document with the form's metadata.
    Submit,
    Cancel,
}

/// What the note editor asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteAction {
    Save,
    KeepMine,
    KeepTheirs,
}

/// What a view asks of passage notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PassageNoteAction {
    /// A new empty note on `anchor` in `concept`'s notes, opened for typing.
    Add {
        concept: String,
        anchor: Anchor,
    },
    Open(NoteTarget),
    /// Delete the open passage note.
    Delete,
    /// Save and close the open note.
    Close,
}

/// The note being edited: a concept's main note, or one of its passage notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteTarget {
    pub concept: String,
    /// The passage note's id; `None` for the main note.
    pub note: Option<String>,
}

/// An edit of the open tour (or opening another), applied after drawing.
#[derive(Debug, Clone, PartialEq)]
pub enum TourAction {
    Open {
        id: String,
        step: Option<usize>,
    },
    Create(String),
    Select(usize),
    Move {
        from: usize,
        to: usize,
    },
    Duplicate(usize),
    Delete(usize),
    SetCaption {
        step: usize,
        lang: Lang,
        text: String,
    },
    /// Inserted after the selected step (at the end when none is selected).
    AddStep(Box<TourStep>),
    Undo,
    /// Save now (Ctrl+S, leaving the view, starting a presentation).
    Save,
}

/// What to export.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportRequest {
    /// The map as the map view shows it now (a one-step view).
    Map { step: Box<TourStep>, format: Format },
    /// One step of a tour (from 0), as SVG and PNG.
    Step { id: String, index: usize },
    /// Every step of a tour, as numbered SVGs and PNGs in a folder.
    Tour { id: String },
    /// A tour as one self-contained web page (HTML) for students.
    TourPage { id: String },
    /// The knowledge base as a static web site, in a folder of its own.
    Site,
    /// Close the line that tells where the last export went.
    Dismiss,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Svg,
    Png,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }
}
