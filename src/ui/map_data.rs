//! The concept map's graph, built from the loaded model: one node per concept
//! of the catalog (node `n` is concept `n`), one edge per index edge, minus
//! co-occurrences that repeat a curated relation between the same two concepts
//! (the curated edge already carries their passages). Co-occurrences come
//! first, so curated relations are drawn over them and hit first.
//!
//! Node and edge kinds are small codes ([`kind_code`], [`edge_code`]) that the
//! graph core carries as style indices; this module maps them back to names.
//! No drawing here: the map view and the image export both build on it.

use std::collections::HashSet;
use std::sync::Arc;

use super::model::Model;
use crate::catalog::{ConceptKind, RelationKind};
use crate::graph::{EdgeInput, Graph, NodeInput};
use crate::index::EdgeKind;
use crate::text::Lang;

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

/// The map's graph and how its edges map back to the index.
#[derive(Debug, Clone)]
pub struct MapData {
    pub graph: Arc<Graph>,
    /// For each graph edge, the index edge (in `model.index.edges`) it shows.
    pub index_edges: Vec<usize>,
    /// The model revision this was built from.
    pub revision: u64,
}

impl MapData {
    /// Builds the graph of the model's catalog and index.
    pub fn build(model: &Model) -> MapData {
        let concepts = &model.corpus.catalog.concepts;
        let nodes: Vec<NodeInput> = concepts
            .iter()
            .enumerate()
            .map(|(n, concept)| NodeInput {
                id: concept.id.clone(),
                kind: kind_code(concept.kind),
                mentions: model.index.mention_counts.get(n).copied().unwrap_or(0) as u32,
            })
            .collect();
        let edges = &model.index.edges;
        let curated_pairs: HashSet<(usize, usize)> = edges
            .iter()
            .filter(|e| e.kind.is_directed())
            .map(|e| (e.source.min(e.target), e.source.max(e.target)))
            .collect();
        let usable = |e: &crate::index::Edge| e.source != e.target && e.weight.is_finite() && e.weight > 0.0;
        let co_occurrences = edges.iter().enumerate().filter(|(_, e)| {
            e.kind == EdgeKind::CoOccurrence && !curated_pairs.contains(&(e.source.min(e.target), e.source.max(e.target)))
        });
        let curated = edges.iter().enumerate().filter(|(_, e)| e.kind.is_directed());
        let mut index_edges = Vec::new();
        let mut inputs = Vec::new();
        for (position, edge) in co_occurrences.chain(curated) {
            if !usable(edge) {
                continue;
            }
            let (Some(source), Some(target)) = (concepts.get(edge.source), concepts.get(edge.target)) else {
                continue;
            };
            index_edges.push(position);
            inputs.push(EdgeInput {
                source: source.id.clone(),
                target: target.id.clone(),
                kind: edge_code(edge.kind),
                weight: edge.weight,
                directed: edge.kind.is_directed(),
            });
        }
        // Ids are unique and every edge was checked above, so nothing is dropped
        // and graph edge `i` is `index_edges[i]`.
        let (graph, _problems) = Graph::build(nodes, inputs);
        MapData { graph: Arc::new(graph), index_edges, revision: model.revision }
    }

    /// The index edge shown by graph edge `edge`.
    pub fn index_edge<'m>(&self, model: &'m Model, edge: usize) -> Option<&'m crate::index::Edge> {
        self.index_edges.get(edge).and_then(|&e| model.index.edges.get(e))
    }
}

/// Every node's label in `lang` (falling back to another language), in node order.
pub fn node_labels(model: &Model, lang: Lang) -> Vec<String> {
    model.corpus.catalog.concepts.iter().map(|c| c.labels.get_or_any(lang).to_string()).collect()
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
