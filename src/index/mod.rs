//! The index: concept mentions in the corpus, and the edges between concepts —
//! curated relations from the catalog and co-occurrences (two concepts in one
//! sentence or one paragraph) — each edge with its weight and the passages
//! that justify it, so an edge the user sees is one click from its evidence;
//! [`association`] tests which co-occurrences are more than chance.
//!
//! Built by [`Index::build`] from a loaded [`Corpus`]; pure and deterministic.
//! Lines in broken visual order (PDF damage) are not matched as stored —
//! their letters are not words in logical order — but in their reading (see
//! [`read_back`]), and their mentions point at the stored letters.

pub mod align;
pub mod association;
pub mod cache;
pub mod incremental;
pub mod load;
pub mod mentions;
pub mod progress;
pub mod read_back;
pub mod search;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::catalog::RelationKind;
use crate::corpus::Corpus;
use crate::text::{broken_order, segment};
use mentions::Matcher;
use progress::{Cancelled, Progress, Stage};

/// Weight of one shared sentence in a co-occurrence edge.
pub const SENTENCE_WEIGHT: f32 = 1.0;
/// Weight of one shared paragraph (without a shared sentence in it).
pub const PARAGRAPH_WEIGHT: f32 = 0.5;

/// A passage of a document: a byte range of its text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Passage {
    pub document: usize,
    pub range: Range<usize>,
}

impl Passage {
    fn key(&self) -> (usize, usize, usize) {
        (self.document, self.range.start, self.range.end)
    }
}

impl PartialOrd for Passage {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Passage {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

/// A mention of a concept in a document of the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedMention {
    pub concept: usize,
    pub document: usize,
    pub range: Range<usize>,
    /// The sentence it is in, an index into [`DocumentIndex::sentences`].
    pub sentence: usize,
    /// The paragraph it is in, an index into [`DocumentIndex::paragraphs`].
    pub paragraph: usize,
}

/// What the index knows about one document's text.
#[derive(Debug, Clone, Default)]
pub struct DocumentIndex {
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<Range<usize>>,
    /// Lines in broken visual order (without their line breaks).
    pub broken_lines: Vec<Range<usize>>,
    /// Those of them the repair read back, with their readings.
    pub read_back: Vec<read_back::ReadBack>,
}

/// The kind of an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeKind {
    /// A curated relation of the catalog, directed source → target.
    Relation(RelationKind),
    /// The two concepts are mentioned together; undirected (source < target by id).
    CoOccurrence,
}

impl EdgeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Relation(kind) => kind.as_str(),
            EdgeKind::CoOccurrence => "co-occurrence",
        }
    }

    pub fn is_directed(self) -> bool {
        matches!(self, EdgeKind::Relation(_))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub source: usize,
    pub target: usize,
    pub kind: EdgeKind,
    pub weight: f32,
    /// The passages that justify the edge, in corpus order.
    pub evidence: Vec<Passage>,
}

#[derive(Debug, Clone, Default)]
pub struct Index {
    pub mentions: Vec<IndexedMention>,
    pub documents: Vec<DocumentIndex>,
    pub edges: Vec<Edge>,
    /// Mentions per concept, by catalog index.
    pub mention_counts: Vec<usize>,
}

/// Co-occurrence evidence of one unordered pair of concepts.
#[derive(Debug, Default)]
struct PairEvidence {
    weight: f32,
    passages: BTreeSet<Passage>,
}

/// One document's share of the index: its segmentation and its mentions.
pub type DocumentPart = (DocumentIndex, Vec<IndexedMention>);

impl Index {
    pub fn build(corpus: &Corpus) -> Index {
        let never = std::sync::atomic::AtomicBool::new(false);
        Index::build_with(corpus, &Progress::default(), &never).unwrap_or_default()
    }

    /// Builds the index, adding each document's bytes to `progress` and
    /// stopping between documents once `cancel` is set.
    pub fn build_with(
        corpus: &Corpus,
        progress: &Progress,
        cancel: &std::sync::atomic::AtomicBool,
    ) -> Result<Index, Cancelled> {
        let matcher = Matcher::new(&corpus.catalog);
        let total: usize = corpus.documents.iter().map(|d| d.text.len()).sum();
        progress.start(Stage::Indexing, total as u64);
        // Documents are shared out to a few threads, each taking the next
        // document not yet taken; parts are put back in corpus order.
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 4);
        let next = std::sync::atomic::AtomicUsize::new(0);
        let work = || -> Result<Vec<(usize, DocumentPart)>, Cancelled> {
            let mut done = Vec::new();
            loop {
                let document = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(doc) = corpus.documents.get(document) else { return Ok(done) };
                progress::check(cancel)?;
                done.push((document, index_document(&matcher, document, &doc.text)));
                progress.advance(doc.text.len() as u64);
            }
        };
        let numbered: Vec<(usize, DocumentPart)> = std::thread::scope(|scope| {
            let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
            let mut all = work()?;
            for helper in helpers {
                // A helper that panicked left documents undone: done below.
                all.extend(helper.join().unwrap_or_else(|_| Ok(Vec::new()))?);
            }
            Ok(all)
        })?;
        let mut slots: Vec<Option<DocumentPart>> = corpus.documents.iter().map(|_| None).collect();
        for (document, part) in numbered {
            slots[document] = Some(part);
        }
        let parts = slots
            .into_iter()
            .zip(&corpus.documents)
            .enumerate()
            .map(|(document, (slot, doc))| slot.unwrap_or_else(|| index_document(&matcher, document, &doc.text)))
            .collect();
        Ok(Index::assemble(corpus, parts))
    }

    /// The index of `corpus` after some of its documents changed: documents
    /// whose id is in `changed`, or that `previous` (the index of a corpus
    /// whose documents had the ids `previous_ids`) does not know, are indexed
    /// again; the others keep their mentions. Edges are recomputed. The
    /// catalog must be the one `previous` was built with.
    pub fn update(
        previous: &Index,
        previous_ids: &[String],
        corpus: &Corpus,
        changed: &std::collections::HashSet<String>,
    ) -> Index {
        let matcher = Matcher::new(&corpus.catalog);
        let mut previous_mentions: Vec<Vec<IndexedMention>> = vec![Vec::new(); previous.documents.len()];
        for mention in &previous.mentions {
            if let Some(list) = previous_mentions.get_mut(mention.document) {
                list.push(mention.clone());
            }
        }
        let parts = corpus
            .documents
            .iter()
            .enumerate()
            .map(|(document, doc)| {
                let old = previous_ids.iter().position(|id| *id == doc.id).filter(|_| !changed.contains(&doc.id));
                match old
                    .and_then(|old| Some((previous.documents.get(old)?, std::mem::take(&mut previous_mentions[old]))))
                {
                    Some((doc_index, mut mentions)) => {
                        mentions.iter_mut().for_each(|m| m.document = document);
                        (doc_index.clone(), mentions)
                    }
                    None => index_document(&matcher, document, &doc.text),
                }
            })
            .collect();
        Index::assemble(corpus, parts)
    }

    /// The index from every document's part (in corpus order): mention
    /// counts, co-occurrences and edges.
    pub fn assemble(corpus: &Corpus, parts: Vec<DocumentPart>) -> Index {
        let mut index = Index { mention_counts: vec![0; corpus.catalog.concepts.len()], ..Index::default() };
        let mut pairs: BTreeMap<(usize, usize), PairEvidence> = BTreeMap::new();
        for (document, (doc_index, doc_mentions)) in parts.into_iter().enumerate() {
            collect_pairs(document, &doc_index, &doc_mentions, &mut pairs);
            for mention in &doc_mentions {
                if let Some(count) = index.mention_counts.get_mut(mention.concept) {
                    *count += 1;
                }
            }
            index.mentions.extend(doc_mentions);
            index.documents.push(doc_index);
        }
        index.edges = build_edges(corpus, &corpus_ids(corpus), pairs);
        index
    }

    /// Mentions of one concept, in corpus order.
    pub fn mentions_of(&self, concept: usize) -> impl Iterator<Item = &IndexedMention> {
        self.mentions.iter().filter(move |m| m.concept == concept)
    }

    /// Mentions in one document, in text order.
    pub fn mentions_in(&self, document: usize) -> impl Iterator<Item = &IndexedMention> {
        self.mentions.iter().filter(move |m| m.document == document)
    }

    /// Edges touching a concept.
    pub fn edges_of(&self, concept: usize) -> impl Iterator<Item = &Edge> {
        self.edges.iter().filter(move |e| e.source == concept || e.target == concept)
    }
}

fn corpus_ids(corpus: &Corpus) -> Vec<&str> {
    corpus.catalog.concepts.iter().map(|c| c.id.as_str()).collect()
}

/// Segments a document and finds its mentions, those in broken lines in
/// their reading.
pub fn index_document(matcher: &Matcher, document: usize, text: &str) -> (DocumentIndex, Vec<IndexedMention>) {
    let broken_lines = broken_order::broken_lines(text);
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::new();
    for paragraph in segment::segment(text) {
        let paragraph_index = paragraphs.len();
        paragraphs.push(paragraph.range.clone());
        if paragraph.sentences.is_empty() {
            sentences.push((paragraph.range.clone(), paragraph_index));
        }
        sentences.extend(paragraph.sentences.into_iter().map(|s| (s, paragraph_index)));
    }
    let read_back = read_back::read_back_lines(text, &broken_lines);
    let mut found = outside(&broken_lines, matcher.find(text));
    found.extend(read_back::find_in(matcher, text, &read_back));
    found.sort_by_key(|m| (m.range.start, m.range.end));
    let mentions = place_mentions(document, &sentences, found);
    let sentences = sentences.into_iter().map(|(s, _)| s).collect();
    (DocumentIndex { paragraphs, sentences, broken_lines, read_back }, mentions)
}

/// The mentions of `found` outside the broken lines (matched on stored
/// letters that are not words in logical order).
fn outside(broken_lines: &[Range<usize>], mut found: Vec<mentions::Mention>) -> Vec<mentions::Mention> {
    found.retain(|mention| !overlaps_any(broken_lines, &mention.range));
    found
}

/// Mentions found in a document, placed in their sentences (each with its
/// paragraph).
fn place_mentions(
    document: usize,
    sentences: &[(Range<usize>, usize)],
    found: Vec<mentions::Mention>,
) -> Vec<IndexedMention> {
    let mut mentions = Vec::with_capacity(found.len());
    for mention in found {
        let Some(sentence) = containing(sentences, mention.range.start) else { continue };
        mentions.push(IndexedMention {
            concept: mention.concept,
            document,
            range: mention.range,
            sentence,
            paragraph: sentences[sentence].1,
        });
    }
    mentions
}

fn overlaps_any(ranges: &[Range<usize>], range: &Range<usize>) -> bool {
    let i = ranges.partition_point(|r| r.end <= range.start);
    ranges.get(i).is_some_and(|r| r.start < range.end)
}

/// Index of the sentence holding `offset` (or the last one starting before it).
fn containing(sentences: &[(Range<usize>, usize)], offset: usize) -> Option<usize> {
    sentences.partition_point(|(s, _)| s.start <= offset).checked_sub(1)
}

/// Adds the co-occurrences of one document: per sentence, and per paragraph
/// for pairs that share no sentence in it.
fn collect_pairs(
    document: usize,
    doc_index: &DocumentIndex,
    mentions: &[IndexedMention],
    pairs: &mut BTreeMap<(usize, usize), PairEvidence>,
) {
    let mut by_paragraph: BTreeMap<usize, Vec<&IndexedMention>> = BTreeMap::new();
    for mention in mentions {
        by_paragraph.entry(mention.paragraph).or_default().push(mention);
    }
    for paragraph_mentions in by_paragraph.values() {
        let mut shared_sentence = BTreeSet::new();
        let mut by_sentence: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        for mention in paragraph_mentions {
            by_sentence.entry(mention.sentence).or_default().insert(mention.concept);
        }
        for (&sentence, concepts) in &by_sentence {
            for (a, b) in unordered_pairs(concepts) {
                let entry = pairs.entry((a, b)).or_default();
                entry.weight += SENTENCE_WEIGHT;
                entry.passages.insert(Passage { document, range: doc_index.sentences[sentence].clone() });
                shared_sentence.insert((a, b));
            }
        }
        let concepts: BTreeSet<usize> = paragraph_mentions.iter().map(|m| m.concept).collect();
        for (a, b) in unordered_pairs(&concepts) {
            if shared_sentence.contains(&(a, b)) {
                continue;
            }
            let entry = pairs.entry((a, b)).or_default();
            entry.weight += PARAGRAPH_WEIGHT;
            entry.passages.insert(Passage { document, range: closest_span(doc_index, paragraph_mentions, a, b) });
        }
    }
}

fn unordered_pairs(concepts: &BTreeSet<usize>) -> impl Iterator<Item = (usize, usize)> + '_ {
    concepts.iter().flat_map(move |&a| concepts.range(a + 1..).map(move |&b| (a, b)))
}

/// The run of sentences from a mention of `a` to the nearest mention of `b`.
fn closest_span(doc_index: &DocumentIndex, mentions: &[&IndexedMention], a: usize, b: usize) -> Range<usize> {
    let sentences_of = |c: usize| mentions.iter().filter(move |m| m.concept == c).map(|m| m.sentence);
    let best = sentences_of(a)
        .flat_map(|sa| sentences_of(b).map(move |sb| (sa.abs_diff(sb), sa.min(sb), sa.max(sb))))
        .min()
        .map_or((0, 0), |(_, first, last)| (first, last));
    doc_index.sentences[best.0].start..doc_index.sentences[best.1].end
}

fn build_edges(corpus: &Corpus, ids: &[&str], pairs: BTreeMap<(usize, usize), PairEvidence>) -> Vec<Edge> {
    let mut edges = Vec::new();
    for (source, concept) in corpus.catalog.concepts.iter().enumerate() {
        for relation in &concept.relations {
            let Some(target) = corpus.catalog.position(&relation.target) else { continue };
            let key = (source.min(target), source.max(target));
            let (weight, mut passages) =
                pairs.get(&key).map_or((0.0, BTreeSet::new()), |p| (p.weight, p.passages.clone()));
            // Passages an editor chose come with the relation, when they are
            // inside a document of the corpus.
            for chosen in &relation.evidence {
                let Some(document) = corpus.documents.iter().position(|d| d.id == chosen.document) else { continue };
                let text = &corpus.documents[document].text;
                if chosen.start < chosen.end
                    && text.is_char_boundary(chosen.start)
                    && text.is_char_boundary(chosen.end)
                    && chosen.end <= text.len()
                {
                    passages.insert(Passage { document, range: chosen.start..chosen.end });
                }
            }
            let evidence = passages.into_iter().collect();
            edges.push(Edge {
                source,
                target,
                kind: EdgeKind::Relation(relation.kind),
                weight: 1.0 + weight,
                evidence,
            });
        }
    }
    for ((a, b), pair) in pairs {
        let (source, target) = if ids[a] <= ids[b] { (a, b) } else { (b, a) };
        edges.push(Edge {
            source,
            target,
            kind: EdgeKind::CoOccurrence,
            weight: pair.weight,
            evidence: pair.passages.into_iter().collect(),
        });
    }
    edges.sort_by(|x, y| (ids[x.source], ids[x.target], x.kind).cmp(&(ids[y.source], ids[y.target], y.kind)));
    edges
}
