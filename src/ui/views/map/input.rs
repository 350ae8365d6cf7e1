//! What a click, a drag or a key does on the map: one widget per drawn node
//! (AccessKit name, Tab order, context menu, drag to pin, double-click to
//! unpin, arrow keys to a neighbour) and the background (zoom, pan, clicking an
//! edge to show its evidence).

use eframe::egui::{self, Id, Key, Pos2, Rect, Sense, vec2};

use super::state::{MapView, ZOOM_STEP, keep_in_view, zoom_centre};
use crate::address::Address;
use crate::export::map::MapData;
use crate::graph::{Scene, Vec2, Visibility};
use crate::ui::context::i18n::tr;
use crate::ui::context::{Command, ViewContext};

/// Everything about one frame of the canvas that the input handlers share.
pub(super) struct Frame<'a> {
    pub(super) rect: Rect,
    pub(super) visible: &'a Visibility,
    pub(super) scene: &'a Scene,
}

/// How long a click on a pinned node waits for a second click (which unpins it).
const DOUBLE_CLICK_WAIT: f64 = 0.3;

/// Most nodes given a widget of their own in one frame (the most mentioned
/// of those drawn); the others are hovered and clicked through the scene's hit test.
const MAX_NODE_WIDGETS: usize = 1500;

/// Points the arrow keys pan per press.
const PAN_STEP: f32 = 60.0;

fn node_widget_id(node_id: &str) -> Id {
    Id::unique(("map-node", node_id))
}

/// The drawn node whose widget has `id`.
pub(super) fn node_of_widget(graph: &crate::graph::Graph, scene: &Scene, id: Id) -> Option<usize> {
    scene.nodes.iter().map(|s| s.node).find(|&n| node_widget_id(&graph.nodes()[n].id) == id)
}

/// One interactive widget per drawn node, in Tab order: hover, click, drag,
/// double-click, keyboard. Returns whether a node took the click.
pub(super) fn node_widgets_ui(
    ui: &mut egui::Ui,
    view: &ViewContext,
    map: &mut MapView,
    data: &MapData,
    frame: &Frame,
    commands: &mut Vec<Command>,
) -> bool {
    let graph = &data.graph;
    let mut order: Vec<usize> = (0..frame.scene.nodes.len()).collect();
    if order.len() > MAX_NODE_WIDGETS {
        let mentions = |i: &usize| std::cmp::Reverse(graph.nodes()[frame.scene.nodes[*i].node].mentions);
        order.select_nth_unstable_by_key(MAX_NODE_WIDGETS, mentions);
        order.truncate(MAX_NODE_WIDGETS);
    }
    order.sort_by_key(|&i| tab_key(map, data, frame.scene.nodes[i].node));
    let now = ui.input(|i| i.time);
    if let Some(node) = keyboard_target(map, data, order.iter().map(|&i| frame.scene.nodes[i].node)) {
        map.keyboard_wanted = None;
        map.selected = Some(node);
        map.focus_request = Some(node);
    }
    // Focus asked for last frame; the key that asked is not handled again by the new node.
    let focus_request = map.focus_request.take();
    let mut hovered = None;
    let mut took_click = false;
    for i in order {
        let shape = frame.scene.nodes[i];
        let node = shape.node;
        let centre = frame.rect.min + vec2(shape.centre.x, shape.centre.y);
        let reach = shape.radius.max(6.0) + 2.0;
        let node_rect = Rect::from_center_size(centre, vec2(2.0 * reach, 2.0 * reach)).intersect(frame.rect);
        let id = node_widget_id(&graph.nodes()[node].id);
        let response = ui.interact(node_rect, id, Sense::click_and_drag());
        let name = map.labels.get(node).cloned().unwrap_or_default();
        let name = if shape.is_cluster() {
            let label = crate::i18n::cluster_label(view.lang, &name, shape.members as usize);
            crate::i18n::strip_isolates(&label).into_owned()
        } else {
            name
        };
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
        if response.hovered() && map.dragging.is_none() {
            hovered = Some(node);
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
        }
        if focus_request == Some(node) {
            response.request_focus();
        } else if response.has_focus() {
            keyboard_on_node(ui, map, frame, node, id);
        }
        took_click |= if shape.is_cluster() {
            cluster_pointer(map, &response, shape.centre)
        } else {
            node_pointer(ui, view, map, &response, node, now, commands)
        };
        node_menu(view, map, &response, node, commands);
    }
    if let Some((node, at)) = map.pending_click
        && now - at >= DOUBLE_CLICK_WAIT
    {
        map.pending_click = None;
        commands.push(Command::Navigate(Address::Concept(graph.nodes()[node].id.clone())));
    } else if map.pending_click.is_some() {
        ui.ctx().request_repaint_after(std::time::Duration::from_millis(50));
    }
    map.widget_hovered = hovered;
    took_click
}

/// The node's context menu: open it, focus on it, release its pin.
fn node_menu(
    view: &ViewContext,
    map: &mut MapView,
    response: &egui::Response,
    node: usize,
    commands: &mut Vec<Command>,
) {
    let lang = view.lang;
    let Some(layout) = &map.layout else { return };
    let id = layout.graph().nodes()[node].id.clone();
    let pinned = layout.is_pinned(node);
    let depth = map.settings.depth;
    let mut unpin = false;
    response.context_menu(|ui| {
        if ui.button(tr(lang, "open concept")).clicked() {
            commands.push(Command::Navigate(Address::Concept(id.clone())));
            ui.close();
        }
        if ui.button(tr(lang, "focus here")).clicked() {
            commands.push(Command::Navigate(Address::Map { focus: Some(id.clone()), depth: Some(depth) }));
            ui.close();
        }
        if pinned && ui.button(tr(lang, "unpin")).clicked() {
            unpin = true;
            ui.close();
        }
    });
    if unpin && let Some(layout) = &mut map.layout {
        layout.unpin(node);
        map.save_pins(lang);
    }
}

/// The node the keyboard was asked onto (Ctrl+M), among the nodes `drawn` in
/// Tab order: the wanted concept's, else the selected one, else the first.
/// None when nothing was asked or nothing is drawn yet.
fn keyboard_target(map: &MapView, data: &MapData, drawn: impl Iterator<Item = usize>) -> Option<usize> {
    let wanted = map.keyboard_wanted.as_ref()?;
    let (mut first, mut selected) = (None, None);
    for node in drawn {
        if wanted.concept.as_deref() == Some(data.graph.nodes()[node].id.as_str()) {
            return Some(node);
        }
        first = first.or(Some(node));
        selected = selected.or(map.selected.filter(|&s| s == node));
    }
    selected.or(first)
}

/// Tab order: the focused concept first, then by kind, then the most mentioned.
fn tab_key(map: &MapView, data: &MapData, node: usize) -> (bool, u16, std::cmp::Reverse<u32>, usize) {
    let entry = &data.graph.nodes()[node];
    let is_focus = map.settings.focus.as_deref() == Some(entry.id.as_str());
    (!is_focus, entry.kind, std::cmp::Reverse(entry.mentions), node)
}

/// Click (open, or wait for a double-click on a pinned node), double-click
/// (unpin), drag (move and pin). Returns whether the node took a click.
fn node_pointer(
    ui: &egui::Ui,
    view: &ViewContext,
    map: &mut MapView,
    response: &egui::Response,
    node: usize,
    now: f64,
    commands: &mut Vec<Command>,
) -> bool {
    let Some(layout) = &mut map.layout else { return false };
    let id = layout.graph().nodes()[node].id.clone();
    if response.drag_started() {
        map.dragging = Some(node);
        map.auto_fit = false;
        map.flight = None;
    }
    if response.dragged()
        && map.dragging == Some(node)
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let screen = pointer - map.origin;
        let at = map.camera.world_from_screen(Vec2::new(screen.x, screen.y));
        layout.pin_at(node, at);
        ui.ctx().request_repaint();
    }
    if response.drag_stopped() && map.dragging == Some(node) {
        map.dragging = None;
        map.save_pins(view.lang);
        return true;
    }
    if response.double_clicked() {
        map.pending_click = None;
        layout.unpin(node);
        map.save_pins(view.lang);
        return true;
    }
    if response.clicked() {
        let keyboard = ui.input(|i| i.key_pressed(Key::Enter) || i.key_pressed(Key::Space));
        if layout.is_pinned(node) && !keyboard {
            map.pending_click = Some((node, now));
        } else {
            commands.push(Command::Navigate(Address::Concept(id)));
        }
        return true;
    }
    response.hovered() || response.dragged()
}

/// How much a click on a cluster zooms in: enough for its members to part.
const CLUSTER_ZOOM: f32 = 3.0;

/// A click on a cluster flies in on it; it cannot be dragged. Returns
/// whether it took the click.
fn cluster_pointer(map: &mut MapView, response: &egui::Response, centre: Vec2) -> bool {
    if response.clicked() {
        zoom_into(map, centre);
        return true;
    }
    response.hovered() || response.dragged()
}

/// Starts a flight towards the screen point `centre` (scene coordinates), zoomed in by [`CLUSTER_ZOOM`].
fn zoom_into(map: &mut MapView, centre: Vec2) {
    let at = map.camera.world_from_screen(centre);
    map.flight = Some((at, map.camera.zoom * CLUSTER_ZOOM));
    map.auto_fit = false;
}

/// Arrow keys from a focused node go to the neighbour lying most in that
/// direction; `+`/`-` zoom.
fn keyboard_on_node(ui: &egui::Ui, map: &mut MapView, frame: &Frame, node: usize, id: Id) {
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            id,
            egui::EventFilter { tab: false, horizontal_arrows: true, vertical_arrows: true, escape: false },
        )
    });
    map.selected = Some(node);
    let Some(direction) = arrow_direction(ui) else { return };
    let Some(layout) = &map.layout else { return };
    let graph = layout.graph();
    let from = layout.positions()[node];
    let mut best: Option<(f32, usize)> = None;
    for &e in graph.edges_of(node) {
        let other = graph.edges()[e].other(node);
        // A selected concept draws its on-demand links, so they lead on too.
        if !frame.visible.reachable(e) || !frame.visible.nodes.contains(other) {
            continue;
        }
        let offset = layout.positions()[other] - from;
        let length = offset.length().max(1e-3);
        let alignment = offset.dot(direction) / length;
        // Prefer the best-aligned neighbour, nearer ones a little.
        let score = alignment - 0.1 * (length / layout.config().ideal_length).min(5.0) / 5.0;
        if alignment > 0.2 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, other));
        }
    }
    let Some((_, next)) = best else { return };
    map.selected = Some(next);
    map.focus_request = Some(next);
    keep_in_view(map, next);
}

/// The world direction of an arrow key pressed this frame.
fn arrow_direction(ui: &egui::Ui) -> Option<Vec2> {
    ui.input(|i| {
        let plain = !i.modifiers.any();
        [
            (Key::ArrowLeft, Vec2::new(-1.0, 0.0)),
            (Key::ArrowRight, Vec2::new(1.0, 0.0)),
            (Key::ArrowUp, Vec2::new(0.0, -1.0)),
            (Key::ArrowDown, Vec2::new(0.0, 1.0)),
        ]
        .into_iter()
        .find(|(key, _)| plain && i.key_pressed(*key))
        .map(|(_, d)| d)
    })
}

/// Background input: wheel/pinch zoom, drag to pan, arrows and +/- when the
/// canvas has focus, a click on an edge to show its evidence.
pub(super) fn canvas_input(
    ui: &egui::Ui,
    map: &mut MapView,
    canvas: &egui::Response,
    frame: &Frame,
    node_took_click: bool,
    commands: &mut Vec<Command>,
) {
    // Nodes without a widget of their own (very large maps) are found by the hit test.
    let shape_under = |pos: Pos2| {
        let local = pos - frame.rect.min;
        frame.scene.shape_at(Vec2::new(local.x, local.y), 2.0).copied()
    };
    let node_under = |pos: Pos2| shape_under(pos).map(|shape| shape.node);
    let fallback = if canvas.hovered() { canvas.hover_pos().and_then(node_under) } else { None };
    let hovered = map.widget_hovered.or(fallback).filter(|_| map.dragging.is_none());
    if hovered != map.hovered {
        map.hovered = hovered;
        ui.ctx().request_repaint();
    }
    let pointer_in = ui.rect_contains_pointer(frame.rect);
    if pointer_in {
        let (zoom, scroll, hover) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta, i.pointer.hover_pos()));
        let factor = zoom * (scroll.y / 200.0).exp();
        if (factor - 1.0).abs() > 1e-4
            && let Some(hover) = hover
        {
            let local = hover - frame.rect.min;
            map.camera.zoom_about(Vec2::new(local.x, local.y), factor);
            map.auto_fit = false;
            map.flight = None;
        }
    }
    if canvas.dragged() && map.dragging.is_none() {
        let delta = canvas.drag_delta();
        map.camera.pan_by(Vec2::new(delta.x, delta.y));
        map.auto_fit = false;
        map.flight = None;
    }
    if canvas.has_focus() {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                canvas.id,
                egui::EventFilter { tab: false, horizontal_arrows: true, vertical_arrows: true, escape: false },
            )
        });
        if let Some(direction) = arrow_direction(ui) {
            map.camera.pan_by(direction * -PAN_STEP);
            map.auto_fit = false;
        }
    }
    let keyboard_here = canvas.has_focus() || map.selected.is_some() && ui.memory(|m| m.focused().is_some());
    if (keyboard_here || pointer_in) && !crate::ui::widgets::bidi_edit::editing_text(ui.ctx()) {
        let (plus, minus) =
            ui.input(|i| (i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals), i.key_pressed(Key::Minus)));
        if plus {
            zoom_centre(map, ZOOM_STEP);
        }
        if minus {
            zoom_centre(map, 1.0 / ZOOM_STEP);
        }
    }
    if canvas.clicked() && !node_took_click {
        let pointer = canvas.interact_pointer_pos().unwrap_or(frame.rect.center());
        if let Some(cluster) = shape_under(pointer).filter(|shape| shape.is_cluster()) {
            zoom_into(map, cluster.centre);
            return;
        }
        if let Some(node) = node_under(pointer)
            && let Some(id) = map.layout.as_ref().and_then(|l| l.graph().node(node)).map(|n| n.id.clone())
        {
            commands.push(Command::Navigate(Address::Concept(id)));
            return;
        }
        let local = pointer - frame.rect.min;
        map.selected_edge = frame.scene.edge_at(Vec2::new(local.x, local.y), 4.0);
        map.selected = None;
    }
}
