//! Presenter mode: a tour played full screen from the keyboard (or a clicker).
//!
//! The map fills the window and moves smoothly from step to step (camera and
//! node positions blended, [`crate::export::view::blend`]); the caption sits
//! under it in large type and the step's passage beside it, each laid out in
//! its own direction through the bidi layout. Keys: → Space PageDown next,
//! ← PageUp back, Home End first and last, B black screen, Esc leaves
//! (F5 starts it, from the tour view or the map). The address follows the
//! step shown (`tour:ID:N`), so leaving lands on the step the class last saw.

use std::sync::Arc;

use eframe::egui;

use crate::address::Address;
use crate::export::look;
use crate::export::map::SettledMap;
use crate::export::view::{StepView, blend};
use crate::graph::{SceneStyle, Vec2};
use crate::text::Lang;
use crate::tours::Tour;
use crate::ui::context::Command;
use crate::ui::widgets::paragraphs::{paragraph_ui_sized, styled_label_ui};

/// How long the map takes to move from one step to the next, in seconds.
pub const TRANSITION_SECONDS: f64 = 0.9;
/// Labels on the map, in points (larger than in the map view).
const LABEL_SIZE: f32 = 20.0;
const CAPTION_STYLE: &str = "presenter-caption";
const PASSAGE_STYLE: &str = "presenter-passage";

/// A presentation in progress.
pub struct Presenter {
    pub tour_id: String,
    pub tour: Tour,
    /// The current step, from 0.
    pub step: usize,
    /// The screen is black (B), until B or a step key.
    pub black: bool,
    map: Arc<SettledMap>,
    /// What the map showed last frame (a transition starts from there).
    shown: Option<StepView>,
    /// Where the current transition started, and when.
    transition: Option<(StepView, f64)>,
    /// The step's resolved view for the last viewport.
    target: Option<(usize, [u32; 2], StepView)>,
}

impl Presenter {
    pub fn new(tour_id: String, tour: Tour, step: usize, map: Arc<SettledMap>) -> Presenter {
        let step = step.min(tour.steps.len().saturating_sub(1));
        Presenter { tour_id, tour, step, black: false, map, shown: None, transition: None, target: None }
    }

    pub fn step_count(&self) -> usize {
        self.tour.steps.len()
    }

    /// Goes to step `index` (clamped), starting the map's move at `now`.
    pub fn go_to(&mut self, index: usize, now: f64) {
        let index = index.min(self.step_count().saturating_sub(1));
        self.black = false;
        if index == self.step {
            return;
        }
        self.step = index;
        if let Some(shown) = self.shown.clone() {
            self.transition = Some((shown, now));
        }
    }

    /// Whether the map is still moving.
    pub fn is_moving(&self) -> bool {
        self.transition.is_some()
    }

    /// Reads the keys of this frame; pushes `StopPresenting` on Esc, and the
    /// address of the new step when a key changed it.
    pub fn handle_keys(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let before = self.step;
        self.read_keys(ctx, commands);
        if self.step != before {
            commands.push(Command::Replace(Address::Tour { id: self.tour_id.clone(), step: Some(self.step + 1) }));
        }
    }

    fn read_keys(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let now = ctx.input(|i| i.time);
        let pressed =
            |keys: &[egui::Key]| ctx.input_mut(|i| keys.iter().any(|&k| i.consume_key(egui::Modifiers::NONE, k)));
        use egui::Key;
        if pressed(&[Key::Escape]) {
            commands.push(Command::StopPresenting);
        } else if pressed(&[Key::ArrowRight, Key::Space, Key::PageDown, Key::ArrowDown, Key::Enter]) {
            self.go_to(self.step + 1, now);
        } else if pressed(&[Key::ArrowLeft, Key::PageUp, Key::ArrowUp, Key::Backspace]) {
            self.go_to(self.step.saturating_sub(1), now);
        } else if pressed(&[Key::Home]) {
            self.go_to(0, now);
        } else if pressed(&[Key::End]) {
            self.go_to(usize::MAX, now);
        } else if pressed(&[Key::B, Key::Period]) {
            self.black = !self.black;
        }
    }

    /// The view to draw now in a map area of `viewport` points.
    fn view_now(&mut self, viewport: Vec2, now: f64) -> StepView {
        let key = [viewport.x.round() as u32, viewport.y.round() as u32];
        let fresh = self.target.as_ref().is_none_or(|(step, size, _)| *step != self.step || *size != key);
        if fresh {
            let view = match self.tour.steps.get(self.step) {
                Some(step) => StepView::of_step(&self.map, step, viewport),
                None => StepView::whole_map(&self.map, viewport),
            };
            self.target = Some((self.step, key, view));
        }
        let Some((_, _, target)) = &self.target else { return StepView::whole_map(&self.map, viewport) };
        let view = match &self.transition {
            Some((from, start)) => blend(from, target, ((now - start) / TRANSITION_SECONDS) as f32),
            None => target.clone(),
        };
        if self.transition.as_ref().is_some_and(|(_, start)| now - start >= TRANSITION_SECONDS) {
            self.transition = None;
        }
        self.shown = Some(view.clone());
        view
    }
}

/// Draws the presentation over the whole window.
pub fn presenter_ui(
    ui: &mut egui::Ui,
    presenter: &mut Presenter,
    model: &crate::ui::context::model::Model,
    lang: Lang,
) {
    let rect = ui.max_rect();
    if presenter.black {
        ui.painter().rect_filled(rect, 0.0, egui::Color32::BLACK);
        let response = ui.allocate_rect(rect, egui::Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Unknown, true, "black screen"));
        return;
    }
    install_text_styles(ui);
    ui.painter().rect_filled(rect, 0.0, crate::ui::paint::map::colour(look::BACKGROUND));
    let step = presenter.tour.steps.get(presenter.step).cloned();
    let caption = step.as_ref().map_or("", |s| crate::export::localized_or_english(&s.caption, lang)).to_string();
    let passage = step.as_ref().and_then(|s| s.passage.as_ref()).and_then(|p| passage_text(model, p));
    let caption_height = (rect.height() * 0.3).clamp(140.0, 380.0);
    let passage_width = if passage.is_some() { (rect.width() * 0.3).clamp(260.0, 560.0) } else { 0.0 };
    let rtl = lang.is_rtl();
    let map_rect = egui::Rect::from_min_max(
        egui::pos2(if rtl { rect.left() + passage_width } else { rect.left() }, rect.top()),
        egui::pos2(if rtl { rect.right() } else { rect.right() - passage_width }, rect.bottom() - caption_height),
    );
    map_ui(ui, presenter, map_rect, lang);
    if let Some(text) = passage {
        let passage_rect = egui::Rect::from_min_max(
            egui::pos2(if rtl { rect.left() } else { map_rect.right() }, rect.top()),
            egui::pos2(if rtl { map_rect.left() } else { rect.right() }, map_rect.bottom()),
        );
        passage_ui(ui, passage_rect, &text);
    }
    let caption_rect = egui::Rect::from_min_max(egui::pos2(rect.left(), map_rect.bottom()), rect.max);
    caption_ui(ui, presenter, caption_rect, &caption, lang);
    if presenter.is_moving() {
        ui.ctx().request_repaint();
    }
}

fn map_ui(ui: &mut egui::Ui, presenter: &mut Presenter, rect: egui::Rect, lang: Lang) {
    let now = ui.input(|i| i.time);
    let view = presenter.view_now(Vec2::new(rect.width(), rect.height()), now);
    let style = SceneStyle {
        node_radius: 8.0,
        arrow_length: 10.0,
        label_cell: Vec2::new(190.0, 30.0),
        label_gap: 4.0,
        ..crate::export::map::map_scene_style()
    };
    let scene = view.scene(&presenter.map, &style);
    let painter = ui.painter_at(rect);
    let look = crate::ui::paint::picture::StepLook { lang, label_size: LABEL_SIZE, reserved: &[] };
    crate::ui::paint::picture::paint_step(&painter, rect.min, &presenter.map, &view, &scene, &look);
}

fn passage_ui(ui: &mut egui::Ui, rect: egui::Rect, text: &str) {
    let inner = rect.shrink(24.0);
    ui.painter().rect_filled(rect.shrink(8.0), 8.0, egui::Color32::from_gray(244));
    ui.scope_builder(egui::UiBuilder::new().max_rect(inner), |ui| {
        ui.visuals_mut().override_text_color = Some(crate::ui::paint::map::colour(look::TEXT));
        egui::ScrollArea::vertical().id_salt("presenter-passage").show(ui, |ui| {
            paragraph_ui_sized(ui, text, &[], egui::TextStyle::Name(PASSAGE_STYLE.into()));
        });
    });
}

fn caption_ui(ui: &mut egui::Ui, presenter: &Presenter, rect: egui::Rect, caption: &str, lang: Lang) {
    ui.painter().line_segment(
        [rect.left_top() + egui::vec2(32.0, 0.0), rect.right_top() - egui::vec2(32.0, 0.0)],
        egui::Stroke::new(1.0, egui::Color32::from_gray(210)),
    );
    let inner = rect.shrink2(egui::vec2(48.0, 20.0));
    ui.scope_builder(egui::UiBuilder::new().max_rect(inner), |ui| {
        ui.visuals_mut().override_text_color = Some(crate::ui::paint::map::colour(look::TEXT));
        let counter = crate::export::step_counter(presenter.step + 1, presenter.step_count(), lang);
        let layout = if lang.is_rtl() {
            egui::Layout::right_to_left(egui::Align::Min)
        } else {
            egui::Layout::left_to_right(egui::Align::Min)
        };
        ui.with_layout(layout, |ui| {
            styled_label_ui(ui, &counter, egui::TextStyle::Body, crate::ui::paint::map::colour(look::MUTED_TEXT));
            let title = crate::export::localized_or_english(&presenter.tour.title, lang);
            styled_label_ui(ui, title, egui::TextStyle::Body, crate::ui::paint::map::colour(look::MUTED_TEXT));
        });
        ui.add_space(8.0);
        let shown = paragraph_ui_sized(ui, caption, &[], egui::TextStyle::Name(CAPTION_STYLE.into()));
        // The caption as one accessible label (screen readers, UI tests).
        if let Some(rect) = shown.rect {
            let response = ui.interact(rect, ui.scope_id().with("presenter-caption"), egui::Sense::hover());
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, caption));
        }
    });
}

/// The step's passage, if its range lies on character boundaries of the document.
fn passage_text(model: &crate::ui::context::model::Model, passage: &crate::tours::Passage) -> Option<String> {
    let document = model.corpus.documents.iter().find(|d| d.id == passage.document)?;
    document.text.get(passage.start..passage.end).map(|s| s.trim().to_string())
}

/// The large type of the presenter, sized to the window.
fn install_text_styles(ui: &mut egui::Ui) {
    let height = ui.max_rect().height();
    let caption = (height / 26.0).clamp(22.0, 44.0);
    let style = ui.style_mut();
    style.text_styles.insert(egui::TextStyle::Name(CAPTION_STYLE.into()), egui::FontId::proportional(caption));
    style.text_styles.insert(egui::TextStyle::Name(PASSAGE_STYLE.into()), egui::FontId::proportional(caption * 0.7));
    style.text_styles.insert(egui::TextStyle::Body, egui::FontId::proportional(caption * 0.6));
}
