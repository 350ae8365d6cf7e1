//! A uniform grid over node positions in world space, for culling and hit
//! testing: "which nodes lie in this rectangle" without looking at all of them.
//!
//! Build it once per set of positions (per layout step, or only when the
//! layout settles) and share it between the scene builder and hit tests.

use super::geom::{Rect, Vec2};

/// Aim for about this many nodes per cell.
const NODES_PER_CELL: f32 = 4.0;
/// Cap on cells per side, so a few far outliers do not make a huge grid.
const MAX_CELLS_PER_SIDE: usize = 512;

#[derive(Debug, Clone, Default)]
pub struct NodeGrid {
    origin: Vec2,
    cell_size: f32,
    columns: usize,
    rows: usize,
    /// Nodes of cell `c` are `members[starts[c]..starts[c + 1]]`.
    starts: Vec<u32>,
    members: Vec<u32>,
}

impl NodeGrid {
    /// Indexes `positions` (non-finite ones are left out).
    pub fn build(positions: &[Vec2]) -> Self {
        let bounds = Rect::bounding(positions.iter().copied());
        if bounds.is_empty() {
            return NodeGrid::default();
        }
        let size = bounds.size().max(Vec2::new(1e-3, 1e-3));
        let cells_wanted = (positions.len() as f32 / NODES_PER_CELL).max(1.0);
        let cell_size = (size.x * size.y / cells_wanted).sqrt().max(size.x.max(size.y) / MAX_CELLS_PER_SIDE as f32);
        let columns = ((size.x / cell_size) as usize + 1).min(MAX_CELLS_PER_SIDE + 1);
        let rows = ((size.y / cell_size) as usize + 1).min(MAX_CELLS_PER_SIDE + 1);
        let mut grid =
            NodeGrid { origin: bounds.min, cell_size, columns, rows, starts: Vec::new(), members: Vec::new() };
        grid.fill(positions);
        grid
    }

    fn fill(&mut self, positions: &[Vec2]) {
        let cell_of: Vec<Option<usize>> = positions.iter().map(|&p| self.cell_index(p)).collect();
        let mut starts = vec![0u32; self.columns * self.rows + 1];
        for &cell in cell_of.iter().flatten() {
            starts[cell + 1] += 1;
        }
        for c in 0..self.columns * self.rows {
            starts[c + 1] += starts[c];
        }
        let mut fill = starts.clone();
        let mut members = vec![0u32; starts[self.columns * self.rows] as usize];
        for (node, cell) in cell_of.iter().enumerate() {
            if let Some(cell) = *cell {
                members[fill[cell] as usize] = node as u32;
                fill[cell] += 1;
            }
        }
        self.starts = starts;
        self.members = members;
    }

    fn cell_index(&self, p: Vec2) -> Option<usize> {
        if !p.is_finite() {
            return None;
        }
        let (column, row) = self.cell_coords(p);
        Some(row * self.columns + column)
    }

    /// Column and row of the cell holding `p`, clamped to the grid.
    fn cell_coords(&self, p: Vec2) -> (usize, usize) {
        let local = (p - self.origin) / self.cell_size;
        let column = (local.x.max(0.0) as usize).min(self.columns - 1);
        let row = (local.y.max(0.0) as usize).min(self.rows - 1);
        (column, row)
    }

    /// Calls `visit` with every node whose cell overlaps `area` (a superset of
    /// the nodes inside it; callers test the exact shape).
    pub fn for_each_in(&self, area: Rect, mut visit: impl FnMut(usize)) {
        if self.columns == 0 || area.is_empty() || !area.min.is_finite() || !area.max.is_finite() {
            return;
        }
        let (first_column, first_row) = self.cell_coords(area.min);
        let (last_column, last_row) = self.cell_coords(area.max);
        for row in first_row..=last_row {
            let start = self.starts[row * self.columns + first_column] as usize;
            let end = self.starts[row * self.columns + last_column + 1] as usize;
            for &node in &self.members[start..end] {
                visit(node as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::rng::Rng;

    #[test]
    fn query_finds_exactly_a_superset_of_the_inside() {
        let mut rng = Rng::new(9);
        let positions: Vec<Vec2> =
            (0..2000).map(|_| Vec2::new(rng.range_f32(-500.0, 500.0), rng.range_f32(-300.0, 300.0))).collect();
        let grid = NodeGrid::build(&positions);
        let area = Rect::from_min_max(Vec2::new(-120.0, -50.0), Vec2::new(80.0, 10.0));
        let mut found = Vec::new();
        grid.for_each_in(area, |n| found.push(n));
        for (node, &p) in positions.iter().enumerate() {
            if area.contains(p) {
                assert!(found.contains(&node), "node {node} at {p:?} missed");
            }
        }
        assert!(found.len() < positions.len() / 5, "query should not visit everything");
    }

    #[test]
    fn areas_outside_the_grid_are_clamped() {
        let positions = [Vec2::new(0.0, 0.0), Vec2::new(10.0, 10.0)];
        let grid = NodeGrid::build(&positions);
        let mut found = Vec::new();
        grid.for_each_in(Rect::from_min_max(Vec2::new(-1e9, -1e9), Vec2::new(1e9, 1e9)), |n| found.push(n));
        found.sort();
        assert_eq!(found, [0, 1]);
    }
}
