//! Mention finding over the synthetic corpus (the seeds' paragraphs shuffled,
//! see `examples/common/synthetic.rs`): one big text (cut at blank lines and
//! found on several threads), the same on one thread (texts under 4 MB are
//! not cut), the whole index build, and folding alone for comparison.
//!
//! ```text
//! cargo bench --no-default-features --bench mentions             # 20 MB
//! DIPLOMAP_BENCH_MB=100 cargo bench --no-default-features --bench mentions
//! ```
//!
//! Against ripgrep on the same bytes and literals: `scripts/bench_mentions_vs_rg.sh`.

// Shared with the examples and the search bench; not every helper is used here.
#[allow(dead_code)]
#[path = "../examples/common/synthetic.rs"]
mod synthetic;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

use diplomap::index::Index;
use diplomap::index::mentions::Matcher;
use diplomap::text::normalize::fold;

fn megabytes() -> usize {
    std::env::var("DIPLOMAP_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(20)
}

fn bench(c: &mut Criterion) {
    let seed = synthetic::seed_corpus();
    let corpus = synthetic::synthetic_corpus(&seed, megabytes() * 1_000_000);
    let text: String = corpus.documents.iter().map(|d| d.text.as_str()).collect();
    let matcher = Matcher::new(&corpus.catalog);
    let mb = megabytes();

    let mut group = c.benchmark_group("mentions");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function(format!("find_{mb}mb_one_text"), |b| b.iter(|| matcher.find(black_box(&text)).len()));
    group.bench_function(format!("find_{mb}mb_one_thread"), |b| {
        // Documents of 200 KB: each found on the calling thread.
        b.iter(|| corpus.documents.iter().map(|d| matcher.find(black_box(&d.text)).len()).sum::<usize>())
    });
    group.bench_function(format!("fold_only_{mb}mb"), |b| b.iter(|| fold(black_box(&text)).text().len()));
    group.bench_function(format!("index_build_{mb}mb"), |b| b.iter(|| Index::build(black_box(&corpus)).mentions.len()));
    group.finish();

    let mut setup = c.benchmark_group("matcher");
    setup.bench_function("new", |b| b.iter(|| Matcher::new(black_box(&corpus.catalog)).pattern_count()));
    setup.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
