//! The graph the map shows: concepts as nodes (stable string id, kind index,
//! size and mass from their mention count) and weighted edges between them,
//! built from plain input records (the index module hands us `Vec`s).
//!
//! Nodes and edges are addressed by their position (`usize`) in the built
//! graph; the string id is the stable name used in files such as `layout.ron`.
//! Bad input records are skipped and reported as [`BuildProblem`]s.

use std::collections::HashMap;
use std::fmt;

/// One concept as the index hands it over.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeInput {
    /// The stable concept id, e.g. `police-diplomacy`.
    pub id: String,
    /// An index into the caller's list of kinds (DiplomacyForm, Threat, …).
    pub kind: u16,
    /// How many times the corpus mentions the concept.
    pub mentions: u32,
}

/// One relation as the index hands it over, with endpoints named by id.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeInput {
    pub source: String,
    pub target: String,
    /// An index into the caller's list of edge kinds (curated relation types, co-occurrence).
    pub kind: u16,
    /// Strength of the relation (e.g. the number of evidence passages); must be > 0.
    pub weight: f32,
    /// Whether the relation reads one way (`counters`) or both (`co-occurs`).
    pub directed: bool,
    /// How far above chance the two ends are seen together (the index's G²,
    /// [`crate::index::association`]); [`f32::INFINITY`] for a relation that
    /// is not a statistical guess (a curated one). Filters hide edges below
    /// a threshold from the overview.
    pub significance: f32,
}

/// A node of the built graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: String,
    pub kind: u16,
    pub mentions: u32,
    /// Relative radius, 1 for an unmentioned concept, growing with the log of mentions.
    pub size: f32,
    /// Weight in the layout's repulsion; heavier nodes claim more room.
    pub mass: f32,
}

/// An edge of the built graph; `source` and `target` are node indices.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    pub source: usize,
    pub target: usize,
    pub kind: u16,
    pub weight: f32,
    pub directed: bool,
    /// See [`EdgeInput::significance`] (NaN is read as 0).
    pub significance: f32,
}

impl Edge {
    /// The endpoint that is not `node` (for an edge touching `node`).
    pub fn other(&self, node: usize) -> usize {
        if self.source == node { self.target } else { self.source }
    }
}

/// An input record that was left out of the graph, and why.
#[derive(Debug, Clone, PartialEq)]
pub enum BuildProblem {
    /// A second node with an id already seen; the first one is kept.
    DuplicateNode { id: String },
    /// An edge (by its position in the input) naming a node that does not exist.
    UnknownEndpoint { edge: usize, id: String },
    /// An edge from a node to itself; the layout has no use for it.
    SelfLoop { edge: usize, id: String },
    /// An edge whose weight is not a positive finite number.
    BadWeight { edge: usize, weight: f32 },
}

impl fmt::Display for BuildProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildProblem::DuplicateNode { id } => write!(f, "duplicate node `{id}`"),
            BuildProblem::UnknownEndpoint { edge, id } => write!(f, "edge {edge} names unknown node `{id}`"),
            BuildProblem::SelfLoop { edge, id } => write!(f, "edge {edge} goes from `{id}` to itself"),
            BuildProblem::BadWeight { edge, weight } => write!(f, "edge {edge} has weight {weight}, not > 0"),
        }
    }
}

/// An immutable graph with adjacency lists, built once per index revision.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    index_of: HashMap<String, usize>,
    /// `adjacent[adjacency_start[n]..adjacency_start[n + 1]]` are the edges touching node `n`.
    adjacency_start: Vec<usize>,
    adjacent: Vec<usize>,
    /// How many directed edges touch each node (read every frame by the label level of detail).
    directed_degree: Vec<u32>,
    max_weight: f32,
    max_size: f32,
}

/// Relative node radius for a mention count: 1 for none, about 3.3 for 100.
pub fn size_from_mentions(mentions: u32) -> f32 {
    1.0 + 0.5 * (1.0 + mentions as f32).ln()
}

impl Graph {
    /// Builds a graph, skipping (and reporting) duplicate nodes and bad edges.
    pub fn build(nodes: Vec<NodeInput>, edges: Vec<EdgeInput>) -> (Graph, Vec<BuildProblem>) {
        let mut problems = Vec::new();
        let (nodes, index_of) = collect_nodes(nodes, &mut problems);
        let edges = collect_edges(edges, &index_of, &mut problems);
        let (adjacency_start, adjacent) = adjacency(nodes.len(), &edges);
        let max_weight = edges.iter().map(|e| e.weight).fold(0.0, f32::max);
        let max_size = nodes.iter().map(|n| n.size).fold(0.0, f32::max);
        let mut directed_degree = vec![0u32; nodes.len()];
        for edge in edges.iter().filter(|e| e.directed) {
            directed_degree[edge.source] += 1;
            directed_degree[edge.target] += 1;
        }
        let graph = Graph { nodes, edges, index_of, adjacency_start, adjacent, directed_degree, max_weight, max_size };
        (graph, problems)
    }

    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    pub fn edge_count(&self) -> usize {
        self.edges.len()
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn edges(&self) -> &[Edge] {
        &self.edges
    }

    pub fn node(&self, index: usize) -> Option<&Node> {
        self.nodes.get(index)
    }

    pub fn edge(&self, index: usize) -> Option<&Edge> {
        self.edges.get(index)
    }

    /// The index of the node with this concept id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.index_of.get(id).copied()
    }

    /// Indices of the edges touching `node` (either direction); empty when out of range.
    pub fn edges_of(&self, node: usize) -> &[usize] {
        let (Some(&start), Some(&end)) = (self.adjacency_start.get(node), self.adjacency_start.get(node + 1)) else {
            return &[];
        };
        &self.adjacent[start..end]
    }

    /// Number of edges touching `node`.
    pub fn degree(&self, node: usize) -> usize {
        self.edges_of(node).len()
    }

    /// Number of directed edges touching `node` (0 when out of range).
    pub fn directed_degree(&self, node: usize) -> usize {
        self.directed_degree.get(node).map_or(0, |&d| d as usize)
    }

    /// The largest edge weight, 0 for a graph without edges.
    pub fn max_weight(&self) -> f32 {
        self.max_weight
    }

    /// The largest node size, 0 for an empty graph.
    pub fn max_size(&self) -> f32 {
        self.max_size
    }
}

fn collect_nodes(inputs: Vec<NodeInput>, problems: &mut Vec<BuildProblem>) -> (Vec<Node>, HashMap<String, usize>) {
    let mut nodes = Vec::with_capacity(inputs.len());
    let mut index_of = HashMap::with_capacity(inputs.len());
    for input in inputs {
        if index_of.contains_key(&input.id) {
            problems.push(BuildProblem::DuplicateNode { id: input.id });
            continue;
        }
        index_of.insert(input.id.clone(), nodes.len());
        let size = size_from_mentions(input.mentions);
        nodes.push(Node { id: input.id, kind: input.kind, mentions: input.mentions, size, mass: size });
    }
    (nodes, index_of)
}

fn collect_edges(
    inputs: Vec<EdgeInput>,
    index_of: &HashMap<String, usize>,
    problems: &mut Vec<BuildProblem>,
) -> Vec<Edge> {
    let mut edges = Vec::with_capacity(inputs.len());
    for (position, input) in inputs.into_iter().enumerate() {
        if let Some(edge) = check_edge(position, input, index_of, problems) {
            edges.push(edge);
        }
    }
    edges
}

fn check_edge(
    position: usize,
    input: EdgeInput,
    index_of: &HashMap<String, usize>,
    problems: &mut Vec<BuildProblem>,
) -> Option<Edge> {
    let Some(&source) = index_of.get(&input.source) else {
        problems.push(BuildProblem::UnknownEndpoint { edge: position, id: input.source });
        return None;
    };
    let Some(&target) = index_of.get(&input.target) else {
        problems.push(BuildProblem::UnknownEndpoint { edge: position, id: input.target });
        return None;
    };
    if source == target {
        problems.push(BuildProblem::SelfLoop { edge: position, id: input.source });
        return None;
    }
    if !(input.weight.is_finite() && input.weight > 0.0) {
        problems.push(BuildProblem::BadWeight { edge: position, weight: input.weight });
        return None;
    }
    let significance = if input.significance.is_nan() { 0.0 } else { input.significance };
    Some(Edge { source, target, kind: input.kind, weight: input.weight, directed: input.directed, significance })
}

/// Compressed adjacency: for each node, the edges touching it, in edge order.
fn adjacency(node_count: usize, edges: &[Edge]) -> (Vec<usize>, Vec<usize>) {
    let mut start = vec![0usize; node_count + 1];
    for edge in edges {
        start[edge.source + 1] += 1;
        start[edge.target + 1] += 1;
    }
    for i in 0..node_count {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut adjacent = vec![0usize; start[node_count]];
    for (index, edge) in edges.iter().enumerate() {
        for end in [edge.source, edge.target] {
            adjacent[fill[end]] = index;
            fill[end] += 1;
        }
    }
    (start, adjacent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(id: &str) -> NodeInput {
        NodeInput { id: id.into(), kind: 0, mentions: 3 }
    }

    fn edge(source: &str, target: &str, weight: f32) -> EdgeInput {
        EdgeInput { source: source.into(), target: target.into(), kind: 0, weight, directed: false, significance: 1.0 }
    }

    #[test]
    fn bad_records_are_skipped_and_reported() {
        let (graph, problems) = Graph::build(
            vec![node("a"), node("b"), node("a")],
            vec![edge("a", "b", 1.0), edge("a", "zz", 1.0), edge("b", "b", 1.0), edge("a", "b", f32::NAN)],
        );
        assert_eq!(graph.node_count(), 2);
        assert_eq!(graph.edge_count(), 1);
        let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            text,
            [
                "duplicate node `a`",
                "edge 1 names unknown node `zz`",
                "edge 2 goes from `b` to itself",
                "edge 3 has weight NaN, not > 0"
            ]
        );
    }

    #[test]
    fn adjacency_lists_both_ends() {
        let (graph, _) =
            Graph::build(vec![node("a"), node("b"), node("c")], vec![edge("a", "b", 1.0), edge("c", "a", 2.0)]);
        assert_eq!(graph.edges_of(0), &[0, 1]);
        assert_eq!(graph.edges_of(1), &[0]);
        assert_eq!(graph.edges_of(2), &[1]);
        assert_eq!(graph.edges_of(9), &[] as &[usize]);
        assert_eq!(graph.max_weight(), 2.0);
        assert_eq!(graph.index_of("c"), Some(2));
    }
}
