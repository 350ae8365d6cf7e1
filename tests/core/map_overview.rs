//! The map's overview of the bundled corpus: which links it draws (every
//! curated relation, co-occurrences only above chance, the rest on hover or
//! focus), how untangled the whole-map SVG is (crossings per link, every
//! concept on the page), regions by kind, pins and tours that still frame
//! their nodes.
//!
//! `cargo test --test core map_overview -- --nocapture` prints the figures
//! the README quotes.

use crate::common;
use crate::svg_figures::figures_of;

use std::sync::Arc;

use diplomap::export::map::{SettledMap, default_min_significance, map_layout_config_for};
use diplomap::export::view::StepView;
use diplomap::export::{self, Target};
use diplomap::graph::{Layout, SceneState, Vec2};
use diplomap::text::Lang;
use diplomap::tours::{self, TourStep};

fn map() -> &'static SettledMap {
    static MAP: std::sync::OnceLock<SettledMap> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let (corpus, index) = common::corpus_and_index();
        SettledMap::build(corpus, index)
    })
}

#[test]
fn the_whole_map_svg_has_at_most_three_crossings_per_link() {
    let map = map();
    for lang in [Lang::Fa, Lang::En] {
        let page = export::prepare(map, &Target::WholeMap, export::DEFAULT_SIZE, lang);
        let figures = figures_of(&export::svg::svg_of(map, &page)).unwrap();
        println!(
            "{lang:?}: links {} · crossings {} ({:.2} per link, at most {} on one) · concepts {} ({} off the page) · labels {}",
            figures.links,
            figures.crossings,
            figures.crossings_per_link(),
            figures.worst_link,
            figures.concepts,
            figures.off_page,
            figures.labels
        );
        assert!(figures.crossings_per_link() <= 3.0, "{lang:?}: {figures:?}");
        assert_eq!(figures.concepts, map.data.graph.node_count(), "every concept is drawn");
        assert_eq!(figures.off_page, 0, "every concept is on the page");
        assert!(figures.labels * 2 > figures.concepts, "{lang:?}: most concepts are named: {}", figures.labels);
        assert!(figures.links > 100, "the overview still shows the world: {}", figures.links);
    }
}

#[test]
fn curated_relations_always_show_co_occurrences_only_above_chance() {
    let map = map();
    let graph = &map.data.graph;
    let threshold = default_min_significance(graph);
    assert!(threshold > 15.0 && threshold < 20.0, "a Bonferroni level for a few hundred pairs: {threshold}");
    let page = export::prepare(map, &Target::WholeMap, export::DEFAULT_SIZE, Lang::En);
    let drawn: Vec<usize> = page.scene.edges.iter().map(|e| e.edge).collect();
    for (e, edge) in graph.edges().iter().enumerate() {
        if edge.directed {
            assert!(
                drawn.contains(&e),
                "curated {} → {} is drawn",
                graph.nodes()[edge.source].id,
                graph.nodes()[edge.target].id
            );
        } else {
            assert_eq!(drawn.contains(&e), edge.significance >= threshold, "co-occurrence {e}");
        }
    }
    let hidden = graph.edges().iter().filter(|e| !e.directed && e.significance < threshold).count();
    assert!(hidden > 100, "most co-occurrences wait for a hover: {hidden}");
    // Police diplomacy and INTERPOL are curated (works through); the seeds'
    // strongest co-occurrence pairs without a relation are drawn.
    let id = |e: usize| {
        (graph.nodes()[graph.edges()[e].source].id.as_str(), graph.nodes()[graph.edges()[e].target].id.as_str())
    };
    assert!(drawn.iter().any(|&e| id(e) == ("police-diplomacy", "interpol")));
}

#[test]
fn hovering_a_concept_shows_its_other_links() {
    let map = map();
    let graph = &map.data.graph;
    let node = graph.index_of("police-diplomacy").unwrap();
    let view = StepView::whole_map(map, export::DEFAULT_SIZE);
    let quiet: Vec<usize> =
        graph.edges_of(node).iter().copied().filter(|&e| view.visible.on_demand.contains(e)).collect();
    assert!(!quiet.is_empty(), "police diplomacy has co-occurrences below the threshold");
    let grid = diplomap::graph::NodeGrid::build(&view.positions);
    let style = diplomap::export::map::map_scene_style();
    let scene_with = |hovered| {
        let input = diplomap::graph::SceneInput {
            graph,
            positions: &view.positions,
            grid: &grid,
            camera: &view.camera,
            state: SceneState { visible: Some(&view.visible), hovered, ..SceneState::default() },
            style: &style,
        };
        diplomap::graph::build_scene(&input).edges.iter().map(|e| e.edge).collect::<Vec<_>>()
    };
    let (calm, hovered) = (scene_with(None), scene_with(Some(node)));
    for e in &quiet {
        assert!(!calm.contains(e) && hovered.contains(e), "edge {e} waits for the hover");
    }
    // A focus shows every link among its concepts.
    let focused = StepView::of_step(map, &TourStep::focused("police-diplomacy", 1), export::DEFAULT_SIZE);
    let scene = focused.scene(map, &style);
    assert!(quiet.iter().all(|e| scene.edges.iter().any(|s| s.edge == *e)), "the focus draws them");
}

#[test]
fn kinds_sit_in_regions() {
    let map = map();
    let nodes = map.data.graph.nodes();
    let kinds = 4;
    let mut sums = vec![(Vec2::ZERO, 0.0f32); kinds];
    for (node, &at) in nodes.iter().zip(&map.positions) {
        let slot = &mut sums[usize::from(node.kind)];
        slot.0 += at;
        slot.1 += 1.0;
    }
    let centres: Vec<Vec2> = sums.iter().map(|(sum, n)| *sum / n.max(1.0)).collect();
    let at_home = nodes
        .iter()
        .zip(&map.positions)
        .filter(|(node, at)| {
            let own = at.distance(centres[usize::from(node.kind)]);
            centres.iter().all(|c| at.distance(*c) >= own)
        })
        .count();
    println!("{at_home} of {} concepts are nearest their own kind's centre", nodes.len());
    assert!(at_home * 10 >= nodes.len() * 6, "{at_home} of {}", nodes.len());
}

#[test]
fn the_layout_is_deterministic_and_keeps_pins() {
    let (corpus, index) = common::corpus_and_index();
    let again = SettledMap::build(corpus, index);
    assert_eq!(again.positions, map().positions, "the same corpus gives the same map");
    let graph = Arc::clone(&map().data.graph);
    let pinned = graph.index_of("city-diplomacy").unwrap();
    let mut layout = Layout::new(Arc::clone(&graph), map_layout_config_for(&graph));
    let at = Vec2::new(-400.0, 300.0);
    layout.pin_at(pinned, at);
    let report = layout.run(5000);
    assert!(report.settled, "the layout settles");
    assert_eq!(layout.positions()[pinned], at, "a pinned node stays where the teacher put it");
}

#[test]
fn the_police_diplomacy_tour_still_frames_its_nodes() {
    let map = map();
    let tour = tours::load(&common::corpus_dir().join("tours/police-diplomacy.ron")).unwrap();
    for (number, step) in tour.steps.iter().enumerate() {
        let view = StepView::of_step(map, step, export::DEFAULT_SIZE);
        let shown = view.camera.visible_world();
        let mut wanted: Vec<usize> = view.focus.as_ref().map(|f| f.iter().collect()).unwrap_or_default();
        wanted.extend(view.highlight_nodes.iter().filter(|&n| view.visible.nodes.contains(n)));
        assert!(!wanted.is_empty());
        for node in wanted {
            assert!(
                shown.contains(view.positions[node]),
                "step {}: {} is in the frame",
                number + 1,
                map.data.graph.nodes()[node].id
            );
        }
    }
}

#[test]
fn a_camera_recorded_on_an_older_layout_follows_its_nodes() {
    let map = map();
    let mut step = TourStep::focused("interpol", 1);
    // Recorded where INTERPOL's neighbourhood no longer is.
    step.camera = Some(tours::Camera::framing((5000.0, -5000.0), (300.0, 200.0)));
    let view = StepView::of_step(map, &step, export::DEFAULT_SIZE);
    let shown = view.camera.visible_world();
    for node in view.focus.as_ref().unwrap().iter() {
        assert!(shown.contains(view.positions[node]), "{} is framed", map.data.graph.nodes()[node].id);
    }
    // A camera that frames its nodes is kept as it was recorded.
    let interpol = map.positions[map.data.graph.index_of("interpol").unwrap()];
    let mut kept = TourStep { focus: None, ..TourStep::default() };
    kept.highlight.nodes = vec!["interpol".into()];
    kept.camera = Some(tours::Camera::framing((interpol.x, interpol.y), (400.0, 300.0)));
    let view = StepView::of_step(map, &kept, Vec2::new(800.0, 600.0));
    assert!(view.camera.centre.distance(interpol) < 1e-3 && (view.camera.zoom - 2.0).abs() < 1e-4, "{:?}", view.camera);
}
