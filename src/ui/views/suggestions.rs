//! The suggested concepts (`suggestions`): the terms the corpus keeps using
//! that no concept names, best first ([`crate::suggest`]), each with its
//! language, count and documents; a row opens onto its passages. One click
//! makes a term a new concept or a name of an existing one (the forms the
//! reader opens for a selection), another dismisses it for good (written to
//! the corpus's `suggestions.ron`).

use std::sync::Arc;

use eframe::egui;

use crate::index::Passage;
use crate::suggest::Suggestion;
use crate::text::bidi_layout::StyleId;
use crate::ui::context::command::CatalogAction;
use crate::ui::context::i18n::{language_in, number, tr};
use crate::ui::context::{Command, ViewContext};
use crate::ui::views::concept_page::{DETAILS, NAME, passage_ui, relation_style};
use crate::ui::widgets::mirror;
use crate::ui::widgets::paragraphs::{Runs, heading_ui, label_ui, selectable_runs_row_ui, small_named_button_ui};

/// Suggestions listed before "more".
const SHOWN: usize = 80;
/// Passages listed under an open suggestion.
const PASSAGES_SHOWN: usize = 5;

pub fn suggestions_ui(
    ui: &mut egui::Ui,
    view: &ViewContext,
    list: Option<Arc<Vec<Suggestion>>>,
    working: bool,
    commands: &mut Vec<Command>,
) {
    let lang = view.lang;
    heading_ui(ui, tr(lang, "suggested concepts"));
    label_ui(ui, tr(lang, "suggested concepts hint"));
    let Some(list) = list else {
        label_ui(ui, tr(lang, "finding suggestions"));
        return;
    };
    if working {
        label_ui(ui, tr(lang, "finding suggestions"));
    }
    if list.is_empty() {
        label_ui(ui, tr(lang, "no suggestions"));
        return;
    }
    ui.add_space(6.0);
    egui::ScrollArea::vertical().id_salt("suggestions").auto_shrink([false, false]).show(ui, |ui| {
        for suggestion in list.iter().take(SHOWN) {
            suggestion_ui(ui, view, suggestion, commands);
        }
        if list.len() > SHOWN {
            label_ui(ui, &format!("… +{}", number(lang, list.len() - SHOWN)));
        }
    });
}

fn suggestion_ui(ui: &mut egui::Ui, view: &ViewContext, suggestion: &Suggestion, commands: &mut Vec<Command>) {
    let lang = view.lang;
    let open_id = ui.make_persistent_id(("suggestion", &suggestion.key));
    let open = ui.data(|data| data.get_temp::<bool>(open_id)).unwrap_or(false);
    let mut runs = Runs::new();
    runs.push(if open { "− " } else { "+ " }, StyleId::PLAIN);
    runs.push_isolated(&suggestion.term, NAME);
    let comma = if lang.is_rtl() { "، " } else { ", " };
    let details = format!(
        "  ({}{comma}{}\u{a0}{}{comma}{}\u{a0}{})",
        language_in(lang, suggestion.lang),
        number(lang, suggestion.count),
        tr(lang, "times"),
        number(lang, suggestion.documents),
        tr(lang, "documents in"),
    );
    runs.push(&details, DETAILS);
    mirror::wrapped_row(ui, lang.is_rtl(), |ui| {
        if selectable_runs_row_ui(ui, open, &runs, &relation_style(ui, open), lang.is_rtl()).clicked() {
            ui.data_mut(|data| data.insert_temp(open_id, !open));
        }
        let term = suggestion.term.clone();
        // Each button's name says which term it acts on: "Dismiss «تأمین امنیت»".
        let button = |ui: &mut egui::Ui, words: &str| small_named_button_ui(ui, words, &format!("{words} «{term}»"));
        if button(ui, tr(lang, "make a concept")).clicked() {
            commands.push(Command::Catalog(CatalogAction::NewConceptFrom(term.clone())));
        }
        if button(ui, tr(lang, "add as a name of…")).clicked() {
            commands.push(Command::Catalog(CatalogAction::PickConceptFor(term.clone())));
        }
        if button(ui, tr(lang, "dismiss")).clicked() {
            commands.push(Command::Catalog(CatalogAction::Dismiss { lang: suggestion.lang, term }));
        }
    });
    if open {
        ui.group(|ui| {
            for occurrence in suggestion.evidence.iter().take(PASSAGES_SHOWN) {
                let passage = Passage { document: occurrence.document, range: occurrence.range.clone() };
                passage_ui(ui, view, &passage, &[], commands);
            }
            if suggestion.evidence.len() > PASSAGES_SHOWN {
                label_ui(ui, &format!("… +{}", number(lang, suggestion.evidence.len() - PASSAGES_SHOWN)));
            }
        });
    }
}
