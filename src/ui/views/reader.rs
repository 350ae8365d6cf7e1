//! The document reader: a document's sections with every mention highlighted
//! in its concept's colour and clickable, lines in broken visual order marked,
//! a table of contents, and find-in-document (folded: `ي` finds `ی`).
//! Text selected in a paragraph can be copied or get a note (for a concept it
//! mentions, or the selected one); passage notes are shown and edited under
//! the paragraph they are anchored in. A selection can also become a name of a
//! concept ("Add as a name of…", the picker in `name_picker`).

use std::ops::Range;

use eframe::egui;

use crate::address::{Address, CompareSide, DocumentAnchor};
use crate::corpus::Document;
use crate::index::DocumentIndex;
use crate::text::Lang;
use crate::text::editing::EditBuffer;
use crate::text::normalize::{fold, fold_str};
use crate::ui::context::command::{CatalogAction, PassageNoteAction};
use crate::ui::context::i18n::{isolate, number, section_name, tr};
use crate::ui::context::model::Model;
use crate::ui::context::{Command, ViewContext};
use crate::ui::views::notes_editor::{NotesEditor, PassageNoteView};
use crate::ui::views::repaired_lines::{RepairedLines, STORED_SHORTCUT, repaired_line_ui, shown_block};
use crate::ui::widgets::bidi_edit::{BidiEditOptions, bidi_edit_ui};
use crate::ui::widgets::long_text;
use crate::ui::widgets::paragraphs::{
    Highlight, chip_ui, heading_ui, highlight_fill, label_ui, paragraph_ui, paragraph_ui_marked, styled_label_ui,
};

/// What find hits are cached for: document, query, corpus revision.
/// What find hits were found for: the document, the folded query, the
/// model revision, and whether they were found in the reading text.
type FindKey = (String, String, u64, bool);

/// The reader's transient state.
#[derive(Default)]
pub struct ReaderState {
    /// The find box: typed in the bidi editor, so a Persian query reads right.
    pub find: EditBuffer,
    /// Which find hit is current.
    pub find_current: usize,
    /// The anchor already scrolled to, so it is scrolled to once.
    scrolled_to: Option<(String, Option<DocumentAnchor>)>,
    /// Cached find hits: (document, query, revision) → original ranges.
    find_cache: Option<(FindKey, Vec<Range<usize>>)>,
    /// Cached passage notes: (document, notes generation, revision) → notes.
    notes_cache: Option<((String, u64, u64), Vec<PassageNoteView>)>,
    /// The open document's lines read back into logical order.
    pub repaired: RepairedLines,
}

pub fn reader_ui(
    ui: &mut egui::Ui,
    view: &ViewContext,
    id: &str,
    anchor: Option<&DocumentAnchor>,
    state: &mut ReaderState,
    notes: &mut NotesEditor,
    commands: &mut Vec<Command>,
) {
    let ViewContext { model, lang, .. } = *view;
    let Some(document_index) = model.document_index(id) else {
        crate::ui::widgets::paragraphs::heading_ui(
            ui,
            &format!("{}: {}", tr(lang, "unknown address"), isolate(format!("document:{id}"))),
        );
        return;
    };
    let document = &model.corpus.documents[document_index];
    let passage_notes = passage_notes(state, notes, document, model.revision);
    heading_ui(ui, document.title(lang));
    let broken = !model.index.documents[document_index].broken_lines.is_empty();
    if broken
        && !crate::ui::widgets::bidi_edit::editing_text(ui.ctx())
        && ui.input_mut(|input| input.consume_shortcut(&STORED_SHORTCUT))
    {
        state.repaired.show_stored = !state.repaired.show_stored;
    }
    let reading = state.repaired.reading(ui.ctx(), document, model.revision, broken);
    let any_read_back = reading.as_ref().is_some_and(|r| r.any_repaired());
    toolbar_ui(ui, model, document, state, any_read_back, lang, commands);
    let shown_reading = reading.as_deref().filter(|r| !state.repaired.show_stored && r.any_repaired());
    let hits = find_hits(state, document, shown_reading, model.revision);
    let hits = if hits.is_empty() { anchored_word(document, anchor).into_iter().collect() } else { hits };
    let target = scroll_target(document, anchor, &hits, state);
    let key = (id.to_string(), anchor.cloned());
    let must_scroll = target.is_some() && state.scrolled_to.as_ref() != Some(&key);
    let window = long_text::window(document.text.len(), target.as_ref().map(|t| t.start), long_text::MAX_WINDOW_BYTES);
    if window.len() < document.text.len() {
        label_ui(
            ui,
            &format!(
                "{} ({} – {} / {} KB)",
                tr(lang, "long document"),
                window.start / 1024,
                window.end / 1024,
                document.text.len() / 1024
            ),
        );
    }
    let body = Body {
        view,
        document_index,
        passage_notes: &passage_notes,
        hits: &hits,
        window,
        target: if must_scroll { target } else { None },
        key,
        reading: reading.as_deref().filter(|_| !state.repaired.show_stored),
    };
    egui::ScrollArea::vertical().id_salt(("reader", id)).auto_shrink([false, false]).show(ui, |ui| {
        // One selection group: a drag can run over several paragraphs.
        let group = egui::Id::unique(("reader-selection", id));
        let select_all = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::A);
        if !crate::ui::widgets::bidi_edit::editing_text(ui.ctx())
            && ui.input_mut(|input| input.consume_shortcut(&select_all))
        {
            crate::ui::widgets::paragraph_selection::select_all(ui.ctx(), group);
        }
        crate::ui::widgets::paragraph_selection::selection_group(ui, group, |ui| {
            body_ui(ui, &body, state, notes, commands)
        });
    });
}

/// What the reader shows of a document below its toolbar.
struct Body<'a> {
    view: &'a ViewContext<'a>,
    document_index: usize,
    passage_notes: &'a [PassageNoteView],
    hits: &'a [Range<usize>],
    /// The bytes shown (all but in a very long document).
    window: Range<usize>,
    /// Where to scroll this frame, if anywhere.
    target: Option<Range<usize>>,
    /// What `state.scrolled_to` becomes once there.
    key: (String, Option<DocumentAnchor>),
    /// The document read back, unless its lines are shown as stored.
    reading: Option<&'a crate::text::repair::ReadingText>,
}

/// The document's paragraphs with their section titles, highlights, passage
/// notes and, under the end of a selection, its note bar.
fn body_ui(
    ui: &mut egui::Ui,
    body: &Body,
    state: &mut ReaderState,
    notes: &mut NotesEditor,
    commands: &mut Vec<Command>,
) {
    let ViewContext { model, lang, dark, selected } = *body.view;
    let document = &model.corpus.documents[body.document_index];
    let doc_index = &model.index.documents[body.document_index];
    // Where a selection running over several paragraphs started.
    let mut selection_start = None;
    for block in blocks(document, doc_index, lang) {
        if block.range.end <= body.window.start || block.range.start >= body.window.end {
            continue;
        }
        let mut title_rect = None;
        if let Some(title) = &block.section_title {
            ui.add_space(10.0);
            let style = egui::TextStyle::Name(crate::ui::widgets::fonts::SECTION_STYLE.into());
            title_rect = Some(styled_label_ui(ui, title, style, ui.visuals().strong_text_color()).rect);
        }
        let text = &document.text[block.range.clone()];
        let highlights =
            block_highlights(model, body.document_index, &block.range, body.hits, state.find_current, selected, dark);
        let read_back = body.reading.and_then(|r| Some((r, shown_block(&document.text, r, &block.range)?)));
        let mut response = if let (Some((_, shown)), true) = (&read_back, block.broken) {
            repaired_line_ui(ui, &shown.text, text, lang)
        } else if block.broken {
            broken_line_ui(ui, text, lang)
        } else if let Some((reading, shown)) = &read_back {
            // Lines of the paragraph read back: highlights and notes carried onto them,
            // a selection carried back to the stored bytes.
            let moved = |range: &Range<usize>| {
                shown.shown_ranges(reading, &(block.range.start + range.start..block.range.start + range.end))
            };
            let tint = if dark { egui::Color32::from_rgb(38, 56, 40) } else { egui::Color32::from_rgb(234, 245, 234) };
            let read_back =
                shown.read_back_ranges().map(|range| Highlight { range, color: tint, concept: None, strong: false });
            let highlights: Vec<Highlight> = read_back
                .chain(
                    highlights
                        .iter()
                        .flat_map(|h| moved(&h.range).into_iter().map(move |range| Highlight { range, ..h.clone() })),
                )
                .collect();
            let marks: Vec<Range<usize>> =
                noted_ranges(body.passage_notes, &block.range).iter().flat_map(moved).collect();
            let color = crate::ui::paint::map::note_badge_color(dark);
            paragraph_ui_marked(ui, &shown.text, &highlights, &marks, color)
        } else {
            let marks = noted_ranges(body.passage_notes, &block.range);
            paragraph_ui_marked(ui, text, &highlights, &marks, crate::ui::paint::map::note_badge_color(dark))
        };
        // A selection in lines read back names the stored bytes they were read from.
        if let (Some((reading, shown)), Some(selected)) = (&read_back, response.selection.clone()) {
            response.selection = shown.stored_range(reading, &selected).map(|stored| {
                stored.start.saturating_sub(block.range.start)..stored.end.saturating_sub(block.range.start)
            });
        }
        if let Some(concept) = response.clicked_concept {
            commands.push(Command::Select(model.concept_id(concept).to_string()));
        }
        let here = |note: &&PassageNoteView| {
            note.range.as_ref().is_some_and(|range| block.range.start <= range.start && range.start < block.range.end)
        };
        for note in body.passage_notes.iter().filter(here) {
            passage_note_ui(ui, model, note, notes, lang, commands);
        }
        if let Some(selection) = response.selection {
            let start = *selection_start.get_or_insert(block.range.start + selection.start);
            // The bar goes under the selection's end, once the drag is over
            // (while dragging it would push the next paragraphs under the pointer).
            let dragging = crate::ui::widgets::paragraph_selection::is_dragging(ui.ctx());
            if !response.selection_continues && !dragging {
                let passage = start..block.range.start + selection.end;
                selection_bar_ui(ui, model, body.document_index, &passage, selected, lang, commands);
            }
            if !response.selection_continues {
                selection_start = None;
            }
        }
        if let (Some(target), Some(rect)) = (&body.target, response.rect)
            && block.range.start <= target.start
            && target.start < block.range.end.max(block.range.start + 1)
        {
            // A section opens at its title, at the top; a passage in the middle.
            match (&body.key.1, title_rect) {
                (Some(DocumentAnchor::Section(_)), Some(title)) if body.hits.is_empty() => {
                    ui.scroll_to_rect(title.union(rect), Some(egui::Align::Min))
                }
                _ => ui.scroll_to_rect(rect, Some(egui::Align::Center)),
            }
            state.scrolled_to = Some(body.key.clone());
        }
    }
}

fn toolbar_ui(
    ui: &mut egui::Ui,
    model: &Model,
    document: &Document,
    state: &mut ReaderState,
    any_read_back: bool,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    crate::ui::widgets::mirror::wrapped_row(ui, lang.is_rtl(), |ui| {
        ui.label(format!("{}:", tr(lang, "contents")));
        for section in &document.meta.sections {
            if chip_ui(ui, &section_name(lang, section), false).clicked() {
                commands.push(Command::Navigate(Address::Document {
                    id: document.id.clone(),
                    anchor: Some(DocumentAnchor::Section(section.id.clone())),
                }));
            }
        }
        ui.separator();
        let label = tr(lang, "find in document");
        let options = BidiEditOptions::single_line(label, label, 200.0, lang.is_rtl());
        let output = bidi_edit_ui(ui, "reader find", &mut state.find, &options);
        if output.changed {
            state.find_current = 0;
            state.scrolled_to = None;
        }
        if output.submitted {
            state.find_current += 1;
            state.scrolled_to = None;
        }
        if let Some((_, hits)) = &state.find_cache
            && !state.find.text().trim().is_empty()
        {
            let shown = if hits.is_empty() { 0 } else { state.find_current % hits.len() + 1 };
            label_ui(ui, &format!("{}/{}", number(lang, shown), number(lang, hits.len())));
        }
        if any_read_back {
            let label = format!("{} (Ctrl+Shift+O)", tr(lang, "show as stored"));
            crate::ui::widgets::choice::checkbox_ui(ui, lang, &mut state.repaired.show_stored, &label);
        }
        let abstracts =
            document.meta.sections.iter().filter(|s| s.kind == crate::corpus::SectionKind::Abstract).count();
        if abstracts >= 2 && ui.button(tr(lang, "side by side")).clicked() {
            let left = CompareSide { document: document.id.clone(), section: None };
            commands.push(Command::Navigate(Address::Compare { left, right: None }));
        }
        let _ = model;
    });
}

/// A piece of the document drawn as one paragraph.
struct Block {
    range: Range<usize>,
    broken: bool,
    /// The section that starts here, if any.
    section_title: Option<String>,
}

/// The document cut into paragraphs, broken lines on their own, with the
/// section titles where sections start.
fn blocks(document: &Document, doc_index: &DocumentIndex, lang: Lang) -> Vec<Block> {
    let mut blocks = Vec::new();
    for paragraph in &doc_index.paragraphs {
        let mut at = paragraph.start;
        for broken in doc_index.broken_lines.iter().filter(|b| b.start < paragraph.end && b.end > paragraph.start) {
            if broken.start > at {
                push_block(&mut blocks, document, at..broken.start, false);
            }
            push_block(&mut blocks, document, broken.start.max(at)..broken.end.min(paragraph.end), true);
            at = broken.end.min(paragraph.end);
        }
        if at < paragraph.end {
            push_block(&mut blocks, document, at..paragraph.end, false);
        }
    }
    let mut seen_sections = std::collections::HashSet::new();
    for block in &mut blocks {
        if let Some(section) = document.section_at(block.range.start)
            && seen_sections.insert(section.id.clone())
        {
            block.section_title = Some(section_name(lang, section));
        }
    }
    blocks
}

fn push_block(blocks: &mut Vec<Block>, document: &Document, range: Range<usize>, broken: bool) {
    let text = &document.text[range.clone()];
    let trimmed_start = range.start + (text.len() - text.trim_start().len());
    let trimmed_end = range.end - (text.len() - text.trim_end().len());
    if trimmed_start < trimmed_end {
        // A paragraph of megabytes is laid out in pieces.
        for piece in long_text::pieces(&document.text, trimmed_start..trimmed_end, long_text::MAX_PIECE_BYTES) {
            blocks.push(Block { range: piece, broken, section_title: None });
        }
    }
}

fn broken_line_ui(ui: &mut egui::Ui, text: &str, lang: Lang) -> crate::ui::widgets::paragraphs::ParagraphResponse {
    let mut response = crate::ui::widgets::paragraphs::ParagraphResponse::default();
    let row = crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
        let icon =
            ui.label(egui::RichText::new(crate::ui::widgets::icons::BROKEN_LINE).color(ui.visuals().warn_fg_color));
        crate::ui::widgets::paragraphs::hover_text_ui(icon, tr(lang, "broken order"));
        ui.scope(|ui| {
            ui.visuals_mut().override_text_color = Some(ui.visuals().weak_text_color());
            let paragraph = paragraph_ui(ui, text, &[]);
            response.selection = paragraph.selection;
            response.selection_continues = paragraph.selection_continues;
        });
    });
    response.rect = Some(row.response.rect);
    response
}

#[allow(clippy::too_many_arguments)]
fn block_highlights(
    model: &Model,
    document: usize,
    block: &Range<usize>,
    hits: &[Range<usize>],
    current_hit: usize,
    selected: Option<usize>,
    dark: bool,
) -> Vec<Highlight> {
    let mut highlights: Vec<Highlight> = model
        .index
        .mentions_in(document)
        .filter(|m| m.range.start >= block.start && m.range.end <= block.end)
        .map(|m| Highlight {
            range: m.range.start - block.start..m.range.end - block.start,
            color: highlight_fill(model.concept_rgb(m.concept, dark), Some(m.concept) == selected),
            concept: Some(m.concept),
            strong: Some(m.concept) == selected,
        })
        .collect();
    let current = if hits.is_empty() { None } else { Some(current_hit % hits.len()) };
    for (n, hit) in hits.iter().enumerate() {
        if hit.start < block.start || hit.end > block.end {
            continue;
        }
        let alpha = if Some(n) == current { 220 } else { 120 };
        highlights.push(Highlight {
            range: hit.start - block.start..hit.end - block.start,
            color: egui::Color32::from_rgba_unmultiplied(250, 220, 50, alpha),
            concept: None,
            strong: Some(n) == current,
        });
    }
    highlights.sort_by_key(|h| h.range.start);
    highlights.dedup_by(|b, a| b.range.start < a.range.end);
    highlights
}

/// The find hits in a document as stored bytes, cached per query. Where
/// lines are shown read back (`reading`), the text is searched as it is
/// shown, and each hit names the stored bytes its letters were read from
/// (from the first to the last), so a word the damage cut apart is found.
fn find_hits(
    state: &mut ReaderState,
    document: &Document,
    reading: Option<&crate::text::repair::ReadingText>,
    revision: u64,
) -> Vec<Range<usize>> {
    let query = fold_str(state.find.text().trim());
    if query.is_empty() {
        state.find_cache = None;
        return Vec::new();
    }
    let key = (document.id.clone(), query.clone(), revision, reading.is_some());
    if let Some((cached_key, hits)) = &state.find_cache
        && *cached_key == key
    {
        return hits.clone();
    }
    let searched = reading.map_or(document.text.as_str(), |r| r.text.as_str());
    let folded = fold(searched);
    let found =
        folded.text().match_indices(&query).map(|(at, found)| folded.original_range_in(searched, at..at + found.len()));
    let mut hits: Vec<Range<usize>> = match reading {
        Some(reading) => found.filter_map(|range| reading.original_span(range)).collect(),
        None => found.collect(),
    };
    hits.dedup();
    state.find_cache = Some((key, hits.clone()));
    hits
}

/// Where the reader should scroll: the current find hit, else the anchor.
fn scroll_target(
    document: &Document,
    anchor: Option<&DocumentAnchor>,
    hits: &[Range<usize>],
    state: &ReaderState,
) -> Option<Range<usize>> {
    if !hits.is_empty() {
        return hits.get(state.find_current % hits.len()).cloned();
    }
    match anchor? {
        DocumentAnchor::Offset(offset) => Some(*offset..*offset + 1),
        DocumentAnchor::Passage(passage) => Some(passage.clone()),
        DocumentAnchor::Section(section) => {
            let section = document.meta.sections.iter().find(|s| s.id == *section)?;
            Some(document.section_range(section))
        }
    }
}

/// What an anchor marks, highlighted like the current find hit when nothing
/// is being found: the word an `@BYTE` anchor points at (a search hit, a
/// mention), the whole of an `@START-END` passage (an edge's evidence).
fn anchored_word(document: &Document, anchor: Option<&DocumentAnchor>) -> Option<Range<usize>> {
    let start = match anchor? {
        DocumentAnchor::Offset(start) => start,
        DocumentAnchor::Passage(passage) => {
            let whole = document.text.get(passage.clone()).is_some() && !passage.is_empty();
            return whole.then(|| passage.clone());
        }
        DocumentAnchor::Section(_) => return None,
    };
    let rest = document.text.get(*start..)?;
    let in_word = |c: char| {
        c.is_alphanumeric() || matches!(c, '\u{200C}' | '\u{200D}' | '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
    };
    let len: usize = rest.chars().take_while(|&c| in_word(c)).map(char::len_utf8).sum();
    (len > 0).then(|| *start..*start + len)
}

/// The passage notes on `document`, loaded again when a note was saved.
fn passage_notes(
    state: &mut ReaderState,
    notes: &mut NotesEditor,
    document: &Document,
    revision: u64,
) -> Vec<PassageNoteView> {
    let key = (document.id.clone(), notes.generation, revision);
    if let Some((cached_key, views)) = &state.notes_cache
        && *cached_key == key
    {
        return views.clone();
    }
    let views = notes.passage_notes_in(&document.id, &document.text);
    state.notes_cache = Some((key, views.clone()));
    views
}

/// The passages of `notes` inside `block`, as byte ranges of the block's text
/// (a passage running past the block is cut at its end).
fn noted_ranges(notes: &[PassageNoteView], block: &Range<usize>) -> Vec<Range<usize>> {
    notes
        .iter()
        .filter_map(|note| note.range.clone())
        .filter(|range| range.start < block.end && block.start < range.end)
        .map(|range| range.start.max(block.start) - block.start..range.end.min(block.end) - block.start)
        .collect()
}

/// A passage note under its paragraph: closed, a row that opens it; open, the editor.
fn passage_note_ui(
    ui: &mut egui::Ui,
    model: &Model,
    note: &PassageNoteView,
    notes: &mut NotesEditor,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let concept =
        model.corpus.catalog.get(&note.target.concept).map_or(note.target.concept.as_str(), |c| c.labels.get(lang));
    let open = notes.target() == Some(&note.target);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        let preview: String = note.body.chars().take(160).collect();
        let row = format!(
            "{} {concept}: {}",
            crate::ui::widgets::icons::SECTION,
            if preview.is_empty() { "…" } else { &preview }
        );
        if !open {
            if crate::ui::widgets::paragraphs::selectable_row_ui(ui, false, &row, lang.is_rtl()).clicked() {
                commands.push(Command::PassageNote(PassageNoteAction::Open(note.target.clone())));
            }
            return;
        }
        label_ui(ui, &format!("{} {concept}", crate::ui::widgets::icons::SECTION));
        if note.moved {
            styled_label_ui(ui, tr(lang, "anchor moved"), egui::TextStyle::Body, ui.visuals().warn_fg_color);
        }
        if let Some(action) = notes.ui(ui, lang) {
            commands.push(Command::Note(action));
        }
        crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
            if ui.button(tr(lang, "close")).clicked() {
                commands.push(Command::PassageNote(PassageNoteAction::Close));
            }
            if ui.button(tr(lang, "delete note")).clicked() {
                commands.push(Command::PassageNote(PassageNoteAction::Delete));
            }
        });
    });
}

/// Under a paragraph with selected text: one button per concept the note can
/// go to — those mentioned in the selection, the selected concept, those of
/// the paragraph — each making the note at once.
fn selection_bar_ui(
    ui: &mut egui::Ui,
    model: &Model,
    document_index: usize,
    passage: &Range<usize>,
    selected: Option<usize>,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let document = &model.corpus.documents[document_index];
    let candidates = note_candidates(model, document_index, passage, selected);
    let mentioned: Vec<String> = candidates.iter().map(|&c| model.corpus.catalog.concepts[c].id.clone()).collect();
    crate::ui::widgets::mirror::wrapped_row(ui, lang.is_rtl(), |ui| {
        ui.label(format!("{}:", tr(lang, "note on selection")));
        if candidates.is_empty() {
            ui.label(tr(lang, "choose a concept"));
        }
        for concept in candidates {
            let entry = &model.corpus.catalog.concepts[concept];
            let label = format!("+ {}", entry.labels.get(lang));
            if chip_ui(ui, &label, false).clicked()
                && let Some(anchor) =
                    crate::notes::Anchor::new(&document.id, &document.text, passage.start, passage.end)
            {
                commands.push(Command::PassageNote(PassageNoteAction::Add { concept: entry.id.clone(), anchor }));
            }
        }
    });
    if let Some(phrase) = document.text.get(passage.clone()).map(str::trim).filter(|p| !p.is_empty()) {
        crate::ui::widgets::mirror::wrapped_row(ui, lang.is_rtl(), |ui| {
            if crate::ui::widgets::paragraphs::button_ui(ui, tr(lang, "add as a name of…"), true).clicked() {
                commands.push(Command::Catalog(CatalogAction::PickConceptFor(phrase.to_string())));
            }
            if crate::ui::widgets::paragraphs::button_ui(ui, tr(lang, "new concept from this…"), true).clicked() {
                commands.push(Command::Catalog(CatalogAction::NewConceptFrom(phrase.to_string())));
            }
            if crate::ui::widgets::paragraphs::button_ui(ui, tr(lang, "relate concepts…"), true).clicked() {
                let evidence = crate::catalog::EvidenceRef {
                    document: document.id.clone(),
                    start: passage.start,
                    end: passage.end,
                };
                let mentioned = mentioned.clone();
                commands.push(Command::Catalog(CatalogAction::RelateFrom { evidence, mentioned }));
            }
        });
    }
}

/// The concepts a passage note can be for, most likely first, at most eight.
fn note_candidates(
    model: &Model,
    document_index: usize,
    passage: &Range<usize>,
    selected: Option<usize>,
) -> Vec<usize> {
    let mut inside = Vec::new();
    let mut around = Vec::new();
    for mention in model.index.mentions_in(document_index) {
        let overlaps = mention.range.start < passage.end && passage.start < mention.range.end;
        if overlaps { inside.push(mention.concept) } else { around.push(mention.concept) }
    }
    let mut candidates: Vec<usize> = Vec::new();
    for concept in inside.into_iter().chain(selected).chain(around) {
        if !candidates.contains(&concept) {
            candidates.push(concept);
        }
    }
    candidates.truncate(8);
    candidates
}
