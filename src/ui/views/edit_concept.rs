//! The form of the concept page's «Edit…»: a concept's kind, its names in
//! Persian, Arabic and English, and its summary in each, as they are now;
//! Save asks the app to write what changed as one edit with one undo
//! (renaming a label, clearing one while another remains, rewriting a
//! summary). Drawn as a modal over the page; the app opens and closes it.

use eframe::egui;

use crate::catalog::edit::Edit;
use crate::catalog::{Concept, ConceptKind, Localized};
use crate::text::Lang;
use crate::ui::context::Command;
use crate::ui::context::command::CatalogAction;
use crate::ui::context::i18n::{language_in, tr};
use crate::ui::views::new_concept::{kind_field_ui, label_fields_ui};
use crate::ui::widgets::bidi_edit::{BidiEditOptions, bidi_edit_string_ui};
use crate::ui::widgets::mirror;
use crate::ui::widgets::paragraphs::{button_ui, label_ui};

/// The open form: the concept as it was and as typed so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditConceptForm {
    pub id: String,
    pub kind: ConceptKind,
    pub labels: Localized,
    pub summary: Localized,
    was: (ConceptKind, Localized, Localized),
}

impl EditConceptForm {
    pub fn new(concept: &Concept) -> EditConceptForm {
        let was = (concept.kind, concept.labels.clone(), concept.summary.clone());
        EditConceptForm {
            id: concept.id.clone(),
            kind: concept.kind,
            labels: concept.labels.clone(),
            summary: concept.summary.clone(),
            was,
        }
    }

    /// The edits that make the concept what the form says, its words trimmed.
    pub fn edits(&self) -> Vec<Edit> {
        let id = || self.id.clone();
        let mut edits = Vec::new();
        if self.kind != self.was.0 {
            edits.push(Edit::SetKind { id: id(), kind: self.kind });
        }
        for lang in Lang::ALL {
            let label = self.labels.get(lang).trim();
            if label != self.was.1.get(lang) {
                edits.push(Edit::SetLabel { id: id(), lang, text: label.to_string() });
            }
            let summary = self.summary.get(lang).trim();
            if summary != self.was.2.get(lang) {
                edits.push(Edit::SetSummary { id: id(), lang, text: summary.to_string() });
            }
        }
        edits
    }

    fn has_label(&self) -> bool {
        Lang::ALL.into_iter().any(|lang| !self.labels.get(lang).trim().is_empty())
    }
}

pub fn edit_concept_ui(ctx: &egui::Context, lang: Lang, form: &mut EditConceptForm, commands: &mut Vec<Command>) {
    let close = crate::ui::widgets::paragraphs::form_modal(ctx, "diplomap-edit-concept", 520.0, lang.is_rtl(), |ui| {
        form_ui(ui, lang, form, commands)
    });
    if close {
        commands.push(Command::Catalog(CatalogAction::CloseEdit));
    }
}

fn form_ui(ui: &mut egui::Ui, lang: Lang, form: &mut EditConceptForm, commands: &mut Vec<Command>) {
    mirror::row(ui, lang.is_rtl(), |ui| ui.heading(tr(lang, "edit concept")));
    kind_field_ui(ui, lang, &mut form.kind);
    label_fields_ui(ui, lang, &mut form.labels, "edit concept label");
    for text_lang in [Lang::Fa, Lang::Ar, Lang::En] {
        let name = format!("{} ({})", tr(lang, "summary"), language_in(lang, text_lang));
        mirror::row(ui, lang.is_rtl(), |ui| label_ui(ui, &name));
        let id = ui.make_persistent_id(("edit concept summary", text_lang.code()));
        let options = BidiEditOptions::multi_line(&name, "", 3, text_lang.is_rtl());
        bidi_edit_string_ui(ui, id, form.summary.get_mut(text_lang), &options);
    }
    ui.add_space(6.0);
    if !form.has_label() {
        mirror::row(ui, lang.is_rtl(), |ui| label_ui(ui, tr(lang, "a concept needs a name")));
    }
    mirror::row(ui, lang.is_rtl(), |ui| {
        let edits = form.edits();
        if button_ui(ui, tr(lang, "save changes"), form.has_label() && !edits.is_empty()).clicked() {
            commands.push(Command::Catalog(CatalogAction::Apply(edits)));
        }
        if ui.button(tr(lang, "cancel")).clicked() {
            commands.push(Command::Catalog(CatalogAction::CloseEdit));
        }
    });
}
