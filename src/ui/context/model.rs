//! The loaded data the views draw from: the corpus, its index and what is
//! derived from them (concept colours, document lookups), with a revision
//! number that caches key on. The model holds no egui state.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::catalog::Catalog;
use crate::catalog::files::{CONCEPTS_DIR, MAIN_FILE};
use crate::corpus::Corpus;
use crate::diag::Diagnostic;
use crate::index::Index;
use crate::index::incremental::CatalogUpdate;

pub struct Model {
    /// Shared, so a worker (the search index's) can read it off the UI thread.
    pub corpus: Arc<Corpus>,
    pub index: Index,
    /// Bumped whenever the corpus or index changes; caches compare it.
    pub revision: u64,
    /// Problems found while loading (warnings, and errors in optional files).
    pub problems: Vec<Diagnostic>,
}

impl Model {
    /// Loads the corpus at `dir` and indexes it. Errors in the catalog stop it.
    pub fn load(dir: &Path) -> Result<Model, Vec<Diagnostic>> {
        let (corpus, problems) = Corpus::load(dir);
        let Some(corpus) = corpus else {
            return Err(problems);
        };
        let index = Index::build(&corpus);
        Ok(Model { corpus: Arc::new(corpus), index, revision: 1, problems })
    }

    /// The model after a catalog edit made here, as the next revision: the
    /// documents as they are, `catalog` (read back after the write), and the
    /// index updated for what the edit changed only
    /// ([`Index::update_catalog`], the same index a reload would build).
    /// `catalog_problems` replace the catalog's problems; the documents'
    /// stay.
    pub fn edit_catalog(&mut self, catalog: Catalog, catalog_problems: Vec<Diagnostic>) -> CatalogUpdate {
        let dir = self.corpus.dir.clone();
        let empty = Arc::new(Corpus { dir: dir.clone(), catalog: Catalog::default(), documents: Vec::new() });
        // The corpus is not copied unless a worker still reads it.
        let mut corpus = Arc::unwrap_or_clone(std::mem::replace(&mut self.corpus, empty));
        let old = std::mem::replace(&mut corpus.catalog, catalog);
        let (index, update) = Index::update_catalog_counted(&self.index, &old, &corpus);
        self.corpus = Arc::new(corpus);
        self.index = index;
        self.revision += 1;
        let (main, own) = (dir.join(MAIN_FILE), dir.join(CONCEPTS_DIR));
        self.problems.retain(|d| d.path != main && !d.path.starts_with(&own));
        self.problems.splice(0..0, catalog_problems);
        update
    }

    pub fn dir(&self) -> &PathBuf {
        &self.corpus.dir
    }

    pub fn concept_index(&self, id: &str) -> Option<usize> {
        self.corpus.catalog.position(id)
    }

    pub fn document_index(&self, id: &str) -> Option<usize> {
        self.corpus.documents.iter().position(|d| d.id == id)
    }

    pub fn concept_id(&self, concept: usize) -> &str {
        self.corpus.catalog.concepts.get(concept).map_or("", |c| c.id.as_str())
    }

    /// The highlight colour of concept number `concept` ([`concept_rgb`] of its id).
    pub fn concept_rgb(&self, concept: usize, dark: bool) -> [u8; 3] {
        concept_rgb(self.concept_id(concept), dark)
    }
}

/// A colour per concept, taken from its id: stable across runs and across
/// catalog edits (an edit that moves a concept to its own file, or adds one
/// before it, leaves every other concept's colour as it was). The id's hash
/// picks a hue; the golden ratio spreads neighbouring hashes apart.
pub fn concept_rgb(id: &str, dark: bool) -> [u8; 3] {
    let hash = crate::corpus::fnv1a64(id.as_bytes());
    let hue = ((hash % 10_007) as f32 * 0.618_034).fract();
    let (saturation, value) = if dark { (0.55, 0.95) } else { (0.65, 0.80) };
    hsv_to_rgb(hue, saturation, value)
}

fn hsv_to_rgb(h: f32, s: f32, v: f32) -> [u8; 3] {
    let i = (h * 6.0).floor();
    let f = h * 6.0 - i;
    let p = v * (1.0 - s);
    let q = v * (1.0 - f * s);
    let t = v * (1.0 - (1.0 - f) * s);
    let (r, g, b) = match i as i32 % 6 {
        0 => (v, t, p),
        1 => (q, v, p),
        2 => (p, v, t),
        3 => (p, q, v),
        4 => (t, p, v),
        _ => (v, p, q),
    };
    [(r * 255.0) as u8, (g * 255.0) as u8, (b * 255.0) as u8]
}
