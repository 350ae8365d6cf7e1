//! Side by side: two texts in two columns, each in its own direction, aligned
//! sentence by sentence (by shared concepts and position), the same concept in
//! the same colour on both sides; hovering a mention on one side lights its
//! counterparts on the other. With one document, its abstracts are compared
//! (the Persian and English abstracts of a paper); any two documents or
//! sections can be compared too.

use std::ops::Range;

use eframe::egui;

use crate::address::{Address, CompareSide};
use crate::corpus::{Document, SectionKind};
use crate::index::align::{Row, align};
use crate::text::Lang;
use crate::ui::context::i18n::{section_name, tr};
use crate::ui::context::model::Model;
use crate::ui::context::{Command, ViewContext};
use crate::ui::widgets::paragraph_selection::selection_group;
use crate::ui::widgets::paragraphs::{Highlight, heading_ui, highlight_fill, paragraph_ui};

/// Transient state: the concept hovered last frame, lit on both sides.
#[derive(Default)]
pub struct CompareState {
    hovered: Option<usize>,
}

/// One column: a document and a byte range of it, cut into sentences.
struct Column<'a> {
    document: usize,
    doc: &'a Document,
    title: String,
    sentences: Vec<Range<usize>>,
}

pub fn compare_ui(
    ui: &mut egui::Ui,
    view: &ViewContext,
    left: &CompareSide,
    right: Option<&CompareSide>,
    state: &mut CompareState,
    commands: &mut Vec<Command>,
) {
    let lang = view.lang;
    let Some((left_side, right_side)) = resolve_sides(view.model, left, right) else {
        crate::ui::widgets::paragraphs::heading_ui(
            ui,
            &format!(
                "{}: {}",
                tr(lang, "unknown address"),
                Address::Compare { left: left.clone(), right: right.cloned() }
            ),
        );
        return;
    };
    let (Some(a), Some(b)) = (column(view.model, &left_side, lang), column(view.model, &right_side, lang)) else {
        ui.heading(tr(lang, "unknown address"));
        return;
    };
    let concepts_a = sentence_concepts(view.model, &a);
    let concepts_b = sentence_concepts(view.model, &b);
    let rows = align(&concepts_a, &concepts_b);
    let mut hovered_now = None;
    // In a right-to-left interface the first column stands on the right.
    let (first, second) = if lang.is_rtl() { (&b, &a) } else { (&a, &b) };
    egui::ScrollArea::vertical().id_salt("compare").auto_shrink([false, false]).show(ui, |ui| {
        ui.columns(2, |cells| {
            for (cell, column) in cells.iter_mut().zip([first, second]) {
                heading_ui(cell, &column.title);
            }
        });
        ui.separator();
        for (index, row) in rows.iter().enumerate() {
            let top = ui.cursor().top();
            let stripe = ui.painter().add(egui::Shape::Noop);
            ui.columns(2, |cells| {
                for (cell, column) in cells.iter_mut().zip([first, second]) {
                    let sentences = if std::ptr::eq(column, &a) { &row.left } else { &row.right };
                    let Some(range) = row_range(column, sentences) else { continue };
                    let highlights = highlights(view, column.document, &range, state.hovered);
                    // Each column is one selection group: a drag runs down its rows.
                    let group = egui::Id::unique(("compare-selection", column.document, &column.title));
                    let text = &column.doc.text[range.clone()];
                    let response = selection_group(cell, group, |cell| paragraph_ui(cell, text, &highlights));
                    hovered_now = hovered_now.or(response.hovered_concept);
                    if let Some(concept) = response.clicked_concept {
                        commands.push(Command::Select(view.model.concept_id(concept).to_string()));
                    }
                }
            });
            let rect = egui::Rect::from_x_y_ranges(ui.max_rect().x_range(), top..=ui.cursor().top());
            if index % 2 == 1 {
                ui.painter().set(stripe, egui::Shape::rect_filled(rect, 2.0, ui.visuals().faint_bg_color));
            }
            ui.add_space(6.0);
        }
    });
    state.hovered = hovered_now;
}

/// The two sides to show: as given, or a document's two abstracts.
fn resolve_sides(model: &Model, left: &CompareSide, right: Option<&CompareSide>) -> Option<(CompareSide, CompareSide)> {
    if let Some(right) = right {
        return Some((left.clone(), right.clone()));
    }
    let document = model.corpus.document(&left.document)?;
    let mut abstracts = document.meta.sections.iter().filter(|s| s.kind == SectionKind::Abstract);
    let first = abstracts.next()?;
    let second = abstracts.find(|s| s.lang != first.lang)?;
    let side = |section: &crate::corpus::Section| CompareSide {
        document: document.id.clone(),
        section: Some(section.id.clone()),
    };
    Some((side(first), side(second)))
}

fn column<'a>(model: &'a Model, side: &CompareSide, lang: Lang) -> Option<Column<'a>> {
    let document = model.document_index(&side.document)?;
    let doc = &model.corpus.documents[document];
    let range = match &side.section {
        Some(id) => doc.section_range(doc.meta.sections.iter().find(|s| s.id == *id)?),
        None => 0..doc.text.len(),
    };
    let sentences: Vec<Range<usize>> = model.index.documents[document]
        .sentences
        .iter()
        .filter(|s| s.start >= range.start && s.end <= range.end)
        .cloned()
        .collect();
    let title = match doc.meta.sections.iter().find(|s| Some(&s.id) == side.section.as_ref()) {
        Some(section) => format!("{} — {}", doc.title(lang), section_name(lang, section)),
        None => doc.title(lang).to_string(),
    };
    Some(Column { document, doc, title, sentences })
}

fn sentence_concepts(model: &Model, column: &Column) -> Vec<Vec<usize>> {
    column
        .sentences
        .iter()
        .map(|sentence| {
            model
                .index
                .mentions_in(column.document)
                .filter(|m| m.range.start >= sentence.start && m.range.end <= sentence.end)
                .map(|m| m.concept)
                .collect()
        })
        .collect()
}

/// The byte range covering a run of sentences, if the run is not empty.
fn row_range(column: &Column, sentences: &Range<usize>) -> Option<Range<usize>> {
    if sentences.is_empty() {
        return None;
    }
    let first = column.sentences.get(sentences.start)?;
    let last = column.sentences.get(sentences.end - 1)?;
    Some(first.start..last.end)
}

fn highlights(view: &ViewContext, document: usize, range: &Range<usize>, hovered: Option<usize>) -> Vec<Highlight> {
    view.model
        .index
        .mentions_in(document)
        .filter(|m| m.range.start >= range.start && m.range.end <= range.end)
        .map(|m| {
            let strong = Some(m.concept) == hovered || Some(m.concept) == view.selected;
            Highlight {
                range: m.range.start - range.start..m.range.end - range.start,
                color: highlight_fill(view.model.concept_rgb(m.concept, view.dark), strong),
                concept: Some(m.concept),
                strong,
            }
        })
        .collect()
}

/// The rows of an alignment, for tests and exports.
pub fn aligned_rows(model: &Model, left: &CompareSide, right: Option<&CompareSide>) -> Option<Vec<(String, String)>> {
    let (left_side, right_side) = resolve_sides(model, left, right)?;
    let (a, b) = (column(model, &left_side, Lang::En)?, column(model, &right_side, Lang::En)?);
    let rows: Vec<Row> = align(&sentence_concepts(model, &a), &sentence_concepts(model, &b));
    let text = |column: &Column, sentences: &Range<usize>| {
        row_range(column, sentences).map(|r| column.doc.text[r].to_string()).unwrap_or_default()
    };
    Some(rows.iter().map(|row| (text(&a, &row.left), text(&b, &row.right))).collect())
}
