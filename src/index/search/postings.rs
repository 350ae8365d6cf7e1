//! The term dictionary and the postings of the search index, built in one
//! pass and then frozen into a few flat arrays.
//!
//! Terms are kept sorted in one string, so a term is found by binary search
//! and every term starting with a prefix is one contiguous range. A term's
//! postings are `(passage, term frequency)` pairs in passage order, stored as
//! varints of the passage delta and the frequency: about two bytes a pair.
//!
//! ```
//! use diplomap::index::search::postings::PostingsBuilder;
//! let mut builder = PostingsBuilder::default();
//! let a = builder.term_id("apple");
//! let b = builder.term_id("apricot");
//! builder.add_passage(0, &mut [a, a, b]);
//! builder.add_passage(3, &mut [b]);
//! let postings = builder.finish();
//! let range = postings.prefix_range("ap");
//! assert_eq!(range.len(), 2);
//! let apricot = postings.find("apricot").unwrap();
//! assert_eq!(postings.postings(apricot).collect::<Vec<_>>(), [(0, 1), (3, 1)]);
//! ```

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// The frozen dictionary and postings.
#[derive(Debug, Clone, Default)]
pub struct Postings {
    /// Every term, sorted, back to back.
    terms: String,
    /// Start of each term in `terms`, plus the end.
    term_starts: Vec<u32>,
    /// All postings lists, back to back, in term order.
    bytes: Vec<u8>,
    /// Start of each term's list in `bytes`, plus the end.
    list_starts: Vec<u64>,
    /// Number of passages each term occurs in.
    df: Vec<u32>,
}

impl Postings {
    pub fn term_count(&self) -> usize {
        self.df.len()
    }

    /// The term with id `id` (ids are positions in sorted order).
    pub fn term(&self, id: u32) -> &str {
        let i = id as usize;
        match (self.term_starts.get(i), self.term_starts.get(i + 1)) {
            (Some(&s), Some(&e)) => self.terms.get(s as usize..e as usize).unwrap_or(""),
            _ => "",
        }
    }

    /// Number of passages term `id` occurs in.
    pub fn df(&self, id: u32) -> u32 {
        self.df.get(id as usize).copied().unwrap_or(0)
    }

    /// The id of `term`, if indexed.
    pub fn find(&self, term: &str) -> Option<u32> {
        let range = self.prefix_range(term);
        let first = range.start;
        (range.start < range.end && self.term(first) == term).then_some(first)
    }

    /// Ids of every term starting with `prefix` (the term itself included).
    pub fn prefix_range(&self, prefix: &str) -> Range<u32> {
        let count = self.term_count();
        let start = partition(count, |i| self.term(i) < prefix);
        let end = start + partition(count - start as usize, |i| self.term(start + i).starts_with(prefix));
        start..end
    }

    /// The `(passage, tf)` pairs of term `id`, in passage order.
    pub fn postings(&self, id: u32) -> PostingIter<'_> {
        let i = id as usize;
        let bytes = match (self.list_starts.get(i), self.list_starts.get(i + 1)) {
            (Some(&s), Some(&e)) => self.bytes.get(s as usize..e as usize).unwrap_or(&[]),
            _ => &[],
        };
        PostingIter::new(bytes)
    }

    /// Heap bytes held.
    pub fn memory_bytes(&self) -> usize {
        self.terms.capacity()
            + self.term_starts.capacity() * 4
            + self.bytes.capacity()
            + self.list_starts.capacity() * 8
            + self.df.capacity() * 4
    }

    /// Total bytes of the postings lists.
    pub fn postings_bytes(&self) -> usize {
        self.bytes.len()
    }
}

/// Number of leading `i` in `0..count` with `pred(i)` (pred true then false).
fn partition(count: usize, pred: impl Fn(u32) -> bool) -> u32 {
    let (mut low, mut high) = (0usize, count);
    while low < high {
        let mid = low + (high - low) / 2;
        if pred(mid as u32) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    low as u32
}

/// Decodes one postings list.
#[derive(Debug, Clone)]
pub struct PostingIter<'a> {
    bytes: &'a [u8],
    passage: u32,
    first: bool,
}

impl<'a> PostingIter<'a> {
    /// Decodes a list written by [`write_list`].
    pub fn new(bytes: &'a [u8]) -> PostingIter<'a> {
        PostingIter { bytes, passage: 0, first: true }
    }
}

/// Appends `(passage, tf)` pairs, passages increasing, in the postings'
/// encoding (read back with [`PostingIter::new`]).
pub fn write_list(out: &mut Vec<u8>, pairs: impl IntoIterator<Item = (u32, u32)>) {
    let mut last = None;
    for (passage, tf) in pairs {
        write_varint(out, last.map_or(passage, |l: u32| passage.wrapping_sub(l)));
        write_varint(out, tf);
        last = Some(passage);
    }
}

impl Iterator for PostingIter<'_> {
    type Item = (u32, u32);

    #[inline]
    fn next(&mut self) -> Option<(u32, u32)> {
        let delta = read_varint(&mut self.bytes)?;
        let tf = read_varint(&mut self.bytes)?;
        self.passage = if self.first { delta } else { self.passage.wrapping_add(delta) };
        self.first = false;
        Some((self.passage, tf))
    }
}

#[inline]
fn read_varint(bytes: &mut &[u8]) -> Option<u32> {
    if let Some((&byte, rest)) = bytes.split_first()
        && byte < 0x80
    {
        *bytes = rest;
        return Some(u32::from(byte));
    }
    let mut value = 0u32;
    let mut shift = 0;
    loop {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        value |= u32::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(value);
        }
        shift += 7;
        if shift > 28 {
            return None;
        }
    }
}

fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Builds [`Postings`]: intern terms, add passages in increasing order, finish.
#[derive(Debug, Default)]
pub struct PostingsBuilder {
    ids: HashMap<Box<str>, u32, BuildHasherDefault<FxHasher>>,
    lists: Vec<ListBuilder>,
}

#[derive(Debug, Default)]
struct ListBuilder {
    bytes: Vec<u8>,
    last: Option<u32>,
    df: u32,
}

impl PostingsBuilder {
    /// The builder's id of `term`, interning it.
    pub fn term_id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.lists.len() as u32;
        self.ids.insert(term.into(), id);
        self.lists.push(ListBuilder::default());
        id
    }

    /// Adds the terms of one passage (ids from [`Self::term_id`], any order,
    /// repeated as often as they occur). Passages must come in increasing order.
    pub fn add_passage(&mut self, passage: u32, terms: &mut [u32]) {
        terms.sort_unstable();
        let mut i = 0;
        while let Some(&term) = terms.get(i) {
            let run = terms[i..].iter().take_while(|&&t| t == term).count();
            if let Some(list) = self.lists.get_mut(term as usize) {
                list.push(passage, run as u32);
            }
            i += run;
        }
    }

    /// Appends the postings of `other`, whose passages all come after this
    /// builder's and are numbered from `offset` on. Lists are joined by
    /// re-encoding only their first entry.
    pub fn append(&mut self, mut other: PostingsBuilder, offset: u32) {
        for (term, id) in other.ids.drain() {
            let Some(list) = other.lists.get_mut(id as usize).map(std::mem::take) else { continue };
            if list.df == 0 {
                continue;
            }
            let mine = self.term_id(&term);
            if let Some(target) = self.lists.get_mut(mine as usize) {
                target.append(list, offset);
            }
        }
    }

    /// Sorts the dictionary and packs everything into flat arrays.
    pub fn finish(self) -> Postings {
        let mut entries: Vec<(Box<str>, u32)> = self.ids.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut lists: Vec<Option<ListBuilder>> = self.lists.into_iter().map(Some).collect();
        let total_bytes: usize = lists.iter().flatten().map(|l| l.bytes.len()).sum();
        let total_chars: usize = entries.iter().map(|(t, _)| t.len()).sum();
        let mut postings = Postings {
            terms: String::with_capacity(total_chars),
            term_starts: Vec::with_capacity(entries.len() + 1),
            bytes: Vec::with_capacity(total_bytes),
            list_starts: Vec::with_capacity(entries.len() + 1),
            df: Vec::with_capacity(entries.len()),
        };
        for (term, old_id) in entries {
            postings.term_starts.push(postings.terms.len() as u32);
            postings.terms.push_str(&term);
            postings.list_starts.push(postings.bytes.len() as u64);
            let list = lists.get_mut(old_id as usize).and_then(Option::take).unwrap_or_default();
            postings.bytes.extend_from_slice(&list.bytes);
            postings.df.push(list.df);
        }
        postings.term_starts.push(postings.terms.len() as u32);
        postings.list_starts.push(postings.bytes.len() as u64);
        postings
    }
}

impl ListBuilder {
    fn append(&mut self, other: ListBuilder, offset: u32) {
        let mut rest = other.bytes.as_slice();
        let Some(first) = read_varint(&mut rest) else { return };
        let first = first.wrapping_add(offset);
        write_varint(&mut self.bytes, self.last.map_or(first, |last| first.wrapping_sub(last)));
        self.bytes.extend_from_slice(rest);
        self.last = other.last.map(|last| last.wrapping_add(offset));
        self.df += other.df;
    }

    fn push(&mut self, passage: u32, tf: u32) {
        let delta = match self.last {
            Some(last) => passage.wrapping_sub(last),
            None => passage,
        };
        write_varint(&mut self.bytes, delta);
        write_varint(&mut self.bytes, tf);
        self.last = Some(passage);
        self.df += 1;
    }
}

/// The Fx hash (as in rustc): fast for short string keys, not DoS-resistant,
/// which a local index does not need.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        for value in [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX] {
            let mut bytes = Vec::new();
            write_varint(&mut bytes, value);
            let mut slice = bytes.as_slice();
            assert_eq!(read_varint(&mut slice), Some(value));
            assert!(slice.is_empty());
        }
    }

    #[test]
    fn written_lists_read_back() {
        let pairs = [(0, 1), (5, 3), (300, 1), (100_000, 7)];
        let mut bytes = Vec::new();
        write_list(&mut bytes, pairs);
        assert_eq!(PostingIter::new(&bytes).collect::<Vec<_>>(), pairs);
    }

    #[test]
    fn appended_builders_number_on() {
        let mut first = PostingsBuilder::default();
        let (a, b) = (first.term_id("a"), first.term_id("b"));
        first.add_passage(0, &mut [a]);
        first.add_passage(200, &mut [a, b, b]);
        let mut second = PostingsBuilder::default();
        let (b2, c2) = (second.term_id("b"), second.term_id("c"));
        second.term_id("unused");
        second.add_passage(0, &mut [b2]);
        second.add_passage(3, &mut [c2, b2]);
        first.append(second, 300);
        let postings = first.finish();
        let list = |t: &str| postings.postings(postings.find(t).unwrap()).collect::<Vec<_>>();
        assert_eq!(list("a"), [(0, 1), (200, 1)]);
        assert_eq!(list("b"), [(200, 2), (300, 1), (303, 1)]);
        assert_eq!(list("c"), [(303, 1)]);
        assert_eq!(postings.find("unused"), None);
        assert_eq!(postings.df(postings.find("b").unwrap()), 3);
    }

    #[test]
    fn dictionary_and_postings() {
        let mut builder = PostingsBuilder::default();
        let words = ["b", "ab", "abc", "c", "abd"];
        let ids: Vec<u32> = words.iter().map(|w| builder.term_id(w)).collect();
        builder.add_passage(5, &mut [ids[0], ids[1], ids[0]]);
        builder.add_passage(1000, &mut [ids[0]]);
        let postings = builder.finish();
        let sorted: Vec<&str> = (0..postings.term_count() as u32).map(|i| postings.term(i)).collect();
        assert_eq!(sorted, ["ab", "abc", "abd", "b", "c"]);
        assert_eq!(postings.prefix_range("ab"), 0..3);
        assert_eq!(postings.prefix_range("abc"), 1..2);
        assert_eq!(postings.prefix_range("x"), 5..5);
        assert_eq!(postings.prefix_range(""), 0..5);
        let b = postings.find("b").unwrap();
        assert_eq!(postings.postings(b).collect::<Vec<_>>(), [(5, 2), (1000, 1)]);
        assert_eq!(postings.df(b), 2);
        assert_eq!(postings.find("a"), None);
        assert_eq!(postings.postings(postings.find("c").unwrap()).count(), 0);
    }
}
