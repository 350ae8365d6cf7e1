//! Catalog edits from the window: the concept picker opened and closed, a
//! phrase added as a name of a concept (in the language it is written in),
//! a new concept from the "New concept from this…" form, a relation between
//! two concepts with a selected passage as its evidence ("Relate two
//! concepts…"), a name or a relation removed from the concept page, its
//! kind, names and summaries edited in its «Edit…» form, a
//! suggested term dismissed, and undo. Every edit goes through [`CatalogStore`] (one file per concept,
//! atomic, never over a file changed on disk) and what it changed is indexed
//! again (not the whole corpus), so the new mention is highlighted; the notice says what was done
//! and offers undo (also Ctrl+Z while no text box has the keyboard).

use super::App;
use crate::catalog::Concept;
use crate::catalog::edit::{Edit, EditError};
use crate::catalog::store::{CatalogError, CatalogStore, FileUndo};
use crate::text::Lang;
use crate::ui::context::command::CatalogAction;
use crate::ui::context::i18n::{isolate, tr};
use crate::ui::views::edit_concept::EditConceptForm;
use crate::ui::views::name_picker::NamePicker;
use crate::ui::views::new_concept::NewConceptForm;
use crate::ui::views::relate::RelateForm;

/// The language a phrase is written in: Persian or Arabic by their letters,
/// else English.
pub fn phrase_lang(phrase: &str) -> Lang {
    crate::text::lang::detect(phrase).unwrap_or(Lang::En)
}

/// `start..end` of `text` widened to whole words: a selection dragged from
/// inside a word is evidence of the whole word.
fn whole_words(text: &str, start: usize, end: usize) -> (usize, usize) {
    let boundary = |at: usize| (0..=at.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let (start, end) = (boundary(start), boundary(end.max(start)));
    let in_word = |c: char| c.is_alphanumeric() || matches!(c, '\u{200C}' | '\u{064B}'..='\u{065F}' | '\u{0670}');
    let from = text[..start].char_indices().rev().find(|&(_, c)| !in_word(c)).map_or(0, |(i, c)| i + c.len_utf8());
    let to = text[end..].char_indices().find(|&(_, c)| !in_word(c)).map_or(text.len(), |(i, _)| end + i);
    (from, to)
}

impl App {
    pub(super) fn catalog(&mut self, action: CatalogAction) {
        match action {
            CatalogAction::PickConceptFor(phrase) => self.views.name_picker = Some(NamePicker::new(phrase)),
            CatalogAction::ClosePicker => self.views.name_picker = None,
            CatalogAction::AddAlias { id, text } => {
                let lang = self.state.ui_lang;
                let said =
                    format!("{} {}: «{}»", tr(lang, "name added"), isolate(self.concept_name(&id)), isolate(&text));
                let edit = Edit::AddAlias { id, lang: phrase_lang(&text), text };
                if self.write_catalog(&[edit], said) {
                    self.views.name_picker = None;
                }
            }
            CatalogAction::NewConceptFrom(phrase) => {
                let lang = phrase_lang(&phrase);
                self.views.new_concept = Some(NewConceptForm::new(&phrase, lang));
            }
            CatalogAction::CloseNewConcept => self.views.new_concept = None,
            CatalogAction::AddConcept { kind, labels, summary } => {
                let Ok(model) = &self.model else { return };
                let names = format!("{}|{}|{}", labels.fa, labels.ar, labels.en);
                let fallback = format!("concept-{:08x}", crate::corpus::fnv1a64(names.as_bytes()) as u32);
                let id = model.corpus.catalog.fresh_id(&labels, &fallback);
                let label = labels.get_or_any(self.state.ui_lang).to_string();
                let concept = Concept { id, kind, labels, aliases: Default::default(), summary, relations: Vec::new() };
                let said = format!("{}: «{}»", tr(self.state.ui_lang, "concept added"), isolate(&label));
                if self.write_catalog(&[Edit::Add(concept)], said) {
                    self.views.new_concept = None;
                }
            }
            CatalogAction::RelateFrom { evidence, mentioned } => {
                let Ok(model) = &self.model else { return };
                let Some(document) = model.corpus.documents.iter().find(|d| d.id == evidence.document) else { return };
                let (start, end) = whole_words(&document.text, evidence.start, evidence.end);
                let evidence = crate::catalog::EvidenceRef { start, end, ..evidence };
                let quote = document.text.get(start..end).unwrap_or("").to_string();
                let form = RelateForm::new(model, self.state.ui_lang, evidence, &quote, &mentioned);
                self.views.relate = Some(form);
            }
            CatalogAction::CloseRelate => self.views.relate = None,
            CatalogAction::Relate { source, kind, target, evidence } => {
                let sentence = self.views.relate.as_ref().map(|form| form.sentence(self.state.ui_lang));
                let said = format!("{}: {}", tr(self.state.ui_lang, "relation added"), sentence.unwrap_or_default());
                if self.write_catalog(&[Edit::Relate { source, kind, target, evidence: vec![evidence] }], said) {
                    self.views.relate = None;
                }
            }
            CatalogAction::Dismiss { lang, term } => {
                let Ok(model) = &self.model else { return };
                let ui_lang = self.state.ui_lang;
                match crate::suggest::Dismissals::dismiss(model.dir(), lang, &term) {
                    Ok(_) => {
                        self.views.suggestions.dismissed();
                        self.views.notice = Some(format!("{}: «{}»", tr(ui_lang, "dismissed"), isolate(&term)));
                    }
                    Err(err) => {
                        let said = tr(ui_lang, "catalog not written").replacen("{}", &isolate(err.to_string()), 1);
                        self.views.notice = Some(said);
                    }
                }
            }
            CatalogAction::Apply(edits) => {
                let said = self.edits_said(&edits);
                if self.write_catalog(&edits, said) {
                    self.views.edit_concept = None;
                }
            }
            CatalogAction::EditConcept(id) => {
                let Ok(model) = &self.model else { return };
                self.views.edit_concept = model.corpus.catalog.get(&id).map(EditConceptForm::new);
            }
            CatalogAction::CloseEdit => self.views.edit_concept = None,
            CatalogAction::Undo => {
                let Some(undo) = self.views.catalog_undo.take() else { return };
                match self.edit_catalog(|store| store.undo(&undo).map(|_| None)) {
                    Ok(_) => self.views.notice = Some(tr(self.state.ui_lang, "edit undone").to_string()),
                    Err(err) => {
                        // Refused (a file changed meanwhile): the undo is kept, to try again.
                        self.views.catalog_undo = Some(undo);
                        self.refused(&err);
                    }
                }
            }
        }
    }

    /// Writes `edits` as one, with one undo; the notice says `said`, or why
    /// nothing was written. Whether they were written.
    fn write_catalog(&mut self, edits: &[Edit], said: String) -> bool {
        match self.edit_catalog(|store| store.edit_all_undoable(edits).map(|(_, undo)| Some(undo))) {
            Ok(undo) => {
                self.views.catalog_undo = undo;
                self.views.notice = Some(said);
                true
            }
            Err(err) => {
                self.refused(&err);
                false
            }
        }
    }

    /// The name of concept `id` in the interface's language (its id if it has none).
    fn concept_name(&self, id: &str) -> String {
        let lang = self.state.ui_lang;
        self.model
            .as_ref()
            .ok()
            .and_then(|m| m.corpus.catalog.get(id))
            .map_or_else(|| id.to_string(), |concept| concept.labels.get_or_any(lang).to_string())
    }

    /// What the notice says once `edits` are written.
    fn edits_said(&self, edits: &[Edit]) -> String {
        let lang = self.state.ui_lang;
        let name_of = |id: &str| self.concept_name(id);
        let edited = |id: &str| format!("{}: «{}»", tr(lang, "concept edited"), isolate(name_of(id)));
        match edits {
            [Edit::RemoveAlias { id, text, .. }] => {
                format!("{}: «{}» ({})", tr(lang, "name removed"), isolate(text), isolate(name_of(id)))
            }
            [Edit::Unrelate { source, kind, target }] => format!(
                "{}: {} {} {}",
                tr(lang, "relation removed"),
                isolate(name_of(source)),
                tr(lang, kind.as_str()),
                isolate(name_of(target))
            ),
            [Edit::SetKind { id, .. } | Edit::SetLabel { id, .. } | Edit::SetSummary { id, .. }, ..] => edited(id),
            _ => tr(lang, "catalog edited").to_string(),
        }
    }

    /// Says in the interface's language why a catalog edit was not written;
    /// after a file changed on disk the corpus is read again, so the next
    /// try starts from what is there.
    fn refused(&mut self, err: &CatalogError) {
        let lang = self.state.ui_lang;
        let name_of = |id: &str| self.concept_name(id);
        let fill = |key: &'static str, values: &[String]| {
            values.iter().fold(tr(lang, key).to_string(), |text, value| text.replacen("{}", &isolate(value), 1))
        };
        let said = match err {
            CatalogError::Conflict { path } => fill("catalog changed on disk", &[path.display().to_string()]),
            CatalogError::Stale { id } => fill("catalog stale", &[name_of(id)]),
            CatalogError::Edit(EditError::NameTaken { name, owner, .. }) => {
                fill("name taken", &[name.clone(), name_of(owner)])
            }
            CatalogError::Edit(EditError::AlreadyNamed { name, id }) => {
                fill("name taken", &[name.clone(), name_of(id)])
            }
            other => fill("catalog not written", &[other.to_string()]),
        };
        self.views.notice = Some(said);
        if matches!(err, CatalogError::Conflict { .. } | CatalogError::Stale { .. }) {
            self.reload_corpus();
        }
    }

    /// Opens the catalog as it is on disk, makes `write`, and on success
    /// takes the catalog it read back: only what changed is indexed again
    /// ([`crate::index::Index::update_catalog`]), as the next revision, and
    /// the folder watcher is told the files it will see changed are ours.
    fn edit_catalog(
        &mut self,
        write: impl FnOnce(&mut CatalogStore) -> Result<Option<FileUndo>, CatalogError>,
    ) -> Result<Option<FileUndo>, CatalogError> {
        let Ok(model) = &self.model else { return Err(CatalogError::Invalid(Vec::new())) };
        let (store, problems) = CatalogStore::open(model.dir());
        let Some(mut store) = store else { return Err(CatalogError::Invalid(problems)) };
        let undo = write(&mut store)?;
        self.loader.written_here();
        if let Ok(model) = &mut self.model {
            model.edit_catalog(store.catalog().clone(), store.diagnostics().to_vec());
            self.views.stale_problems.clear();
            self.loader.remember(&model.corpus, &model.index, &store.loaded().files);
        }
        Ok(undo)
    }
}

#[cfg(test)]
mod tests {
    use super::whole_words;

    #[test]
    fn a_selection_is_widened_to_whole_words() {
        let text = "به گزارش اینترپل مرکز، فعالیت‌ها";
        let start = text.find("زارش").unwrap();
        let end = text.find("رپل").unwrap() + "ر".len();
        let (from, to) = whole_words(text, start, end);
        assert_eq!(&text[from..to], "گزارش اینترپل");
        let at = text.find("عالیت").unwrap();
        let (from, to) = whole_words(text, at, at + "عا".len());
        assert_eq!(&text[from..to], "فعالیت‌ها", "a half-space is inside the word");
        assert_eq!(whole_words(text, 0, text.len()), (0, text.len()));
    }
}
