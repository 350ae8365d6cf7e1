//! The form of "Relate two concepts…": a passage selected in the reader
//! becomes the evidence of a relation between two concepts. The source, the
//! relation and the target are chosen from the concepts (those the passage
//! mentions first, then every other by name), a button swaps the direction,
//! and the sentence the relation will read as is shown before it is
//! written; Add asks the app to write it through the catalog store. Drawn
//! as a modal over the view; the app opens and closes it.

use eframe::egui;

use crate::catalog::{EvidenceRef, RelationKind};
use crate::text::Lang;
use crate::ui::context::Command;
use crate::ui::context::command::CatalogAction;
use crate::ui::context::i18n::{isolate, tr};
use crate::ui::context::model::Model;
use crate::ui::widgets::choice::combo_ui;
use crate::ui::widgets::mirror;
use crate::ui::widgets::paragraphs::{button_ui, label_ui};

/// The longest quote of the passage the form shows, in characters.
const QUOTE_CHARS: usize = 160;

/// The open form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelateForm {
    /// Concepts to choose from, as (id, name in the interface's language):
    /// those the passage mentions first.
    pub concepts: Vec<(String, String)>,
    /// Places in `concepts`.
    pub source: usize,
    pub target: usize,
    pub kind: RelationKind,
    pub evidence: EvidenceRef,
    /// The passage, as stored.
    pub quote: String,
}

impl RelateForm {
    /// A form for the passage `evidence` of `model`, whose text is `quote`;
    /// `mentioned` are the concepts the passage (or its paragraph) mentions,
    /// most likely first: the first two are proposed as source and target.
    pub fn new(model: &Model, lang: Lang, evidence: EvidenceRef, quote: &str, mentioned: &[String]) -> RelateForm {
        let name = |id: &str| model.corpus.catalog.get(id).map(|c| c.labels.get_or_any(lang).to_string());
        let mut concepts: Vec<(String, String)> =
            mentioned.iter().filter_map(|id| Some((id.clone(), name(id)?))).collect();
        let mut others: Vec<(String, String)> = model
            .corpus
            .catalog
            .concepts
            .iter()
            .filter(|c| !mentioned.contains(&c.id))
            .map(|c| (c.id.clone(), c.labels.get_or_any(lang).to_string()))
            .collect();
        others.sort_by(|a, b| a.1.cmp(&b.1));
        concepts.extend(others);
        let target = usize::from(concepts.len() > 1);
        let quote = quote.trim().to_string();
        RelateForm { concepts, source: 0, target, kind: RelationKind::RelatedTo, evidence, quote }
    }

    /// The command that writes the relation, unless source and target are one.
    pub fn command(&self) -> Option<Command> {
        let (source, target) = (self.concepts.get(self.source)?, self.concepts.get(self.target)?);
        (self.source != self.target).then(|| {
            Command::Catalog(CatalogAction::Relate {
                source: source.0.clone(),
                kind: self.kind,
                target: target.0.clone(),
                evidence: self.evidence.clone(),
            })
        })
    }

    /// The relation as a sentence: "INTERPOL counters terrorism".
    pub fn sentence(&self, lang: Lang) -> String {
        let name = |at: usize| self.concepts.get(at).map_or("", |c| c.1.as_str());
        format!("{} {} {}", isolate(name(self.source)), tr(lang, self.kind.as_str()), isolate(name(self.target)))
    }

    fn swap(&mut self) {
        std::mem::swap(&mut self.source, &mut self.target);
    }
}

pub fn relate_ui(ctx: &egui::Context, lang: Lang, form: &mut RelateForm, commands: &mut Vec<Command>) {
    let modal = egui::Modal::new(egui::Id::unique("diplomap-relate")).show(ctx, |ui| {
        ui.set_width(480.0_f32.min(ctx.content_rect().width() - 40.0).max(200.0));
        mirror::column(ui, lang.is_rtl(), |ui| form_ui(ui, lang, form, commands));
    });
    if modal.should_close() {
        commands.push(Command::Catalog(CatalogAction::CloseRelate));
    }
}

fn form_ui(ui: &mut egui::Ui, lang: Lang, form: &mut RelateForm, commands: &mut Vec<Command>) {
    mirror::row(ui, lang.is_rtl(), |ui| ui.heading(tr(lang, "relate concepts")));
    let quote: String = form.quote.chars().take(QUOTE_CHARS).collect();
    let ellipsis = if form.quote.chars().count() > QUOTE_CHARS { "…" } else { "" };
    mirror::row(ui, lang.is_rtl(), |ui| label_ui(ui, &format!("{}: «{quote}{ellipsis}»", tr(lang, "evidence"))));
    let names: Vec<(usize, &str)> = form.concepts.iter().enumerate().map(|(i, c)| (i, c.1.as_str())).collect();
    let kinds: Vec<(RelationKind, &str)> = RelationKind::ALL.iter().map(|&k| (k, tr(lang, k.as_str()))).collect();
    let mut picked_source = None;
    let mut picked_target = None;
    let mut picked_kind = None;
    mirror::row(ui, lang.is_rtl(), |ui| {
        let label = ui.label(tr(lang, "source concept"));
        let (combo, picked) = combo_ui(ui, lang, form.source, &names);
        combo.labelled_by(label.id);
        picked_source = picked;
    });
    mirror::row(ui, lang.is_rtl(), |ui| {
        let label = ui.label(tr(lang, "relation"));
        let (combo, picked) = combo_ui(ui, lang, form.kind, &kinds);
        combo.labelled_by(label.id);
        picked_kind = picked;
    });
    mirror::row(ui, lang.is_rtl(), |ui| {
        let label = ui.label(tr(lang, "target concept"));
        let (combo, picked) = combo_ui(ui, lang, form.target, &names);
        combo.labelled_by(label.id);
        picked_target = picked;
    });
    form.source = picked_source.unwrap_or(form.source);
    form.target = picked_target.unwrap_or(form.target);
    form.kind = picked_kind.unwrap_or(form.kind);
    ui.add_space(6.0);
    mirror::row(ui, lang.is_rtl(), |ui| label_ui(ui, &form.sentence(lang)));
    if form.source == form.target {
        mirror::row(ui, lang.is_rtl(), |ui| label_ui(ui, tr(lang, "a relation needs two concepts")));
    }
    mirror::row(ui, lang.is_rtl(), |ui| {
        let command = form.command();
        if button_ui(ui, tr(lang, "add relation"), command.is_some()).clicked()
            && let Some(command) = command
        {
            commands.push(command);
        }
        if ui.button(tr(lang, "swap direction")).clicked() {
            form.swap();
        }
        if ui.button(tr(lang, "cancel")).clicked() {
            commands.push(Command::Catalog(CatalogAction::CloseRelate));
        }
    });
}
