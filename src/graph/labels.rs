//! Where node labels go on screen, so none covers another.
//!
//! The scene ([`super::scene`]) chooses which nodes *may* get a label (its level
//! of detail); this module decides where each one goes, once the labels' sizes
//! are known (the UI measures them with its fonts, the SVG export estimates
//! them). Labels are placed one by one, most important first
//! ([`LabelPriority`], then bigger nodes first). Each tries a few spots around
//! its node — below, above, beside, then the diagonals — and takes the free
//! spot that crosses the fewest edges. A spot is free when it overlaps no label
//! placed before and no other node, and lies on screen. Whether a spot is
//! near any node is first asked of an [`Occupancy`] grid (constant time per
//! spot); only on maps of up to [`EXACT_NODES_LIMIT`] nodes are the nodes near
//! it then tested one by one (beyond, the grid's cells decide, erring on the
//! side of leaving a label out).
//!
//! When no spot is free, an optional label is left out (it appears on hover or
//! when zoomed in, where there is room), a wanted one (a focus's neighbours)
//! may cover nodes but never another label nor a node the reader is looking
//! at (hovered, selected, or one whose label must be shown: a tour step's
//! focus), and a label that must be shown (hovered, selected, highlighted)
//! takes the least crowded spot, keeping off those nodes when it can.
//!
//! [`PlacementCache`] keeps the last placement: a frame whose camera, graph
//! and hover did not move gets it back without any of this work.
//!
//! ```
//! use diplomap::graph::labels::{LabelPriority, LabelRequest, place_labels};
//! use diplomap::graph::Vec2;
//! let request = |node, x| LabelRequest {
//!     node, centre: Vec2::new(x, 100.0), radius: 5.0, size: Vec2::new(80.0, 16.0),
//!     priority: LabelPriority::Optional, weight: 1.0,
//! };
//! // Two nodes 30 points apart: their labels cannot both sit below them.
//! let placed = place_labels(vec![request(0, 100.0), request(1, 130.0)], &[], &[], Vec2::new(400.0, 300.0), &[]);
//! assert_eq!(placed.len(), 2);
//! assert!(!placed[0].rect.intersects(&placed[1].rect));
//! ```

use super::data::Graph;
use super::geom::{Rect, Vec2};
use super::occupancy::Occupancy;
use super::query::NodeSet;
use super::scene::{EdgeShape, NodeShape, Scene};

/// How much a label matters; higher is placed first and given up last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LabelPriority {
    /// Shown when there is room.
    Optional,
    /// Shown unless it would cover another label (the nodes in focus).
    Wanted,
    /// Always shown (hovered, selected, highlighted).
    Must,
}

/// A node that wants its label drawn, in screen points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelRequest {
    pub node: usize,
    pub centre: Vec2,
    pub radius: f32,
    /// The label's box.
    pub size: Vec2,
    pub priority: LabelPriority,
    /// Among equal priorities, heavier nodes go first ([`super::scene::label_importance`]).
    pub weight: f32,
}

/// A label's place: its box on screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedLabel {
    pub node: usize,
    pub rect: Rect,
    pub priority: LabelPriority,
    /// A label set a little away from a crowded node: the thin line to draw
    /// from the node's rim to the label's box.
    pub leader: Option<[Vec2; 2]>,
}

/// Nodes at least this share of the drawn nodes' greatest importance are
/// landmarks: labelled like a focus's nodes (over other nodes if need be).
const LANDMARK_SHARE: f32 = 0.6;
/// Space between a node's rim and its label, in points.
pub const LABEL_GAP: f32 = 3.0;
/// Space kept free around every label, in points.
const LABEL_PADDING: f32 = 2.0;
/// Edges are avoided only when at most this many are drawn (beyond, the map
/// is a texture of lines and counting crossings costs more than it helps).
const EDGE_AWARE_LIMIT: usize = 5000;
/// Side of the cells of the lookup grids, in points (larger on huge views,
/// so a grid never has more than [`MAX_CELLS_PER_SIDE`] cells a side).
const CELL: f32 = 48.0;
const MAX_CELLS_PER_SIDE: f32 = 64.0;
/// Up to this many drawn nodes, labels keep clear of other nodes exactly;
/// beyond, by the cells of the occupancy grid (see [`NearNodes::count`]).
const EXACT_NODES_LIMIT: usize = 2000;
/// Side of the cells of the occupancy grid of nodes, in points.
const OCCUPANCY_CELL: f32 = 4.0;

/// The label requests of a scene's drawn nodes: hovered, selected and
/// `highlighted` nodes must be labelled, the `wanted` ones (a focus) and the
/// landmarks (the most important drawn nodes) should be, and the scene's own
/// level-of-detail choices may be. `size_of` gives a
/// node's label box (`None`: no label, e.g. an empty name).
pub fn requests_of_scene(
    scene: &Scene,
    graph: &Graph,
    highlighted: Option<&NodeSet>,
    wanted: Option<&NodeSet>,
    mut size_of: impl FnMut(usize) -> Option<Vec2>,
) -> Vec<LabelRequest> {
    let mut in_scene = NodeSet::empty(graph.node_count());
    for label in &scene.labels {
        in_scene.insert(label.node);
    }
    let importance: Vec<f32> = scene.nodes.iter().map(|s| super::scene::label_importance(graph, s.node)).collect();
    let most_important = importance.iter().copied().fold(0.0, f32::max);
    let mut requests = Vec::new();
    for (shape, &weight) in scene.nodes.iter().zip(&importance) {
        let node = shape.node;
        let landmark = weight >= LANDMARK_SHARE * most_important && shape.emphasis != super::scene::Emphasis::Dimmed;
        let priority = if shape.hovered || shape.selected || highlighted.is_some_and(|set| set.contains(node)) {
            LabelPriority::Must
        } else if wanted.is_some_and(|set| set.contains(node)) || (landmark && in_scene.contains(node)) {
            LabelPriority::Wanted
        } else if in_scene.contains(node) {
            LabelPriority::Optional
        } else {
            continue;
        };
        let Some(size) = size_of(node) else { continue };
        requests.push(LabelRequest { node, centre: shape.centre, radius: shape.radius, size, priority, weight });
    }
    requests
}

/// Places `requests` (in any order) without overlaps, avoiding `nodes` and
/// crossing as few `edges` as it can, in a view of `viewport` points, where
/// `blocked` areas (a legend drawn over the map) count as labels placed
/// already. Returns the placed labels, most important first.
pub fn place_labels(
    mut requests: Vec<LabelRequest>,
    nodes: &[NodeShape],
    edges: &[EdgeShape],
    viewport: Vec2,
    blocked: &[Rect],
) -> Vec<PlacedLabel> {
    requests.sort_by(|a, b| b.priority.cmp(&a.priority).then(b.weight.total_cmp(&a.weight)).then(a.node.cmp(&b.node)));
    let screen = Rect::from_min_size(Vec2::ZERO, viewport);
    let mut near_nodes = NearNodes::new(nodes, viewport, &requests);
    let mut edge_grid = CellGrid::new(viewport);
    let edge_aware = edges.len() <= EDGE_AWARE_LIMIT;
    if edge_aware {
        for (i, edge) in edges.iter().enumerate() {
            edge_grid.insert_segment(edge.from, edge.to, i);
        }
    }
    let mut label_grid = CellGrid::new(viewport);
    let mut placed: Vec<PlacedLabel> = Vec::with_capacity(requests.len() + blocked.len());
    for &rect in blocked {
        label_grid.insert_rect(rect, placed.len());
        placed.push(PlacedLabel { node: usize::MAX, rect, priority: LabelPriority::Must, leader: None });
    }
    let mut scratch = Vec::new();
    let mut unplaced = Vec::new();
    for request in &requests {
        let mut best: Option<(f32, Rect)> = None;
        for (order, rect) in spots_around(request).iter().enumerate() {
            let padded = rect.expanded(LABEL_PADDING);
            let Some(penalty) = spot_penalty(request, rect, &padded, &screen, &mut near_nodes, |padded| {
                count_labels(&mut label_grid, &placed, padded, &mut scratch)
            }) else {
                continue;
            };
            let crossings =
                if edge_aware { count_edges(&mut edge_grid, edges, rect, &mut scratch) as f32 } else { 0.0 };
            let cost = penalty + crossings + 0.05 * order as f32;
            if best.is_none_or(|(c, _)| cost < c) {
                best = Some((cost, *rect));
            }
            if penalty == 0.0 && crossings == 0.0 {
                // Free and crossing nothing: no later spot can cost less.
                break;
            }
        }
        let Some((_, rect)) = best else {
            unplaced.push(request);
            continue;
        };
        label_grid.insert_rect(rect, placed.len());
        placed.push(PlacedLabel { node: request.node, rect, priority: request.priority, leader: None });
    }
    if nodes.len() <= LEADER_NODES_LIMIT {
        for request in unplaced {
            let Some((rect, leader)) = leader_spot(request, &screen, &mut near_nodes, &placed, |rect, scratch| {
                let labels = count_labels(&mut label_grid, &placed, rect, scratch);
                let crossings = if edge_aware { count_edges(&mut edge_grid, edges, rect, scratch) } else { 0 };
                (labels, crossings)
            }) else {
                continue;
            };
            label_grid.insert_rect(rect, placed.len());
            placed.push(PlacedLabel { node: request.node, rect, priority: request.priority, leader: Some(leader) });
        }
    }
    placed.drain(..blocked.len());
    placed
}

/// Up to this many drawn nodes, a label with no room beside its node is
/// tried a little further off, with a leader line to it (a crowd of small
/// organisations around a hub); beyond, the map is too dense for leaders to help.
const LEADER_NODES_LIMIT: usize = 400;

/// How far from the usual spots a label with a leader may go, in points.
const LEADER_REACH: [f32; 5] = [12.0, 24.0, 40.0, 60.0, 85.0];

/// The free spot further from `request`'s node, by the usual spots pushed out
/// along their direction, that crosses the fewest edges (nearer first on a
/// tie), and its leader from the node's rim to the box; `None` when all are taken.
/// `labels_and_edges` counts the labels a rect overlaps and the edges it crosses.
fn leader_spot(
    request: &LabelRequest,
    screen: &Rect,
    near_nodes: &mut NearNodes,
    placed: &[PlacedLabel],
    mut labels_and_edges: impl FnMut(&Rect, &mut Vec<usize>) -> (usize, usize),
) -> Option<(Rect, [Vec2; 2])> {
    let mut scratch = Vec::new();
    let mut best: Option<(f32, Rect, [Vec2; 2])> = None;
    for (step, reach) in LEADER_REACH.into_iter().enumerate() {
        for rect in spots_around(request) {
            let direction = (rect.centre() - request.centre).normalized_or_zero();
            let rect = Rect::from_min_size(rect.min + direction * reach, rect.size());
            let padded = rect.expanded(LABEL_PADDING);
            if !contains_rect(screen, &rect) || near_nodes.count(request, &padded) > 0 {
                continue;
            }
            let (labels, crossings) = labels_and_edges(&padded, &mut scratch);
            let leader = [request.centre + direction * request.radius, nearest_point(&rect, request.centre)];
            if labels > 0 || placed.iter().any(|p| p.rect.touches_segment(leader[0], leader[1])) {
                continue;
            }
            let cost = crossings as f32 + 0.5 * step as f32;
            if best.is_none_or(|(c, _, _)| cost < c) {
                best = Some((cost, rect, leader));
            }
        }
        if best.is_some_and(|(c, _, _)| c < 1.0) {
            break;
        }
    }
    best.map(|(_, rect, leader)| (rect, leader))
}

/// The point of `rect` nearest to `point`.
fn nearest_point(rect: &Rect, point: Vec2) -> Vec2 {
    Vec2::new(point.x.clamp(rect.min.x, rect.max.x), point.y.clamp(rect.min.y, rect.max.y))
}

/// The extra cost of putting `request`'s label at `rect` (`padded` with its
/// margin), or `None` when its priority may not go there. Cheap questions
/// first: an optional label gives up a spot at the first thing in the way.
fn spot_penalty(
    request: &LabelRequest,
    rect: &Rect,
    padded: &Rect,
    screen: &Rect,
    near_nodes: &mut NearNodes,
    labels_over: impl FnOnce(&Rect) -> usize,
) -> Option<f32> {
    let off_screen = !contains_rect(screen, rect);
    if request.priority == LabelPriority::Optional {
        // Any conflict refuses the spot: the cheapest questions first.
        let free = !off_screen && near_nodes.count(request, padded) == 0 && labels_over(padded) == 0;
        return free.then_some(0.0);
    }
    let labels = labels_over(padded);
    if request.priority == LabelPriority::Wanted && (labels > 0 || off_screen) {
        return None;
    }
    let key_nodes = near_nodes.key_nodes_under(request, padded);
    if request.priority == LabelPriority::Wanted && key_nodes > 0 {
        return None;
    }
    let nodes = near_nodes.count(request, padded);
    Conflicts { labels, nodes, key_nodes, off_screen }.penalty(request.priority)
}

/// The drawn nodes, to ask which of them a label's spot would cover.
struct NearNodes<'a> {
    nodes: &'a [NodeShape],
    /// Whether a node is drawn (its own box then counts in `occupancy`).
    drawn: NodeSet,
    /// Counts of node boxes per small cell: most spots are plainly clear.
    occupancy: Occupancy,
    /// The nodes by (coarse) cell, for the spots that are not, on maps of
    /// at most [`EXACT_NODES_LIMIT`] nodes.
    grid: Option<CellGrid>,
    /// The nodes a reader is looking at (hovered, selected, or labelled
    /// because they must be: a tour step's focus and highlights), which no
    /// other label may cover while it has anywhere else to go.
    key_nodes: Vec<(usize, Vec2, f32)>,
    scratch: Vec<usize>,
}

impl<'a> NearNodes<'a> {
    fn new(nodes: &'a [NodeShape], viewport: Vec2, requests: &[LabelRequest]) -> Self {
        let mut must = NodeSet::empty(nodes.iter().map(|shape| shape.node + 1).max().unwrap_or(0));
        for request in requests.iter().filter(|r| r.priority == LabelPriority::Must) {
            if request.node < must.capacity() {
                must.insert(request.node);
            }
        }
        let key_nodes = nodes
            .iter()
            .filter(|shape| shape.hovered || shape.selected || must.contains(shape.node))
            .map(|shape| (shape.node, shape.centre, shape.radius))
            .collect();
        let boxes = || nodes.iter().map(|shape| disc_box(shape.centre, shape.radius));
        let occupancy = Occupancy::build(viewport, OCCUPANCY_CELL, boxes());
        let mut drawn = NodeSet::empty(nodes.iter().map(|shape| shape.node + 1).max().unwrap_or(0));
        for shape in nodes {
            drawn.insert(shape.node);
        }
        let grid = (nodes.len() <= EXACT_NODES_LIMIT).then(|| {
            let mut grid = CellGrid::new(viewport);
            for (i, rect) in boxes().enumerate() {
                grid.insert_rect(rect, i);
            }
            grid
        });
        NearNodes { nodes, drawn, occupancy, grid, key_nodes, scratch: Vec::new() }
    }

    /// How many key nodes other than `request`'s own `padded` touches.
    fn key_nodes_under(&self, request: &LabelRequest, padded: &Rect) -> usize {
        let covered = |&&(node, centre, radius): &&(usize, Vec2, f32)| {
            node != request.node && padded.touches_circle(centre, radius)
        };
        self.key_nodes.iter().filter(covered).count()
    }

    /// How many nodes other than `request`'s own `padded` touches. On maps of
    /// more than [`EXACT_NODES_LIMIT`] nodes, the answer is how many cells of
    /// the occupancy grid `padded` shares with other nodes' boxes: zero
    /// exactly when no node is near, and otherwise a measure of crowding — so
    /// a spot may be refused for a node a few points beyond it, never taken
    /// over one.
    fn count(&mut self, request: &LabelRequest, padded: &Rect) -> usize {
        // The node's own box is in the grid when it is drawn: it does not count.
        let own = if self.drawn.contains(request.node) {
            self.occupancy.shared_cells(&disc_box(request.centre, request.radius), padded)
        } else {
            0
        };
        let occupied = self.occupancy.count(padded).saturating_sub(own);
        if occupied == 0 {
            return 0;
        }
        let Some(grid) = &mut self.grid else { return occupied as usize };
        grid.collect(padded, &mut self.scratch);
        self.scratch
            .iter()
            .map(|&i| &self.nodes[i])
            .filter(|shape| shape.node != request.node && padded.touches_circle(shape.centre, shape.radius))
            .count()
    }
}

/// The last placement and what it was made from. While the camera, the
/// graph and the hover stay still, a frame asks for the same placement as the
/// frame before: [`PlacementCache::place`] then hands it back without the work.
#[derive(Debug, Clone, Default)]
pub struct PlacementCache {
    inputs: Option<PlacementInputs>,
    placed: Vec<PlacedLabel>,
}

/// Everything [`place_labels`] looks at.
#[derive(Debug, Clone, PartialEq)]
struct PlacementInputs {
    requests: Vec<LabelRequest>,
    nodes: Vec<NodeShape>,
    /// The edges only when the placement avoids them (see [`EDGE_AWARE_LIMIT`]).
    edges: Vec<EdgeShape>,
    viewport: Vec2,
    blocked: Vec<Rect>,
}

impl PlacementCache {
    /// Like [`place_labels`], but when every input equals the last call's, the
    /// last result comes back without placing anything again.
    pub fn place(
        &mut self,
        requests: Vec<LabelRequest>,
        nodes: &[NodeShape],
        edges: &[EdgeShape],
        viewport: Vec2,
        blocked: &[Rect],
    ) -> &[PlacedLabel] {
        let edges_used = if edges.len() <= EDGE_AWARE_LIMIT { edges } else { &[] };
        let same = self.inputs.as_ref().is_some_and(|last| {
            last.viewport == viewport
                && last.requests == requests
                && last.blocked == blocked
                && last.nodes == nodes
                && last.edges == edges_used
        });
        if !same {
            self.placed = place_labels(requests.clone(), nodes, edges, viewport, blocked);
            self.inputs = Some(PlacementInputs {
                requests,
                nodes: nodes.to_vec(),
                edges: edges_used.to_vec(),
                viewport,
                blocked: blocked.to_vec(),
            });
        }
        &self.placed
    }
}

/// What a spot would cover.
struct Conflicts {
    labels: usize,
    nodes: usize,
    /// Of `nodes`, those a reader is looking at.
    key_nodes: usize,
    off_screen: bool,
}

impl Conflicts {
    /// The extra cost of taking the spot, or `None` when `priority` may not take it.
    fn penalty(&self, priority: LabelPriority) -> Option<f32> {
        let free = self.labels == 0 && self.nodes == 0 && !self.off_screen;
        match priority {
            _ if free => Some(0.0),
            LabelPriority::Optional => None,
            LabelPriority::Wanted if self.labels > 0 || self.off_screen || self.key_nodes > 0 => None,
            LabelPriority::Wanted => Some(20.0 * self.nodes as f32),
            LabelPriority::Must => Some(
                1000.0 * self.labels as f32
                    + 20.0 * self.nodes as f32
                    + 400.0 * self.key_nodes as f32
                    + if self.off_screen { 500.0 } else { 0.0 },
            ),
        }
    }
}

/// The spots a label may take around its node, best first: below, above,
/// right, left, then the four diagonals.
fn spots_around(request: &LabelRequest) -> [Rect; 8] {
    let LabelRequest { centre, radius, size, .. } = *request;
    let gap = radius + LABEL_GAP;
    let half = size * 0.5;
    let at = |x: f32, y: f32| Rect::from_min_size(Vec2::new(x, y), size);
    let diagonal = radius * std::f32::consts::FRAC_1_SQRT_2 + LABEL_GAP;
    [
        at(centre.x - half.x, centre.y + gap),
        at(centre.x - half.x, centre.y - gap - size.y),
        at(centre.x + gap, centre.y - half.y),
        at(centre.x - gap - size.x, centre.y - half.y),
        at(centre.x + diagonal, centre.y + diagonal),
        at(centre.x - diagonal - size.x, centre.y + diagonal),
        at(centre.x + diagonal, centre.y - diagonal - size.y),
        at(centre.x - diagonal - size.x, centre.y - diagonal - size.y),
    ]
}

fn disc_box(centre: Vec2, radius: f32) -> Rect {
    Rect::from_min_max(centre - Vec2::new(radius, radius), centre + Vec2::new(radius, radius))
}

fn contains_rect(outer: &Rect, inner: &Rect) -> bool {
    outer.contains(inner.min) && outer.contains(inner.max)
}

fn count_labels(grid: &mut CellGrid, placed: &[PlacedLabel], rect: &Rect, scratch: &mut Vec<usize>) -> usize {
    grid.collect(rect, scratch);
    scratch.iter().filter(|&&i| placed[i].rect.intersects(rect)).count()
}

fn count_edges(grid: &mut CellGrid, edges: &[EdgeShape], rect: &Rect, scratch: &mut Vec<usize>) -> usize {
    grid.collect(rect, scratch);
    scratch.iter().filter(|&&i| rect.touches_segment(edges[i].from, edges[i].to)).count()
}

/// A coarse grid over the screen listing which items touch each cell (items
/// off screen go to the border cells, which is harmless: they are tested exactly).
struct CellGrid {
    cell: f32,
    columns: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
    /// The query in which each item was last collected (to list it once without sorting).
    seen: Vec<u32>,
    query: u32,
}

impl CellGrid {
    fn new(viewport: Vec2) -> Self {
        let longest = if viewport.is_finite() { viewport.x.max(viewport.y) } else { 0.0 };
        let cell = CELL.max(longest / MAX_CELLS_PER_SIDE);
        let columns = (viewport.x / cell).ceil().clamp(1.0, MAX_CELLS_PER_SIDE) as usize;
        let rows = (viewport.y / cell).ceil().clamp(1.0, MAX_CELLS_PER_SIDE) as usize;
        CellGrid { cell, columns, rows, cells: vec![Vec::new(); columns * rows], seen: Vec::new(), query: 0 }
    }

    fn column(&self, x: f32) -> usize {
        ((x / self.cell).max(0.0) as usize).min(self.columns - 1)
    }

    fn row(&self, y: f32) -> usize {
        ((y / self.cell).max(0.0) as usize).min(self.rows - 1)
    }

    fn span(&self, rect: &Rect) -> Option<(std::ops::RangeInclusive<usize>, std::ops::RangeInclusive<usize>)> {
        if rect.is_empty() || !rect.min.is_finite() || !rect.max.is_finite() {
            return None;
        }
        Some((self.column(rect.min.x)..=self.column(rect.max.x), self.row(rect.min.y)..=self.row(rect.max.y)))
    }

    fn insert_rect(&mut self, rect: Rect, item: usize) {
        let Some((columns, rows)) = self.span(&rect) else { return };
        for row in rows {
            for column in columns.clone() {
                self.cells[row * self.columns + column].push(item as u32);
            }
        }
    }

    /// Adds `item` to every cell the segment passes through (sampled at a
    /// third of a cell, which never skips a cell it crosses by more than that).
    fn insert_segment(&mut self, a: Vec2, b: Vec2, item: usize) {
        if !a.is_finite() || !b.is_finite() {
            return;
        }
        let steps = ((a.distance(b) / (self.cell / 3.0)).ceil() as usize).clamp(1, 4 * (self.columns + self.rows));
        let mut last = usize::MAX;
        for step in 0..=steps {
            let p = a + (b - a) * (step as f32 / steps as f32);
            let cell = self.row(p.y) * self.columns + self.column(p.x);
            if cell != last {
                let members = &mut self.cells[cell];
                if members.last() != Some(&(item as u32)) {
                    members.push(item as u32);
                }
                last = cell;
            }
        }
    }

    /// The items of the cells `rect` touches, each once, into `out`.
    fn collect(&mut self, rect: &Rect, out: &mut Vec<usize>) {
        out.clear();
        let Some((columns, rows)) = self.span(rect) else { return };
        self.query = self.query.wrapping_add(1);
        if self.query == 0 {
            self.seen.iter_mut().for_each(|s| *s = 0);
            self.query = 1;
        }
        for row in rows {
            for column in columns.clone() {
                for &item in &self.cells[row * self.columns + column] {
                    let item = item as usize;
                    if item >= self.seen.len() {
                        self.seen.resize(item + 1, 0);
                    }
                    if self.seen[item] != self.query {
                        self.seen[item] = self.query;
                        out.push(item);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::scene::Emphasis;

    fn request(node: usize, x: f32, y: f32, priority: LabelPriority) -> LabelRequest {
        LabelRequest { node, centre: Vec2::new(x, y), radius: 6.0, size: Vec2::new(90.0, 16.0), priority, weight: 1.0 }
    }

    fn node(node: usize, x: f32, y: f32, radius: f32) -> NodeShape {
        NodeShape {
            node,
            centre: Vec2::new(x, y),
            radius,
            kind: 0,
            emphasis: Emphasis::Normal,
            hovered: false,
            selected: false,
            pinned: false,
            members: 1,
        }
    }

    #[test]
    fn a_name_with_no_room_beside_its_node_goes_further_off_with_a_leader() {
        // A small node in a ring of others: every usual spot covers one of
        // them, the space beyond the ring is free.
        let mut nodes = vec![node(0, 300.0, 200.0, 4.0)];
        for (i, (dx, dy)) in [
            (0.0, 14.0),
            (0.0, -14.0),
            (14.0, 0.0),
            (-14.0, 0.0),
            (12.0, 12.0),
            (-12.0, 12.0),
            (12.0, -12.0),
            (-12.0, -12.0),
        ]
        .into_iter()
        .enumerate()
        {
            nodes.push(node(i + 1, 300.0 + dx, 200.0 + dy, 4.0));
        }
        let mut crowded = request(0, 300.0, 200.0, LabelPriority::Optional);
        crowded.radius = 4.0;
        crowded.size = Vec2::new(40.0, 14.0);
        let placed = place_labels(vec![crowded], &nodes, &[], Vec2::new(600.0, 400.0), &[]);
        assert_eq!(placed.len(), 1, "the name is shown");
        let [from, to] = placed[0].leader.expect("with a leader to its node");
        assert!((from.distance(Vec2::new(300.0, 200.0)) - 4.0).abs() < 0.01, "the leader starts at the node's rim");
        assert!(placed[0].rect.contains(to) || placed[0].rect.expanded(0.01).contains(to), "and ends on the label");
        for other in &nodes[1..] {
            assert!(!placed[0].rect.expanded(LABEL_PADDING).touches_circle(other.centre, other.radius));
        }
    }

    #[test]
    fn a_wanted_label_in_a_crowd_never_covers_the_node_in_focus() {
        // A tour step's focus (selected) sits right under a neighbour whose
        // name finds no free spot: every other spot covers two ordinary
        // nodes, the one below only the focus. The name may cover ordinary
        // nodes, never the focus (step 5 of the shipped tour: UNODC's name
        // over INTERPOL).
        let crowd = [
            (260.0, 183.0),
            (340.0, 183.0),
            (360.0, 200.0),
            (400.0, 200.0),
            (200.0, 200.0),
            (240.0, 200.0),
            (380.0, 215.0),
            (400.0, 215.0),
            (200.0, 215.0),
            (220.0, 215.0),
            (380.0, 185.0),
            (400.0, 185.0),
            (200.0, 185.0),
            (220.0, 185.0),
        ];
        let mut nodes: Vec<NodeShape> = crowd.iter().enumerate().map(|(i, &(x, y))| node(i + 2, x, y, 3.0)).collect();
        nodes.push(node(0, 300.0, 200.0, 6.0));
        let mut focus = node(1, 300.0, 230.0, 10.0);
        focus.selected = true;
        nodes.push(focus);
        let mut wanted = request(0, 300.0, 200.0, LabelPriority::Wanted);
        wanted.size = Vec2::new(100.0, 16.0);
        let requests = vec![wanted, request(1, 300.0, 230.0, LabelPriority::Must)];
        let placed = place_labels(requests, &nodes, &[], Vec2::new(600.0, 400.0), &[]);
        let focus_label = placed.iter().find(|p| p.node == 1).expect("the focus is named");
        let label = placed.iter().find(|p| p.node == 0).expect("the neighbour is named, over ordinary nodes");
        assert!(!label.rect.touches_circle(Vec2::new(300.0, 230.0), 10.0), "{label:?} covers the focus");
        assert!(!label.rect.intersects(&focus_label.rect));
    }

    const VIEW: Vec2 = Vec2::new(800.0, 600.0);

    #[test]
    fn a_lone_label_goes_below_its_node() {
        let placed = place_labels(vec![request(0, 400.0, 300.0, LabelPriority::Optional)], &[], &[], VIEW, &[]);
        assert_eq!(placed.len(), 1);
        let rect = placed[0].rect;
        assert!(rect.min.y > 300.0 && (rect.centre().x - 400.0).abs() < 1e-3, "{rect:?}");
    }

    #[test]
    fn crowded_labels_never_overlap_and_the_bigger_node_wins() {
        let mut requests: Vec<LabelRequest> =
            (0..12).map(|i| request(i, 400.0 + 4.0 * i as f32, 300.0, LabelPriority::Optional)).collect();
        requests[7].weight = 9.0;
        let placed = place_labels(requests, &[], &[], VIEW, &[]);
        assert!(placed.len() < 12, "not all twelve fit in one spot");
        assert_eq!(placed[0].node, 7, "the heaviest node is labelled first");
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!a.rect.intersects(&b.rect), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn labels_keep_off_other_nodes_and_the_screen_edge() {
        // A node right below node 0 blocks the spot under it; the screen edge blocks the right.
        let nodes = [node(0, 400.0, 300.0, 6.0), node(1, 400.0, 320.0, 8.0)];
        let placed = place_labels(vec![request(0, 400.0, 300.0, LabelPriority::Optional)], &nodes, &[], VIEW, &[]);
        let rect = placed[0].rect;
        assert!(!rect.touches_circle(nodes[1].centre, nodes[1].radius));
        assert!(rect.max.y < 300.0, "it goes above: {rect:?}");
        let edge = place_labels(vec![request(0, 790.0, 590.0, LabelPriority::Optional)], &[], &[], VIEW, &[]);
        assert!(edge.is_empty() || contains_rect(&Rect::from_min_size(Vec2::ZERO, VIEW), &edge[0].rect));
    }

    #[test]
    fn labels_avoid_crossing_edges_when_they_can() {
        // A vertical edge runs down from the node: the label moves to a side or above.
        let edges = [EdgeShape {
            edge: 0,
            from: Vec2::new(400.0, 306.0),
            to: Vec2::new(400.0, 500.0),
            width: 1.0,
            kind: 0,
            emphasis: Emphasis::Normal,
            arrow: None,
        }];
        let placed = place_labels(vec![request(0, 400.0, 300.0, LabelPriority::Optional)], &[], &edges, VIEW, &[]);
        assert!(!placed[0].rect.touches_segment(edges[0].from, edges[0].to), "{:?}", placed[0].rect);
    }

    #[test]
    fn blocked_areas_are_kept_free() {
        let legend = Rect::from_min_size(Vec2::new(300.0, 306.0), Vec2::new(200.0, 100.0));
        let placed = place_labels(vec![request(0, 400.0, 300.0, LabelPriority::Wanted)], &[], &[], VIEW, &[legend]);
        assert_eq!(placed.len(), 1);
        assert!(!placed[0].rect.intersects(&legend), "{:?}", placed[0].rect);
    }

    #[test]
    fn the_cache_places_again_only_when_something_changed() {
        let nodes = [node(0, 400.0, 300.0, 6.0), node(1, 400.0, 320.0, 8.0)];
        let requests = vec![request(0, 400.0, 300.0, LabelPriority::Optional)];
        let mut cache = PlacementCache::default();
        let first = cache.place(requests.clone(), &nodes, &[], VIEW, &[]).to_vec();
        assert_eq!(first, place_labels(requests.clone(), &nodes, &[], VIEW, &[]));
        assert_eq!(cache.place(requests.clone(), &nodes, &[], VIEW, &[]), &first[..]);
        // The blocking node moves away: the label goes back below its node.
        let moved = [nodes[0], node(1, 100.0, 100.0, 8.0)];
        let again = cache.place(requests.clone(), &moved, &[], VIEW, &[]).to_vec();
        assert_eq!(again, place_labels(requests, &moved, &[], VIEW, &[]));
        assert_ne!(again, first);
    }

    #[test]
    fn crowded_nodes_are_avoided_exactly_not_by_cells() {
        // A node 1 point beyond the padded spot below its neighbour: in the
        // same 4-point cell as the spot, yet not touching it. The spot is free.
        let own = node(0, 200.0, 100.0, 6.0);
        let spot_below = spots_around(&request(0, 200.0, 100.0, LabelPriority::Optional))[0].expanded(LABEL_PADDING);
        let near = node(1, spot_below.max.x + 1.0 + 0.5, spot_below.centre().y, 0.5);
        let placed =
            place_labels(vec![request(0, 200.0, 100.0, LabelPriority::Optional)], &[own, near], &[], VIEW, &[]);
        assert!(placed[0].rect.min.y > 100.0, "still below: {:?}", placed[0].rect);
        // Every placement over a random crowd keeps clear of the other nodes.
        let mut rng = crate::graph::rng::Rng::new(3);
        let crowd: Vec<NodeShape> = (0..400)
            .map(|i| node(i, rng.range_f32(0.0, 800.0), rng.range_f32(0.0, 600.0), rng.range_f32(1.0, 5.0)))
            .collect();
        let requests: Vec<LabelRequest> = crowd
            .iter()
            .map(|n| LabelRequest {
                radius: n.radius,
                ..request(n.node, n.centre.x, n.centre.y, LabelPriority::Optional)
            })
            .collect();
        let placed = place_labels(requests, &crowd, &[], VIEW, &[]);
        assert!(placed.len() > 20, "{} placed", placed.len());
        for label in &placed {
            let padded = label.rect.expanded(LABEL_PADDING);
            for other in crowd.iter().filter(|n| n.node != label.node) {
                assert!(!padded.touches_circle(other.centre, other.radius), "{label:?} covers {other:?}");
            }
        }
    }

    #[test]
    fn on_huge_maps_optional_labels_keep_clear_of_nodes_by_cells() {
        // More nodes than the exact limit, scattered: labels still never touch another node.
        let mut rng = crate::graph::rng::Rng::new(4);
        let crowd: Vec<NodeShape> = (0..EXACT_NODES_LIMIT + 500)
            .map(|i| node(i, rng.range_f32(0.0, 1600.0), rng.range_f32(0.0, 1000.0), rng.range_f32(1.0, 3.0)))
            .collect();
        let requests: Vec<LabelRequest> = crowd
            .iter()
            .step_by(5)
            .map(|n| LabelRequest {
                radius: n.radius,
                ..request(n.node, n.centre.x, n.centre.y, LabelPriority::Optional)
            })
            .collect();
        let view = Vec2::new(1600.0, 1000.0);
        let placed = place_labels(requests, &crowd, &[], view, &[]);
        assert!(!placed.is_empty());
        for (i, label) in placed.iter().enumerate() {
            let padded = label.rect.expanded(LABEL_PADDING);
            for other in crowd.iter().filter(|n| n.node != label.node) {
                assert!(!padded.touches_circle(other.centre, other.radius), "{label:?} covers {other:?}");
            }
            for later in &placed[i + 1..] {
                assert!(!label.rect.intersects(&later.rect));
            }
        }
    }

    #[test]
    fn must_labels_always_show_optional_ones_give_way() {
        let requests = vec![
            request(0, 400.0, 300.0, LabelPriority::Optional),
            request(1, 401.0, 300.0, LabelPriority::Must),
            request(2, 402.0, 300.0, LabelPriority::Must),
        ];
        let placed = place_labels(requests, &[], &[], VIEW, &[]);
        let shown: Vec<usize> = placed.iter().map(|p| p.node).collect();
        assert!(shown.contains(&1) && shown.contains(&2));
        assert_eq!(placed[0].priority, LabelPriority::Must);
    }
}
