//! The force-directed layout: determinism, convergence, pins, incremental
//! updates; and the pure focus and filter queries.

use std::collections::HashMap;
use std::sync::Arc;

use diplomap::graph::query::{edges_of_kinds, edges_with_min_weight, nodes_of_kinds};
use diplomap::graph::*;

fn node(id: &str, kind: u16) -> NodeInput {
    NodeInput { id: id.into(), kind, mentions: 5 }
}

fn edge(source: &str, target: &str, kind: u16, weight: f32) -> EdgeInput {
    EdgeInput { source: source.into(), target: target.into(), kind, weight, directed: false, significance: 1.0 }
}

fn graph_of(nodes: Vec<NodeInput>, edges: Vec<EdgeInput>) -> Arc<Graph> {
    let (graph, problems) = Graph::build(nodes, edges);
    assert!(problems.is_empty(), "{problems:?}");
    Arc::new(graph)
}

fn clustered(nodes: usize, edges: usize, seed: u64) -> Arc<Graph> {
    let (nodes, edges) = synthetic::clustered(nodes, edges, seed);
    graph_of(nodes, edges)
}

/// a–b–c–d in a line, e hanging off b, f alone.
fn small() -> Arc<Graph> {
    graph_of(
        ["a", "b", "c", "d", "e", "f"].iter().enumerate().map(|(i, id)| node(id, (i % 2) as u16)).collect(),
        vec![edge("a", "b", 0, 1.0), edge("b", "c", 1, 3.0), edge("c", "d", 0, 1.0), edge("b", "e", 1, 0.5)],
    )
}

fn bits(positions: &[Vec2]) -> Vec<(u32, u32)> {
    positions.iter().map(|p| (p.x.to_bits(), p.y.to_bits())).collect()
}

#[test]
fn same_seed_and_input_give_bit_identical_positions() {
    let run = || {
        let mut layout = Layout::new(clustered(600, 1800, 7), LayoutConfig::default());
        layout.run(120);
        bits(layout.positions())
    };
    assert_eq!(run(), run());
}

#[test]
fn another_seed_gives_another_layout() {
    let graph = clustered(100, 250, 7);
    let a = Layout::new(graph.clone(), LayoutConfig { seed: 1, ..LayoutConfig::default() });
    let b = Layout::new(graph, LayoutConfig { seed: 2, ..LayoutConfig::default() });
    assert_ne!(bits(a.positions()), bits(b.positions()));
}

#[test]
fn energy_falls_and_the_layout_settles() {
    let mut layout = Layout::new(clustered(150, 400, 3), LayoutConfig::default());
    let first = layout.step();
    let mut last = first;
    let mut steps = 1;
    while !last.settled {
        last = layout.step();
        steps += 1;
        assert!(steps <= 1000, "not settled after 1000 steps: {last:?}");
    }
    // ForceAtlas-style layouts come to rest by cooling, with some force left
    // in balance against the swing damping: a tenfold fall is plenty.
    assert!(last.energy < first.energy / 10.0, "energy {} -> {}", first.energy, last.energy);
    let after = layout.step();
    assert_eq!(after, StepReport { moved: 0.0, energy: 0.0, settled: true });
    assert!(layout.positions().iter().all(|p| p.is_finite()));
}

#[test]
fn connected_nodes_end_closer_than_unconnected_ones() {
    let graph = clustered(200, 500, 11);
    let mut layout = Layout::new(graph.clone(), LayoutConfig::default());
    assert!(layout.run(2000).settled);
    let p = layout.positions();
    let connected: Vec<f32> = graph.edges().iter().map(|e| p[e.source].distance(p[e.target])).collect();
    let mean_connected = connected.iter().sum::<f32>() / connected.len() as f32;
    let mut unconnected = Vec::new();
    for a in 0..graph.node_count() {
        for b in (a + 1)..graph.node_count() {
            if !graph.edges_of(a).iter().any(|&e| graph.edges()[e].other(a) == b) {
                unconnected.push(p[a].distance(p[b]));
            }
        }
    }
    let mean_unconnected = unconnected.iter().sum::<f32>() / unconnected.len() as f32;
    assert!(mean_connected * 2.0 < mean_unconnected, "connected {mean_connected}, unconnected {mean_unconnected}");
}

#[test]
fn pinned_nodes_stay_put_and_others_move() {
    let graph = small();
    let mut layout = Layout::new(graph.clone(), LayoutConfig::default());
    let b = graph.index_of("b").unwrap();
    let at = Vec2::new(123.5, -7.25);
    layout.pin_at(b, at);
    layout.pin(0);
    let a_before = layout.position(0).unwrap();
    let c_before = layout.position(2).unwrap();
    layout.run(300);
    assert_eq!(layout.position(b), Some(at));
    assert_eq!(layout.position(0), Some(a_before));
    assert_ne!(layout.position(2), Some(c_before));
    assert!(layout.is_pinned(b));
    layout.unpin(b);
    assert!(!layout.is_pinned(b));
    assert!(!layout.is_settled(), "unpinning wakes the layout");
}

#[test]
fn set_position_rejects_nonsense() {
    let mut layout = Layout::new(small(), LayoutConfig::default());
    assert!(!layout.set_position(99, Vec2::ZERO));
    assert!(!layout.set_position(0, Vec2::new(f32::NAN, 0.0)));
    assert!(layout.set_position(0, Vec2::new(1.0, 2.0)));
    assert_eq!(layout.position(0), Some(Vec2::new(1.0, 2.0)));
}

#[test]
fn seeded_layout_starts_from_known_positions_and_places_new_nodes_near_neighbours() {
    let known: HashMap<String, Vec2> =
        [("a".to_string(), Vec2::new(1000.0, 1000.0)), ("c".to_string(), Vec2::new(1100.0, 1000.0))].into();
    let layout = Layout::seeded(small(), LayoutConfig::default(), &known);
    assert_eq!(layout.position(0), Some(Vec2::new(1000.0, 1000.0)));
    assert_eq!(layout.position(2), Some(Vec2::new(1100.0, 1000.0)));
    // b's neighbours a and c are placed: b starts near their middle.
    let b = layout.position(1).unwrap();
    assert!(b.distance(Vec2::new(1050.0, 1000.0)) < 50.0, "{b:?}");
}

#[test]
fn replacing_the_graph_keeps_positions_and_pins_by_id() {
    let mut layout = Layout::new(small(), LayoutConfig::default());
    layout.run(200);
    layout.pin(1);
    let before = layout.positions_by_id();
    // Drop "f", add "g" linked to "d", reorder the rest.
    let bigger = graph_of(
        vec![node("g", 0), node("d", 1), node("c", 0), node("b", 1), node("a", 0), node("e", 1)],
        vec![edge("a", "b", 0, 1.0), edge("b", "c", 1, 3.0), edge("c", "d", 0, 1.0), edge("d", "g", 0, 1.0)],
    );
    layout.replace_graph(bigger.clone());
    assert_eq!(layout.positions().len(), 6);
    for id in ["a", "b", "c", "d", "e"] {
        assert_eq!(layout.position(bigger.index_of(id).unwrap()), Some(before[id]), "{id}");
    }
    assert!(layout.is_pinned(bigger.index_of("b").unwrap()));
    assert!(!layout.is_pinned(bigger.index_of("a").unwrap()));
    let g = layout.position(bigger.index_of("g").unwrap()).unwrap();
    assert!(g.distance(before["d"]) < 50.0);
    assert!(!layout.is_settled());
    layout.run(100);
    assert!(layout.positions().iter().all(|p| p.is_finite()));
}

#[test]
fn pins_go_to_and_come_from_a_layout_file() {
    let mut layout = Layout::new(small(), LayoutConfig::default());
    let mut file = LayoutFile::default();
    file.pinned.insert("c".into(), Vec2::new(5.0, 6.0));
    file.pinned.insert("ghost".into(), Vec2::new(0.0, 0.0));
    let unknown = layout.apply_pins(&file);
    assert_eq!(unknown, ["ghost"]);
    assert_eq!(layout.position(2), Some(Vec2::new(5.0, 6.0)));
    let saved = layout.pins_file();
    assert_eq!(saved.pinned.into_iter().collect::<Vec<_>>(), [("c".to_string(), Vec2::new(5.0, 6.0))]);
}

#[test]
fn empty_and_single_node_graphs_are_fine() {
    let mut empty = Layout::new(graph_of(vec![], vec![]), LayoutConfig::default());
    assert!(empty.step().settled);
    assert!(empty.bounds().is_empty());
    let mut single = Layout::new(graph_of(vec![node("x", 0)], vec![]), LayoutConfig::default());
    assert!(single.run(1000).settled);
    assert!(single.position(0).unwrap().is_finite());
}

#[test]
fn focus_follows_edges_both_ways_up_to_depth() {
    let graph = small();
    let ids = |set: &NodeSet| set.iter().map(|n| graph.nodes()[n].id.as_str()).collect::<Vec<_>>();
    let d = graph.index_of("d").unwrap();
    assert_eq!(ids(&focus(&graph, d, 0)), ["d"]);
    assert_eq!(ids(&focus(&graph, d, 1)), ["c", "d"]);
    assert_eq!(ids(&focus(&graph, d, 2)), ["b", "c", "d"]);
    assert_eq!(ids(&focus(&graph, d, 9)), ["a", "b", "c", "d", "e"]);
    assert!(focus(&graph, 99, 3).is_empty());
}

#[test]
fn focus_within_a_filter_walks_only_visible_edges() {
    let graph = small();
    let visible = visibility(&graph, &Filter { min_weight: 1.0, ..Filter::default() });
    let b = graph.index_of("b").unwrap();
    let reached: Vec<usize> = focus_within(&graph, b, 5, &visible).iter().collect();
    // b–e weighs 0.5, so e is not reached.
    assert_eq!(reached, [0, 1, 2, 3]);
}

#[test]
fn filters_by_kind_and_weight() {
    let graph = small();
    assert_eq!(nodes_of_kinds(&graph, &[1]).iter().collect::<Vec<_>>(), [1, 3, 5]);
    assert_eq!(edges_of_kinds(&graph, &[1]).iter().collect::<Vec<_>>(), [1, 3]);
    assert_eq!(edges_with_min_weight(&graph, 1.0).iter().collect::<Vec<_>>(), [0, 1, 2]);

    let only_kind_0_nodes = visibility(&graph, &Filter { node_kinds: Some(vec![0]), ..Filter::default() });
    assert_eq!(only_kind_0_nodes.nodes.iter().collect::<Vec<_>>(), [0, 2, 4]);
    assert!(only_kind_0_nodes.edges.is_empty(), "every edge has an endpoint of kind 1");

    let heavy = Filter { min_weight: 2.0, hide_isolated: true, ..Filter::default() };
    let v = visibility(&graph, &heavy);
    assert_eq!(v.edges.iter().collect::<Vec<_>>(), [1]);
    assert_eq!(v.nodes.iter().collect::<Vec<_>>(), [1, 2]);

    let by_edge_kind = visibility(&graph, &Filter { edge_kinds: Some(vec![0]), ..Filter::default() });
    assert_eq!(by_edge_kind.edges.iter().collect::<Vec<_>>(), [0, 2]);
    assert_eq!(by_edge_kind.nodes.len(), 6);
}

#[test]
fn index_sets_count_their_members() {
    let mut set = NodeSet::empty(4);
    assert!(set.insert(2));
    assert!(!set.insert(2));
    assert!(!set.insert(9));
    assert_eq!(set.len(), 1);
    assert!(set.remove(2));
    assert!(set.is_empty());
    assert_eq!(NodeSet::full(3).iter().collect::<Vec<_>>(), [0, 1, 2]);
}

/// The closest two nodes of a settled layout, relative to the room they claim.
fn tightest_pair(layout: &Layout, room: f32) -> f32 {
    let nodes = layout.graph().nodes();
    let positions = layout.positions();
    let mut tightest = f32::INFINITY;
    for i in 0..positions.len() {
        for j in i + 1..positions.len() {
            let reach = room * (nodes[i].size + nodes[j].size);
            tightest = tightest.min(positions[i].distance(positions[j]) / reach);
        }
    }
    tightest
}

#[test]
fn collision_keeps_a_dense_cluster_apart() {
    // Twelve nodes all linked to each other with heavy edges: without rooms they crowd.
    let ids: Vec<String> = (0..12).map(|i| format!("n{i}")).collect();
    let nodes = ids.iter().map(|id| node(id, 0)).collect();
    let mut edges = Vec::new();
    for (i, a) in ids.iter().enumerate() {
        for b in &ids[i + 1..] {
            edges.push(edge(a, b, 0, 4.0));
        }
    }
    let graph = graph_of(nodes, edges);
    let room = 20.0;
    let crowded = LayoutConfig::default();
    let mut without = Layout::new(graph.clone(), crowded.clone());
    let mut with = Layout::new(graph, LayoutConfig { collision: room, ..crowded });
    assert!(without.run(5000).settled && with.run(5000).settled);
    let (before, after) = (tightest_pair(&without, room), tightest_pair(&with, room));
    assert!(before < 0.9, "the cluster crowds without rooms: {before}");
    // A hard pull can still squeeze rooms a little, never shut.
    assert!(after > 0.6 && after > 2.0 * before, "rooms are mostly kept: {after} (without: {before})");
}
