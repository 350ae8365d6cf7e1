//! The note editor on a concept page: the concept's main note, typed in any
//! direction, saved automatically after a short pause and on Ctrl+S, with a
//! visible saved/unsaved state. A note file changed outside the program is
//! noticed: with no local edits it is reloaded, otherwise the editor chooses
//! which version to keep. A malformed note file is shown with its position and
//! never saved over. All file work happens in [`NotesEditor::apply`], from the
//! app's command loop; the widget only edits the buffer and asks.

use std::time::{Duration, Instant};

use eframe::egui;

use super::i18n::tr;
use crate::notes::{NoteStore, NotesError};
use crate::text::Lang;

/// Edits are saved this long after the last keystroke.
const AUTOSAVE_AFTER: Duration = Duration::from_millis(1500);
/// How often the file on disk is checked for changes made elsewhere.
const DISK_CHECK_EVERY: Duration = Duration::from_secs(1);

/// What the editor asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteAction {
    Save,
    KeepMine,
    KeepTheirs,
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
    concept: Option<String>,
    pub buffer: String,
    saved: String,
    pub status: NoteStatus,
    last_edit: Option<Instant>,
    last_disk_check: Option<Instant>,
    /// Bumped whenever a main note changes on disk (saved here, or reloaded
    /// after a change made elsewhere), so search indexes it again.
    pub generation: u64,
}

impl NotesEditor {
    pub fn new(store: NoteStore) -> Self {
        NotesEditor {
            store,
            concept: None,
            buffer: String::new(),
            saved: String::new(),
            status: NoteStatus::Saved,
            last_edit: None,
            last_disk_check: None,
            generation: 0,
        }
    }

    /// Opens a concept's note, saving the previous one first if it has edits.
    pub fn open(&mut self, concept: &str) {
        if self.concept.as_deref() == Some(concept) {
            return;
        }
        if self.status == NoteStatus::Unsaved {
            self.apply(NoteAction::Save);
        }
        self.concept = Some(concept.to_string());
        self.load();
    }

    fn load(&mut self) {
        let Some(concept) = self.concept.clone() else { return };
        match self.store.reload(&concept) {
            Ok(notes) => {
                self.saved = notes.main_body().unwrap_or("").to_string();
                self.buffer = self.saved.clone();
                self.status = NoteStatus::Saved;
            }
            Err(err) => {
                self.saved.clear();
                self.buffer.clear();
                self.status = NoteStatus::Broken(err.to_string());
            }
        }
        self.last_edit = None;
    }

    pub fn concept(&self) -> Option<&str> {
        self.concept.as_deref()
    }

    /// Carries out an action (called by the app after drawing).
    pub fn apply(&mut self, action: NoteAction) {
        let Some(concept) = self.concept.clone() else { return };
        match action {
            NoteAction::Save => self.save(&concept, false),
            NoteAction::KeepMine => self.save(&concept, true),
            NoteAction::KeepTheirs => {
                self.load();
                self.generation += 1;
            }
        }
    }

    fn save(&mut self, concept: &str, overwrite: bool) {
        if matches!(self.status, NoteStatus::Broken(_)) || (self.buffer == self.saved && !overwrite) {
            return;
        }
        let result = self.store.load(concept).and_then(|mut notes| {
            notes.set_main(&self.buffer, &crate::notes::Timestamp::now());
            if overwrite { self.store.save_overwrite(&notes) } else { self.store.save(&notes) }
        });
        match result {
            Ok(_) => {
                self.generation += 1;
                self.saved = self.buffer.clone();
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
        let concept = self.concept.clone()?;
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

    /// Draws the editor; returns an action the user asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui, lang: Lang) -> Option<NoteAction> {
        let mut action = None;
        super::mirror::row(ui, lang.is_rtl(), |ui| {
            ui.label(egui::RichText::new(tr(lang, "main note")).strong());
            let (text, color) = match &self.status {
                NoteStatus::Saved => (tr(lang, "saved").to_string(), ui.visuals().weak_text_color()),
                NoteStatus::Unsaved => (tr(lang, "unsaved").to_string(), ui.visuals().warn_fg_color),
                NoteStatus::Conflict => (tr(lang, "conflict").to_string(), ui.visuals().error_fg_color),
                NoteStatus::Broken(message) | NoteStatus::Failed(message) => {
                    (message.clone(), ui.visuals().error_fg_color)
                }
            };
            ui.colored_label(color, text);
            if ui.add_enabled(self.status == NoteStatus::Unsaved, egui::Button::new(tr(lang, "save"))).clicked() {
                action = Some(NoteAction::Save);
            }
        });
        if self.status == NoteStatus::Conflict {
            super::mirror::row(ui, lang.is_rtl(), |ui| {
                ui.label(tr(lang, "changed on disk"));
                if ui.button(tr(lang, "keep mine")).clicked() {
                    action = Some(NoteAction::KeepMine);
                }
                if ui.button(tr(lang, "keep theirs")).clicked() {
                    action = Some(NoteAction::KeepTheirs);
                }
            });
        }
        let editable = !matches!(self.status, NoteStatus::Broken(_));
        let rtl = crate::text::lang::detect(&self.buffer).map_or(lang.is_rtl(), Lang::is_rtl);
        let align = if rtl { egui::Align2::RIGHT_TOP } else { egui::Align2::LEFT_TOP };
        let edit = egui::TextEdit::multiline(&mut self.buffer)
            .desired_rows(4)
            .desired_width(f32::INFINITY)
            .align(align)
            .interactive(editable)
            .hint_text(tr(lang, "main note"));
        let response = ui.add(edit).on_hover_text(tr(lang, "main note"));
        if response.changed() {
            self.last_edit = Some(Instant::now());
            if self.status != NoteStatus::Conflict {
                self.status = NoteStatus::Unsaved;
            }
        }
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::S)) {
            action = Some(NoteAction::Save);
        }
        if !self.buffer.is_empty() && rtl {
            super::text::paragraph_ui(ui, &self.buffer, &[]);
        }
        action
    }
}
