//! The reader's lines read back into logical order: the repair of a document
//! whose lines came out of a PDF in broken visual order (`text::repair`, via
//! `corpus::reading`) is run off the UI thread once per document and corpus
//! revision. A line the index set apart as broken is drawn read back with a
//! mark whose hover text holds the line as stored; a paragraph with lines the
//! repair read back (the light damage: pieces of a line at the wrong end) is
//! shown with them in reading order, its mentions, find hits and passage
//! notes carried to where their letters are read ([`ShownBlock`]). The
//! stored form of every line is one key away (Ctrl+Shift+O, or the toolbar's
//! toggle). The stored text is never changed: a selection is mapped back to
//! the stored bytes it was read from.

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
    ) -> Option<Arc<ReadingText>> {
        if !self.key.as_ref().is_some_and(|(id, at)| *id == document.id && *at == revision) {
            self.key = Some((document.id.clone(), revision));
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
        self.ready.clone()
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

/// A repaired line: its mark on the start side (hover: that it was read back,
/// and the line as stored), then the line in reading order.
pub fn repaired_line_ui(ui: &mut egui::Ui, shown: &str, stored: &str, lang: Lang) -> ParagraphResponse {
    let mut response = ParagraphResponse::default();
    let row = crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
        let mark = ui
            .label(egui::RichText::new(crate::ui::widgets::icons::REPAIRED_LINE).color(ui.visuals().weak_text_color()));
        let hover = format!("{} {}", tr(lang, "repaired order"), isolate(stored));
        hover_text_ui(mark, &hover);
        let paragraph = paragraph_ui(ui, shown, &[]);
        response.selection = paragraph.selection;
        response.selection_continues = paragraph.selection_continues;
    });
    response.rect = Some(row.response.rect);
    response
}

/// A paragraph as the reader shows it when lines inside it were read back:
/// the stored text with each such line replaced by its reading, and where
/// each piece of the shown text comes from, to carry highlights (mentions,
/// find hits, passage notes) onto it and a selection back to stored bytes.
pub struct ShownBlock {
    pub text: String,
    pieces: Vec<ShownPiece>,
}

/// A run of the shown text: stored bytes as they are, or a line read back.
struct ShownPiece {
    shown: Range<usize>,
    /// Where the run starts in the stored text, or in the reading text.
    from: Source,
}

#[derive(Clone, Copy)]
enum Source {
    Stored(usize),
    ReadBack(usize),
}

/// `block` (stored bytes) with the lines inside it that the repair read back
/// replaced by their reading; None when it holds none.
pub fn shown_block(stored: &str, reading: &ReadingText, block: &Range<usize>) -> Option<ShownBlock> {
    let mut shown = ShownBlock { text: String::new(), pieces: Vec::new() };
    let mut at = block.start;
    let push = |shown: &mut ShownBlock, text: &str, from: Source| {
        let start = shown.text.len();
        shown.text.push_str(text);
        shown.pieces.push(ShownPiece { shown: start..shown.text.len(), from });
    };
    for line in reading.read_back_lines(stored) {
        let original = line.original;
        if original.start < block.start || original.end > block.end || original.start < at {
            continue;
        }
        push(&mut shown, stored.get(at..original.start)?, Source::Stored(at));
        push(&mut shown, reading.text.get(line.reading.clone())?, Source::ReadBack(line.reading.start));
        at = original.end;
    }
    if shown.pieces.is_empty() {
        return None;
    }
    push(&mut shown, stored.get(at..block.end)?, Source::Stored(at));
    Some(shown)
}

impl ShownBlock {
    /// The runs of [`Self::text`] that are lines read back (the reader tints
    /// them, as the site does, so a machine's reordering is never taken for
    /// the stored text).
    pub fn read_back_ranges(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.pieces.iter().filter(|p| matches!(p.from, Source::ReadBack(_))).map(|p| p.shown.clone())
    }

    /// Where the stored bytes `stored` are shown (several places when the
    /// repair moved their letters apart), as offsets into [`Self::text`].
    pub fn shown_ranges(&self, reading: &ReadingText, stored: &Range<usize>) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        for piece in &self.pieces {
            let len = piece.shown.len();
            match piece.from {
                Source::Stored(start) => {
                    let (from, to) = (stored.start.max(start), stored.end.min(start + len));
                    if from < to {
                        out.push(piece.shown.start + from - start..piece.shown.start + to - start);
                    }
                }
                Source::ReadBack(start) => {
                    for range in reading.reading_ranges(stored.clone()) {
                        let (from, to) = (range.start.max(start), range.end.min(start + len));
                        if from < to {
                            out.push(piece.shown.start + from - start..piece.shown.start + to - start);
                        }
                    }
                }
            }
        }
        out
    }

    /// The stored bytes a shown range was made from: from the first to the
    /// last stored byte behind it.
    pub fn stored_range(&self, reading: &ReadingText, shown: &Range<usize>) -> Option<Range<usize>> {
        let mut behind: Vec<Range<usize>> = Vec::new();
        for piece in &self.pieces {
            let (from, to) = (shown.start.max(piece.shown.start), shown.end.min(piece.shown.end));
            if from >= to {
                continue;
            }
            let (start, end) = (from - piece.shown.start, to - piece.shown.start);
            match piece.from {
                Source::Stored(at) => behind.push(at + start..at + end),
                Source::ReadBack(at) => behind.extend(reading.original_ranges(at + start..at + end)),
            }
        }
        let start = behind.iter().map(|r| r.start).min()?;
        let end = behind.iter().map(|r| r.end).max()?;
        Some(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORED: &str =
        "سطر درست اول\nچه  یخارج استیو س یمل تیامن یحکمران نیمسئله است که ب نیا یمقاله بررس یموضوع اصل\nسطر درست دوم";
    const READ: &str = "موضوع اصلی مقاله بررسی این مسئله است که بین حکمرانی امنیت ملی و سیاست خارجی چه";

    fn byte_range(text: &str, part: &str) -> Range<usize> {
        let start = text.find(part).expect("part of the text");
        start..start + part.len()
    }

    #[test]
    fn a_paragraph_shows_its_line_read_back_and_carries_ranges_both_ways() {
        let reading = crate::corpus::reading::reading_of(STORED);
        let block = 0..STORED.len();
        let shown = shown_block(STORED, &reading, &block).expect("a line read back");
        assert_eq!(shown.text, format!("سطر درست اول\n{READ}\nسطر درست دوم"));
        // A stored range of a clean line keeps its place, shifted.
        let clean = byte_range(STORED, "دوم");
        assert_eq!(shown.shown_ranges(&reading, &clean), vec![byte_range(&shown.text, "دوم")]);
        assert_eq!(shown.stored_range(&reading, &byte_range(&shown.text, "دوم")), Some(clean));
        // «امنیت» is stored reversed (تیامن); it is shown where the reading has it.
        let stored_word = byte_range(STORED, "تیامن");
        let at = shown.shown_ranges(&reading, &stored_word);
        assert_eq!(at.iter().map(|r| &shown.text[r.clone()]).collect::<String>(), "امنیت", "{at:?}");
        // And a selection of the shown word names the stored bytes it came from.
        let back = shown.stored_range(&reading, &byte_range(&shown.text, "امنیت")).expect("stored bytes");
        assert_eq!(&STORED[back], "تیامن");
    }

    #[test]
    fn a_paragraph_without_lines_read_back_is_shown_as_stored() {
        let text = "سطر درست اول\nسطر درست دوم";
        let reading = crate::corpus::reading::reading_of(text);
        assert!(shown_block(text, &reading, &(0..text.len())).is_none());
    }
}
