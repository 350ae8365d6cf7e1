//! Search benchmarks over a synthetic corpus of the seeds' paragraphs,
//! shuffled into many documents (see `examples/common/synthetic.rs`).
//!
//! ```text
//! cargo bench --no-default-features --bench search            # 20 MB
//! DIPLOMAP_BENCH_MB=100 cargo bench --no-default-features --bench search
//! ```
//!
//! 20 MB by default so a run stays short on two cores; the build scales
//! linearly, and `examples/search_scale.rs` measures 100 MB (with p50/p95
//! and, under `/usr/bin/time -v`, peak memory).

#[path = "../examples/common/synthetic.rs"]
mod synthetic;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use diplomap::index::mentions::Matcher;
use diplomap::index::search::{SearchFilters, SearchIndex};

const QUERIES: &[(&str, &str)] = &[
    ("label-fa", "دیپلماسی پلیسی"),
    ("prefix-fa", "دیپلم"),
    ("arabic-ye", "اينترپل"),
    ("two-words-fa", "بین المللی"),
    ("arabic", "الإنتربول"),
    ("english", "terrorism"),
    ("english-prefix", "cooperation betw"),
];

fn megabytes() -> usize {
    std::env::var("DIPLOMAP_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(20)
}

fn bench(c: &mut Criterion) {
    let seed = synthetic::seed_corpus();
    let corpus = synthetic::synthetic_corpus(&seed, megabytes() * 1_000_000);
    let bytes = synthetic::corpus_bytes(&corpus) as u64;

    let mut build = c.benchmark_group("search_build");
    build.sample_size(10);
    build.throughput(criterion::Throughput::Bytes(bytes));
    build.bench_function(format!("{}mb", megabytes()), |b| b.iter(|| SearchIndex::build(black_box(&corpus), &[])));
    build.finish();

    let index = SearchIndex::build(&corpus, &[]);
    let filters = SearchFilters::default();
    let mut queries = c.benchmark_group("search_query");
    for (name, query) in QUERIES {
        queries.bench_function(*name, |b| b.iter(|| index.search(&corpus, black_box(query), &filters, 20)));
    }
    queries.finish();

    let matcher = Matcher::new(&corpus.catalog);
    let text: String = corpus.documents.iter().take(10).map(|d| d.text.as_str()).collect();
    let mut mentions = c.benchmark_group("mentions");
    mentions.sample_size(10);
    mentions.throughput(criterion::Throughput::Bytes(text.len() as u64));
    mentions
        .bench_function("fold_and_find_2mb", |b| b.iter(|| matcher.find(black_box(&text)).len()));
    mentions.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
