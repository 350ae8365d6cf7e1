//! Impact heads of long postings lists, so that a query of common words does
//! not have to score every passage they occur in.
//!
//! A passage's *impact* in a term's list is its BM25F term-frequency part
//! ([`Weight::tf_part`]). For every list longer than [`Heads::min_df`], the
//! head keeps the postings whose impact is at least that of the
//! [`Heads::len`]-th best (ties included, so a head may be longer), in
//! passage order, and the *tail bound*: the highest impact left out, strictly
//! below every impact in the head. Top-k scoring (see `score`) reads the
//! heads first and proves with the tail bounds that nothing outside them can
//! enter the results.
//!
//! ```
//! use diplomap::index::search::impacts::{Heads, Weight};
//! use diplomap::index::search::postings::PostingsBuilder;
//! let mut builder = PostingsBuilder::default();
//! let word = builder.term_id("word");
//! for passage in 0..10 {
//!     builder.add_passage(passage, &mut vec![word; 1 + passage as usize % 3]);
//! }
//! let postings = builder.finish();
//! let weights = vec![Weight { norm: 1.0, boost: 1.0 }; 10];
//! let heads = Heads::build(&postings, &weights, 4, 2);
//! let (head, bound) = heads.head(word).unwrap();
//! // tf 3 at passages 2, 5 and 8: the best two, with the tie.
//! assert_eq!(head.map(|(p, _)| p).collect::<Vec<_>>(), [2, 5, 8]);
//! assert_eq!(bound, weights[0].tf_part(2));
//! ```

use super::postings::{PostingIter, Postings, write_list};
use super::{B, K1};

/// A passage's BM25F length norm and field boost.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weight {
    /// `K1 · (1 − B + B · len / average len of the field)`.
    pub norm: f32,
    pub boost: f32,
}

impl Weight {
    /// The weight of a passage of `len` tokens in a field of `average` tokens.
    pub fn new(len: u32, average: f32, boost: f32) -> Weight {
        Weight { norm: K1 * (1.0 - B + B * len as f32 / average.max(1.0)), boost }
    }

    /// The BM25F term-frequency part of a passage's score (times idf later).
    #[inline]
    pub fn tf_part(self, tf: u32) -> f32 {
        let tf = tf as f32;
        self.boost * tf * (K1 + 1.0) / (tf + self.norm)
    }
}

/// Lists longer than this many postings get a head.
pub const HEAD_MIN_DF: usize = 1024;
/// A head keeps about this many postings.
pub const HEAD_LEN: usize = 512;

/// The heads of the long lists of a [`Postings`].
#[derive(Debug, Clone, Default)]
pub struct Heads {
    /// Terms with a head, increasing.
    terms: Vec<u32>,
    tail_bounds: Vec<f32>,
    /// Start of each head in `bytes`, plus the end.
    starts: Vec<u64>,
    bytes: Vec<u8>,
    min_df: usize,
    len: usize,
}

impl Heads {
    /// Heads of `len` postings for every list of more than `min_df`
    /// (`weights` by passage).
    pub fn build(postings: &Postings, weights: &[Weight], min_df: usize, len: usize) -> Heads {
        let len = len.max(1);
        let mut heads = Heads { min_df, len, starts: vec![0], ..Heads::default() };
        let mut list: Vec<(u32, u32, f32)> = Vec::new();
        let mut impacts: Vec<f32> = Vec::new();
        for term in 0..postings.term_count() as u32 {
            if (postings.df(term) as usize) <= min_df.max(len) {
                continue;
            }
            list.clear();
            list.extend(postings.postings(term).map(|(p, tf)| {
                let impact = weights.get(p as usize).map_or(0.0, |w| w.tf_part(tf));
                (p, tf, impact)
            }));
            impacts.clear();
            impacts.extend(list.iter().map(|e| e.2));
            let (_, &mut cutoff, _) = impacts.select_nth_unstable_by(len - 1, |a, b| b.total_cmp(a));
            let tail_bound = list.iter().map(|e| e.2).filter(|&i| i < cutoff).fold(0.0, f32::max);
            write_list(&mut heads.bytes, list.iter().filter(|e| e.2 >= cutoff).map(|e| (e.0, e.1)));
            heads.terms.push(term);
            heads.tail_bounds.push(tail_bound);
            heads.starts.push(heads.bytes.len() as u64);
        }
        heads.bytes.shrink_to_fit();
        heads
    }

    /// The head of `term`'s list and its tail bound; `None` when the list is
    /// short enough to be read whole.
    pub fn head(&self, term: u32) -> Option<(PostingIter<'_>, f32)> {
        let i = self.terms.binary_search(&term).ok()?;
        let (&start, &end) = (self.starts.get(i)?, self.starts.get(i + 1)?);
        let bytes = self.bytes.get(start as usize..end as usize)?;
        Some((PostingIter::new(bytes), self.tail_bounds[i]))
    }

    /// Lists longer than this have a head.
    pub fn min_df(&self) -> usize {
        self.min_df
    }

    /// About how many postings a head keeps.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no list has a head.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Heap bytes held.
    pub fn memory_bytes(&self) -> usize {
        self.terms.capacity() * 4 + self.tail_bounds.capacity() * 4 + self.starts.capacity() * 8 + self.bytes.capacity()
    }
}
