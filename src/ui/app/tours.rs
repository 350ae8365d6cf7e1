//! How the app carries out the commands of tours: presenting (full screen)
//! and recording the map view as a step. Kept beside the app so `mod.rs` only
//! dispatches; exports are [`super::export`].

use eframe::egui;

use crate::address::Address;
use crate::tours::{EdgeRef, Filters, Focus, Highlight, TourStep};
use crate::ui::app::{App, ViewState};
use crate::ui::context::command::TourAction;
use crate::ui::context::i18n::{isolate, tr};
use crate::ui::context::state::AppState;
use crate::ui::views::presenter::Presenter;

impl ViewState {
    /// What the map shows now, as a tour step (caption left empty).
    /// Uses the map view's focus, filters, highlights, camera and pins once the
    /// map has been shown; before that, the focus of a `map?focus=` address.
    pub fn current_map_step(&self, state: &AppState) -> TourStep {
        if !self.map.is_prepared() {
            return match state.history.current() {
                Address::Map { focus: Some(focus), depth } => TourStep::focused(focus, depth.unwrap_or(1) as u32),
                _ => TourStep::default(),
            };
        }
        step_of_map(&self.map)
    }
}

impl App {
    /// Presents the tour of the current `tour:` address (for `--present`).
    pub fn present_current(&mut self) {
        if let Address::Tour { id, step } = self.state.history.current().clone() {
            let step = step.map_or(0, |s| s.saturating_sub(1));
            self.start_presenting(&egui::Context::default(), &id, step);
        }
    }

    /// Starts presenting tour `id` (empty: the open tour, else the first) at
    /// `step` (from 0), full screen.
    pub fn start_presenting(&mut self, ctx: &egui::Context, id: &str, step: usize) {
        let Ok(model) = &self.model else { return };
        let panel = &mut self.views.tours;
        let id = match (id.is_empty(), &panel.open) {
            (false, _) => id.to_string(),
            (true, Some(open)) => open.id.clone(),
            (true, None) => match panel.ids().first() {
                Some(first) => first.clone(),
                None => return,
            },
        };
        panel.ensure_open(&id, None);
        panel.apply(TourAction::Save);
        let Some(tour) = panel.tour(&id).cloned() else { return };
        if tour.steps.is_empty() {
            self.views.notice = Some(tr(self.state.ui_lang, "no steps").to_string());
            return;
        }
        let map = panel.map_data(model);
        self.views.presenter = Some(Presenter::new(id, tour, step, map));
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    /// Adds the current map view to the open tour, after its selected step.
    pub fn record_step(&mut self) {
        let lang = self.state.ui_lang;
        let Some(open) = &self.views.tours.open else {
            self.views.notice = Some(tr(lang, "open a tour first").to_string());
            return;
        };
        let id = open.id.clone();
        let step = self.current_map_step();
        self.views.tours.apply(TourAction::AddStep(Box::new(step)));
        let count = self.views.tours.tour(&id).map_or(0, |t| t.steps.len());
        self.views.notice = Some(format!(
            "{} {} ({})",
            tr(lang, "step added to"),
            isolate(&id),
            crate::ui::context::i18n::number(lang, count)
        ));
    }

    /// What the map shows now, as a tour step (caption left empty).
    pub fn current_map_step(&self) -> TourStep {
        self.views.current_map_step(&self.state)
    }
}

/// The map view's current view as a tour step.
fn step_of_map(map: &crate::ui::views::map::MapView) -> TourStep {
    let settings = &map.settings;
    let focus = settings.focus.as_ref().map(|concept| Focus { concept: concept.clone(), depth: settings.depth as u32 });
    let filters = Filters {
        kinds: settings.kinds.iter().map(|k| k.as_str().to_string()).collect(),
        documents: settings.documents.clone(),
        edge_kinds: settings.edge_kinds.iter().map(|k| k.as_str().to_string()).collect(),
        min_weight: settings.min_weight,
    };
    let highlight = Highlight {
        nodes: settings.highlighted_nodes.clone(),
        edges: settings
            .highlighted_edges
            .iter()
            .map(|(a, b)| EdgeRef { source: a.clone(), target: b.clone() })
            .collect(),
    };
    let pinned = map.pins().into_iter().map(|(id, at)| (id, (at.x, at.y))).collect();
    TourStep {
        focus,
        filters,
        highlight,
        camera: Some(crate::export::view::step_camera_of(&map.full_camera())),
        pinned,
        ..TourStep::default()
    }
}
