//! Loading a corpus and its index off the calling thread, with progress, a
//! cancel flag and the on-disk cache ([`super::cache`]); and watching the
//! corpus folder for changed files.
//!
//! [`load`] is the whole job, run on any thread: read the catalog and the
//! documents, then take the index from the cache if it was made from the
//! same bytes, update it if only some documents changed (only those are
//! indexed again), or build it; then write the cache. [`load_in_background`]
//! runs it on its own thread. [`Stamps`] are the sizes and modification
//! times of the corpus files, compared every second or two by [`watch`] to
//! know when to load again (the cache then makes that incremental).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime};

use super::Index;
use super::cache::{self, Fingerprint};
use super::progress::{self, Cancelled, Progress, Stage};
use crate::corpus::Corpus;
use crate::diag::Diagnostic;

/// A loaded corpus with its index.
#[derive(Debug)]
pub struct Loaded {
    pub corpus: Corpus,
    pub index: Index,
    /// Problems found while loading (warnings, and errors in optional files).
    pub problems: Vec<Diagnostic>,
    /// How the index was had.
    pub source: IndexSource,
}

/// Where the index of a [`Loaded`] corpus comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexSource {
    /// The cache, unchanged.
    Cache,
    /// The cache, with this many documents indexed again.
    Updated(usize),
    /// Built from scratch.
    Built,
}

/// Why a load gave no corpus.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The catalog could not be read: every problem found.
    #[error("the corpus cannot be loaded")]
    Failed(Vec<Diagnostic>),
    #[error("cancelled")]
    Cancelled,
}

impl From<Cancelled> for LoadError {
    fn from(_: Cancelled) -> Self {
        LoadError::Cancelled
    }
}

/// Loads the corpus in `dir` and its index, with the cache at `cache_path`
/// (none: no cache), reporting to `progress` and stopping once `cancel` is set.
pub fn load(
    dir: &Path,
    cache_path: Option<&Path>,
    progress: &Progress,
    cancel: &AtomicBool,
) -> Result<Loaded, LoadError> {
    progress.start(Stage::Reading, 0);
    let (corpus, problems) = Corpus::load(dir);
    let Some(corpus) = corpus else {
        progress.finish();
        return Err(LoadError::Failed(problems));
    };
    progress::check(cancel)?;
    progress.start(Stage::Cache, 0);
    let fingerprint = Fingerprint::of(&corpus);
    let cached = cache_path.and_then(cache::load).filter(|c| c.fingerprint.catalog == fingerprint.catalog);
    let (index, source) = match cached {
        Some(cached) if cached.fingerprint == fingerprint && cache::fits(&cached.index, &corpus) => {
            (cached.index, IndexSource::Cache)
        }
        Some(cached) if cached.index.documents.len() == cached.fingerprint.documents.len() => {
            let changed = fingerprint.changed_since(&cached.fingerprint);
            let bytes: usize = corpus.documents.iter().filter(|d| changed.contains(&d.id)).map(|d| d.text.len()).sum();
            progress.start(Stage::Indexing, bytes as u64);
            let index = Index::update(&cached.index, &cached.fingerprint.ids(), &corpus, &changed);
            progress.advance(bytes as u64);
            if cache::fits(&index, &corpus) {
                (index, IndexSource::Updated(changed.len()))
            } else {
                (Index::build_with(&corpus, progress, cancel)?, IndexSource::Built)
            }
        }
        _ => (Index::build_with(&corpus, progress, cancel)?, IndexSource::Built),
    };
    if source != IndexSource::Cache
        && let Some(path) = cache_path
    {
        // A cache that cannot be written only costs time at the next start.
        let _ = cache::store(path, &fingerprint, &index);
    }
    progress.finish();
    Ok(Loaded { corpus, index, problems, source })
}

/// Runs [`load`] on a thread of its own (the UI passes
/// [`cache::default_path`] as the cache).
pub fn load_in_background(
    dir: PathBuf,
    cache_path: Option<PathBuf>,
    progress: Arc<Progress>,
    cancel: Arc<AtomicBool>,
) -> std::io::Result<JoinHandle<Result<Loaded, LoadError>>> {
    std::thread::Builder::new()
        .name("diplomap-load".into())
        .spawn(move || load(&dir, cache_path.as_deref(), &progress, &cancel))
}

/// Sizes and modification times of the files an index depends on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stamps(BTreeMap<PathBuf, (u64, Option<SystemTime>)>);

impl Stamps {
    /// The stamps of the catalog's files and of every file in `documents/`.
    pub fn of(dir: &Path) -> Stamps {
        let mut stamps = BTreeMap::new();
        let mut add = |path: PathBuf| {
            if let Ok(meta) = std::fs::metadata(&path) {
                stamps.insert(path, (meta.len(), meta.modified().ok()));
            }
        };
        add(dir.join(crate::catalog::files::MAIN_FILE));
        add(dir.join(crate::catalog::files::CONCEPTS_DIR));
        for path in crate::catalog::files::paths(dir) {
            add(path);
        }
        if let Ok(entries) = std::fs::read_dir(dir.join("documents")) {
            for entry in entries.flatten() {
                add(entry.path());
            }
        }
        Stamps(stamps)
    }
}

/// Watches `dir` on a thread of its own: every `interval`, compares the
/// [`Stamps`] with the last ones and calls `changed` with the new ones when
/// they differ, until `stop` is set or `changed` returns `false`.
pub fn watch(
    dir: PathBuf,
    interval: Duration,
    stop: Arc<AtomicBool>,
    mut changed: impl FnMut(&Stamps) -> bool + Send + 'static,
) -> std::io::Result<JoinHandle<()>> {
    std::thread::Builder::new().name("diplomap-watch".into()).spawn(move || {
        let mut last = Stamps::of(&dir);
        while !stop.load(Ordering::Relaxed) {
            std::thread::sleep(interval);
            let now = Stamps::of(&dir);
            if now != last {
                if !changed(&now) {
                    return;
                }
                last = now;
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus_dir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("concepts.ron"),
            r#"Catalog(concepts: [Concept(id: "interpol", kind: Organisation, labels: (fa: "اینترپل", en: "INTERPOL"))])"#,
        )
        .unwrap();
        std::fs::create_dir(dir.path().join("documents")).unwrap();
        std::fs::write(dir.path().join("documents/a.txt"), "INTERPOL و اینترپل\n").unwrap();
        std::fs::write(dir.path().join("documents/b.txt"), "nothing here\n").unwrap();
        dir
    }

    fn run(dir: &Path, cache: &Path) -> Loaded {
        load(dir, Some(cache), &Progress::default(), &AtomicBool::new(false)).unwrap()
    }

    #[test]
    fn build_then_cache_then_update() {
        let dir = corpus_dir();
        let cache = dir.path().join("cache.bin");
        let first = run(dir.path(), &cache);
        assert_eq!(first.source, IndexSource::Built);
        assert_eq!(first.index.mentions.len(), 2);
        let second = run(dir.path(), &cache);
        assert_eq!(second.source, IndexSource::Cache);
        assert_eq!(second.index.mentions, first.index.mentions);
        std::fs::write(dir.path().join("documents/b.txt"), "اینترپل\n").unwrap();
        let third = run(dir.path(), &cache);
        assert_eq!(third.source, IndexSource::Updated(1));
        assert_eq!(third.index.mentions.len(), 3);
        std::fs::write(&cache, b"not a cache").unwrap();
        let fourth = run(dir.path(), &cache);
        assert_eq!(fourth.source, IndexSource::Built);
        assert_eq!(fourth.index.mentions, third.index.mentions);
    }

    #[test]
    fn a_bad_catalog_fails_with_its_position_and_cancel_stops() {
        let dir = corpus_dir();
        std::fs::write(dir.path().join("concepts.ron"), "Catalog(concepts: [\n  Concept(\n").unwrap();
        let Err(LoadError::Failed(problems)) = load(dir.path(), None, &Progress::default(), &AtomicBool::new(false))
        else {
            panic!("a broken catalog must fail");
        };
        assert!(problems[0].to_string().contains("concepts.ron:"), "{problems:?}");
        let dir = corpus_dir();
        let cancelled = load(dir.path(), None, &Progress::default(), &AtomicBool::new(true));
        assert!(matches!(cancelled, Err(LoadError::Cancelled)));
    }

    #[test]
    fn background_load_reports_progress() {
        let dir = corpus_dir();
        let progress = Arc::new(Progress::default());
        let cache = Some(dir.path().join("cache.bin"));
        let handle = load_in_background(dir.path().to_path_buf(), cache, progress.clone(), Arc::default()).unwrap();
        let loaded = handle.join().unwrap().unwrap();
        assert_eq!(loaded.corpus.documents.len(), 2);
        assert_eq!(progress.stage(), Stage::Done);
    }

    #[test]
    fn stamps_change_with_a_file() {
        let dir = corpus_dir();
        let before = Stamps::of(dir.path());
        std::fs::write(dir.path().join("documents/b.txt"), "longer text than before\n").unwrap();
        assert_ne!(before, Stamps::of(dir.path()));
    }
}
