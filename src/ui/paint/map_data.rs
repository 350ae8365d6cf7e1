//! The concept map's graph, built from the loaded model: one node per concept
//! of the catalog (node `n` is concept `n`), one edge per index edge, minus
//! co-occurrences that repeat a curated relation between the same two concepts
//! (the curated edge already carries their passages). Co-occurrences come
//! first, so curated relations are drawn over them and hit first.
//!
//! Node and edge kinds are small codes ([`kind_code`], [`edge_code`]) that the
//! graph core carries as style indices; this module maps them back to names.
//! No drawing here: the map view and the image export both build on it.

use std::sync::Arc;

use crate::graph::Graph;
use crate::text::Lang;
use crate::ui::context::model::Model;

// The codes live in the core, so the exports draw the same graph.
pub use crate::export::map::{
    CO_OCCURRENCE, RELATION_KINDS, all_edge_codes, edge_code, edge_kind_of_code, kind_code, kind_of_code,
};

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
        let (graph, index_edges) = crate::export::map::map_graph(&model.corpus, &model.index);
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
    use crate::catalog::ConceptKind;
    use crate::index::EdgeKind;

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
