//! Generated graphs shaped like a real concept graph (clusters of related
//! concepts, a few heavily mentioned hubs, some links between clusters), for
//! benchmarks, tests and demos. Deterministic from a seed.

use std::collections::HashSet;

use super::data::{EdgeInput, NodeInput};
use super::rng::Rng;

/// Node kinds used by the generator (like DiplomacyForm, Threat, Organisation, Topic).
pub const KINDS: u16 = 4;
/// Edge kinds used by the generator.
pub const EDGE_KINDS: u16 = 3;

/// `node_count` nodes in about √n clusters and `edge_count` distinct edges,
/// 85 % of them inside a cluster. Ids are `n0`, `n1`, …; node `i` belongs to
/// cluster `cluster_of(i)`.
pub fn clustered(node_count: usize, edge_count: usize, seed: u64) -> (Vec<NodeInput>, Vec<EdgeInput>) {
    let mut rng = Rng::new(seed);
    let clusters = cluster_count(node_count);
    let nodes: Vec<NodeInput> = (0..node_count)
        .map(|i| {
            let mentions = (rng.next_f32() * 6.0).exp() as u32;
            let kind = if rng.below(5) == 0 { rng.below(KINDS.into()) as u16 } else { (i % clusters) as u16 % KINDS };
            NodeInput { id: format!("n{i}"), kind, mentions }
        })
        .collect();
    let edges = clustered_edges(node_count, edge_count, clusters, &mut rng);
    (nodes, edges)
}

/// The number of clusters the generator uses for `node_count` nodes.
pub fn cluster_count(node_count: usize) -> usize {
    ((node_count as f64).sqrt() as usize).max(1)
}

/// The cluster of node `node` in a graph of `node_count` nodes.
pub fn cluster_of(node: usize, node_count: usize) -> usize {
    node % cluster_count(node_count)
}

fn clustered_edges(node_count: usize, edge_count: usize, clusters: usize, rng: &mut Rng) -> Vec<EdgeInput> {
    let mut seen = HashSet::with_capacity(edge_count);
    let mut edges = Vec::with_capacity(edge_count);
    let max_pairs = node_count.saturating_mul(node_count.saturating_sub(1)) / 2;
    let wanted = edge_count.min(max_pairs);
    while edges.len() < wanted {
        let source = hub_biased_node(node_count, rng);
        let target = if rng.below(100) < 85 {
            same_cluster_node(source, node_count, clusters, rng)
        } else {
            rng.below(node_count as u64) as usize
        };
        let pair = (source.min(target), source.max(target));
        if source == target || !seen.insert(pair) {
            continue;
        }
        let weight = (1 + rng.below(4) * rng.below(4)) as f32;
        let kind = rng.below(EDGE_KINDS.into()) as u16;
        let directed = kind != 0;
        // Curated kinds always show; co-occurrences get a G² of 0, 8, 16 or 24
        // from their ends (so the random stream, and the graph, stay as before).
        let significance = if directed { f32::INFINITY } else { 8.0 * ((source * 31 + target) % 4) as f32 };
        edges.push(EdgeInput {
            source: format!("n{source}"),
            target: format!("n{target}"),
            kind,
            weight,
            directed,
            significance,
        });
    }
    edges
}

/// Low indices are picked more often, so some nodes become hubs.
fn hub_biased_node(node_count: usize, rng: &mut Rng) -> usize {
    let a = rng.below(node_count as u64);
    let b = rng.below(node_count as u64);
    if rng.below(4) == 0 { a.min(b) as usize } else { a as usize }
}

fn same_cluster_node(node: usize, node_count: usize, clusters: usize, rng: &mut Rng) -> usize {
    let cluster = node % clusters;
    let members = (node_count - cluster).div_ceil(clusters);
    cluster + clusters * rng.below(members as u64) as usize
}
