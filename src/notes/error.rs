//! What can go wrong with notes. Problems inside a file carry its
//! FILE:LINE:COL (as [`Diagnostic`]s); invalid UTF-8 also carries the byte offset.

use super::id::IdProblem;
use super::revision::Revision;
use crate::diag::Diagnostic;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum NotesError {
    /// A concept id (or note id) that is not a safe kebab-case name.
    #[error("invalid id {id:?}: {problem}")]
    InvalidId { id: String, problem: IdProblem },

    /// The file is not valid UTF-8; it is left as it is.
    #[error("{diagnostic}")]
    InvalidUtf8 { diagnostic: Diagnostic, offset: usize },

    /// The file is not valid RON, or not a valid notes file; it is left as it
    /// is and never saved over. Every problem found, one per line.
    #[error("{}", join_lines(.diagnostics))]
    Malformed { diagnostics: Vec<Diagnostic> },

    /// The file changed on disk since this store last read or wrote it.
    /// `on_disk` is `None` when the file was deleted, `ours` when the store
    /// never saw it (it appeared behind our back).
    #[error("{}: changed on disk since it was last read; reload it or overwrite it", .path.display())]
    Conflict { path: PathBuf, on_disk: Option<Revision>, ours: Option<Revision> },

    #[error("concept {concept:?} has no note {note:?}")]
    NoSuchNote { concept: String, note: String },

    #[error("the main note of {concept:?} cannot have an anchor")]
    MainNoteAnchor { concept: String },

    /// The notes are not valid (a duplicate or bad note id, a bad anchor…) or
    /// would not read back as written; nothing was written.
    #[error("{}: refusing to save: {reason}", .path.display())]
    Unsavable { path: PathBuf, reason: String },

    #[error("{}: {source}", .path.display())]
    Io { path: PathBuf, source: std::io::Error },
}

impl NotesError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> NotesError {
        NotesError::Io { path: path.into(), source }
    }

    /// The problems inside a file, if this error is about a file's content.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            NotesError::InvalidUtf8 { diagnostic, .. } => vec![diagnostic.clone()],
            NotesError::Malformed { diagnostics } => diagnostics.clone(),
            _ => Vec::new(),
        }
    }

    /// The messages of [`NotesError::diagnostics`] (without positions), or the
    /// error itself when it has none.
    pub fn diagnostics_messages(&self) -> String {
        let messages: Vec<String> = self.diagnostics().into_iter().map(|d| d.message).collect();
        if messages.is_empty() {
            return self.to_string();
        }
        messages.join("; ")
    }
}

fn join_lines(diagnostics: &[Diagnostic]) -> String {
    let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    lines.join("\n")
}
