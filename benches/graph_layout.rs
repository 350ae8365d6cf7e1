//! Benchmarks of the graph core on a generated clustered graph of 10,000 nodes
//! and 30,000 edges: one layout step, and one frame of scene building (culling
//! and label level of detail) at full view and at a zoom showing about a
//! quarter of the graph. Budget: 8 ms each.

use std::sync::Arc;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use diplomap::export::map::map_layout_config;
use diplomap::graph::{
    Camera, Graph, Layout, LayoutConfig, NodeGrid, SceneInput, SceneState, SceneStyle, Vec2, build_scene, synthetic,
};

const NODES: usize = 10_000;
const EDGES: usize = 30_000;
/// Steps run before measuring, so the graph has its clustered shape.
const WARM_UP_STEPS: usize = 150;

fn warmed_layout() -> Layout {
    let (nodes, edges) = synthetic::clustered(NODES, EDGES, 42);
    let (graph, _) = Graph::build(nodes, edges);
    let mut layout = Layout::new(Arc::new(graph), LayoutConfig::default());
    layout.run(WARM_UP_STEPS);
    layout
}

fn bench_layout_step(c: &mut Criterion, layout: &Layout) {
    let mut layout = layout.clone();
    step_bench(c, "layout_step_10k_nodes_30k_edges", &mut layout);
    // The concept map's own settings: room for each node's glyph (collision) on top.
    let mut map_layout = Layout::seeded(layout.graph().clone(), map_layout_config(), &layout.positions_by_id());
    map_layout.run(20);
    step_bench(c, "layout_step_map_settings_10k_nodes_30k_edges", &mut map_layout);
}

fn step_bench(c: &mut Criterion, name: &str, layout: &mut Layout) {
    c.bench_function(name, |b| {
        b.iter(|| {
            if layout.is_settled() {
                layout.reheat(0.2);
            }
            layout.step()
        })
    });
}

fn bench_scene(c: &mut Criterion, layout: &Layout) {
    let grid = NodeGrid::build(layout.positions());
    let style = SceneStyle::default();
    let viewport = Vec2::new(1600.0, 1000.0);
    let mut full = Camera::new(Vec2::ZERO, 1.0, viewport);
    full.fit(layout.bounds(), 20.0);
    let quarter = zoomed_to_show(&full, layout, &grid, &style, NODES / 4);
    for (name, camera) in [("scene_full_view", full), ("scene_quarter_view", quarter)] {
        let input = SceneInput {
            graph: layout.graph(),
            positions: layout.positions(),
            grid: &grid,
            camera: &camera,
            state: SceneState { hovered: Some(0), selected: Some(1), ..SceneState::default() },
            style: &style,
        };
        let scene = build_scene(&input);
        eprintln!(
            "{name}: {} edges, {} nodes, {} labels drawn",
            scene.edges.len(),
            scene.nodes.len(),
            scene.labels.len()
        );
        c.bench_function(name, |b| b.iter(|| build_scene(&input)));
    }
}

/// The camera zoomed in on the centre until at most `wanted` nodes are drawn.
fn zoomed_to_show(full: &Camera, layout: &Layout, grid: &NodeGrid, style: &SceneStyle, wanted: usize) -> Camera {
    let mut camera = *full;
    loop {
        let input = SceneInput {
            graph: layout.graph(),
            positions: layout.positions(),
            grid,
            camera: &camera,
            state: SceneState::default(),
            style,
        };
        if build_scene(&input).nodes.len() <= wanted {
            return camera;
        }
        camera.zoom_about(camera.viewport * 0.5, 1.05);
    }
}

fn bench_grid(c: &mut Criterion, layout: &Layout) {
    c.bench_function("node_grid_build_10k", |b| b.iter(|| NodeGrid::build(layout.positions())));
}

fn bench(c: &mut Criterion) {
    let layout = warmed_layout();
    bench_layout_step(c, &layout);
    bench_scene(c, &layout);
    bench_grid(c, &layout);
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    targets = bench
}
criterion_main!(benches);
