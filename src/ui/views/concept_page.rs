//! The concept page: names in Persian, Arabic and English (an alias removed
//! with a click, undo in the notice), kind and summary,
//! related concepts (each link a sentence read from this page — "counters
//! terrorism", "countered by INTERPOL" — with its weight and the passages
//! behind it; a curated relation removed from its open row), and every mention as a keyword-in-context row, grouped by document,
//! the keyword aligned in one column as in a concordance.

use eframe::egui;

use crate::address::{Address, DocumentAnchor};
use crate::catalog::edit::Edit;
use crate::i18n::{Gender, Party, Piece, Reading, relation_phrase};
use crate::index::{Edge, EdgeKind, IndexedMention, Passage};
use crate::text::Lang;
use crate::text::bidi_layout::ParagraphDirection;
use crate::text::bidi_layout::StyleId;
use crate::ui::context::command::CatalogAction;
use crate::ui::context::i18n::{isolate, number, tr};
use crate::ui::context::model::Model;
use crate::ui::context::{Command, ViewContext};
use crate::ui::widgets::bidi_text::{BidiTextStyle, SpanLook, paint_bidi_label};
use crate::ui::widgets::mirror;
use crate::ui::widgets::paragraphs::{
    Highlight, Runs, heading_ui, highlight_fill, label_ui, paragraph_ui, selectable_runs_row_ui, small_named_button_ui,
    styled_label_ui,
};

/// Characters of context on each side of a keyword.
const CONTEXT_CHARS: usize = 60;
/// Evidence passages listed per edge before "more".
const EVIDENCE_SHOWN: usize = 5;

pub fn concept_page_ui(
    ui: &mut egui::Ui,
    view: &ViewContext,
    id: &str,
    notes: &mut crate::ui::views::notes_editor::NotesEditor,
    commands: &mut Vec<Command>,
) {
    let ViewContext { model, lang, dark, .. } = *view;
    let Some(concept) = model.concept_index(id) else {
        crate::ui::widgets::paragraphs::heading_ui(
            ui,
            &format!("{}: {}", tr(lang, "unknown address"), isolate(format!("concept:{id}"))),
        );
        return;
    };
    let entry = &model.corpus.catalog.concepts[concept];
    // Each page keeps its own scroll position: a page opened anew starts at the top.
    egui::ScrollArea::vertical().id_salt(("concept-page", id)).auto_shrink([false, false]).show(ui, |ui| {
        heading_ui(ui, entry.labels.get_or_any(lang));
        mirror::wrapped_row(ui, lang.is_rtl(), |ui| {
            let count = model.index.mention_counts.get(concept).copied().unwrap_or(0);
            let kind = tr(lang, entry.kind.as_str());
            label_ui(ui, &format!("{kind} · {}: {}", tr(lang, "mentions"), number(lang, count)));
            if ui.button(tr(lang, "open in map")).clicked() {
                commands.push(Command::Navigate(Address::Map { focus: Some(entry.id.clone()), depth: Some(1) }));
            }
            if ui.button(tr(lang, "edit concept…")).clicked() {
                commands.push(Command::Catalog(CatalogAction::EditConcept(entry.id.clone())));
            }
        });
        ui.add_space(6.0);
        names_ui(ui, entry, lang, commands);
        ui.add_space(6.0);
        ui.label(egui::RichText::new(tr(lang, "summary")).strong());
        paragraph_ui(ui, entry.summary.get_or_any(lang), &[]);
        ui.separator();
        ui.heading(tr(lang, "notes"));
        if let Some(action) = notes.ui(ui, lang) {
            commands.push(Command::Note(action));
        }
        passage_notes_ui(ui, model, &entry.id, notes, lang, commands);
        ui.separator();
        related_ui(ui, view, concept, commands);
        ui.separator();
        mentions_ui(ui, model, concept, lang, dark, commands);
    });
}

/// The width of the column naming each name's language.
const LANGUAGE_COLUMN_WIDTH: f32 = 64.0;

/// The labels and, under each, the other names in that language, each with
/// a button that removes it (undo in the notice).
fn names_ui(ui: &mut egui::Ui, entry: &crate::catalog::Concept, lang: Lang, commands: &mut Vec<Command>) {
    ui.label(egui::RichText::new(tr(lang, "labels")).strong());
    for name_lang in [Lang::Fa, Lang::Ar, Lang::En] {
        mirror::row(ui, lang.is_rtl(), |ui| {
            ui.scope(|ui| {
                ui.set_min_width(LANGUAGE_COLUMN_WIDTH);
                let weak = ui.visuals().weak_text_color();
                let name = crate::ui::context::i18n::language_in(lang, name_lang);
                crate::ui::widgets::paragraphs::styled_label_ui(ui, name, egui::TextStyle::Small, weak);
            });
            mirror::column(ui, lang.is_rtl(), |ui| {
                label_ui(ui, entry.labels.get(name_lang));
                let aliases = entry.aliases.get(name_lang);
                if aliases.is_empty() {
                    return;
                }
                // The other names side by side, each with its remove button, wrapping.
                mirror::wrapped_row(ui, lang.is_rtl(), |ui| {
                    for alias in aliases {
                        styled_label_ui(ui, alias, egui::TextStyle::Body, ui.visuals().weak_text_color());
                        let remove = format!("{} «{alias}»", tr(lang, "remove name"));
                        if small_named_button_ui(ui, tr(lang, "remove"), &remove).clicked() {
                            let edit = Edit::RemoveAlias { id: entry.id.clone(), lang: name_lang, text: alias.clone() };
                            commands.push(Command::Catalog(CatalogAction::Apply(vec![edit])));
                        }
                        ui.add_space(8.0);
                    }
                });
            });
        });
    }
}

fn related_ui(ui: &mut egui::Ui, view: &ViewContext, concept: usize, commands: &mut Vec<Command>) {
    let ViewContext { model, lang, .. } = *view;
    ui.heading(tr(lang, "related"));
    let mut edges: Vec<&Edge> = model.index.edges_of(concept).collect();
    edges.sort_by(|a, b| {
        let curated = |e: &Edge| matches!(e.kind, EdgeKind::Relation(_));
        curated(b).cmp(&curated(a)).then(b.weight.total_cmp(&a.weight))
    });
    for (n, edge) in edges.iter().enumerate() {
        let other = if edge.source == concept { edge.target } else { edge.source };
        let other_entry = &model.corpus.catalog.concepts[other];
        let open_id = ui.make_persistent_id(("edge", concept, n));
        let open = ui.data(|data| data.get_temp::<bool>(open_id)).unwrap_or(false);
        let mut runs = Runs::new();
        runs.push(if open { "− " } else { "+ " }, StyleId::PLAIN);
        push_relation(&mut runs, model, edge, concept, lang);
        let comma = if lang.is_rtl() { "، " } else { ", " };
        let details = format!(
            "  ({}\u{a0}{}{comma}{})",
            tr(lang, "weight"),
            number(lang, format!("{:.1}", edge.weight)),
            crate::i18n::evidence_count(lang, edge.evidence.len()),
        );
        runs.push(&details, DETAILS);
        if selectable_runs_row_ui(ui, open, &runs, &relation_style(ui, open), lang.is_rtl()).clicked() {
            ui.data_mut(|data| data.insert_temp(open_id, !open));
        }
        if !open {
            continue;
        }
        ui.group(|ui| {
            let mut open_other = Runs::new();
            open_other.push_isolated(other_entry.labels.get_or_any(lang), NAME);
            open_other.push(" ", StyleId::PLAIN);
            open_other.push(crate::ui::widgets::icons::back_forward(lang.is_rtl()).1, StyleId::PLAIN);
            if selectable_runs_row_ui(ui, false, &open_other, &relation_style(ui, false), lang.is_rtl()).clicked() {
                commands.push(Command::Navigate(Address::Concept(other_entry.id.clone())));
            }
            if let EdgeKind::Relation(kind) = edge.kind {
                let (source, target) =
                    (&model.corpus.catalog.concepts[edge.source], &model.corpus.catalog.concepts[edge.target]);
                mirror::row(ui, lang.is_rtl(), |ui| {
                    if ui.button(tr(lang, "remove relation")).clicked() {
                        let edit = Edit::Unrelate { source: source.id.clone(), kind, target: target.id.clone() };
                        commands.push(Command::Catalog(CatalogAction::Apply(vec![edit])));
                    }
                });
            }
            for passage in edge.evidence.iter().take(EVIDENCE_SHOWN) {
                passage_ui(ui, view, passage, &[concept, other], commands);
            }
            if edge.evidence.len() > EVIDENCE_SHOWN {
                ui.label(format!("… +{}", number(lang, edge.evidence.len() - EVIDENCE_SHOWN)));
            }
        });
    }
}

/// The style of the name in a relation sentence.
pub const NAME: StyleId = StyleId(1);
/// The style of what follows a relation sentence (weight, evidence).
pub const DETAILS: StyleId = StyleId(2);

/// How relation sentences look: words plain, the other concept's name
/// strong, the details after them weak.
pub fn relation_style(ui: &egui::Ui, selected: bool) -> BidiTextStyle {
    let visuals = ui.visuals();
    let color = if selected { visuals.strong_text_color() } else { visuals.text_color() };
    BidiTextStyle::new(egui::TextStyle::Body.resolve(ui.style()), color)
        .with_look(
            NAME,
            SpanLook { color: visuals.strong_text_color(), ..SpanLook::highlight(color, egui::Color32::TRANSPARENT) },
        )
        .with_look(DETAILS, SpanLook::highlight(visuals.weak_text_color(), egui::Color32::TRANSPARENT))
}

/// Appends `edge` read as a sentence from the page of `page` (one of its
/// ends) in `lang`: "counters terrorism" from the source's page, "countered
/// by INTERPOL" from the target's, the other concept's name as an isolated
/// run. The concept page and the map's evidence panel both say it this way.
pub fn push_relation(runs: &mut Runs, model: &Model, edge: &Edge, page: usize, lang: Lang) {
    let concepts = &model.corpus.catalog.concepts;
    let (reading, other) =
        if edge.source == page { (Reading::Active, edge.target) } else { (Reading::Inverse, edge.source) };
    let (Some(page), Some(other)) = (concepts.get(page), concepts.get(other)) else { return };
    let other = Party { name: other.labels.get_or_any(lang), gender: Gender::of_arabic(other.labels.get(Lang::Ar)) };
    let page = Gender::of_arabic(page.labels.get(Lang::Ar));
    for piece in relation_phrase(lang, edge.kind, reading, page, other) {
        match piece {
            Piece::Words(words) => runs.push(words, StyleId::PLAIN),
            Piece::Name(name) => runs.push_isolated(name, NAME),
        }
    }
}

/// One evidence passage with the mentions of `concepts` highlighted, and a
/// link, named by the document's title and the line, that opens the reader
/// with the whole passage marked.
pub fn passage_ui(
    ui: &mut egui::Ui,
    view: &ViewContext,
    passage: &Passage,
    concepts: &[usize],
    commands: &mut Vec<Command>,
) {
    let ViewContext { model, lang, dark, .. } = *view;
    let Some(document) = model.corpus.documents.get(passage.document) else { return };
    let Some(text) = document.text.get(passage.range.clone()) else { return };
    let highlights: Vec<Highlight> = model
        .index
        .mentions_in(passage.document)
        .filter(|m| {
            concepts.contains(&m.concept) && m.range.start >= passage.range.start && m.range.end <= passage.range.end
        })
        .map(|m| Highlight {
            range: m.range.start - passage.range.start..m.range.end - passage.range.start,
            color: highlight_fill(model.concept_rgb(m.concept, dark), false),
            concept: Some(m.concept),
            strong: false,
        })
        .collect();
    ui.group(|ui| {
        let response = paragraph_ui(ui, text, &highlights);
        if let Some(clicked) = response.clicked_concept {
            commands.push(Command::Navigate(Address::Concept(model.concept_id(clicked).to_string())));
        }
        let line = number(lang, document.line_of(passage.range.start));
        let link = format!("{} · {} {line}", isolate(document.title(lang)), tr(lang, "line"));
        if crate::ui::widgets::paragraphs::button_ui(ui, &link, true).clicked() {
            commands.push(Command::Navigate(Address::Document {
                id: document.id.clone(),
                anchor: Some(DocumentAnchor::Passage(passage.range.clone())),
            }));
        }
    });
}

fn mentions_ui(ui: &mut egui::Ui, model: &Model, concept: usize, lang: Lang, dark: bool, commands: &mut Vec<Command>) {
    ui.heading(tr(lang, "mentions"));
    let mentions: Vec<&IndexedMention> = model.index.mentions_of(concept).collect();
    if mentions.is_empty() {
        label_ui(ui, tr(lang, "no mentions"));
        return;
    }
    let fill = highlight_fill(model.concept_rgb(concept, dark), true);
    for (document, group) in mentions.chunk_by(|a, b| a.document == b.document).map(|g| (g[0].document, g)) {
        let doc = &model.corpus.documents[document];
        ui.add_space(4.0);
        let heading =
            format!("{} {} ({})", crate::ui::widgets::icons::SECTION, doc.title(lang), number(lang, group.len()));
        styled_label_ui(ui, &heading, egui::TextStyle::Body, ui.visuals().strong_text_color());
        for mention in group {
            if kwic_row_ui(ui, &doc.text, mention, fill).clicked() {
                commands.push(Command::Navigate(Address::Document {
                    id: doc.id.clone(),
                    anchor: Some(DocumentAnchor::Offset(mention.range.start)),
                }));
            }
        }
    }
}

/// A keyword-in-context row: context before and after, cut at word
/// boundaries, the keyword in the middle column. In a right-to-left line the
/// text before the keyword stands on its right.
fn kwic_row_ui(ui: &mut egui::Ui, text: &str, mention: &IndexedMention, fill: egui::Color32) -> egui::Response {
    let (before, keyword, after) = kwic_parts(text, mention.range.clone());
    let rtl = crate::text::lang::detect(keyword).is_some_and(Lang::is_rtl)
        || (!keyword.chars().any(char::is_alphabetic) && crate::text::lang::detect(before).is_some_and(Lang::is_rtl));
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, row_height), egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, format!("{before}{keyword}{after}")));
    let keyword_width = (width * 0.22).clamp(80.0, 220.0);
    let side_width = (width - keyword_width) / 2.0;
    let left = egui::Rect::from_min_size(rect.min, egui::vec2(side_width, row_height));
    let middle = egui::Rect::from_min_size(left.right_top(), egui::vec2(keyword_width, row_height));
    let right = egui::Rect::from_min_size(middle.right_top(), egui::vec2(side_width, row_height));
    let (left_text, right_text) = if rtl { (after, before) } else { (before, after) };
    if response.hovered() {
        ui.painter().rect_filled(rect, 2.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    ui.painter().rect_filled(middle.shrink(1.0), 3.0, fill);
    cell_ui(ui, left, left_text, egui::Align::Max);
    cell_ui(ui, middle, keyword, egui::Align::Center);
    cell_ui(ui, right, right_text, egui::Align::Min);
    response
}

/// Paints one line of text in a cell, against one side (or centred), clipped
/// at the cell's edges so the words nearest the keyword stay visible.
fn cell_ui(ui: &mut egui::Ui, rect: egui::Rect, text: &str, align: egui::Align) {
    let (pos, anchor) = match align {
        egui::Align::Max => (rect.right_center(), egui::Align2::RIGHT_CENTER),
        egui::Align::Center => (rect.center(), egui::Align2::CENTER_CENTER),
        egui::Align::Min => (rect.left_center(), egui::Align2::LEFT_CENTER),
    };
    let painter = ui.painter_at(rect.intersect(ui.clip_rect()));
    let style = BidiTextStyle::new(egui::TextStyle::Body.resolve(ui.style()), ui.visuals().text_color());
    paint_bidi_label(&painter, pos, anchor, text, ParagraphDirection::Auto, &style);
}

/// The context before, the keyword, and the context after, each trimmed to
/// whole words within [`CONTEXT_CHARS`] and to the keyword's line.
pub fn kwic_parts(text: &str, range: std::ops::Range<usize>) -> (&str, &str, &str) {
    let keyword = &text[range.clone()];
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[range.end..].find('\n').map_or(text.len(), |i| range.end + i);
    let before_full = &text[line_start..range.start];
    let after_full = &text[range.end..line_end];
    let before = take_last_chars(before_full, CONTEXT_CHARS);
    let after = take_first_chars(after_full, CONTEXT_CHARS);
    (before.trim_start(), keyword, after.trim_end())
}

fn take_last_chars(text: &str, n: usize) -> &str {
    let Some((cut, _)) = text.char_indices().rev().nth(n) else { return text };
    let start = text[cut..].find(' ').map_or(cut, |i| cut + i + 1);
    &text[start..]
}

fn take_first_chars(text: &str, n: usize) -> &str {
    let Some((cut, _)) = text.char_indices().nth(n) else { return text };
    let end = text[..cut].rfind(' ').unwrap_or(cut);
    &text[..end]
}

/// The concept's notes on passages: each a row that opens the passage in the
/// reader with its note; a note whose quote is gone says so.
fn passage_notes_ui(
    ui: &mut egui::Ui,
    model: &Model,
    concept: &str,
    notes: &mut crate::ui::views::notes_editor::NotesEditor,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let text_of = |document: &str| model.corpus.document(document).map(|document| document.text.as_str());
    let views = match notes.passage_notes_of(concept, text_of) {
        Ok(views) => views,
        Err(err) => {
            crate::ui::widgets::paragraphs::styled_label_ui(
                ui,
                &err.to_string(),
                egui::TextStyle::Body,
                ui.visuals().error_fg_color,
            );
            return;
        }
    };
    if views.is_empty() {
        return;
    }
    ui.label(egui::RichText::new(tr(lang, "passage notes")).strong());
    for view in views {
        let title = model.corpus.document(&view.document).map_or(view.document.as_str(), |d| d.title(lang));
        let quote: String = view.quote.chars().take(80).collect();
        let body: String = view.body.chars().take(120).collect();
        let row = format!("{} {title}: «{quote}» {body}", crate::ui::widgets::icons::SECTION);
        let Some(range) = view.range.clone() else {
            label_ui(ui, &row);
            crate::ui::widgets::paragraphs::styled_label_ui(
                ui,
                tr(lang, "anchor stale"),
                egui::TextStyle::Body,
                ui.visuals().warn_fg_color,
            );
            continue;
        };
        if crate::ui::widgets::paragraphs::selectable_row_ui(ui, false, &row, lang.is_rtl()).clicked() {
            let anchor = Some(crate::address::DocumentAnchor::Offset(range.start));
            commands.push(Command::Navigate(Address::Document { id: view.document.clone(), anchor }));
            commands
                .push(Command::PassageNote(crate::ui::context::command::PassageNoteAction::Open(view.target.clone())));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kwic_parts_cut_at_words_and_lines() {
        let text = "first line\nعلیه تروریسم و جرایم سازمان یافته در منطقه\nlast";
        let start = text.find("تروریسم").unwrap();
        let (before, keyword, after) = kwic_parts(text, start..start + "تروریسم".len());
        assert_eq!(before, "علیه ");
        assert_eq!(keyword, "تروریسم");
        assert_eq!(after, " و جرایم سازمان یافته در منطقه");
        let long = "word ".repeat(40);
        let (before, _, _) = kwic_parts(&long, 150..154);
        assert!(before.chars().count() <= CONTEXT_CHARS && before.starts_with("word"));
    }
}
