//! The map view's frame: culling (nothing visible dropped, nothing off screen
//! kept), label level of detail, emphasis, hit testing and camera math.

use std::collections::HashSet;
use std::sync::Arc;

use diplomap::graph::rng::Rng;
use diplomap::graph::scene::screen_radius;
use diplomap::graph::*;
use proptest::prelude::*;

struct Fixture {
    graph: Arc<Graph>,
    positions: Vec<Vec2>,
    grid: NodeGrid,
    style: SceneStyle,
}

impl Fixture {
    fn clustered(nodes: usize, edges: usize) -> Self {
        let (nodes, edges) = synthetic::clustered(nodes, edges, 5);
        let (graph, _) = Graph::build(nodes, edges);
        let mut layout = Layout::new(Arc::new(graph), LayoutConfig::default());
        layout.run(60);
        Fixture::from_positions(layout.graph().clone(), layout.positions().to_vec())
    }

    fn from_positions(graph: Arc<Graph>, positions: Vec<Vec2>) -> Self {
        let grid = NodeGrid::build(&positions);
        Fixture { graph, positions, grid, style: SceneStyle::default() }
    }

    fn input<'a>(&'a self, camera: &'a Camera, state: SceneState<'a>) -> SceneInput<'a> {
        SceneInput {
            graph: &self.graph,
            positions: &self.positions,
            grid: &self.grid,
            camera,
            state,
            style: &self.style,
        }
    }

    fn bounds(&self) -> Rect {
        Rect::bounding(self.positions.iter().copied())
    }
}

/// Two nodes far apart joined by a directed edge, a third alone; all of kind 0.
fn three_nodes() -> Fixture {
    let nodes = ["a", "b", "c"].map(|id| NodeInput { id: id.into(), kind: 0, mentions: 0 }).to_vec();
    let edges = vec![EdgeInput {
        source: "a".into(),
        target: "b".into(),
        kind: 2,
        weight: 1.0,
        directed: true,
        significance: f32::INFINITY,
    }];
    let (graph, _) = Graph::build(nodes, edges);
    Fixture::from_positions(Arc::new(graph), vec![Vec2::new(0.0, 0.0), Vec2::new(200.0, 0.0), Vec2::new(0.0, 150.0)])
}

fn cameras(fixture: &Fixture) -> Vec<Camera> {
    let mut full = Camera::new(Vec2::ZERO, 1.0, Vec2::new(900.0, 600.0));
    full.fit(fixture.bounds(), 10.0);
    let mut rng = Rng::new(17);
    let mut cameras = vec![full];
    for _ in 0..12 {
        let mut camera = full;
        let point = Vec2::new(rng.range_f32(0.0, 900.0), rng.range_f32(0.0, 600.0));
        camera.zoom_about(point, rng.range_f32(0.5, 12.0));
        cameras.push(camera);
    }
    cameras
}

#[test]
fn culling_keeps_exactly_the_nodes_that_touch_the_view() {
    let fixture = Fixture::clustered(1500, 4000);
    for camera in cameras(&fixture) {
        let scene = build_scene(&fixture.input(&camera, SceneState::default()));
        let drawn: HashSet<usize> = scene.nodes.iter().map(|n| n.node).collect();
        assert_eq!(drawn.len(), scene.nodes.len(), "a node drawn twice");
        for (node, data) in fixture.graph.nodes().iter().enumerate() {
            let centre = camera.screen_from_world(fixture.positions[node]);
            let radius = screen_radius(data.size, camera.zoom, &fixture.style);
            let touches = camera.screen_rect().touches_circle(centre, radius);
            assert_eq!(drawn.contains(&node), touches, "node {node} at {centre:?} r {radius} camera {camera:?}");
        }
    }
}

#[test]
fn culling_keeps_every_visible_edge_and_drops_far_ones() {
    let fixture = Fixture::clustered(1500, 4000);
    let style = &fixture.style;
    let mut dropped_some = false;
    for camera in cameras(&fixture) {
        let scene = build_scene(&fixture.input(&camera, SceneState::default()));
        let drawn: HashSet<usize> = scene.edges.iter().map(|e| e.edge).collect();
        let margin = style.max_edge_width + 2.0 * style.arrow_length;
        for (index, edge) in fixture.graph.edges().iter().enumerate() {
            let a = camera.screen_from_world(fixture.positions[edge.source]);
            let b = camera.screen_from_world(fixture.positions[edge.target]);
            let nodes = fixture.graph.nodes();
            let overlap = a.distance(b)
                <= screen_radius(nodes[edge.source].size, camera.zoom, style)
                    + screen_radius(nodes[edge.target].size, camera.zoom, style);
            if drawn.contains(&index) {
                assert!(camera.screen_rect().expanded(margin + 1.0).touches_segment(a, b), "edge {index} off screen");
            } else {
                let on_screen = camera.screen_rect().touches_segment(a, b);
                assert!(overlap || !on_screen, "visible edge {index} dropped");
                dropped_some |= !on_screen;
            }
        }
    }
    assert!(dropped_some, "zoomed-in cameras should cull some edges");
}

#[test]
fn edges_end_at_node_rims_with_arrowheads_only_when_directed() {
    let fixture = three_nodes();
    let camera = Camera::new(Vec2::new(100.0, 75.0), 1.0, Vec2::new(400.0, 300.0));
    let scene = build_scene(&fixture.input(&camera, SceneState::default()));
    assert_eq!(scene.nodes.len(), 3);
    let [edge] = scene.edges[..] else { panic!("{:?}", scene.edges) };
    let radius = screen_radius(1.0, 1.0, &fixture.style);
    assert_eq!(edge.kind, 2);
    // Node a is at screen (100, 75), node b at (300, 75).
    assert_eq!(edge.from, Vec2::new(100.0 + radius, 75.0));
    let [tip, left, right] = edge.arrow.expect("directed edge has an arrowhead");
    assert_eq!(tip, Vec2::new(300.0 - radius, 75.0));
    assert!(left.x < tip.x && right.x < tip.x && left.y != right.y);
    assert!((edge.to.x - left.x).abs() < 1e-4, "the line stops at the arrowhead's base");
}

#[test]
fn edge_width_grows_with_weight() {
    let nodes = ["a", "b", "c", "d"].map(|id| NodeInput { id: id.into(), kind: 0, mentions: 0 }).to_vec();
    let edge = |s: &str, t: &str, weight| EdgeInput {
        source: s.into(),
        target: t.into(),
        kind: 0,
        weight,
        directed: false,
        significance: 1.0,
    };
    let (graph, _) = Graph::build(nodes, vec![edge("a", "b", 1.0), edge("c", "d", 9.0)]);
    let positions = vec![Vec2::new(0.0, 0.0), Vec2::new(100.0, 0.0), Vec2::new(0.0, 50.0), Vec2::new(100.0, 50.0)];
    let fixture = Fixture::from_positions(Arc::new(graph), positions);
    let camera = Camera::new(Vec2::new(50.0, 25.0), 2.0, Vec2::new(400.0, 300.0));
    let scene = build_scene(&fixture.input(&camera, SceneState::default()));
    assert_eq!(scene.edges.len(), 2);
    assert!(scene.edges[0].width < scene.edges[1].width);
    assert_eq!(scene.edges[1].width, fixture.style.max_edge_width);
    assert!(scene.edges.iter().all(|e| e.arrow.is_none()));
}

#[test]
fn zoomed_out_only_big_hovered_and_selected_nodes_get_labels() {
    let fixture = Fixture::clustered(1500, 4000);
    let mut camera = Camera::new(Vec2::ZERO, 1.0, Vec2::new(900.0, 600.0));
    camera.fit(fixture.bounds(), 10.0);
    let state = SceneState { hovered: Some(10), selected: Some(20), ..SceneState::default() };
    let scene = build_scene(&fixture.input(&camera, state));
    assert!(scene.nodes.len() > 1000);
    let labelled: Vec<usize> = scene.labels.iter().map(|l| l.node).collect();
    assert!(labelled.contains(&10) && labelled.contains(&20));
    let big = fixture.style.big_node_share * fixture.graph.max_size();
    for label in &scene.labels {
        let size = fixture.graph.nodes()[label.node].size;
        assert!(label.node == 10 || label.node == 20 || size >= big);
    }
    let big_nodes = fixture.graph.nodes().iter().filter(|n| n.size >= big).count();
    assert!(scene.labels.len() > 2 && scene.labels.len() <= big_nodes + 2, "{} labels", scene.labels.len());
}

#[test]
fn zoomed_in_labels_appear_at_most_one_per_cell() {
    let fixture = Fixture::clustered(1500, 4000);
    let mut camera = Camera::new(Vec2::ZERO, 1.0, Vec2::new(900.0, 600.0));
    camera.fit(fixture.bounds(), 10.0);
    camera.zoom_about(Vec2::new(450.0, 300.0), 8.0);
    let scene = build_scene(&fixture.input(&camera, SceneState::default()));
    assert!(scene.labels.len() > 10, "only {} labels", scene.labels.len());
    let cell = fixture.style.label_cell;
    let mut cells = HashSet::new();
    for label in &scene.labels {
        let key = ((label.anchor.x / cell.x) as i32, (label.anchor.y / cell.y) as i32);
        assert!(cells.insert(key), "two labels in cell {key:?}");
        assert!(camera.screen_rect().contains(label.anchor));
    }
    // More important nodes (bigger, more relations) win their cell: every
    // label beats the unlabelled nodes sharing its cell.
    let labelled: HashSet<usize> = scene.labels.iter().map(|l| l.node).collect();
    let importance = |node: usize| diplomap::graph::scene::label_importance(&fixture.graph, node);
    for label in &scene.labels {
        let size = importance(label.node);
        for shape in &scene.nodes {
            let anchor = shape.centre + Vec2::new(0.0, shape.radius + fixture.style.label_gap);
            let same_cell = ((anchor.x / cell.x) as i32, (anchor.y / cell.y) as i32)
                == ((label.anchor.x / cell.x) as i32, (label.anchor.y / cell.y) as i32);
            if same_cell && camera.screen_rect().contains(anchor) && !labelled.contains(&shape.node) {
                assert!(importance(shape.node) <= size, "{shape:?} beat by {label:?}");
            }
        }
    }
}

#[test]
fn focus_dims_the_rest_and_filters_hide_it() {
    let fixture = three_nodes();
    let camera = Camera::new(Vec2::new(100.0, 75.0), 1.0, Vec2::new(400.0, 300.0));
    let focused = focus(&fixture.graph, 0, 1);
    let scene = build_scene(&fixture.input(&camera, SceneState { focus: Some(&focused), ..SceneState::default() }));
    let emphasis: Vec<(usize, Emphasis)> = scene.nodes.iter().map(|n| (n.node, n.emphasis)).collect();
    assert_eq!(emphasis, [(2, Emphasis::Dimmed), (0, Emphasis::Normal), (1, Emphasis::Normal)]);
    assert_eq!(scene.edges[0].emphasis, Emphasis::Normal);

    let mut visible = Visibility::all(&fixture.graph);
    visible.nodes.remove(1);
    let state = SceneState { visible: Some(&visible), hovered: Some(0), ..SceneState::default() };
    let scene = build_scene(&fixture.input(&camera, state));
    assert_eq!(scene.nodes.iter().map(|n| n.node).collect::<Vec<_>>(), [2, 0]);
    assert!(scene.edges.is_empty(), "an edge to a hidden node is hidden");
    assert!(scene.nodes[1].hovered && scene.nodes[1].emphasis == Emphasis::Highlighted);
}

#[test]
fn hit_testing_finds_nodes_and_edges_under_the_cursor() {
    let fixture = three_nodes();
    let camera = Camera::new(Vec2::new(100.0, 75.0), 1.0, Vec2::new(400.0, 300.0));
    let input = fixture.input(&camera, SceneState::default());
    let scene = build_scene(&input);
    let a = camera.screen_from_world(fixture.positions[0]);
    assert_eq!(node_at(&input, a, 0.0), Some(0));
    assert_eq!(node_at(&input, a + Vec2::new(7.0, 0.0), 0.0), None, "radius is 6");
    assert_eq!(node_at(&input, a + Vec2::new(7.0, 0.0), 2.0), Some(0));
    assert_eq!(scene.node_at(a + Vec2::new(3.0, 3.0), 0.0), Some(0));
    assert_eq!(node_at(&input, Vec2::new(200.0, 200.0), 3.0), None);

    let middle = camera.screen_from_world(Vec2::new(100.0, 0.0));
    assert_eq!(scene.edge_at(middle + Vec2::new(0.0, 2.5), 3.0), Some(0));
    assert_eq!(scene.edge_at(middle + Vec2::new(0.0, 6.0), 3.0), None);

    let mut visible = Visibility::all(&fixture.graph);
    visible.nodes.remove(0);
    let hidden = fixture.input(&camera, SceneState { visible: Some(&visible), ..SceneState::default() });
    assert_eq!(node_at(&hidden, a, 0.0), None);
}

#[test]
fn grid_hit_test_agrees_with_the_drawn_scene() {
    let fixture = Fixture::clustered(1500, 4000);
    for camera in cameras(&fixture) {
        let input = fixture.input(&camera, SceneState::default());
        let scene = build_scene(&input);
        let mut rng = Rng::new(3);
        for _ in 0..200 {
            let point = Vec2::new(rng.range_f32(0.0, 900.0), rng.range_f32(0.0, 600.0));
            assert_eq!(node_at(&input, point, 2.0), scene.node_at(point, 2.0), "at {point:?}");
        }
    }
}

#[test]
fn mismatched_positions_give_an_empty_scene() {
    let fixture = three_nodes();
    let camera = Camera::default();
    let short = [Vec2::ZERO];
    let input = SceneInput { positions: &short, ..fixture.input(&camera, SceneState::default()) };
    assert_eq!(build_scene(&input), Scene::default());
    assert_eq!(node_at(&input, Vec2::ZERO, 5.0), None);
}

#[test]
fn fit_shows_the_whole_bounds_inside_the_margin() {
    let mut camera = Camera::new(Vec2::ZERO, 1.0, Vec2::new(800.0, 600.0));
    let bounds = Rect::from_min_max(Vec2::new(-1000.0, 50.0), Vec2::new(3000.0, 450.0));
    camera.fit(bounds, 20.0);
    assert_eq!(camera.zoom, 760.0 / 4000.0);
    assert_eq!(camera.screen_from_world(bounds.centre()), Vec2::new(400.0, 300.0));
    let inner = camera.screen_rect().expanded(-19.99);
    assert!(inner.contains(camera.screen_from_world(bounds.min)));
    assert!(inner.contains(camera.screen_from_world(bounds.max)));
    let before = camera;
    camera.fit(Rect::NOTHING, 20.0);
    assert_eq!(camera, before, "fitting nothing changes nothing");
}

fn close(a: Vec2, b: Vec2, scale: f32) -> bool {
    (a - b).length() <= 1e-3 * scale.max(1.0)
}

proptest! {
    #[test]
    fn world_and_screen_round_trip(
        cx in -1e4f32..1e4, cy in -1e4f32..1e4, zoom in 1e-3f32..1e2,
        w in 10f32..4000.0, h in 10f32..3000.0, x in -1e4f32..1e4, y in -1e4f32..1e4,
    ) {
        let camera = Camera::new(Vec2::new(cx, cy), zoom, Vec2::new(w, h));
        let world = Vec2::new(x, y);
        let back = camera.world_from_screen(camera.screen_from_world(world));
        prop_assert!(close(back, world, 1e4 + 1e4 / zoom), "{world:?} -> {back:?}");
        let screen = Vec2::new(x.abs() % w, y.abs() % h);
        let again = camera.screen_from_world(camera.world_from_screen(screen));
        prop_assert!(close(again, screen, 1e4 * zoom), "{screen:?} -> {again:?}");
    }

    #[test]
    fn zooming_keeps_the_point_under_the_cursor(
        cx in -1e3f32..1e3, cy in -1e3f32..1e3, zoom in 1e-2f32..10.0,
        px in 0f32..800.0, py in 0f32..600.0, factor in 0.1f32..10.0,
    ) {
        let mut camera = Camera::new(Vec2::new(cx, cy), zoom, Vec2::new(800.0, 600.0));
        let cursor = Vec2::new(px, py);
        let anchor = camera.world_from_screen(cursor);
        camera.zoom_about(cursor, factor);
        prop_assert!((camera.zoom - (zoom * factor).clamp(camera::MIN_ZOOM, camera::MAX_ZOOM)).abs() <= 1e-5 * camera.zoom);
        let moved = camera.screen_from_world(anchor);
        prop_assert!(close(moved, cursor, 1e3 * camera.zoom), "{cursor:?} -> {moved:?}");
    }

    #[test]
    fn panning_moves_the_world_with_the_drag(dx in -500f32..500.0, dy in -500f32..500.0, zoom in 0.05f32..20.0) {
        let mut camera = Camera::new(Vec2::new(10.0, -20.0), zoom, Vec2::new(800.0, 600.0));
        let world = Vec2::new(33.0, 44.0);
        let before = camera.screen_from_world(world);
        camera.pan_by(Vec2::new(dx, dy));
        let after = camera.screen_from_world(world);
        prop_assert!(close(after - before, Vec2::new(dx, dy), 1e2));
    }
}

/// The fixture drawn with clusters above `above` drawn nodes.
fn clustering(nodes: usize, edges: usize, above: usize) -> Fixture {
    let mut fixture = Fixture::clustered(nodes, edges);
    fixture.style.cluster_above = above;
    fixture
}

fn fitted(fixture: &Fixture) -> Camera {
    let mut camera = Camera::new(Vec2::ZERO, 1.0, Vec2::new(900.0, 600.0));
    camera.fit(fixture.bounds(), 10.0);
    camera
}

#[test]
fn a_crowded_view_draws_clusters_that_stand_for_every_node_once() {
    let fixture = clustering(3000, 8000, 500);
    let camera = fitted(&fixture);
    let plain = {
        let mut unclustered = clustering(3000, 8000, usize::MAX);
        unclustered.positions = fixture.positions.clone();
        unclustered.grid = NodeGrid::build(&unclustered.positions);
        build_scene(&unclustered.input(&camera, SceneState::default()))
    };
    let scene = build_scene(&fixture.input(&camera, SceneState::default()));
    assert!(scene.nodes.iter().any(NodeShape::is_cluster), "3000 nodes in view are clustered");
    assert!(scene.nodes.len() < plain.nodes.len() / 3, "{} shapes for {} nodes", scene.nodes.len(), plain.nodes.len());
    let members: u32 = scene.nodes.iter().map(|s| s.members).sum();
    assert_eq!(members as usize, plain.nodes.len(), "every drawn node is in exactly one shape");
    let named: HashSet<usize> = scene.nodes.iter().map(|s| s.node).collect();
    assert_eq!(named.len(), scene.nodes.len(), "each shape is named after a different node");
    assert!(
        scene.edges.len() < plain.edges.len(),
        "edges meet at clusters: {} of {}",
        scene.edges.len(),
        plain.edges.len()
    );
}

#[test]
fn edges_touching_clusters_are_drawn_once_per_pair_of_shapes_and_never_inside_one() {
    let fixture = clustering(3000, 8000, 500);
    let camera = fitted(&fixture);
    let scene = build_scene(&fixture.input(&camera, SceneState::default()));
    let mut pairs = HashSet::new();
    for shape in &scene.edges {
        let edge = &fixture.graph.edges()[shape.edge];
        let (Some(a), Some(b)) = (scene.shape_of(edge.source), scene.shape_of(edge.target)) else { continue };
        assert_ne!(a, b, "an edge inside one cluster is not drawn");
        if scene.nodes[a].is_cluster() || scene.nodes[b].is_cluster() {
            assert!(pairs.insert((a.min(b), a.max(b))), "one edge between shapes {a} and {b}");
        }
    }
    assert!(!pairs.is_empty(), "some edges touch clusters");
}

#[test]
fn clusters_stay_put_while_the_camera_pans() {
    let fixture = clustering(3000, 8000, 500);
    let camera = fitted(&fixture);
    let mut panned = camera;
    panned.pan_by(Vec2::new(7.0, -3.0));
    let members = |camera: &Camera| -> Vec<(usize, u32)> {
        let scene = build_scene(&fixture.input(camera, SceneState::default()));
        let screen = camera.screen_rect().expanded(-60.0);
        let mut kept: Vec<(usize, u32)> = scene
            .nodes
            .iter()
            .filter(|s| s.is_cluster() && screen.contains(s.centre))
            .map(|s| (s.node, s.members))
            .collect();
        kept.sort_unstable();
        kept
    };
    let (before, after) = (members(&camera), members(&panned));
    let common = before.iter().filter(|c| after.contains(c)).count();
    assert!(common * 10 >= before.len() * 9, "{common} of {} clusters well inside the view unchanged", before.len());
}

#[test]
fn the_selected_node_and_a_focus_come_out_of_their_clusters() {
    let fixture = clustering(3000, 8000, 500);
    let camera = fitted(&fixture);
    let mut focus = NodeSet::empty(fixture.graph.node_count());
    for node in [10, 11, 12] {
        focus.insert(node);
    }
    let state = SceneState { focus: Some(&focus), selected: Some(42), ..SceneState::default() };
    let scene = build_scene(&fixture.input(&camera, state));
    for node in [10, 11, 12, 42] {
        let shape = scene.nodes.iter().find(|s| s.node == node).expect("drawn as itself");
        assert_eq!(shape.members, 1, "node {node}");
    }
}

#[test]
fn the_default_style_never_clusters() {
    let fixture = Fixture::clustered(3000, 8000);
    let camera = fitted(&fixture);
    let scene = build_scene(&fixture.input(&camera, SceneState::default()));
    assert!(scene.nodes.iter().all(|s| s.members == 1));
}
