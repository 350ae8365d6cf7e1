//! The evidence panel: the passages behind the edge chosen on the map, each
//! opening its document.

use eframe::egui::{self};

use super::state::MapView;
use crate::ui::context::i18n::{number, tr};
use crate::ui::context::{Command, ViewContext};
use crate::ui::views::concept_page;
use crate::ui::widgets::paragraphs::{Runs, runs_label_ui};

/// The passages behind the chosen edge, each opening its document.
pub(super) fn evidence_ui(ui: &mut egui::Ui, view: &ViewContext, map: &mut MapView, commands: &mut Vec<Command>) {
    let lang = view.lang;
    let model = view.model;
    let (Some(data), Some(edge)) = (&map.data, map.selected_edge) else { return };
    let Some(index_edge) = data.index_edge(&model.index, edge) else { return };
    let name = |c: usize| model.corpus.catalog.concepts.get(c).map_or("", |c| c.labels.get_or_any(lang));
    ui.horizontal(|ui| {
        ui.heading(tr(lang, "evidence"));
        if ui.button(crate::ui::widgets::icons::CLOSE).on_hover_text(tr(lang, "close")).clicked() {
            map.selected_edge = None;
        }
    });
    // The edge read from its source, as on the source's concept page: the
    // source's name, then "counters terrorism" under it.
    crate::ui::widgets::paragraphs::heading_ui(ui, name(index_edge.source));
    let mut sentence = Runs::new();
    concept_page::push_relation(&mut sentence, model, index_edge, index_edge.source, lang);
    let weight = format!("  ({} {})", tr(lang, "weight"), number(lang, format!("{:.1}", index_edge.weight)));
    sentence.push(&weight, concept_page::DETAILS);
    runs_label_ui(ui, &sentence, &concept_page::relation_style(ui, false), lang.is_rtl());
    ui.separator();
    egui::ScrollArea::vertical().id_salt("map-evidence-passages").show(ui, |ui| {
        if index_edge.evidence.is_empty() {
            ui.label(tr(lang, "curated without evidence"));
        }
        for passage in &index_edge.evidence {
            crate::ui::views::concept_page::passage_ui(
                ui,
                view,
                passage,
                &[index_edge.source, index_edge.target],
                commands,
            );
        }
    });
}
