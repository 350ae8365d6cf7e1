//! What one picture of the map shows: a tour step (or the whole map) resolved
//! against a [`SettledMap`] into node positions, visibility, focus, highlights and
//! a camera, and from there into the scene's primitives.
//!
//! The same resolution serves the exports and the presenter, so a step looks
//! the same on screen, in SVG and in PNG.

use crate::graph::query::{EdgeSet, Filter, NodeSet, Visibility, focus_within, visibility};
use crate::graph::scene::{Emphasis, LabelShape, Scene, SceneInput, SceneState, SceneStyle, build_scene};
use crate::graph::{Camera, NodeGrid, Rect, Vec2};
use crate::tours::{CONCEPT_KINDS, TourStep};

use super::map::SettledMap;

/// Free space around what a fitted camera frames, in points.
pub const FIT_MARGIN: f32 = 48.0;
/// A fitted camera never zooms in further than this (a focus of a few nodes
/// would otherwise fill the page with giant glyphs).
pub const MAX_FIT_ZOOM: f32 = 1.3;

/// A step resolved against a map: everything a picture of it needs.
#[derive(Debug, Clone)]
pub struct StepView {
    /// Node positions with the step's pins applied.
    pub positions: Vec<Vec2>,
    pub visible: Visibility,
    /// The focused node and its neighbourhood, if the step has a focus.
    pub focus_node: Option<usize>,
    pub focus: Option<NodeSet>,
    pub highlight_nodes: NodeSet,
    pub highlight_edges: EdgeSet,
    pub camera: Camera,
}

impl StepView {
    /// The whole map, every node visible, framed to fit `viewport`.
    pub fn whole_map(map: &SettledMap, viewport: Vec2) -> StepView {
        StepView::of_step(map, &TourStep::default(), viewport)
    }

    /// `step` on `map`, seen through a view of `viewport` points. A step
    /// without a camera frames its focus and highlights (or everything
    /// visible); a recorded camera follows them ([`following_nodes`]).
    pub fn of_step(map: &SettledMap, step: &TourStep, viewport: Vec2) -> StepView {
        let graph = &map.data.graph;
        let mut positions = map.positions.clone();
        for (id, &(x, y)) in &step.pinned {
            if let Some(node) = graph.index_of(id)
                && let Some(slot) = positions.get_mut(node)
            {
                *slot = Vec2::new(x, y);
            }
        }
        let visible = visibility(graph, &filter_of(step, graph));
        let focus_node = step.focus.as_ref().and_then(|f| graph.index_of(&f.concept));
        let focus = step.focus.as_ref().zip(focus_node).map(|(f, node)| {
            let depth = usize::try_from(f.depth).unwrap_or(usize::MAX);
            focus_within(graph, node, depth, &visible)
        });
        let highlight_nodes = NodeSet::from_fn(graph.node_count(), |n| {
            step.highlight.nodes.iter().any(|id| graph.index_of(id) == Some(n))
        });
        let highlight_edges = EdgeSet::from_fn(graph.edge_count(), |e| {
            let edge = &graph.edges()[e];
            let (a, b) = (&graph.nodes()[edge.source].id, &graph.nodes()[edge.target].id);
            step.highlight
                .edges
                .iter()
                .any(|r| (&r.source == a && &r.target == b) || (&r.source == b && &r.target == a))
        });
        let shown = shown_nodes(focus.as_ref(), &highlight_nodes, &visible);
        let camera = match step.camera {
            Some(c) => framed_camera(&following_nodes(&c, &positions, &shown), viewport),
            None if shown.is_empty() => fitted_camera(&positions, &visible.nodes, viewport),
            None => fitted_camera(&positions, &shown, viewport),
        };
        StepView { positions, visible, focus_node, focus, highlight_nodes, highlight_edges, camera }
    }

    /// The scene's primitives, with the step's highlights drawn strong and
    /// labelled, and the focused node labelled.
    pub fn scene(&self, map: &SettledMap, style: &SceneStyle) -> Scene {
        let grid = NodeGrid::build(&self.positions);
        let input = SceneInput {
            graph: &map.data.graph,
            positions: &self.positions,
            grid: &grid,
            camera: &self.camera,
            state: SceneState {
                visible: Some(&self.visible),
                focus: self.focus.as_ref(),
                pinned: None,
                hovered: None,
                selected: self.focus_node,
            },
            style,
        };
        let mut scene = build_scene(&input);
        self.emphasise_highlights(&mut scene);
        scene
    }

    fn emphasise_highlights(&self, scene: &mut Scene) {
        for edge in &mut scene.edges {
            if self.highlight_edges.contains(edge.edge) {
                edge.emphasis = Emphasis::Highlighted;
            }
        }
        for node in &mut scene.nodes {
            if self.highlight_nodes.contains(node.node) {
                node.emphasis = Emphasis::Highlighted;
                node.hovered = true;
            }
        }
        scene.nodes.sort_by_key(|shape| (shape.emphasis, shape.node));
        for node in &scene.nodes {
            let labelled = scene.labels.iter().any(|l| l.node == node.node);
            if self.highlight_nodes.contains(node.node) && !labelled {
                let anchor = node.centre + Vec2::new(0.0, node.radius + 2.0);
                scene.labels.push(LabelShape { node: node.node, anchor, emphasis: Emphasis::Highlighted });
            }
        }
        for label in &mut scene.labels {
            if self.highlight_nodes.contains(label.node) {
                label.emphasis = Emphasis::Highlighted;
            }
        }
    }
}

/// The filter a step's filters name (unknown kind names match nothing),
/// with the map's default significance threshold for co-occurrences.
pub fn filter_of(step: &TourStep, graph: &crate::graph::Graph) -> Filter {
    let filters = &step.filters;
    let kinds = |names: &[String], known: &[&str]| -> Option<Vec<u16>> {
        if names.is_empty() {
            return None;
        }
        Some(names.iter().filter_map(|n| known.iter().position(|k| k == n)).map(|i| i as u16).collect())
    };
    let edge_kinds = (!filters.edge_kinds.is_empty())
        .then(|| filters.edge_kinds.iter().filter_map(|name| super::map::edge_code_of_name(name)).collect());
    Filter {
        node_kinds: kinds(&filters.kinds, &CONCEPT_KINDS),
        edge_kinds,
        min_weight: filters.min_weight,
        min_significance: super::map::default_min_significance(graph),
        hide_isolated: false,
    }
}

/// The nodes a step is about: its focus and its highlighted nodes (those
/// the filters let through). Empty for a step about the whole map.
fn shown_nodes(focus: Option<&NodeSet>, highlights: &NodeSet, visible: &Visibility) -> NodeSet {
    let mut shown = focus.cloned().unwrap_or_else(|| NodeSet::empty(highlights.capacity()));
    for node in highlights.iter().filter(|&n| visible.nodes.contains(n)) {
        shown.insert(node);
    }
    shown
}

/// A recorded camera, made to follow the nodes it was recorded to show: kept
/// as it is while its rectangle holds every node of `shown`; when the layout
/// has moved them out of it (a step recorded on an older layout), re-centred
/// on them, as large as before, or larger when they no longer fit.
pub fn following_nodes(camera: &crate::tours::Camera, positions: &[Vec2], shown: &NodeSet) -> crate::tours::Camera {
    let nodes = Rect::bounding(shown.iter().filter_map(|n| positions.get(n).copied()));
    if nodes.is_empty() {
        return *camera;
    }
    let (width, height) = camera.world_size();
    let centre = Vec2::new(camera.center.0, camera.center.1);
    let half = Vec2::new(width, height) * 0.5;
    let recorded = Rect::from_min_max(centre - half, centre + half);
    if recorded.contains(nodes.min) && recorded.contains(nodes.max) {
        return *camera;
    }
    // Room for the nodes' glyphs and labels around them, as a fitted camera leaves.
    let room = nodes.size() * 0.15 + Vec2::new(40.0, 40.0);
    let size = Vec2::new(width.max(nodes.size().x + room.x), height.max(nodes.size().y + room.y));
    let centre = nodes.centre();
    crate::tours::Camera::framing((centre.x, centre.y), (size.x, size.y))
}

/// A step's camera in a view of `viewport` points: its rectangle of the map,
/// whole and centred, as large as the view allows — the same framing at any size.
pub fn framed_camera(camera: &crate::tours::Camera, viewport: Vec2) -> Camera {
    let centre = Vec2::new(camera.center.0, camera.center.1);
    let (width, height) = camera.world_size();
    let half = Vec2::new(width, height) * 0.5;
    let mut framed = Camera::new(centre, 1.0, viewport);
    framed.fit(Rect::from_min_max(centre - half, centre + half), 0.0);
    framed
}

/// The rectangle of the map `camera` shows, as a step's camera.
pub fn step_camera_of(camera: &Camera) -> crate::tours::Camera {
    let size = camera.viewport / camera.zoom;
    crate::tours::Camera::framing((camera.centre.x, camera.centre.y), (size.x, size.y))
}

/// A camera that frames the nodes of `shown` in a view of `viewport` points.
pub fn fitted_camera(positions: &[Vec2], shown: &NodeSet, viewport: Vec2) -> Camera {
    let bounds = Rect::bounding(shown.iter().filter_map(|n| positions.get(n).copied()));
    let mut camera = Camera::new(bounds.centre(), 1.0, viewport);
    if bounds.is_empty() {
        camera.centre = Vec2::ZERO;
        return camera;
    }
    // Leave room for labels under the lowest nodes and for the legend.
    let margin = FIT_MARGIN.min(0.2 * viewport.x.min(viewport.y));
    camera.fit(bounds, margin);
    camera.zoom = camera.zoom.min(MAX_FIT_ZOOM);
    camera
}

/// `to`, with node positions and camera part-way from `from`: `t` runs from 0
/// (where `from` stands) to 1 (`to`), eased in and out. The zoom changes
/// geometrically, so a zoom-in feels even. What is shown and highlighted is
/// `to`'s from the start, so the target's labels ride along.
pub fn blend(from: &StepView, to: &StepView, t: f32) -> StepView {
    let t = ease(t);
    if t >= 1.0 || from.positions.len() != to.positions.len() {
        return to.clone();
    }
    let positions = from.positions.iter().zip(&to.positions).map(|(&a, &b)| a + (b - a) * t).collect();
    let (a, b) = (from.camera, to.camera);
    let zoom = (a.zoom.ln() + (b.zoom.ln() - a.zoom.ln()) * t).exp();
    let camera = Camera::new(a.centre + (b.centre - a.centre) * t, zoom, b.viewport);
    StepView { positions, camera, ..to.clone() }
}

/// Smoothstep easing of `t` clamped to 0–1.
pub fn ease(t: f32) -> f32 {
    let t = if t.is_finite() { t.clamp(0.0, 1.0) } else { 1.0 };
    t * t * (3.0 - 2.0 * t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Localized;
    use crate::export::map::MapData;
    use crate::graph::{EdgeInput, Graph, NodeInput};
    use crate::tours::TourStep;
    use std::sync::Arc;

    fn map() -> SettledMap {
        let node = |id: &str, kind| NodeInput { id: id.into(), kind, mentions: 3 };
        let edge = |a: &str, b: &str| EdgeInput {
            source: a.into(),
            target: b.into(),
            kind: 0,
            weight: 1.0,
            directed: true,
            significance: f32::INFINITY,
        };
        let (graph, _) = Graph::build(
            vec![node("a", 0), node("b", 1), node("c", 2), node("d", 3)],
            vec![edge("a", "b"), edge("b", "c"), edge("c", "d")],
        );
        let positions = vec![Vec2::new(0.0, 0.0), Vec2::new(100.0, 0.0), Vec2::new(200.0, 0.0), Vec2::new(900.0, 0.0)];
        let labels =
            ["a", "b", "c", "d"].iter().map(|l| Localized { en: l.to_string(), ..Localized::default() }).collect();
        let data = MapData { graph: Arc::new(graph), index_edges: vec![0, 1, 2], labels };
        SettledMap::from_parts(data, positions)
    }

    #[test]
    fn a_step_without_camera_frames_its_focus() {
        let map = map();
        let view = StepView::of_step(&map, &TourStep::focused("a", 1), Vec2::new(800.0, 600.0));
        let focus = view.focus.as_ref().unwrap();
        assert_eq!(focus.iter().collect::<Vec<_>>(), [0, 1]);
        let screen = view.camera.screen_rect();
        assert!(screen.contains(view.camera.screen_from_world(map.positions[0])));
        assert!(screen.contains(view.camera.screen_from_world(map.positions[1])));
        assert!(!screen.contains(view.camera.screen_from_world(map.positions[3])), "d is far outside the focus");
    }

    #[test]
    fn filters_pins_and_highlights_apply() {
        let map = map();
        let mut step = TourStep::default();
        step.filters.kinds = vec!["DiplomacyForm".into(), "Threat".into()];
        step.pinned.insert("b".into(), (50.0, 50.0));
        step.highlight.nodes = vec!["b".into()];
        step.camera = Some(crate::tours::Camera::framing((10.0, 20.0), (200.0, 150.0)));
        let view = StepView::of_step(&map, &step, Vec2::new(400.0, 300.0));
        assert_eq!(view.visible.nodes.iter().collect::<Vec<_>>(), [0, 1]);
        assert_eq!(view.positions[1], Vec2::new(50.0, 50.0));
        assert_eq!((view.camera.centre, view.camera.zoom), (Vec2::new(10.0, 20.0), 2.0));
        let scene = view.scene(&map, &SceneStyle::default());
        assert!(scene.nodes.iter().all(|n| n.node < 2), "filtered nodes are not drawn");
        let b = scene.nodes.iter().find(|n| n.node == 1).unwrap();
        assert_eq!(b.emphasis, Emphasis::Highlighted);
        assert!(scene.labels.iter().any(|l| l.node == 1 && l.emphasis == Emphasis::Highlighted));
    }

    #[test]
    fn a_step_frames_the_same_part_of_the_map_at_any_window_size() {
        let map = map();
        let camera = Some(crate::tours::Camera::framing((100.0, 0.0), (240.0, 100.0)));
        let step = TourStep { camera, ..TourStep::default() };
        for viewport in
            [Vec2::new(1280.0, 800.0), Vec2::new(640.0, 480.0), Vec2::new(1920.0, 1080.0), Vec2::new(500.0, 900.0)]
        {
            let camera = StepView::of_step(&map, &step, viewport).camera;
            let shown = camera.visible_world();
            // The whole rectangle is in view and touches two opposite edges of the window.
            assert!(shown.min.x <= -20.0 + 1e-3 && shown.max.x >= 220.0 - 1e-3, "{viewport:?}: {shown:?}");
            assert!(shown.min.y <= -50.0 + 1e-3 && shown.max.y >= 50.0 - 1e-3, "{viewport:?}: {shown:?}");
            let tight_x = (shown.size().x - 240.0).abs() < 1e-2;
            let tight_y = (shown.size().y - 100.0).abs() < 1e-2;
            assert!(tight_x || tight_y, "{viewport:?}: fitted, not just contained: {shown:?}");
            assert!(camera.screen_from_world(Vec2::new(100.0, 0.0)).distance(viewport * 0.5) < 1e-2);
        }
        // Recording a view and showing it again frames the same rectangle.
        let recorded = step_camera_of(&Camera::new(Vec2::new(3.0, 4.0), 2.0, Vec2::new(800.0, 600.0)));
        assert_eq!(recorded, crate::tours::Camera::framing((3.0, 4.0), (400.0, 300.0)));
        let old = crate::tours::Camera { center: (0.0, 0.0), size: None, zoom: Some(2.0) };
        assert_eq!(
            framed_camera(&old, Vec2::new(1280.0, 800.0)).zoom,
            2.0,
            "an old zoom reads as in a 1280×800 window"
        );
    }

    #[test]
    fn blending_runs_from_one_step_to_the_next() {
        let map = map();
        let viewport = Vec2::new(800.0, 600.0);
        let mut first = TourStep::focused("a", 0);
        first.camera = Some(crate::tours::Camera::framing((0.0, 0.0), (800.0, 600.0)));
        let mut second = TourStep::focused("d", 0);
        second.camera = Some(crate::tours::Camera::framing((900.0, 0.0), (200.0, 150.0)));
        second.pinned.insert("a".into(), (0.0, 100.0));
        let (from, to) = (StepView::of_step(&map, &first, viewport), StepView::of_step(&map, &second, viewport));
        let start = blend(&from, &to, 0.0);
        assert_eq!((start.camera.centre, start.camera.zoom), (from.camera.centre, from.camera.zoom));
        assert_eq!(start.positions, from.positions);
        let middle = blend(&from, &to, 0.5);
        assert_eq!(middle.camera.centre, Vec2::new(450.0, 0.0));
        assert!((middle.camera.zoom - 2.0).abs() < 1e-4, "geometric zoom: {}", middle.camera.zoom);
        assert_eq!((from.camera.zoom, to.camera.zoom), (1.0, 4.0));
        assert_eq!(middle.positions[0], Vec2::new(0.0, 50.0));
        assert_eq!(middle.focus_node, Some(3), "the target's focus from the start");
        let end = blend(&from, &to, 1.0);
        assert_eq!(end.positions, to.positions);
        assert!(ease(0.25) < 0.25 && ease(0.75) > 0.75 && ease(f32::NAN) == 1.0);
    }
}
