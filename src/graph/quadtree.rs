//! A Barnes–Hut quadtree for the layout's repulsion: far groups of nodes act
//! as one body at their centre of mass, so one step costs O(n log n) instead
//! of O(n²).
//!
//! Cells are stored flat in depth-first order, each knowing the index of the
//! cell after its subtree (`next`), so a query walks the tree without a stack:
//! open a cell by going to `index + 1`, skip it by going to `next`. Leaves hold
//! up to [`LEAF_SIZE`] bodies, summed exactly. Buffers are reused between steps.

use super::geom::Vec2;

/// Bodies per leaf: small buckets are faster than one body per leaf.
const LEAF_SIZE: usize = 16;
/// Deeper than this, coincident bodies simply share a leaf.
const MAX_DEPTH: u32 = 24;

#[derive(Debug, Clone, Copy)]
struct Cell {
    centre_of_mass: Vec2,
    mass: f32,
    min: Vec2,
    width: f32,
    /// Index of the first cell after this cell's subtree.
    next: u32,
    /// For a leaf, its bodies are `order[start..start + count]`; `count` is 0 for inner cells.
    start: u32,
    count: u32,
}

/// The tree over one set of positions; rebuild it when they move.
#[derive(Debug, Clone, Default)]
pub struct QuadTree {
    cells: Vec<Cell>,
    order: Vec<u32>,
    scratch: Vec<u32>,
}

/// Parameters of the repulsive force `strength * m_i * m_j / d`, pushing apart.
#[derive(Debug, Clone, Copy)]
pub struct Repulsion {
    pub strength: f32,
    /// Barnes–Hut opening angle: a cell of width `w` at distance `d` counts as
    /// one body when `w / d < theta`.
    pub theta: f32,
    /// Added to squared distances so nearly coincident nodes do not explode.
    pub softening_sq: f32,
}

impl QuadTree {
    /// Rebuilds the tree over `positions` (all finite) with their `masses`.
    pub fn rebuild(&mut self, positions: &[Vec2], masses: &[f32]) {
        self.cells.clear();
        self.order.clear();
        self.order.extend(0..positions.len() as u32);
        self.scratch.resize(positions.len(), 0);
        if positions.is_empty() {
            return;
        }
        let (min, width) = square_bounds(positions);
        let mut builder = Builder { positions, masses, cells: &mut self.cells, scratch: &mut self.scratch };
        builder.build(&mut self.order, 0, min, width, 0);
    }

    /// The repulsive force on a body at `at` of mass `mass` from all the
    /// bodies (its own zero offset adds nothing), walking the tree for this one body. [`QuadTree::add_repulsion`]
    /// does the same for all bodies at once, faster.
    pub fn repulsion_on(&self, at: Vec2, mass: f32, positions: &[Vec2], masses: &[f32], r: Repulsion) -> Vec2 {
        let theta_sq = r.theta * r.theta;
        let mut sources = Sources::default();
        let mut index = 0usize;
        while let Some(cell) = self.cells.get(index) {
            if cell.count > 0 {
                sources.push_bodies(self.leaf_bodies(cell), positions, masses);
                index = cell.next as usize;
                continue;
            }
            let dist_sq = (at - cell.centre_of_mass).length_sq();
            if cell.width * cell.width < theta_sq * dist_sq && !cell_contains(cell, at) {
                sources.push(cell.centre_of_mass, cell.mass);
                index = cell.next as usize;
            } else {
                index += 1;
            }
        }
        sources.force_on(at, r.softening_sq.max(MIN_SOFTENING_SQ)) * (r.strength * mass)
    }

    /// Adds the repulsion on every body for which `wanted` is true to `forces`.
    ///
    /// The tree is walked once per leaf rather than once per body: a cell is
    /// taken as one body when it is far enough from the leaf's whole bounding
    /// box, so the list of sources holds for every body in the leaf. A body's
    /// own leaf is among its sources; its zero offset adds nothing, thanks to
    /// the softening (so bodies at exactly the same point do not push apart).
    pub fn add_repulsion(
        &self,
        positions: &[Vec2],
        masses: &[f32],
        r: Repulsion,
        forces: &mut [Vec2],
        wanted: impl Fn(usize) -> bool,
    ) {
        let softening_sq = r.softening_sq.max(MIN_SOFTENING_SQ);
        let mut sources = Sources::default();
        for (leaf_index, leaf) in self.cells.iter().enumerate() {
            let bodies = self.leaf_bodies(leaf);
            if leaf.count == 0 || !bodies.iter().any(|&b| wanted(b as usize)) {
                continue;
            }
            sources.clear();
            self.collect_sources(leaf_index, positions, masses, r.theta, &mut sources);
            for &body in bodies {
                let body = body as usize;
                if wanted(body) {
                    forces[body] += sources.force_on(positions[body], softening_sq) * (r.strength * masses[body]);
                }
            }
        }
    }

    fn leaf_bodies(&self, cell: &Cell) -> &[u32] {
        &self.order[cell.start as usize..(cell.start + cell.count) as usize]
    }

    /// The sources acting on the bodies of leaf `leaf_index`: far cells as one
    /// body each, near leaves body by body.
    fn collect_sources(&self, leaf_index: usize, positions: &[Vec2], masses: &[f32], theta: f32, out: &mut Sources) {
        let bounds = self.leaf_box(&self.cells[leaf_index], positions);
        let theta_sq = theta * theta;
        let mut index = 0usize;
        while let Some(cell) = self.cells.get(index) {
            let is_ancestor = index < leaf_index && leaf_index < cell.next as usize;
            if !is_ancestor && index != leaf_index {
                let dist_sq = distance_sq_to_box(cell.centre_of_mass, bounds);
                if cell.width * cell.width < theta_sq * dist_sq {
                    out.push(cell.centre_of_mass, cell.mass);
                    index = cell.next as usize;
                    continue;
                }
            }
            if cell.count > 0 {
                out.push_bodies(self.leaf_bodies(cell), positions, masses);
                index = cell.next as usize;
            } else {
                index += 1;
            }
        }
    }

    fn leaf_box(&self, leaf: &Cell, positions: &[Vec2]) -> (Vec2, Vec2) {
        let bodies = self.leaf_bodies(leaf);
        let first = positions[bodies[0] as usize];
        bodies
            .iter()
            .fold((first, first), |(lo, hi), &b| (lo.min(positions[b as usize]), hi.max(positions[b as usize])))
    }
}

/// The floor of the softening, which keeps a body's own zero offset harmless.
const MIN_SOFTENING_SQ: f32 = 1e-12;

/// Point masses acting on a group of bodies, stored column-wise so the force
/// sum vectorises.
#[derive(Debug, Default)]
struct Sources {
    xs: Vec<f32>,
    ys: Vec<f32>,
    masses: Vec<f32>,
}

/// Lanes of the force sum; the order of additions is fixed, so results are deterministic.
const LANES: usize = 8;

impl Sources {
    fn clear(&mut self) {
        self.xs.clear();
        self.ys.clear();
        self.masses.clear();
    }

    fn push(&mut self, at: Vec2, mass: f32) {
        self.xs.push(at.x);
        self.ys.push(at.y);
        self.masses.push(mass);
    }

    fn push_bodies(&mut self, bodies: &[u32], positions: &[Vec2], masses: &[f32]) {
        for &b in bodies {
            self.push(positions[b as usize], masses[b as usize]);
        }
    }

    /// `Σ m·(at − p) / (|at − p|² + softening)` over all sources.
    fn force_on(&self, at: Vec2, softening_sq: f32) -> Vec2 {
        let mut fx = [0.0f32; LANES];
        let mut fy = [0.0f32; LANES];
        let chunks = self.xs.len() / LANES * LANES;
        for start in (0..chunks).step_by(LANES) {
            let xs = &self.xs[start..start + LANES];
            let ys = &self.ys[start..start + LANES];
            let ms = &self.masses[start..start + LANES];
            for lane in 0..LANES {
                let dx = at.x - xs[lane];
                let dy = at.y - ys[lane];
                let scale = ms[lane] / (dx * dx + dy * dy + softening_sq);
                fx[lane] += dx * scale;
                fy[lane] += dy * scale;
            }
        }
        let mut force = Vec2::new(fx.iter().sum(), fy.iter().sum());
        for i in chunks..self.xs.len() {
            let offset = at - Vec2::new(self.xs[i], self.ys[i]);
            force += offset * (self.masses[i] / (offset.length_sq() + softening_sq));
        }
        force
    }
}

fn distance_sq_to_box(p: Vec2, (lo, hi): (Vec2, Vec2)) -> f32 {
    let nearest = p.max(lo).min(hi);
    (p - nearest).length_sq()
}

fn cell_contains(cell: &Cell, p: Vec2) -> bool {
    p.x >= cell.min.x && p.x <= cell.min.x + cell.width && p.y >= cell.min.y && p.y <= cell.min.y + cell.width
}

/// The square (corner, width) holding every position, slightly enlarged.
fn square_bounds(positions: &[Vec2]) -> (Vec2, f32) {
    let mut min = positions[0];
    let mut max = positions[0];
    for &p in positions {
        min = min.min(p);
        max = max.max(p);
    }
    let size = max - min;
    let width = size.x.max(size.y).max(1e-3) * 1.0001;
    (min, width)
}

struct Builder<'a> {
    positions: &'a [Vec2],
    masses: &'a [f32],
    cells: &'a mut Vec<Cell>,
    scratch: &'a mut Vec<u32>,
}

impl Builder<'_> {
    /// Builds the subtree over `order[..]` (which starts at `offset` in the full
    /// order) inside the square at `min` of `width`; returns its cell index.
    fn build(&mut self, order: &mut [u32], offset: usize, min: Vec2, width: f32, depth: u32) -> usize {
        let index = self.cells.len();
        self.cells.push(Cell {
            centre_of_mass: Vec2::ZERO,
            mass: 0.0,
            min,
            width,
            next: 0,
            start: offset as u32,
            count: 0,
        });
        if order.len() <= LEAF_SIZE || depth >= MAX_DEPTH {
            self.finish_leaf(index, order);
            return index;
        }
        let bounds = self.partition(order, min, width);
        let half = width * 0.5;
        let mut weighted = Vec2::ZERO;
        let mut mass = 0.0;
        for quadrant in 0..4 {
            let (lo, hi) = (bounds[quadrant], bounds[quadrant + 1]);
            if lo == hi {
                continue;
            }
            let corner = min + Vec2::new(half * (quadrant & 1) as f32, half * (quadrant >> 1) as f32);
            let child = self.build(&mut order[lo..hi], offset + lo, corner, half, depth + 1);
            weighted += self.cells[child].centre_of_mass * self.cells[child].mass;
            mass += self.cells[child].mass;
        }
        let next = self.cells.len() as u32;
        let cell = &mut self.cells[index];
        cell.mass = mass;
        cell.centre_of_mass = if mass > 0.0 { weighted / mass } else { min };
        cell.next = next;
        index
    }

    fn finish_leaf(&mut self, index: usize, order: &[u32]) {
        let mut weighted = Vec2::ZERO;
        let mut mass = 0.0;
        for &body in order {
            let m = self.masses[body as usize];
            weighted += self.positions[body as usize] * m;
            mass += m;
        }
        let next = self.cells.len() as u32;
        let cell = &mut self.cells[index];
        cell.mass = mass;
        cell.centre_of_mass = if mass > 0.0 { weighted / mass } else { self.positions[order[0] as usize] };
        cell.count = order.len() as u32;
        cell.next = next;
    }

    /// Reorders `order` by quadrant (counting sort); returns the 5 quadrant boundaries.
    fn partition(&mut self, order: &mut [u32], min: Vec2, width: f32) -> [usize; 5] {
        let mid = min + Vec2::new(width * 0.5, width * 0.5);
        let quadrant_of = |p: Vec2| usize::from(p.x >= mid.x) | (usize::from(p.y >= mid.y) << 1);
        let mut counts = [0usize; 4];
        for &body in order.iter() {
            counts[quadrant_of(self.positions[body as usize])] += 1;
        }
        let mut bounds = [0usize; 5];
        for q in 0..4 {
            bounds[q + 1] = bounds[q] + counts[q];
        }
        let mut fill = [bounds[0], bounds[1], bounds[2], bounds[3]];
        let scratch = &mut self.scratch[..order.len()];
        for &body in order.iter() {
            let q = quadrant_of(self.positions[body as usize]);
            scratch[fill[q]] = body;
            fill[q] += 1;
        }
        order.copy_from_slice(scratch);
        bounds
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::rng::Rng;

    fn exact(body: usize, positions: &[Vec2], masses: &[f32], r: Repulsion) -> Vec2 {
        let mut force = Vec2::ZERO;
        for (other, &p) in positions.iter().enumerate() {
            if other != body {
                let offset = positions[body] - p;
                force += offset * (masses[other] / (offset.length_sq() + r.softening_sq));
            }
        }
        force * (r.strength * masses[body])
    }

    #[test]
    fn approximation_is_close_to_exact_sum() {
        let mut rng = Rng::new(3);
        let positions: Vec<Vec2> =
            (0..500).map(|_| Vec2::new(rng.range_f32(-100.0, 100.0), rng.range_f32(-100.0, 100.0))).collect();
        let masses: Vec<f32> = (0..500).map(|_| rng.range_f32(1.0, 3.0)).collect();
        let mut tree = QuadTree::default();
        tree.rebuild(&positions, &masses);
        let r = Repulsion { strength: 1.0, theta: 0.5, softening_sq: 0.01 };
        for body in (0..500).step_by(37) {
            let approx = tree.repulsion_on(positions[body], masses[body], &positions, &masses, r);
            let want = exact(body, &positions, &masses, r);
            let error = (approx - want).length() / want.length();
            assert!(error < 0.05, "body {body}: relative error {error}");
        }
    }

    #[test]
    fn exact_when_everything_fits_one_leaf() {
        let positions = [Vec2::new(0.0, 0.0), Vec2::new(1.0, 0.0), Vec2::new(0.0, 2.0)];
        let masses = [1.0, 2.0, 1.0];
        let mut tree = QuadTree::default();
        tree.rebuild(&positions, &masses);
        let r = Repulsion { strength: 2.0, theta: 1.2, softening_sq: 0.0 };
        let got = tree.repulsion_on(positions[0], 1.0, &positions, &masses, r);
        assert!((got - exact(0, &positions, &masses, r)).length() < 1e-5);
    }

    #[test]
    fn all_at_once_matches_exact_sum() {
        let mut rng = Rng::new(5);
        let positions: Vec<Vec2> =
            (0..800).map(|_| Vec2::new(rng.range_f32(-100.0, 100.0), rng.range_f32(-60.0, 60.0))).collect();
        let masses: Vec<f32> = (0..800).map(|_| rng.range_f32(1.0, 3.0)).collect();
        let mut tree = QuadTree::default();
        tree.rebuild(&positions, &masses);
        let r = Repulsion { strength: 1.0, theta: 0.6, softening_sq: 0.01 };
        let mut forces = vec![Vec2::ZERO; 800];
        tree.add_repulsion(&positions, &masses, r, &mut forces, |b| b % 3 != 0);
        for (body, &force) in forces.iter().enumerate() {
            if body % 3 == 0 {
                assert_eq!(force, Vec2::ZERO);
                continue;
            }
            let want = exact(body, &positions, &masses, r);
            let error = (force - want).length() / want.length();
            assert!(error < 0.05, "body {body}: relative error {error}");
        }
    }

    #[test]
    fn coincident_bodies_stay_finite() {
        let positions = vec![Vec2::new(5.0, 5.0); 40];
        let masses = vec![1.0; 40];
        let mut tree = QuadTree::default();
        tree.rebuild(&positions, &masses);
        let r = Repulsion { strength: 1.0, theta: 1.2, softening_sq: 0.0 };
        let mut forces = vec![Vec2::ZERO; 40];
        tree.add_repulsion(&positions, &masses, r, &mut forces, |_| true);
        assert!(forces.iter().all(|f| f.is_finite()));
    }
}
