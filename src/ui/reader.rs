//! The document reader: a document's sections with every mention highlighted
//! in its concept's colour and clickable, lines in broken visual order marked,
//! a table of contents, and find-in-document (folded: `ي` finds `ی`).

use std::ops::Range;

use eframe::egui;

use super::app::{Command, ViewContext};
use super::i18n::tr;
use super::model::{Model, concept_rgb};
use super::long_text;
use super::text::{Highlight, heading_ui, highlight_fill, label_ui, paragraph_ui};
use crate::address::{Address, CompareSide, DocumentAnchor};
use crate::corpus::Document;
use crate::index::DocumentIndex;
use crate::text::Lang;
use crate::text::normalize::{fold, fold_str};

/// The reader's transient state.
#[derive(Default)]
pub struct ReaderState {
    pub find: String,
    /// Which find hit is current.
    pub find_current: usize,
    /// The anchor already scrolled to, so it is scrolled to once.
    scrolled_to: Option<(String, Option<DocumentAnchor>)>,
    /// Cached find hits: (document, query, revision) → original ranges.
    find_cache: Option<((String, String, u64), Vec<Range<usize>>)>,
}

pub fn reader_ui(
    ui: &mut egui::Ui,
    view: &ViewContext,
    id: &str,
    anchor: Option<&DocumentAnchor>,
    state: &mut ReaderState,
    commands: &mut Vec<Command>,
) {
    let ViewContext { model, lang, dark, selected } = *view;
    let Some(document_index) = model.document_index(id) else {
        ui.heading(format!("{}: document:{id}", tr(lang, "unknown address")));
        return;
    };
    let document = &model.corpus.documents[document_index];
    let doc_index = &model.index.documents[document_index];
    heading_ui(ui, document.title(lang));
    toolbar_ui(ui, model, document, state, lang, commands);
    let hits = find_hits(state, document, model.revision);
    let hits = if hits.is_empty() { anchored_word(document, anchor).into_iter().collect() } else { hits };
    let target = scroll_target(document, anchor, &hits, state);
    let key = (id.to_string(), anchor.cloned());
    let must_scroll = target.is_some() && state.scrolled_to.as_ref() != Some(&key);
    let window = long_text::window(
        document.text.len(),
        target.as_ref().map(|t| t.start),
        long_text::MAX_WINDOW_BYTES,
    );
    if window.len() < document.text.len() {
        label_ui(ui, &format!("{} ({} – {} / {} KB)", tr(lang, "long document"), window.start / 1024, window.end / 1024, document.text.len() / 1024));
    }
    egui::ScrollArea::vertical().id_salt(("reader", id)).auto_shrink([false, false]).show(ui, |ui| {
        for block in blocks(document, doc_index) {
            if block.range.end <= window.start || block.range.start >= window.end {
                continue;
            }
            if let Some(title) = block.section_title {
                ui.add_space(8.0);
                ui.label(egui::RichText::new(title).strong().underline());
            }
            let highlights =
                block_highlights(model, document_index, &block.range, &hits, state.find_current, selected, dark);
            let response = if block.broken {
                broken_line_ui(ui, &document.text[block.range.clone()], lang)
            } else {
                paragraph_ui(ui, &document.text[block.range.clone()], &highlights)
            };
            if let Some(concept) = response.clicked_concept {
                commands.push(Command::Select(model.concept_id(concept).to_string()));
            }
            if must_scroll
                && let (Some(target), Some(rect)) = (&target, response.rect)
                && block.range.start <= target.start
                && target.start < block.range.end.max(block.range.start + 1)
            {
                ui.scroll_to_rect(rect, Some(egui::Align::Center));
                state.scrolled_to = Some(key.clone());
            }
        }
    });
}

fn toolbar_ui(
    ui: &mut egui::Ui,
    model: &Model,
    document: &Document,
    state: &mut ReaderState,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{}:", tr(lang, "contents")));
        for section in &document.meta.sections {
            if ui.small_button(&section.id).clicked() {
                commands.push(Command::Navigate(Address::Document {
                    id: document.id.clone(),
                    anchor: Some(DocumentAnchor::Section(section.id.clone())),
                }));
            }
        }
        ui.separator();
        let response = ui.add(
            egui::TextEdit::singleline(&mut state.find).hint_text(tr(lang, "find in document")).desired_width(180.0),
        );
        let response = response.on_hover_text(tr(lang, "find in document"));
        if response.changed() {
            state.find_current = 0;
            state.scrolled_to = None;
        }
        if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            state.find_current += 1;
            state.scrolled_to = None;
            response.request_focus();
        }
        if let Some((_, hits)) = &state.find_cache
            && !state.find.trim().is_empty()
        {
            let shown = if hits.is_empty() { 0 } else { state.find_current % hits.len() + 1 };
            ui.label(format!("{shown}/{}", hits.len()));
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
fn blocks(document: &Document, doc_index: &DocumentIndex) -> Vec<Block> {
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
            block.section_title = Some(section.id.clone());
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

fn broken_line_ui(ui: &mut egui::Ui, text: &str, lang: Lang) -> super::text::ParagraphResponse {
    let mut response = super::text::ParagraphResponse::default();
    let row = ui.horizontal(|ui| {
        ui.label(egui::RichText::new("⚠").color(ui.visuals().warn_fg_color)).on_hover_text(tr(lang, "broken order"));
        ui.scope(|ui| {
            ui.visuals_mut().override_text_color = Some(ui.visuals().weak_text_color());
            paragraph_ui(ui, text, &[]);
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
            color: highlight_fill(concept_rgb(m.concept, dark), Some(m.concept) == selected),
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

/// The find hits in a document, in the original text, cached per query.
fn find_hits(state: &mut ReaderState, document: &Document, revision: u64) -> Vec<Range<usize>> {
    let query = fold_str(state.find.trim());
    if query.is_empty() {
        state.find_cache = None;
        return Vec::new();
    }
    let key = (document.id.clone(), query.clone(), revision);
    if let Some((cached_key, hits)) = &state.find_cache
        && *cached_key == key
    {
        return hits.clone();
    }
    let folded = fold(&document.text);
    let hits: Vec<Range<usize>> = folded
        .text()
        .match_indices(&query)
        .map(|(at, found)| folded.original_range_in(&document.text, at..at + found.len()))
        .collect();
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
        DocumentAnchor::Section(section) => {
            let section = document.meta.sections.iter().find(|s| s.id == *section)?;
            Some(document.section_range(section))
        }
    }
}

/// The word an `@BYTE` anchor points at (a search hit), highlighted like the
/// current find hit when nothing is being found.
fn anchored_word(document: &Document, anchor: Option<&DocumentAnchor>) -> Option<Range<usize>> {
    let Some(DocumentAnchor::Offset(start)) = anchor else { return None };
    let rest = document.text.get(*start..)?;
    let in_word = |c: char| {
        c.is_alphanumeric() || matches!(c, '\u{200C}' | '\u{200D}' | '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}')
    };
    let len: usize = rest.chars().take_while(|&c| in_word(c)).map(char::len_utf8).sum();
    (len > 0).then(|| *start..*start + len)
}
