//! The reader's lines read back into logical order: the repair of a document
//! whose lines came out of a PDF in broken visual order (`text::repair`, via
//! `corpus::reading`) is run off the UI thread once per document and corpus
//! revision; a repaired line is drawn in its reading order with a mark whose
//! hover text holds the line as stored, and the stored form of every line is
//! one key away (Ctrl+Shift+O, or the toolbar's toggle). The stored text is
//! never changed: a selection in a repaired line is mapped back to the stored
//! bytes it was read from.

use std::ops::Range;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use eframe::egui;

use crate::corpus::Document;
use crate::text::Lang;
use crate::text::repair::ReadingText;
use crate::ui::context::i18n::{isolate, tr};
use crate::ui::widgets::paragraphs::{ParagraphResponse, hover_text_ui, paragraph_ui};

/// Shows every repaired line as stored, and back.
pub const STORED_SHORTCUT: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT), egui::Key::O);

/// The open document's reading text: asked for, being read, or ready.
#[derive(Default)]
pub struct RepairedLines {
    /// (document id, corpus revision) of what is pending or ready.
    key: Option<(String, u64)>,
    pending: Option<Receiver<ReadingText>>,
    ready: Option<Arc<ReadingText>>,
    /// Lines are shown as stored instead of read back.
    pub show_stored: bool,
}

/// A line the repair read back, as the reader draws it.
pub struct RepairedLine<'r> {
    /// The line's text in reading order.
    pub text: &'r str,
    /// Where that text starts in the reading text (to map a selection back).
    reading_start: usize,
}

impl RepairedLines {
    /// Whether a document's lines are being read back (a screenshot waits).
    pub fn is_reading(&self) -> bool {
        self.pending.is_some()
    }

    /// The reading text of `document` when it is ready; starts reading it
    /// (on a thread) the first time a document with broken lines is shown.
    pub fn reading(
        &mut self,
        ctx: &egui::Context,
        document: &Document,
        revision: u64,
        broken: bool,
    ) -> Option<&ReadingText> {
        let key = (document.id.clone(), revision);
        if self.key.as_ref() != Some(&key) {
            self.key = Some(key);
            self.ready = None;
            self.pending = broken.then(|| spawn_reading(document.text.clone()));
        }
        if let Some(pending) = &self.pending {
            match pending.try_recv() {
                Ok(reading) => {
                    self.ready = Some(Arc::new(reading));
                    self.pending = None;
                }
                Err(TryRecvError::Empty) => ctx.request_repaint_after(std::time::Duration::from_millis(100)),
                Err(TryRecvError::Disconnected) => self.pending = None,
            }
        }
        self.ready.as_deref()
    }
}

/// Reads `text` back on a thread of its own.
fn spawn_reading(text: String) -> Receiver<ReadingText> {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(crate::corpus::reading::reading_of(&text));
    });
    receiver
}

/// The repaired reading of the stored line holding `block`, if the repair
/// read it back with confidence.
pub fn repaired_line<'r>(reading: &'r ReadingText, block: &Range<usize>) -> Option<RepairedLine<'r>> {
    let line =
        reading.lines.iter().find(|line| line.original.start <= block.start && block.end <= line.original.end)?;
    if !line.repaired || line.unrepaired {
        return None;
    }
    let full = reading.text.get(line.reading.clone())?;
    let text = full.trim();
    let lead = full.len() - full.trim_start().len();
    Some(RepairedLine { text, reading_start: line.reading.start + lead })
}

/// The stored bytes a selection of `selected` bytes in `line` was read from:
/// the span from the first to the last stored byte behind it.
pub fn stored_range(reading: &ReadingText, line: &RepairedLine, selected: &Range<usize>) -> Option<Range<usize>> {
    let shown = line.reading_start + selected.start..line.reading_start + selected.end;
    let ranges = reading.original_ranges(shown);
    let start = ranges.iter().map(|r| r.start).min()?;
    let end = ranges.iter().map(|r| r.end).max()?;
    Some(start..end)
}

/// A repaired line: its mark on the start side (hover: that it was read back,
/// and the line as stored), then the line in reading order.
pub fn repaired_line_ui(ui: &mut egui::Ui, line: &RepairedLine, stored: &str, lang: Lang) -> ParagraphResponse {
    let mut response = ParagraphResponse::default();
    let row = crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
        let mark = ui
            .label(egui::RichText::new(crate::ui::widgets::icons::REPAIRED_LINE).color(ui.visuals().weak_text_color()));
        let hover = format!("{} {}", tr(lang, "repaired order"), isolate(stored));
        hover_text_ui(mark, &hover);
        let paragraph = paragraph_ui(ui, line.text, &[]);
        response.selection = paragraph.selection;
        response.selection_continues = paragraph.selection_continues;
    });
    response.rect = Some(row.response.rect);
    response
}
