//! The concept list: a filter box, then the concepts grouped by kind (forms of
//! diplomacy, threats, organisations, topics) with their mention counts, then
//! the documents. Names are shown in the interface language.

use eframe::egui;

use super::app::Command;
use super::bidi_edit::{BidiEditOptions, bidi_edit_string_ui};
use super::i18n::{number, tr};
use super::model::Model;
use super::state::AppState;
use super::text::selectable_row_ui;
use crate::address::Address;
use crate::catalog::ConceptKind;
use crate::text::normalize::fold_str;

pub fn concept_list_ui(ui: &mut egui::Ui, model: &Model, state: &mut AppState, commands: &mut Vec<Command>) {
    let lang = state.ui_lang;
    let label = tr(lang, "search concepts");
    let options = BidiEditOptions::single_line(label, label, f32::INFINITY, lang.is_rtl());
    let id = ui.make_persistent_id("concept filter");
    bidi_edit_string_ui(ui, id, &mut state.concept_filter, &options).response.on_hover_text(label);
    let filter = fold_str(state.concept_filter.trim());
    egui::ScrollArea::vertical().id_salt("concept-list").show(ui, |ui| {
        for kind in ConceptKind::ALL {
            let concepts: Vec<usize> = (0..model.corpus.catalog.concepts.len())
                .filter(|&i| model.corpus.catalog.concepts[i].kind == kind && matches_filter(model, i, &filter))
                .collect();
            if concepts.is_empty() {
                continue;
            }
            egui::CollapsingHeader::new(tr(lang, kind.as_str())).id_salt(kind.as_str()).default_open(true).show(
                ui,
                |ui| {
                    for concept in concepts {
                        concept_row_ui(ui, model, concept, state, commands);
                    }
                },
            );
        }
        egui::CollapsingHeader::new(tr(lang, "documents")).id_salt("documents").default_open(true).show(ui, |ui| {
            for document in &model.corpus.documents {
                let selected = matches!(state.history.current(), Address::Document { id, .. } if *id == document.id);
                if selectable_row_ui(ui, selected, document.title(lang), lang.is_rtl()).clicked() {
                    commands.push(Command::Navigate(Address::Document { id: document.id.clone(), anchor: None }));
                }
            }
        });
    });
}

fn concept_row_ui(ui: &mut egui::Ui, model: &Model, concept: usize, state: &AppState, commands: &mut Vec<Command>) {
    let entry = &model.corpus.catalog.concepts[concept];
    let lang = state.ui_lang;
    let name = entry.labels.get_or_any(lang);
    let count = model.index.mention_counts.get(concept).copied().unwrap_or(0);
    let selected = state.selected.as_deref() == Some(entry.id.as_str());
    let text = format!("{name} ({})", number(lang, count));
    if selectable_row_ui(ui, selected, &text, lang.is_rtl()).clicked() {
        commands.push(Command::Navigate(Address::Concept(entry.id.clone())));
    }
}

/// Whether a concept's id, a label or an alias contains the (folded) filter.
fn matches_filter(model: &Model, concept: usize, filter: &str) -> bool {
    if filter.is_empty() {
        return true;
    }
    let entry = &model.corpus.catalog.concepts[concept];
    entry.id.contains(filter) || entry.surface_forms().any(|(_, form)| fold_str(form).contains(filter))
}
