//! The map picture's one model, for the window's map view, the presenter and
//! every export: the graph of the corpus (one node per concept of the catalog,
//! node `n` is concept `n`; one edge per index edge, [`map_graph`]), the index
//! edge behind each graph edge, the concept labels per language ([`MapData`]),
//! and for the exports its settled layout ([`SettledMap`]). Node and edge
//! kinds are small codes ([`kind_code`], [`edge_code`]) the graph core carries
//! as style indices. Deterministic: the same corpus and `layout.ron` always
//! give the same positions. No drawing here.

use std::collections::HashSet;
use std::sync::Arc;

use crate::catalog::{ConceptKind, Localized, RelationKind};
use crate::corpus::Corpus;
use crate::graph::{EdgeInput, Graph, Layout, LayoutConfig, NodeInput, SceneStyle, Vec2, load_layout};
use crate::index::{EdgeKind, Index};
use crate::text::Lang;

/// The most layout steps run before a map is drawn (it settles far sooner).
const MAX_LAYOUT_STEPS: usize = 5000;

/// What the map shows, the one model of the map picture for the window, the
/// presenter and every export: the graph of the corpus, the index edge behind
/// each graph edge, and each node's labels.
#[derive(Debug, Clone)]
pub struct MapData {
    pub graph: Arc<Graph>,
    /// For each graph edge, the index edge (in `index.edges`) it shows.
    pub index_edges: Vec<usize>,
    /// Labels by node (node `n` is concept `n`).
    pub labels: Vec<Localized>,
}

/// A map laid out: [`MapData`] and where its nodes sit, as the exports and
/// the presenter draw it (the window's map view runs its own live layout).
#[derive(Debug, Clone)]
pub struct SettledMap {
    pub data: MapData,
    /// World positions, one per node (index = catalog index).
    pub positions: Vec<Vec2>,
    /// Pinned in `layout.ron`, by node index.
    pub pinned: Vec<bool>,
}

/// The edge code of co-occurrences; curated relations are `1 + ` their place in [`RELATION_KINDS`].
pub const CO_OCCURRENCE: u16 = 0;

/// Every curated relation kind, in the order of their edge codes.
pub const RELATION_KINDS: [RelationKind; 9] = [
    RelationKind::Counters,
    RelationKind::WorksThrough,
    RelationKind::Serves,
    RelationKind::MemberOf,
    RelationKind::PartnerOf,
    RelationKind::ObserverOf,
    RelationKind::PartOf,
    RelationKind::Fuels,
    RelationKind::RelatedTo,
];

/// The node code of a concept kind (its place in [`ConceptKind::ALL`]).
pub fn kind_code(kind: ConceptKind) -> u16 {
    ConceptKind::ALL.iter().position(|&k| k == kind).unwrap_or(0) as u16
}

/// The concept kind of a node code.
pub fn kind_of_code(code: u16) -> ConceptKind {
    ConceptKind::ALL.get(usize::from(code)).copied().unwrap_or(ConceptKind::Topic)
}

/// The edge code of an index edge kind.
pub fn edge_code(kind: EdgeKind) -> u16 {
    match kind {
        EdgeKind::CoOccurrence => CO_OCCURRENCE,
        EdgeKind::Relation(relation) => 1 + RELATION_KINDS.iter().position(|&r| r == relation).unwrap_or(0) as u16,
    }
}

/// The index edge kind of an edge code.
pub fn edge_kind_of_code(code: u16) -> EdgeKind {
    match code.checked_sub(1).and_then(|i| RELATION_KINDS.get(usize::from(i))) {
        Some(&relation) => EdgeKind::Relation(relation),
        None => EdgeKind::CoOccurrence,
    }
}

/// Every edge code: co-occurrence, then the curated kinds.
pub fn all_edge_codes() -> impl Iterator<Item = u16> {
    0..=RELATION_KINDS.len() as u16
}

/// The edge code of an edge kind name (`counters`, …, `co-occurrence`), as tours write them.
pub fn edge_code_of_name(name: &str) -> Option<u16> {
    all_edge_codes().find(|&code| edge_kind_of_code(code).as_str() == name)
}

/// The layout's knobs for concept maps. Labels are far wider than nodes, so
/// the map needs nodes spread evenly more than it needs tight clusters: strong
/// repulsion, weak gravity, and edge weights that barely change the pull (the
/// seeds' heavy co-occurrences otherwise squeeze the hubs into one blot).
/// Spacing goes as `ideal_length·√repulsion`; the length is chosen so nodes
/// keep their size on screen when the map is fitted; each node claims room
/// for its glyph so a dense cluster does not draw as one blot even zoomed in
/// (a presenter's step). On the bundled corpus
/// about 45 of 71 labels fit at 880×550 points and 53 at 940×650 (with
/// `repulsion: 3, gravity: 0.6, weight_influence: 0.5`: 40 and 48).
///
/// Regions by kind, faint pulls for the co-occurrences the overview leaves
/// out, and a last pass that untangles crossing links; the significance
/// threshold is the one-test level here, [`map_layout_config_for`] a graph's.
pub fn map_layout_config() -> LayoutConfig {
    LayoutConfig {
        repulsion: 15.0,
        gravity: 0.3,
        weight_influence: 0.1,
        ideal_length: 25.0,
        collision: 25.0,
        group_pull: 1.0,
        min_significance: crate::index::association::DEFAULT_MIN_G2,
        faint_pull: 0.05,
        untangle: true,
        ..LayoutConfig::default()
    }
}

/// [`map_layout_config`] with the default significance threshold of `graph`.
pub fn map_layout_config_for(graph: &Graph) -> LayoutConfig {
    LayoutConfig { min_significance: default_min_significance(graph), ..map_layout_config() }
}

/// The significance a co-occurrence needs to be drawn in the overview by
/// default: the χ² level corrected for the number of pairs tested
/// ([`crate::index::association::threshold_for`]), those edges of `graph`
/// whose significance is a test's result (finite).
pub fn default_min_significance(graph: &Graph) -> f32 {
    let tests = graph.edges().iter().filter(|e| e.significance.is_finite()).count();
    crate::index::association::threshold_for(tests)
}

/// More drawn nodes than this are summarised in clusters (the level of
/// detail of large catalogs; the seeds' map of 71 concepts never is).
pub const CLUSTER_ABOVE: usize = 600;

/// Sizes of the drawn map: nodes a little larger than the core's default and
/// a label candidate for nearly every node drawn (one per label cell); the
/// label placement ([`crate::graph::labels`]) then keeps those that fit;
/// more than [`CLUSTER_ABOVE`] nodes in view are drawn as clusters.
pub fn map_scene_style() -> SceneStyle {
    SceneStyle {
        node_radius: 7.0,
        max_node_radius: 24.0,
        label_min_radius: 2.5,
        label_cell: Vec2::new(90.0, 18.0),
        label_every_node_below: 400,
        cluster_above: CLUSTER_ABOVE,
        ..SceneStyle::default()
    }
}

impl MapData {
    /// The map of `corpus` and `index`, not laid out.
    pub fn of(corpus: &Corpus, index: &Index) -> MapData {
        let (graph, index_edges) = map_graph(corpus, index);
        let labels = corpus.catalog.concepts.iter().map(|c| c.labels.clone()).collect();
        MapData { graph: Arc::new(graph), index_edges, labels }
    }

    /// The label of `node` in `lang`, else in another language, else its id.
    pub fn label(&self, node: usize, lang: Lang) -> &str {
        match self.labels.get(node).map(|l| l.get_or_any(lang)).filter(|l| !l.trim().is_empty()) {
            Some(label) => label,
            None => self.graph.node(node).map_or("", |n| n.id.as_str()),
        }
    }

    /// Every node's label in `lang` (as [`MapData::label`]), in node order.
    pub fn labels_in(&self, lang: Lang) -> Vec<String> {
        (0..self.graph.node_count()).map(|n| self.label(n, lang).to_string()).collect()
    }

    /// The index edge shown by graph edge `edge`.
    pub fn index_edge<'i>(&self, index: &'i Index, edge: usize) -> Option<&'i crate::index::Edge> {
        self.index_edges.get(edge).and_then(|&e| index.edges.get(e))
    }
}

impl SettledMap {
    /// The map of `corpus` and `index`, laid out until still, with the pins
    /// of `layout.ron` applied (a broken `layout.ron` is ignored here;
    /// `diplomap check` reports it).
    pub fn build(corpus: &Corpus, index: &Index) -> SettledMap {
        let data = MapData::of(corpus, index);
        let graph = &data.graph;
        let is_known = |id: &str| graph.index_of(id).is_some();
        let (pins, _problems) = load_layout(&corpus.dir.join("layout.ron"), is_known);
        let mut layout = Layout::new(Arc::clone(graph), map_layout_config_for(graph));
        layout.apply_pins(&pins);
        layout.run(MAX_LAYOUT_STEPS);
        let pinned = (0..graph.node_count()).map(|n| layout.is_pinned(n)).collect();
        SettledMap { positions: layout.positions().to_vec(), data, pinned }
    }

    /// A map over already laid out nodes, none pinned.
    pub fn from_parts(data: MapData, positions: Vec<Vec2>) -> SettledMap {
        let pinned = vec![false; data.graph.node_count()];
        SettledMap { data, positions, pinned }
    }

    /// The graph drawn.
    pub fn graph(&self) -> &Graph {
        &self.data.graph
    }

    /// The label of `node` in `lang` ([`MapData::label`]).
    pub fn label(&self, node: usize, lang: Lang) -> &str {
        self.data.label(node, lang)
    }
}

/// The map's graph: every concept of the catalog as a node (node `n` is
/// concept `n`), every index edge as an edge, minus co-occurrences that repeat
/// a curated relation between the same two concepts (the curated edge already
/// carries their passages). Each co-occurrence carries its G² as its
/// significance ([`crate::index::association`]), curated relations infinity. Co-occurrences come first, so curated relations
/// are drawn over them. Also returns, for each graph edge, its index edge.
pub fn map_graph(corpus: &Corpus, index: &Index) -> (Graph, Vec<usize>) {
    let concepts = &corpus.catalog.concepts;
    let nodes: Vec<NodeInput> = concepts
        .iter()
        .enumerate()
        .map(|(n, concept)| NodeInput {
            id: concept.id.clone(),
            kind: kind_code(concept.kind),
            mentions: index.mention_counts.get(n).copied().unwrap_or(0) as u32,
        })
        .collect();
    let edges = &index.edges;
    let pair = |e: &crate::index::Edge| (e.source.min(e.target), e.source.max(e.target));
    let curated_pairs: HashSet<(usize, usize)> = edges.iter().filter(|e| e.kind.is_directed()).map(pair).collect();
    let usable = |e: &crate::index::Edge| e.source != e.target && e.weight.is_finite() && e.weight > 0.0;
    let co_occurrences =
        edges.iter().enumerate().filter(|(_, e)| e.kind == EdgeKind::CoOccurrence && !curated_pairs.contains(&pair(e)));
    let curated = edges.iter().enumerate().filter(|(_, e)| e.kind.is_directed());
    let tests = crate::index::association::of_edges(index);
    let mut index_edges = Vec::new();
    let mut inputs = Vec::new();
    for (position, edge) in co_occurrences.chain(curated) {
        let (Some(source), Some(target)) = (concepts.get(edge.source), concepts.get(edge.target)) else {
            continue;
        };
        if !usable(edge) {
            continue;
        }
        index_edges.push(position);
        inputs.push(EdgeInput {
            source: source.id.clone(),
            target: target.id.clone(),
            kind: edge_code(edge.kind),
            weight: edge.weight,
            directed: edge.kind.is_directed(),
            significance: tests.get(position).copied().flatten().map_or(f32::INFINITY, |t| t.significance()),
        });
    }
    // Ids are unique and every edge was checked above, so nothing is dropped
    // and graph edge `i` is `index_edges[i]`.
    (Graph::build(nodes, inputs).0, index_edges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edge_codes_round_trip() {
        for code in all_edge_codes() {
            assert_eq!(edge_code(edge_kind_of_code(code)), code);
        }
        assert_eq!(edge_code(EdgeKind::CoOccurrence), CO_OCCURRENCE);
        for kind in ConceptKind::ALL {
            assert_eq!(kind_of_code(kind_code(kind)), kind);
        }
    }
}
