//! One frame of the map view as plain drawing primitives, in screen space.
//!
//! [`build_scene`] takes node positions, a [`Camera`], the view state (hover,
//! selection, focus, filters) and a [`SceneStyle`], and returns the edges,
//! arrowheads, nodes and labels to draw — only those that touch the view:
//! nodes are found through the [`NodeGrid`], edges are culled with an exact
//! segment-versus-rectangle test. Labels follow a level of detail: when zoomed
//! out only big, hovered or selected nodes get one, and at most one label
//! claims each screen cell so they do not pile up. When more nodes than
//! [`SceneStyle::cluster_above`] would be drawn, nodes that lie close
//! together are drawn as one *cluster* in their place ([`NodeShape::members`]
//! counts them), named after its most important concept, and the edges of
//! its members meet at it (one line per pair of clusters): zoomed out, a
//! catalog of thousands shows its regions rather than a texture of dots.
//! The clusters' cells are a world grid whose size is snapped to powers of
//! two, so they stay put while the camera pans and change only as it zooms.
//!
//! The primitives carry style *indices* (node or edge kind, [`Emphasis`]), not
//! colours: the UI maps them to its theme and label text (via the bidi layout).
//! [`node_at`] and [`Scene::edge_at`] answer the inverse question: what is
//! under the cursor.

use super::camera::Camera;
use super::data::Graph;
use super::geom::{Rect, Vec2, distance_to_segment};
use super::grid::NodeGrid;
use super::query::{NodeSet, Visibility};

/// Sizes, in screen points unless said otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneStyle {
    /// World units of radius per unit of node size.
    pub node_radius: f32,
    /// Nodes are never drawn smaller than this, however far out the zoom.
    pub min_node_radius: f32,
    pub max_node_radius: f32,
    /// Width of the lightest and the heaviest edge.
    pub min_edge_width: f32,
    pub max_edge_width: f32,
    /// Arrowhead length for a hairline edge; wider edges get longer heads.
    pub arrow_length: f32,
    /// A node drawn at least this large gets a label candidate.
    pub label_min_radius: f32,
    /// A node at least this share of the graph's largest node size (0–1) gets
    /// a label candidate at any zoom.
    pub big_node_share: f32,
    /// At most one label per cell of this size…
    pub label_cell: Vec2,
    /// …unless at most this many nodes are drawn: then each is a candidate
    /// (the label placement decides which fit).
    pub label_every_node_below: usize,
    /// Space between a node and its label.
    pub label_gap: f32,
    /// Level of detail: when more nodes than this would be drawn, nodes
    /// sharing a cluster cell are drawn as one cluster (`usize::MAX`: never).
    pub cluster_above: usize,
    /// Side of a cluster cell, in points (at least; the world grid's cell is
    /// this side at the zoom rounded up to a power of two).
    pub cluster_cell: f32,
    /// A cell of at least this many drawn nodes becomes a cluster.
    pub cluster_min_members: usize,
}

impl Default for SceneStyle {
    fn default() -> Self {
        SceneStyle {
            node_radius: 6.0,
            min_node_radius: 1.5,
            max_node_radius: 48.0,
            min_edge_width: 0.5,
            max_edge_width: 4.0,
            arrow_length: 7.0,
            label_min_radius: 7.0,
            big_node_share: 0.9,
            label_cell: Vec2::new(110.0, 18.0),
            label_every_node_below: 0,
            label_gap: 2.0,
            cluster_above: usize::MAX,
            cluster_cell: 36.0,
            cluster_min_members: 3,
        }
    }
}

/// The view state that changes how things are drawn. Node indices refer to the graph.
#[derive(Debug, Clone, Copy, Default)]
pub struct SceneState<'a> {
    /// Filtered-out nodes and edges are not drawn and cannot be hit. `None`: all visible.
    pub visible: Option<&'a Visibility>,
    /// With a focus, nodes outside it (and edges leaving it) are dimmed and unlabelled.
    pub focus: Option<&'a NodeSet>,
    pub pinned: Option<&'a NodeSet>,
    pub hovered: Option<usize>,
    pub selected: Option<usize>,
}

/// Everything [`build_scene`] and [`node_at`] need for one frame.
#[derive(Debug, Clone, Copy)]
pub struct SceneInput<'a> {
    pub graph: &'a Graph,
    /// World positions, one per node.
    pub positions: &'a [Vec2],
    /// A grid built over `positions`.
    pub grid: &'a NodeGrid,
    pub camera: &'a Camera,
    pub state: SceneState<'a>,
    pub style: &'a SceneStyle,
}

/// How strongly to draw a primitive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Emphasis {
    /// Outside the focus.
    Dimmed,
    Normal,
    /// Hovered or selected, or an edge touching one.
    Highlighted,
}

/// An edge as a line from `from` to `to`, already shortened to the node rims
/// (and to the arrowhead's base for directed edges).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EdgeShape {
    pub edge: usize,
    pub from: Vec2,
    pub to: Vec2,
    pub width: f32,
    pub kind: u16,
    pub emphasis: Emphasis,
    /// Tip, then the two base corners, for a directed edge.
    pub arrow: Option<[Vec2; 3]>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NodeShape {
    pub node: usize,
    pub centre: Vec2,
    pub radius: f32,
    pub kind: u16,
    pub emphasis: Emphasis,
    pub hovered: bool,
    pub selected: bool,
    pub pinned: bool,
    /// How many concepts the shape stands for: 1 for a node; more for a
    /// cluster, drawn for its members when zoomed out, whose `node` is its
    /// most important member (it names the cluster).
    pub members: u32,
}

impl NodeShape {
    pub fn is_cluster(&self) -> bool {
        self.members > 1
    }
}

/// Where to put a node's label: centred horizontally on `anchor`, text below it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelShape {
    pub node: usize,
    pub anchor: Vec2,
    pub emphasis: Emphasis,
}

/// The primitives of one frame, in drawing order within each list (edges
/// first, then nodes, then labels).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scene {
    pub edges: Vec<EdgeShape>,
    pub nodes: Vec<NodeShape>,
    pub labels: Vec<LabelShape>,
    /// When some nodes are clustered: by node, the index in `nodes` of the
    /// shape it is drawn in (`u32::MAX`: not drawn); else empty.
    drawn_in: Vec<u32>,
}

impl Scene {
    /// The topmost drawn edge within `tolerance` points of `point`.
    pub fn edge_at(&self, point: Vec2, tolerance: f32) -> Option<usize> {
        let mut best: Option<(f32, usize)> = None;
        for shape in self.edges.iter().rev() {
            let reach = tolerance + 0.5 * shape.width;
            let distance = distance_to_segment(point, shape.from, shape.to);
            if distance <= reach && best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, shape.edge));
            }
        }
        best.map(|(_, edge)| edge)
    }

    /// The drawn node under `point` (nearest centre among those it touches).
    pub fn node_at(&self, point: Vec2, tolerance: f32) -> Option<usize> {
        self.shape_at(point, tolerance).map(|shape| shape.node)
    }

    /// The drawn node or cluster under `point` (nearest centre among those it touches).
    pub fn shape_at(&self, point: Vec2, tolerance: f32) -> Option<&NodeShape> {
        let mut best: Option<(f32, &NodeShape)> = None;
        for shape in self.nodes.iter().rev() {
            let distance = point.distance(shape.centre);
            if distance <= shape.radius + tolerance && best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, shape));
            }
        }
        best.map(|(_, shape)| shape)
    }

    /// How many concepts the shape named after `node` stands for (1 for a
    /// node drawn as itself), if it is drawn.
    pub fn members_of(&self, node: usize) -> Option<u32> {
        self.nodes.iter().find(|shape| shape.node == node).map(|shape| shape.members)
    }

    /// The index in [`Scene::nodes`] of the shape `node` is drawn in: its own
    /// or its cluster's; `None` when it is not drawn.
    pub fn shape_of(&self, node: usize) -> Option<usize> {
        if self.drawn_in.is_empty() {
            return self.nodes.iter().position(|shape| shape.node == node);
        }
        self.drawn_in.get(node).copied().filter(|&s| s != u32::MAX).map(|s| s as usize)
    }
}

/// The on-screen radius of a node of `size` at `zoom`.
pub fn screen_radius(size: f32, zoom: f32, style: &SceneStyle) -> f32 {
    (size * style.node_radius * zoom).clamp(style.min_node_radius, style.max_node_radius.max(style.min_node_radius))
}

/// Builds one frame's primitives, culled to the view.
pub fn build_scene(input: &SceneInput) -> Scene {
    let mut scene = Scene::default();
    if input.positions.len() != input.graph.node_count() {
        return scene;
    }
    let clusters = add_nodes(input, &mut scene.nodes);
    match clusters {
        Some(clusters) => {
            add_clustered_edges(input, &scene.nodes, &clusters, &mut scene.edges);
            scene.drawn_in = clusters.slot;
        }
        None => add_edges(input, &mut scene.edges),
    }
    add_labels(input, &scene.nodes, &mut scene.labels);
    scene
}

/// The node under the screen point `point` (within `tolerance` points of its
/// rim), found through the grid. Hidden nodes are never hit.
pub fn node_at(input: &SceneInput, point: Vec2, tolerance: f32) -> Option<usize> {
    if input.positions.len() != input.graph.node_count() {
        return None;
    }
    let camera = input.camera;
    let world = camera.world_from_screen(point);
    let reach = max_world_radius(input) + tolerance / camera.zoom;
    let area = Rect::from_min_max(world, world).expanded(reach);
    let mut best: Option<(f32, usize)> = None;
    input.grid.for_each_in(area, |node| {
        if !node_visible(input, node) {
            return;
        }
        let centre = camera.screen_from_world(input.positions[node]);
        let radius = screen_radius(input.graph.nodes()[node].size, camera.zoom, input.style);
        let distance = point.distance(centre);
        if distance <= radius + tolerance && best.is_none_or(|(d, n)| (distance, node) < (d, n)) {
            best = Some((distance, node));
        }
    });
    best.map(|(_, node)| node)
}

fn node_visible(input: &SceneInput, node: usize) -> bool {
    input.state.visible.is_none_or(|v| v.nodes.contains(node))
}

/// Whether an edge is drawn: always when it passes the filters, and an
/// on-demand one ([`Visibility::on_demand`]) when an end is hovered or
/// selected, or both ends are in the focus.
fn edge_visible(input: &SceneInput, edge: usize) -> bool {
    let Some(visible) = input.state.visible else {
        return true;
    };
    let ends = &input.graph.edges()[edge];
    if !(visible.nodes.contains(ends.source) && visible.nodes.contains(ends.target)) {
        return false;
    }
    if visible.edges.contains(edge) {
        return true;
    }
    visible.on_demand.contains(edge)
        && (is_marked(input, ends.source)
            || is_marked(input, ends.target)
            || input.state.focus.is_some_and(|f| f.contains(ends.source) && f.contains(ends.target)))
}

fn in_focus(input: &SceneInput, node: usize) -> bool {
    input.state.focus.is_none_or(|f| f.contains(node))
}

fn is_marked(input: &SceneInput, node: usize) -> bool {
    input.state.hovered == Some(node) || input.state.selected == Some(node)
}

/// The largest world radius any node can have on screen at this zoom.
fn max_world_radius(input: &SceneInput) -> f32 {
    let zoom = input.camera.zoom;
    screen_radius(input.graph.max_size(), zoom, input.style).max(input.style.min_node_radius) / zoom
}

fn edge_width(weight: f32, max_weight: f32, style: &SceneStyle) -> f32 {
    if max_weight <= 0.0 {
        return style.min_edge_width;
    }
    let t = ((1.0 + weight).ln() / (1.0 + max_weight).ln()).clamp(0.0, 1.0);
    style.min_edge_width + (style.max_edge_width - style.min_edge_width) * t
}

fn add_edges(input: &SceneInput, out: &mut Vec<EdgeShape>) {
    let camera = input.camera;
    let style = input.style;
    let margin = (style.max_edge_width + style.arrow_length * 2.0) / camera.zoom;
    let world_view = camera.visible_world().expanded(margin);
    let max_weight = input.graph.max_weight();
    for (index, edge) in input.graph.edges().iter().enumerate() {
        let (a, b) = (input.positions[edge.source], input.positions[edge.target]);
        if !world_view.touches_segment(a, b) || !edge_visible(input, index) {
            continue;
        }
        let width = edge_width(edge.weight, max_weight, style);
        let emphasis = edge_emphasis(input, edge.source, edge.target);
        if let Some(shape) = edge_shape(input, index, width, emphasis) {
            out.push(shape);
        }
    }
}

fn edge_emphasis(input: &SceneInput, source: usize, target: usize) -> Emphasis {
    if is_marked(input, source) || is_marked(input, target) {
        return Emphasis::Highlighted;
    }
    if in_focus(input, source) && in_focus(input, target) { Emphasis::Normal } else { Emphasis::Dimmed }
}

/// The edge's line between the node rims, with its arrowhead; `None` when the
/// nodes overlap so there is nothing to see.
fn edge_shape(input: &SceneInput, index: usize, width: f32, emphasis: Emphasis) -> Option<EdgeShape> {
    let edge = &input.graph.edges()[index];
    let (camera, nodes) = (input.camera, input.graph.nodes());
    let end = |node: usize| End {
        key: node,
        centre: camera.screen_from_world(input.positions[node]),
        radius: screen_radius(nodes[node].size, camera.zoom, input.style),
    };
    shape_between(input, index, (&end(edge.source), &end(edge.target)), width, emphasis)
}

/// Edge `index` drawn from the rim of one end's shape to the other's.
fn shape_between(
    input: &SceneInput,
    index: usize,
    ends: (&End, &End),
    width: f32,
    emphasis: Emphasis,
) -> Option<EdgeShape> {
    let edge = &input.graph.edges()[index];
    let (start, end) = (ends.0.centre, ends.1.centre);
    let length = start.distance(end);
    if length <= ends.0.radius + ends.1.radius {
        return None;
    }
    let direction = (end - start) / length;
    let from = start + direction * ends.0.radius;
    let tip = end - direction * ends.1.radius;
    let mut shape = EdgeShape { edge: index, from, to: tip, width, kind: edge.kind, emphasis, arrow: None };
    if edge.directed {
        let arrow_length = input.style.arrow_length + 1.5 * width;
        if (tip - from).length() > arrow_length {
            let base = tip - direction * arrow_length;
            let side = direction.perp() * (0.45 * arrow_length);
            shape.arrow = Some([tip, base + side, base - side]);
            shape.to = base;
        }
    }
    Some(shape)
}

/// Adds the drawn nodes (or clusters of them, see [`SceneStyle::cluster_above`]);
/// returns which shape each clustered node is drawn in, when some are.
fn add_nodes(input: &SceneInput, out: &mut Vec<NodeShape>) -> Option<Clusters> {
    let camera = input.camera;
    let screen = camera.screen_rect();
    let area = camera.visible_world().expanded(max_world_radius(input));
    input.grid.for_each_in(area, |node| {
        if !node_visible(input, node) {
            return;
        }
        let data = &input.graph.nodes()[node];
        let centre = camera.screen_from_world(input.positions[node]);
        let radius = screen_radius(data.size, camera.zoom, input.style);
        if !screen.touches_circle(centre, radius) {
            return;
        }
        out.push(node_shape(input, node, centre, radius));
    });
    let representatives = (out.len() > input.style.cluster_above).then(|| cluster_nodes(input, out));
    // Dimmed below normal below highlighted; ties in node order, so frames are stable.
    out.sort_unstable_by_key(|shape| (shape.emphasis, shape.node));
    representatives.map(|representatives| Clusters::of(&representatives, out))
}

/// Which drawn shape stands for each node once some are clustered.
struct Clusters {
    /// By node: its shape's index in the scene's nodes (`u32::MAX`: not drawn).
    slot: Vec<u32>,
}

impl Clusters {
    /// From each node's representative (the node its shape is named after,
    /// `u32::MAX` when not drawn) and the drawn shapes.
    fn of(representatives: &[u32], shapes: &[NodeShape]) -> Clusters {
        let mut slot_of_representative = vec![u32::MAX; representatives.len()];
        for (i, shape) in shapes.iter().enumerate() {
            slot_of_representative[shape.node] = i as u32;
        }
        let slot = representatives
            .iter()
            .map(|&r| slot_of_representative.get(r as usize).copied().unwrap_or(u32::MAX))
            .collect();
        Clusters { slot }
    }

    /// The index among the scene's nodes of the shape `node` is drawn as.
    fn slot(&self, node: usize) -> Option<usize> {
        self.slot.get(node).copied().filter(|&s| s != u32::MAX).map(|s| s as usize)
    }

    /// Whether `node` is drawn inside a cluster (not as itself).
    fn in_cluster(&self, node: usize, shapes: &[NodeShape]) -> bool {
        self.slot(node).is_some_and(|s| shapes[s].is_cluster())
    }
}

/// Replaces the nodes of `shapes` that share a cluster cell with one cluster
/// shape per cell, where a cell holds at least
/// [`SceneStyle::cluster_min_members`]. The selected node and a focus's
/// nodes stay on their own. Returns each node's
/// representative: the node its shape is named after (`u32::MAX`: not drawn).
fn cluster_nodes(input: &SceneInput, shapes: &mut Vec<NodeShape>) -> Vec<u32> {
    let style = input.style;
    let cell = cluster_world_cell(style.cluster_cell, input.camera.zoom);
    let key_of = |node: usize| {
        let at = input.positions[node];
        ((at.x / cell).floor() as i64, (at.y / cell).floor() as i64)
    };
    // A hovered cluster stays one (hovering names its leader); a node walked
    // to or found, and a focus's nodes, come out of theirs.
    let stays_alone = |shape: &NodeShape| shape.selected || input.state.focus.is_some_and(|f| f.contains(shape.node));
    let mut order: Vec<(bool, (i64, i64), usize)> =
        shapes.iter().enumerate().map(|(i, s)| (stays_alone(s), key_of(s.node), i)).collect();
    order.sort_unstable();
    let mut drawn_as = vec![u32::MAX; input.graph.node_count()];
    let mut kept = Vec::with_capacity(shapes.len());
    let mut start = 0;
    while start < order.len() {
        let (alone, key, _) = order[start];
        let end = if alone {
            start + 1
        } else {
            start + order[start..].iter().take_while(|(a, k, _)| !*a && *k == key).count()
        };
        let members: Vec<&NodeShape> = order[start..end].iter().map(|&(_, _, i)| &shapes[i]).collect();
        if members.len() >= style.cluster_min_members.max(2) {
            let cluster = cluster_shape(input, &members, cell);
            for member in &members {
                drawn_as[member.node] = cluster.node as u32;
            }
            kept.push(cluster);
        } else {
            for member in members {
                drawn_as[member.node] = member.node as u32;
                kept.push(*member);
            }
        }
        start = end;
    }
    *shapes = kept;
    drawn_as
}

/// The world side of the cluster cells at `zoom`: at least `points` on
/// screen, rounded up to a power of two.
fn cluster_world_cell(points: f32, zoom: f32) -> f32 {
    let wanted = (points.max(1.0) / zoom.max(1e-6)).max(1e-6);
    2f32.powi(wanted.log2().ceil() as i32)
}

/// One shape for `members`: at their middle, as large as their number asks
/// (within the cell), of their most common kind, named after the most
/// important of them, dimmed only when all of them are.
fn cluster_shape(input: &SceneInput, members: &[&NodeShape], cell: f32) -> NodeShape {
    let count = members.len() as f32;
    let centre = members.iter().fold(Vec2::new(0.0, 0.0), |sum, m| sum + m.centre) / count;
    let mut kinds: Vec<(u16, usize)> = Vec::new();
    for member in members {
        match kinds.iter_mut().find(|(k, _)| *k == member.kind) {
            Some((_, n)) => *n += 1,
            None => kinds.push((member.kind, 1)),
        }
    }
    let kind = kinds.iter().max_by_key(|&&(k, n)| (n, std::cmp::Reverse(k))).map_or(0, |&(k, _)| k);
    let importance = |m: &&&NodeShape| label_importance(input.graph, m.node);
    let leader = members.iter().max_by(|a, b| importance(a).total_cmp(&importance(b)).then(b.node.cmp(&a.node)));
    let leader = leader.map_or(members[0].node, |m| m.node);
    let on_screen_cell = cell * input.camera.zoom;
    let radius = (4.0 + 1.6 * count.sqrt()).min(0.5 * on_screen_cell).max(input.style.min_node_radius);
    let emphasis =
        if members.iter().all(|m| m.emphasis == Emphasis::Dimmed) { Emphasis::Dimmed } else { Emphasis::Normal };
    NodeShape {
        node: leader,
        centre,
        radius,
        kind,
        emphasis,
        hovered: input.state.hovered == Some(leader),
        selected: false,
        pinned: false,
        members: members.len() as u32,
    }
}

/// The edges when some nodes are clustered: an edge leaving a cluster starts
/// at the cluster, edges inside one are not drawn, and of the edges between
/// the same two shapes one is drawn (a curated relation before a
/// co-occurrence, then the heaviest), a little wider for each more it stands for.
fn add_clustered_edges(input: &SceneInput, shapes: &[NodeShape], clusters: &Clusters, out: &mut Vec<EdgeShape>) {
    let camera = input.camera;
    let style = input.style;
    let margin = (style.max_edge_width + style.arrow_length * 2.0) / camera.zoom;
    let world_view = camera.visible_world().expanded(margin);
    let max_weight = input.graph.max_weight();
    // The two ends' keys of an edge touching a cluster → its index in `out`.
    let mut drawn: std::collections::HashMap<(usize, usize), usize> = std::collections::HashMap::new();
    for (index, edge) in input.graph.edges().iter().enumerate() {
        if !edge_visible(input, index) {
            continue;
        }
        let end = |node: usize| match clusters.slot(node) {
            Some(slot) => End { key: slot, centre: shapes[slot].centre, radius: shapes[slot].radius },
            None => End {
                key: shapes.len() + node,
                centre: camera.screen_from_world(input.positions[node]),
                radius: screen_radius(input.graph.nodes()[node].size, camera.zoom, style),
            },
        };
        let (a, b) = (end(edge.source), end(edge.target));
        if a.key == b.key {
            continue;
        }
        let width = edge_width(edge.weight, max_weight, style);
        let emphasis = edge_emphasis(input, edge.source, edge.target);
        if !clusters.in_cluster(edge.source, shapes) && !clusters.in_cluster(edge.target, shapes) {
            // Between two nodes drawn as themselves (or off screen): as without clusters.
            let (wa, wb) = (input.positions[edge.source], input.positions[edge.target]);
            if world_view.touches_segment(wa, wb)
                && let Some(shape) = shape_between(input, index, (&a, &b), width, emphasis)
            {
                out.push(shape);
            }
            continue;
        }
        let Some(shape) = shape_between(input, index, (&a, &b), width, emphasis) else { continue };
        let pair = (a.key.min(b.key), a.key.max(b.key));
        match drawn.get(&pair) {
            None => {
                drawn.insert(pair, out.len());
                out.push(shape);
            }
            Some(&at) => {
                let kept = &mut out[at];
                let wider = (kept.width.max(width) + 0.25).min(style.max_edge_width + 2.0);
                if outranks(input, index, kept.edge) {
                    *kept = shape;
                }
                kept.width = wider;
            }
        }
    }
}

/// One end of a drawn edge: the shape it meets (a cluster or a node), by key.
struct End {
    key: usize,
    centre: Vec2,
    radius: f32,
}

/// Whether edge `a` is drawn before edge `b` among edges between the same two
/// shapes: a curated (directed) relation first, then the heavier.
fn outranks(input: &SceneInput, a: usize, b: usize) -> bool {
    let (ea, eb) = (&input.graph.edges()[a], &input.graph.edges()[b]);
    (ea.directed, ea.weight) > (eb.directed, eb.weight)
}

fn node_shape(input: &SceneInput, node: usize, centre: Vec2, radius: f32) -> NodeShape {
    let state = &input.state;
    let hovered = state.hovered == Some(node);
    let selected = state.selected == Some(node);
    let emphasis = if hovered || selected {
        Emphasis::Highlighted
    } else if in_focus(input, node) {
        Emphasis::Normal
    } else {
        Emphasis::Dimmed
    };
    let pinned = state.pinned.is_some_and(|p| p.contains(node));
    let kind = input.graph.nodes()[node].kind;
    NodeShape { node, centre, radius, kind, emphasis, hovered, selected, pinned, members: 1 }
}

/// Labels for drawn nodes, by priority (hovered and selected first, then big
/// nodes), at most one per label cell except for hovered and selected ones.
fn add_labels(input: &SceneInput, nodes: &[NodeShape], out: &mut Vec<LabelShape>) {
    let style = input.style;
    let big_size = style.big_node_share * input.graph.max_size();
    let every_node = nodes.len() <= style.label_every_node_below;
    let mut candidates: Vec<(bool, f32, &NodeShape)> = nodes
        .iter()
        .filter_map(|shape| {
            let forced = shape.hovered || shape.selected;
            let size = input.graph.nodes()[shape.node].size;
            let wanted =
                shape.emphasis != Emphasis::Dimmed && (shape.radius >= style.label_min_radius || size >= big_size);
            (forced || wanted).then(|| (forced, label_importance(input.graph, shape.node), shape))
        })
        .collect();
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.node.cmp(&b.2.node)));
    let mut cells = LabelCells::new(input.camera.viewport, style.label_cell);
    for (forced, _, shape) in candidates {
        let anchor = shape.centre + Vec2::new(0.0, shape.radius + style.label_gap);
        if cells.claim(anchor) || forced || every_node {
            out.push(LabelShape { node: shape.node, anchor, emphasis: shape.emphasis });
        }
    }
}

/// How much a node's label matters when not all fit: its size (mentions)
/// times how many directed (curated) relations it has — a hub like police
/// diplomacy, mentioned less than the threats it counters, still names the
/// middle of its star.
pub fn label_importance(graph: &Graph, node: usize) -> f32 {
    let Some(data) = graph.node(node) else { return 0.0 };
    data.size * (1.0 + graph.directed_degree(node) as f32).sqrt()
}

/// Which screen cells already hold a label.
struct LabelCells {
    viewport: Vec2,
    cell: Vec2,
    columns: usize,
    taken: Vec<bool>,
}

impl LabelCells {
    fn new(viewport: Vec2, cell: Vec2) -> Self {
        let cell = cell.max(Vec2::new(1.0, 1.0));
        let columns = (viewport.x / cell.x).ceil().clamp(1.0, 4096.0) as usize;
        let rows = (viewport.y / cell.y).ceil().clamp(1.0, 4096.0) as usize;
        LabelCells { viewport, cell, columns, taken: vec![false; columns * rows] }
    }

    /// Takes the cell of `anchor`; false when it is taken or off screen.
    fn claim(&mut self, anchor: Vec2) -> bool {
        let on_screen = anchor.x >= 0.0 && anchor.y >= 0.0 && anchor.x < self.viewport.x && anchor.y < self.viewport.y;
        if !on_screen {
            return false;
        }
        let (column, row) = ((anchor.x / self.cell.x) as usize, (anchor.y / self.cell.y) as usize);
        let Some(slot) = self.taken.get_mut(row * self.columns + column.min(self.columns - 1)) else {
            return false;
        };
        !std::mem::replace(slot, true)
    }
}
