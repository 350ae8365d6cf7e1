//! Top-k scoring returns exactly what exhaustive scoring returns: the same
//! hits in the same order with the same scores, on the seed corpus and on a
//! generated one, for many queries drawn from their own words.

use std::collections::HashMap;
use std::path::Path;

use super::score::Method;
use super::*;
use crate::corpus::{Document, DocumentMeta};

fn seed_corpus() -> Corpus {
    let (corpus, diagnostics) = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"));
    corpus.unwrap_or_else(|| panic!("the seed corpus loads: {diagnostics:?}"))
}

/// A deterministic pseudo-random sequence.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % below.max(1) as u64) as usize
    }
}

/// Documents of the seed paragraphs in random order, each paragraph with
/// some words dropped and others repeated, so that passages and their scores
/// differ (a plain copy would tie every copy of a paragraph).
fn generated_corpus(seed: &Corpus, documents: usize, paragraphs_each: usize) -> Corpus {
    let paragraphs: Vec<&str> =
        seed.documents.iter().flat_map(|d| segment::paragraphs(&d.text).into_iter().map(move |r| &d.text[r])).collect();
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    let mut out = Vec::new();
    for n in 0..documents {
        let mut text = String::new();
        for _ in 0..paragraphs_each {
            let paragraph = paragraphs[rng.next(paragraphs.len())];
            for word in paragraph.split(' ') {
                match rng.next(10) {
                    0 => {}
                    1 => text.push_str(&format!("{word} {word} ")),
                    _ => text.push_str(&format!("{word} ")),
                }
            }
            text.push_str("\n\n");
        }
        out.push(Document::new(format!("generated-{n}"), text, DocumentMeta::default()));
    }
    Corpus { dir: seed.dir.clone(), catalog: seed.catalog.clone(), documents: out }
}

/// Queries from the corpus's own words: the most frequent words finished and
/// as typed, their prefixes, and runs of two and three words from the text.
fn queries(corpus: &Corpus, count: usize) -> Vec<String> {
    let mut frequency: HashMap<String, usize> = HashMap::new();
    let mut runs: Vec<String> = Vec::new();
    for document in &corpus.documents {
        let folded = fold_str(&document.text);
        let words: Vec<&str> = tokens(&folded).map(|r| &folded[r]).collect();
        for word in &words {
            *frequency.entry(word.to_string()).or_default() += 1;
        }
        for (i, window) in words.windows(3).enumerate().step_by(97) {
            runs.push(if i % 2 == 0 { window[..2].join(" ") } else { window.join(" ") });
        }
    }
    let mut frequent: Vec<(String, usize)> = frequency.into_iter().collect();
    frequent.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut queries = Vec::new();
    for (word, _) in frequent.iter().take(count) {
        queries.push(format!("{word} "));
        queries.push(word.clone());
        let chars: Vec<char> = word.chars().collect();
        if chars.len() > 3 {
            queries.push(chars[..3].iter().collect());
        }
    }
    queries.extend(runs.into_iter().take(count));
    queries
}

/// Limits searched: keep 64 and 160 passages (see `keep_for`), under the
/// heads' lengths in the tests so that top-k can answer.
const LIMITS: [usize; 2] = [5, 20];

/// Searches every query both ways and checks they agree; returns how many
/// were answered top-k.
fn check_agree(index: &SearchIndex, corpus: &Corpus, queries: &[String], filters: &SearchFilters) -> usize {
    let mut top_k = 0;
    for query in queries {
        for limit in LIMITS {
            let (fast, method) = index.search_by(corpus, query, filters, limit, Method::TopK);
            let (slow, _) = index.search_by(corpus, query, filters, limit, Method::Exhaustive);
            assert_eq!(fast, slow, "{query:?}, limit {limit}");
            assert!(fast.windows(2).all(|w| w[0].covered >= w[1].covered), "{query:?}: more words covered first");
            top_k += usize::from(method == Method::TopK);
        }
    }
    top_k
}

#[test]
fn top_k_equals_exhaustive_on_the_seeds() {
    let corpus = seed_corpus();
    let index = SearchIndex::build(&corpus, &[]).with_heads(100, 80);
    let queries = queries(&corpus, 40);
    let top_k = check_agree(&index, &corpus, &queries, &SearchFilters::default());
    assert!(top_k * 4 >= queries.len(), "top-k answered only {top_k} of {} searches", LIMITS.len() * queries.len());
}

#[test]
fn top_k_equals_exhaustive_on_a_generated_corpus() {
    let corpus = generated_corpus(&seed_corpus(), 20, 80);
    let index = SearchIndex::build(&corpus, &[]).with_heads(250, 200);
    let queries = queries(&corpus, 30);
    let top_k = check_agree(&index, &corpus, &queries, &SearchFilters::default());
    assert!(top_k * 4 >= queries.len(), "top-k answered only {top_k} of {} searches", LIMITS.len() * queries.len());
    let persian_documents = SearchFilters { lang: Some(Lang::Fa), concepts: false, ..SearchFilters::default() };
    check_agree(&index, &corpus, &queries[..20], &persian_documents);
    let one_document = SearchFilters { document: Some(3), ..SearchFilters::default() };
    check_agree(&index, &corpus, &queries[..20], &one_document);
}

#[test]
fn heads_keep_the_best_impacts() {
    let corpus = seed_corpus();
    let index = SearchIndex::build(&corpus, &[]).with_heads(16, 4);
    let mut checked = 0;
    for term in 0..index.postings.term_count() as u32 {
        let Some((head, tail_bound)) = index.heads.head(term) else { continue };
        let impact = |(p, tf): (u32, u32)| index.weights[p as usize].tf_part(tf);
        let head: Vec<(u32, u32)> = head.collect();
        assert!(head.len() >= 4, "{}", index.postings.term(term));
        let lowest_in_head = head.iter().map(|&e| impact(e)).fold(f32::INFINITY, f32::min);
        assert!(tail_bound < lowest_in_head, "{}", index.postings.term(term));
        for posting in index.postings.postings(term).filter(|e| !head.contains(e)) {
            assert!(impact(posting) <= tail_bound, "{}", index.postings.term(term));
        }
        checked += 1;
    }
    assert!(checked > 10, "only {checked} heads");
}
