//! Full-text search over the documents, the concepts' labels, aliases and
//! summaries (all three languages) and the editors' notes, with the same
//! folding as mentions: a query typed with `ي` finds `ی`, with or without ZWNJ,
//! with any harakat, in Persian or Arabic digits, in any case.
//!
//! [`SearchIndex::build`] cuts documents into paragraphs (the *passages*),
//! adds one passage per label, alias, summary and note, and files every
//! folded token under itself, its stems and its joins (see [`terms`]) in an
//! inverted index ([`postings`]). [`SearchIndex::search`] ranks passages with
//! BM25 — per-field length norms and a boost for labels and aliases — and
//! returns hits with a snippet whose highlights point at the original bytes
//! ([`snippet`]). Queries of common words read only the best-impact heads of
//! long postings lists ([`impacts`]) when a bound proves nothing else can
//! enter the results, which are then exactly those of scoring everything.
//!
//! ```
//! use diplomap::catalog::Catalog;
//! use diplomap::corpus::{Corpus, Document, DocumentMeta};
//! use diplomap::index::search::{HitTarget, SearchFilters, SearchIndex};
//! let catalog: Catalog = ron::from_str(r#"Catalog(concepts: [Concept(id: "interpol",
//!     kind: Organisation, labels: (fa: "اینترپل", ar: "الإنتربول", en: "INTERPOL"))])"#).unwrap();
//! let text = "همکاری با اینترپل در سال ۱۴۰۰.";
//! let document = Document::new("d".into(), text.into(), DocumentMeta::default());
//! let corpus = Corpus { dir: "corpus".into(), catalog, documents: vec![document] };
//! let index = SearchIndex::build(&corpus, &[]);
//! let hits = index.search(&corpus, "اينترپل", &SearchFilters::default(), 10);
//! assert_eq!(hits[0].target, HitTarget::Concept { concept: 0 });
//! assert!(matches!(hits[1].target, HitTarget::Document { document: 0, .. }));
//! assert_eq!(&text[hits[1].original_range.clone()], "اینترپل");
//! ```
//!
//! Query semantics, as the user types: every word of the query is looked up
//! as typed and by its stems; the last word, unless the query ends in a space,
//! also as a prefix (`دیپلم` finds `دیپلماسی`); two adjacent query words also
//! as one (`می شود` finds `میشود`) and one query word also as two
//! (`cybercrime` finds `cyber crime`); a query that is a concept's name also
//! as the concept's other names, a bit lower (`interpol` finds `اینترپل`, see
//! [`expand`]). Hits that cover more query words come first; among those,
//! the ones holding the query as a phrase (checked on the text of the best
//! candidates, [`phrase`]); then the higher BM25 score. A hit's `score`
//! follows that order: words covered, plus one for the phrase, plus the BM25
//! score squashed into `[0, 1)`.

pub mod expand;
pub mod impacts;
pub mod phrase;
pub mod postings;
mod score;
pub mod snippet;
pub mod terms;

use std::collections::HashSet;
use std::ops::Range;

use crate::catalog::Concept;
use crate::corpus::Corpus;
use crate::text::normalize::{fold_str, is_word_char};
use crate::text::{Lang, broken_order, lang, segment};
use expand::Names;
use impacts::{HEAD_LEN, HEAD_MIN_DF, Heads, Weight};
use postings::{Postings, PostingsBuilder};
use score::{Method, Scored, keep_for, rank, rank_order, relevance};
use snippet::HitWords;
use terms::{JOIN_MARK, STEM_MARK, StemMode, adjacent, join_key, joinable, stem_key, stems, tokens};

/// BM25 term-frequency saturation.
const K1: f32 = 1.2;
/// BM25 length normalisation.
const B: f32 = 0.75;
/// Weight of a match through a stem (either side stripped).
const STEM_WEIGHT: f32 = 0.8;
/// Weight of a completion of the last, unfinished word.
const PREFIX_WEIGHT: f32 = 0.9;
/// Weight of another name of the concept the query names (see [`expand`]).
const OTHER_NAME_WEIGHT: f32 = 0.8;
/// Weight of one query word found as two words.
const SPLIT_WEIGHT: f32 = 0.7;
/// Weight of two query words found as one (or written side by side, as a
/// join): they count as two words, and their being adjacent is good evidence.
const JOIN_WEIGHT: f32 = 2.0;
/// The last word completes as a prefix from this many characters on.
pub const MIN_PREFIX_CHARS: usize = 2;
/// At most this many completions (the most frequent) of the last word.
const MAX_COMPLETIONS: usize = 32;
/// A split of one query word keeps at least this many characters each side.
const MIN_SPLIT_PART_CHARS: usize = 3;
/// At most this many splits of one query word.
const MAX_SPLITS: usize = 2;
/// A word of another name of several words is marked in snippets from this many characters on.
const MIN_NAME_WORD_MARK_CHARS: usize = 3;
/// Snippet length in characters.
pub const SNIPPET_CHARS: usize = 200;

/// Where a passage's text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// A paragraph of a document.
    Body,
    /// A concept's label.
    Label,
    /// One of a concept's aliases.
    Alias,
    /// A concept's summary.
    Summary,
    /// A concept's main note.
    Note,
}

impl Field {
    const ALL: [Field; 5] = [Field::Body, Field::Label, Field::Alias, Field::Summary, Field::Note];

    /// BM25F boost: a word of a name weighs more than a word of prose.
    fn boost(self) -> f32 {
        match self {
            Field::Label => 3.0,
            Field::Alias => 2.5,
            Field::Body | Field::Summary | Field::Note => 1.0,
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Field::Body => "body",
            Field::Label => "label",
            Field::Alias => "alias",
            Field::Summary => "summary",
            Field::Note => "note",
        }
    }
}

/// What a hit points at.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum HitTarget {
    /// A paragraph of a document: the document's index in the corpus and the
    /// paragraph's byte range in its text.
    Document { document: usize, range: Range<usize> },
    /// A concept, by index in the catalog (its label, an alias or its summary hit).
    Concept { concept: usize },
    /// The main note of a concept, by concept id.
    Note { concept: String },
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub target: HitTarget,
    /// Which text of the target was hit.
    pub field: Field,
    /// The language of that text (detected for paragraphs and notes).
    pub lang: Option<Lang>,
    pub score: f32,
    /// Number of query words the hit covers.
    pub covered: usize,
    /// A window of the original text, line breaks shown as spaces, `…` where cut.
    pub snippet: String,
    /// Byte ranges of the hits in `snippet`.
    pub snippet_highlights: Vec<Range<usize>>,
    /// The snippet's window in the source text (see `original_range`).
    pub snippet_range: Range<usize>,
    /// The best hit's bytes in the source text: the document's text, the
    /// label, alias or summary string, or the note body. Empty at the
    /// passage's start when no word could be highlighted.
    pub original_range: Range<usize>,
}

/// Which passages a search may return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchFilters {
    /// Only passages in this language.
    pub lang: Option<Lang>,
    /// Only paragraphs of this document (by index); concepts and notes are left out.
    pub document: Option<usize>,
    pub documents: bool,
    pub concepts: bool,
    pub notes: bool,
}

impl SearchFilters {
    /// Whether every passage passes.
    fn accept_all(&self) -> bool {
        self.lang.is_none() && self.document.is_none() && self.documents && self.concepts && self.notes
    }
}

impl Default for SearchFilters {
    fn default() -> Self {
        SearchFilters { lang: None, document: None, documents: true, concepts: true, notes: true }
    }
}

/// A passage of the index: where its text is, and what BM25 needs.
#[derive(Debug, Clone, Copy)]
struct Passage {
    /// Document, concept or note index.
    source: u32,
    /// Alias index within its language.
    sub: u32,
    /// Byte range in the document (bodies only).
    start: u32,
    end: u32,
    /// Length in tokens.
    len: u32,
    field: Field,
    lang: Option<Lang>,
}

/// Sizes of an index, for benchmarks and the status bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchStats {
    pub passages: usize,
    pub terms: usize,
    pub postings_bytes: usize,
    /// Heap bytes held by the index (postings, dictionary, passages, notes).
    pub memory_bytes: usize,
}

/// The search index; build once per corpus revision, query many times.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    postings: Postings,
    passages: Vec<Passage>,
    /// BM25F length norm and boost of each passage (what scoring reads per posting).
    weights: Vec<Weight>,
    /// Impact heads of the long postings lists, for top-k scoring.
    heads: Heads,
    /// The concepts' names, to expand a query that names one.
    names: Names,
    /// `(concept id, main note body)`.
    notes: Vec<(String, String)>,
}

impl SearchIndex {
    /// Indexes `corpus` and `notes` (`(concept id, main note body)` pairs).
    pub fn build(corpus: &Corpus, notes: &[(String, String)]) -> SearchIndex {
        let total: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
        let threads = if total < PARALLEL_BUILD_BYTES {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get()).min(MAX_BUILD_THREADS)
        };
        SearchIndex::build_with_threads(corpus, notes, threads)
    }

    fn build_with_threads(corpus: &Corpus, notes: &[(String, String)], threads: usize) -> SearchIndex {
        let mut builder = IndexBuilder::default();
        for (i, concept) in corpus.catalog.concepts.iter().enumerate() {
            builder.add_concept(i as u32, concept);
        }
        for (i, (_, body)) in notes.iter().enumerate() {
            let lang = lang::detect(body);
            builder.add(Passage { source: i as u32, sub: 0, start: 0, end: 0, len: 0, field: Field::Note, lang }, body);
        }
        for part in build_documents_in_parallel(corpus, threads) {
            builder.append(part);
        }
        let mut index = builder.finish(notes.to_vec());
        index.names = Names::build(&corpus.catalog);
        index
    }

    pub fn stats(&self) -> SearchStats {
        SearchStats {
            passages: self.passages.len(),
            terms: self.postings.term_count(),
            postings_bytes: self.postings.postings_bytes(),
            memory_bytes: self.postings.memory_bytes()
                + self.heads.memory_bytes()
                + self.names.memory_bytes()
                + self.passages.capacity() * std::mem::size_of::<Passage>()
                + self.weights.capacity() * std::mem::size_of::<Weight>()
                + self.notes.iter().map(|(a, b)| a.capacity() + b.capacity()).sum::<usize>(),
        }
    }

    /// The best `limit` hits for `query` in `corpus` (the corpus the index was
    /// built from; passages that no longer fit it are skipped). Documents hit
    /// once per paragraph, concepts and notes once each.
    pub fn search(&self, corpus: &Corpus, query: &str, filters: &SearchFilters, limit: usize) -> Vec<Hit> {
        self.search_by(corpus, query, filters, limit, Method::TopK).0
    }

    /// [`Self::search`], top-k when it can prove the result exact
    /// (`Method::TopK`) or reading every list whole (`Method::Exhaustive`);
    /// also says which way it went.
    fn search_by(
        &self,
        corpus: &Corpus,
        query: &str,
        filters: &SearchFilters,
        limit: usize,
        method: Method,
    ) -> (Vec<Hit>, Method) {
        let plan = self.plan(query);
        if plan.units.is_empty() || limit == 0 {
            return (Vec::new(), Method::Exhaustive);
        }
        let keep = keep_for(limit);
        let (mut scored, method) = self.score(&plan, filters, keep, method);
        rank(&mut scored, keep);
        self.check_phrases(corpus, &plan, &mut scored);
        (self.hits(corpus, &plan, &scored, limit), method)
    }

    /// The same index with heads of `len` postings for lists longer than
    /// `min_df` (tests make them small to exercise top-k on small corpora).
    #[cfg(test)]
    fn with_heads(mut self, min_df: usize, len: usize) -> SearchIndex {
        self.heads = Heads::build(&self.postings, &self.weights, min_df, len);
        self
    }

    fn accepts(&self, passage: &Passage, filters: &SearchFilters) -> bool {
        let kind_ok = match passage.field {
            Field::Body => filters.documents,
            Field::Label | Field::Alias | Field::Summary => filters.concepts,
            Field::Note => filters.notes,
        };
        let document_ok = filters.document.is_none_or(|d| passage.field == Field::Body && passage.source as usize == d);
        let lang_ok = filters.lang.is_none_or(|l| passage.lang == Some(l));
        kind_ok && document_ok && lang_ok
    }

    fn idf(&self, df: u32) -> f32 {
        let n = self.passages.len() as f32;
        let df = (df as f32).min(n);
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }
}

/// At most this many threads index documents.
const MAX_BUILD_THREADS: usize = 4;
/// A corpus smaller than this is indexed on the calling thread.
const PARALLEL_BUILD_BYTES: usize = 4_000_000;

/// Indexes the documents in contiguous chunks of about equal size, one
/// thread each; the parts are to be appended in order.
fn build_documents_in_parallel(corpus: &Corpus, threads: usize) -> Vec<IndexBuilder> {
    let documents = &corpus.documents;
    let total: usize = documents.iter().map(|d| d.text.len()).sum();
    let build = |range: Range<usize>| {
        let mut builder = IndexBuilder::default();
        for i in range {
            builder.add_document(i as u32, &documents[i].text);
        }
        builder
    };
    if threads < 2 {
        return vec![build(0..documents.len())];
    }
    let chunks = chunks_by_bytes(documents.iter().map(|d| d.text.len()), total.div_ceil(threads));
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks.into_iter().map(|range| scope.spawn(move || build(range))).collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    })
}

/// Contiguous index ranges whose sizes add up to about `chunk` each.
fn chunks_by_bytes(sizes: impl Iterator<Item = usize>, chunk: usize) -> Vec<Range<usize>> {
    let mut chunks = Vec::new();
    let (mut start, mut bytes, mut count) = (0, 0, 0);
    for size in sizes {
        count += 1;
        bytes += size;
        if bytes >= chunk {
            chunks.push(start..count);
            start = count;
            bytes = 0;
        }
    }
    if start < count {
        chunks.push(start..count);
    }
    chunks
}

/// Builds a [`SearchIndex`] passage by passage.
#[derive(Default)]
struct IndexBuilder {
    postings: PostingsBuilder,
    passages: Vec<Passage>,
    terms: Vec<u32>,
    key: String,
}

impl IndexBuilder {
    fn add_concept(&mut self, concept: u32, entry: &Concept) {
        for lang in Lang::ALL {
            let passage =
                |field, sub| Passage { source: concept, sub, start: 0, end: 0, len: 0, field, lang: Some(lang) };
            self.add(passage(Field::Label, 0), entry.labels.get(lang));
            for (i, alias) in entry.aliases.get(lang).iter().enumerate() {
                self.add(passage(Field::Alias, i as u32), alias);
            }
            self.add(passage(Field::Summary, 0), entry.summary.get(lang));
        }
    }

    /// One passage per paragraph, or per piece of a paragraph outside its
    /// lines in broken visual order (their words are not words; mentions
    /// leave them out too).
    fn add_document(&mut self, document: u32, text: &str) {
        let broken = broken_order::broken_lines(text);
        for paragraph in segment::paragraphs(text) {
            for range in pieces_outside(text, paragraph, &broken) {
                let Some(piece) = text.get(range.clone()) else { continue };
                let (Ok(start), Ok(end)) = (u32::try_from(range.start), u32::try_from(range.end)) else { return };
                let lang = lang::detect(piece);
                self.add(Passage { source: document, sub: 0, start, end, len: 0, field: Field::Body, lang }, piece);
            }
        }
    }

    /// Files the terms of `text` under a new passage; empty texts are skipped.
    fn add(&mut self, mut passage: Passage, text: &str) {
        let folded = fold_str(text);
        let mode = if passage.lang == Some(Lang::Ar) { StemMode::Arabic } else { StemMode::Persian };
        self.terms.clear();
        let spans: Vec<Range<usize>> = tokens(&folded).collect();
        if spans.is_empty() {
            return;
        }
        let mut found = Vec::new();
        for (i, span) in spans.iter().enumerate() {
            let token = &folded[span.clone()];
            self.terms.push(self.postings.term_id(token));
            found.clear();
            stems(token, mode, &mut found);
            for stem in &found {
                stem_key(stem, &mut self.key);
                self.terms.push(self.postings.term_id(&self.key));
            }
            let Some(next) = spans.get(i + 1) else { continue };
            let next_token = &folded[next.clone()];
            if joinable(token, &folded[span.end..next.start], next_token) {
                join_key(&format!("{token}{next_token}"), &mut self.key);
                self.terms.push(self.postings.term_id(&self.key));
            }
        }
        passage.len = spans.len() as u32;
        let id = self.passages.len() as u32;
        self.postings.add_passage(id, &mut self.terms);
        self.passages.push(passage);
    }

    /// Appends a builder of later passages.
    fn append(&mut self, other: IndexBuilder) {
        let offset = self.passages.len() as u32;
        self.postings.append(other.postings, offset);
        self.passages.extend(other.passages);
    }

    fn finish(self, notes: Vec<(String, String)>) -> SearchIndex {
        let mut sums = [0f64; 5];
        let mut counts = [0usize; 5];
        for passage in &self.passages {
            sums[passage.field.index()] += f64::from(passage.len);
            counts[passage.field.index()] += 1;
        }
        let mut average_len = [1f32; 5];
        for field in Field::ALL {
            let i = field.index();
            if counts[i] > 0 {
                average_len[i] = (sums[i] / counts[i] as f64) as f32;
            }
        }
        let mut passages = self.passages;
        passages.shrink_to_fit();
        let weights: Vec<Weight> =
            passages.iter().map(|p| Weight::new(p.len, average_len[p.field.index()], p.field.boost())).collect();
        let postings = self.postings.finish();
        let heads = Heads::build(&postings, &weights, HEAD_MIN_DF, HEAD_LEN);
        SearchIndex { postings, passages, weights, heads, names: Names::default(), notes }
    }
}

/// The parts of `range` outside the sorted, disjoint `holes`, trimmed of
/// whitespace, empty parts left out.
fn pieces_outside(text: &str, range: Range<usize>, holes: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = range.start;
    let first = holes.partition_point(|h| h.end <= range.start);
    for hole in holes[first..].iter().take_while(|h| h.start < range.end) {
        pieces.push(start..hole.start.max(start));
        start = start.max(hole.end);
    }
    pieces.push(start..range.end.max(start));
    pieces.into_iter().filter_map(|r| trim(text, r)).collect()
}

fn trim(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = text.get(range.clone())?;
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    (start < end).then_some(start..end)
}

/// A query compiled against the dictionary.
#[derive(Debug, Default)]
struct Plan {
    /// Number of query words.
    words: usize,
    /// The query words, folded, and whether the last is unfinished.
    query: Vec<String>,
    last_prefix: bool,
    /// The other names of the concepts the query names, each as its words.
    names: Vec<Vec<String>>,
    units: Vec<Unit>,
    /// Accumulator columns: one per unit part.
    columns: usize,
    highlight: HitWords,
}

/// A way to cover query words `span`: every part must match (a part is a
/// set of weighted alternative terms; more than one part only for a split).
#[derive(Debug)]
struct Unit {
    span: Range<usize>,
    parts: Vec<Vec<(u32, f32)>>,
    weight: f32,
    first_column: usize,
    /// Whether it is another name of a concept the query names.
    other_name: bool,
}

/// One query word: its folded text, whether it is the unfinished last one.
#[derive(Debug)]
struct QueryWord {
    text: String,
    prefix: bool,
    /// Whether it is written right after the previous word (spaces or a hyphen).
    adjacent_to_previous: bool,
}

fn query_words(query: &str) -> Vec<QueryWord> {
    let folded = fold_str(query);
    let ends_open = folded.chars().last().is_some_and(is_word_char);
    let spans: Vec<Range<usize>> = tokens(&folded).collect();
    let count = spans.len();
    spans
        .iter()
        .enumerate()
        .map(|(i, span)| QueryWord {
            text: folded[span.clone()].to_string(),
            prefix: ends_open && i + 1 == count,
            adjacent_to_previous: i > 0 && adjacent(&folded[spans[i - 1].end..span.start]),
        })
        .collect()
}

impl SearchIndex {
    fn plan(&self, query: &str) -> Plan {
        let words = query_words(query);
        let mut plan = Plan {
            words: words.len(),
            query: words.iter().map(|w| w.text.clone()).collect(),
            last_prefix: words.last().is_some_and(|w| w.prefix),
            highlight: HitWords::from_query(query),
            ..Plan::default()
        };
        for (i, word) in words.iter().enumerate() {
            plan.push(i..i + 1, vec![self.alternatives(&word.text, word.prefix, false)], 1.0);
            for (left, right) in self.splits(&word.text) {
                plan.highlight.add_word(&left);
                plan.highlight.add_word(&right);
                let parts = vec![self.alternatives(&left, false, false), self.alternatives(&right, false, false)];
                plan.push(i..i + 1, parts, SPLIT_WEIGHT);
            }
            let Some(next) = words.get(i + 1).filter(|n| n.adjacent_to_previous) else { continue };
            let joined = format!("{}{}", word.text, next.text);
            if next.prefix {
                plan.highlight.add_prefix(&joined);
            }
            plan.push(i..i + 2, vec![self.alternatives(&joined, next.prefix, true)], JOIN_WEIGHT);
        }
        let typed: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
        for name in self.names.others(&typed) {
            let parts = name.iter().map(|word| self.alternatives(word, false, false)).collect();
            // Of a name of several words, small words (`و`, `of`) are not marked.
            for word in name.iter().filter(|w| name.len() == 1 || w.chars().count() >= MIN_NAME_WORD_MARK_CHARS) {
                plan.highlight.add_word(word);
            }
            if plan.push(0..words.len(), parts, OTHER_NAME_WEIGHT)
                && let Some(unit) = plan.units.last_mut()
            {
                unit.other_name = true;
                plan.names.push(name);
            }
        }
        plan
    }

    /// The terms a query word is found by, each with its factor (match
    /// weight × idf). `joined`: the word is two query words run together, so
    /// the joins of the text complete it too.
    fn alternatives(&self, word: &str, prefix: bool, joined: bool) -> Vec<(u32, f32)> {
        let mut out: Vec<(u32, f32)> = Vec::new();
        let mut key = String::new();
        let add = |out: &mut Vec<(u32, f32)>, term: &str, weight: f32| {
            if let Some(id) = self.postings.find(term) {
                out.push((id, weight * self.idf(self.postings.df(id))));
            }
        };
        add(&mut out, word, 1.0);
        join_key(word, &mut key);
        add(&mut out, &key, 1.0);
        stem_key(word, &mut key);
        add(&mut out, &key, STEM_WEIGHT);
        let known = !out.is_empty();
        let mut found = Vec::new();
        stems(word, if known { StemMode::Persian } else { StemMode::Arabic }, &mut found);
        for stem in &found {
            add(&mut out, stem, STEM_WEIGHT);
            stem_key(stem, &mut key);
            add(&mut out, &key, STEM_WEIGHT * STEM_WEIGHT);
        }
        if prefix && word.chars().count() >= MIN_PREFIX_CHARS {
            self.completions(word, PREFIX_WEIGHT, &mut out);
            stem_key(word, &mut key);
            self.completions(&key, PREFIX_WEIGHT * STEM_WEIGHT, &mut out);
            if joined {
                join_key(word, &mut key);
                self.completions(&key, PREFIX_WEIGHT, &mut out);
            }
        }
        dedup_max(out)
    }

    /// The most frequent terms starting with `prefix`. They share one idf,
    /// that of the prefix as a whole, so a rare completion does not outweigh
    /// the word the user most likely means.
    fn completions(&self, prefix: &str, weight: f32, out: &mut Vec<(u32, f32)>) {
        let mut range: Vec<u32> = self.postings.prefix_range(prefix).collect();
        if range.len() > MAX_COMPLETIONS {
            range.select_nth_unstable_by_key(MAX_COMPLETIONS, |&t| std::cmp::Reverse(self.postings.df(t)));
            range.truncate(MAX_COMPLETIONS);
        }
        let df: u32 = range.iter().map(|&t| self.postings.df(t)).fold(0, u32::saturating_add);
        let factor = weight * self.idf(df);
        out.extend(range.into_iter().map(|t| (t, factor)));
    }

    /// Ways to read one query word as two indexed words, most balanced first.
    fn splits(&self, word: &str) -> Vec<(String, String)> {
        let chars: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
        if chars.len() < 2 * MIN_SPLIT_PART_CHARS || word.contains([STEM_MARK, JOIN_MARK]) {
            return Vec::new();
        }
        let mut found: Vec<(usize, String, String)> = Vec::new();
        for cut in MIN_SPLIT_PART_CHARS..=chars.len() - MIN_SPLIT_PART_CHARS {
            let (left, right) = word.split_at(chars[cut]);
            if self.postings.find(left).is_some() && self.postings.find(right).is_some() {
                let balance = cut.min(chars.len() - cut);
                found.push((balance, left.to_string(), right.to_string()));
            }
        }
        found.sort_by_key(|f| std::cmp::Reverse(f.0));
        found.into_iter().take(MAX_SPLITS).map(|(_, l, r)| (l, r)).collect()
    }
}

fn dedup_max(mut terms: Vec<(u32, f32)>) -> Vec<(u32, f32)> {
    terms.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    terms.dedup_by_key(|t| t.0);
    terms
}

impl Plan {
    /// Adds a unit unless some part matches nothing; says whether it did.
    fn push(&mut self, span: Range<usize>, parts: Vec<Vec<(u32, f32)>>, weight: f32) -> bool {
        if parts.iter().any(Vec::is_empty) {
            return false;
        }
        let first_column = self.columns;
        self.columns += parts.len();
        self.units.push(Unit { span, parts, weight, first_column, other_name: false });
        true
    }

    /// Whether the query was expanded through a concept it names.
    fn has_names(&self) -> bool {
        !self.names.is_empty()
    }
}

impl SearchIndex {
    /// Re-ranks the best candidates by their text (see [`phrase`]): a
    /// passage that holds the query as a phrase comes before one that only
    /// holds its words; one that covers the query only through a concept's
    /// other name of several words, without holding that name as a phrase,
    /// falls back to what its words cover directly.
    fn check_phrases(&self, corpus: &Corpus, plan: &Plan, scored: &mut Vec<Scored>) {
        if plan.words < 2 && !plan.has_names() {
            return;
        }
        for s in scored.iter_mut() {
            let Some((_, text, _)) = self.passages.get(s.passage as usize).and_then(|p| self.source(corpus, p)) else {
                continue;
            };
            let folded = fold_str(text);
            let holds_name = plan.names.iter().any(|name| phrase::holds_phrase_folded(&folded, name, false));
            if s.covered > s.direct.0 && !holds_name {
                (s.covered, s.score) = s.direct;
            }
            s.phrase = plan.words >= 2
                && s.covered == plan.words
                && (holds_name || phrase::holds_phrase_folded(&folded, &plan.query, plan.last_prefix));
        }
        scored.retain(|s| s.covered > 0);
        scored.sort_by(rank_order);
    }
}

impl SearchIndex {
    fn hits(&self, corpus: &Corpus, plan: &Plan, scored: &[Scored], limit: usize) -> Vec<Hit> {
        let mut seen: HashSet<(Field, u32)> = HashSet::new();
        let mut hits = Vec::new();
        for s in scored {
            if hits.len() >= limit {
                break;
            }
            let Some(passage) = self.passages.get(s.passage as usize) else { continue };
            let key = match passage.field {
                Field::Body => (Field::Body, s.passage),
                Field::Note => (Field::Note, passage.source),
                _ => (Field::Label, passage.source),
            };
            if !seen.insert(key) {
                continue;
            }
            if let Some(hit) = self.hit(corpus, plan, passage, s) {
                hits.push(hit);
            }
        }
        hits
    }

    fn hit(&self, corpus: &Corpus, plan: &Plan, passage: &Passage, scored: &Scored) -> Option<Hit> {
        let (target, text, offset) = self.source(corpus, passage)?;
        let snippet = snippet::snippet(text, &plan.highlight, SNIPPET_CHARS);
        let best = snippet.hits.iter().find(|h| h.start >= snippet.range.start).cloned().unwrap_or(0..0);
        Some(Hit {
            target,
            field: passage.field,
            lang: passage.lang,
            score: relevance(scored),
            covered: scored.covered,
            snippet: snippet.text,
            snippet_highlights: snippet.highlights,
            snippet_range: snippet.range.start + offset..snippet.range.end + offset,
            original_range: best.start + offset..best.end + offset,
        })
    }

    /// The target of a passage, its text, and the text's offset in the source.
    fn source<'a>(&'a self, corpus: &'a Corpus, passage: &Passage) -> Option<(HitTarget, &'a str, usize)> {
        let source = passage.source as usize;
        if passage.field == Field::Body {
            let range = passage.start as usize..passage.end as usize;
            let text = corpus.documents.get(source)?.text.get(range.clone())?;
            return Some((HitTarget::Document { document: source, range: range.clone() }, text, range.start));
        }
        if passage.field == Field::Note {
            let (concept, body) = self.notes.get(source)?;
            return Some((HitTarget::Note { concept: concept.clone() }, body.as_str(), 0));
        }
        let concept = corpus.catalog.concepts.get(source)?;
        let lang = passage.lang?;
        let text = match passage.field {
            Field::Label => concept.labels.get(lang),
            Field::Alias => concept.aliases.get(lang).get(passage.sub as usize)?.as_str(),
            _ => concept.summary.get(lang),
        };
        Some((HitTarget::Concept { concept: source }, text, 0))
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod topk_tests;
