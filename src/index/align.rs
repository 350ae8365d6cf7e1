//! Sentence alignment of two versions of one text (a paper's Persian and
//! English abstracts): which sentences on the left say what which sentences on
//! the right say, by the concepts they share and by their position.
//!
//! A small dynamic programme in the manner of Gale and Church: rows pair one
//! sentence with one, one with two, two with one, or leave a sentence alone;
//! the order is kept. A pair scores by shared concepts (Jaccard) and by how
//! close their relative positions are.
//!
//! ```
//! use diplomap::index::align::{align, Row};
//! let left = vec![vec![1, 2], vec![3]];
//! let right = vec![vec![2, 1], vec![3]];
//! assert_eq!(align(&left, &right), vec![Row { left: 0..1, right: 0..1 }, Row { left: 1..2, right: 1..2 }]);
//! ```

use std::ops::Range;

/// One aligned row: a run of left sentences beside a run of right sentences
/// (either may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub left: Range<usize>,
    pub right: Range<usize>,
}

/// Cost of leaving a sentence without a counterpart.
const SKIP_COST: f32 = 0.9;
/// Extra cost of pairing two sentences with one.
const MERGE_COST: f32 = 0.25;

/// Aligns two lists of sentences, each given as the concepts it mentions.
pub fn align(left: &[Vec<usize>], right: &[Vec<usize>]) -> Vec<Row> {
    let (n, m) = (left.len(), right.len());
    let mut cost = vec![vec![f32::INFINITY; m + 1]; n + 1];
    let mut step = vec![vec![(0usize, 0usize); m + 1]; n + 1];
    cost[0][0] = 0.0;
    let moves: [(usize, usize); 5] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)];
    for i in 0..=n {
        for j in 0..=m {
            if cost[i][j].is_infinite() {
                continue;
            }
            for &(di, dj) in &moves {
                let (ni, nj) = (i + di, j + dj);
                if ni > n || nj > m {
                    continue;
                }
                let c = cost[i][j] + move_cost(left, right, i..ni, j..nj);
                if c < cost[ni][nj] {
                    cost[ni][nj] = c;
                    step[ni][nj] = (di, dj);
                }
            }
        }
    }
    let mut rows = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (di, dj) = step[i][j];
        if di == 0 && dj == 0 {
            break;
        }
        rows.push(Row { left: i - di..i, right: j - dj..j });
        i -= di;
        j -= dj;
    }
    rows.reverse();
    rows
}

fn move_cost(left: &[Vec<usize>], right: &[Vec<usize>], l: Range<usize>, r: Range<usize>) -> f32 {
    if l.is_empty() || r.is_empty() {
        return SKIP_COST;
    }
    let concepts = |side: &[Vec<usize>], range: Range<usize>| {
        let mut all: Vec<usize> = side[range].iter().flatten().copied().collect();
        all.sort_unstable();
        all.dedup();
        all
    };
    let a = concepts(left, l.clone());
    let b = concepts(right, r.clone());
    let shared = a.iter().filter(|c| b.binary_search(c).is_ok()).count();
    let union = a.len() + b.len() - shared;
    let similarity = if union == 0 { 0.3 } else { shared as f32 / union as f32 };
    let position = |range: &Range<usize>, len: usize| (range.start + range.end) as f32 / 2.0 / len.max(1) as f32;
    let distance = (position(&l, left.len()) - position(&r, right.len())).abs();
    let merge = if l.len() + r.len() > 2 { MERGE_COST } else { 0.0 };
    (1.0 - similarity) + distance * 1.5 + merge
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(left: &[&[usize]], right: &[&[usize]], expected: &[(Range<usize>, Range<usize>)]) {
        let left: Vec<Vec<usize>> = left.iter().map(|s| s.to_vec()).collect();
        let right: Vec<Vec<usize>> = right.iter().map(|s| s.to_vec()).collect();
        let rows: Vec<(Range<usize>, Range<usize>)> =
            align(&left, &right).into_iter().map(|r| (r.left, r.right)).collect();
        assert_eq!(rows, expected);
    }

    #[test]
    fn pairs_by_shared_concepts_and_position() {
        check(&[&[1], &[2], &[3]], &[&[1], &[2], &[3]], &[(0..1, 0..1), (1..2, 1..2), (2..3, 2..3)]);
        check(&[&[1], &[2, 3]], &[&[1], &[2], &[3]], &[(0..1, 0..1), (1..2, 1..3)]);
        check(&[], &[&[1]], &[(0..0, 0..1)]);
        check(&[&[1], &[9], &[2]], &[&[1], &[2]], &[(0..1, 0..1), (1..3, 1..2)]);
        check(&[&[1], &[9], &[8], &[2]], &[&[1], &[2]], &[(0..2, 0..1), (2..4, 1..2)]);
    }

    #[test]
    fn covers_every_sentence_once_in_order() {
        let left: Vec<Vec<usize>> = (0..7).map(|i| vec![i % 3]).collect();
        let right: Vec<Vec<usize>> = (0..4).map(|i| vec![i % 2]).collect();
        let rows = align(&left, &right);
        let mut l = 0;
        let mut r = 0;
        for row in &rows {
            assert_eq!(row.left.start, l);
            assert_eq!(row.right.start, r);
            l = row.left.end;
            r = row.right.end;
        }
        assert_eq!((l, r), (7, 4));
    }
}
