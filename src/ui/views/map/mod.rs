//! The concept map view: the graph of concepts laid out by the core's force
//! layout, drawn by [`crate::ui::paint::map`], and driven by mouse and keyboard.
//!
//! - The layout steps a bounded amount per frame and asks for repaints only
//!   while it moves, so it settles visibly and then costs nothing.
//! - Drag a node to pin it, double-click it to let it go; pins are saved to
//!   `corpus/layout.ron` (atomically, never over a file that failed to parse)
//!   and loaded at start, so an arranged map comes back the same.
//! - Wheel, pinch, `+`/`-` zoom; dragging the background and the arrow keys pan;
//!   clicking a node opens its concept page, clicking an edge lists the
//!   passages behind it; hovering a node lights its neighbours.
//! - Focus (a concept and its neighbours to depth N, from the address
//!   `map?focus=ID&depth=N` or the toolbar), filters (kinds, a document, edge
//!   kinds, minimum weight), and a search box that flies to a node.
//! - Every drawn node is also a widget labelled with its name (AccessKit), in
//!   a sensible Tab order; arrow keys walk from a node to its neighbours, Enter
//!   opens it.
//!
//! What a tour step sets and reads — focus, filters, highlights, camera,
//! pins — is [`MapSettings`] plus [`MapView::camera`] / [`MapView::set_camera`]
//! and [`MapView::pins`] / [`MapView::set_pins`].
//!
//! The parts: `state` (what the view remembers between frames), `toolbar`,
//! `canvas` (one frame: layout steps, camera, painting, legend, status line),
//! `input` (what a click, a drag or a key does) and `evidence` (the passages
//! behind a chosen edge). The pins are read and written through
//! [`crate::ui::context::layout_store`].

mod canvas;
mod evidence;
mod input;
mod state;
mod toolbar;

use eframe::egui;

use crate::notes::NoteStore;
use crate::ui::context::{Command, ViewContext};
use evidence::evidence_ui;
use toolbar::toolbar_ui;

pub use canvas::map_canvas_ui;

/// Opens the map from anywhere with the keyboard on a node (the top bar's
/// Map button does the same with the mouse).
pub const MAP_SHORTCUT: egui::KeyboardShortcut = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::M);
pub use state::{MapSettings, MapView, layout_config, scene_style};

/// The whole view: toolbar, evidence panel (when an edge is chosen), canvas.
pub fn map_view_ui(
    ui: &mut egui::Ui,
    view: &ViewContext,
    focus: Option<&str>,
    depth: Option<usize>,
    map: &mut MapView,
    notes: &NoteStore,
    commands: &mut Vec<Command>,
) {
    map.prepare(view.model, view.lang);
    map.sync_address(focus, depth);
    if map.noted_stale {
        map.refresh_notes(notes);
    }
    toolbar_ui(ui, view, map, commands);
    if map.selected_edge.is_some() {
        let side =
            if view.lang.is_rtl() { egui::Panel::left("map-evidence") } else { egui::Panel::right("map-evidence") };
        side.resizable(true).default_size(320.0).show(ui, |ui| evidence_ui(ui, view, map, commands));
    }
    map_canvas_ui(ui, view, map, commands);
}
