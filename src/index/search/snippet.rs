//! Snippets: a window of a passage's original text around its best cluster of
//! query hits, with the hits' byte ranges, so the UI can show and highlight
//! them without folding anything again.
//!
//! Which words are hits is decided on the folded text by a [`HitWords`]
//! (words, stems, joins and a prefix, as the query was planned); the ranges
//! are mapped back with [`Folded::original_range_in`], so `ديپلماسيِ` in the
//! original is highlighted whole, kasra included, for a query `دیپلماسی`.
//!
//! ```
//! use diplomap::index::search::snippet::{HitWords, snippet};
//! let words = HitWords::from_query("ديپلماسي");
//! let text = "نقش دیپلماسیِ پلیسی";
//! let s = snippet(text, &words, 200);
//! assert_eq!(&s.text[s.highlights[0].clone()], "دیپلماسیِ");
//! ```

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::ops::Range;

use super::postings::FxHasher;
use super::terms::{StemMode, adjacent, stems, tokens};
use crate::text::normalize::{fold, fold_str};

/// The folded words a query hits, for highlighting.
#[derive(Debug, Clone, Default)]
pub struct HitWords {
    /// Words (and stems of words) that count as hits.
    words: HashSet<String, BuildHasherDefault<FxHasher>>,
    /// Words that count as hits when a text word (or two joined) starts with them.
    prefixes: Vec<String>,
}

impl HitWords {
    /// The hit words of a plain query: every word and its stems, the joins of
    /// adjacent words, and the last word as a prefix unless the query ends in
    /// a space.
    pub fn from_query(query: &str) -> HitWords {
        let folded = fold_str(query);
        let words: Vec<&str> = tokens(&folded).map(|r| &folded[r]).collect();
        let mut hit = HitWords::default();
        for pair in words.windows(2) {
            hit.add_word(&format!("{}{}", pair[0], pair[1]));
        }
        for word in &words {
            hit.add_word(word);
        }
        let ends_open = folded.chars().last().is_some_and(crate::text::normalize::is_word_char);
        if let (true, Some(last)) = (ends_open, words.last()) {
            hit.add_prefix(last);
        }
        hit
    }

    /// Adds a word and its stems.
    pub fn add_word(&mut self, word: &str) {
        let mut found = Vec::new();
        stems(word, StemMode::Arabic, &mut found);
        self.words.extend(found.into_iter().map(str::to_string));
        self.words.insert(word.to_string());
    }

    /// Adds a prefix (and the prefixes its stems give).
    pub fn add_prefix(&mut self, prefix: &str) {
        let mut found = Vec::new();
        stems(prefix, StemMode::Arabic, &mut found);
        for p in found.into_iter().chain(std::iter::once(prefix)) {
            if p.chars().count() >= super::MIN_PREFIX_CHARS && !self.prefixes.iter().any(|q| q == p) {
                self.prefixes.push(p.to_string());
            }
        }
    }

    /// Whether `word` is a hit; `stems_of` is scratch space.
    fn hits<'a>(&self, word: &'a str, stems_of: &mut Vec<&'a str>) -> bool {
        if self.words.contains(word) || self.prefixes.iter().any(|p| word.starts_with(p.as_str())) {
            return true;
        }
        stems_of.clear();
        stems(word, StemMode::Arabic, stems_of);
        stems_of.iter().any(|s| self.words.contains(*s))
    }

    fn hits_prefix_only(&self, word: &str) -> bool {
        self.prefixes.iter().any(|p| word.starts_with(p.as_str()))
    }
}

/// A snippet: `text` is a window of the passage (line breaks shown as spaces,
/// `…` where it was cut), `highlights` index into `text`, `range` is the
/// window and `hits` the hit ranges, both in the passage.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    pub text: String,
    pub highlights: Vec<Range<usize>>,
    pub range: Range<usize>,
    pub hits: Vec<Range<usize>>,
}

const ELLIPSIS: &str = "…";
/// How far before the first hit of the window the snippet starts, in chars.
const LEAD_CHARS: usize = 40;

/// The snippet of `passage` for `words`, at most about `max_chars` long.
pub fn snippet(passage: &str, words: &HitWords, max_chars: usize) -> Snippet {
    let hits = hit_ranges(passage, words);
    let window = window(passage, &hits, max_chars);
    let mut text = String::with_capacity(window.len() + 2 * ELLIPSIS.len());
    if window.start > 0 {
        text.push_str(ELLIPSIS);
    }
    let shift = text.len();
    // One-byte line breaks and tabs become one-byte spaces: offsets stay exact.
    text.push_str(&passage[window.clone()].replace(['\n', '\r', '\t'], " "));
    if window.end < passage.len() {
        text.push_str(ELLIPSIS);
    }
    let highlights = hits
        .iter()
        .filter(|h| h.start >= window.start && h.end <= window.end)
        .map(|h| h.start - window.start + shift..h.end - window.start + shift)
        .collect();
    Snippet { text, highlights, range: window, hits }
}

/// Byte ranges (in `passage`) of the words the query hits, in order, merged.
pub fn hit_ranges(passage: &str, words: &HitWords) -> Vec<Range<usize>> {
    let folded = fold(passage);
    let text = folded.text();
    let spans: Vec<Range<usize>> = tokens(text).collect();
    let mut hits: Vec<Range<usize>> = Vec::new();
    let mut pair = String::new();
    let mut stems_of = Vec::new();
    for (i, span) in spans.iter().enumerate() {
        let word = &text[span.clone()];
        let joined = spans.get(i + 1).filter(|next| adjacent(&text[span.end..next.start]));
        if let Some(next) = joined {
            pair.clear();
            pair.push_str(word);
            pair.push_str(&text[next.clone()]);
            if words.words.contains(&pair) || words.hits_prefix_only(&pair) && !words.hits(word, &mut stems_of) {
                hits.push(span.start..next.end);
                continue;
            }
        }
        if words.hits(word, &mut stems_of) {
            hits.push(span.clone());
        }
    }
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(hits.len());
    for hit in hits {
        let range = folded.original_range_in(passage, hit);
        match merged.last_mut() {
            Some(last) if range.start < last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// The window: the whole passage if short, else the stretch of about
/// `max_chars` that holds the most hits, starting a little before them.
fn window(passage: &str, hits: &[Range<usize>], max_chars: usize) -> Range<usize> {
    if passage.chars().count() <= max_chars {
        return 0..passage.len();
    }
    let anchor = best_anchor(passage, hits, max_chars.saturating_sub(LEAD_CHARS));
    let mut start = back_chars(passage, anchor, LEAD_CHARS);
    if start > 0 {
        start = word_start_after(passage, start).min(anchor);
    }
    let mut end = forward_chars(passage, start, max_chars);
    if end < passage.len() {
        end = word_end_before(passage, end).max(hit_end_at(hits, anchor));
    }
    start..end.max(start)
}

/// The start of the hit that begins the densest stretch of `span` chars.
fn best_anchor(passage: &str, hits: &[Range<usize>], span: usize) -> usize {
    let mut best = (0, 0);
    for (i, hit) in hits.iter().enumerate() {
        let limit = forward_chars(passage, hit.start, span);
        let count = hits[i..].iter().take_while(|h| h.end <= limit).count();
        if count > best.0 {
            best = (count, hit.start);
        }
    }
    best.1
}

fn hit_end_at(hits: &[Range<usize>], start: usize) -> usize {
    hits.iter().find(|h| h.start == start).map_or(start, |h| h.end)
}

fn back_chars(text: &str, from: usize, n: usize) -> usize {
    text[..from].char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i)
}

fn forward_chars(text: &str, from: usize, n: usize) -> usize {
    text[from..].char_indices().nth(n).map_or(text.len(), |(i, _)| from + i)
}

/// The first word start at or after `at` (after some whitespace).
fn word_start_after(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let Some(space) = rest.find(char::is_whitespace) else { return at };
    let after = &rest[space..];
    let skipped = after.len() - after.trim_start().len();
    at + space + skipped
}

/// The last word end at or before `at`.
fn word_end_before(text: &str, at: usize) -> usize {
    let head = &text[..at];
    let Some(space) = head.rfind(char::is_whitespace) else { return at };
    head[..space].trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `check(query, passage, expected hit surfaces)`.
    fn check(query: &str, passage: &str, expected: &[&str]) {
        let found: Vec<&str> =
            hit_ranges(passage, &HitWords::from_query(query)).into_iter().map(|r| &passage[r]).collect();
        assert_eq!(found, expected, "{query:?} in {passage:?}");
    }

    #[test]
    fn highlights_original_surfaces() {
        check("دیپلماسی ", "دِيپلُماسيِ پلیسی و ديپلماسي", &["دِيپلُماسيِ", "ديپلماسي"]);
        check("میشود ", "گفته می شود که", &["می شود"]);
        check("می شود ", "گفته می‌شود که", &["می‌شود"]);
        check("دیپلم", "دیپلماسی پلیسی", &["دیپلماسی"]);
        check("interpol ", "The INTERPOL, Interpol's", &["INTERPOL", "Interpol"]);
        check("انتربول ", "والإنتربول", &["والإنتربول"]);
        check("کشور ", "کشورهای عضو", &["کشورهای"]);
        check("۲۰۲۱ ", "در سال 2021 و ٢٠٢١", &["2021", "٢٠٢١"]);
        check("x ", "nothing here", &[]);
    }

    #[test]
    fn short_passage_is_whole() {
        let s = snippet("a b\nc", &HitWords::from_query("c "), 100);
        assert_eq!(s.text, "a b c");
        assert_eq!(s.highlights, vec![4..5]);
        assert_eq!(s.range, 0..5);
    }

    #[test]
    fn long_passage_is_cut_around_hits() {
        let filler = "lorem ipsum dolor sit amet ".repeat(20);
        let passage = format!("{filler}the needle is here {filler}");
        let s = snippet(&passage, &HitWords::from_query("needle "), 80);
        assert!(s.text.starts_with(ELLIPSIS) && s.text.ends_with(ELLIPSIS), "{:?}", s.text);
        assert!(s.text.chars().count() <= 84, "{:?}", s.text);
        assert_eq!(s.highlights.len(), 1);
        assert_eq!(&s.text[s.highlights[0].clone()], "needle");
        assert_eq!(&passage[s.hits[0].clone()], "needle");
        assert_eq!(&passage[s.range.clone()], s.text.trim_matches('…'));
    }
}
