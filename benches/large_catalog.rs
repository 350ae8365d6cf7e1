//! A catalog a hundred times the seeds' (10,000 concepts, generated as in
//! `examples/common/large_catalog.rs`, with the seed documents and about
//! 25,000 generated paragraphs): what a reader's action costs on it, each
//! answer measured as one UI frame (or the query behind it). Budget: a frame
//! at 60 Hz, 16 ms.
//!
//! - `map_frame/overview`, `map_frame/focus`, `map_frame/filtered`: one frame of
//!   the whole map view (toolbar, scene, clusters, labels, widgets, status
//!   line; egui's own tessellation is measured by the `map_paint` bench),
//!   the camera moving a point every frame: the overview fitted, a focus of
//!   depth 2, only threats shown;
//! - `find_on_map`: the concepts whose names hold what was typed in the map's
//!   search box (run every frame while it holds text; the folded names are
//!   built once per catalog revision);
//! - `concept_list/all`, `concept_list/filtered`: one frame of the side
//!   panel's concept list, unfiltered and filtered.
//!
//! Times are the benchmark thread's CPU time, as in `map_paint`.

// Shared with the example and the UI tests; not every helper is used here.
#[allow(dead_code)]
#[path = "../examples/common/large_catalog.rs"]
mod large_catalog;
#[path = "common/thread_cpu.rs"]
mod thread_cpu;

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use diplomap::catalog::ConceptKind;
use diplomap::index::Index;
use diplomap::notes::NoteStore;
use diplomap::text::Lang;
use diplomap::ui::context::model::Model;
use diplomap::ui::context::state::AppState;
use diplomap::ui::context::{Command, ViewContext};
use diplomap::ui::shell::concept_list::concept_list_ui;
use diplomap::ui::views::map::{MapView, map_view_ui};
use thread_cpu::ThreadCpuTime;

const CONCEPTS: usize = 10_000;

fn raw_input() -> egui::RawInput {
    let size = egui::vec2(1400.0, 900.0);
    egui::RawInput { screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)), ..egui::RawInput::default() }
}

fn large_model() -> Model {
    let seed = large_catalog::seed_corpus();
    let corpus = large_catalog::large_corpus(&seed, CONCEPTS, 10);
    let index = Index::build(&corpus);
    Model { corpus: Arc::new(corpus), index, revision: 1, problems: Vec::new() }
}

/// A map view of `model`, laid out until settled, with the camera fitted.
fn settled_map(ctx: &egui::Context, model: &Model, notes: &NoteStore) -> MapView {
    let mut map = MapView::default();
    map.prepare(model, Lang::Fa);
    map.settle(3000);
    let view = ViewContext { model, lang: Lang::Fa, dark: false, selected: None };
    let mut commands = Vec::new();
    // Two frames: the first measures the view, the second fits the camera to it.
    for _ in 0..2 {
        let _ = ctx.run_ui(raw_input(), |ui| map_view_ui(ui, &view, None, None, &mut map, notes, &mut commands));
    }
    map
}

fn bench_large_catalog(c: &mut Criterion<ThreadCpuTime>) {
    let model = large_model();
    eprintln!(
        "{} concepts, {} documents, {} mentions, {} edges",
        model.corpus.catalog.concepts.len(),
        model.corpus.documents.len(),
        model.index.mentions.len(),
        model.index.edges.len()
    );
    let notes = NoteStore::open(std::env::temp_dir().join("diplomap-bench-notes-none"));
    let ctx = egui::Context::default();
    diplomap::ui::widgets::fonts::install_fonts(&ctx);
    let view = ViewContext { model: &model, lang: Lang::Fa, dark: false, selected: None };
    let mut map = settled_map(&ctx, &model, &notes);
    let (centre, zoom) = map.camera();
    let focus = model.corpus.catalog.concepts[CONCEPTS / 2].id.clone();
    let cases: [(&str, Option<&str>, Vec<ConceptKind>); 3] = [
        ("map_frame/overview", None, Vec::new()),
        ("map_frame/focus", Some(focus.as_str()), Vec::new()),
        ("map_frame/filtered", None, vec![ConceptKind::Threat]),
    ];
    for (name, focus, kinds) in cases {
        map.settings.kinds = kinds;
        let mut commands: Vec<Command> = Vec::new();
        let depth = focus.map(|_| 2);
        // The address applies the focus (and fits the camera once); then the camera moves a point a frame.
        let _ = ctx.run_ui(raw_input(), |ui| map_view_ui(ui, &view, focus, depth, &mut map, &notes, &mut commands));
        let (start, _) = map.camera();
        let start = if focus.is_some() { start } else { centre };
        let mut turn = 0.0;
        c.bench_function(name, |b| {
            b.iter(|| {
                turn = 1.0 - turn;
                map.set_camera(diplomap::graph::Vec2::new(start.x + turn, start.y), zoom);
                let output =
                    ctx.run_ui(raw_input(), |ui| map_view_ui(ui, &view, focus, depth, &mut map, &notes, &mut commands));
                commands.clear();
                output.shapes.len()
            })
        });
    }
    let query = diplomap::text::normalize::fold_str("کالو");
    let names = diplomap::ui::context::name_cache::folded_names(&ctx, &model);
    eprintln!("find_on_map: {} hits for the query", names.find(&query).len());
    c.bench_function("find_on_map", |b| b.iter(|| names.find(&query).len()));
    let mut state = AppState { ui_lang: Lang::Fa, ..AppState::default() };
    for (name, filter) in [("concept_list/all", ""), ("concept_list/filtered", "کالو")] {
        state.concept_filter = filter.to_string();
        let mut commands: Vec<Command> = Vec::new();
        c.bench_function(name, |b| {
            b.iter(|| {
                let output = ctx.run_ui(raw_input(), |ui| concept_list_ui(ui, &model, &mut state, &mut commands));
                output.shapes.len()
            })
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(ThreadCpuTime).sample_size(20);
    targets = bench_large_catalog
}
criterion_main!(benches);
