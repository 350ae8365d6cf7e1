//! The map view's share of a frame on a generated graph of 10,000 nodes and
//! 30,000 edges: painting a built scene (edges, glyphs, badges, labels through
//! the bidi layout) into egui shapes, full view and zoomed to a quarter. The
//! scene itself is measured by the `graph_layout` bench. Budget: 8 ms.

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use diplomap::graph::{
    Camera, Graph, Layout, LayoutConfig, NodeGrid, NodeSet, SceneInput, SceneState, Vec2, build_scene, synthetic,
};
use diplomap::text::Lang;
use diplomap::ui::map_paint::{MapPaint, paint_map};
use diplomap::ui::map_view::scene_style;

fn bench_paint(c: &mut Criterion) {
    let (nodes, edges) = synthetic::clustered(10_000, 30_000, 42);
    let (graph, _) = Graph::build(nodes, edges);
    let mut layout = Layout::new(Arc::new(graph), LayoutConfig::default());
    layout.run(150);
    let graph: &Graph = layout.graph();
    let labels: Vec<String> = (0..graph.node_count()).map(|n| format!("مفهوم {n} concept")).collect();
    let noted = NodeSet::from_fn(graph.node_count(), |n| n % 7 == 0);
    let grid = NodeGrid::build(layout.positions());
    let style = scene_style();
    let viewport = Vec2::new(1600.0, 1000.0);
    let mut full = Camera::new(Vec2::ZERO, 1.0, viewport);
    full.fit(layout.bounds(), 20.0);
    let mut quarter = full;
    quarter.zoom_about(viewport * 0.5, 2.0);
    let ctx = egui::Context::default();
    diplomap::ui::fonts::install_fonts(&ctx);
    for (name, camera) in [("paint_full_view", full), ("paint_quarter_view", quarter)] {
        let input = SceneInput {
            graph,
            positions: layout.positions(),
            grid: &grid,
            camera: &camera,
            state: SceneState { hovered: Some(0), selected: Some(1), ..SceneState::default() },
            style: &style,
        };
        let scene = build_scene(&input);
        eprintln!("{name}: {} edges, {} nodes, {} labels", scene.edges.len(), scene.nodes.len(), scene.labels.len());
        let paint = MapPaint {
            graph,
            scene: &scene,
            origin: egui::pos2(0.0, 0.0),
            labels: &labels,
            noted: Some(&noted),
            labelled: None,
            highlighted_nodes: None,
            highlighted_edges: None,
            focused: None,
            selected_edge: None,
            dark: false,
            lang: Lang::Fa,
            label_size: 13.0,
            reserved: &[],
        };
        c.bench_function(name, |b| {
            b.iter(|| {
                let mut output = ctx.run_ui(egui::RawInput::default(), |ui| paint_map(ui.painter(), &paint));
                output.textures_delta.clear();
                output.shapes.len()
            })
        });
    }
}

criterion_group!(benches, bench_paint);
criterion_main!(benches);
