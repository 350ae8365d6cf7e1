//! Scoring a planned query: every passage that matches some unit gets a row
//! of column scores (the best alternative term of each unit part), and its
//! best cover of the query words gives its rank key: words covered, then
//! score, then the earlier passage.
//!
//! Two ways to get the same best `keep` passages:
//! - *exhaustive*: read every postings list of the query whole;
//! - *top-k*: read only the [`impacts`](super::impacts) heads of long lists
//!   (short lists whole), complete the rows of the passages found from the
//!   long lists' tails (a merge, no scoring of anything else), then bound the
//!   key of every passage not found: it is in no head, so each column is at
//!   most the best tail bound of that column's lists, and covering the query
//!   with those bounds gives an upper bound of its key. When that bound is
//!   below the `keep`-th best key found, no passage left out can enter the
//!   results and they are exact; otherwise the exhaustive way is taken.

use std::cell::RefCell;

use super::impacts::Weight;
use super::postings::PostingIter;
use super::{Plan, SearchFilters, SearchIndex};

thread_local! {
    /// [`Rows::slots`] and [`Rows::met`] kept between searches, all zero:
    /// clearing the few entries used is cheaper than fresh arrays per search.
    static SCRATCH: RefCell<(Vec<u32>, Vec<u64>)> = const { RefCell::new((Vec::new(), Vec::new())) };
}

/// A scored passage: how many query words it covers, and its score.
#[derive(Debug, Clone, Copy)]
pub(super) struct Scored {
    pub passage: u32,
    pub covered: usize,
    pub score: f32,
    /// Words covered and score without the units of the concepts' other
    /// names (used when the passage turns out not to hold such a name).
    pub direct: (usize, f32),
    /// Whether the passage holds the query's words as a phrase (set by the
    /// re-ranking of the best candidates, see [`super::phrase`]).
    pub phrase: bool,
}

/// Which way a query was scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Method {
    Exhaustive,
    TopK,
}

/// Postings [`SearchIndex::read`] loads ahead.
const READ_BATCH: usize = 64;

/// One postings list a query reads: a term of a column, with its factor.
#[derive(Debug, Clone, Copy)]
struct List {
    column: usize,
    term: u32,
    factor: f32,
}

fn lists(plan: &Plan) -> Vec<List> {
    let mut lists = Vec::new();
    for unit in &plan.units {
        for (part_index, part) in unit.parts.iter().enumerate() {
            let column = unit.first_column + part_index;
            lists.extend(part.iter().map(|&(term, factor)| List { column, term, factor }));
        }
    }
    lists
}

/// The candidates' rows of column scores, a row per passage met.
struct Rows {
    columns: usize,
    /// Row of each passage, plus one; 0 for none.
    slots: Vec<u32>,
    /// Bit set of the passages met.
    met: Vec<u64>,
    /// Passage and weight of each row.
    passages: Vec<u32>,
    weights: Vec<Weight>,
    cells: Vec<f32>,
}

impl Rows {
    fn new(columns: usize, passage_count: usize) -> Rows {
        let (mut slots, mut met) = SCRATCH.with(|s| std::mem::take(&mut *s.borrow_mut()));
        slots.resize(passage_count, 0);
        met.resize(passage_count.div_ceil(64), 0);
        Rows { columns, slots, met, passages: Vec::new(), weights: Vec::new(), cells: Vec::new() }
    }

    /// Raises `passage`'s cell in `column` to `value`, making it a candidate
    /// (its weight kept for the tails). `slot` is its slot as read before
    /// (a list holds a passage once, so reading a batch ahead is safe).
    #[inline]
    fn add(&mut self, passage: u32, slot: u32, weight: Weight, column: usize, value: f32) {
        let mut slot = slot;
        if slot == 0 {
            self.passages.push(passage);
            self.weights.push(weight);
            self.cells.resize(self.cells.len() + self.columns, 0.0);
            slot = self.passages.len() as u32;
            self.slots[passage as usize] = slot;
            self.met[passage as usize / 64] |= 1 << (passage % 64);
        }
        self.raise(slot as usize - 1, column, value);
    }

    /// `(passage, row)` of every candidate, in passage order.
    fn in_passage_order(&self) -> Vec<(u32, usize)> {
        let mut order = Vec::with_capacity(self.passages.len());
        for (i, &word) in self.met.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                let passage = i * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                order.push((passage as u32, self.slots[passage] as usize - 1));
            }
        }
        order
    }

    #[inline]
    fn raise(&mut self, row: usize, column: usize, value: f32) {
        if let Some(cell) = self.cells.get_mut(row * self.columns + column) {
            *cell = cell.max(value);
        }
    }

    /// The candidates that cover some query word, with their keys.
    fn scored(self, plan: &Plan) -> Vec<Scored> {
        let mut best = Vec::new();
        let rows = self.cells.chunks_exact(self.columns.max(1));
        let scored = self
            .passages
            .iter()
            .zip(rows)
            .filter_map(|(&passage, row)| {
                let (covered, score) = cover(plan, row, true, &mut best);
                let direct = if plan.has_names() { cover(plan, row, false, &mut best) } else { (covered, score) };
                (covered > 0).then_some(Scored { passage, covered, score, direct, phrase: false })
            })
            .collect();
        let (mut slots, mut met) = (self.slots, self.met);
        for &passage in &self.passages {
            slots[passage as usize] = 0;
            met[passage as usize / 64] = 0;
        }
        SCRATCH.with(|s| *s.borrow_mut() = (slots, met));
        scored
    }
}

impl SearchIndex {
    /// The scored passages among which the best `keep` are, and how they
    /// were found.
    pub(super) fn score(
        &self,
        plan: &Plan,
        filters: &SearchFilters,
        keep: usize,
        method: Method,
    ) -> (Vec<Scored>, Method) {
        if method == Method::TopK
            && let Some(scored) = self.score_top(plan, filters, keep)
        {
            return (scored, Method::TopK);
        }
        (self.score_all(plan, filters), Method::Exhaustive)
    }

    /// Every passage that matches some unit.
    fn score_all(&self, plan: &Plan, filters: &SearchFilters) -> Vec<Scored> {
        let mut rows = Rows::new(plan.columns, self.passages.len());
        for list in lists(plan) {
            self.read(&mut rows, list, self.postings.postings(list.term), filters);
        }
        rows.scored(plan)
    }

    /// Scores the passages of `postings` into `rows`, a batch at a time:
    /// the batch's weights and slots are loaded first, in a loop whose
    /// iterations do not wait on each other, so their cache misses overlap.
    fn read(&self, rows: &mut Rows, list: List, mut postings: PostingIter<'_>, filters: &SearchFilters) {
        let all = filters.accept_all();
        let mut batch: Vec<(u32, u32, Weight, u32)> = Vec::with_capacity(READ_BATCH);
        loop {
            batch.clear();
            for (passage, tf) in postings.by_ref().take(READ_BATCH) {
                let (Some(&weight), Some(&slot)) =
                    (self.weights.get(passage as usize), rows.slots.get(passage as usize))
                else {
                    continue;
                };
                batch.push((passage, tf, weight, slot));
            }
            if batch.is_empty() {
                return;
            }
            for &(passage, tf, weight, slot) in &batch {
                if !all && !self.passages.get(passage as usize).is_some_and(|p| self.accepts(p, filters)) {
                    continue;
                }
                rows.add(passage, slot, weight, list.column, list.factor * weight.tf_part(tf));
            }
        }
    }

    /// The passages in the heads, when they provably hold the best `keep`.
    fn score_top(&self, plan: &Plan, filters: &SearchFilters, keep: usize) -> Option<Vec<Scored>> {
        let lists = lists(plan);
        let heads: Vec<Option<(PostingIter<'_>, f32)>> = lists.iter().map(|l| self.heads.head(l.term)).collect();
        if heads.iter().all(Option::is_none) {
            return None;
        }
        let mut rows = Rows::new(plan.columns, self.passages.len());
        let mut bounds = vec![0f32; plan.columns];
        for (&list, head) in lists.iter().zip(&heads) {
            let postings = match head {
                Some((head, tail_bound)) => {
                    bounds[list.column] = bounds[list.column].max(list.factor * tail_bound);
                    head.clone()
                }
                None => self.postings.postings(list.term),
            };
            self.read(&mut rows, list, postings, filters);
        }
        let long: Vec<List> = lists.iter().zip(&heads).filter(|(_, h)| h.is_some()).map(|(&l, _)| l).collect();
        self.complete_from_tails(&mut rows, &long);
        let mut scored = rows.scored(plan);
        let (covered, score) = cover(plan, &bounds, true, &mut Vec::new());
        if covered == 0 {
            return Some(scored);
        }
        if keep == 0 || scored.len() < keep {
            return None;
        }
        let (_, kth, _) = scored.select_nth_unstable_by(keep - 1, rank_order);
        let below = covered < kth.covered || (covered == kth.covered && score < kth.score);
        below.then_some(scored)
    }

    /// Adds to the candidates' rows what the long lists' tails hold for
    /// them: one merge of each whole list with the candidates in passage order.
    fn complete_from_tails(&self, rows: &mut Rows, long: &[List]) {
        let order = rows.in_passage_order();
        for list in long {
            let mut next = 0;
            for (passage, tf) in self.postings.postings(list.term) {
                while order.get(next).is_some_and(|&(p, _)| p < passage) {
                    next += 1;
                }
                let Some(&(p, row)) = order.get(next) else { break };
                if p != passage {
                    continue;
                }
                let value = list.factor * rows.weights[row].tf_part(tf);
                rows.raise(row, list.column, value);
            }
        }
    }
}

/// The best cover of the query words by units that match: most words
/// covered, then highest total score; `names`: with the units of the
/// concepts' other names. `best` is scratch space.
pub(super) fn cover(plan: &Plan, row: &[f32], names: bool, best: &mut Vec<(usize, f32)>) -> (usize, f32) {
    best.clear();
    best.resize(plan.words + 1, (0, 0.0));
    for end in 1..=plan.words {
        best[end] = best[end - 1];
        for unit in plan.units.iter().filter(|u| u.span.end == end && (names || !u.other_name)) {
            let Some(cells) = row.get(unit.first_column..unit.first_column + unit.parts.len()) else { continue };
            if cells.iter().any(|&c| c <= 0.0) {
                continue;
            }
            let score = unit.weight * cells.iter().sum::<f32>() / cells.len() as f32;
            let (covered, total) = best[unit.span.start];
            let candidate = (covered + unit.span.len(), total + score);
            if (candidate.0, candidate.1) > (best[end].0, best[end].1) {
                best[end] = candidate;
            }
        }
    }
    best[plan.words]
}

/// The best first: more words covered, the phrase, higher score, earlier passage.
pub(super) fn rank_order(a: &Scored, b: &Scored) -> std::cmp::Ordering {
    b.covered
        .cmp(&a.covered)
        .then(b.phrase.cmp(&a.phrase))
        .then(b.score.total_cmp(&a.score))
        .then(a.passage.cmp(&b.passage))
}

/// The BM25 score at which [`relevance`]'s fraction is one half.
const HALF_SCORE: f32 = 10.0;

/// The score a hit shows, in the order of [`rank_order`]: its integer part
/// is the number of query words covered (plus one for the whole phrase),
/// its fraction the BM25 score squashed into `[0, 1)`.
pub(super) fn relevance(scored: &Scored) -> f32 {
    let score = scored.score.max(0.0);
    scored.covered as f32 + f32::from(u8::from(scored.phrase)) + score / (score + HALF_SCORE)
}

/// How many of the best passages to sort for `limit` hits: concepts may hit
/// through several passages, so keep some spare.
pub(super) fn keep_for(limit: usize) -> usize {
    limit.saturating_mul(8).max(64)
}

/// Sorts the best `keep` first and drops the rest.
pub(super) fn rank(scored: &mut Vec<Scored>, keep: usize) {
    if scored.len() > keep {
        scored.select_nth_unstable_by(keep, rank_order);
        scored.truncate(keep);
    }
    scored.sort_by(rank_order);
}
