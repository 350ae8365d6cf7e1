//! The map view's share of a frame on a generated graph of 10,000 nodes and
//! 30,000 edges: painting a built scene (edges, glyphs, badges, labels placed
//! so none overlaps and laid out through the bidi layout) into egui shapes,
//! full view and zoomed to a quarter, with the map view's scene style (so the
//! crowded views are drawn as clusters, as in the window). The scene itself is measured by the
//! `graph_layout` bench. Budget: 8 ms.
//!
//! Each view is measured three ways:
//! - `moved`: every frame's camera differs from the last one's by a pixel, so
//!   labels are placed afresh each frame (panning, zooming, a layout settling);
//! - `still`: the same frame again (camera and graph still), where the last
//!   placement is reused;
//! - `moved+tessellate`: `moved` plus egui turning the frame's shapes into
//!   triangles, which egui does after every frame outside the painting code —
//!   the whole of the map's CPU work for a frame, on the window's path: the
//!   edge and node meshes handed to the GPU through a paint callback
//!   (`ui::paint::gpu`), so egui tessellates only the labels and badges' text.
//!   What the callback itself costs on the CPU (the driver copying the two
//!   meshes into its buffers) is not in it: there is no GL context here;
//! - `moved+tessellate/cpu-path`: the same on the path of the headless tests
//!   and the PNG export, egui tessellating the meshes too.
//!
//! Times are the benchmark thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`), not
//! wall time: the machines that run this are shared, and a busy neighbour
//! would otherwise add its time slices to ours. On an idle machine the two agree.

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use diplomap::graph::{
    Camera, Graph, Layout, LayoutConfig, NodeGrid, NodeSet, Scene, SceneInput, SceneState, Vec2, build_scene, synthetic,
};
use diplomap::text::Lang;
use diplomap::ui::paint::map::{MapPaint, paint_map};
use diplomap::ui::views::map::scene_style;

#[path = "common/thread_cpu.rs"]
mod thread_cpu;

use thread_cpu::ThreadCpuTime;

const VIEWPORT: Vec2 = Vec2::new(1600.0, 1000.0);

/// One frame: run a pass that paints `paint`, optionally tessellate; returns a count so nothing is optimised away.
fn frame(ctx: &egui::Context, paint: &MapPaint, tessellate: bool) -> usize {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(VIEWPORT.x, VIEWPORT.y))),
        ..egui::RawInput::default()
    };
    let mut output = ctx.run_ui(input, |ui| paint_map(ui.painter(), paint));
    output.textures_delta.clear();
    if tessellate {
        return ctx.tessellate(output.shapes, output.pixels_per_point).len();
    }
    output.shapes.len()
}

fn paint_of<'a>(graph: &'a Graph, scene: &'a Scene, labels: &'a [String], noted: &'a NodeSet) -> MapPaint<'a> {
    MapPaint {
        graph,
        scene,
        origin: egui::pos2(0.0, 0.0),
        labels,
        noted: Some(noted),
        labelled: None,
        highlighted_nodes: None,
        highlighted_edges: None,
        focused: None,
        selected_edge: None,
        dark: false,
        lang: Lang::Fa,
        label_size: 13.0,
        reserved: &[],
    }
}

fn bench_paint(c: &mut Criterion<ThreadCpuTime>) {
    let (nodes, edges) = synthetic::clustered(10_000, 30_000, 42);
    let (graph, _) = Graph::build(nodes, edges);
    let mut layout = Layout::new(Arc::new(graph), LayoutConfig::default());
    layout.run(150);
    let graph: &Graph = layout.graph();
    let labels: Vec<String> = (0..graph.node_count()).map(|n| format!("مفهوم {n} concept")).collect();
    let noted = NodeSet::from_fn(graph.node_count(), |n| n % 7 == 0);
    let grid = NodeGrid::build(layout.positions());
    let style = scene_style();
    let mut full = Camera::new(Vec2::ZERO, 1.0, VIEWPORT);
    full.fit(layout.bounds(), 20.0);
    let mut quarter = full;
    quarter.zoom_about(VIEWPORT * 0.5, 2.0);
    let ctx = egui::Context::default();
    diplomap::ui::widgets::fonts::install_fonts(&ctx);
    let gpu_ctx = egui::Context::default();
    diplomap::ui::widgets::fonts::install_fonts(&gpu_ctx);
    diplomap::ui::paint::gpu::enable(&gpu_ctx);
    let scene_of = |camera: &Camera| -> Scene {
        let input = SceneInput {
            graph,
            positions: layout.positions(),
            grid: &grid,
            camera,
            state: SceneState { hovered: Some(0), selected: Some(1), ..SceneState::default() },
            style: &style,
        };
        build_scene(&input)
    };
    for (name, camera) in [("paint_full_view", full), ("paint_quarter_view", quarter)] {
        let mut panned = camera;
        panned.pan_by(Vec2::new(1.0, 0.0));
        let scenes = [scene_of(&camera), scene_of(&panned)];
        let scene = &scenes[0];
        eprintln!("{name}: {} edges, {} nodes, {} labels", scene.edges.len(), scene.nodes.len(), scene.labels.len());
        let paints = [paint_of(graph, &scenes[0], &labels, &noted), paint_of(graph, &scenes[1], &labels, &noted)];
        c.bench_function(&format!("{name}/moved"), |b| {
            let mut turn = 0;
            b.iter(|| {
                turn ^= 1;
                frame(&ctx, &paints[turn], false)
            })
        });
        c.bench_function(&format!("{name}/still"), |b| b.iter(|| frame(&ctx, &paints[0], false)));
        c.bench_function(&format!("{name}/moved+tessellate"), |b| {
            let mut turn = 0;
            b.iter(|| {
                turn ^= 1;
                frame(&gpu_ctx, &paints[turn], true)
            })
        });
        c.bench_function(&format!("{name}/moved+tessellate/cpu-path"), |b| {
            let mut turn = 0;
            b.iter(|| {
                turn ^= 1;
                frame(&ctx, &paints[turn], true)
            })
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(ThreadCpuTime);
    targets = bench_paint
}
criterion_main!(benches);
