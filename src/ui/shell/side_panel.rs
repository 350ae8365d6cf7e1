//! The side panels: the concept list on the interface's start side and the
//! selected concept at a glance (names, summary, counts) on the other, beside
//! the reader, the map and the other views.
//!
//! A panel's width is the user's: it opens at its default and changes only
//! when the user drags its edge. egui sizes a resizable panel by what its
//! content used last frame, so anything wider than the panel (a name with no
//! place to break, a row as wide as the space offered plus a margin) would
//! push the panel wider frame after frame, up to its maximum, and that width
//! is then remembered between runs. [`fenced_ui`] draws the content in a
//! child that reports only the panel's own width back, and clips the rest.

use eframe::egui;

use crate::address::Address;
use crate::ui::context::Command;
use crate::ui::context::i18n::{number, tr};
use crate::ui::context::model::Model;
use crate::ui::context::state::AppState;
use crate::ui::widgets::paragraphs::{heading_ui, label_ui, paragraph_ui, selectable_row_ui};

/// The concept list: what the panel is (not which side it is on) names it,
/// so switching the interface language keeps each panel's width.
pub const LIST_PANEL: &str = "concept-list-panel";
/// The selected concept beside the views.
pub const DETAIL_PANEL: &str = "selected-concept-panel";
/// The concept list's width when it first opens (outer, margins included) in
/// a window [`WIDE_WINDOW`] wide or wider.
pub const LIST_WIDTH: f32 = 270.0;
/// The detail panel's width when it first opens, in a wide window.
pub const DETAIL_WIDTH: f32 = 250.0;
/// From this window width on, the panels open at their full default widths;
/// in a narrower window they open narrower, so the view between them keeps
/// most of the room.
pub const WIDE_WINDOW: f32 = 1280.0;

/// Last frame's outer rects of the side panels (for tests and the shell).
#[derive(Debug, Clone, Copy, Default)]
pub struct PanelRects {
    pub list: Option<egui::Rect>,
    pub detail: Option<egui::Rect>,
}

/// The concept list's panel, on the interface's start side, in a window
/// `window_width` wide.
pub fn list_panel(rtl: bool, window_width: f32) -> egui::Panel {
    let panel = if rtl { egui::Panel::right(LIST_PANEL) } else { egui::Panel::left(LIST_PANEL) };
    // 220: a concept's name and count still fit on one row.
    sized(panel, window_width, LIST_WIDTH, 220.0, 180.0, 480.0)
}

/// The selected concept's panel, on the interface's end side.
pub fn detail_panel(rtl: bool, window_width: f32) -> egui::Panel {
    let panel = if rtl { egui::Panel::left(DETAIL_PANEL) } else { egui::Panel::right(DETAIL_PANEL) };
    sized(panel, window_width, DETAIL_WIDTH, 150.0, 150.0, 340.0)
}

/// A resizable panel opening at `default` in a wide window (proportionally
/// less in a narrower one, not under `narrowest_default`), at least `min`,
/// never wider than `max` nor than 30% of the window, so narrowing the window
/// narrows a wide panel too.
fn sized(
    panel: egui::Panel,
    window_width: f32,
    default: f32,
    narrowest_default: f32,
    min: f32,
    max: f32,
) -> egui::Panel {
    let window_width = if window_width.is_finite() && window_width > 0.0 { window_width } else { WIDE_WINDOW };
    let max = (0.3 * window_width).clamp(min, max);
    let default = (default * window_width / WIDE_WINDOW).clamp(narrowest_default.min(max), default.min(max));
    panel.resizable(true).default_size(default).size_range(min..=max)
}

/// Draws a panel's content top-down against the interface's start side; what
/// the content uses beyond the panel's width is clipped and never widens it.
pub fn fenced_ui<R>(ui: &mut egui::Ui, rtl: bool, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let rect = ui.available_rect_before_wrap();
    let mut content =
        ui.new_child(egui::UiBuilder::new().max_rect(rect).layout(crate::ui::widgets::mirror::column_layout(rtl)));
    content.shrink_clip_rect(rect);
    let inner = add(&mut content);
    let height = content.min_rect().height().min(rect.height()).max(0.0);
    ui.advance_cursor_after_rect(egui::Rect::from_min_size(rect.min, egui::vec2(rect.width(), height)));
    inner
}

pub fn side_panel_ui(ui: &mut egui::Ui, model: &Model, state: &AppState, commands: &mut Vec<Command>) {
    let lang = state.ui_lang;
    ui.label(egui::RichText::new(tr(lang, "selected")).small());
    let Some(concept) = state.selected.as_deref().and_then(|id| model.concept_index(id)) else {
        paragraph_ui(ui, tr(lang, "select a concept"), &[]);
        return;
    };
    let entry = &model.corpus.catalog.concepts[concept];
    heading_ui(ui, entry.labels.get_or_any(lang));
    label_ui(ui, tr(lang, entry.kind.as_str()));
    paragraph_ui(ui, entry.summary.get_or_any(lang), &[]);
    let count = model.index.mention_counts.get(concept).copied().unwrap_or(0);
    label_ui(ui, &format!("{}: {}", tr(lang, "mentions"), number(lang, count)));
    if selectable_row_ui(ui, false, &format!("{} ›", tr(lang, "open concept")), lang.is_rtl()).clicked() {
        commands.push(Command::Navigate(Address::Concept(entry.id.clone())));
    }
}
