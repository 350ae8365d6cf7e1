//! The map's canvas, one frame of it: layout stepping within a time budget,
//! the camera following a fit or a flight, the scene built and painted, the
//! legend and the status line.

use eframe::egui::{self, Color32, Id, Pos2, Rect, Sense, pos2};

use super::input::{Frame, canvas_input, node_of_widget, node_widgets_ui};
use super::state::{MapView, highlighted_edges, highlighted_nodes, scene_style};
use crate::export::map::MapData;
use crate::graph::{NodeGrid, NodeSet, Scene, SceneInput, SceneState, Vec2, Visibility, build_scene};
use crate::ui::context::i18n::tr;
use crate::ui::context::{Command, ViewContext};
use crate::ui::paint::map::{LegendContent, MapPaint, legend_size, paint_legend, paint_map, paint_text};

/// Most layout steps run in one frame.
const STEPS_PER_FRAME: usize = 6;

/// Stop stepping within a frame after this long.
const STEP_BUDGET: std::time::Duration = std::time::Duration::from_millis(6);

/// Free space around the fitted map, in points (room for labels).
const FIT_MARGIN: f32 = 48.0;

/// A focus of at most this many nodes labels all of them.
const MAX_FORCED_LABELS: usize = 60;

/// The map itself: layout stepping, camera, drawing, and input.
pub fn map_canvas_ui(ui: &mut egui::Ui, view: &ViewContext, map: &mut MapView, commands: &mut Vec<Command>) {
    map.prepare(view.model, view.lang);
    let rect = ui.available_rect_before_wrap();
    let canvas_id = Id::unique("map-canvas");
    let canvas = ui.interact(rect, canvas_id, Sense::click_and_drag());
    ui.advance_cursor_after_rect(rect);
    canvas.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Canvas, true, tr(view.lang, "concept map")));
    map.camera.viewport = Vec2::new(rect.width().max(1.0), rect.height().max(1.0));
    map.origin = rect.min;
    let Some(data) = map.data.clone() else { return };
    let visible = map.visibility(view.model, &data);
    let focus = map.focus_set(&data, &visible);
    step_layout(ui.ctx(), map);
    let legend = legend_rect(&ui.painter_at(rect), view, map, &data, rect);
    follow_camera(ui.ctx(), map, &visible, focus.as_ref(), fit_area(rect, legend));
    let Some(layout) = &map.layout else { return };
    let grid = NodeGrid::build(layout.positions());
    let style = scene_style();
    // The node walked to by keyboard or found by search, else the focused concept.
    let focus_node = map.settings.focus.as_deref().and_then(|id| data.graph.index_of(id));
    let keyboard = map.selected.or(focus_node).filter(|&n| visible.nodes.contains(n));
    let input = SceneInput {
        graph: &data.graph,
        positions: layout.positions(),
        grid: &grid,
        camera: &map.camera,
        state: SceneState {
            visible: Some(&visible),
            focus: focus.as_ref(),
            pinned: Some(layout.pinned()),
            hovered: map.hovered.or(map.dragging),
            selected: keyboard,
        },
        style: &style,
    };
    let scene = build_scene(&input);
    let highlighted_nodes = highlighted_nodes(map, &data, &visible);
    let highlighted_edges = highlighted_edges(map, &data);
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, if view.dark { Color32::from_gray(24) } else { Color32::from_gray(250) });
    let focused_node = ui.memory(|m| m.focused()).and_then(|id| node_of_widget(&data.graph, &scene, id));
    let paint = MapPaint {
        graph: &data.graph,
        scene: &scene,
        origin: rect.min,
        labels: &map.labels,
        noted: Some(&map.noted),
        labelled: focus.as_ref().filter(|f| f.len() <= MAX_FORCED_LABELS),
        highlighted_nodes: highlighted_nodes.as_ref(),
        highlighted_edges: highlighted_edges.as_ref(),
        focused: focused_node,
        selected_edge: map.selected_edge,
        dark: view.dark,
        lang: view.lang,
        label_size: 13.0,
        reserved: legend.as_slice(),
    };
    paint_map(&painter, &paint);
    paint_overlays(&painter, view, map, &data, &scene, rect, legend);
    let frame = Frame { rect, visible: &visible, scene: &scene };
    let node_clicked = node_widgets_ui(ui, view, map, &data, &frame, commands);
    canvas_input(ui, map, &canvas, &frame, node_clicked, commands);
    if canvas.has_focus() {
        ui.painter().rect_stroke(rect.shrink(1.0), 0.0, ui.visuals().selection.stroke, egui::StrokeKind::Inside);
    }
}

/// Runs a few layout steps within the frame's budget; asks for another frame while moving.
fn step_layout(ctx: &egui::Context, map: &mut MapView) {
    let Some(layout) = &mut map.layout else { return };
    let started = std::time::Instant::now();
    for _ in 0..STEPS_PER_FRAME {
        if layout.step().settled || started.elapsed() > STEP_BUDGET {
            break;
        }
    }
    if !layout.is_settled() {
        ctx.request_repaint();
    }
}

/// Fits the view (into `area`, scene coordinates) while auto-fitting, and moves along a flight.
fn follow_camera(
    ctx: &egui::Context,
    map: &mut MapView,
    visible: &Visibility,
    focus: Option<&NodeSet>,
    area: crate::graph::Rect,
) {
    let Some(layout) = &map.layout else { return };
    if map.auto_fit {
        let shown = |n: &usize| visible.nodes.contains(*n) && focus.is_none_or(|f| f.contains(*n));
        let bounds =
            crate::graph::Rect::bounding((0..layout.positions().len()).filter(shown).map(|n| layout.positions()[n]));
        let bounds = if bounds.is_empty() { layout.bounds() } else { bounds };
        map.camera.fit_in(bounds, area);
        return;
    }
    let Some((target, zoom)) = map.flight else { return };
    let camera = &mut map.camera;
    camera.centre = camera.centre + (target - camera.centre) * 0.25;
    camera.zoom += (zoom - camera.zoom) * 0.25;
    if camera.centre.distance(target) * camera.zoom < 0.5 && (camera.zoom - zoom).abs() < 0.01 {
        camera.centre = target;
        camera.zoom = zoom;
        map.flight = None;
    } else {
        ctx.request_repaint();
    }
}

/// The legend and the status line.
/// Where the legend goes: the bottom corner on the reading side's far end
/// (left in fa/ar, right in en); `None` when it is hidden.
fn legend_rect(painter: &egui::Painter, view: &ViewContext, map: &MapView, data: &MapData, rect: Rect) -> Option<Rect> {
    if !map.show_legend {
        return None;
    }
    let content = LegendContent::of_graph(&data.graph, view.lang, true);
    let size = legend_size(painter, &content);
    let corner = if view.lang.is_rtl() {
        pos2(rect.left() + 8.0, rect.bottom() - size.y - 8.0)
    } else {
        pos2(rect.right() - size.x - 8.0, rect.bottom() - size.y - 8.0)
    };
    Some(Rect::from_min_size(corner, size))
}

/// The part of the canvas a fitted map goes in (scene coordinates): the
/// canvas less [`FIT_MARGIN`] all round and less the legend's side strip.
fn fit_area(rect: Rect, legend: Option<Rect>) -> crate::graph::Rect {
    let mut area = rect.shrink(FIT_MARGIN);
    if let Some(legend) = legend.filter(|l| l.width() < 0.4 * rect.width()) {
        if legend.center().x < rect.center().x {
            area.min.x = area.min.x.max(legend.right() + 8.0);
        } else {
            area.max.x = area.max.x.min(legend.left() - 8.0);
        }
    }
    let local = |p: Pos2| Vec2::new(p.x - rect.min.x, p.y - rect.min.y);
    crate::graph::Rect::from_min_max(local(area.min), local(area.max))
}

fn paint_overlays(
    painter: &egui::Painter,
    view: &ViewContext,
    map: &MapView,
    data: &MapData,
    scene: &Scene,
    rect: Rect,
    legend: Option<Rect>,
) {
    if let Some(legend) = legend {
        let content = LegendContent::of_graph(&data.graph, view.lang, true);
        paint_legend(painter, legend.min, &content, view.dark);
    }
    let status = status_text(view, map, data, scene);
    if !status.is_empty() {
        let style = crate::ui::widgets::bidi_text::BidiTextStyle::new(
            egui::FontId::proportional(12.0),
            if view.dark { Color32::from_gray(200) } else { Color32::from_gray(60) },
        );
        let (at, anchor) = if view.lang.is_rtl() {
            (pos2(rect.right() - 8.0, rect.bottom() - 8.0), egui::Align2::RIGHT_BOTTOM)
        } else {
            (pos2(rect.left() + 8.0, rect.bottom() - 8.0), egui::Align2::LEFT_BOTTOM)
        };
        let halo = if view.dark { Color32::from_black_alpha(160) } else { Color32::from_white_alpha(200) };
        paint_text(painter, at, anchor, &status, &style, Some(halo));
    }
}

/// The status line: the node or cluster under the pointer (or with focus),
/// layout state, save messages.
fn status_text(view: &ViewContext, map: &MapView, data: &MapData, scene: &Scene) -> String {
    let lang = view.lang;
    let mut parts = Vec::new();
    let hovered_cluster = map.hovered.and_then(|node| Some((node, scene.members_of(node)?))).filter(|&(_, n)| n > 1);
    if let Some((node, members)) = hovered_cluster {
        let name = data.label(node, lang);
        parts.push(format!(
            "{} · {}",
            crate::i18n::cluster_label(lang, name, members as usize),
            tr(lang, "cluster help")
        ));
    } else if let Some(node) = map.hovered.or(map.selected) {
        let concept = &view.model.corpus.catalog.concepts[node];
        let pinned = map.layout.as_ref().is_some_and(|l| l.is_pinned(node));
        let mut text = format!(
            "{} · {} · {}: {}",
            concept.labels.get_or_any(lang),
            tr(lang, concept.kind.as_str()),
            tr(lang, "mentions"),
            data.graph.node(node).map_or(0, |n| n.mentions)
        );
        if pinned {
            text.push_str(&format!(" · {}", tr(lang, "pinned help")));
        }
        parts.push(text);
    }
    if map.is_moving() {
        parts.push(tr(lang, "layout settling").to_string());
    }
    if let Some(message) = &map.save_message {
        parts.push(message.clone());
    }
    parts.join("   ")
}
