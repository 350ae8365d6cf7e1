//! The notes folder on disk: one `<concept-id>.ron` per concept, loaded and
//! saved whole, atomically, and never over a file that does not parse or that
//! changed behind our back.
//!
//! The store remembers the [`Revision`] (length, modification time, content
//! hash) of each file it last read or wrote. [`NoteStore::save`] refuses with
//! [`NotesError::Conflict`] when the file on disk is no longer that revision;
//! the UI then asks the editor and calls [`NoteStore::reload`] (keep theirs) or
//! [`NoteStore::save_overwrite`] (keep mine). Neither ever writes over a file
//! that is malformed: the editor fixes it by hand first, and the store reports
//! it as FILE:LINE:COL.
//!
//! ```no_run
//! use diplomap::notes::NoteStore;
//! let mut store = NoteStore::open("corpus/notes");
//! store.set_main("interpol", "پلیس بین‌الملل")?;
//! assert_eq!(store.get_main("interpol")?.as_deref(), Some("پلیس بین‌الملل"));
//! # Ok::<(), diplomap::notes::NotesError>(())
//! ```

use super::anchor::AnchorStatus;
use super::error::NotesError;
use super::format::{parse, render};
use super::id::check_concept_id;
use super::model::{Anchor, ConceptNotes, MAX_NOTE_BYTES};
use super::revision::Revision;
use super::time::Timestamp;
use crate::atomic::FolderLock;
use crate::diag::{Diagnostic, locate, utf8_or_diagnostic};
use std::collections::HashMap;
use std::fs;
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The extension of notes files.
const EXTENSION: &str = "ron";
/// Temporary files younger than this may belong to a save still running in
/// another process, so [`NoteStore::open`] leaves them alone.
pub use crate::atomic::TEMP_GRACE;

/// A file's bytes and revision, read through one handle.
struct Snapshot {
    bytes: Vec<u8>,
    revision: Revision,
}

/// The notes folder of a corpus.
#[derive(Debug)]
pub struct NoteStore {
    dir: PathBuf,
    /// Per concept, the revision last read or written; `None` when the file
    /// was known not to exist.
    seen: HashMap<String, Option<Revision>>,
    clock: fn() -> SystemTime,
}

impl NoteStore {
    /// The store of the folder `dir` (usually `corpus/notes`), which need not
    /// exist yet. Temporary files left by a killed save are removed.
    pub fn open(dir: impl Into<PathBuf>) -> NoteStore {
        let store = NoteStore { dir: dir.into(), seen: HashMap::new(), clock: SystemTime::now };
        let _ = store.clean_temp_files(TEMP_GRACE);
        store
    }

    /// Uses `clock` for the times written into notes (for tests).
    pub fn with_clock(mut self, clock: fn() -> SystemTime) -> NoteStore {
        self.clock = clock;
        self
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of a concept, after checking the id is a safe kebab-case name.
    pub fn path_of(&self, concept: &str) -> Result<PathBuf, NotesError> {
        check_id(concept)?;
        Ok(self.dir.join(format!("{concept}.{EXTENSION}")))
    }

    /// Removes temporary files of interrupted saves older than `older_than`;
    /// returns how many were removed.
    pub fn clean_temp_files(&self, older_than: Duration) -> std::io::Result<usize> {
        fs::read_dir(&self.dir)?;
        Ok(crate::atomic::clean_stale_temps(&self.dir, older_than))
    }

    /// The ids of the concepts that have a notes file, sorted. Files whose
    /// name is not a concept id, and temporary files, are skipped.
    pub fn list(&self) -> Result<Vec<String>, NotesError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(NotesError::io(&self.dir, e)),
        };
        let mut ids = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| NotesError::io(&self.dir, e))?;
            if let Some(id) = concept_of_file(&entry) {
                ids.push(id);
            }
        }
        ids.sort();
        Ok(ids)
    }

    /// The notes of a concept: empty when it has no file yet. The revision
    /// read is remembered for conflict detection.
    pub fn load(&mut self, concept: &str) -> Result<ConceptNotes, NotesError> {
        let path = self.path_of(concept)?;
        let Some(snapshot) = read_snapshot(&path)? else {
            self.seen.insert(concept.to_owned(), None);
            return Ok(ConceptNotes::new(concept));
        };
        let notes = decode(&path, &snapshot.bytes)?;
        self.seen.insert(concept.to_owned(), Some(snapshot.revision));
        Ok(notes)
    }

    /// The notes of a concept as they are on disk, for showing them: unlike
    /// [`NoteStore::load`] the revision read is NOT remembered, so a change
    /// made elsewhere still counts as a change for the note being edited.
    pub fn peek(&self, concept: &str) -> Result<ConceptNotes, NotesError> {
        let path = self.path_of(concept)?;
        match read_snapshot(&path)? {
            Some(snapshot) => decode(&path, &snapshot.bytes),
            None => Ok(ConceptNotes::new(concept)),
        }
    }

    /// Keep theirs: reads the file again, forgetting what we had.
    pub fn reload(&mut self, concept: &str) -> Result<ConceptNotes, NotesError> {
        self.seen.remove(concept);
        self.load(concept)
    }

    /// The revision this store last read or wrote for a concept: `None` if it
    /// never saw the file, `Some(None)` if it saw there was none.
    pub fn revision(&self, concept: &str) -> Option<Option<Revision>> {
        self.seen.get(concept).copied()
    }

    /// Whether the file is no longer what this store last read or wrote (it
    /// was edited, replaced, created or deleted by someone else). A file the
    /// store never saw counts as changed if it exists.
    pub fn has_changed_on_disk(&self, concept: &str) -> Result<bool, NotesError> {
        let path = self.path_of(concept)?;
        let on_disk = read_snapshot(&path)?.map(|s| s.revision);
        Ok(!self.matches_seen(concept, on_disk.as_ref()))
    }

    /// Saves the notes atomically. Refuses with [`NotesError::Conflict`] if the
    /// file changed on disk since this store last read or wrote it.
    pub fn save(&mut self, notes: &ConceptNotes) -> Result<Revision, NotesError> {
        let path = self.path_of(&notes.concept)?;
        let _lock = self.lock()?;
        self.check_unchanged(&notes.concept, &path)?;
        self.write(&path, notes)
    }

    /// Keep mine: saves over whatever is on disk — unless that is malformed,
    /// which is never saved over.
    pub fn save_overwrite(&mut self, notes: &ConceptNotes) -> Result<Revision, NotesError> {
        let path = self.path_of(&notes.concept)?;
        let _lock = self.lock()?;
        if let Some(snapshot) = read_snapshot(&path)? {
            decode(&path, &snapshot.bytes)?;
        }
        self.write(&path, notes)
    }

    /// The main note's body, if the concept has one.
    pub fn get_main(&mut self, concept: &str) -> Result<Option<String>, NotesError> {
        let notes = self.load(concept)?;
        Ok(notes.main_body().map(str::to_owned))
    }

    /// Every concept's main note body as `(concept id, body)`, sorted by id
    /// (what search indexes). Files that cannot be read are left out and
    /// returned as errors beside the bodies. Reads without remembering what
    /// it read (like [`NoteStore::peek`]), so it never hides a change made
    /// elsewhere from the editor's conflict check.
    pub fn main_notes(&self) -> (Vec<(String, String)>, Vec<NotesError>) {
        let ids = match self.list() {
            Ok(ids) => ids,
            Err(err) => return (Vec::new(), vec![err]),
        };
        let (mut notes, mut errors) = (Vec::new(), Vec::new());
        for id in ids {
            match self.peek(&id).map(|notes| notes.main_body().map(str::to_owned)) {
                Ok(Some(body)) => notes.push((id, body)),
                Ok(None) => {}
                Err(err) => errors.push(err),
            }
        }
        (notes, errors)
    }

    /// Replaces the main note's body, keeping the other notes. Writes nothing
    /// when the body is already this.
    pub fn set_main(&mut self, concept: &str, body: &str) -> Result<(), NotesError> {
        check_size(concept, body)?;
        let now = self.now();
        self.modify(concept, |notes| Ok(notes.set_main(body, &now)))
    }

    /// Adds a passage note; returns its id.
    pub fn add_passage_note(&mut self, concept: &str, anchor: Anchor, body: &str) -> Result<String, NotesError> {
        check_size(concept, body)?;
        let now = self.now();
        let mut id = String::new();
        self.modify(concept, |notes| {
            id = notes.add_passage_note(anchor, body, &now);
            Ok(true)
        })?;
        Ok(id)
    }

    /// Replaces the body of any note (main or passage).
    pub fn update_note(&mut self, concept: &str, note: &str, body: &str) -> Result<(), NotesError> {
        check_size(concept, body)?;
        let now = self.now();
        self.modify(concept, |notes| notes.update_body(note, body, &now))
    }

    /// Moves a passage note's anchor, e.g. to where its quote moved.
    pub fn set_anchor(&mut self, concept: &str, note: &str, anchor: Anchor) -> Result<(), NotesError> {
        let now = self.now();
        self.modify(concept, |notes| notes.set_anchor(note, anchor, &now).map(|()| true))
    }

    /// Deletes a note. The file stays, possibly with no notes.
    pub fn delete_note(&mut self, concept: &str, note: &str) -> Result<(), NotesError> {
        self.modify(concept, |notes| notes.remove(note).map(|_| true))
    }

    /// Every problem in the notes folder, for `diplomap check`: files that are
    /// not UTF-8, not RON, or not valid notes (errors), and `.ron` files whose
    /// name is not a concept id (warnings: they are ignored).
    pub fn check_all(&self) -> Vec<Diagnostic> {
        if let Some(problem) = self.folder_problem() {
            return vec![problem];
        }
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        paths.iter().flat_map(|path| check_file(path)).collect()
    }

    /// What is wrong with the notes folder itself: a link to nothing, a
    /// file where the folder belongs, a folder that cannot be read. A
    /// missing folder is fine (it is made at the first save).
    fn folder_problem(&self) -> Option<Diagnostic> {
        let dir = &self.dir;
        let meta = match fs::symlink_metadata(dir) {
            Err(e) if e.kind() == ErrorKind::NotFound => return None,
            Err(e) => return Some(Diagnostic::error(dir, (1, 1), format!("cannot read the notes folder: {e}"))),
            Ok(meta) => meta,
        };
        if meta.file_type().is_symlink() && fs::metadata(dir).is_err() {
            let target = fs::read_link(dir).map(|t| t.display().to_string()).unwrap_or_else(|_| "?".to_owned());
            return Some(Diagnostic::error(
                dir,
                (1, 1),
                format!(
                    "the notes folder is a symbolic link to {target}, which does not exist: no note can be read or saved"
                ),
            ));
        }
        if !dir.is_dir() {
            return Some(Diagnostic::error(dir, (1, 1), "not a folder: notes cannot be read or saved here"));
        }
        match fs::read_dir(dir) {
            Ok(_) => None,
            Err(e) => Some(Diagnostic::error(dir, (1, 1), format!("cannot read the notes folder: {e}"))),
        }
    }

    /// Warnings for passage notes whose anchor no longer matches its document
    /// in `documents_dir` (moved, stale, or the document is missing).
    pub fn check_anchors(&self, documents_dir: &Path) -> Vec<Diagnostic> {
        let Ok(ids) = self.list() else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for id in ids {
            let Ok(path) = self.path_of(&id) else { continue };
            let Ok(text) = fs::read_to_string(&path) else { continue };
            let Ok(notes) = parse(&path, &text) else { continue };
            for (note, status) in anchor_statuses(&notes, documents_dir) {
                let Some(message) = anchor_message(&notes, &note, &status) else { continue };
                found.push(Diagnostic::warning(&path, locate(&text, &format!("{note:?}"), 0), message));
            }
        }
        found
    }

    fn now(&self) -> Timestamp {
        Timestamp::from_system_time((self.clock)())
    }

    /// Load, edit, save — refusing if the file changed since this store last
    /// saw it, and holding the folder lock throughout so no other save can
    /// slip in between. `edit` returns whether it changed anything.
    fn modify(
        &mut self,
        concept: &str,
        edit: impl FnOnce(&mut ConceptNotes) -> Result<bool, NotesError>,
    ) -> Result<(), NotesError> {
        let path = self.path_of(concept)?;
        let _lock = self.lock()?;
        if self.seen.contains_key(concept) {
            self.check_unchanged(concept, &path)?;
        }
        let mut notes = self.load(concept)?;
        if edit(&mut notes)? {
            self.write(&path, &notes)?;
        }
        Ok(())
    }

    /// A [`NotesError::Conflict`] if the file is not what this store last saw.
    fn check_unchanged(&self, concept: &str, path: &Path) -> Result<(), NotesError> {
        let on_disk = read_snapshot(path)?.map(|s| s.revision);
        if self.matches_seen(concept, on_disk.as_ref()) {
            return Ok(());
        }
        let ours = self.seen.get(concept).copied().flatten();
        Err(NotesError::Conflict { path: path.to_path_buf(), on_disk, ours })
    }

    /// Creates the notes folder if needed and locks it (on Unix, an exclusive
    /// `flock` on the folder itself — no lock file in the corpus) until the
    /// guard is dropped. Other diplomap processes saving into the same folder
    /// wait; a killed process releases its lock.
    fn lock(&self) -> Result<FolderLock, NotesError> {
        self.ensure_dir()?;
        FolderLock::acquire(&self.dir).map_err(|e| NotesError::io(&self.dir, e))
    }

    /// Whether `on_disk` is what this store last saw (or, if it saw nothing,
    /// whether there is no file).
    fn matches_seen(&self, concept: &str, on_disk: Option<&Revision>) -> bool {
        match (self.seen.get(concept), on_disk) {
            (None | Some(None), None) => true,
            (Some(Some(ours)), Some(theirs)) => ours.same_content(theirs),
            _ => false,
        }
    }

    /// Renders, checks that the text reads back as `notes`, writes atomically.
    fn write(&mut self, path: &Path, notes: &ConceptNotes) -> Result<Revision, NotesError> {
        let text = render(path, notes)?;
        let unsavable = |reason: String| NotesError::Unsavable { path: path.to_path_buf(), reason };
        let back = parse(path, &text).map_err(|e| unsavable(e.diagnostics_messages()))?;
        if back != *notes {
            return Err(unsavable("the written text would read back differently".to_owned()));
        }
        crate::atomic::write_file(path, text.as_bytes(), crate::atomic::Replace::Owned).map_err(|e| match e {
            crate::atomic::WriteError::Io { source, .. } => NotesError::io(path, source),
            crate::atomic::WriteError::Symlink { .. } => unsavable(symlink_reason(path)),
            other => unsavable(other.to_string()),
        })?;
        let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
        let revision = Revision::of(text.as_bytes(), modified);
        self.seen.insert(notes.concept.clone(), Some(revision));
        Ok(revision)
    }

    /// Creates the notes folder (not its parents: a mistyped corpus path is
    /// an error, not a new corpus).
    fn ensure_dir(&self) -> Result<(), NotesError> {
        match fs::create_dir(&self.dir) {
            Err(e) if e.kind() != ErrorKind::AlreadyExists => Err(NotesError::io(&self.dir, e)),
            _ => Ok(()),
        }
    }
}

/// For each passage note, where its anchor stands against its document in
/// `documents_dir` (`<document>.txt`).
pub fn anchor_statuses(notes: &ConceptNotes, documents_dir: &Path) -> Vec<(String, AnchorStatus)> {
    let mut documents: HashMap<&str, Option<String>> = HashMap::new();
    let mut statuses = Vec::new();
    for note in &notes.notes {
        let Some(anchor) = &note.anchor else { continue };
        let text = documents.entry(anchor.document.as_str()).or_insert_with(|| read_document(documents_dir, anchor));
        let status = match text {
            Some(text) => anchor.resolve(text),
            None => AnchorStatus::MissingDocument,
        };
        statuses.push((note.id.clone(), status));
    }
    statuses
}

fn read_document(documents_dir: &Path, anchor: &Anchor) -> Option<String> {
    super::id::check_document_id(&anchor.document).ok()?;
    fs::read_to_string(documents_dir.join(format!("{}.txt", anchor.document))).ok()
}

/// The warning for a note's anchor status, if it is not valid.
fn anchor_message(notes: &ConceptNotes, note: &str, status: &AnchorStatus) -> Option<String> {
    let anchor = notes.note(note)?.anchor.as_ref()?;
    let (doc, start, end) = (&anchor.document, anchor.start, anchor.end);
    match status {
        AnchorStatus::Valid => None,
        AnchorStatus::Moved { start: s, end: e } => {
            Some(format!("note {note:?}: the quoted passage moved in {doc} from bytes {start}..{end} to {s}..{e}"))
        }
        AnchorStatus::Stale => Some(format!(
            "note {note:?}: stale anchor: {doc} no longer holds the quoted passage (bytes {start}..{end})"
        )),
        AnchorStatus::MissingDocument => Some(format!("note {note:?}: anchored to document {doc}, which is missing")),
    }
}

/// Refuses a body over [`MAX_NOTE_BYTES`].
fn check_size(concept: &str, body: &str) -> Result<(), NotesError> {
    if body.len() > MAX_NOTE_BYTES {
        return Err(NotesError::TooLarge { concept: concept.to_owned(), size: body.len(), limit: MAX_NOTE_BYTES });
    }
    Ok(())
}

fn check_id(id: &str) -> Result<(), NotesError> {
    check_concept_id(id).map_err(|problem| NotesError::InvalidId { id: id.to_owned(), problem })
}

/// Why a notes file that is a symbolic link is not saved.
fn symlink_reason(path: &Path) -> String {
    let target = fs::read_link(path).map(|t| t.display().to_string()).unwrap_or_else(|_| "?".to_owned());
    format!(
        "it is a symbolic link (to {target}); notes are never saved through a link (the link would be replaced \
         and its target left stale): put the file itself in the notes folder"
    )
}

/// The concept id of a directory entry, if it is a notes file.
fn concept_of_file(entry: &fs::DirEntry) -> Option<String> {
    let name = entry.file_name().into_string().ok()?;
    let stem = name.strip_suffix(".ron")?;
    check_concept_id(stem).ok()?;
    entry.path().is_file().then(|| stem.to_owned())
}

/// The diagnostics of one entry of the notes folder.
fn check_file(path: &Path) -> Vec<Diagnostic> {
    let is_ron = path.extension().is_some_and(|e| e == EXTENSION);
    let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
        return Vec::new();
    };
    if !is_ron {
        return Vec::new();
    }
    let mut found = Vec::new();
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            if !path.is_file() {
                let message = format!("{}; and it points at nothing readable", symlink_reason(path));
                return vec![Diagnostic::error(path, (1, 1), message)];
            }
            found.push(Diagnostic::warning(path, (1, 1), format!("read, but never saved: {}", symlink_reason(path))));
        }
        Ok(meta) if meta.is_dir() => {
            return vec![Diagnostic::error(path, (1, 1), "a folder where a notes file belongs; it is ignored")];
        }
        Ok(meta) if !meta.is_file() => {
            return vec![Diagnostic::error(path, (1, 1), "not a regular file; it is ignored")];
        }
        Ok(_) => {}
        Err(e) => return vec![Diagnostic::error(path, (1, 1), format!("cannot read: {e}"))],
    }
    if let Err(problem) = check_concept_id(stem) {
        return vec![Diagnostic::warning(path, (1, 1), format!("not a concept id ({problem}); this file is ignored"))];
    }
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => return vec![Diagnostic::error(path, (1, 1), format!("cannot read: {e}"))],
    };
    found.extend(decode(path, &bytes).err().map(|e| e.diagnostics()).unwrap_or_default());
    found
}

/// Reads a file's bytes and revision; `None` if there is no file.
fn read_snapshot(path: &Path) -> Result<Option<Snapshot>, NotesError> {
    let mut file = match fs::File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(NotesError::io(path, e)),
    };
    let modified = file.metadata().and_then(|m| m.modified()).ok();
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(|e| NotesError::io(path, e))?;
    let revision = Revision::of(&bytes, modified);
    Ok(Some(Snapshot { bytes, revision }))
}

/// UTF-8, then RON, then the notes rules.
fn decode(path: &Path, bytes: &[u8]) -> Result<ConceptNotes, NotesError> {
    if let Err(e) = std::str::from_utf8(bytes) {
        let offset = e.valid_up_to();
        let diagnostic = match utf8_or_diagnostic(path, bytes.to_vec()) {
            Err(d) => d,
            Ok(_) => Diagnostic::error(path, (1, 1), format!("invalid UTF-8 at byte {offset}")),
        };
        return Err(NotesError::InvalidUtf8 { diagnostic, offset });
    }
    let text = String::from_utf8_lossy(bytes);
    parse(path, &text)
}
