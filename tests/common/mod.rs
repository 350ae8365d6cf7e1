//! Helpers shared by the integration tests: the bundled corpus, loaded once.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use diplomap::corpus::Corpus;
use diplomap::index::Index;

pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

pub fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("data")
}

/// The bundled corpus and its index, loaded once per test binary.
pub fn corpus_and_index() -> &'static (Corpus, Index) {
    static LOADED: OnceLock<(Corpus, Index)> = OnceLock::new();
    LOADED.get_or_init(|| {
        let (corpus, diagnostics) = Corpus::load(&corpus_dir());
        let errors: Vec<String> = diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
        assert!(errors.is_empty(), "the bundled corpus has errors: {errors:#?}");
        let corpus = corpus.expect("the bundled corpus loads");
        let index = Index::build(&corpus);
        (corpus, index)
    })
}

/// Whether tests should rewrite their expected files (`UPDATE_EXPECT=1`).
pub fn updating() -> bool {
    std::env::var_os("UPDATE_EXPECT").is_some_and(|v| v == "1")
}
