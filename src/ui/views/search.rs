//! Search: the search box at the top of the list panel (Ctrl+F from anywhere
//! focuses it) and the results page, which is the view of `search:QUERY`.
//!
//! Results update as the user types (the address follows, `search:…`, without
//! a history entry per keystroke); ↑/↓ move the selection and Enter opens it:
//! a passage opens the reader scrolled to the hit, a concept or a note opens
//! the concept's page. Each snippet is laid out in its own direction with the
//! hits highlighted. Results can be narrowed to one language or one document.
//!
//! The search index is the context's (`context::search_index`): built off the
//! UI thread, again only when the corpus revision or the notes change; until
//! the first is there the page says it is indexing. A query on it takes well
//! under a frame, and its results are cached until the query, the filters or
//! the index change.

use crate::ui::widgets::bidi_edit::{BidiEditOptions, bidi_edit_string_ui, focus_and_select_all};
use eframe::egui;

use crate::address::{Address, DocumentAnchor};
use crate::index::search::{Field, Hit, HitTarget, SearchFilters};
use crate::text::Lang;
use crate::ui::context::i18n::{language_name, tr};
use crate::ui::context::model::Model;
use crate::ui::context::search_index::{BuiltSearchIndex, SearchIndexKey, SearchIndexStatus};
use crate::ui::context::{Command, ViewContext};
use crate::ui::widgets::paragraphs::{Highlight, paragraph_ui, styled_label_ui};

/// How many results the page shows.
pub const RESULT_LIMIT: usize = 50;

/// The colour behind a hit in a snippet (the reader's find colour).
fn hit_color() -> egui::Color32 {
    egui::Color32::from_rgba_unmultiplied(250, 220, 50, 120)
}

/// The search box's widget id (Ctrl+F focuses it).
fn search_box_id() -> egui::Id {
    egui::Id::unique("diplomap-search-box")
}

/// What a list of results was computed for.
#[derive(Debug, Clone, PartialEq)]
struct ResultsKey {
    index: SearchIndexKey,
    query: String,
    lang: Option<Lang>,
    document: Option<String>,
}

/// The search's transient state: the box, the filters, the selection and the
/// cached results (the index itself is the context's [`SearchIndexCache`]).
///
/// [`SearchIndexCache`]: crate::ui::context::search_index::SearchIndexCache
#[derive(Default)]
pub struct SearchState {
    /// The text in the search box.
    pub query: String,
    /// Only results in this language.
    pub lang_filter: Option<Lang>,
    /// Only passages of this document (by id).
    pub document_filter: Option<String>,
    /// The selected result.
    pub selected: usize,
    /// Enter was pressed in the box: the page opens the selected result.
    open_selected: bool,
    /// The selection moved by keys: the page scrolls it into view.
    scroll_to_selected: bool,
    results: Option<(ResultsKey, Vec<Hit>)>,
}

impl SearchState {
    /// The results for `query` on `built` under the current filters, computed if needed.
    pub fn results(&mut self, model: &Model, built: &BuiltSearchIndex, query: &str) -> &[Hit] {
        let key = ResultsKey {
            index: built.key,
            query: query.to_string(),
            lang: self.lang_filter,
            document: self.document_filter.clone(),
        };
        if self.results.as_ref().is_none_or(|(computed_for, _)| *computed_for != key) {
            let filters = SearchFilters {
                lang: self.lang_filter,
                document: self.document_filter.as_deref().and_then(|id| model.document_index(id)),
                ..SearchFilters::default()
            };
            let hits = built.index.search(&model.corpus, query, &filters, RESULT_LIMIT);
            self.results = Some((key, hits));
        }
        self.results.as_ref().map_or(&[], |(_, hits)| hits.as_slice())
    }
}

/// The search box. Typing shows the results page (`search:QUERY`); ↑/↓ move
/// the selection on it and Enter opens the selected result.
pub fn search_box_ui(
    ui: &mut egui::Ui,
    current: &Address,
    lang: Lang,
    state: &mut SearchState,
    commands: &mut Vec<Command>,
) {
    let id = search_box_id();
    let focused = ui.memory(|m| m.has_focus(id));
    if let Address::Search(query) = current
        && !focused
        && *query != state.query
    {
        state.query = query.clone();
        state.selected = 0;
    }
    if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
        focus_and_select_all(ui.ctx(), id);
    }
    if focused {
        move_selection_by_keys(ui, state);
    }
    let options =
        BidiEditOptions::single_line(tr(lang, "search"), tr(lang, "search hint"), f32::INFINITY, lang.is_rtl());
    let output = bidi_edit_string_ui(ui, id, &mut state.query, &options);
    crate::ui::widgets::paragraphs::hover_text_ui(
        output.response,
        &format!("{} (Ctrl+F)", tr(lang, "search everything")),
    );
    if output.changed {
        state.selected = 0;
        let address = Address::Search(state.query.clone());
        let command =
            if matches!(current, Address::Search(_)) { Command::Replace(address) } else { Command::Navigate(address) };
        commands.push(command);
    }
    if output.submitted {
        state.open_selected = true;
    }
}

/// ↑/↓ move the selection (consumed, so the text field does not see them).
fn move_selection_by_keys(ui: &egui::Ui, state: &mut SearchState) {
    let (down, up) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
            i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
        )
    });
    if down {
        state.selected = state.selected.saturating_add(1);
        state.scroll_to_selected = true;
    }
    if up {
        state.selected = state.selected.saturating_sub(1);
        state.scroll_to_selected = true;
    }
}

/// The results page for `query`, searched on `index` (a quiet line says so
/// while it is being built; the results wait for the first one).
pub fn search_view_ui(
    ui: &mut egui::Ui,
    view: &ViewContext,
    query: &str,
    index: SearchIndexStatus,
    state: &mut SearchState,
    commands: &mut Vec<Command>,
) {
    let ViewContext { model, lang, .. } = *view;
    filters_ui(ui, model, lang, state);
    if ui.memory(|m| m.focused().is_none()) {
        move_selection_by_keys(ui, state);
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter)) {
            state.open_selected = true;
        }
    }
    let mut selected = state.selected;
    let (scroll, open) = (std::mem::take(&mut state.scroll_to_selected), std::mem::take(&mut state.open_selected));
    ui.add_space(4.0);
    if query.trim().is_empty() {
        crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
            crate::ui::widgets::paragraphs::label_ui(ui, tr(lang, "type to search"));
        });
        return;
    }
    if index.indexing {
        crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
            styled_label_ui(ui, tr(lang, "indexing for search"), egui::TextStyle::Body, ui.visuals().weak_text_color());
        });
    }
    let Some(built) = index.index else {
        // Enter pressed before the index was there opens the first result once it is.
        state.open_selected |= open;
        return;
    };
    let unreadable_notes = built.unreadable_notes;
    let hits = state.results(model, built, query);
    selected = selected.min(hits.len().saturating_sub(1));
    if hits.is_empty() {
        crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
            crate::ui::widgets::paragraphs::label_ui(ui, tr(lang, "no results"));
        });
    } else {
        // Digits beside Persian words: through the bidi layout, not a plain label.
        let count = format!("{} {}", crate::ui::context::i18n::number(lang, hits.len()), tr(lang, "results"));
        crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
            styled_label_ui(ui, &count, egui::TextStyle::Body, ui.visuals().weak_text_color());
        });
    }
    if unreadable_notes > 0 {
        let warning = format!("{}: {unreadable_notes}", tr(lang, "unreadable notes"));
        crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
            styled_label_ui(ui, &warning, egui::TextStyle::Body, ui.visuals().warn_fg_color);
        });
    }
    if open && let Some(address) = hits.get(selected).and_then(|hit| address_of_hit(model, hit)) {
        commands.push(Command::Navigate(address));
    }
    let mut clicked = None;
    egui::ScrollArea::vertical().id_salt("search-results").auto_shrink([false, false]).show(ui, |ui| {
        for (n, hit) in hits.iter().enumerate() {
            let response = result_row_ui(ui, view, hit, n, n == selected);
            if n == selected && scroll {
                response.scroll_to_me(None);
            }
            if response.clicked() {
                clicked = Some(n);
            }
        }
    });
    if let Some(n) = clicked {
        selected = n;
        if let Some(address) = hits.get(n).and_then(|hit| address_of_hit(model, hit)) {
            commands.push(Command::Navigate(address));
        }
    }
    state.selected = selected;
}

/// Where a result opens: the reader at the hit, or the concept's page.
pub fn address_of_hit(model: &Model, hit: &Hit) -> Option<Address> {
    match &hit.target {
        HitTarget::Document { document, range } => {
            let document = model.corpus.documents.get(*document)?;
            let at = if hit.original_range.is_empty() { range.start } else { hit.original_range.start };
            Some(Address::Document { id: document.id.clone(), anchor: Some(DocumentAnchor::Offset(at)) })
        }
        HitTarget::Concept { concept } => {
            model.corpus.catalog.concepts.get(*concept).map(|entry| Address::Concept(entry.id.clone()))
        }
        HitTarget::Note { concept } => Some(Address::Concept(concept.clone())),
    }
}

/// The language and document filters.
fn filters_ui(ui: &mut egui::Ui, model: &Model, lang: Lang, state: &mut SearchState) {
    crate::ui::widgets::mirror::wrapped_row(ui, lang.is_rtl(), |ui| {
        ui.label(format!("{}:", tr(lang, "language")));
        let shown = state.lang_filter.map_or(tr(lang, "all languages"), language_name);
        let response = ui.button(shown).on_hover_text(tr(lang, "language"));
        egui::Popup::menu(&response).show(|ui| {
            if ui.selectable_label(state.lang_filter.is_none(), tr(lang, "all languages")).clicked() {
                state.lang_filter = None;
            }
            for option in Lang::ALL {
                if ui.selectable_label(state.lang_filter == Some(option), language_name(option)).clicked() {
                    state.lang_filter = Some(option);
                }
            }
        });
        ui.separator();
        ui.label(format!("{}:", tr(lang, "document")));
        let chosen = state.document_filter.as_deref().and_then(|id| model.corpus.document(id));
        let response = match chosen {
            None => ui.button(tr(lang, "all documents")),
            Some(_) => ui.button("…"),
        };
        let response = response.on_hover_text(tr(lang, "document"));
        if let Some(document) = chosen {
            paragraph_ui(ui, document.title(lang), &[]);
        }
        egui::Popup::menu(&response).show(|ui| {
            if ui.selectable_label(state.document_filter.is_none(), tr(lang, "all documents")).clicked() {
                state.document_filter = None;
            }
            for document in &model.corpus.documents {
                let selected = state.document_filter.as_deref() == Some(document.id.as_str());
                if crate::ui::widgets::choice::radio_ui(ui, lang, selected, document.title(lang)).clicked() {
                    state.document_filter = Some(document.id.clone());
                    ui.close();
                }
            }
        });
    });
}

/// One result: what it is (a passage of which document, a concept, a note)
/// and its snippet. Returns the row's response (click to open).
fn result_row_ui(ui: &mut egui::Ui, view: &ViewContext, hit: &Hit, n: usize, selected: bool) -> egui::Response {
    let ViewContext { model, lang, .. } = *view;
    let fill = if selected { ui.visuals().selection.bg_fill.gamma_multiply(0.4) } else { egui::Color32::TRANSPARENT };
    let stroke = if selected { ui.visuals().selection.stroke } else { egui::Stroke::NONE };
    let (kind, title) = describe_hit(model, lang, hit);
    let frame = egui::Frame::new().fill(fill).stroke(stroke).inner_margin(6).corner_radius(4);
    let shown = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
            let tag = match hit.lang {
                Some(text_lang) => format!("{kind} · {}", crate::ui::context::i18n::language_in(lang, text_lang)),
                None => kind.to_string(),
            };
            styled_label_ui(ui, &tag, egui::TextStyle::Small, ui.visuals().weak_text_color());
            // Wrapped, so that a long title does not widen the page.
            paragraph_ui(ui, &title, &[]);
        });
        let highlights: Vec<Highlight> = hit
            .snippet_highlights
            .iter()
            .map(|range| Highlight { range: range.clone(), color: hit_color(), concept: None, strong: false })
            .collect();
        paragraph_ui(ui, &hit.snippet, &highlights);
    });
    let response = ui.interact(shown.response.rect, ui.scope_id().with(("search-hit", n)), egui::Sense::click());
    let label = format!("{title}: {}", hit.snippet);
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
    if response.hovered() {
        ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
    }
    response
}

/// What kind of result a hit is (an interface string), and the name of what
/// it is in (a document's title, a concept's label).
fn describe_hit(model: &Model, lang: Lang, hit: &Hit) -> (&'static str, String) {
    match &hit.target {
        HitTarget::Document { document, .. } => {
            let title = model.corpus.documents.get(*document).map_or(String::new(), |d| d.title(lang).to_string());
            (tr(lang, "passage"), title)
        }
        HitTarget::Concept { concept } => {
            let label = concept_label(model, *concept, lang);
            let kind = match hit.field {
                Field::Summary => "summary",
                Field::Alias => "alias",
                _ => "concept",
            };
            (tr(lang, kind), label)
        }
        HitTarget::Note { concept } => {
            let label = model.concept_index(concept).map_or(concept.clone(), |i| concept_label(model, i, lang));
            (tr(lang, "note"), label)
        }
    }
}

fn concept_label(model: &Model, concept: usize, lang: Lang) -> String {
    model.corpus.catalog.concepts.get(concept).map_or(String::new(), |c| c.labels.get_or_any(lang).to_string())
}
