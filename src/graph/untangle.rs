//! Fewer crossing links: a local search run on a settled layout.
//!
//! A force layout puts linked nodes near each other but does not look at
//! crossings; a map with a hundred links in its middle still reads as a
//! hairball. [`untangle`] takes the settled positions and, node by node,
//! tries a few changes, keeping one only when it lowers the number of
//! crossings of the links that are drawn:
//!
//! - swapping the node with one of its nearest neighbours of the same group
//!   (the set of occupied places stays the same, so spacing and regions stay);
//! - moving it towards the middle of its drawn neighbours, or around it,
//!   when the spot has room (no other node nearer than their rooms).
//!
//! A change must remove crossings, and what it adds to the links' length is
//! counted against it ([`Untangle::length_cost`]), so nodes do not fly to
//! the rim to get out of the way.
//!
//! Only the links touching the moved nodes can gain or lose crossings, so
//! each try counts just those against all drawn links. Pinned nodes never
//! move. Deterministic: nodes in index order, candidates in a fixed order,
//! the first best change kept.
//!
//! ```
//! use diplomap::graph::{untangle::{crossings, untangle, Untangle}, Graph, EdgeInput, NodeInput, NodeSet, Vec2};
//! let node = |id: &str| NodeInput { id: id.into(), kind: 0, mentions: 1 };
//! let edge = |a: &str, b: &str| EdgeInput {
//!     source: a.into(), target: b.into(), kind: 1, weight: 1.0, directed: true, significance: f32::INFINITY,
//! };
//! // a–c and b–d cross in a square; swapping c and d undoes it.
//! let (graph, _) = Graph::build(vec![node("a"), node("b"), node("c"), node("d")], vec![edge("a", "c"), edge("b", "d")]);
//! let mut at = vec![Vec2::new(0.0, 0.0), Vec2::new(10.0, 0.0), Vec2::new(10.0, 10.0), Vec2::new(0.0, 10.0)];
//! let drawn = |_: usize| true;
//! assert_eq!(crossings(&graph, &at, drawn), 1);
//! untangle(&graph, &mut at, &NodeSet::empty(4), drawn, &Untangle::default());
//! assert_eq!(crossings(&graph, &at, drawn), 0);
//! ```

use super::data::Graph;
use super::geom::Vec2;
use super::query::NodeSet;

/// The knobs of [`untangle`].
#[derive(Debug, Clone, PartialEq)]
pub struct Untangle {
    /// How many nearest nodes each node tries to swap with.
    pub neighbours: usize,
    /// Passes over all nodes at most (it stops as soon as one changes nothing).
    pub rounds: usize,
    /// Room each node keeps, in world units per unit of node size: a move
    /// never brings two nodes nearer than the sum of their rooms.
    pub room: f32,
    /// The group of each node (swaps stay within a group); empty: one group.
    pub groups: Vec<usize>,
    /// What a unit of added link length costs, in crossings: a change that
    /// removes one crossing but lengthens the links by more than
    /// `1 / length_cost` is not worth it.
    pub length_cost: f32,
}

impl Default for Untangle {
    fn default() -> Self {
        Untangle { neighbours: 8, rounds: 12, room: 0.0, groups: Vec::new(), length_cost: 0.0 }
    }
}

/// Graphs with more nodes than this are left as they are (their maps are
/// read zoomed in, and the search would cost more than a frame).
pub const MAX_NODES: usize = 1500;

/// The number of pairs of `drawn` edges that cross (edges sharing a node never do).
pub fn crossings(graph: &Graph, positions: &[Vec2], drawn: impl Fn(usize) -> bool) -> usize {
    let edges: Vec<usize> = (0..graph.edge_count()).filter(|&e| drawn(e)).collect();
    let mut total = 0;
    for (i, &a) in edges.iter().enumerate() {
        for &b in &edges[i + 1..] {
            total += usize::from(edges_cross(graph, positions, a, b));
        }
    }
    total
}

/// Lowers the crossings of the `drawn` edges by swaps and moves of free
/// nodes (see the module doc); returns how many crossings it removed.
pub fn untangle(
    graph: &Graph,
    positions: &mut [Vec2],
    pinned: &NodeSet,
    drawn: impl Fn(usize) -> bool,
    config: &Untangle,
) -> usize {
    let count = graph.node_count();
    if count > MAX_NODES || positions.len() != count || positions.iter().any(|p| !p.is_finite()) {
        return 0;
    }
    let edges: Vec<usize> = (0..graph.edge_count()).filter(|&e| drawn(e)).collect();
    let mut is_drawn = vec![false; graph.edge_count()];
    for &e in &edges {
        is_drawn[e] = true;
    }
    let drawn_of =
        |node: usize| -> Vec<usize> { graph.edges_of(node).iter().copied().filter(|&e| is_drawn[e]).collect() };
    let incident: Vec<Vec<usize>> = (0..count).map(drawn_of).collect();
    let group = |n: usize| config.groups.get(n).copied().unwrap_or(0);
    let cost = |positions: &[Vec2], nodes: &[usize]| -> (usize, f32) {
        let crossings = local_crossings(graph, positions, &edges, &incident, nodes);
        let mut length = 0.0;
        for (i, &node) in nodes.iter().enumerate() {
            for &e in &incident[node] {
                let other = graph.edges()[e].other(node);
                // An edge between two of `nodes` counts once.
                if !nodes[..i].contains(&other) {
                    length += positions[node].distance(positions[other]);
                }
            }
        }
        (crossings, length)
    };
    // A change is kept when it removes crossings and its gain, crossings less
    // `length_cost` per unit of added link length, is the best of the node's tries.
    let gain = |old: (usize, f32), new: (usize, f32)| -> Option<f32> {
        (new.0 < old.0).then(|| (old.0 - new.0) as f32 - config.length_cost * (new.1 - old.1)).filter(|g| *g > 0.0)
    };
    let mut removed = 0;
    for _ in 0..config.rounds {
        let mut improved = false;
        for node in 0..count {
            if pinned.contains(node) || incident[node].is_empty() {
                continue;
            }
            let before = cost(positions, &[node]);
            if before.0 == 0 {
                continue;
            }
            let mut best: Option<(f32, usize, Change)> = None;
            let mates = |other: usize| !pinned.contains(other) && group(other) == group(node);
            for other in nearest(positions, node, config.neighbours, mates) {
                let both = [node, other];
                let old = cost(positions, &both);
                positions.swap(node, other);
                let roomy = has_room(graph, positions, node, positions[node], config.room)
                    && has_room(graph, positions, other, positions[other], config.room);
                let new = cost(positions, &both);
                positions.swap(node, other);
                if !roomy {
                    continue;
                }
                if let Some(g) = gain(old, new)
                    && best.as_ref().is_none_or(|(b, ..)| g > *b)
                {
                    best = Some((g, old.0 - new.0, Change::Swap(other)));
                }
            }
            let home = positions[node];
            let ring = 3.0 * config.room * graph.nodes()[node].size;
            for target in move_targets(graph, positions, &incident[node], node, ring) {
                if !has_room(graph, positions, node, target, config.room) {
                    continue;
                }
                positions[node] = target;
                let new = cost(positions, &[node]);
                positions[node] = home;
                if let Some(g) = gain(before, new)
                    && best.as_ref().is_none_or(|(b, ..)| g > *b)
                {
                    best = Some((g, before.0 - new.0, Change::Move(target)));
                }
            }
            if let Some((_, fewer, change)) = best {
                match change {
                    Change::Swap(other) => positions.swap(node, other),
                    Change::Move(target) => positions[node] = target,
                }
                removed += fewer;
                improved = true;
            }
        }
        if !improved {
            break;
        }
    }
    removed
}

enum Change {
    Swap(usize),
    Move(Vec2),
}

/// Crossings of the edges touching `nodes` with every drawn edge, each pair once.
fn local_crossings(
    graph: &Graph,
    positions: &[Vec2],
    edges: &[usize],
    incident: &[Vec<usize>],
    nodes: &[usize],
) -> usize {
    let mut mine: Vec<usize> = nodes.iter().flat_map(|&n| incident[n].iter().copied()).collect();
    mine.sort_unstable();
    mine.dedup();
    let mut total = 0;
    for (i, &a) in mine.iter().enumerate() {
        for &b in edges {
            if mine.binary_search(&b).is_ok_and(|j| j <= i) {
                continue;
            }
            total += usize::from(edges_cross(graph, positions, a, b));
        }
    }
    total
}

/// The `k` nodes nearest to `node` for which `keep` holds, nearest first (ties by index).
fn nearest(positions: &[Vec2], node: usize, k: usize, keep: impl Fn(usize) -> bool) -> Vec<usize> {
    let at = positions[node];
    let mut others: Vec<(f32, usize)> =
        positions.iter().enumerate().filter(|&(n, _)| n != node && keep(n)).map(|(n, p)| (p.distance(at), n)).collect();
    let k = k.min(others.len());
    if k == 0 {
        return Vec::new();
    }
    others.select_nth_unstable_by(k - 1, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    others.truncate(k);
    others.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    others.into_iter().map(|(_, n)| n).collect()
}

/// Spots towards the middle of the node's drawn neighbours (a quarter, half,
/// three quarters of the way, and the middle), then a ring around the middle
/// `ring` away in eight directions.
fn move_targets(graph: &Graph, positions: &[Vec2], incident: &[usize], node: usize, ring: f32) -> Vec<Vec2> {
    let mut sum = Vec2::ZERO;
    for &e in incident {
        sum += positions[graph.edges()[e].other(node)];
    }
    let middle = sum / incident.len().max(1) as f32;
    let home = positions[node];
    let mut targets: Vec<Vec2> = [1.0, 0.75, 0.5, 0.25].iter().map(|&t| home + (middle - home) * t).collect();
    if ring > 0.0 {
        targets.extend((0..8).map(|i| {
            let angle = std::f32::consts::TAU * i as f32 / 8.0;
            middle + Vec2::new(angle.cos(), angle.sin()) * ring
        }));
    }
    targets
}

/// Whether `node` at `target` keeps its room from every other node.
fn has_room(graph: &Graph, positions: &[Vec2], node: usize, target: Vec2, room: f32) -> bool {
    let nodes = graph.nodes();
    positions
        .iter()
        .enumerate()
        .all(|(other, &at)| other == node || at.distance(target) >= room * (nodes[node].size + nodes[other].size))
}

fn edges_cross(graph: &Graph, positions: &[Vec2], a: usize, b: usize) -> bool {
    let (ea, eb) = (&graph.edges()[a], &graph.edges()[b]);
    if ea.source == eb.source || ea.source == eb.target || ea.target == eb.source || ea.target == eb.target {
        return false;
    }
    segments_cross(positions[ea.source], positions[ea.target], positions[eb.source], positions[eb.target])
}

/// Whether segments p1–p2 and q1–q2 cross at a point inside both.
pub fn segments_cross(p1: Vec2, p2: Vec2, q1: Vec2, q2: Vec2) -> bool {
    let orient = |a: Vec2, b: Vec2, c: Vec2| (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    let (d1, d2) = (orient(q1, q2, p1), orient(q1, q2, p2));
    let (d3, d4) = (orient(p1, p2, q1), orient(p1, p2, q2));
    ((d1 > 0.0 && d2 < 0.0) || (d1 < 0.0 && d2 > 0.0)) && ((d3 > 0.0 && d4 < 0.0) || (d3 < 0.0 && d4 > 0.0))
}
