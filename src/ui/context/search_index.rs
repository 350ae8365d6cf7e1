//! The search index of the loaded corpus and notes, built on a worker thread
//! (as the main index is, by `shell::loading`) and cached by what it indexes:
//! the model's revision and the notes' generation. It is built again only
//! when one of them changed; until the new one is there, the last index of
//! the same corpus revision keeps answering (only the notes are older), and
//! with none the search view says it is indexing.
//!
//! The notes' bodies are read through the one [`NoteStore`] the app holds,
//! without disturbing its conflict check ([`NoteStore::main_notes`] only
//! peeks); the corpus is shared with the worker, not copied.

use std::sync::Arc;
use std::thread::JoinHandle;

use eframe::egui;

use crate::index::search::SearchIndex;
use crate::notes::NoteStore;
use crate::ui::context::model::Model;

/// What a search index was built from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchIndexKey {
    /// The [`Model::revision`] of the corpus it indexes.
    pub corpus_revision: u64,
    /// The notes' generation (bumped whenever a note is saved or reloaded).
    pub notes_generation: u64,
}

impl SearchIndexKey {
    pub fn of(model: &Model, notes_generation: u64) -> SearchIndexKey {
        SearchIndexKey { corpus_revision: model.revision, notes_generation }
    }

    /// Whether an index built for `self` can answer for `wanted`: its hits
    /// point into the same corpus (only the notes may be older).
    pub fn can_stand_in_for(&self, wanted: &SearchIndexKey) -> bool {
        self.corpus_revision == wanted.corpus_revision
    }
}

/// An index with what it was built from.
#[derive(Debug)]
pub struct BuiltSearchIndex {
    pub key: SearchIndexKey,
    pub index: SearchIndex,
    /// Note files that could not be read (left out of the index).
    pub unreadable_notes: usize,
}

/// What the search view can use this frame.
#[derive(Debug, Clone, Copy)]
pub struct SearchIndexStatus<'a> {
    /// The index to search: the one wanted, or one of the same corpus with
    /// older notes while the new one is built; `None` before the first.
    pub index: Option<&'a BuiltSearchIndex>,
    /// A build for the wanted key is running.
    pub indexing: bool,
}

struct Job {
    key: SearchIndexKey,
    handle: JoinHandle<BuiltSearchIndex>,
}

/// The cached search index and the build running for it, if any.
#[derive(Default)]
pub struct SearchIndexCache {
    built: Option<BuiltSearchIndex>,
    job: Option<Job>,
    /// How many indexes were started (tests: nothing is built twice).
    builds: u64,
}

impl SearchIndexCache {
    /// The index for `model` and the notes of `notes` at `notes_generation`:
    /// starts a build when the cached one is for something else (the worker
    /// asks `ctx` for a frame when it is done) and takes a finished one.
    pub fn request(
        &mut self,
        ctx: &egui::Context,
        model: &Model,
        notes: &NoteStore,
        notes_generation: u64,
    ) -> SearchIndexStatus<'_> {
        let wanted = SearchIndexKey::of(model, notes_generation);
        self.take_finished();
        let up_to_date = self.built.as_ref().is_some_and(|built| built.key == wanted);
        if !up_to_date && self.job.as_ref().is_none_or(|job| job.key != wanted) {
            // A build for an older key is left to finish on its own; its
            // result is dropped.
            self.job = None;
            self.start(ctx, model, notes, wanted);
        }
        let index = self.built.as_ref().filter(|built| built.key.can_stand_in_for(&wanted));
        SearchIndexStatus { index, indexing: self.job.is_some() }
    }

    /// Whether a build is running (a screenshot waits for it).
    pub fn is_indexing(&self) -> bool {
        self.job.is_some()
    }

    /// How many builds were started so far.
    pub fn builds(&self) -> u64 {
        self.builds
    }

    fn take_finished(&mut self) {
        if !self.job.as_ref().is_some_and(|job| job.handle.is_finished()) {
            return;
        }
        let Some(job) = self.job.take() else { return };
        // A build that panicked leaves the old index; the next request tries again.
        if let Ok(built) = job.handle.join() {
            self.built = Some(built);
        }
    }

    fn start(&mut self, ctx: &egui::Context, model: &Model, notes: &NoteStore, key: SearchIndexKey) {
        self.builds += 1;
        let (bodies, errors) = notes.main_notes();
        let unreadable_notes = errors.len();
        let corpus = Arc::clone(&model.corpus);
        let repaint = ctx.clone();
        let build = move || {
            let index = SearchIndex::build(&corpus, &bodies);
            repaint.request_repaint();
            BuiltSearchIndex { key, index, unreadable_notes }
        };
        match std::thread::Builder::new().name("diplomap-search-index".into()).spawn(build) {
            Ok(handle) => self.job = Some(Job { key, handle }),
            // No thread to be had: build here, the window waits.
            Err(_) => {
                let (bodies, _) = notes.main_notes();
                let index = SearchIndex::build(&model.corpus, &bodies);
                self.built = Some(BuiltSearchIndex { key, index, unreadable_notes });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn model_in(dir: &std::path::Path) -> Model {
        std::fs::create_dir_all(dir.join("documents")).unwrap();
        std::fs::write(
            dir.join("concepts.ron"),
            r#"Catalog(concepts: [Concept(id: "interpol", kind: Organisation, labels: (fa: "اینترپل", en: "INTERPOL"))])"#,
        )
        .unwrap();
        std::fs::write(dir.join("documents/d1.txt"), "همکاری پلیس اینترپل ادامه دارد.\n").unwrap();
        Model::load(dir).unwrap()
    }

    /// Requests until the build for the wanted key is done.
    fn ready<'c>(
        cache: &'c mut SearchIndexCache,
        ctx: &egui::Context,
        model: &Model,
        notes: &NoteStore,
        generation: u64,
    ) -> &'c BuiltSearchIndex {
        let deadline = Instant::now() + Duration::from_secs(30);
        while cache.request(ctx, model, notes, generation).indexing {
            assert!(Instant::now() < deadline, "the search index was not built in time");
            std::thread::sleep(Duration::from_millis(5));
        }
        cache.request(ctx, model, notes, generation).index.unwrap()
    }

    #[test]
    fn the_key_is_the_corpus_revision_and_the_notes_generation() {
        let dir = tempfile::tempdir().unwrap();
        let mut model = model_in(dir.path());
        let key = SearchIndexKey::of(&model, 3);
        assert_eq!(key, SearchIndexKey { corpus_revision: model.revision, notes_generation: 3 });
        assert_ne!(key, SearchIndexKey::of(&model, 4), "a saved note changes the key");
        assert!(key.can_stand_in_for(&SearchIndexKey::of(&model, 4)), "older notes, same corpus: usable");
        model.revision += 1;
        assert_ne!(key, SearchIndexKey::of(&model, 3), "a new corpus revision changes the key");
        assert!(!key.can_stand_in_for(&SearchIndexKey::of(&model, 3)), "another corpus: never");
    }

    #[test]
    fn built_once_per_key_in_the_background() {
        let dir = tempfile::tempdir().unwrap();
        let mut model = model_in(dir.path());
        let notes = NoteStore::open(dir.path().join("notes"));
        let (ctx, mut cache) = (egui::Context::default(), SearchIndexCache::default());
        let first = cache.request(&ctx, &model, &notes, 0);
        assert!(first.indexing && first.index.is_none(), "nothing to search before the first build");
        let built = ready(&mut cache, &ctx, &model, &notes, 0);
        assert_eq!(built.key, SearchIndexKey::of(&model, 0));
        assert_eq!(cache.builds(), 1);
        for _ in 0..3 {
            assert!(!cache.request(&ctx, &model, &notes, 0).indexing);
        }
        assert_eq!(cache.builds(), 1, "the same key is not built again");

        // A note saved: rebuilt, the old index answering meanwhile.
        let mut writer = NoteStore::open(dir.path().join("notes"));
        writer.set_main("interpol", "یادداشت زیرنویس").unwrap();
        let status = cache.request(&ctx, &model, &notes, 1);
        assert!(status.indexing);
        assert_eq!(status.index.map(|built| built.key.notes_generation), Some(0), "the old index answers meanwhile");
        let built = ready(&mut cache, &ctx, &model, &notes, 1);
        assert_eq!(built.key.notes_generation, 1);
        let hits = built.index.search(&model.corpus, "زیرنویس", &Default::default(), 10);
        assert!(!hits.is_empty(), "the new note is indexed");
        assert_eq!(cache.builds(), 2);

        // A new corpus revision: the old index does not stand in.
        model.revision += 1;
        let status = cache.request(&ctx, &model, &notes, 1);
        assert!(status.indexing);
        assert!(status.index.is_none(), "no index of another corpus is searched");
        ready(&mut cache, &ctx, &model, &notes, 1);
        assert_eq!(cache.builds(), 3);
    }
}
