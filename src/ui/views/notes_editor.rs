//! The note editor, on a concept page (the concept's main note) and in the
//! reader (a note on a passage): typed in any direction through the bidi
//! editor ([`crate::ui::widgets::bidi_edit`]) with undo, saved automatically after a short
//! pause and on Ctrl+S, with a visible saved/unsaved state. A note file changed outside the program is
//! noticed: with no local edits it is reloaded, otherwise the editor chooses
//! which version to keep. A malformed note file is shown with its position and
//! never saved over. All file work happens in [`NotesEditor::apply`], from the
//! app's command loop; the widget only edits the buffer and asks.

use std::time::{Duration, Instant};

use eframe::egui;

use crate::notes::{Anchor, NoteStore, NotesError};
use crate::text::Lang;
use crate::text::editing::EditBuffer;
use crate::ui::context::command::{NoteAction, NoteTarget, PassageNoteAction};
use crate::ui::context::i18n::tr;
use crate::ui::widgets::bidi_edit::{BidiEditOptions, bidi_edit_ui};

/// Edits are saved this long after the last keystroke.
const AUTOSAVE_AFTER: Duration = Duration::from_millis(1500);
/// How often the file on disk is checked for changes made elsewhere.
const DISK_CHECK_EVERY: Duration = Duration::from_secs(1);

/// A passage note as the reader and the concept page list it.
#[derive(Debug, Clone)]
pub struct PassageNoteView {
    pub target: NoteTarget,
    pub document: String,
    /// Where its quote is now (moved quotes are followed); `None` when it is gone.
    pub range: Option<std::ops::Range<usize>>,
    pub moved: bool,
    pub quote: String,
    pub body: String,
}

fn passage_note_view(concept: &str, note: &crate::notes::Note, anchor: &Anchor, text: Option<&str>) -> PassageNoteView {
    use crate::notes::AnchorStatus;
    let status = text.map_or(AnchorStatus::MissingDocument, |text| anchor.resolve(text));
    let (range, moved) = match status {
        AnchorStatus::Valid => (Some(anchor.start..anchor.end), false),
        AnchorStatus::Moved { start, end } => (Some(start..end), true),
        AnchorStatus::Stale | AnchorStatus::MissingDocument => (None, false),
    };
    PassageNoteView {
        target: NoteTarget { concept: concept.to_string(), note: Some(note.id.clone()) },
        document: anchor.document.clone(),
        range,
        moved,
        quote: anchor.quote.clone(),
        body: note.body.clone(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteStatus {
    Saved,
    Unsaved,
    /// The file changed on disk while we have edits: the user chooses.
    Conflict,
    /// The file cannot be read or parsed; editing is off until it is fixed.
    Broken(String),
    /// Saving failed (disk full, permissions…); edits are kept in memory.
    Failed(String),
}

pub struct NotesEditor {
    pub store: NoteStore,
    target: Option<NoteTarget>,
    pub buffer: EditBuffer,
    saved: String,
    pub status: NoteStatus,
    last_edit: Option<Instant>,
    last_disk_check: Option<Instant>,
    /// Bumped whenever a main note changes on disk (saved here, or reloaded
    /// after a change made elsewhere), so search indexes it again.
    pub generation: u64,
    /// The notes last read for listing, with their concept and generation, so
    /// the concept page does not read the file every frame.
    listed: Option<(String, u64, crate::notes::ConceptNotes)>,
}

impl NotesEditor {
    pub fn new(store: NoteStore) -> Self {
        NotesEditor {
            store,
            target: None,
            buffer: EditBuffer::default(),
            saved: String::new(),
            status: NoteStatus::Saved,
            last_edit: None,
            last_disk_check: None,
            generation: 0,
            listed: None,
        }
    }

    /// Opens a concept's main note, saving the previous note first if it has edits.
    pub fn open(&mut self, concept: &str) {
        self.open_target(NoteTarget { concept: concept.to_string(), note: None });
    }

    /// Opens a note, saving the previous one first if it has edits.
    pub fn open_target(&mut self, target: NoteTarget) {
        if self.target.as_ref() == Some(&target) {
            return;
        }
        if self.status == NoteStatus::Unsaved {
            self.apply(NoteAction::Save);
        }
        self.target = Some(target);
        self.buffer = EditBuffer::default();
        self.load();
    }

    /// Adds an empty note on a passage of a document to `concept`'s notes and opens it.
    pub fn add_passage_note(&mut self, concept: &str, anchor: Anchor) -> Result<String, NotesError> {
        if self.status == NoteStatus::Unsaved {
            self.apply(NoteAction::Save);
        }
        let id = self.store.add_passage_note(concept, anchor, "")?;
        self.generation += 1;
        self.target = None;
        self.open_target(NoteTarget { concept: concept.to_string(), note: Some(id.clone()) });
        Ok(id)
    }

    /// Carries out a passage-note action; errors are for the app's notice line.
    pub fn passage(&mut self, action: PassageNoteAction) -> Result<(), NotesError> {
        match action {
            PassageNoteAction::Add { concept, anchor } => self.add_passage_note(&concept, anchor).map(|_| ()),
            PassageNoteAction::Open(target) => {
                self.open_target(target);
                Ok(())
            }
            PassageNoteAction::Delete => self.delete_open_passage_note(),
            PassageNoteAction::Close => {
                self.apply(NoteAction::Save);
                if self.status == NoteStatus::Saved {
                    self.target = None;
                    self.buffer = EditBuffer::default();
                }
                Ok(())
            }
        }
    }

    /// Every passage note, of every concept, on `document` (whose text is
    /// `text`), its anchor checked against the text. Unreadable note files are skipped
    /// (`diplomap check` and the concept page report them).
    pub fn passage_notes_in(&mut self, document: &str, text: &str) -> Vec<PassageNoteView> {
        let concepts = self.store.list().unwrap_or_default();
        let mut views = Vec::new();
        for concept in concepts {
            let Ok(notes) = self.store.peek(&concept) else { continue };
            for note in notes.passage_notes() {
                let Some(anchor) = note.anchor.as_ref().filter(|anchor| anchor.document == document) else { continue };
                views.push(passage_note_view(&concept, note, anchor, Some(text)));
            }
        }
        views.sort_by_key(|view| view.range.as_ref().map_or(usize::MAX, |range| range.start));
        views
    }

    /// The passage notes of `concept`, their anchors checked with `text_of(document)`;
    /// the file is read again when a note was saved or reloaded (`generation`).
    pub fn passage_notes_of<'t>(
        &mut self,
        concept: &str,
        text_of: impl Fn(&str) -> Option<&'t str>,
    ) -> Result<Vec<PassageNoteView>, NotesError> {
        let fresh = |listed: &(String, u64, _)| listed.0 == concept && listed.1 == self.generation;
        if !self.listed.as_ref().is_some_and(fresh) {
            self.listed = Some((concept.to_owned(), self.generation, self.store.peek(concept)?));
        }
        let Some((_, _, notes)) = &self.listed else { return Ok(Vec::new()) };
        let views = notes
            .passage_notes()
            .filter_map(|note| {
                let anchor = note.anchor.as_ref()?;
                Some(passage_note_view(concept, note, anchor, text_of(&anchor.document)))
            })
            .collect();
        Ok(views)
    }

    /// Deletes the open passage note (the main note is emptied, never deleted).
    pub fn delete_open_passage_note(&mut self) -> Result<(), NotesError> {
        let Some(NoteTarget { concept, note: Some(note) }) = self.target.clone() else { return Ok(()) };
        self.store.delete_note(&concept, &note)?;
        self.generation += 1;
        self.target = None;
        self.buffer = EditBuffer::default();
        self.saved.clear();
        self.status = NoteStatus::Saved;
        Ok(())
    }

    fn load(&mut self) {
        let Some(target) = self.target.clone() else { return };
        let body = self.store.reload(&target.concept).map(|notes| match &target.note {
            None => Some(notes.main_body().unwrap_or("").to_string()),
            Some(id) => notes.note(id).map(|note| note.body.clone()),
        });
        match body {
            Ok(Some(body)) => {
                self.saved = body;
                self.replace_buffer();
                self.status = NoteStatus::Saved;
            }
            Ok(None) => {
                self.saved.clear();
                self.buffer = EditBuffer::default();
                let note = target.note.unwrap_or_default();
                self.status = NoteStatus::Broken(format!("{}: {note}", target.concept));
            }
            Err(err) => {
                self.saved.clear();
                self.buffer = EditBuffer::default();
                self.status = NoteStatus::Broken(err.to_string());
            }
        }
        self.last_edit = None;
    }

    /// The buffer shows the saved text: a fresh buffer for a note just opened,
    /// an undoable replacement when the open note changed on disk.
    fn replace_buffer(&mut self) {
        if self.buffer.text().is_empty() && !self.buffer.can_undo() && !self.buffer.can_redo() {
            self.buffer = EditBuffer::new(self.saved.clone());
        } else {
            self.buffer.replace_all(&self.saved);
        }
    }

    /// The concept whose note is open.
    pub fn concept(&self) -> Option<&str> {
        self.target.as_ref().map(|target| target.concept.as_str())
    }

    pub fn target(&self) -> Option<&NoteTarget> {
        self.target.as_ref()
    }

    /// Carries out an action (called by the app after drawing).
    pub fn apply(&mut self, action: NoteAction) {
        let Some(target) = self.target.clone() else { return };
        match action {
            NoteAction::Save => self.save(&target, false),
            NoteAction::KeepMine => self.save(&target, true),
            NoteAction::KeepTheirs => {
                self.load();
                self.generation += 1;
            }
        }
    }

    fn save(&mut self, target: &NoteTarget, overwrite: bool) {
        if matches!(self.status, NoteStatus::Broken(_)) || (self.buffer.text() == self.saved && !overwrite) {
            return;
        }
        // Changed on disk since we read or wrote it: the user chooses (never a silent overwrite).
        if !overwrite && self.store.has_changed_on_disk(&target.concept).unwrap_or(false) {
            self.status = NoteStatus::Conflict;
            self.last_edit = None;
            return;
        }
        let body = self.buffer.text().to_string();
        let result = self.store.load(&target.concept).and_then(|mut notes| {
            let now = crate::notes::Timestamp::now();
            match &target.note {
                None => {
                    notes.set_main(&body, &now);
                }
                Some(id) => {
                    notes.update_body(id, &body, &now)?;
                }
            }
            if overwrite { self.store.save_overwrite(&notes) } else { self.store.save(&notes) }
        });
        match result {
            Ok(_) => {
                self.generation += 1;
                self.saved = body;
                self.status = NoteStatus::Saved;
            }
            Err(NotesError::Conflict { .. }) => self.status = NoteStatus::Conflict,
            Err(err @ NotesError::Malformed { .. }) => self.status = NoteStatus::Broken(err.to_string()),
            Err(err) => self.status = NoteStatus::Failed(err.to_string()),
        }
        self.last_edit = None;
    }

    /// Timed work: autosave after a pause, and noticing changes on disk.
    /// Returns the action due now, if any.
    pub fn tick(&mut self, now: Instant) -> Option<NoteAction> {
        let concept = self.target.as_ref()?.concept.clone();
        if self.status == NoteStatus::Unsaved && self.last_edit.is_some_and(|t| now.duration_since(t) >= AUTOSAVE_AFTER)
        {
            return Some(NoteAction::Save);
        }
        if self.last_disk_check.is_some_and(|t| now.duration_since(t) < DISK_CHECK_EVERY) {
            return None;
        }
        self.last_disk_check = Some(now);
        let changed = self.store.has_changed_on_disk(&concept).unwrap_or(false);
        match (&self.status, changed) {
            (NoteStatus::Saved | NoteStatus::Broken(_), true) => Some(NoteAction::KeepTheirs),
            (NoteStatus::Unsaved, true) => {
                self.status = NoteStatus::Conflict;
                None
            }
            _ => None,
        }
    }

    /// Draws the editor under `title`; returns an action the user asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui, lang: Lang) -> Option<NoteAction> {
        let title = if self.target.as_ref().is_some_and(|t| t.note.is_some()) { "passage note" } else { "main note" };
        let mut action = None;
        crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
            ui.label(egui::RichText::new(tr(lang, title)).strong());
            let (text, color) = match &self.status {
                NoteStatus::Saved => (tr(lang, "saved").to_string(), ui.visuals().weak_text_color()),
                NoteStatus::Unsaved => (tr(lang, "unsaved").to_string(), ui.visuals().warn_fg_color),
                NoteStatus::Conflict => (tr(lang, "conflict").to_string(), ui.visuals().error_fg_color),
                NoteStatus::Broken(message) | NoteStatus::Failed(message) => {
                    (message.clone(), ui.visuals().error_fg_color)
                }
            };
            crate::ui::widgets::paragraphs::styled_label_ui(ui, &text, egui::TextStyle::Body, color);
            if ui.add_enabled(self.status == NoteStatus::Unsaved, egui::Button::new(tr(lang, "save"))).clicked() {
                action = Some(NoteAction::Save);
            }
            if ui.add_enabled(self.buffer.can_undo(), egui::Button::new(tr(lang, "undo"))).clicked() {
                self.buffer.undo();
                self.edited();
            }
        });
        if self.status == NoteStatus::Conflict {
            crate::ui::widgets::paragraphs::paragraph_ui(ui, tr(lang, "changed on disk"), &[]);
            crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
                if ui.button(tr(lang, "keep mine")).clicked() {
                    action = Some(NoteAction::KeepMine);
                }
                if ui.button(tr(lang, "keep theirs")).clicked() {
                    action = Some(NoteAction::KeepTheirs);
                }
            });
        }
        let mut options = BidiEditOptions::multi_line(tr(lang, title), tr(lang, "type a note"), 4, lang.is_rtl());
        options.interactive = !matches!(self.status, NoteStatus::Broken(_));
        let salt = ("note", self.target.clone().map(|t| (t.concept, t.note)));
        let output = bidi_edit_ui(ui, salt, &mut self.buffer, &options);
        if output.changed {
            self.edited();
        }
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::S)) {
            action = Some(NoteAction::Save);
        }
        action
    }

    /// The buffer changed: unsaved (unless a conflict is waiting), autosave timer restarted.
    fn edited(&mut self) {
        self.last_edit = Some(Instant::now());
        if self.status != NoteStatus::Conflict {
            self.status = if self.buffer.text() == self.saved { NoteStatus::Saved } else { NoteStatus::Unsaved };
        }
    }
}
