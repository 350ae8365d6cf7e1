//! The evidence panel: the passages behind the edge chosen on the map, each
//! opening its document.

use eframe::egui::{self};

use super::state::MapView;
use crate::ui::context::i18n::tr;
use crate::ui::context::{Command, ViewContext};

/// The passages behind the chosen edge, each opening its document.
pub(super) fn evidence_ui(ui: &mut egui::Ui, view: &ViewContext, map: &mut MapView, commands: &mut Vec<Command>) {
    let lang = view.lang;
    let model = view.model;
    let (Some(data), Some(edge)) = (&map.data, map.selected_edge) else { return };
    let Some(index_edge) = data.index_edge(model, edge) else { return };
    let name = |c: usize| model.corpus.catalog.concepts.get(c).map_or("", |c| c.labels.get_or_any(lang));
    ui.horizontal(|ui| {
        ui.heading(tr(lang, "evidence"));
        if ui.button(crate::ui::widgets::icons::CLOSE).on_hover_text(tr(lang, "close")).clicked() {
            map.selected_edge = None;
        }
    });
    crate::ui::widgets::paragraphs::heading_ui(ui, name(index_edge.source));
    let kind = format!("{}  ({} {:.1})", tr(lang, index_edge.kind.as_str()), tr(lang, "weight"), index_edge.weight);
    crate::ui::widgets::paragraphs::label_ui(ui, &kind);
    crate::ui::widgets::paragraphs::heading_ui(ui, name(index_edge.target));
    ui.separator();
    egui::ScrollArea::vertical().id_salt("map-evidence-passages").show(ui, |ui| {
        if index_edge.evidence.is_empty() {
            ui.label(tr(lang, "curated without evidence"));
        }
        for passage in &index_edge.evidence {
            crate::ui::views::concept_page::passage_ui(
                ui,
                model,
                passage,
                &[index_edge.source, index_edge.target],
                view.dark,
                commands,
            );
        }
    });
}
