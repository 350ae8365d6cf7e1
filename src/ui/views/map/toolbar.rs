//! The map's toolbar: the search box that flies to a concept, focus and
//! depth, the filters menu, zoom, fit, re-layout and the legend switch.

use eframe::egui::{self, Id, Key, Sense, vec2};

use super::state::{MapView, ZOOM_STEP, fly_to, zoom_centre};
use crate::address::Address;
use crate::catalog::ConceptKind;
use crate::export::map::{all_edge_codes, edge_kind_of_code};
use crate::index::EdgeKind;
use crate::ui::context::i18n::{isolate, tr};
use crate::ui::context::{Command, ViewContext};
use crate::ui::widgets::choice::{checkbox_ui, radio_ui, slider_ui};
use crate::ui::widgets::mirror;

/// The deepest focus the toolbar offers.
const MAX_DEPTH: usize = 6;

/// The toolbar: search, focus, filters, zoom, fit and re-layout.
pub(super) fn toolbar_ui(ui: &mut egui::Ui, view: &ViewContext, map: &mut MapView, commands: &mut Vec<Command>) {
    let lang = view.lang;
    let layout = if lang.is_rtl() {
        egui::Layout::right_to_left(egui::Align::Center).with_main_wrap(true)
    } else {
        egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true)
    };
    let row = vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(row, layout, |ui| {
        search_ui(ui, view, map);
        ui.separator();
        focus_controls_ui(ui, view, map, commands);
        ui.separator();
        filters_ui(ui, view, map);
        ui.separator();
        if ui.button("−").on_hover_text(tr(lang, "zoom out")).clicked() {
            zoom_centre(map, 1.0 / ZOOM_STEP);
        }
        if ui.button("+").on_hover_text(tr(lang, "zoom in")).clicked() {
            zoom_centre(map, ZOOM_STEP);
        }
        if ui.button(tr(lang, "fit")).clicked() {
            map.fit();
        }
        if ui.button(tr(lang, "relayout")).clicked() {
            map.relayout();
        }
        checkbox_ui(ui, lang, &mut map.show_legend, tr(lang, "legend"));
    });
}

/// A box that finds concepts by any of their names (folded); Enter flies to
/// the first hit, the list under the box to any of them.
fn search_ui(ui: &mut egui::Ui, view: &ViewContext, map: &mut MapView) {
    let lang = view.lang;
    let response =
        ui.add(egui::TextEdit::singleline(&mut map.search).hint_text(tr(lang, "find on map")).desired_width(160.0));
    let response = response.accessible_name(tr(lang, "find on map")).on_hover_text(tr(lang, "find on map"));
    if response.changed() {
        map.search_open = true;
    }
    let query = crate::text::normalize::fold_str(map.search.trim());
    if query.is_empty() {
        return;
    }
    let hits = crate::ui::context::name_cache::folded_names(ui.ctx(), view.model).find(&query);
    if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
        if let Some(&first) = hits.first() {
            fly_to(map, first);
        }
        map.search_open = false;
    }
    if !map.search_open || hits.is_empty() {
        return;
    }
    let area = egui::Area::new(Id::unique("map-search-hits"))
        .order(egui::Order::Foreground)
        .fixed_pos(response.rect.left_bottom() + vec2(0.0, 2.0));
    area.show(ui.ctx(), |ui| {
        egui::Frame::popup(ui.style()).show(ui, |ui| {
            for &hit in hits.iter().take(8) {
                let name = view.model.corpus.catalog.concepts[hit].labels.get_or_any(lang);
                if crate::ui::widgets::paragraphs::label_ui(ui, name).interact(Sense::click()).clicked() {
                    fly_to(map, hit);
                    map.search_open = false;
                }
            }
        });
    });
}

/// Focus on the selected node, the depth, and clearing the focus.
fn focus_controls_ui(ui: &mut egui::Ui, view: &ViewContext, map: &mut MapView, commands: &mut Vec<Command>) {
    let lang = view.lang;
    let focus = map.settings.focus.clone();
    let depth = map.settings.depth;
    if let Some(id) = &focus {
        let name = view
            .model
            .concept_index(id)
            .map_or(id.as_str(), |c| view.model.corpus.catalog.concepts[c].labels.get_or_any(lang));
        crate::ui::widgets::paragraphs::label_ui(ui, &format!("{}: {}", tr(lang, "focus"), isolate(name)));
        let depth_text = format!("{}: {}", tr(lang, "depth"), crate::ui::context::i18n::number(lang, depth));
        let less = ui.add_enabled(depth > 1, egui::Button::new("−")).on_hover_text(tr(lang, "less depth"));
        crate::ui::widgets::paragraphs::label_ui(ui, &depth_text);
        let more = ui.add_enabled(depth < MAX_DEPTH, egui::Button::new("+")).on_hover_text(tr(lang, "more depth"));
        let new_depth = if less.clicked() {
            depth - 1
        } else if more.clicked() {
            depth + 1
        } else {
            depth
        };
        if new_depth != depth {
            commands.push(Command::Navigate(Address::Map { focus: focus.clone(), depth: Some(new_depth) }));
        }
        if ui.button(tr(lang, "clear focus")).clicked() {
            commands.push(Command::Navigate(Address::Map { focus: None, depth: None }));
        }
        return;
    }
    let candidate = map.selected.or(view.selected).and_then(|n| view.model.corpus.catalog.concepts.get(n));
    let button = ui.add_enabled(candidate.is_some(), egui::Button::new(tr(lang, "focus")));
    if button.on_hover_text(tr(lang, "focus help")).clicked()
        && let Some(concept) = candidate
    {
        commands.push(Command::Navigate(Address::Map { focus: Some(concept.id.clone()), depth: Some(depth) }));
    }
}

/// Filters by kind, document, edge kind and minimum weight, in a menu.
fn filters_ui(ui: &mut egui::Ui, view: &ViewContext, map: &mut MapView) {
    let lang = view.lang;
    ui.menu_button(tr(lang, "filters"), |ui| {
        mirror::column(ui, lang.is_rtl(), |ui| filters_body_ui(ui, view, map));
    });
}

/// The filters menu's contents, against the interface's start side.
fn filters_body_ui(ui: &mut egui::Ui, view: &ViewContext, map: &mut MapView) {
    let lang = view.lang;
    let heading = |ui: &mut egui::Ui, key: &'static str| {
        let color = ui.visuals().strong_text_color();
        crate::ui::widgets::paragraphs::styled_label_ui(ui, tr(lang, key), egui::TextStyle::Body, color);
    };
    heading(ui, "kind");
    for kind in ConceptKind::ALL {
        let mut shown = map.settings.kinds.is_empty() || map.settings.kinds.contains(&kind);
        if checkbox_ui(ui, lang, &mut shown, tr(lang, kind.as_str())).changed() {
            toggle(&mut map.settings.kinds, &ConceptKind::ALL, kind, shown);
        }
    }
    ui.separator();
    heading(ui, "edge kinds");
    let all_kinds: Vec<EdgeKind> = all_edge_codes().map(edge_kind_of_code).collect();
    for &kind in &all_kinds {
        let mut shown = map.settings.edge_kinds.is_empty() || map.settings.edge_kinds.contains(&kind);
        if checkbox_ui(ui, lang, &mut shown, tr(lang, kind.as_str())).changed() {
            toggle(&mut map.settings.edge_kinds, &all_kinds, kind, shown);
        }
    }
    ui.separator();
    slider_ui(ui, lang, &mut map.settings.min_weight, 0.0..=10.0, (0.5, 1), tr(lang, "min weight"));
    if let Some(data) = &map.data {
        let default = crate::export::map::default_min_significance(&data.graph);
        let mut threshold = map.settings.min_significance.unwrap_or(default);
        let slider = slider_ui(ui, lang, &mut threshold, 0.0..=50.0, (0.1, 1), tr(lang, "min significance"));
        if slider.on_hover_text(tr(lang, "significance hint")).changed() {
            map.settings.min_significance = Some(threshold);
        }
    }
    ui.separator();
    heading(ui, "document");
    let chosen = map.settings.documents.first().cloned();
    if radio_ui(ui, lang, chosen.is_none(), tr(lang, "all documents")).clicked() {
        map.settings.documents.clear();
    }
    for document in &view.model.corpus.documents {
        let selected = chosen.as_deref() == Some(document.id.as_str());
        if radio_ui(ui, lang, selected, document.title(lang)).clicked() {
            map.settings.documents = vec![document.id.clone()];
        }
    }
}

/// Shows or hides `item` in a list where empty means "all of `all`".
fn toggle<T: Copy + PartialEq>(list: &mut Vec<T>, all: &[T], item: T, shown: bool) {
    if list.is_empty() {
        list.extend_from_slice(all);
    }
    list.retain(|&k| k != item);
    if shown {
        list.push(item);
    }
    if all.iter().all(|k| list.contains(k)) {
        list.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_kinds_keeps_empty_for_all() {
        let all = ConceptKind::ALL;
        let mut list = Vec::new();
        toggle(&mut list, &all, ConceptKind::Threat, false);
        assert_eq!(list.len(), 3);
        assert!(!list.contains(&ConceptKind::Threat));
        toggle(&mut list, &all, ConceptKind::Threat, true);
        assert!(list.is_empty());
    }
}
