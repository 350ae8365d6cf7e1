//! The tour view (`tour:ID[:STEP]`): the corpus's tours, one tour's steps with
//! their captions, a preview of the selected step, and what a teacher needs to
//! build a tour quickly — add the current map view as a step (Ctrl+Shift+N,
//! from the map or here), reorder, duplicate and delete steps, edit captions in
//! Persian, Arabic and English, create a new tour, undo. No wizard.
//!
//! Structural edits are saved at once, caption edits a moment after typing
//! stops, always through [`crate::tours::save`] (atomic). A tour file that does
//! not parse is shown with its problems and never saved over.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use eframe::egui;

use crate::address::Address;
use crate::export::map::SettledMap;
use crate::export::view::StepView;
use crate::text::Lang;
use crate::tours::{self, Tour, TourStep, edit};
use crate::ui::context::command::{ExportRequest, TourAction};
use crate::ui::context::i18n::{number, tr};
use crate::ui::context::{Command, ViewContext};
use crate::ui::widgets::paragraphs::{heading_ui, label_ui};

/// Adds the current map view to the open tour.
pub const RECORD_SHORTCUT: egui::KeyboardShortcut =
    egui::KeyboardShortcut::new(egui::Modifiers::COMMAND.plus(egui::Modifiers::SHIFT), egui::Key::N);

/// Caption edits are saved this long after the last keystroke.
const CAPTION_SAVE_DELAY: Duration = Duration::from_millis(800);
/// Undo keeps this many earlier versions.
const UNDO_LIMIT: usize = 100;

/// A tour being edited.
#[derive(Debug, Clone)]
pub struct OpenTour {
    pub id: String,
    pub tour: Tour,
    /// Why the file could not be read; the tour is then read-only.
    pub broken: Option<String>,
}

/// The tour view's state between frames.
pub struct TourPanel {
    tours_dir: PathBuf,
    ids: Option<Vec<String>>,
    pub open: Option<OpenTour>,
    /// The selected step, from 0.
    pub selected: usize,
    new_id: String,
    /// The last thing to tell the user (saved, refused, …).
    pub message: Option<String>,
    undo: Vec<Tour>,
    /// When captions changed without being saved yet.
    unsaved_since: Option<Instant>,
    preview: Option<(u64, Arc<SettledMap>)>,
    /// The address (tour, step) whose step was last applied to `selected`.
    applied_address: Option<(String, Option<usize>)>,
}

impl Default for TourPanel {
    fn default() -> Self {
        TourPanel::new(PathBuf::new())
    }
}

impl TourPanel {
    pub fn new(tours_dir: PathBuf) -> TourPanel {
        TourPanel {
            tours_dir,
            ids: None,
            open: None,
            selected: 0,
            new_id: String::new(),
            message: None,
            undo: Vec::new(),
            unsaved_since: None,
            preview: None,
            applied_address: None,
        }
    }

    /// The ids of the corpus's tours (read once, refreshed on create).
    pub fn ids(&mut self) -> &[String] {
        if self.ids.is_none() {
            self.ids = Some(tours::list(&self.tours_dir).unwrap_or_default());
        }
        self.ids.as_deref().unwrap_or_default()
    }

    /// The open tour, if it is `id`.
    pub fn tour(&self, id: &str) -> Option<&Tour> {
        self.open.as_ref().filter(|open| open.id == id).map(|open| &open.tour)
    }

    /// The map every preview and presentation draws, built once per model revision.
    pub fn map_data(&mut self, model: &crate::ui::context::model::Model) -> Arc<SettledMap> {
        match &self.preview {
            Some((revision, map)) if *revision == model.revision => Arc::clone(map),
            _ => {
                let map = Arc::new(SettledMap::build(&model.corpus, &model.index));
                self.preview = Some((model.revision, Arc::clone(&map)));
                map
            }
        }
    }

    /// Loads tour `id` unless it is already open; `step` (from 1) selects a step.
    pub fn ensure_open(&mut self, id: &str, step: Option<usize>) {
        if self.open.as_ref().is_some_and(|open| open.id == id) {
            return;
        }
        self.save_pending();
        let path = tours::path_of(&self.tours_dir, id);
        let open = match tours::load(&path) {
            Ok(tour) => OpenTour { id: id.into(), tour, broken: None },
            Err(problems) => {
                let text = problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
                OpenTour { id: id.into(), tour: Tour::default(), broken: Some(text) }
            }
        };
        self.selected = step.map_or(0, |s| s.saturating_sub(1)).min(open.tour.steps.len().saturating_sub(1));
        self.open = Some(open);
        self.undo.clear();
        self.unsaved_since = None;
    }

    /// Selects the step of the address `tour:id:step` when the address changed
    /// (back, forward, a pasted address); otherwise the selection stands.
    pub fn follow_address(&mut self, id: &str, step: Option<usize>) {
        let address = (id.to_string(), step);
        if self.applied_address.as_ref() == Some(&address) {
            return;
        }
        self.applied_address = Some(address);
        let Some(step) = step else { return };
        let count = self.open.as_ref().filter(|o| o.id == id).map_or(0, |o| o.tour.steps.len());
        self.save_pending();
        self.selected = step.saturating_sub(1).min(count.saturating_sub(1));
    }

    /// The address of the open tour at its selected step, when `current` is
    /// that tour at another step (after an edit moved the selection).
    pub fn address_if_moved(&self, current: &Address) -> Option<Address> {
        let Address::Tour { id, step } = current else { return None };
        let open = self.open.as_ref().filter(|o| &o.id == id)?;
        let shown = step.map_or(0, |s| s.saturating_sub(1));
        let selected = self.selected.min(open.tour.steps.len().saturating_sub(1));
        (shown != selected).then(|| Address::Tour { id: id.clone(), step: Some(selected + 1) })
    }

    /// Saves caption edits once typing has paused; call every frame.
    pub fn tick(&mut self, now: Instant) {
        if self.unsaved_since.is_some_and(|since| now.duration_since(since) >= CAPTION_SAVE_DELAY) {
            self.save_pending();
        }
    }

    /// Whether caption edits wait to be saved.
    pub fn has_unsaved(&self) -> bool {
        self.unsaved_since.is_some()
    }

    fn save_pending(&mut self) {
        if self.unsaved_since.take().is_some() {
            self.save();
        }
    }

    /// Carries out one action.
    pub fn apply(&mut self, action: TourAction) {
        match action {
            TourAction::Open { id, step } => self.ensure_open(&id, step),
            TourAction::Create(id) => self.create(&id),
            TourAction::Select(index) => {
                self.save_pending();
                self.selected = index;
            }
            TourAction::Save => self.save_pending(),
            TourAction::Undo => self.undo_last(),
            TourAction::SetCaption { step, lang, text } => self.set_caption(step, lang, text),
            TourAction::AddStep(step) => {
                let at = self.open.as_ref().map_or(0, |o| (self.selected + 1).min(o.tour.steps.len()));
                if self.change(|tour| Some(edit::add_step(tour, at, *step))) {
                    self.selected = at;
                }
            }
            TourAction::Move { from, to } => {
                if self.change(|tour| edit::move_step(tour, from, to)) {
                    self.selected = to;
                }
            }
            TourAction::Duplicate(index) => {
                if self.change(|tour| edit::duplicate_step(tour, index)) {
                    self.selected = index + 1;
                }
            }
            TourAction::Delete(index) => {
                if self.change(|tour| edit::delete_step(tour, index)) {
                    let count = self.open.as_ref().map_or(0, |o| o.tour.steps.len());
                    self.selected = self.selected.min(count.saturating_sub(1));
                }
            }
        }
    }

    /// Replaces the open tour by `edit`'s result, keeps the old one for undo, saves.
    fn change(&mut self, edit: impl FnOnce(&Tour) -> Option<Tour>) -> bool {
        self.save_pending();
        let Some(open) = self.open.as_mut() else { return false };
        if open.broken.is_some() {
            self.message = Some("the tour file has errors; fix it first".into());
            return false;
        }
        let Some(changed) = edit(&open.tour) else { return false };
        let before = std::mem::replace(&mut open.tour, changed);
        self.push_undo(before);
        self.save();
        true
    }

    fn push_undo(&mut self, tour: Tour) {
        self.undo.push(tour);
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
    }

    fn set_caption(&mut self, step: usize, lang: Lang, text: String) {
        let Some(open) = self.open.as_mut() else { return };
        if open.broken.is_some() {
            return;
        }
        let Some(target) = open.tour.steps.get(step) else { return };
        let mut changed = target.clone();
        let slot = match lang {
            Lang::Fa => &mut changed.caption.fa,
            Lang::Ar => &mut changed.caption.ar,
            Lang::En => &mut changed.caption.en,
        };
        if *slot == text {
            return;
        }
        *slot = text;
        let Some(new_tour) = edit::replace_step(&open.tour, step, changed) else { return };
        let before = std::mem::replace(&mut open.tour, new_tour);
        if self.unsaved_since.is_none() {
            self.push_undo(before);
        }
        self.unsaved_since = Some(Instant::now());
    }

    fn undo_last(&mut self) {
        self.unsaved_since = None;
        let Some(previous) = self.undo.pop() else { return };
        let Some(open) = self.open.as_mut() else { return };
        open.tour = previous;
        self.selected = self.selected.min(open.tour.steps.len().saturating_sub(1));
        self.save();
    }

    fn create(&mut self, id: &str) {
        let id = id.trim();
        if !tours::is_valid_id(id) {
            self.message = Some(format!("`{id}`: a tour id is kebab-case, like police-diplomacy"));
            return;
        }
        let path = tours::path_of(&self.tours_dir, id);
        if path.exists() {
            self.message = Some(format!("a tour `{id}` exists already"));
            return;
        }
        let mut tour = Tour::default();
        tour.title.en = id.replace('-', " ");
        if let Err(error) = tours::save(&path, &tour) {
            self.message = Some(error.to_string());
            return;
        }
        self.ids = None;
        self.new_id.clear();
        self.open = Some(OpenTour { id: id.into(), tour, broken: None });
        self.selected = 0;
        self.undo.clear();
    }

    fn save(&mut self) {
        let Some(open) = &self.open else { return };
        if open.broken.is_some() {
            return;
        }
        let path = tours::path_of(&self.tours_dir, &open.id);
        self.message = match tours::save(&path, &open.tour) {
            Ok(()) => None,
            Err(error) => Some(error.to_string()),
        };
    }
}

/// The top bar's way to the tours: the open tour, else the first.
pub fn tours_button_ui(ui: &mut egui::Ui, lang: Lang, panel: &mut TourPanel, commands: &mut Vec<Command>) {
    let target = panel.open.as_ref().map(|o| o.id.clone()).or_else(|| panel.ids().first().cloned());
    let button = ui.add_enabled(target.is_some(), egui::Button::new(tr(lang, "tours")));
    if button.on_hover_text(tr(lang, "tours hint")).clicked()
        && let Some(id) = target
    {
        commands.push(Command::Navigate(Address::Tour { id, step: None }));
    }
}

/// The tour view: tours on top, then the open tour's steps beside a preview.
pub fn tour_view_ui(
    ui: &mut egui::Ui,
    view: &ViewContext,
    id: &str,
    step: Option<usize>,
    panel: &mut TourPanel,
    commands: &mut Vec<Command>,
) {
    let lang = view.lang;
    panel.ensure_open(id, step);
    panel.follow_address(id, step);
    tour_list_ui(ui, lang, id, panel, commands);
    ui.separator();
    let Some(open) = panel.open.clone() else { return };
    if let Some(problems) = &open.broken {
        ui.colored_label(ui.visuals().error_fg_color, tr(lang, "tour has errors"));
        ui.label(egui::RichText::new(problems).monospace());
        return;
    }
    heading_ui(ui, crate::export::localized_or_english(&open.tour.title, lang));
    toolbar_ui(ui, lang, &open, panel, commands);
    if let Some(message) = &panel.message {
        ui.colored_label(ui.visuals().warn_fg_color, message);
    }
    keys(ui, &open, panel.selected, commands);
    let map = panel.map_data(view.model);
    let side = if lang.is_rtl() { egui::Panel::right("tour-steps") } else { egui::Panel::left("tour-steps") };
    side.resizable(true).default_size(400.0).show(ui, |ui| {
        steps_ui(ui, view, &open, panel.selected, commands);
        ui.separator();
        // Scrolls rather than running off a short window's bottom.
        egui::ScrollArea::vertical().id_salt("caption-editor").show(ui, |ui| {
            caption_editor_ui(ui, lang, &open, panel.selected, commands);
        });
    });
    egui::CentralPanel::default().show(ui, |ui| preview_ui(ui, view, &map, &open.tour, panel.selected));
}

fn tour_list_ui(ui: &mut egui::Ui, lang: Lang, current: &str, panel: &mut TourPanel, commands: &mut Vec<Command>) {
    let ids = panel.ids().to_vec();
    ui.horizontal_wrapped(|ui| {
        ui.label(tr(lang, "tours"));
        for tour_id in ids {
            if ui.selectable_label(tour_id == current, &tour_id).clicked() && tour_id != current {
                commands.push(Command::Navigate(Address::Tour { id: tour_id.clone(), step: None }));
            }
        }
        ui.separator();
        // The id is Latin, its placeholder in the interface's language: laid
        // out by the bidi editor, as every box holding interface words is.
        let options = crate::ui::widgets::bidi_edit::BidiEditOptions::single_line(
            tr(lang, "new tour id"),
            tr(lang, "new tour id hint"),
            140.0,
            lang.is_rtl(),
        );
        let id = ui.make_persistent_id("new tour id");
        let output = crate::ui::widgets::bidi_edit::bidi_edit_string_ui(ui, id, &mut panel.new_id, &options);
        crate::ui::widgets::paragraphs::hover_text_ui(output.response, tr(lang, "new tour id"));
        let enter = output.submitted;
        if (ui.button(tr(lang, "new tour")).clicked() || enter) && !panel.new_id.trim().is_empty() {
            let id = panel.new_id.trim().to_string();
            commands.push(Command::Tour(TourAction::Create(id.clone())));
            commands.push(Command::Navigate(Address::Tour { id, step: None }));
        }
    });
}

fn toolbar_ui(ui: &mut egui::Ui, lang: Lang, open: &OpenTour, panel: &TourPanel, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        let present =
            crate::ui::widgets::paragraphs::button_ui(ui, tr(lang, "present tour"), !open.tour.steps.is_empty());
        if crate::ui::widgets::paragraphs::hover_text_ui(present, tr(lang, "present hint")).clicked() {
            commands.push(Command::Tour(TourAction::Save));
            commands.push(Command::Present { tour: open.id.clone(), step: panel.selected });
        }
        let record = crate::ui::widgets::paragraphs::button_ui(ui, tr(lang, "add map view"), true);
        let record = crate::ui::widgets::paragraphs::hover_text_ui(record, tr(lang, "add map view hint"));
        if record.clicked() {
            commands.push(Command::RecordStep);
        }
        if ui.add_enabled(!panel.undo.is_empty(), egui::Button::new(tr(lang, "undo"))).clicked() {
            commands.push(Command::Tour(TourAction::Undo));
        }
        // Exports read the tour from disk: save it first, as presenting does.
        let mut export = |request: ExportRequest| {
            commands.push(Command::Tour(TourAction::Save));
            commands.push(Command::Export(request));
        };
        if ui.add_enabled(!open.tour.steps.is_empty(), egui::Button::new(tr(lang, "export tour"))).clicked() {
            export(ExportRequest::Tour { id: open.id.clone() });
        }
        let step_export = egui::Button::new(tr(lang, "export step"));
        if ui.add_enabled(!open.tour.steps.is_empty(), step_export).clicked() {
            export(ExportRequest::Step { id: open.id.clone(), index: panel.selected });
        }
        let page = ui.add_enabled(!open.tour.steps.is_empty(), egui::Button::new(tr(lang, "export tour page")));
        if crate::ui::widgets::paragraphs::hover_text_ui(page, tr(lang, "export tour page hint")).clicked() {
            export(ExportRequest::TourPage { id: open.id.clone() });
        }
        let saved = if panel.has_unsaved() { tr(lang, "unsaved") } else { tr(lang, "saved") };
        ui.weak(saved);
    });
}

/// Keys of the tour view: ↑/↓ select, Ctrl+↑/↓ move, Delete, Ctrl+D duplicate,
/// Ctrl+Z undo, Ctrl+S save, F5 present (when no text field has focus).
fn keys(ui: &egui::Ui, open: &OpenTour, selected: usize, commands: &mut Vec<Command>) {
    if crate::ui::widgets::bidi_edit::editing_text(ui.ctx()) {
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::S)) {
            commands.push(Command::Tour(TourAction::Save));
        }
        return;
    }
    let count = open.tour.steps.len();
    let pressed = |key, modifiers| ui.input_mut(|i| i.consume_key(modifiers, key));
    let command = egui::Modifiers::COMMAND;
    if pressed(egui::Key::F5, egui::Modifiers::NONE) && count > 0 {
        commands.push(Command::Tour(TourAction::Save));
        commands.push(Command::Present { tour: open.id.clone(), step: selected });
    } else if pressed(egui::Key::ArrowUp, command) && selected > 0 && selected < count {
        commands.push(Command::Tour(TourAction::Move { from: selected, to: selected - 1 }));
    } else if pressed(egui::Key::ArrowDown, command) && selected + 1 < count {
        commands.push(Command::Tour(TourAction::Move { from: selected, to: selected + 1 }));
    } else if pressed(egui::Key::ArrowUp, egui::Modifiers::NONE) && selected > 0 {
        select_step(commands, &open.id, selected - 1);
    } else if pressed(egui::Key::ArrowDown, egui::Modifiers::NONE) && selected + 1 < count {
        select_step(commands, &open.id, selected + 1);
    } else if pressed(egui::Key::Delete, egui::Modifiers::NONE) && selected < count {
        commands.push(Command::Tour(TourAction::Delete(selected)));
    } else if pressed(egui::Key::D, command) && selected < count {
        commands.push(Command::Tour(TourAction::Duplicate(selected)));
    } else if pressed(egui::Key::Z, command) {
        commands.push(Command::Tour(TourAction::Undo));
    }
}

/// Selects step `index` (from 0) of tour `id`: a new address, so back and
/// forward walk the steps and "copy address" names the step.
fn select_step(commands: &mut Vec<Command>, id: &str, index: usize) {
    // The address first: the selection then matches it and does not rewrite it.
    commands.push(Command::Navigate(Address::Tour { id: id.to_string(), step: Some(index + 1) }));
    commands.push(Command::Tour(TourAction::Select(index)));
}

fn steps_ui(ui: &mut egui::Ui, view: &ViewContext, open: &OpenTour, selected: usize, commands: &mut Vec<Command>) {
    let lang = view.lang;
    let count = open.tour.steps.len();
    if count == 0 {
        ui.label(tr(lang, "no steps"));
        return;
    }
    egui::ScrollArea::vertical().id_salt("tour-steps").max_height(ui.available_height() * 0.45).show(ui, |ui| {
        for (index, step) in open.tour.steps.iter().enumerate() {
            let frame = if index == selected {
                egui::Frame::group(ui.style()).fill(ui.visuals().selection.bg_fill.gamma_multiply(0.35))
            } else {
                egui::Frame::group(ui.style())
            };
            frame.show(ui, |ui| {
                ui.set_width(ui.available_width());
                let focus = step.focus.as_ref().map(|focus| {
                    let concept = view.model.corpus.catalog.get(&focus.concept);
                    concept.map_or(focus.concept.as_str(), |c| c.labels.get_or_any(lang))
                });
                step_row_ui(ui, lang, &open.id, (index, selected, count), (step, focus), commands);
            });
        }
    });
}

/// One step's row, laid out in reading order; `place` is (this step, the
/// selected step, the number of steps), from 0; `shown` the step and the
/// name of the concept it focuses on, in the interface language.
fn step_row_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    tour_id: &str,
    place: (usize, usize, usize),
    shown: (&TourStep, Option<&str>),
    commands: &mut Vec<Command>,
) {
    let (index, selected, count) = place;
    let (step, focus) = shown;
    let ordinal = number(lang, index + 1);
    crate::ui::widgets::mirror::row(ui, lang.is_rtl(), |ui| {
        let number = ui.selectable_label(index == selected, format!(" {ordinal} "));
        let label = format!("{} {ordinal}", tr(lang, "select step"));
        number.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if number.clicked() && index != selected {
            select_step(commands, tour_id, index);
        }
        let small = |ui: &mut egui::Ui, enabled: bool, icon: &str, key: &'static str| {
            let button = ui.add_enabled(enabled, egui::Button::new(icon).small());
            let label = format!("{} {ordinal}", tr(lang, key));
            button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &label));
            button.on_hover_text(tr(lang, key)).clicked()
        };
        if small(ui, index > 0, tr(lang, "up"), "move step up") {
            commands.push(Command::Tour(TourAction::Move { from: index, to: index - 1 }));
        }
        if small(ui, index + 1 < count, tr(lang, "down"), "move step down") {
            commands.push(Command::Tour(TourAction::Move { from: index, to: index + 1 }));
        }
        if small(ui, true, tr(lang, "copy"), "duplicate step") {
            commands.push(Command::Tour(TourAction::Duplicate(index)));
        }
        if small(ui, true, tr(lang, "delete"), "delete step") {
            commands.push(Command::Tour(TourAction::Delete(index)));
        }
    });
    if let Some(focus) = focus {
        let weak = ui.visuals().weak_text_color();
        crate::ui::widgets::paragraphs::styled_label_ui(ui, focus, egui::TextStyle::Body, weak);
    }
    let caption = crate::export::localized_or_english(&step.caption, lang);
    let short: String = caption.chars().take(90).collect();
    let short = if short.len() < caption.len() { format!("{short}…") } else { short };
    if !short.is_empty() {
        label_ui(ui, &short);
    }
}

/// The selected step's captions, one text field per language, each aligned
/// to its direction, with the laid-out caption under the RTL ones.
fn caption_editor_ui(ui: &mut egui::Ui, lang: Lang, open: &OpenTour, selected: usize, commands: &mut Vec<Command>) {
    let Some(step) = open.tour.steps.get(selected) else { return };
    label_ui(ui, &format!("{} {}", tr(lang, "caption of step"), crate::ui::context::i18n::number(lang, selected + 1)));
    for (caption_lang, text) in
        [(Lang::Fa, &step.caption.fa), (Lang::Ar, &step.caption.ar), (Lang::En, &step.caption.en)]
    {
        let mut buffer = text.clone();
        let name = crate::ui::context::i18n::language_name(caption_lang);
        let label = format!("{} ({})", tr(lang, "caption"), caption_lang.code());
        let options =
            crate::ui::widgets::bidi_edit::BidiEditOptions::multi_line(&label, name, 2, caption_lang.is_rtl());
        let id = ui.make_persistent_id(("caption", caption_lang.code(), selected));
        if crate::ui::widgets::bidi_edit::bidi_edit_string_ui(ui, id, &mut buffer, &options).changed {
            commands.push(Command::Tour(TourAction::SetCaption { step: selected, lang: caption_lang, text: buffer }));
        }
    }
}

/// The selected step as the presenter and the exports show it.
fn preview_ui(ui: &mut egui::Ui, view: &ViewContext, map: &SettledMap, tour: &Tour, selected: usize) {
    let size = ui.available_size().max(egui::vec2(120.0, 120.0));
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, tr(view.lang, "concept map")));
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 4.0, crate::ui::paint::map::colour(crate::export::look::BACKGROUND));
    let viewport = crate::graph::Vec2::new(rect.width(), rect.height());
    let step_view = match tour.steps.get(selected) {
        Some(step) => StepView::of_step(map, step, viewport),
        None => StepView::whole_map(map, viewport),
    };
    let scene = step_view.scene(map, &crate::export::map::map_scene_style());
    let look = crate::ui::paint::picture::StepLook { lang: view.lang, label_size: 13.0, reserved: &[] };
    crate::ui::paint::picture::paint_step(&painter, rect.min, map, &step_view, &scene, &look);
}
