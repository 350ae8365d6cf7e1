//! Which parts of the screen hold something, answered in constant time per
//! question: a grid of small cells counting the boxes that touch each cell,
//! kept as a summed-area table.
//!
//! The label placement ([`super::labels`]) asks of each spot it tries "is any
//! node near here?". Most spots on a big map are either plainly empty or
//! plainly crowded; [`Occupancy::count`] tells the empty ones apart without
//! looking at a single node: a count of zero means no box touches any cell
//! the rectangle touches, so nothing in it can touch the rectangle. A count
//! above zero only says "maybe" (cells are coarser than the shapes), and the
//! caller tests the shapes themselves (or, on a huge map, takes the count
//! as a measure of how crowded the rectangle is).
//!
//! ```
//! use diplomap::graph::occupancy::Occupancy;
//! use diplomap::graph::{Rect, Vec2};
//! let node = Rect::from_min_size(Vec2::new(100.0, 100.0), Vec2::new(10.0, 10.0));
//! let occupancy = Occupancy::build(Vec2::new(400.0, 300.0), 4.0, [node]);
//! assert_eq!(occupancy.count(&Rect::from_min_size(Vec2::new(200.0, 200.0), Vec2::new(50.0, 20.0))), 0);
//! assert!(occupancy.count(&Rect::from_min_size(Vec2::new(95.0, 95.0), Vec2::new(10.0, 10.0))) > 0);
//! ```

use super::geom::{Rect, Vec2};

/// Cells never get more numerous than this a side (a huge viewport gets bigger cells).
const MAX_CELLS_PER_SIDE: f32 = 1024.0;

/// Counts of boxes per screen cell, summed for rectangle queries.
#[derive(Debug, Clone)]
pub struct Occupancy {
    cell: f32,
    columns: usize,
    rows: usize,
    /// `sums[r * (columns + 1) + c]`: the count over the cells above row `r` and left of column `c`.
    sums: Vec<u32>,
}

/// An inclusive range of cells: columns then rows.
type Span = (usize, usize, usize, usize);

impl Occupancy {
    /// A grid of `cell`-point cells over a `viewport`-sized screen, counting
    /// each of `boxes` once in every cell it touches. Boxes off screen count
    /// in the border cells (harmless: a count is only a "maybe").
    pub fn build(viewport: Vec2, cell: f32, boxes: impl IntoIterator<Item = Rect>) -> Self {
        let longest = if viewport.is_finite() { viewport.x.max(viewport.y).max(0.0) } else { 0.0 };
        let cell = cell.max(1.0).max(longest / MAX_CELLS_PER_SIDE);
        let columns = (viewport.x / cell).ceil().clamp(1.0, MAX_CELLS_PER_SIDE) as usize;
        let rows = (viewport.y / cell).ceil().clamp(1.0, MAX_CELLS_PER_SIDE) as usize;
        let mut occupancy = Occupancy { cell, columns, rows, sums: vec![0; (columns + 1) * (rows + 1)] };
        occupancy.fill(boxes);
        occupancy
    }

    fn fill(&mut self, boxes: impl IntoIterator<Item = Rect>) {
        let stride = self.columns + 1;
        // Mark each box's span with +1/−1 at its corners (a 2D difference
        // array); one 2D prefix sum turns the marks into per-cell counts, a
        // second one the counts into the summed-area table.
        let mut marks = vec![0i32; stride * (self.rows + 1)];
        for rect in boxes {
            let Some((c0, c1, r0, r1)) = self.span(&rect) else { continue };
            marks[r0 * stride + c0] += 1;
            marks[r0 * stride + c1 + 1] -= 1;
            marks[(r1 + 1) * stride + c0] -= 1;
            marks[(r1 + 1) * stride + c1 + 1] += 1;
        }
        // Per-cell counts, in place: the 2D prefix sum of the marks.
        for row in 0..self.rows {
            let mut running = 0i32;
            for column in 0..self.columns {
                running += marks[row * stride + column];
                let above = if row > 0 { marks[(row - 1) * stride + column] } else { 0 };
                marks[row * stride + column] = running + above;
            }
        }
        // The summed-area table: the 2D prefix sum of the counts.
        for row in 0..self.rows {
            let mut running = 0u32;
            for column in 0..self.columns {
                running += marks[row * stride + column].max(0) as u32;
                let above = self.sums[row * stride + column + 1];
                self.sums[(row + 1) * stride + column + 1] = above + running;
            }
        }
    }

    /// The cells `rect` touches, clamped to the grid; `None` for an empty or non-finite rectangle.
    fn span(&self, rect: &Rect) -> Option<Span> {
        if rect.is_empty() || !rect.min.is_finite() || !rect.max.is_finite() {
            return None;
        }
        let column = |x: f32| ((x / self.cell).max(0.0) as usize).min(self.columns - 1);
        let row = |y: f32| ((y / self.cell).max(0.0) as usize).min(self.rows - 1);
        Some((column(rect.min.x), column(rect.max.x), row(rect.min.y), row(rect.max.y)))
    }

    /// How many (box, cell) pairs there are among the cells `rect` touches:
    /// zero means no box comes near `rect`.
    pub fn count(&self, rect: &Rect) -> u32 {
        let Some((c0, c1, r0, r1)) = self.span(rect) else { return 0 };
        let stride = self.columns + 1;
        let at = |row: usize, column: usize| self.sums[row * stride + column];
        (at(r1 + 1, c1 + 1) + at(r0, c0)) - (at(r0, c1 + 1) + at(r1 + 1, c0))
    }

    /// How many cells `a` and `b` both touch: what a box `a` counted adds to `count(b)`.
    pub fn shared_cells(&self, a: &Rect, b: &Rect) -> u32 {
        let (Some(a), Some(b)) = (self.span(a), self.span(b)) else { return 0 };
        let overlap = |lo_a: usize, hi_a: usize, lo_b: usize, hi_b: usize| {
            (hi_a.min(hi_b) + 1).saturating_sub(lo_a.max(lo_b)) as u32
        };
        overlap(a.0, a.1, b.0, b.1) * overlap(a.2, a.3, b.2, b.3)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::rng::Rng;

    fn rect(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect::from_min_size(Vec2::new(x, y), Vec2::new(w, h))
    }

    const VIEW: Vec2 = Vec2::new(400.0, 300.0);

    #[test]
    fn an_empty_screen_counts_nothing() {
        let occupancy = Occupancy::build(VIEW, 4.0, []);
        assert_eq!(occupancy.count(&rect(0.0, 0.0, 400.0, 300.0)), 0);
    }

    #[test]
    fn a_box_counts_once_per_cell_it_touches() {
        // 10×10 at (100, 100) with 4-point cells: columns and rows 25..=27.
        let occupancy = Occupancy::build(VIEW, 4.0, [rect(100.0, 100.0, 10.0, 10.0)]);
        assert_eq!(occupancy.count(&rect(0.0, 0.0, 400.0, 300.0)), 9);
        assert_eq!(occupancy.count(&rect(101.0, 101.0, 1.0, 1.0)), 1);
        assert_eq!(occupancy.count(&rect(120.0, 100.0, 10.0, 10.0)), 0);
        assert_eq!(occupancy.shared_cells(&rect(100.0, 100.0, 10.0, 10.0), &rect(0.0, 0.0, 104.5, 500.0)), 6);
    }

    #[test]
    fn zero_means_nothing_touches_the_rectangle() {
        // Random boxes and queries: wherever a box touches a query, the count is above zero;
        // and the count always equals the brute-force sum of shared cells.
        let mut rng = Rng::new(5);
        let mut random_rect = |max: f32| {
            let (x, y) = (rng.range_f32(-20.0, 420.0), rng.range_f32(-20.0, 320.0));
            rect(x, y, rng.range_f32(0.5, max), rng.range_f32(0.5, max))
        };
        let boxes: Vec<Rect> = (0..300).map(|_| random_rect(12.0)).collect();
        let occupancy = Occupancy::build(VIEW, 4.0, boxes.iter().copied());
        for _ in 0..500 {
            let query = random_rect(60.0);
            let expected: u32 = boxes.iter().map(|b| occupancy.shared_cells(b, &query)).sum();
            assert_eq!(occupancy.count(&query), expected, "{query:?}");
            if boxes.iter().any(|b| b.intersects(&query)) {
                assert!(occupancy.count(&query) > 0, "{query:?}");
            }
        }
    }

    #[test]
    fn odd_rectangles_are_ignored() {
        let nan = Rect::from_min_max(Vec2::new(f32::NAN, 0.0), Vec2::new(1.0, 1.0));
        let occupancy = Occupancy::build(VIEW, 4.0, [nan, rect(10.0, 10.0, 5.0, 5.0)]);
        assert_eq!(occupancy.count(&nan), 0);
        assert!(occupancy.count(&rect(0.0, 0.0, 400.0, 300.0)) > 0);
        let huge = Occupancy::build(Vec2::new(1e6, 10.0), 4.0, [rect(5e5, 1.0, 1.0, 1.0)]);
        assert_eq!(huge.count(&rect(0.0, 0.0, 1e6, 10.0)), 1);
    }
}
