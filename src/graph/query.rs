//! Pure questions about a graph: which nodes and edges pass a filter (by node
//! kind, edge kind, minimum weight, minimum significance), and which nodes lie
//! within a few hops of a focused node (breadth-first neighbourhood).
//!
//! Edges that pass every filter but the significance threshold are kept *on
//! demand* ([`Visibility::on_demand`]): the overview leaves them out, and the
//! scene draws them when one of their ends is hovered or selected, or both
//! are in the focus.
//!
//! Results are sets of indices ([`NodeSet`], [`EdgeSet`]) the scene builder
//! takes as input; nothing here mutates the graph.

use std::collections::VecDeque;

use super::data::Graph;

/// A set of indices below a fixed capacity (node or edge indices of one graph).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IndexSet {
    members: Vec<bool>,
    len: usize,
}

/// A set of node indices.
pub type NodeSet = IndexSet;
/// A set of edge indices.
pub type EdgeSet = IndexSet;

impl IndexSet {
    /// The empty set for indices `0..capacity`.
    pub fn empty(capacity: usize) -> Self {
        IndexSet { members: vec![false; capacity], len: 0 }
    }

    /// The set holding every index `0..capacity`.
    pub fn full(capacity: usize) -> Self {
        IndexSet { members: vec![true; capacity], len: capacity }
    }

    /// The set of the indices in `0..capacity` for which `keep` is true.
    pub fn from_fn(capacity: usize, mut keep: impl FnMut(usize) -> bool) -> Self {
        let members: Vec<bool> = (0..capacity).map(&mut keep).collect();
        let len = members.iter().filter(|&&m| m).count();
        IndexSet { members, len }
    }

    pub fn capacity(&self) -> usize {
        self.members.len()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether `index` is in the set; an index out of range is not.
    pub fn contains(&self, index: usize) -> bool {
        self.members.get(index).copied().unwrap_or(false)
    }

    /// Adds `index`; returns whether it was new. Out-of-range indices are ignored.
    pub fn insert(&mut self, index: usize) -> bool {
        let Some(slot) = self.members.get_mut(index) else {
            return false;
        };
        let added = !*slot;
        *slot = true;
        self.len += usize::from(added);
        added
    }

    /// Removes `index`; returns whether it was there.
    pub fn remove(&mut self, index: usize) -> bool {
        let Some(slot) = self.members.get_mut(index) else {
            return false;
        };
        let removed = *slot;
        *slot = false;
        self.len -= usize::from(removed);
        removed
    }

    /// The members in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.members.iter().enumerate().filter(|(_, m)| **m).map(|(i, _)| i)
    }
}

/// What the reader chose to see. `None` means "no restriction".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filter {
    /// Node kinds to show.
    pub node_kinds: Option<Vec<u16>>,
    /// Edge kinds to show.
    pub edge_kinds: Option<Vec<u16>>,
    /// Edges lighter than this are hidden.
    pub min_weight: f32,
    /// Edges less significant than this ([`super::Edge::significance`]) are
    /// drawn only on demand (hover, selection, focus). 0 draws them all.
    pub min_significance: f32,
    /// Hide nodes left without any visible edge.
    pub hide_isolated: bool,
}

/// The nodes and edges that pass a [`Filter`]. An edge is visible only when
/// both its endpoints are.
#[derive(Debug, Clone, PartialEq)]
pub struct Visibility {
    pub nodes: NodeSet,
    pub edges: EdgeSet,
    /// Edges between visible nodes that pass every filter but the
    /// significance threshold: shown around a hovered, selected or focused node.
    pub on_demand: EdgeSet,
}

impl Visibility {
    /// Everything visible.
    pub fn all(graph: &Graph) -> Self {
        Visibility {
            nodes: NodeSet::full(graph.node_count()),
            edges: EdgeSet::full(graph.edge_count()),
            on_demand: EdgeSet::empty(graph.edge_count()),
        }
    }

    /// Whether edge `e` may be drawn at all (always, or on demand).
    pub fn reachable(&self, e: usize) -> bool {
        self.edges.contains(e) || self.on_demand.contains(e)
    }
}

/// Nodes whose kind is one of `kinds`.
pub fn nodes_of_kinds(graph: &Graph, kinds: &[u16]) -> NodeSet {
    NodeSet::from_fn(graph.node_count(), |n| kinds.contains(&graph.nodes()[n].kind))
}

/// Edges whose kind is one of `kinds`.
pub fn edges_of_kinds(graph: &Graph, kinds: &[u16]) -> EdgeSet {
    EdgeSet::from_fn(graph.edge_count(), |e| kinds.contains(&graph.edges()[e].kind))
}

/// Edges with weight at least `min_weight`.
pub fn edges_with_min_weight(graph: &Graph, min_weight: f32) -> EdgeSet {
    EdgeSet::from_fn(graph.edge_count(), |e| graph.edges()[e].weight >= min_weight)
}

/// Applies every part of `filter` at once.
pub fn visibility(graph: &Graph, filter: &Filter) -> Visibility {
    let mut nodes = match &filter.node_kinds {
        Some(kinds) => nodes_of_kinds(graph, kinds),
        None => NodeSet::full(graph.node_count()),
    };
    let passes = |e: usize| {
        let edge = &graph.edges()[e];
        let kind_ok = filter.edge_kinds.as_ref().is_none_or(|kinds| kinds.contains(&edge.kind));
        kind_ok && edge.weight >= filter.min_weight && nodes.contains(edge.source) && nodes.contains(edge.target)
    };
    let significant = |e: usize| graph.edges()[e].significance >= filter.min_significance;
    let edges = EdgeSet::from_fn(graph.edge_count(), |e| passes(e) && significant(e));
    let mut on_demand = EdgeSet::from_fn(graph.edge_count(), |e| passes(e) && !significant(e));
    if filter.hide_isolated {
        nodes = NodeSet::from_fn(graph.node_count(), |n| {
            nodes.contains(n) && graph.edges_of(n).iter().any(|&e| edges.contains(e))
        });
        on_demand = EdgeSet::from_fn(graph.edge_count(), |e| {
            let edge = &graph.edges()[e];
            on_demand.contains(e) && nodes.contains(edge.source) && nodes.contains(edge.target)
        });
    }
    Visibility { nodes, edges, on_demand }
}

/// The nodes at most `depth` hops from `start` (itself included), following
/// edges in either direction. Empty when `start` is out of range.
pub fn focus(graph: &Graph, start: usize, depth: usize) -> NodeSet {
    focus_within(graph, start, depth, &Visibility::all(graph))
}

/// Like [`focus`], but walking only visible edges (on-demand ones included:
/// a focus shows its concept's every link) between visible nodes.
/// Empty when `start` is out of range or hidden.
pub fn focus_within(graph: &Graph, start: usize, depth: usize, visible: &Visibility) -> NodeSet {
    let mut reached = NodeSet::empty(graph.node_count());
    if !visible.nodes.contains(start) {
        return reached;
    }
    reached.insert(start);
    let mut queue = VecDeque::from([(start, 0usize)]);
    while let Some((node, hops)) = queue.pop_front() {
        if hops == depth {
            continue;
        }
        for &e in graph.edges_of(node) {
            let next = graph.edges()[e].other(node);
            if visible.reachable(e) && visible.nodes.contains(next) && reached.insert(next) {
                queue.push_back((next, hops + 1));
            }
        }
    }
    reached
}
