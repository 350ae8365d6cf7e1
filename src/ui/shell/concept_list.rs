//! The concept list: a filter box, then the concepts grouped by kind (forms of
//! diplomacy, threats, organisations, topics) with their mention counts, then
//! the documents. Names are shown in the interface language.

use eframe::egui;

use crate::address::Address;
use crate::catalog::ConceptKind;
use crate::text::bidi_layout::ParagraphDirection;
use crate::text::normalize::fold_str;
use crate::ui::context::Command;
use crate::ui::context::i18n::{number, tr};
use crate::ui::context::model::Model;
use crate::ui::context::name_cache::folded_names;
use crate::ui::context::state::AppState;
use crate::ui::widgets::bidi_edit::{BidiEditOptions, bidi_edit_string_ui};
use crate::ui::widgets::bidi_text::{BidiTextStyle, paint_bidi_label};
use crate::ui::widgets::paragraphs::selectable_row_ui;

pub fn concept_list_ui(ui: &mut egui::Ui, model: &Model, state: &mut AppState, commands: &mut Vec<Command>) {
    let lang = state.ui_lang;
    let label = tr(lang, "search concepts");
    let options = BidiEditOptions::single_line(label, label, f32::INFINITY, lang.is_rtl());
    let id = ui.make_persistent_id("concept filter");
    bidi_edit_string_ui(ui, id, &mut state.concept_filter, &options).response.on_hover_text(label);
    let filter = fold_str(state.concept_filter.trim());
    let shown: Vec<bool> = if filter.is_empty() {
        vec![true; model.corpus.catalog.concepts.len()]
    } else {
        folded_names(ui.ctx(), model).matches(&filter).iter().map(Option::is_some).collect()
    };
    let only_visible_rows = model.corpus.catalog.concepts.len() > EVERY_ROW_UP_TO;
    egui::ScrollArea::vertical().id_salt("concept-list").show(ui, |ui| {
        for kind in ConceptKind::ALL {
            let concepts: Vec<usize> = (0..model.corpus.catalog.concepts.len())
                .filter(|&i| model.corpus.catalog.concepts[i].kind == kind && shown[i])
                .collect();
            if concepts.is_empty() {
                continue;
            }
            group_ui(ui, lang.is_rtl(), kind.as_str(), tr(lang, kind.as_str()), |ui| {
                let mut row_height = None;
                for concept in concepts {
                    // Far from the visible part of a long list, a row is room, not a widget.
                    if only_visible_rows && let Some(height) = row_height {
                        let room = egui::Rect::from_min_size(ui.cursor().min, egui::vec2(ui.available_width(), height));
                        if !ui.is_rect_visible(room.expand(height)) {
                            ui.allocate_space(room.size());
                            continue;
                        }
                    }
                    let drawn = concept_row_ui(ui, model, concept, state, commands);
                    row_height = row_height.or(Some(drawn.height() + ui.spacing().item_spacing.y));
                }
            });
        }
        group_ui(ui, lang.is_rtl(), "documents", tr(lang, "documents"), |ui| {
            for document in &model.corpus.documents {
                let selected = matches!(state.history.current(), Address::Document { id, .. } if *id == document.id);
                if selectable_row_ui(ui, selected, document.title(lang), lang.is_rtl()).clicked() {
                    commands.push(Command::Navigate(Address::Document { id: document.id.clone(), anchor: None }));
                }
            }
        });
    });
}

/// A group of the list that folds (open at first): a header with its
/// triangle and title on the interface's start side — egui's collapsing
/// header is always laid out left to right — and its rows under it, indented
/// from the start side along a guide line.
fn group_ui(ui: &mut egui::Ui, rtl: bool, id_salt: &str, title: &str, add: impl FnOnce(&mut egui::Ui)) {
    let id = ui.make_persistent_id(("list group", id_salt));
    let open = ui.data_mut(|data| *data.get_persisted_mut_or(id, true));
    let style = BidiTextStyle::new(egui::TextStyle::Body.resolve(ui.style()), ui.visuals().strong_text_color());
    let height = style.row_height(ui.ctx()) + 6.0;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(ui.available_width(), height), egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, title));
    ui.ctx().accesskit_node_builder(response.id, |node| node.set_expanded(open));
    if response.clicked() {
        ui.data_mut(|data| data.insert_persisted(id, !open));
    }
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        if response.hovered() || response.has_focus() {
            painter.rect_filled(rect, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
        }
        let start = |offset: f32| if rtl { rect.right() - offset } else { rect.left() + offset };
        let centre = egui::pos2(start(9.0), rect.center().y);
        painter.add(egui::Shape::convex_polygon(triangle(centre, open, rtl), style.color, egui::Stroke::NONE));
        let (anchor, direction) = if rtl {
            (egui::Align2::RIGHT_CENTER, ParagraphDirection::Rtl)
        } else {
            (egui::Align2::LEFT_CENTER, ParagraphDirection::Ltr)
        };
        paint_bidi_label(painter, egui::pos2(start(20.0), rect.center().y), anchor, title, direction, &style);
    }
    if !open {
        return;
    }
    let indent = egui::Margin { left: if rtl { 0 } else { 18 }, right: if rtl { 18 } else { 0 }, top: 0, bottom: 0 };
    let rows = egui::Frame::NONE.inner_margin(indent).show(ui, add).response.rect;
    let x = if rtl { rows.right() - 9.0 } else { rows.left() + 9.0 };
    let guide = egui::Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color);
    ui.painter().line_segment([egui::pos2(x, rows.top()), egui::pos2(x, rows.bottom())], guide);
}

/// The fold triangle at `centre`: pointing down when open, else towards the
/// end side of the line.
fn triangle(centre: egui::Pos2, open: bool, rtl: bool) -> Vec<egui::Pos2> {
    let r = 4.5;
    let (x, y) = (centre.x, centre.y);
    if open {
        return vec![egui::pos2(x - r, y - r * 0.6), egui::pos2(x + r, y - r * 0.6), egui::pos2(x, y + r * 0.7)];
    }
    let towards = if rtl { -1.0 } else { 1.0 };
    vec![
        egui::pos2(x - towards * r * 0.6, y - r),
        egui::pos2(x + towards * r * 0.7, y),
        egui::pos2(x - towards * r * 0.6, y + r),
    ]
}

/// Catalogs of up to this many concepts list every row as a widget (all
/// reachable by a screen reader's list); longer ones draw only the rows in
/// view, so the list costs the same at ten thousand concepts.
const EVERY_ROW_UP_TO: usize = 1000;

/// One concept's row; returns its box.
fn concept_row_ui(
    ui: &mut egui::Ui,
    model: &Model,
    concept: usize,
    state: &AppState,
    commands: &mut Vec<Command>,
) -> egui::Rect {
    let entry = &model.corpus.catalog.concepts[concept];
    let lang = state.ui_lang;
    let name = entry.labels.get_or_any(lang);
    let count = model.index.mention_counts.get(concept).copied().unwrap_or(0);
    let selected = state.selected.as_deref() == Some(entry.id.as_str());
    let text = format!("{name} ({})", number(lang, count));
    let row = selectable_row_ui(ui, selected, &text, lang.is_rtl());
    let hint = tr(lang, "mentions in the corpus").replacen("{}", &number(lang, count), 1);
    let row = crate::ui::widgets::paragraphs::hover_text_ui(row, &hint);
    if row.clicked() {
        commands.push(Command::Navigate(Address::Concept(entry.id.clone())));
    }
    row.rect
}
