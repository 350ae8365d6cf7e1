//! The form of "Relate two concepts…": a passage selected in the reader
//! becomes the evidence of a relation between two concepts. The source, the
//! relation and the target are chosen from the concepts (those the passage
//! mentions first, then every other by name), a button swaps the direction,
//! and the sentence the relation will read as is shown before it is
//! written; Add asks the app to write it through the catalog store. Drawn
//! as a modal over the view; the app opens and closes it.

use eframe::egui;

use crate::catalog::{EvidenceRef, RelationKind};
use crate::i18n::{Gender, Party, Piece, Reading, relation_phrase};
use crate::index::EdgeKind;
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

/// A concept the form offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConceptChoice {
    pub id: String,
    /// Its name in the interface's language.
    pub name: String,
    /// For the Arabic sentence's agreement.
    pub gender: Gender,
}

/// The open form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelateForm {
    /// Concepts to choose from, those the passage mentions first.
    pub concepts: Vec<ConceptChoice>,
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
        let choice = |c: &crate::catalog::Concept| ConceptChoice {
            id: c.id.clone(),
            name: c.labels.get_or_any(lang).to_string(),
            gender: Gender::of_arabic(c.labels.get(Lang::Ar)),
        };
        let mut concepts: Vec<ConceptChoice> =
            mentioned.iter().filter_map(|id| model.corpus.catalog.get(id)).map(choice).collect();
        let mut others: Vec<ConceptChoice> =
            model.corpus.catalog.concepts.iter().filter(|c| !mentioned.contains(&c.id)).map(choice).collect();
        others.sort_by(|a, b| a.name.cmp(&b.name));
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
                source: source.id.clone(),
                kind: self.kind,
                target: target.id.clone(),
                evidence: self.evidence.clone(),
            })
        })
    }

    /// The relation as a sentence, as the concept page will read it from
    /// the source: "INTERPOL counters terrorism", «اینترپل با تروریسم مقابله می‌کند».
    pub fn sentence(&self, lang: Lang) -> String {
        let (Some(source), Some(target)) = (self.concepts.get(self.source), self.concepts.get(self.target)) else {
            return String::new();
        };
        let other = Party { name: &target.name, gender: target.gender };
        let pieces = relation_phrase(lang, EdgeKind::Relation(self.kind), Reading::Active, source.gender, other);
        let phrase: String = pieces
            .iter()
            .map(|piece| match piece {
                Piece::Words(words) => words.to_string(),
                Piece::Name(name) => isolate(name),
            })
            .collect();
        format!("{} {phrase}", isolate(&source.name))
    }

    fn swap(&mut self) {
        std::mem::swap(&mut self.source, &mut self.target);
    }
}

pub fn relate_ui(ctx: &egui::Context, lang: Lang, form: &mut RelateForm, commands: &mut Vec<Command>) {
    let close = crate::ui::widgets::paragraphs::form_modal(ctx, "diplomap-relate", 480.0, lang.is_rtl(), |ui| {
        form_ui(ui, lang, form, commands)
    });
    if close {
        commands.push(Command::Catalog(CatalogAction::CloseRelate));
    }
}

fn form_ui(ui: &mut egui::Ui, lang: Lang, form: &mut RelateForm, commands: &mut Vec<Command>) {
    mirror::row(ui, lang.is_rtl(), |ui| ui.heading(tr(lang, "relate concepts")));
    let quote: String = form.quote.chars().take(QUOTE_CHARS).collect();
    let ellipsis = if form.quote.chars().count() > QUOTE_CHARS { "…" } else { "" };
    mirror::row(ui, lang.is_rtl(), |ui| label_ui(ui, &format!("{}: «{quote}{ellipsis}»", tr(lang, "evidence"))));
    let names: Vec<(usize, &str)> = form.concepts.iter().enumerate().map(|(i, c)| (i, c.name.as_str())).collect();
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
