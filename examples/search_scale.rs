//! Search at scale: builds the search index over a synthetic corpus of the
//! seeds' paragraphs (default 100 MB) and times typical queries.
//!
//! ```text
//! cargo run --release --no-default-features --example search_scale -- 100
//! /usr/bin/time -v target/release/examples/search_scale 100   # peak memory
//! ```
//!
//! Prints the corpus size, the build time, the index's own heap bytes, and
//! p50/p95 per query over repeated runs, and the fastest run (what a query
//! costs when no other process takes the core away). Passing `--no-index` stops after
//! generating the corpus, so the peak memory of the corpus alone can be
//! subtracted from the peak with the index; `--query Q` times only Q, 501
//! times (for a profiler).

#[path = "common/synthetic.rs"]
mod synthetic;

use std::time::{Duration, Instant};

use diplomap::index::search::{SearchFilters, SearchIndex};

/// Typical queries: a label, a prefix as typed, two words, Arabic, English, a
/// spelling variant, a rare word.
pub const QUERIES: &[&str] = &[
    "دیپلماسی پلیسی",
    "دیپلم",
    "اينترپل",
    "بین المللی",
    "الإنتربول",
    "terrorism",
    "cooperation betw",
    "قاچاق مواد مخدر",
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let megabytes: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(100);
    let no_index = args.iter().any(|a| a == "--no-index");
    let seed = synthetic::seed_corpus();
    let start = Instant::now();
    let corpus = synthetic::synthetic_corpus(&seed, megabytes * 1_000_000);
    let bytes = synthetic::corpus_bytes(&corpus);
    println!(
        "corpus: {:.1} MB in {} documents, generated in {:.2?}",
        bytes as f64 / 1e6,
        corpus.documents.len(),
        start.elapsed()
    );
    if no_index {
        return;
    }
    let start = Instant::now();
    let index = SearchIndex::build(&corpus, &[]);
    let build = start.elapsed();
    let stats = index.stats();
    println!(
        "index: built in {build:.2?} ({:.1} MB/s); {} passages, {} terms, postings {:.1} MB, index heap {:.1} MB ({:.2}x the corpus)",
        bytes as f64 / 1e6 / build.as_secs_f64(),
        stats.passages,
        stats.terms,
        stats.postings_bytes as f64 / 1e6,
        stats.memory_bytes as f64 / 1e6,
        stats.memory_bytes as f64 / bytes as f64
    );
    let filters = SearchFilters::default();
    // `--query Q`: time only Q, many times (for a profiler).
    let only: Option<&str> = args.iter().position(|a| a == "--query").and_then(|i| args.get(i + 1)).map(String::as_str);
    let (queries, runs): (Vec<&str>, usize) = match only {
        Some(q) => (vec![q], 501),
        None => (QUERIES.to_vec(), 31),
    };
    for query in queries {
        let mut times: Vec<Duration> = Vec::new();
        let mut count = 0;
        for _ in 0..runs {
            let start = Instant::now();
            count = index.search(&corpus, query, &filters, 20).len();
            times.push(start.elapsed());
        }
        times.sort();
        let p95 = times[times.len() * 95 / 100];
        let (p50, min) = (times[times.len() / 2], times[0]);
        println!("search {query:?}: p50 {p50:.2?}, p95 {p95:.2?}, min {min:.2?}, {count} hits");
    }
}
