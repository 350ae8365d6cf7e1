//! A large synthetic corpus for benchmarks: the paragraphs of the seed
//! documents, shuffled deterministically and repeated into many documents
//! until the wanted size is reached. Shared by `benches/search.rs` and the
//! examples (`#[path]`-included, so no machine path is written anywhere).

use std::path::Path;

use diplomap::corpus::{Corpus, Document, DocumentMeta};
use diplomap::text::segment;

/// Size of one generated document in bytes (about).
pub const DOCUMENT_BYTES: usize = 200_000;

/// Loads the seed corpus of the repository (`corpus/`).
pub fn seed_corpus() -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let (corpus, diagnostics) = Corpus::load(&dir);
    match corpus {
        Some(corpus) => corpus,
        None => panic!("cannot load the seed corpus in {}: {diagnostics:?}", dir.display()),
    }
}

/// A corpus of about `target_bytes` made of the seed paragraphs, shuffled.
pub fn synthetic_corpus(seed: &Corpus, target_bytes: usize) -> Corpus {
    let paragraphs: Vec<&str> =
        seed.documents.iter().flat_map(|d| segment::paragraphs(&d.text).into_iter().map(move |r| &d.text[r])).collect();
    assert!(!paragraphs.is_empty(), "the seed corpus has no paragraphs");
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut order: Vec<usize> = (0..paragraphs.len()).collect();
    let mut documents = Vec::new();
    let mut total = 0;
    let mut next = order.len();
    while total < target_bytes {
        let mut text = String::with_capacity(DOCUMENT_BYTES + 4096);
        while text.len() < DOCUMENT_BYTES {
            if next == order.len() {
                rng.shuffle(&mut order);
                next = 0;
            }
            text.push_str(paragraphs[order[next]]);
            text.push_str("\n\n");
            next += 1;
        }
        total += text.len();
        let id = format!("synthetic-{:05}", documents.len());
        documents.push(Document::new(id, text, DocumentMeta::default()));
    }
    Corpus { dir: seed.dir.clone(), catalog: seed.catalog.clone(), documents }
}

/// Total bytes of the documents' texts.
pub fn corpus_bytes(corpus: &Corpus) -> usize {
    corpus.documents.iter().map(|d| d.text.len()).sum()
}

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn shuffle(&mut self, items: &mut [usize]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}
