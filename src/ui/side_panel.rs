//! The side panel: the selected concept at a glance (names, summary, counts)
//! beside the reader, the map and the other views.

use eframe::egui;

use super::app::Command;
use super::i18n::{number, tr};
use super::model::Model;
use super::state::AppState;
use super::text::{heading_ui, label_ui, paragraph_ui, selectable_row_ui};
use crate::address::Address;

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
