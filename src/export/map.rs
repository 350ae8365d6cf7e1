//! The map as exports (and the presenter) see it: the graph of the corpus
//! (concepts as nodes, index edges), its settled layout, and the concept labels
//! per language. Built from the corpus and its index, deterministic: the same
//! corpus and `layout.ron` always give the same positions.

use std::sync::Arc;

use crate::catalog::ConceptKind;
use crate::corpus::Corpus;
use crate::graph::{EdgeInput, Graph, Layout, LayoutConfig, NodeInput, Vec2, load_layout};
use crate::index::{EdgeKind, Index};
use crate::text::Lang;
use crate::tours::{CONCEPT_KINDS, EDGE_KINDS};

/// The most layout steps run before a map is drawn (it settles far sooner).
const MAX_LAYOUT_STEPS: usize = 5000;

/// The graph, where its nodes sit, and what they are called.
#[derive(Debug, Clone)]
pub struct MapData {
    pub graph: Arc<Graph>,
    /// World positions, one per node (index = catalog index).
    pub positions: Vec<Vec2>,
    /// Pinned in `layout.ron`, by node index.
    pub pinned: Vec<bool>,
    /// Labels by node, per language.
    pub labels: Vec<[String; 3]>,
}

/// The index into [`CONCEPT_KINDS`] of a concept kind: a node's `kind`.
pub fn node_kind_index(kind: ConceptKind) -> u16 {
    ConceptKind::ALL.iter().position(|k| *k == kind).unwrap_or(0) as u16
}

/// The index into [`EDGE_KINDS`] of an index edge kind: an edge's `kind`.
pub fn edge_kind_index(kind: EdgeKind) -> u16 {
    EDGE_KINDS.iter().position(|name| *name == kind.as_str()).unwrap_or(EDGE_KINDS.len() - 1) as u16
}

/// The kind name (`DiplomacyForm`, …) of node kind index `kind`.
pub fn node_kind_name(kind: u16) -> &'static str {
    CONCEPT_KINDS.get(kind as usize).copied().unwrap_or("Topic")
}

/// The edge kind name (`counters`, …, `co-occurrence`) of edge kind index `kind`.
pub fn edge_kind_name(kind: u16) -> &'static str {
    EDGE_KINDS.get(kind as usize).copied().unwrap_or("co-occurrence")
}

impl MapData {
    /// The graph of `corpus` and `index`, laid out until still, with the
    /// pins of `layout.ron` applied (a broken `layout.ron` is ignored here;
    /// `diplomap check` reports it).
    pub fn build(corpus: &Corpus, index: &Index) -> MapData {
        let graph = Arc::new(graph_of(corpus, index));
        let is_known = |id: &str| graph.index_of(id).is_some();
        let (pins, _problems) = load_layout(&corpus.dir.join("layout.ron"), is_known);
        let mut layout = Layout::new(Arc::clone(&graph), LayoutConfig::default());
        layout.apply_pins(&pins);
        layout.run(MAX_LAYOUT_STEPS);
        let pinned = (0..graph.node_count()).map(|n| layout.is_pinned(n)).collect();
        let labels = corpus
            .catalog
            .concepts
            .iter()
            .map(|c| [c.labels.fa.clone(), c.labels.ar.clone(), c.labels.en.clone()])
            .collect();
        MapData { positions: layout.positions().to_vec(), graph, pinned, labels }
    }

    /// A map over an already laid out graph (the app's current map).
    pub fn from_parts(graph: Arc<Graph>, positions: Vec<Vec2>, labels: Vec<[String; 3]>) -> MapData {
        let pinned = vec![false; graph.node_count()];
        MapData { graph, positions, pinned, labels }
    }

    /// The label of `node` in `lang`, else in English, else its id.
    pub fn label(&self, node: usize, lang: Lang) -> &str {
        let Some(labels) = self.labels.get(node) else {
            return self.graph.node(node).map_or("", |n| n.id.as_str());
        };
        let wanted = &labels[lang_slot(lang)];
        if !wanted.trim().is_empty() {
            return wanted;
        }
        if !labels[2].trim().is_empty() {
            return &labels[2];
        }
        self.graph.node(node).map_or("", |n| n.id.as_str())
    }
}

fn lang_slot(lang: Lang) -> usize {
    match lang {
        Lang::Fa => 0,
        Lang::Ar => 1,
        Lang::En => 2,
    }
}

/// Every concept of the catalog as a node (index = catalog index), every index
/// edge as an edge (curated relations directed).
fn graph_of(corpus: &Corpus, index: &Index) -> Graph {
    let concepts = &corpus.catalog.concepts;
    let nodes = concepts
        .iter()
        .enumerate()
        .map(|(i, c)| NodeInput {
            id: c.id.clone(),
            kind: node_kind_index(c.kind),
            mentions: index.mention_counts.get(i).copied().unwrap_or(0) as u32,
        })
        .collect();
    let edges = index
        .edges
        .iter()
        .filter_map(|e| {
            Some(EdgeInput {
                source: concepts.get(e.source)?.id.clone(),
                target: concepts.get(e.target)?.id.clone(),
                kind: edge_kind_index(e.kind),
                weight: e.weight.max(f32::MIN_POSITIVE),
                directed: e.kind.is_directed(),
            })
        })
        .collect();
    Graph::build(nodes, edges).0
}
