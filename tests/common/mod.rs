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

/// The text of seed `prefix` (`"000"` … `"004"`) as bundled in the corpus.
pub fn seed(prefix: &str) -> String {
    let documents = corpus_dir().join("documents");
    let entry = std::fs::read_dir(documents)
        .expect("the documents folder")
        .map(|entry| entry.expect("a folder entry").path())
        .find(|path| {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            name.starts_with(&format!("{prefix}_")) && name.ends_with(".txt")
        })
        .expect("the seed exists");
    std::fs::read_to_string(entry).expect("the seed is UTF-8")
}

/// A copy of the bundled corpus in a temporary folder (tests that save notes,
/// tours or layouts write there, never into the repository).
pub fn corpus_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_tree(&corpus_dir(), dir.path());
    dir
}

/// A copy of the bundled catalog and documents only (no notes, tours or
/// layout) in a temporary folder: a corpus as a new user starts it.
pub fn catalog_and_documents_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let from = corpus_dir();
    std::fs::copy(from.join("concepts.ron"), dir.path().join("concepts.ron")).expect("copy the catalog");
    copy_tree(&from.join("documents"), &dir.path().join("documents"));
    dir
}

fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read corpus folder") {
        let entry = entry.expect("read folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}
