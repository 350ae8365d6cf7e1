//! The notes of one concept, as values: what `notes/<concept-id>.ron` holds,
//! and the pure edits the store and the UI make to it (no file access here).
//!
//! A concept has at most one *main note* — id `"main"`, no anchor — and any
//! number of *passage notes*, each anchored to a quoted range of a document.

use super::error::NotesError;
use super::time::Timestamp;
use serde::{Deserialize, Serialize};

/// The id of a concept's main note.
/// The largest note body, in bytes (1 MiB: some 500 pages of Persian).
pub const MAX_NOTE_BYTES: usize = 1 << 20;

pub const MAIN_NOTE_ID: &str = "main";

/// The format version written in every file.
pub const FORMAT_VERSION: u32 = 1;

/// Everything in one `notes/<concept-id>.ron`. Field order here is the field
/// order in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConceptNotes {
    #[serde(default = "format_version")]
    pub version: u32,
    pub concept: String,
    #[serde(default)]
    pub notes: Vec<Note>,
}

/// One note: the main note (no anchor) or a passage note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Anchor>,
    pub created: Timestamp,
    pub updated: Timestamp,
    pub body: String,
}

/// A passage of a document: bytes `start..end` of `documents/<document>.txt`,
/// and the text that was there when the note was written. See
/// [`Anchor::resolve`](super::anchor) for how a changed document is handled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    pub document: String,
    pub start: usize,
    pub end: usize,
    pub quote: String,
}

fn format_version() -> u32 {
    FORMAT_VERSION
}

impl ConceptNotes {
    /// A concept with no notes yet.
    pub fn new(concept: &str) -> ConceptNotes {
        ConceptNotes { version: FORMAT_VERSION, concept: concept.to_owned(), notes: Vec::new() }
    }

    /// The main note, if the concept has one.
    pub fn main(&self) -> Option<&Note> {
        self.note(MAIN_NOTE_ID)
    }

    /// The main note's body, if the concept has one.
    pub fn main_body(&self) -> Option<&str> {
        self.main().map(|n| n.body.as_str())
    }

    pub fn note(&self, id: &str) -> Option<&Note> {
        self.notes.iter().find(|n| n.id == id)
    }

    /// The notes anchored to passages, in file order.
    pub fn passage_notes(&self) -> impl Iterator<Item = &Note> {
        self.notes.iter().filter(|n| n.anchor.is_some())
    }

    /// Sets the main note's body, creating the note (first in the list) if
    /// needed. Returns whether anything changed: the same body again is a no-op.
    pub fn set_main(&mut self, body: &str, now: &Timestamp) -> bool {
        if let Some(note) = self.notes.iter_mut().find(|n| n.id == MAIN_NOTE_ID) {
            return note.set_body(body, now);
        }
        self.notes.insert(0, Note::new(MAIN_NOTE_ID, None, body, now));
        true
    }

    /// Adds a passage note and returns its new id (`p1`, `p2`, …).
    pub fn add_passage_note(&mut self, anchor: Anchor, body: &str, now: &Timestamp) -> String {
        let id = self.next_passage_id();
        self.notes.push(Note::new(&id, Some(anchor), body, now));
        id
    }

    /// Replaces a note's body. Returns whether anything changed.
    pub fn update_body(&mut self, id: &str, body: &str, now: &Timestamp) -> Result<bool, NotesError> {
        let note = self.note_mut(id)?;
        Ok(note.set_body(body, now))
    }

    /// Moves a passage note's anchor (e.g. to where a moved quote now is).
    pub fn set_anchor(&mut self, id: &str, anchor: Anchor, now: &Timestamp) -> Result<(), NotesError> {
        if id == MAIN_NOTE_ID {
            return Err(NotesError::MainNoteAnchor { concept: self.concept.clone() });
        }
        let note = self.note_mut(id)?;
        note.anchor = Some(anchor);
        note.updated = now.clone();
        Ok(())
    }

    /// Removes a note and returns it.
    pub fn remove(&mut self, id: &str) -> Result<Note, NotesError> {
        let Some(index) = self.notes.iter().position(|n| n.id == id) else {
            return Err(self.no_such_note(id));
        };
        Ok(self.notes.remove(index))
    }

    fn note_mut(&mut self, id: &str) -> Result<&mut Note, NotesError> {
        let missing = self.no_such_note(id);
        self.notes.iter_mut().find(|n| n.id == id).ok_or(missing)
    }

    fn no_such_note(&self, id: &str) -> NotesError {
        NotesError::NoSuchNote { concept: self.concept.clone(), note: id.to_owned() }
    }

    /// One more than the largest `p<N>` in use.
    fn next_passage_id(&self) -> String {
        let largest = self
            .notes
            .iter()
            .filter_map(|n| n.id.strip_prefix('p'))
            .filter_map(|digits| digits.parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        format!("p{}", largest.saturating_add(1))
    }
}

impl Note {
    pub fn new(id: &str, anchor: Option<Anchor>, body: &str, now: &Timestamp) -> Note {
        Note { id: id.to_owned(), anchor, created: now.clone(), updated: now.clone(), body: body.to_owned() }
    }

    pub fn is_main(&self) -> bool {
        self.id == MAIN_NOTE_ID && self.anchor.is_none()
    }

    fn set_body(&mut self, body: &str, now: &Timestamp) -> bool {
        if self.body == body {
            return false;
        }
        self.body = body.to_owned();
        self.updated = now.clone();
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        Timestamp::parse(s).unwrap()
    }

    fn anchor() -> Anchor {
        Anchor { document: "000_d179677d1f4e20a5".into(), start: 0, end: 3, quote: "abc".into() }
    }

    #[test]
    fn set_main_creates_then_updates() {
        let t1 = at("2026-01-01T00:00:00Z");
        let t2 = at("2026-01-02T00:00:00Z");
        let mut c = ConceptNotes::new("interpol");
        c.add_passage_note(anchor(), "passage", &t1);
        assert!(c.set_main("first", &t1));
        assert_eq!(c.notes[0].id, "main");
        assert!(!c.set_main("first", &t2));
        assert_eq!(c.main().unwrap().updated, t1);
        assert!(c.set_main("second", &t2));
        let main = c.main().unwrap();
        assert_eq!((main.body.as_str(), &main.created, &main.updated), ("second", &t1, &t2));
        assert_eq!(c.passage_notes().count(), 1);
    }

    #[test]
    fn passage_ids_count_up_and_edits_find_them() {
        let t = at("2026-01-01T00:00:00Z");
        let mut c = ConceptNotes::new("interpol");
        assert_eq!(c.add_passage_note(anchor(), "a", &t), "p1");
        assert_eq!(c.add_passage_note(anchor(), "b", &t), "p2");
        c.remove("p1").unwrap();
        assert_eq!(c.add_passage_note(anchor(), "c", &t), "p3");
        assert!(c.update_body("p2", "B", &t).unwrap());
        assert_eq!(c.note("p2").unwrap().body, "B");
        assert!(matches!(c.update_body("p9", "x", &t), Err(NotesError::NoSuchNote { .. })));
        assert!(matches!(c.remove("p1"), Err(NotesError::NoSuchNote { .. })));
        assert!(matches!(c.set_anchor("main", anchor(), &t), Err(NotesError::MainNoteAnchor { .. })));
    }
}
