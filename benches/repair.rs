//! The repair of broken visual order on the damaged seed `002_…` (967 lines,
//! 93 KB): the whole document's reading text, as the reader, the index and
//! `diplomap text` make it (its vocabulary built from the document included).
//!
//! ```text
//! cargo bench --no-default-features --bench repair
//! ```

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use diplomap::corpus::Corpus;

fn bench(c: &mut Criterion) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (Some(corpus), _) = Corpus::load(&dir) else { panic!("the bundled corpus loads") };
    let Some(doc) = corpus.documents.iter().find(|d| d.id.starts_with("002_")) else { panic!("002 is bundled") };
    let mut group = c.benchmark_group("repair");
    group.sample_size(10);
    group.bench_function("002 whole document", |b| b.iter(|| black_box(doc).reading()));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
