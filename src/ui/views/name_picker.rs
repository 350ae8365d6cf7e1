//! The concept picker of "Add as a name of…": a phrase selected in the
//! reader, a search box over every name of every concept (folded, so `ي`
//! finds `ی`), and one button per matching concept that makes the phrase
//! one of its names. Drawn as a window over the view; the app opens and
//! closes it.

use eframe::egui;

use crate::text::Lang;
use crate::text::editing::EditBuffer;
use crate::text::normalize::fold_str;
use crate::ui::context::Command;
use crate::ui::context::command::CatalogAction;
use crate::ui::context::i18n::tr;
use crate::ui::context::model::Model;
use crate::ui::widgets::bidi_edit::{BidiEditOptions, bidi_edit_ui};
use crate::ui::widgets::mirror;
use crate::ui::widgets::paragraphs::{chip_ui, label_ui};

/// The most concepts listed at once.
const SHOWN: usize = 12;

/// The open picker: the phrase and the search typed so far.
pub struct NamePicker {
    pub phrase: String,
    pub query: EditBuffer,
}

impl NamePicker {
    pub fn new(phrase: String) -> NamePicker {
        NamePicker { phrase, query: EditBuffer::default() }
    }
}

/// The concepts one of whose names contains `query` (folded), in catalog
/// order; every concept when the query is blank.
pub fn matching(model: &Model, query: &str) -> Vec<usize> {
    let query = fold_str(query.trim());
    model
        .corpus
        .catalog
        .concepts
        .iter()
        .enumerate()
        .filter(|(_, concept)| {
            query.is_empty()
                || concept.id.contains(&query)
                || concept.surface_forms().any(|(_, name)| fold_str(name).contains(&query))
        })
        .map(|(index, _)| index)
        .collect()
}

pub fn name_picker_ui(
    ctx: &egui::Context,
    model: &Model,
    lang: Lang,
    picker: &mut NamePicker,
    commands: &mut Vec<Command>,
) {
    let mut open = true;
    egui::Window::new(tr(lang, "add as a name of"))
        .id(egui::Id::unique("name-picker"))
        .collapsible(false)
        .resizable(false)
        .open(&mut open)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 80.0))
        .show(ctx, |ui| {
            ui.set_max_width(420.0);
            mirror::column(ui, lang.is_rtl(), |ui| picker_body_ui(ui, model, lang, picker, commands));
        });
    if !open {
        commands.push(Command::Catalog(CatalogAction::ClosePicker));
    }
}

/// The phrase, the search box and the matching concepts, against the
/// interface's start side.
fn picker_body_ui(ui: &mut egui::Ui, model: &Model, lang: Lang, picker: &mut NamePicker, commands: &mut Vec<Command>) {
    label_ui(ui, &format!("«{}»", picker.phrase));
    let label = tr(lang, "find a concept");
    let options = BidiEditOptions::single_line(label, label, 400.0, lang.is_rtl());
    bidi_edit_ui(ui, "name picker search", &mut picker.query, &options);
    let found = matching(model, picker.query.text());
    ui.separator();
    if found.is_empty() {
        ui.label(tr(lang, "no concept found"));
    }
    egui::ScrollArea::vertical().max_height(320.0).auto_shrink([false, true]).show(ui, |ui| {
        for &concept in found.iter().take(SHOWN) {
            let entry = &model.corpus.catalog.concepts[concept];
            if chip_ui(ui, entry.labels.get_or_any(lang), false).clicked() {
                commands.push(Command::Catalog(CatalogAction::AddAlias {
                    id: entry.id.clone(),
                    text: picker.phrase.clone(),
                }));
            }
        }
    });
}
