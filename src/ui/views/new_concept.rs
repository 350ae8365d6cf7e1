//! The form of "New concept from this…": a phrase selected in the reader
//! becomes a new concept. The kind, the labels in Persian, Arabic and
//! English (the one in the phrase's language filled with the phrase) and a
//! summary in that language; Create asks the app to write it through the
//! catalog store. Drawn as a modal over the view; the app opens and closes it.

use eframe::egui;

use crate::catalog::{ConceptKind, Localized};
use crate::text::Lang;
use crate::ui::context::Command;
use crate::ui::context::command::CatalogAction;
use crate::ui::context::i18n::tr;
use crate::ui::widgets::bidi_edit::{BidiEditOptions, bidi_edit_string_ui};
use crate::ui::widgets::mirror;
use crate::ui::widgets::paragraphs::{button_ui, label_ui};

const FIELD_WIDTH: f32 = 320.0;

/// The open form: what has been typed so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewConceptForm {
    pub kind: ConceptKind,
    pub labels: Localized,
    pub summary: String,
    /// The phrase's language: its label is prefilled, the summary is in it.
    pub lang: Lang,
}

impl NewConceptForm {
    /// A form for `phrase`, written in `lang`.
    pub fn new(phrase: &str, lang: Lang) -> NewConceptForm {
        let mut labels = Localized::default();
        *labels.get_mut(lang) = phrase.trim().to_string();
        NewConceptForm { kind: ConceptKind::Topic, labels, summary: String::new(), lang }
    }

    /// The command that writes the concept the form describes, its words trimmed.
    pub fn command(&self) -> Command {
        let mut labels = self.labels.clone();
        for lang in Lang::ALL {
            let trimmed = labels.get(lang).trim().to_string();
            *labels.get_mut(lang) = trimmed;
        }
        let mut summary = Localized::default();
        *summary.get_mut(self.lang) = self.summary.trim().to_string();
        Command::Catalog(CatalogAction::AddConcept { kind: self.kind, labels, summary })
    }

    fn has_label(&self) -> bool {
        Lang::ALL.into_iter().any(|lang| !self.labels.get(lang).trim().is_empty())
    }
}

pub fn new_concept_ui(ctx: &egui::Context, lang: Lang, form: &mut NewConceptForm, commands: &mut Vec<Command>) {
    let close = crate::ui::widgets::paragraphs::form_modal(ctx, "diplomap-new-concept", 460.0, lang.is_rtl(), |ui| {
        form_ui(ui, lang, form, commands)
    });
    if close {
        commands.push(Command::Catalog(CatalogAction::CloseNewConcept));
    }
}

/// A text box per language for a concept's names in Persian, Arabic and
/// English, each laid out in its own direction (`salt` tells two forms apart).
pub fn label_fields_ui(ui: &mut egui::Ui, lang: Lang, labels: &mut Localized, salt: &str) {
    for (text_lang, key) in [(Lang::Fa, "name in fa"), (Lang::Ar, "name in ar"), (Lang::En, "name in en")] {
        let name = tr(lang, key);
        mirror::row(ui, lang.is_rtl(), |ui| {
            ui.label(name);
            let id = ui.make_persistent_id((salt, key));
            let options = BidiEditOptions::single_line(name, "", FIELD_WIDTH, text_lang.is_rtl());
            bidi_edit_string_ui(ui, id, labels.get_mut(text_lang), &options);
        });
    }
}

/// A combo box of the concept kinds, labelled «Kind».
pub fn kind_field_ui(ui: &mut egui::Ui, lang: Lang, kind: &mut ConceptKind) {
    mirror::row(ui, lang.is_rtl(), |ui| {
        let label = ui.label(tr(lang, "kind"));
        let options: Vec<(ConceptKind, &str)> = ConceptKind::ALL.iter().map(|&k| (k, tr(lang, k.as_str()))).collect();
        let (combo, picked) = crate::ui::widgets::choice::combo_ui(ui, lang, *kind, &options);
        combo.labelled_by(label.id);
        if let Some(picked) = picked {
            *kind = picked;
        }
    });
}

fn form_ui(ui: &mut egui::Ui, lang: Lang, form: &mut NewConceptForm, commands: &mut Vec<Command>) {
    mirror::row(ui, lang.is_rtl(), |ui| ui.heading(tr(lang, "new concept")));
    kind_field_ui(ui, lang, &mut form.kind);
    label_fields_ui(ui, lang, &mut form.labels, "new concept label");
    let name = tr(lang, "summary");
    mirror::row(ui, lang.is_rtl(), |ui| {
        ui.label(name);
    });
    let id = ui.make_persistent_id("new concept summary");
    let options = BidiEditOptions::multi_line(name, "", 3, form.lang.is_rtl());
    bidi_edit_string_ui(ui, id, &mut form.summary, &options);
    ui.add_space(6.0);
    if !form.has_label() {
        mirror::row(ui, lang.is_rtl(), |ui| label_ui(ui, tr(lang, "a concept needs a name")));
    }
    mirror::row(ui, lang.is_rtl(), |ui| {
        if button_ui(ui, tr(lang, "create concept"), form.has_label()).clicked() {
            commands.push(form.command());
        }
        if ui.button(tr(lang, "cancel")).clicked() {
            commands.push(Command::Catalog(CatalogAction::CloseNewConcept));
        }
    });
}
