//! Finding concept mentions: every label and alias of the catalog, in any of
//! the three languages, in any text.
//!
//! Matching runs on folded text (see [`crate::text::normalize`]) with the
//! spaces, ZWNJs and punctuation between words taken out, so "بین المللی",
//! "بین‌المللی" and "بینالمللی", or "cyber crime", "cyber-crime" and
//! "cybercrime", are one key. A match must start at the start of a word —
//! or after Arabic proclitics (`و ف ب ل ک ال وال بال لل`) inside it — and
//! end at the end of a word, or before a Persian or English suffix (`ها های ی
//! ای ان ات`, `s`) that ends it. Among the matches starting at the same place
//! the longest wins (leftmost-longest), and matches do not overlap.
//!
//! ```
//! use diplomap::catalog::Catalog;
//! use diplomap::index::mentions::Matcher;
//! let catalog: Catalog = ron::from_str(r#"Catalog(concepts: [Concept(id: "interpol",
//!     kind: Organisation, labels: (fa: "اینترپل", ar: "الإنتربول", en: "INTERPOL"))])"#).unwrap();
//! let matcher = Matcher::new(&catalog);
//! let text = "تعاون والانتربول";
//! let found = matcher.find(text);
//! assert_eq!(&text[found[0].range.clone()], "الانتربول");
//! ```

use std::ops::Range;

use crate::catalog::Catalog;
use crate::text::Lang;
use crate::text::normalize::{
    CharFold, CharInfo, CharInfoTable, Folded, Script, fold_str, is_arabic_script, is_combining_mark, is_word_char, script_of,
};

/// One mention of a concept: the concept's index in the catalog and the byte
/// range of the matched surface in the original text (clitics and suffixes
/// around it excluded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub concept: usize,
    pub range: Range<usize>,
}

/// Proclitics that may stand before an Arabic-script match inside its word.
const PROCLITICS: &[&str] = &[
    "و", "ف", "ب", "ل", "ک", "ال", "وال", "فال", "بال", "کال", "لل", "ول", "وب", "فب", "فل", "ولل", "فلل", "وبال",
    "فبال", "وک", "وکال",
];

/// Suffixes that may follow an Arabic-script match inside its word.
const ARABIC_SCRIPT_SUFFIXES: &[&str] =
    &["ها", "های", "هایی", "هایش", "ی", "ای", "یی", "ان", "یان", "ات", "اش", "ش", "ین", "ون", "یه"];

/// Suffixes that may follow an Arabic name whose article was stripped
/// (`شرطه` from `الشرطة`): Arabic ones only, so that a Persian word such as
/// `شرط‌های` ("conditions") is not taken for the police.
const BARE_ARABIC_SUFFIXES: &[&str] = &["ات", "ین", "ون", "یه"];

/// Suffixes that may follow a Latin match inside its word.
const LATIN_SUFFIXES: &[&str] = &["s", "es"];

/// Arabic-script patterns shorter than this (in characters) take no proclitic,
/// so short names do not match inside unrelated words.
const MIN_CHARS_FOR_PROCLITICS: usize = 3;

/// Texts this long are cut into pieces found on several threads.
const PARALLEL_MIN_BYTES: usize = 4 << 20;
/// At most this many threads for one text.
const MAX_THREADS: usize = 4;

/// A segment is cut at the next word boundary once its key is this long, so
/// key offsets fit in `u32` (a single paragraph of 2 GB and more).
const MAX_SEGMENT_KEY: usize = 1 << 31;

#[derive(Debug, Clone)]
struct PatternInfo {
    concept: usize,
    arabic_script: bool,
    /// An all-capitals Latin alias (`ECO`, `SCO`): the text must not be in lower case.
    acronym: bool,
    /// An Arabic alias with its article stripped: takes Arabic suffixes only.
    bare_arabic: bool,
    chars: usize,
}

impl PatternInfo {
    fn suffixes(&self) -> &'static [&'static str] {
        match (self.arabic_script, self.bare_arabic) {
            (true, true) => BARE_ARABIC_SUFFIXES,
            (true, false) => ARABIC_SCRIPT_SUFFIXES,
            (false, _) => LATIN_SUFFIXES,
        }
    }
}

/// A byte trie over pattern keys, flattened for walking: the root's children
/// in a 256-entry table, every other node's children in a sorted slice.
#[derive(Debug)]
struct Trie {
    /// Child of the root per byte (0: none; node 0 is the root).
    root: Box<[u32; 256]>,
    nodes: Vec<TrieNode>,
    edge_bytes: Vec<u8>,
    edge_targets: Vec<u32>,
    pattern_ids: Vec<u32>,
}

#[derive(Debug, Clone, Copy, Default)]
struct TrieNode {
    first_edge: u32,
    edge_count: u32,
    first_pattern: u32,
    pattern_count: u32,
}

impl Trie {
    /// Builds the trie of `(key, pattern)` pairs; a key's patterns keep their order.
    fn build(keys: &[(Vec<u8>, u32)]) -> Trie {
        // A simple pointer trie first, then flattened.
        let mut children: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut patterns: Vec<Vec<u32>> = vec![Vec::new()];
        for (key, pattern) in keys {
            let mut node = 0usize;
            for &byte in key {
                node = match children[node].binary_search_by_key(&byte, |&(b, _)| b) {
                    Ok(i) => children[node][i].1 as usize,
                    Err(i) => {
                        let next = children.len();
                        children.push(Vec::new());
                        patterns.push(Vec::new());
                        children[node].insert(i, (byte, next as u32));
                        next
                    }
                };
            }
            if !patterns[node].contains(pattern) {
                patterns[node].push(*pattern);
            }
        }
        let mut trie = Trie {
            root: Box::new([0; 256]),
            nodes: Vec::with_capacity(children.len()),
            edge_bytes: Vec::new(),
            edge_targets: Vec::new(),
            pattern_ids: Vec::new(),
        };
        for (node_children, node_patterns) in children.iter().zip(&patterns) {
            trie.nodes.push(TrieNode {
                first_edge: trie.edge_bytes.len() as u32,
                edge_count: node_children.len() as u32,
                first_pattern: trie.pattern_ids.len() as u32,
                pattern_count: node_patterns.len() as u32,
            });
            trie.edge_bytes.extend(node_children.iter().map(|&(b, _)| b));
            trie.edge_targets.extend(node_children.iter().map(|&(_, t)| t));
            trie.pattern_ids.extend_from_slice(node_patterns);
        }
        for &(byte, target) in &children[0] {
            trie.root[byte as usize] = target;
        }
        trie
    }

    #[inline]
    fn child(&self, node: usize, byte: u8) -> Option<usize> {
        if node == 0 {
            let next = self.root[byte as usize];
            return (next != 0).then_some(next as usize);
        }
        let TrieNode { first_edge, edge_count, .. } = self.nodes[node];
        let range = first_edge as usize..(first_edge + edge_count) as usize;
        let i = self.edge_bytes[range.clone()].iter().position(|&b| b == byte)?;
        Some(self.edge_targets[range.start + i] as usize)
    }

    #[inline]
    fn patterns(&self, node: usize) -> &[u32] {
        let TrieNode { first_pattern, pattern_count, .. } = self.nodes[node];
        &self.pattern_ids[first_pattern as usize..(first_pattern + pattern_count) as usize]
    }
}

/// The words of one stretch of text that no match crosses (a blank line ends
/// one), folded and run together without what separates them, so that
/// "cyber crime", "cyber-crime" and "cybercrime" read alike.
#[derive(Debug, Default)]
struct Segment {
    /// The folded words, concatenated (valid UTF-8).
    key: Vec<u8>,
    /// Per word: its start in `key`.
    word_keys: Vec<u32>,
    /// Per word: the original byte offset of the character its first folded
    /// character comes from.
    word_origins: Vec<usize>,
    /// Words that start inside the folding of one character (a ligature
    /// folded to several letters): `(word, folded characters to skip)`.
    skips: Vec<(u32, u32)>,
}

impl Segment {
    fn clear(&mut self) {
        self.key.clear();
        self.word_keys.clear();
        self.word_origins.clear();
        self.skips.clear();
    }

    fn word_count(&self) -> usize {
        self.word_keys.len()
    }

    fn word_start(&self, word: usize) -> usize {
        self.word_keys[word] as usize
    }

    fn word_end(&self, word: usize) -> usize {
        self.word_keys.get(word + 1).map_or(self.key.len(), |&k| k as usize)
    }

    /// The word holding key offset `k`, searching forward from word `from`.
    fn word_from(&self, from: usize, k: usize) -> usize {
        let mut word = from;
        while word + 1 < self.word_count() && self.word_start(word + 1) <= k {
            word += 1;
        }
        word
    }

    /// Whether key offset `k` (past word `from`'s start) ends a word.
    fn is_word_end(&self, from: usize, k: usize) -> bool {
        if k >= self.key.len() {
            return k == self.key.len();
        }
        self.word_start(self.word_from(from, k)) == k
    }

    fn is_char_boundary(&self, k: usize) -> bool {
        self.key.get(k).is_none_or(|&b| (b as i8) >= -0x40)
    }

    /// Original offset and length of the character whose folding gives the
    /// folded character at key offset `k`, which lies in word `word`.
    fn origin_of(&self, text: &str, word: usize, k: usize) -> (usize, usize) {
        let mut position = self.word_start(word);
        let mut skip = self.skips.iter().find(|&&(w, _)| w as usize == word).map_or(0, |&(_, n)| n);
        let origin = self.word_origins[word];
        for (i, c) in text[origin..].char_indices() {
            let offset = origin + i;
            match CharInfo::of(c).folded() {
                CharFold::One(folded) => {
                    if position >= k {
                        return (offset, c.len_utf8());
                    }
                    position += folded.len_utf8();
                }
                CharFold::Drop => {}
                CharFold::Many => {
                    let mut buffer = [0u8; 4];
                    for folded in fold_str(c.encode_utf8(&mut buffer)).chars() {
                        if skip > 0 {
                            skip -= 1;
                            continue;
                        }
                        if position >= k {
                            return (offset, c.len_utf8());
                        }
                        position += folded.len_utf8();
                    }
                }
            }
        }
        (text.len(), 0)
    }
}

/// Builds [`Segment`]s from the original text in one pass: folds every
/// character through the [`CharInfo`] table, drops what folding drops, splits
/// words at non-word characters and where the script changes, and cuts the
/// segment at blank lines.
struct Scanner {
    in_word: bool,
    /// Script of the last letter of the current word.
    word_script: Script,
    /// The current line holds only white space so far, and a line came before it.
    line_blank: bool,
}

impl Scanner {
    fn new() -> Self {
        Scanner { in_word: false, word_script: Script::Neutral, line_blank: false }
    }

    /// Adds one folded character coming from the original character at `origin`;
    /// `output` counts the folded characters of that original before this one.
    #[inline(always)]
    fn push(&mut self, segment: &mut Segment, folded: u32, word: bool, script: Script, origin: usize, output: u32) {
        if !word {
            self.in_word = false;
            return;
        }
        let script_changes = matches!(
            (self.word_script, script),
            (Script::Arabic, Script::Other) | (Script::Other, Script::Arabic)
        );
        if !self.in_word || script_changes {
            if output > 0 {
                segment.skips.push((segment.word_keys.len() as u32, output));
            }
            segment.word_keys.push(segment.key.len() as u32);
            segment.word_origins.push(origin);
            self.in_word = true;
            self.word_script = Script::Neutral;
        }
        if script != Script::Neutral {
            self.word_script = script;
        }
        push_utf8(&mut segment.key, folded);
    }
}

/// Appends the character `code` in UTF-8, without a call to `memcpy`.
#[inline(always)]
fn push_utf8(out: &mut Vec<u8>, code: u32) {
    if code < 0x80 {
        out.push(code as u8);
    } else if code < 0x800 {
        out.extend_from_slice(&[0xC0 | (code >> 6) as u8, 0x80 | (code & 0x3F) as u8]);
    } else if code < 0x1_0000 {
        out.extend_from_slice(&[0xE0 | (code >> 12) as u8, 0x80 | ((code >> 6) & 0x3F) as u8, 0x80 | (code & 0x3F) as u8]);
    } else {
        out.extend_from_slice(&[
            0xF0 | (code >> 18) as u8,
            0x80 | ((code >> 12) & 0x3F) as u8,
            0x80 | ((code >> 6) & 0x3F) as u8,
            0x80 | (code & 0x3F) as u8,
        ]);
    }
}

/// The end of the first blank line (a line of white space only) that starts
/// at or after `from`, just after its line feed; the text's length if none.
fn blank_line_end(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut position = from;
    while let Some(newline) = bytes[position.min(bytes.len())..].iter().position(|&b| b == b'\n') {
        let line_start = position + newline + 1;
        let rest = &text[line_start..];
        let blank = rest.char_indices().find(|&(_, c)| c == '\n' || !c.is_whitespace());
        match blank {
            Some((i, '\n')) => return line_start + i + 1,
            Some((i, _)) => position = line_start + i,
            None => return text.len(),
        }
    }
    text.len()
}

/// The scalar value and length of the UTF-8 character at `offset` of valid UTF-8.
#[inline(always)]
fn decode_utf8(bytes: &[u8], offset: usize) -> (u32, usize) {
    let first = u32::from(bytes[offset]);
    if first < 0x80 {
        return (first, 1);
    }
    let next = |i: usize| u32::from(bytes.get(offset + i).copied().unwrap_or(0x80) & 0x3F);
    if first < 0xE0 {
        return (((first & 0x1F) << 6) | next(1), 2);
    }
    if first < 0xF0 {
        return (((first & 0x0F) << 12) | (next(1) << 6) | next(2), 3);
    }
    (((first & 0x07) << 18) | (next(1) << 12) | (next(2) << 6) | next(3), 4)
}

/// Whether `haystack` starts with `needle` (short needles, no `memcmp`).
#[inline]
fn starts_with(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.len() >= needle.len() && haystack.iter().zip(needle).all(|(a, b)| a == b)
}

/// A quick "no pattern can start here" test run before walking the trie:
/// one bit per hash of the first eight key bytes of every pattern (the first
/// four, or two, for shorter patterns, in sets of their own), so that most
/// words cost a few look-ups. It never says no where a pattern starts.
#[derive(Debug)]
struct StartFilter {
    /// Off when a pattern is shorter than two bytes: everything passes.
    enabled: bool,
    long: Vec<u64>,
    middle: Vec<u64>,
    short: Vec<u64>,
}

const FILTER_BITS: usize = 1 << 16;

impl StartFilter {
    fn new<'k>(keys: impl Iterator<Item = &'k [u8]>) -> StartFilter {
        let bits = || vec![0u64; FILTER_BITS / 64];
        let mut filter = StartFilter { enabled: true, long: bits(), middle: bits(), short: bits() };
        for key in keys {
            match key.len() {
                0 | 1 => filter.enabled = false,
                2 | 3 => set_bit(&mut filter.short, hash2(key)),
                4..=7 => set_bit(&mut filter.middle, hash4(key)),
                _ => set_bit(&mut filter.long, hash8(key)),
            }
        }
        filter
    }

    #[inline]
    fn may_start(&self, rest: &[u8]) -> bool {
        if !self.enabled || rest.len() < 8 {
            return true;
        }
        get_bit(&self.long, hash8(rest)) || get_bit(&self.middle, hash4(rest)) || get_bit(&self.short, hash2(rest))
    }
}

#[inline(always)]
fn hash8(bytes: &[u8]) -> usize {
    let word = u64::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7]]);
    (word.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
}

#[inline]
fn hash4(bytes: &[u8]) -> usize {
    let word = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    (word.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

#[inline]
fn hash2(bytes: &[u8]) -> usize {
    u16::from_le_bytes([bytes[0], bytes[1]]) as usize
}

fn set_bit(bits: &mut [u64], index: usize) {
    bits[index / 64] |= 1 << (index % 64);
}

#[inline]
fn get_bit(bits: &[u64], index: usize) -> bool {
    bits[index / 64] & (1 << (index % 64)) != 0
}

/// Finds the mentions of every concept of a catalog; build once, use on many texts.
#[derive(Debug)]
pub struct Matcher {
    trie: Trie,
    patterns: Vec<PatternInfo>,
    /// Proclitics by their first letter (two bytes).
    proclitics: Vec<([u8; 2], Vec<&'static [u8]>)>,
    filter: StartFilter,
}

impl Matcher {
    pub fn new(catalog: &Catalog) -> Self {
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        for (concept, entry) in catalog.concepts.iter().enumerate() {
            for (lang, surface) in entry.surface_forms() {
                for (key, bare_arabic) in pattern_keys(lang, surface) {
                    let info = PatternInfo {
                        concept,
                        arabic_script: key.chars().any(is_arabic_script),
                        acronym: is_acronym(surface),
                        bare_arabic,
                        chars: key.chars().count(),
                    };
                    keys.push((key.into_bytes(), patterns.len() as u32));
                    patterns.push(info);
                }
            }
        }
        let mut proclitics: Vec<([u8; 2], Vec<&'static [u8]>)> = Vec::new();
        for proclitic in PROCLITICS {
            let bytes = proclitic.as_bytes();
            let head = [bytes[0], bytes[1]];
            match proclitics.iter_mut().find(|(h, _)| *h == head) {
                Some((_, list)) => list.push(bytes),
                None => proclitics.push((head, vec![bytes])),
            }
        }
        let filter = StartFilter::new(keys.iter().map(|(key, _)| key.as_slice()));
        Matcher { trie: Trie::build(&keys), patterns, proclitics, filter }
    }

    /// Number of pattern keys (labels, aliases and their variants).
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// Mentions in `text`, in order, with ranges into `text`.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(MAX_THREADS);
        if text.len() < PARALLEL_MIN_BYTES || threads < 2 {
            return self.find_in(text, 0..text.len());
        }
        // No match crosses a blank line: cut the text there into pieces
        // found on threads of their own.
        let mut cuts = vec![0];
        for piece in 1..threads {
            let Some(&last) = cuts.last() else { break };
            let cut = blank_line_end(text, (text.len() * piece / threads).max(last));
            if cut > last && cut < text.len() {
                cuts.push(cut);
            }
        }
        cuts.push(text.len());
        if cuts.len() == 2 {
            return self.find_in(text, 0..text.len());
        }
        std::thread::scope(|scope| {
            let handles: Vec<_> = cuts
                .windows(2)
                .map(|w| (w[0], w[1]))
                .map(|(start, end)| scope.spawn(move || self.find_in(text, start..end)))
                .collect();
            let mut mentions = Vec::new();
            for (handle, range) in handles.into_iter().zip(cuts.windows(2)) {
                // A thread that could not finish: find its piece here.
                mentions.extend(handle.join().unwrap_or_else(|_| self.find_in(text, range[0]..range[1])));
            }
            mentions
        })
    }

    /// Mentions in `text[range]`, which starts at the start of the text or
    /// right after a blank line, and ends at the end or after a blank line.
    fn find_in(&self, text: &str, range: Range<usize>) -> Vec<Mention> {
        let mut mentions = Vec::new();
        let mut segment = Segment::default();
        let mut scanner = Scanner::new();
        let table = CharInfoTable::get();
        scanner.line_blank = range.start > 0;
        let bytes = &text.as_bytes()[..range.end];
        let mut offset = range.start;
        while offset < bytes.len() {
            let start = offset;
            let (code, length) = decode_utf8(bytes, offset);
            offset += length;
            let info = table.info_of_code(code);
            if info.is_word() {
                scanner.line_blank = false;
                scanner.push(&mut segment, info.folded_code(), true, info.script(), start, 0);
                continue;
            }
            if info.is_newline() {
                if scanner.line_blank {
                    self.flush(&mut segment, text, &mut mentions);
                }
                scanner.line_blank = true;
            } else if !info.is_space() {
                scanner.line_blank = false;
            }
            match info.folded() {
                CharFold::One(_) => scanner.in_word = false,
                CharFold::Drop => {}
                CharFold::Many => {
                    let Some(c) = char::from_u32(code) else { continue };
                    let mut buffer = [0u8; 4];
                    for (output, folded) in fold_str(c.encode_utf8(&mut buffer)).chars().enumerate() {
                        let word = is_word_char(folded);
                        scanner.push(&mut segment, folded as u32, word, script_of(folded), start, output as u32);
                    }
                }
            }
            if !scanner.in_word && segment.key.len() >= MAX_SEGMENT_KEY {
                self.flush(&mut segment, text, &mut mentions);
            }
        }
        self.flush(&mut segment, text, &mut mentions);
        mentions
    }

    /// Mentions in `original`; the folding is recomputed on the fly (kept for
    /// callers that have it at hand).
    pub fn find_folded(&self, original: &str, _folded: &Folded) -> Vec<Mention> {
        self.find(original)
    }

    /// Finds the mentions of one segment, then empties it.
    fn flush(&self, segment: &mut Segment, text: &str, mentions: &mut Vec<Mention>) {
        let mut word = 0;
        while word < segment.word_count() {
            let Some(found) = self.longest_at(segment, word, text) else {
                word += 1;
                continue;
            };
            mentions.push(Mention { concept: found.concept, range: original_range(segment, text, word, &found) });
            // Go on from the word after the one the match ends in (a suffix ends it).
            word = segment.word_from(word, found.end - 1) + 1;
        }
        segment.clear();
    }

    /// The longest valid match starting in `word`, directly or after a proclitic.
    fn longest_at(&self, segment: &Segment, word: usize, text: &str) -> Option<Found> {
        let word_start = segment.word_start(word);
        let word_end = segment.word_end(word);
        let may_start = |start: usize| self.filter.may_start(&segment.key[start..]);
        let mut best: Option<Found> =
            if may_start(word_start) { self.walk(segment, word, word_start, false, text) } else { None };
        let Some(&[first, second]) = segment.key.get(word_start..word_start + 2) else {
            return best;
        };
        let Some((_, proclitics)) = self.proclitics.iter().find(|(head, _)| *head == [first, second]) else {
            return best;
        };
        for proclitic in proclitics {
            let start = word_start + proclitic.len();
            if start >= word_end || !starts_with(&segment.key[word_start..], proclitic) || !may_start(start) {
                continue;
            }
            if let Some(found) = self.walk(segment, word, start, true, text)
                && best.as_ref().is_none_or(|b| found.end > b.end)
            {
                best = Some(found);
            }
        }
        best
    }

    /// Walks the trie from key offset `start` (in `word`); returns the longest
    /// pattern ending at a valid place.
    fn walk(&self, segment: &Segment, word: usize, start: usize, after_proclitic: bool, text: &str) -> Option<Found> {
        let rest = &segment.key[start..];
        let mut node = 0;
        let mut best = None;
        for (i, &byte) in rest.iter().enumerate() {
            let Some(next) = self.trie.child(node, byte) else { break };
            node = next;
            let end = start + i + 1;
            let patterns = self.trie.patterns(node);
            if patterns.is_empty() || !segment.is_char_boundary(end) {
                continue;
            }
            for &pattern in patterns {
                let info = &self.patterns[pattern as usize];
                if after_proclitic && (!info.arabic_script || info.chars < MIN_CHARS_FOR_PROCLITICS) {
                    continue;
                }
                if !ends_validly(segment, word, end, info) {
                    continue;
                }
                let found = Found { concept: info.concept, start, end };
                if info.acronym && !is_upper_in_original(segment, text, word, &found) {
                    continue;
                }
                best = Some(found);
                break;
            }
        }
        best
    }
}

/// Whether a match ending at key offset `end` ends a word, or is followed by a
/// suffix that does.
fn ends_validly(segment: &Segment, word: usize, end: usize, info: &PatternInfo) -> bool {
    if segment.is_word_end(word, end) {
        return true;
    }
    let rest = &segment.key[end..];
    info.suffixes().iter().any(|s| starts_with(rest, s.as_bytes()) && segment.is_word_end(word, end + s.len()))
}

/// The original byte range of a match: from the character the first folded
/// character comes from to the end of the one the last comes from, with the
/// combining marks that follow it.
fn original_range(segment: &Segment, text: &str, word: usize, found: &Found) -> Range<usize> {
    let (start, _) = segment.origin_of(text, word, found.start);
    let mut last = found.end - 1;
    while !segment.is_char_boundary(last) {
        last -= 1;
    }
    let last_word = segment.word_from(word, last);
    let (last_origin, last_len) = segment.origin_of(text, last_word, last);
    let mut end = last_origin + last_len;
    while let Some(c) = text.get(end..).and_then(|rest| rest.chars().next()) {
        if !is_combining_mark(c) {
            break;
        }
        end += c.len_utf8();
    }
    start..end.max(start)
}

fn is_upper_in_original(segment: &Segment, text: &str, word: usize, found: &Found) -> bool {
    let range = original_range(segment, text, word, found);
    text.get(range).is_some_and(|s| !s.chars().any(char::is_lowercase))
}

#[derive(Debug, Clone, Copy)]
struct Found {
    concept: usize,
    start: usize,
    end: usize,
}

/// The compact keys a surface form is matched by: its folded words run
/// together, and for an Arabic alias starting with the article, also without
/// it (flagged `true`: such a bare name takes Arabic suffixes only).
fn pattern_keys(lang: Lang, surface: &str) -> Vec<(String, bool)> {
    let key: String = fold_str(surface).chars().filter(|&c| is_word_char(c)).collect();
    if key.is_empty() {
        return Vec::new();
    }
    let mut keys = vec![(key.clone(), false)];
    if lang == Lang::Ar
        && let Some(bare) = key.strip_prefix("ال")
        && bare.chars().count() >= MIN_CHARS_FOR_PROCLITICS
    {
        keys.push((bare.to_string(), true));
    }
    keys
}

fn is_acronym(surface: &str) -> bool {
    let letters: Vec<char> = surface.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 6 && letters.iter().all(|c| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{Concept, ConceptKind, Localized, LocalizedList};

    fn concept(id: &str, fa: &[&str], ar: &[&str], en: &[&str]) -> Concept {
        let first = |list: &[&str]| list.first().map(|s| s.to_string()).unwrap_or_default();
        let rest = |list: &[&str]| list.iter().skip(1).map(|s| s.to_string()).collect();
        Concept {
            id: id.to_string(),
            kind: ConceptKind::Topic,
            labels: Localized { fa: first(fa), ar: first(ar), en: first(en) },
            aliases: LocalizedList { fa: rest(fa), ar: rest(ar), en: rest(en) },
            summary: Localized::default(),
            relations: Vec::new(),
        }
    }

    fn catalog() -> Catalog {
        Catalog {
            concepts: vec![
                concept(
                    "police-diplomacy",
                    &["دیپلماسی پلیسی", "دیپلماسی پلیس محور"],
                    &["الدبلوماسية الشرطية"],
                    &["police diplomacy"],
                ),
                concept("interpol", &["اینترپل", "پلیس بین الملل"], &["الإنتربول"], &["INTERPOL"]),
                concept(
                    "organised-crime",
                    &["جرایم سازمان یافته"],
                    &["الجريمة المنظمة", "الجرائم المنظمة"],
                    &["organised crime", "organized crime"],
                ),
                concept("cybercrime", &["جرایم سایبری"], &["الجريمة السيبرانية"], &["cybercrime"]),
                concept("illegal-migration", &["مهاجرت غیرقانونی"], &[], &["illegal migration", "illegal immigration"]),
                concept("eco", &["اکو"], &["منظمة التعاون الاقتصادي"], &["ECO", "Economic Cooperation Organization"]),
                concept("europol", &["یوروپل", "پلیس اروپا"], &["يوروبول"], &["Europol"]),
            ],
        }
    }

    /// `check(text, expected)`: the surfaces found and their concepts, in order.
    fn check(text: &str, expected: &[(&str, &str)]) {
        let catalog = catalog();
        let found: Vec<(String, String)> = Matcher::new(&catalog)
            .find(text)
            .into_iter()
            .map(|m| (catalog.concepts[m.concept].id.clone(), text[m.range].to_string()))
            .collect();
        let expected: Vec<(String, String)> = expected.iter().map(|(id, s)| (id.to_string(), s.to_string())).collect();
        assert_eq!(found, expected, "in {text:?}");
    }

    #[test]
    fn finds_labels_and_aliases() {
        check("در زمینه دیپلماسی پلیسی و اینترپل", &[("police-diplomacy", "دیپلماسی پلیسی"), ("interpol", "اینترپل")]);
        check("The INTERPOL and Europol", &[("interpol", "INTERPOL"), ("europol", "Europol")]);
        check("Interpol works", &[("interpol", "Interpol")]);
    }

    #[test]
    fn spelling_variants_fold_alike() {
        check("ديپلماسي پليسي", &[("police-diplomacy", "ديپلماسي پليسي")]);
        check("دیپلماسیِ پلیسی", &[("police-diplomacy", "دیپلماسیِ پلیسی")]);
        check("جرائم سازمان\u{200C}یافته", &[("organised-crime", "جرائم سازمان\u{200C}یافته")]);
        check("جرایم سازمانیافته", &[("organised-crime", "جرایم سازمانیافته")]);
        check("مهاجرت غیر قانونی", &[("illegal-migration", "مهاجرت غیر قانونی")]);
        check("پلیس بینالملل", &[("interpol", "پلیس بینالملل")]);
        check("cyber crime and cyber-crime", &[("cybercrime", "cyber crime"), ("cybercrime", "cyber-crime")]);
        check("organized crime", &[("organised-crime", "organized crime")]);
        check("ORGANISED CRIME", &[("organised-crime", "ORGANISED CRIME")]);
    }

    #[test]
    fn tolerates_clitics_and_suffixes() {
        check("والإنتربول", &[("interpol", "الإنتربول")]);
        check("للإنتربول", &[("interpol", "إنتربول")]);
        check("بالجريمة المنظمة", &[("organised-crime", "الجريمة المنظمة")]);
        check("ويوروبول", &[("europol", "يوروبول")]);
        check("مهاجرت غیرقانونیها", &[("illegal-migration", "مهاجرت غیرقانونی")]);
        check("دیپلماسی پلیس محوری", &[("police-diplomacy", "دیپلماسی پلیس محور")]);
        check("اینترپل‌های منطقه", &[("interpol", "اینترپل")]);
    }

    #[test]
    fn respects_word_boundaries() {
        check("اینترپلیسی", &[]);
        check("the ecology of ECO", &[("eco", "ECO")]);
        check("eco-friendly", &[]);
        check("Europolitan", &[]);
    }

    #[test]
    fn leftmost_longest_without_overlap() {
        check("دیپلماسی پلیسی پلیس اروپا", &[("police-diplomacy", "دیپلماسی پلیسی"), ("europol", "پلیس اروپا")]);
    }

    #[test]
    fn a_change_of_script_is_a_word_boundary() {
        check("INTERPOLها و یوروپلEuropol", &[("interpol", "INTERPOL"), ("europol", "یوروپل"), ("europol", "Europol")]);
        check("شبكة الإنتربولI-24/7", &[("interpol", "الإنتربول")]);
        // Digits belong to either side: no boundary.
        check("INTERPOL2021", &[]);
    }

    #[test]
    fn a_blank_line_is_a_boundary() {
        check("cyber\n\ncrime", &[]);
        check("cyber\n \t\ncrime", &[]);
        check("cyber\ncrime", &[("cybercrime", "cyber\ncrime")]);
        check("پلیس\n\nاروپا و پلیس اروپا", &[("europol", "پلیس اروپا")]);
    }

    #[test]
    fn arabic_names_without_their_article_take_no_persian_suffix() {
        let catalog = Catalog { concepts: vec![concept("police", &[], &["الشرطة"], &[])] };
        let matcher = Matcher::new(&catalog);
        let found = |text: &str| -> Vec<String> {
            matcher.find(text).into_iter().map(|m| text[m.range].to_string()).collect()
        };
        assert_eq!(found("شرط‌های قرارداد"), Vec::<String>::new());
        assert_eq!(found("شرطهای قرارداد و شرطه‌ها"), Vec::<String>::new());
        assert_eq!(found("تعاون الشرطة والشرطة"), ["الشرطة", "الشرطة"]);
        assert_eq!(found("رجال شرطة"), ["شرطة"]);
        // With its article the name keeps every suffix.
        assert_eq!(found("الشرطه‌ها"), ["الشرطه"]);
    }

    #[test]
    fn ranges_map_back_through_ligatures_and_marks() {
        // Presentation forms (PDF extraction) and harakat inside the match.
        check("\u{FE8D}\u{FEF3}\u{FEE8}\u{FE98}\u{FEAE}\u{FB58}\u{FEDE}", &[("interpol", "\u{FE8D}\u{FEF3}\u{FEE8}\u{FE98}\u{FEAE}\u{FB58}\u{FEDE}")]);
        check("اِینتِرپُل.", &[("interpol", "اِینتِرپُل")]);
        check("x اینترپلِ", &[("interpol", "اینترپلِ")]);
    }

    #[test]
    fn pieces_on_threads_find_what_one_pass_finds() {
        let matcher = Matcher::new(&catalog());
        let paragraph = "دیپلماسی پلیسی و اینترپل\n\ncyber\n \t\ncrime پلیس\r\n\r\nاروپا INTERPOL\n";
        let text = paragraph.repeat(PARALLEL_MIN_BYTES / paragraph.len() + 10);
        let whole = matcher.find_in(&text, 0..text.len());
        assert_eq!(whole.len(), 3 * (PARALLEL_MIN_BYTES / paragraph.len() + 10));
        assert_eq!(matcher.find(&text), whole);
        for from in [0, 5, 30, 60, 200] {
            let end = blank_line_end(&text, from);
            assert!(end > from && text[..end].ends_with('\n'), "{from} -> {end}");
        }
    }
}
