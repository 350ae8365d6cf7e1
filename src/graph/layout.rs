//! The force-directed layout: where each node of a [`Graph`] sits on the map.
//!
//! Forces follow the ForceAtlas2 model as published by Jacomy et al. (2014),
//! written from the paper (the `forceatlas2` crate is AGPL and not used):
//! every pair of nodes repels with `R·K²·mᵢ·mⱼ / d` (summed with a Barnes–Hut
//! [`QuadTree`]), each edge pulls its ends together with `w·d`, and a gravity
//! of constant strength keeps loose components near the centre. Speeds adapt
//! as in the paper: each node's *swing* (how much its force changed direction)
//! slows it down, the graph's overall traction speeds everything up. On top, a
//! temperature cools after a hot phase, so the layout settles visibly and then
//! stops: [`Layout::step`] reports `settled` and does nothing more until reheated.
//!
//! Determinism: there is no threading and no outside randomness; the same
//! graph, configuration and seed give bit-identical positions.
//!
//! Incremental use: positions can be seeded by concept id (from a previous
//! layout or from `layout.ron`), the graph can be replaced by one with nodes
//! added or removed ([`Layout::replace_graph`]), and pinned nodes never move.
//!
//! Regions ([`LayoutConfig::group_pull`]): nodes of one kind can be kept
//! together. Each kind gets a region centre on a circle around the centre,
//! in the cyclic order that puts the kinds most linked to each other side by
//! side ([`group_order`]); nodes start in their region and each is pulled
//! towards its region's centre like a gravity of its own, so the forms of
//! diplomacy, the threats and the organisations read as areas of the map.
//! Edges less significant than [`LayoutConfig::min_significance`] (the
//! co-occurrences the overview does not draw) pull only
//! [`LayoutConfig::faint_pull`] as hard, so they do not drag regions into
//! each other.

use std::collections::HashMap;
use std::sync::Arc;

use super::data::Graph;
use super::geom::{Rect, Vec2};
use super::persist::LayoutFile;
use super::quadtree::{QuadTree, Repulsion};
use super::query::NodeSet;
use super::rng::Rng;

/// The knobs of the layout. The defaults suit concept maps of 10–10,000 nodes.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutConfig {
    /// Seed of the random initial placement.
    pub seed: u64,
    /// `K`, the length scale in world units: two lone connected nodes of mass 1 settle `K` apart.
    pub ideal_length: f32,
    /// `R`, the relative strength of repulsion.
    pub repulsion: f32,
    /// Strength of the pull towards `centre`; at 1, a node without edges rests
    /// about `K·√(total mass)` from the centre, near the rim of the graph.
    pub gravity: f32,
    pub centre: Vec2,
    /// Room each node claims, in world units per unit of node size: nodes
    /// nearer than the sum of their rooms push apart (ForceAtlas2's
    /// "prevent overlap"), so a dense cluster does not draw as one blot.
    /// 0 turns it off; graphs of more than 2,000 nodes go without.
    pub collision: f32,
    /// Barnes–Hut opening angle; larger is faster and coarser.
    pub theta: f32,
    /// Edge attraction is multiplied by `weight ^ weight_influence`.
    pub weight_influence: f32,
    /// How much swinging the global speed tolerates (ForceAtlas2's τ).
    pub jitter_tolerance: f32,
    /// Steps at full temperature before cooling starts.
    pub hot_steps: u32,
    /// After the hot phase the temperature is multiplied by this every step.
    pub cooling: f32,
    /// No node moves more than `max_move · K` in one step.
    pub max_move: f32,
    /// The layout is settled once no node moves more than `settle_fraction · K` in a step.
    pub settle_fraction: f32,
    /// Strength of the pull towards the centre of the node's kind's region,
    /// relative to `gravity`; 0 (the default) has no regions.
    pub group_pull: f32,
    /// How far region centres sit from `centre`, in units of `K·√(node count)`.
    pub group_spread: f32,
    /// Edges with a significance below this pull with `faint_pull` times
    /// their strength (0: every edge pulls fully).
    pub min_significance: f32,
    pub faint_pull: f32,
    /// Once settled, lower the crossings of the edges at least
    /// `min_significance` by swaps and moves ([`super::untangle`]).
    pub untangle: bool,
}

impl Default for LayoutConfig {
    fn default() -> Self {
        LayoutConfig {
            seed: 0x0000_00D1_9103_00A9,
            ideal_length: 50.0,
            repulsion: 1.0,
            gravity: 1.0,
            centre: Vec2::ZERO,
            collision: 0.0,
            theta: 1.2,
            weight_influence: 0.5,
            jitter_tolerance: 1.0,
            hot_steps: 100,
            cooling: 0.98,
            max_move: 2.0,
            settle_fraction: 0.002,
            group_pull: 0.0,
            group_spread: 0.35,
            min_significance: 0.0,
            faint_pull: 1.0,
            untangle: false,
        }
    }
}

/// What one call to [`Layout::step`] did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StepReport {
    /// The largest distance a node moved, in world units.
    pub moved: f32,
    /// Sum of squared force lengths over the free nodes (falls as the layout settles).
    pub energy: f32,
    /// Whether the layout has come to rest; further steps do nothing until reheated.
    pub settled: bool,
}

/// Positions of the nodes of one graph, and the state of the simulation.
#[derive(Debug, Clone)]
pub struct Layout {
    graph: Arc<Graph>,
    config: LayoutConfig,
    positions: Vec<Vec2>,
    pinned: NodeSet,
    masses: Vec<f32>,
    /// `weight ^ weight_influence` of each edge (times `faint_pull` for faint ones).
    pulls: Vec<f32>,
    /// The region of each node (a dense number per kind), and the regions' centres.
    groups: Vec<usize>,
    group_centres: Vec<Vec2>,
    /// The mass of each region.
    group_masses: Vec<f32>,
    /// ForceAtlas2's global speed.
    speed: f32,
    /// Multiplies every move; 1 while hot, then cooling towards 0.
    temperature: f32,
    /// Steps left before the temperature starts to fall.
    hot_steps_left: u32,
    settled: bool,
    steps_taken: u64,
    rng: Rng,
    tree: QuadTree,
    forces: Vec<Vec2>,
    previous_forces: Vec<Vec2>,
}

impl Layout {
    /// A fresh layout with every node placed at random (from the seed).
    pub fn new(graph: Arc<Graph>, config: LayoutConfig) -> Self {
        Layout::seeded(graph, config, &HashMap::new())
    }

    /// A layout whose nodes start where `known` puts them (by concept id);
    /// the others start near their placed neighbours, or at random.
    pub fn seeded(graph: Arc<Graph>, config: LayoutConfig, known: &HashMap<String, Vec2>) -> Self {
        let mut rng = Rng::new(config.seed);
        let regions = Regions::of(&graph, &config);
        let positions = initial_positions(&graph, &config, &regions, known, &mut rng);
        let masses = graph.nodes().iter().map(|n| n.mass).collect();
        let pulls = edge_pulls(&graph, &config);
        let pinned = NodeSet::empty(graph.node_count());
        let temperature = if known.is_empty() { 1.0 } else { 0.3 };
        let hot_steps_left = (config.hot_steps as f32 * temperature) as u32;
        Layout {
            graph,
            config,
            positions,
            pinned,
            masses,
            pulls,
            groups: regions.groups,
            group_centres: regions.centres,
            group_masses: regions.masses,
            speed: 1.0,
            temperature,
            hot_steps_left,
            settled: false,
            steps_taken: 0,
            rng,
            tree: QuadTree::default(),
            forces: Vec::new(),
            previous_forces: Vec::new(),
        }
    }

    pub fn graph(&self) -> &Arc<Graph> {
        &self.graph
    }

    pub fn config(&self) -> &LayoutConfig {
        &self.config
    }

    /// World positions, one per node of [`Layout::graph`].
    pub fn positions(&self) -> &[Vec2] {
        &self.positions
    }

    pub fn position(&self, node: usize) -> Option<Vec2> {
        self.positions.get(node).copied()
    }

    /// Every node's position by concept id, to seed a later layout.
    pub fn positions_by_id(&self) -> HashMap<String, Vec2> {
        self.graph.nodes().iter().zip(&self.positions).map(|(n, &p)| (n.id.clone(), p)).collect()
    }

    /// The box around all nodes (empty for an empty graph).
    pub fn bounds(&self) -> Rect {
        Rect::bounding(self.positions.iter().copied())
    }

    pub fn is_settled(&self) -> bool {
        self.settled
    }

    /// Steps taken since the layout was created.
    pub fn steps_taken(&self) -> u64 {
        self.steps_taken
    }

    pub fn pinned(&self) -> &NodeSet {
        &self.pinned
    }

    pub fn is_pinned(&self, node: usize) -> bool {
        self.pinned.contains(node)
    }

    /// Pins `node` where it is; it keeps repelling others but never moves.
    pub fn pin(&mut self, node: usize) {
        self.pinned.insert(node);
    }

    /// Moves `node` to `at` and pins it there (a drag that ends in a pin).
    pub fn pin_at(&mut self, node: usize, at: Vec2) {
        if self.set_position(node, at) {
            self.pinned.insert(node);
        }
    }

    /// Lets `node` move again, and wakes the layout a little.
    pub fn unpin(&mut self, node: usize) {
        if self.pinned.remove(node) {
            self.reheat(0.1);
        }
    }

    /// Moves `node` to `at` (e.g. while dragged) and wakes the layout so its
    /// neighbours follow. Returns false for an unknown node or a non-finite point.
    pub fn set_position(&mut self, node: usize, at: Vec2) -> bool {
        if !at.is_finite() {
            return false;
        }
        let Some(slot) = self.positions.get_mut(node) else {
            return false;
        };
        *slot = at;
        self.reheat(0.1);
        true
    }

    /// Wakes a settled layout: the temperature rises to at least `temperature` (0–1).
    pub fn reheat(&mut self, temperature: f32) {
        let temperature = temperature.clamp(0.0, 1.0);
        self.temperature = self.temperature.max(temperature);
        self.hot_steps_left = self.hot_steps_left.max((self.config.hot_steps as f32 * temperature) as u32);
        self.settled = false;
    }

    /// Pins the nodes named in `file` at its positions; returns the ids it
    /// names that this graph does not have.
    pub fn apply_pins(&mut self, file: &LayoutFile) -> Vec<String> {
        let mut unknown = Vec::new();
        for (id, &at) in &file.pinned {
            match self.graph.index_of(id) {
                Some(node) => self.pin_at(node, at),
                None => unknown.push(id.clone()),
            }
        }
        unknown
    }

    /// The pinned nodes and their positions, ready to save as `layout.ron`.
    pub fn pins_file(&self) -> LayoutFile {
        let pinned = self.pinned.iter().map(|n| (self.graph.nodes()[n].id.clone(), self.positions[n])).collect();
        LayoutFile { pinned }
    }

    /// Switches to a new graph (nodes added or removed, edges changed): nodes
    /// with the same id keep their position and pin, new ones start near their
    /// neighbours, and the layout is gently reheated.
    pub fn replace_graph(&mut self, graph: Arc<Graph>) {
        let known = self.positions_by_id();
        let pinned_ids: Vec<String> = self.pinned.iter().map(|n| self.graph.nodes()[n].id.clone()).collect();
        let regions = Regions::of(&graph, &self.config);
        let positions = initial_positions(&graph, &self.config, &regions, &known, &mut self.rng);
        (self.groups, self.group_centres, self.group_masses) = (regions.groups, regions.centres, regions.masses);
        self.pinned = NodeSet::empty(graph.node_count());
        for id in &pinned_ids {
            if let Some(node) = graph.index_of(id) {
                self.pinned.insert(node);
            }
        }
        self.masses = graph.nodes().iter().map(|n| n.mass).collect();
        self.pulls = edge_pulls(&graph, &self.config);
        self.positions = positions;
        self.graph = graph;
        // Forces of the old graph are indexed by old node numbers: forget them.
        self.forces.clear();
        self.previous_forces.clear();
        self.reheat(0.3);
    }

    /// Runs up to `max_steps` steps, stopping early once settled.
    pub fn run(&mut self, max_steps: usize) -> StepReport {
        let mut report = StepReport { moved: 0.0, energy: 0.0, settled: self.settled };
        for _ in 0..max_steps {
            report = self.step();
            if report.settled {
                break;
            }
        }
        report
    }

    /// One step of the simulation. Does nothing once settled.
    pub fn step(&mut self) -> StepReport {
        if self.settled {
            return StepReport { moved: 0.0, energy: 0.0, settled: true };
        }
        self.steps_taken += 1;
        std::mem::swap(&mut self.forces, &mut self.previous_forces);
        self.compute_forces();
        self.adapt_speed();
        let (moved, energy) = self.move_free_nodes();
        self.cool();
        self.settled = moved <= self.config.settle_fraction * self.config.ideal_length;
        if self.settled && self.config.untangle {
            self.untangle();
        }
        StepReport { moved, energy, settled: self.settled }
    }

    /// Lowers the crossings of the edges the overview draws, keeping each
    /// region's places ([`super::untangle`]); returns how many it removed.
    pub fn untangle(&mut self) -> usize {
        let threshold = self.config.min_significance;
        let config = super::untangle::Untangle {
            room: 0.8 * self.config.collision,
            // Five ideal lengths of added link are worth one crossing less.
            length_cost: 0.2 / self.config.ideal_length,
            groups: if self.group_centres.is_empty() { Vec::new() } else { self.groups.clone() },
            ..super::untangle::Untangle::default()
        };
        let graph = Arc::clone(&self.graph);
        let drawn = |e: usize| graph.edges()[e].significance >= threshold;
        super::untangle::untangle(&graph, &mut self.positions, &self.pinned, drawn, &config)
    }

    fn compute_forces(&mut self) {
        self.forces.clear();
        self.forces.resize(self.positions.len(), Vec2::ZERO);
        self.previous_forces.resize(self.positions.len(), Vec2::ZERO);
        self.tree.rebuild(&self.positions, &self.masses);
        self.add_repulsion();
        self.add_attraction();
        self.add_gravity();
        self.add_region_pull();
        self.add_collisions();
    }

    /// Pushes apart nodes whose rooms ([`LayoutConfig::collision`]) overlap,
    /// with a force that grows with the overlap; found through a grid of
    /// cells as wide as the largest room, so only neighbours are compared.
    fn add_collisions(&mut self) {
        let room = self.config.collision;
        if !(room > 0.0 && room.is_finite()) || self.positions.len() > COLLISION_MAX_NODES {
            return;
        }
        let rooms: Vec<f32> = self.graph.nodes().iter().map(|n| room * n.size).collect();
        let cell = 2.0 * rooms.iter().copied().fold(0.0, f32::max).max(1e-3);
        let key = |p: Vec2| ((p.x / cell).floor() as i64, (p.y / cell).floor() as i64);
        let mut cells: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
        for (node, &at) in self.positions.iter().enumerate() {
            if at.is_finite() {
                cells.entry(key(at)).or_default().push(node);
            }
        }
        let strength = COLLISION_STRENGTH * self.config.repulsion * self.config.ideal_length;
        for (node, &at) in self.positions.iter().enumerate() {
            if !at.is_finite() {
                continue;
            }
            let (cx, cy) = key(at);
            for other in (cx - 1..=cx + 1).flat_map(|x| (cy - 1..=cy + 1).map(move |y| (x, y))) {
                for &near in cells.get(&other).map_or(&[][..], Vec::as_slice) {
                    if near == node {
                        continue;
                    }
                    let offset = at - self.positions[near];
                    let distance = offset.length();
                    let reach = rooms[node] + rooms[near];
                    if distance >= reach {
                        continue;
                    }
                    // Coincident nodes part along a direction fixed by their numbers.
                    let direction = if distance > 1e-6 {
                        offset / distance
                    } else {
                        let angle = (node * 7919 + near) as f32;
                        Vec2::new(angle.cos(), angle.sin())
                    };
                    // Stiffer the deeper the overlap, so even a hard pull cannot squeeze rooms shut.
                    let overlap = (reach - distance) / reach;
                    let push = overlap / (1.05 - overlap);
                    self.forces[node] += direction * (strength * push * self.masses[node]);
                }
            }
        }
    }

    fn add_repulsion(&mut self) {
        let k = self.config.ideal_length;
        let repulsion = Repulsion {
            strength: self.config.repulsion * k * k,
            theta: self.config.theta,
            softening_sq: (0.01 * k) * (0.01 * k),
        };
        let pinned = &self.pinned;
        self.tree.add_repulsion(&self.positions, &self.masses, repulsion, &mut self.forces, |n| !pinned.contains(n));
    }

    fn add_attraction(&mut self) {
        for (edge, &pull) in self.graph.edges().iter().zip(&self.pulls) {
            let force = (self.positions[edge.target] - self.positions[edge.source]) * pull;
            self.forces[edge.source] += force;
            self.forces[edge.target] -= force;
        }
    }

    /// A pull of constant strength towards the centre, scaled so a node
    /// without edges rests near the rim of the graph.
    fn add_gravity(&mut self) {
        let total_mass: f32 = self.masses.iter().sum();
        let strength = self.config.gravity * self.config.repulsion * self.config.ideal_length * total_mass.sqrt();
        for ((force, &at), &mass) in self.forces.iter_mut().zip(&self.positions).zip(&self.masses) {
            *force += (self.config.centre - at).normalized_or_zero() * (strength * mass);
        }
    }

    /// Each node's pull towards its region's centre: a gravity of constant
    /// strength scaled by the region's mass, as `add_gravity` is by the graph's.
    fn add_region_pull(&mut self) {
        let pull = self.config.group_pull;
        if !(pull > 0.0 && pull.is_finite()) || self.group_centres.len() < 2 {
            return;
        }
        let base = pull * self.config.gravity * self.config.repulsion * self.config.ideal_length;
        for (node, (force, &at)) in self.forces.iter_mut().zip(&self.positions).enumerate() {
            let group = self.groups[node];
            let strength = base * self.group_masses[group].sqrt() * self.masses[node];
            *force += (self.group_centres[group] - at).normalized_or_zero() * strength;
        }
    }

    /// The centre of each region (empty without regions), by region number.
    pub fn region_centres(&self) -> &[Vec2] {
        &self.group_centres
    }

    /// ForceAtlas2's global speed: the ratio of useful motion (traction) to
    /// oscillation (swing), allowed to rise by at most half per step.
    fn adapt_speed(&mut self) {
        let mut swing = 0.0f64;
        let mut traction = 0.0f64;
        for (node, (&now, &before)) in self.forces.iter().zip(&self.previous_forces).enumerate() {
            if self.pinned.contains(node) {
                continue;
            }
            let mass = f64::from(self.masses[node]);
            swing += mass * f64::from((now - before).length());
            traction += mass * f64::from((now + before).length()) * 0.5;
        }
        let target = if swing > 0.0 {
            (f64::from(self.config.jitter_tolerance) * traction / swing) as f32
        } else {
            self.speed * 1.5
        };
        self.speed = target.min(self.speed * 1.5).max(1e-6);
    }

    /// Moves each free node along its force at its own speed (slower the more
    /// it swings); returns the largest move and the energy (sum of squared forces).
    fn move_free_nodes(&mut self) -> (f32, f32) {
        let k = self.config.ideal_length;
        let max_move = self.config.max_move * k * self.temperature;
        let mut moved: f32 = 0.0;
        let mut energy = 0.0f64;
        for (node, at) in self.positions.iter_mut().enumerate() {
            let force = self.forces[node];
            let strength = force.length();
            if self.pinned.contains(node) || !(strength > 0.0 && strength.is_finite()) {
                continue;
            }
            energy += f64::from(strength) * f64::from(strength);
            let swing = (force - self.previous_forces[node]).length() / k;
            let node_speed = NODE_SPEED * self.speed / (1.0 + self.speed * swing.sqrt());
            let distance = (node_speed * strength * self.temperature).min(max_move);
            *at += force * (distance / strength);
            moved = moved.max(distance);
        }
        (moved, energy as f32)
    }

    fn cool(&mut self) {
        if self.hot_steps_left > 0 {
            self.hot_steps_left -= 1;
        } else {
            self.temperature *= self.config.cooling;
        }
    }
}

/// Graphs larger than this skip collisions: their maps are read zoomed in,
/// where nodes are far apart on screen, and the step must stay within a
/// frame's budget (collisions of 10,000 nodes cost about three steps).
const COLLISION_MAX_NODES: usize = 2000;

/// How hard overlapping rooms push, relative to `repulsion · ideal_length`.
const COLLISION_STRENGTH: f32 = 40.0;

/// ForceAtlas2's `k_s`: the share of the global speed a calm node gets.
const NODE_SPEED: f32 = 0.1;

fn edge_pulls(graph: &Graph, config: &LayoutConfig) -> Vec<f32> {
    let faint = if config.faint_pull.is_finite() { config.faint_pull.max(0.0) } else { 1.0 };
    graph
        .edges()
        .iter()
        .map(|e| {
            let pull = e.weight.powf(config.weight_influence);
            if e.significance >= config.min_significance { pull } else { pull * faint }
        })
        .collect()
}

/// The regions of a layout: one per node kind present, when `group_pull` is on.
struct Regions {
    groups: Vec<usize>,
    centres: Vec<Vec2>,
    masses: Vec<f32>,
}

impl Regions {
    fn of(graph: &Graph, config: &LayoutConfig) -> Regions {
        let mut kinds: Vec<u16> = graph.nodes().iter().map(|n| n.kind).collect();
        kinds.sort_unstable();
        kinds.dedup();
        let on = config.group_pull > 0.0 && config.group_pull.is_finite() && kinds.len() > 1;
        if !on {
            return Regions { groups: vec![0; graph.node_count()], centres: Vec::new(), masses: vec![0.0] };
        }
        let groups: Vec<usize> = graph.nodes().iter().map(|n| kinds.binary_search(&n.kind).unwrap_or(0)).collect();
        let mut links = vec![vec![0.0f32; kinds.len()]; kinds.len()];
        for edge in graph.edges() {
            let (a, b) = (groups[edge.source], groups[edge.target]);
            if a != b && edge.significance >= config.min_significance {
                links[a][b] += 1.0;
                links[b][a] += 1.0;
            }
        }
        let order = group_order(&links);
        let radius = config.group_spread * config.ideal_length * (graph.node_count() as f32).sqrt();
        let mut centres = vec![Vec2::ZERO; kinds.len()];
        for (place, &group) in order.iter().enumerate() {
            // The first region straight up, the others clockwise.
            let angle = std::f32::consts::TAU * place as f32 / order.len() as f32 - std::f32::consts::FRAC_PI_2;
            centres[group] = config.centre + Vec2::new(angle.cos(), angle.sin()) * radius;
        }
        let mut masses = vec![0.0f32; kinds.len()];
        for (node, &group) in groups.iter().enumerate() {
            masses[group] += graph.nodes()[node].mass;
        }
        Regions { groups, centres, masses }
    }
}

/// The cyclic order of regions around the circle that keeps linked regions
/// close: the permutation (region 0 first) with the least sum of
/// `links[a][b] · (steps between a and b around the circle)`; ties go to the
/// first in lexicographic order. Up to 8 regions are tried exhaustively;
/// more keep their numbering.
pub fn group_order(links: &[Vec<f32>]) -> Vec<usize> {
    let count = links.len();
    let mut order: Vec<usize> = (0..count).collect();
    if !(3..=8).contains(&count) {
        return order;
    }
    let cost = |order: &[usize]| -> f32 {
        let mut total = 0.0;
        for i in 0..count {
            for j in i + 1..count {
                let steps = (j - i).min(count - (j - i)) as f32;
                total += links[order[i]][order[j]] * steps;
            }
        }
        total
    };
    let mut best = (cost(&order), order.clone());
    // Every order of the places after the first, in lexicographic order.
    while next_permutation(&mut order[1..]) {
        let now = cost(&order);
        if now < best.0 - 1e-6 {
            best = (now, order.clone());
        }
    }
    best.1
}

/// Steps `items` to the next permutation in lexicographic order; false (and
/// `items` left sorted) after the last.
fn next_permutation(items: &mut [usize]) -> bool {
    let Some(i) = (1..items.len()).rev().find(|&i| items[i - 1] < items[i]) else {
        items.reverse();
        return false;
    };
    let Some(j) = (i..items.len()).rev().find(|&j| items[j] > items[i - 1]) else { return false };
    items.swap(i - 1, j);
    items[i..].reverse();
    true
}

/// Known nodes where `known` says; each other node near the mean of its placed
/// neighbours, or at random in its region (with regions) or in a square
/// sized for the whole graph.
fn initial_positions(
    graph: &Graph,
    config: &LayoutConfig,
    regions: &Regions,
    known: &HashMap<String, Vec2>,
    rng: &mut Rng,
) -> Vec<Vec2> {
    let k = config.ideal_length;
    let half_side = 0.5 * k * (graph.node_count().max(1) as f32).sqrt();
    let region_half_side = half_side / (regions.centres.len().max(1) as f32).sqrt();
    let seeded: Vec<Option<Vec2>> =
        graph.nodes().iter().map(|n| known.get(&n.id).copied().filter(|p| p.is_finite())).collect();
    let mut positions = Vec::with_capacity(graph.node_count());
    for (node, seed) in seeded.iter().enumerate() {
        let jitter = Vec2::new(rng.range_f32(-1.0, 1.0), rng.range_f32(-1.0, 1.0));
        let at = match seed {
            Some(p) => *p,
            None => match mean_of_placed_neighbours(graph, node, &seeded) {
                Some(mean) => mean + jitter * (0.5 * k),
                None => match regions.centres.get(regions.groups[node]) {
                    Some(&centre) => centre + jitter * region_half_side,
                    None => config.centre + jitter * half_side,
                },
            },
        };
        positions.push(at);
    }
    positions
}

fn mean_of_placed_neighbours(graph: &Graph, node: usize, seeded: &[Option<Vec2>]) -> Option<Vec2> {
    let mut sum = Vec2::ZERO;
    let mut count = 0u32;
    for &e in graph.edges_of(node) {
        if let Some(p) = seeded[graph.edges()[e].other(node)] {
            sum += p;
            count += 1;
        }
    }
    (count > 0).then(|| sum / count as f32)
}
